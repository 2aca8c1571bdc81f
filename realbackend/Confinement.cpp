#include "Confinement.h"

#include "Syscalls.h"
#include "engine/Security.h"

#include <bit>
#include <cerrno>
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/seccomp.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace lab::real {
namespace {

// Docker's default masked and read-only paths (moby's oci.DefaultSpec).
constexpr const char* kMasked[] = {"/proc/asound",      "/proc/acpi",          "/proc/kcore",
                                   "/proc/keys",        "/proc/latency_stats", "/proc/timer_list",
                                   "/proc/timer_stats", "/proc/sched_debug",   "/proc/scsi",
                                   "/sys/firmware"};
constexpr const char* kReadOnly[] = {"/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
                                     "/proc/sysrq-trigger"};
constexpr rlim_t kDockerOpenFiles = 1048576; // what dockerd's containers get

int lastCapability() {
    auto text = readFile("/proc/sys/kernel/cap_last_cap");
    return text ? std::atoi(text->c_str()) : CAP_LAST_CAP;
}

// The capabilities this process may hand on: its bounding set.
std::uint64_t boundingSet(int last) {
    std::uint64_t set = 0;
    for (int cap = 0; cap <= last; ++cap)
        if (::prctl(PR_CAPBSET_READ, cap, 0, 0, 0) == 1)
            set |= std::uint64_t(1) << cap;
    return set;
}

bool hasEffective(int capability) {
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2]{};
    if (::syscall(SYS_capget, &header, data) < 0)
        return false;
    return data[capability / 32].effective & (1U << (capability % 32));
}

std::string capabilityList(std::uint64_t set) {
    std::string names;
    const auto& all = capabilityNames();
    for (std::size_t cap = 0; cap < all.size(); ++cap)
        if (set & (std::uint64_t(1) << cap))
            names += (names.empty() ? "" : " ") + all[cap].substr(4);
    return names;
}

} // namespace

Expected<Confinement> planConfinement(const SecurityRequest& request) {
    Confinement plan;
    plan.lastCapability = lastCapability();
    plan.capabilities = request.capabilities & boundingSet(plan.lastCapability);
    plan.noNewPrivileges = request.noNewPrivileges;
    plan.privileged = request.privileged;
    if (!request.privileged) {
        auto program = dockerDefaultSeccomp(plan.capabilities);
        if (!program)
            return program.error().context("building the seccomp filter");
        plan.seccomp = std::move(*program);
        // What the kernel does not have needs no mask (the container's /proc is this kernel's).
        struct stat found {};
        for (const char* path : kMasked)
            if ((request.sysMounted || std::string(path).rfind("/sys/", 0) != 0) &&
                ::stat(path, &found) == 0)
                (S_ISDIR(found.st_mode) ? plan.maskedDirs : plan.maskedFiles).push_back(path);
        for (const char* path : kReadOnly)
            if (::stat(path, &found) == 0)
                plan.readOnly.push_back(path);
    }
    // Raising a hard limit needs CAP_SYS_RESOURCE: without it the lab's own hard limit is the
    // most it can give.
    rlimit own{};
    ::getrlimit(RLIMIT_NOFILE, &own);
    const bool mayRaise = hasEffective(CAP_SYS_RESOURCE);
    const rlim_t openFiles = mayRaise ? kDockerOpenFiles : std::min(kDockerOpenFiles, own.rlim_max);
    plan.openFiles = {openFiles, openFiles};
    ::getrlimit(RLIMIT_CORE, &own);
    plan.coreSize = {0, own.rlim_max};
    auto score = readFile("/proc/self/oom_score_adj");
    plan.labOomScore = score ? std::atoi(score->c_str()) : 0;
    plan.resetOomScore = plan.labOomScore <= 0 || mayRaise;
    return plan;
}

std::vector<std::string> describeConfinement(const Confinement& plan) {
    std::vector<std::string> lines;
    for (const std::string& path : plan.maskedFiles)
        lines.push_back("masked " + path + " (bind /dev/null over it)");
    for (const std::string& path : plan.maskedDirs)
        lines.push_back("masked " + path + " (an empty read-only tmpfs over it)");
    for (const std::string& path : plan.readOnly)
        lines.push_back("read-only " + path + " (bind it onto itself, remount MS_RDONLY)");
    lines.push_back("limits: RLIMIT_NOFILE " + std::to_string(plan.openFiles.rlim_cur) +
                    ", RLIMIT_CORE 0 (setrlimit: the container's own, not the lab's)");
    lines.push_back(plan.resetOomScore ? "oom_score_adj 0 (Docker's default, whatever the lab's is)"
                                       : "oom_score_adj stays " + std::to_string(plan.labOomScore) +
                                             " (the lab's: lowering it needs CAP_SYS_RESOURCE)");
    const int count = std::popcount(plan.capabilities);
    if (plan.privileged)
        lines.push_back("capabilities: all " + std::to_string(count) +
                        " the lab has (--privileged), ambient cleared");
    else if (plan.capabilities == dockerDefaultCapabilities())
        lines.push_back("capabilities: dropped to Docker's default " + std::to_string(count) +
                        " (" + capabilityList(plan.capabilities) +
                        "): PR_CAPBSET_DROP the rest, capset, ambient cleared");
    else
        lines.push_back("capabilities: " + std::to_string(count) + " (" +
                        capabilityList(plan.capabilities) +
                        "): PR_CAPBSET_DROP the rest, capset, ambient cleared");
    if (plan.noNewPrivileges)
        lines.push_back("no-new-privileges: prctl(PR_SET_NO_NEW_PRIVS): setuid files give nothing");
    if (plan.seccomp.instructions.empty())
        lines.push_back("seccomp: none (--privileged)");
    else
        lines.push_back("seccomp: Docker's default profile loaded (" +
                        std::to_string(plan.seccomp.allowed) +
                        " syscalls allowed, the rest answer EPERM)");
    return lines;
}

int maskPaths(const Confinement& plan) {
    for (const std::string& path : plan.maskedFiles)
        if (::mount("/dev/null", path.c_str(), nullptr, MS_BIND, nullptr) < 0)
            return -1;
    for (const std::string& path : plan.maskedDirs)
        if (::mount("tmpfs", path.c_str(), "tmpfs", MS_RDONLY, nullptr) < 0)
            return -1;
    for (const std::string& path : plan.readOnly)
        if (::mount(path.c_str(), path.c_str(), nullptr, MS_BIND | MS_REC, nullptr) < 0 ||
            ::mount(nullptr, path.c_str(), nullptr,
                    MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
                    nullptr) < 0)
            return -1;
    return 0;
}

int resetLimits(const Confinement& plan) {
    if (::setrlimit(RLIMIT_NOFILE, &plan.openFiles) < 0 ||
        ::setrlimit(RLIMIT_CORE, &plan.coreSize) < 0)
        return -1;
    if (!plan.resetOomScore)
        return 0;
    const int fd = ::open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
    const bool written = fd >= 0 && ::write(fd, "0", 1) == 1;
    if (fd >= 0)
        ::close(fd);
    return written ? 0 : -1;
}

int dropCapabilities(const Confinement& plan) {
    for (int cap = 0; cap <= plan.lastCapability; ++cap)
        if (!(plan.capabilities & (std::uint64_t(1) << cap)) &&
            ::prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0)
            return -1;
    if (::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0)
        return -1;
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2]{};
    for (int half = 0; half < 2; ++half) {
        const auto bits = std::uint32_t(plan.capabilities >> (32 * half));
        data[half] = {bits, bits, bits};
    }
    return int(::syscall(SYS_capset, &header, data));
}

int setNoNewPrivileges(const Confinement& plan) {
    return plan.noNewPrivileges ? ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) : 0;
}

int loadSeccomp(const Confinement& plan) {
    if (plan.seccomp.instructions.empty())
        return 0;
    sock_fprog program{static_cast<unsigned short>(plan.seccomp.instructions.size()),
                       const_cast<sock_filter*>(plan.seccomp.instructions.data())};
    return ::prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program, 0, 0);
}

} // namespace lab::real
