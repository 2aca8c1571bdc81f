#include "Recovery.h"

#include "BindMount.h"
#include "RealBackend.h"
#include "Syscalls.h"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <poll.h>
#include <set>
#include <sstream>
#include <sys/file.h>
#include <sys/mount.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace lab::real {
namespace {

std::vector<int> pidsIn(const std::string& cgroupDir) {
    std::vector<int> pids;
    auto procs = readFile(cgroupDir + "/cgroup.procs");
    std::istringstream lines(procs ? *procs : std::string());
    for (int pid = 0; lines >> pid;)
        pids.push_back(pid);
    return pids;
}

bool isFrozen(const std::string& cgroupDir, CgroupMode mode) {
    if (mode == CgroupMode::V2) {
        auto freeze = readFile(cgroupDir + "/cgroup.freeze");
        return freeze && freeze->rfind('1', 0) == 0;
    }
    auto state = readFile(cgroupDir + "/freezer.state");
    return state && state->rfind("THAWED", 0) != 0;
}

// SIGKILLs every process in the cgroups and waits for each exit on its pidfd (reaping it when
// it is this process's child). A few rounds, for a fork between reading and killing.
int killEverything(const std::vector<std::string>& cgroupDirs, const std::string& freezerDir,
                   CgroupMode mode) {
    int killed = 0;
    for (int round = 0; round < 5; ++round) {
        std::set<int> pids; // a process is in each hierarchy's cgroup
        for (const std::string& dir : cgroupDirs)
            for (int pid : pidsIn(dir))
                pids.insert(pid);
        std::vector<UniqueFd> pidfds;
        for (int pid : pids)
            if (auto pidfd = pidfdOpen(pid))
                pidfds.push_back(std::move(*pidfd));
        if (pidfds.empty())
            break;
        for (const UniqueFd& pidfd : pidfds)
            pidfdSignal(pidfd.get(), SIGKILL);
        // v2's SIGKILL gets through the freezer; a v1-frozen task dies only once thawed.
        if (!freezerDir.empty())
            writeFile(freezerDir + (mode == CgroupMode::V2 ? "/cgroup.freeze" : "/freezer.state"),
                      mode == CgroupMode::V2 ? "0" : "THAWED");
        for (const UniqueFd& pidfd : pidfds) {
            pollfd exited{pidfd.get(), POLLIN, 0};
            while (::poll(&exited, 1, -1) < 0 && errno == EINTR) {
            }
            waitPidfd(pidfd.get(), true); // ECHILD unless it was ours: then init reaps it
        }
        killed += int(pidfds.size());
    }
    return killed;
}

// umount2, lazily only when the mount will not go otherwise (a process of another namespace may
// still hold it); true when nothing is mounted there any more.
bool unmountIfMounted(const std::string& path, std::vector<std::string>& done) {
    if (!isMountPoint(path))
        return true;
    if (::umount2(path.c_str(), 0) == 0 || ::umount2(path.c_str(), MNT_DETACH) == 0)
        done.push_back("unmounted " + path);
    return !isMountPoint(path);
}

std::string recoverContainer(const LeftoverPlaces& places, const std::string& id) {
    std::vector<std::string> done;
    // Rootless without a delegated cgroup there is no freezer directory (and no way to find
    // the processes: they are left).
    const bool hasFreezer = !places.cgroupSubtree.empty();
    const std::string freezerDir = hasFreezer ? places.cgroupSubtree + "/" + id : std::string();
    std::vector<std::string> cgroupDirs;
    if (hasFreezer)
        cgroupDirs.push_back(freezerDir);
    for (const std::string& subtree : places.otherSubtrees)
        cgroupDirs.push_back(subtree + "/" + id);
    std::error_code error;
    const bool paused =
        hasFreezer && fs::exists(freezerDir, error) && isFrozen(freezerDir, places.mode);
    if (const int killed = killEverything(cgroupDirs, freezerDir, places.mode))
        done.push_back(std::string(paused ? "was paused" : "was running") + ": " +
                       std::to_string(killed) + " process(es) killed");
    else
        done.push_back("no process left");
    for (const std::string& dir : cgroupDirs)
        if (fs::exists(dir, error))
            done.push_back(::rmdir(dir.c_str()) == 0 ? "rmdir " + dir
                                                     : errnoError("rmdir " + dir, errno).message);
    const std::string dir = places.containersDir + "/" + id;
    if (unmountIfMounted(dir + "/rootfs", done)) {
        fs::remove_all(dir, error);
        done.push_back(error ? "rm -r " + dir + ": " + error.message() : "rm -r " + dir);
    } else {
        done.push_back(dir + "/rootfs is still mounted: left in place");
    }
    std::string line = id.substr(0, 12) + ":";
    for (const std::string& step : done)
        line += " " + step + ";";
    line.pop_back();
    return line;
}

} // namespace

Status writeMarker(const std::string& dir, const char* marker) {
    const std::string path = dir + "/" + marker;
    UniqueFd file(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    const std::string text = "made by Container Lifecycle Lab, which may delete this directory\n";
    if (!file || ::write(file.get(), text.data(), text.size()) != ssize_t(text.size()))
        return errnoError("writing " + path, errno);
    return Ok{};
}

Status claimStateDir(const std::string& stateDir) {
    std::error_code error;
    const std::string marker = stateDir + "/" + kStateMarker;
    if (fs::exists(marker, error))
        return Ok{};
    for (const auto& entry : fs::directory_iterator(stateDir, error)) {
        const std::string name = entry.path().filename().string();
        if (name != "containers" && name != "images" && name != "lock")
            return Error{"refusing " + stateDir + " as the state directory: it is not empty (" +
                         name + ") and the lab did not make it (no " + kStateMarker +
                         " file); give an empty or new directory"};
    }
    if (fs::create_directories(stateDir, error); error)
        return Error{"mkdir " + stateDir + ": " + error.message()};
    return writeMarker(stateDir, kStateMarker);
}

std::vector<std::string> recoverLeftovers(const LeftoverPlaces& places) {
    std::vector<std::string> lines;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(places.containersDir, error)) {
        const std::string name = entry.path().filename().string();
        if (isContainerId(name) && !fs::exists(entry.path() / kContainerMarker, error)) {
            lines.push_back(name.substr(0, 12) + ": not made by the lab (no " + kContainerMarker +
                            " file): left alone");
            continue;
        }
        if (isContainerId(name)) {
            lines.push_back(recoverContainer(places, name));
            continue;
        }
        // The probes of a backend that died while it opened.
        std::vector<std::string> done;
        if (name == ".mount-probe" && unmountIfMounted(entry.path().string(), done))
            fs::remove_all(entry.path(), error);
        if (name == ".overlay-probe" && unmountIfMounted(entry.path().string() + "/merged", done))
            fs::remove_all(entry.path(), error);
        for (const std::string& step : done)
            lines.push_back(name + ": " + step);
    }
    return lines;
}

Expected<UniqueFd> lockStateDir(const std::string& stateDir) {
    const std::string file = stateDir + "/lock";
    UniqueFd lock(::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
    if (!lock)
        return errnoError("open " + file, errno);
    if (::flock(lock.get(), LOCK_EX | LOCK_NB) < 0)
        return errno == EWOULDBLOCK
                   ? Error{"another backend is using " + stateDir + " (it holds " + file + ")"}
                   : errnoError("flock " + file, errno);
    return lock;
}

} // namespace lab::real
