#pragma once
// A container's cgroup, in whichever hierarchy this machine offers. cgroup v2 (mounted at
// /sys/fs/cgroup, or at /sys/fs/cgroup/unified on a hybrid v1+v2 host) has the freezer built in:
// cgroup.freeze, with cgroup.events saying when every task is frozen, and cgroup.kill. Where no
// v2 hierarchy is mounted, the v1 freezer controller (freezer.state) does the same job.
// Each container's directory lives under the backend's own subtree, never elsewhere.

#include "ScopedPath.h"
#include "UniqueFd.h"
#include "base/Expected.h"

#include <string>
#include <vector>

namespace lab::real {

/// Which cgroup interface a backend uses.
enum class CgroupMode {
    Auto,     ///< v2 when any v2 hierarchy is mounted, else the v1 freezer
    V2,       ///< cgroup.freeze / cgroup.events / cgroup.kill
    V1Freezer ///< freezer.state FROZEN / THAWED
};

/// The backend's subtree, made on open, removed when empty on destruction: <mount>/<name> for
/// root; for a user, <this process's cgroup>/<name>, which must be delegated to the user (the
/// directory, cgroup.procs and, on v2, cgroup.subtree_control writable, as systemd chowns them).
class CgroupTree {
public:
    /// Finds the hierarchy (from /proc/self/mountinfo) and makes the subtree; rootless, an
    /// error names the cgroup that is not delegated and the file that is not writable.
    static Expected<CgroupTree> open(CgroupMode mode, const std::string& name);

    /// V2 or V1Freezer, never Auto.
    CgroupMode mode() const { return m_mode; }
    /// The subtree's directory.
    const std::string& path() const { return m_path.get(); }
    /// "cgroup v2 (/sys/fs/cgroup/unified, hybrid host)" and the like, for the learner.
    const std::string& description() const { return m_description; }

private:
    CgroupTree() = default;
    CgroupMode m_mode = CgroupMode::V2;
    ScopedPath m_path; // rmdir'ed when empty; another backend may share it, then it stays
    std::string m_description;
};

/// mkdir dir, a cgroup directly under subtree. Backends that share the subtree's name each
/// remove it when they close and find it empty, so a subtree gone by now is made again, once.
Status makeCgroupDirectory(const std::string& subtree, const std::string& dir);

/// One container's cgroup directory; removed (if empty) when the owner goes.
class Cgroup {
public:
    /// mkdir <tree>/<id>; the trace gets the kernel operations done.
    static Expected<Cgroup> create(const CgroupTree& tree, const std::string& id,
                                   std::vector<std::string>& trace);
    /// The directory.
    const std::string& path() const { return m_path.get(); }
    /// V2 or V1Freezer.
    CgroupMode mode() const { return m_mode; }
    /// An O_DIRECTORY fd of a v2 cgroup, for clone3's CLONE_INTO_CGROUP.
    Expected<UniqueFd> openDirectory() const;
    /// Moves pid in (v1: cgroup.procs of the freezer directory).
    Status join(int pid, std::vector<std::string>& trace) const;
    /// Asks the kernel to freeze every task; true when it already reports them frozen.
    Expected<bool> requestFreeze(std::vector<std::string>& trace) const;
    /// Whether every task is frozen now (v2: "frozen 1" in cgroup.events; v1: FROZEN).
    Expected<bool> isFrozen() const;
    /// The file whose changes inotify reports while freezing (v2 only: cgroup.events).
    std::string eventsFile() const { return path() + "/cgroup.events"; }
    /// Thaws every task.
    Status thaw(std::vector<std::string>& trace) const;
    /// SIGKILLs every task (v2 cgroup.kill; v1 has none: the caller kills the process).
    Status killAll(std::vector<std::string>& trace) const;
    /// The PIDs in the cgroup (host namespace).
    Expected<std::vector<int>> pids() const;
    /// rmdir; EBUSY while a task is left.
    Status remove(std::vector<std::string>& trace);

private:
    ScopedPath m_path; // rmdir'ed (if empty) if never removed properly
    CgroupMode m_mode = CgroupMode::V2;
};

} // namespace lab::real
