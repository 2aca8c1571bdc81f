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
remove() { # a cgroup directory with everything under it, its processes killed (thawed on v1)
    for sub in $(find "$1" -depth -type d); do
        if [ -e "$sub/freezer.state" ]; then echo THAWED >"$sub/freezer.state"; fi
        if [ -e "$sub/cgroup.kill" ]; then echo 1 >"$sub/cgroup.kill"
        else xargs -r kill -9 <"$sub/cgroup.procs"; fi
    done
    for try in 1 2 3 4 5 6 7 8 9 10; do # the killed leave their cgroups a moment later
        find "$1" -depth -type d -exec rmdir {} + 2>/dev/null && return 0
        sleep 0.1
    done
    echo "could not remove $1"
    return 1
}
sweep() { # cgroups of runs killed before their cleanup (ctest's timeout sends SIGKILL)
    for dir in "$1"/lifecycle-lab-rootless-*; do
        [ -d "$dir" ] && ! kill -0 "${dir##*-}" 2>/dev/null || continue
        echo "removing $dir, left by a run that was killed"
        remove "$dir" || true
    done
}
cleanup() {
    status=$?
    rm -rf "$work"
    for dir in $cgroups; do
        rmdir "$dir" 2>/dev/null && continue
        echo "LEFT BEHIND in $dir: $(tr '\n' ' ' <"$dir/cgroup.procs")$(find "$dir" -mindepth 1 -type d)"
        remove "$dir" || true
        status=1
    done
    exit $status
}
# The user's own temporary directory; the binary is copied there if the user cannot reach it
# (a clone under /root, say).
work=$(mktemp -d)
trap cleanup EXIT
trap 'exit 143' TERM INT HUP # so that the EXIT trap runs
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
for mount in $v2 $freezer; do sweep "$mount"; done
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
