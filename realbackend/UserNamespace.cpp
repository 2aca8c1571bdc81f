#include "UserNamespace.h"

#include "Syscalls.h"

#include <cstdlib>
#include <unistd.h>

namespace lab::real {

bool isRootless() {
    return ::geteuid() != 0;
}

std::string defaultStateDir() {
    if (!isRootless())
        return "/run/lifecycle-lab";
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    return runtime && *runtime ? std::string(runtime) + "/lifecycle-lab" : std::string();
}

Status mapToRoot(pid_t pid, std::vector<std::string>& trace) {
    const std::string proc = "/proc/" + std::to_string(pid);
    // An unprivileged writer may map only itself, and gid_map only once setgroups is denied
    // (else the child could drop a group that denies it access).
    const std::pair<std::string, std::string> writes[] = {
        {proc + "/uid_map", "0 " + std::to_string(::geteuid()) + " 1"},
        {proc + "/setgroups", "deny"},
        {proc + "/gid_map", "0 " + std::to_string(::getegid()) + " 1"}};
    for (const auto& [file, text] : writes) {
        if (auto written = writeFile(file, text); !written)
            return written;
        trace.push_back("write " + file + " <- " + text);
    }
    return Ok{};
}

std::string userNamespaceRefusal() {
    // Debian's and Ubuntu's switches, and the limit every kernel has.
    const struct {
        const char* file;
        const char* name;
        const char* refuses;
    } sysctls[] = {
        {"/proc/sys/kernel/unprivileged_userns_clone", "kernel.unprivileged_userns_clone", "0"},
        {"/proc/sys/kernel/apparmor_restrict_unprivileged_userns",
         "kernel.apparmor_restrict_unprivileged_userns", "1"},
        {"/proc/sys/user/max_user_namespaces", "user.max_user_namespaces", "0"}};
    std::string refusal;
    for (const auto& sysctl : sysctls) {
        auto value = readFile(sysctl.file);
        if (value && value->substr(0, value->find('\n')) == sysctl.refuses)
            refusal +=
                (refusal.empty() ? "" : ", ") + std::string(sysctl.name) + " is " + sysctl.refuses;
    }
    return refusal;
}

} // namespace lab::real
