#include "Cgroup.h"

#include "BindMount.h"
#include "Syscalls.h"
#include "UserNamespace.h"

#include <cerrno>
#include <fcntl.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace lab::real {
namespace {

struct Hierarchies {
    std::string v2;        // mount point of cgroup2, empty when none
    std::string v1Freezer; // mount point of the v1 freezer controller, empty when none
};

Hierarchies findHierarchies() {
    Hierarchies found;
    for (const MountEntry& mount : readMountinfo()) {
        if (mount.type == "cgroup2" && found.v2.empty())
            found.v2 = mount.mountPoint;
        if (mount.type == "cgroup" && found.v1Freezer.empty() &&
            ("," + mount.superOptions + ",").find(",freezer,") != std::string::npos)
            found.v1Freezer = mount.mountPoint;
    }
    return found;
}

bool isV2(CgroupMode mode) {
    return mode == CgroupMode::V2;
}

// This process's cgroup in the hierarchy mounted at mount, from /proc/self/cgroup
// ("0::/user.slice/..." for v2, "6:freezer:/..." for the v1 freezer).
Expected<std::string> ownCgroup(CgroupMode mode, const std::string& mount) {
    auto lines = readFile("/proc/self/cgroup");
    if (!lines)
        return lines.error();
    std::istringstream entries(*lines);
    for (std::string line; std::getline(entries, line);) {
        const auto first = line.find(':'), second = line.find(':', first + 1);
        if (first == std::string::npos || second == std::string::npos)
            continue;
        const std::string controllers = "," + line.substr(first + 1, second - first - 1) + ",";
        if (isV2(mode) ? line.compare(0, first, "0") == 0 && controllers == ",,"
                       : controllers.find(",freezer,") != std::string::npos) {
            const std::string path = line.substr(second + 1);
            return path == "/" ? mount : mount + path;
        }
    }
    return Error{"/proc/self/cgroup names no " +
                 std::string(isV2(mode) ? "cgroup v2" : "v1 freezer") + " cgroup"};
}

// Rootless: the cgroup systemd delegated to this user, which must be this process's own: moving
// a process needs write access to the cgroup.procs of the common ancestor of where it is and
// where it goes, and making a cgroup needs write access to the parent directory. What is
// missing is said in full.
Expected<std::string> delegatedCgroup(CgroupMode mode, const std::string& mount) {
    auto own = ownCgroup(mode, mount);
    if (!own)
        return own.error();
    struct stat status {};
    if (::stat(own->c_str(), &status) < 0)
        return errnoError("stat " + *own, errno);
    // What systemd chowns when it delegates (cgroup.threads is left out: threads are not moved).
    std::vector<std::string> needed = {*own, *own + "/cgroup.procs"};
    if (isV2(mode))
        needed.push_back(*own + "/cgroup.subtree_control");
    for (const std::string& path : needed)
        if (::access(path.c_str(), W_OK) < 0)
            return Error{"this process's cgroup " + *own + " is not delegated to uid " +
                         std::to_string(::geteuid()) + " (owner uid " +
                         std::to_string(status.st_uid) + "): " + path +
                         " is not writable; start the backend in a delegated cgroup, e.g. under "
                         "`systemd-run --user --scope -p Delegate=yes`"};
    return *own;
}

} // namespace

Expected<CgroupTree> CgroupTree::open(CgroupMode mode, const std::string& name) {
    const Hierarchies found = findHierarchies();
    if (mode == CgroupMode::Auto)
        mode = found.v2.empty() ? CgroupMode::V1Freezer : CgroupMode::V2;
    const std::string mount = isV2(mode) ? found.v2 : found.v1Freezer;
    if (mount.empty())
        return Error{isV2(mode)
                         ? "no cgroup v2 hierarchy is mounted (pause needs cgroup.freeze)"
                         : "no cgroup v1 freezer hierarchy is mounted (pause needs freezer.state)"};
    CgroupTree tree;
    tree.m_mode = mode;
    if (isV2(mode))
        tree.m_description =
            "cgroup v2 at " + mount +
            (mount == "/sys/fs/cgroup" ? "" : " (hybrid host: v1 controllers beside it)");
    else
        tree.m_description = "cgroup v1 freezer at " + mount;
    // Root makes its subtree at the top; a user under the cgroup delegated to it.
    std::string parent = mount;
    if (isRootless()) {
        auto delegated = delegatedCgroup(mode, mount);
        if (!delegated)
            return delegated.error().context("rootless");
        parent = *delegated;
        tree.m_description += ", rootless under the delegated " + parent;
    }
    const std::string path = parent + "/" + name;
    if (::mkdir(path.c_str(), 0755) < 0 && errno != EEXIST)
        return errnoError("mkdir " + path, errno);
    // Another backend may share the subtree: then rmdir finds it busy and it stays.
    tree.m_path = ScopedPath(path, [](const std::string& dir) { ::rmdir(dir.c_str()); });
    return tree;
}

Status makeCgroupDirectory(const std::string& subtree, const std::string& dir) {
    if (::mkdir(dir.c_str(), 0755) == 0)
        return Ok{};
    if (errno == ENOENT && (::mkdir(subtree.c_str(), 0755) == 0 || errno == EEXIST) &&
        ::mkdir(dir.c_str(), 0755) == 0)
        return Ok{};
    return errnoError("mkdir " + dir, errno);
}

Expected<Cgroup> Cgroup::create(const CgroupTree& tree, const std::string& id,
                                std::vector<std::string>& trace) {
    Cgroup cgroup;
    cgroup.m_mode = tree.mode();
    const std::string path = tree.path() + "/" + id;
    if (Status made = makeCgroupDirectory(tree.path(), path); !made)
        return made.error();
    cgroup.m_path = ScopedPath(path, [](const std::string& dir) { ::rmdir(dir.c_str()); });
    trace.push_back("mkdir " + path);
    return cgroup;
}

Expected<UniqueFd> Cgroup::openDirectory() const {
    UniqueFd fd(::open(path().c_str(), O_DIRECTORY | O_RDONLY | O_CLOEXEC));
    if (!fd)
        return errnoError("open " + path(), errno);
    return fd;
}

Status Cgroup::join(int pid, std::vector<std::string>& trace) const {
    const std::string file = path() + "/cgroup.procs";
    if (auto written = writeFile(file, std::to_string(pid)); !written)
        return written;
    trace.push_back("write " + file + " <- " + std::to_string(pid));
    return Ok{};
}

Expected<bool> Cgroup::requestFreeze(std::vector<std::string>& trace) const {
    const std::string file = path() + (isV2(m_mode) ? "/cgroup.freeze" : "/freezer.state");
    const std::string value = isV2(m_mode) ? "1" : "FROZEN";
    if (auto written = writeFile(file, value); !written)
        return written.error();
    trace.push_back("write " + file + " <- " + value);
    return isFrozen();
}

Expected<bool> Cgroup::isFrozen() const {
    if (isV2(m_mode)) {
        auto events = readFile(eventsFile());
        if (!events)
            return events.error();
        return events->find("frozen 1") != std::string::npos;
    }
    auto state = readFile(path() + "/freezer.state");
    if (!state)
        return state.error();
    return state->rfind("FROZEN", 0) == 0;
}

Status Cgroup::thaw(std::vector<std::string>& trace) const {
    const std::string file = path() + (isV2(m_mode) ? "/cgroup.freeze" : "/freezer.state");
    const std::string value = isV2(m_mode) ? "0" : "THAWED";
    if (auto written = writeFile(file, value); !written)
        return written;
    trace.push_back("write " + file + " <- " + value);
    return Ok{};
}

Status Cgroup::killAll(std::vector<std::string>& trace) const {
    if (path().empty() || !isV2(m_mode))
        return Ok{};
    const std::string file = path() + "/cgroup.kill";
    if (auto written = writeFile(file, "1"); !written)
        return written;
    trace.push_back("write " + file + " <- 1");
    return Ok{};
}

Expected<std::vector<int>> Cgroup::pids() const {
    auto procs = readFile(path() + "/cgroup.procs");
    if (!procs)
        return procs.error();
    std::vector<int> pids;
    std::istringstream lines(*procs);
    for (int pid = 0; lines >> pid;)
        pids.push_back(pid);
    return pids;
}

Status Cgroup::remove(std::vector<std::string>& trace) {
    if (path().empty())
        return Ok{};
    if (::rmdir(path().c_str()) < 0)
        return errnoError("rmdir " + path(), errno);
    trace.push_back("rmdir " + path());
    m_path.release();
    return Ok{};
}

} // namespace lab::real
