#!/bin/sh
# The real backend's tests again as an unprivileged user, the way a desktop user runs them:
# uid $LAB_ROOTLESS_UID (no /etc/passwd entry needed) in a cgroup delegated to it by chown, as
# systemd delegates one (the directory, cgroup.procs, cgroup.subtree_control, cgroup.threads),
# for cgroup v2 and the v1 freezer where mounted. Then the tests that need no pause once more in
# a cgroup that is not delegated (this script's, root's), where the backend runs without one.
# Run as root by ctest; exits 77 (skipped) otherwise. Removes the cgroups it made, and fails if
# anything was left in them. With arguments after the binary, it just runs the binary with them
# once, as the user in the delegated cgroups (for the benchmark).
#   tests/realbackend/rootless.sh build/default/tests/tst_real_backend
#   tests/realbackend/rootless.sh build/default/tests/benchmarks/bench_real_backend --benchmark_...
set -eu
binary=$1
shift
[ "$(id -u)" = 0 ] || { echo "not root: run tst_real_backend itself, it is rootless then"; exit 77; }
uid=${LAB_ROOTLESS_UID:-64711}

cgroups=""
delegate() { # mount point, files to chown beside the directory
    mount=$1; shift
    dir=$mount/lifecycle-lab-rootless-$$
    mkdir "$dir" || { echo "SKIP: no cgroup to delegate: mkdir $dir failed"; exit 77; }
    cgroups="$cgroups $dir"
    for file in "" "$@"; do chown "$uid:$uid" "$dir${file:+/$file}"; done
}
cleanup() {
    status=$?
    rm -rf "$work"
    for dir in $cgroups; do
        if ! rmdir "$dir" 2>/dev/null; then
            echo "LEFT BEHIND in $dir: $(cat "$dir/cgroup.procs" | tr '\n' ' ')$(ls -d "$dir"/*/ 2>/dev/null)"
            [ -e "$dir/cgroup.kill" ] && echo 1 >"$dir/cgroup.kill"
            find "$dir" -mindepth 1 -depth -type d -exec rmdir {} + 2>/dev/null || true
            rmdir "$dir" || true
            status=1
        fi
    done
    exit $status
}
# The user's own temporary directory; the binary is copied there if the user cannot reach it
# (a clone under /root, say).
work=$(mktemp -d)
trap cleanup EXIT
chown "$uid:$uid" "$work"
chmod 700 "$work"
as_user="setpriv --reuid=$uid --regid=$uid --clear-groups --inh-caps=-all"
if ! $as_user test -x "$binary"; then
    cp "$binary" "$work/"
    binary=$work/$(basename "$binary")
fi

# mountinfo: "id parent dev root mountpoint options [optional...] - fstype source superoptions"
mounted() { # the mount point of the first mount of type $1 whose super options contain $2
    awk -v type="$1" -v option="$2" '{
        for (i = 7; $i != "-"; i++) {}
        if ($(i + 1) == type && (option == "" || ("," $(i + 3) ",") ~ ("," option ",")))
            { print $5; exit }
    }' /proc/self/mountinfo
}
v2=$(mounted cgroup2 "")
freezer=$(mounted cgroup freezer)
if [ -n "$v2" ]; then delegate "$v2" cgroup.procs cgroup.subtree_control cgroup.threads; fi
if [ -n "$freezer" ]; then delegate "$freezer" cgroup.procs tasks; fi

echo "== as uid $uid in the delegated cgroups:$cgroups"
# The subshell moves itself into the delegated cgroups, then becomes the user.
(
    for dir in $cgroups; do echo 0 >"$dir/cgroup.procs"; done
    exec env XDG_RUNTIME_DIR="$work" TMPDIR="$work" $as_user "$binary" "$@"
)
[ $# = 0 ] || exit 0
echo "== as uid $uid in a cgroup not delegated to it ($(sed -n 's/^0:://p' /proc/self/cgroup))"
env XDG_RUNTIME_DIR="$work" TMPDIR="$work" $as_user "$binary" withoutADelegatedCgroup eventOrders \
    exitCodeAndOutputOfTheShell theProcessIsPid1InItsOwnNamespaces
