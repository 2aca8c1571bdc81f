#include "Overlay.h"

#include "BindMount.h"
#include "Syscalls.h"

#include <cerrno>
#include <filesystem>
#include <sys/mount.h>

namespace fs = std::filesystem;

namespace lab::real {
namespace {

// overlayfs reads its options as a comma-separated list and lowerdir as a colon-separated one.
bool safeInOptions(const std::string& path) {
    return path.find_first_of(",:") == std::string::npos;
}

} // namespace

Expected<BindMount> BindMount::overlay(const OverlayDirs& dirs, const std::string& target,
                                       std::vector<std::string>& trace) {
    std::string lower;
    for (const std::string& dir : dirs.lower) {
        if (!safeInOptions(dir))
            return Error{"overlay: a ',' or ':' in " + dir + " cannot be passed to overlayfs"};
        lower += (lower.empty() ? "" : ":") + dir;
    }
    for (const std::string* dir : {&dirs.upper, &dirs.work, &target})
        if (!safeInOptions(*dir))
            return Error{"overlay: a ',' or ':' in " + *dir + " cannot be passed to overlayfs"};
    for (const std::string* dir : {&dirs.upper, &dirs.work}) {
        std::error_code error;
        if (fs::create_directories(*dir, error); error)
            return Error{"mkdir " + *dir + ": " + error.message()};
        trace.push_back("mkdir " + *dir);
    }
    // volatile (Linux 5.10): no sync of the upper filesystem, at unmount or ever. A container's
    // writes need not outlive a crash: the lab's recovery deletes every container a dead backend
    // left (podman mounts its --rm containers so too). Without it, unmounting the overlay syncs
    // the whole upper filesystem: 6 ms median here, 25 ms under load, for `run --rm true`.
    std::string options =
        "lowerdir=" + lower + ",upperdir=" + dirs.upper + ",workdir=" + dirs.work + ",volatile";
    if (::mount("overlay", target.c_str(), "overlay", 0, options.c_str()) < 0) {
        const int err = errno;
        if (err != EINVAL)
            return errnoError("mount overlay " + target, err);
        trace.push_back("mount(overlay, ..., volatile): EINVAL (a kernel before 5.10); without it");
        options.erase(options.rfind(",volatile"));
        if (::mount("overlay", target.c_str(), "overlay", 0, options.c_str()) < 0)
            return errnoError("mount overlay " + target, errno);
    }
    BindMount mounted;
    mounted.m_target =
        ScopedPath(target, [](const std::string& path) { ::umount2(path.c_str(), MNT_DETACH); });
    trace.push_back("mount(overlay, " + target + ", \"overlay\", " + options + ")");
    // Private, like the bind: the host's shared propagation must not copy it elsewhere.
    if (::mount(nullptr, target.c_str(), nullptr, MS_PRIVATE, nullptr) < 0)
        return errnoError("make private " + target, errno);
    trace.push_back("mount(" + target + ", MS_PRIVATE)");
    return mounted;
}

Status probeOverlay(const std::string& scratchDir) {
    std::error_code error;
    const std::string lower = scratchDir + "/lower", target = scratchDir + "/merged";
    for (const std::string& dir : {lower, target})
        if (fs::create_directories(dir, error); error)
            return Error{"mkdir " + dir + ": " + error.message()};
    Status outcome = Ok{};
    {
        std::vector<std::string> ignored;
        auto mounted = BindMount::overlay(
            OverlayDirs{{lower}, scratchDir + "/upper", scratchDir + "/work"}, target, ignored);
        if (mounted)
            outcome = mounted->unmount(ignored);
        else
            outcome = mounted.error();
    }
    fs::remove_all(scratchDir, error);
    return outcome;
}

} // namespace lab::real
