#include "engine/Security.h"

#include <algorithm>
#include <cctype>

namespace lab {
namespace {

// The name Docker compares: upper case, with the CAP_ prefix ("ALL" stays "ALL").
std::string normalized(std::string name) {
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return char(std::toupper(c)); });
    if (name != "ALL" && name.rfind("CAP_", 0) != 0)
        name = "CAP_" + name;
    return name;
}

// The set named by a --cap-add or --cap-drop list; which says which in the error.
Expected<std::uint64_t> namedSet(const std::vector<std::string>& names, const char* which) {
    std::uint64_t set = 0;
    for (const std::string& name : names) {
        const std::string wanted = normalized(name);
        if (wanted == "ALL") {
            set |= allCapabilities();
            continue;
        }
        const auto& known = capabilityNames();
        const auto found = std::find(known.begin(), known.end(), wanted);
        if (found == known.end())
            return Error{std::string("invalid ") + which + ": unknown capability: \"" + wanted +
                         "\""};
        set |= std::uint64_t(1) << (found - known.begin());
    }
    return set;
}

} // namespace

const std::vector<std::string>& capabilityNames() {
    static const std::vector<std::string> names = {"CAP_CHOWN",
                                                   "CAP_DAC_OVERRIDE",
                                                   "CAP_DAC_READ_SEARCH",
                                                   "CAP_FOWNER",
                                                   "CAP_FSETID",
                                                   "CAP_KILL",
                                                   "CAP_SETGID",
                                                   "CAP_SETUID",
                                                   "CAP_SETPCAP",
                                                   "CAP_LINUX_IMMUTABLE",
                                                   "CAP_NET_BIND_SERVICE",
                                                   "CAP_NET_BROADCAST",
                                                   "CAP_NET_ADMIN",
                                                   "CAP_NET_RAW",
                                                   "CAP_IPC_LOCK",
                                                   "CAP_IPC_OWNER",
                                                   "CAP_SYS_MODULE",
                                                   "CAP_SYS_RAWIO",
                                                   "CAP_SYS_CHROOT",
                                                   "CAP_SYS_PTRACE",
                                                   "CAP_SYS_PACCT",
                                                   "CAP_SYS_ADMIN",
                                                   "CAP_SYS_BOOT",
                                                   "CAP_SYS_NICE",
                                                   "CAP_SYS_RESOURCE",
                                                   "CAP_SYS_TIME",
                                                   "CAP_SYS_TTY_CONFIG",
                                                   "CAP_MKNOD",
                                                   "CAP_LEASE",
                                                   "CAP_AUDIT_WRITE",
                                                   "CAP_AUDIT_CONTROL",
                                                   "CAP_SETFCAP",
                                                   "CAP_MAC_OVERRIDE",
                                                   "CAP_MAC_ADMIN",
                                                   "CAP_SYSLOG",
                                                   "CAP_WAKE_ALARM",
                                                   "CAP_BLOCK_SUSPEND",
                                                   "CAP_AUDIT_READ",
                                                   "CAP_PERFMON",
                                                   "CAP_BPF",
                                                   "CAP_CHECKPOINT_RESTORE"};
    return names;
}

std::uint64_t dockerDefaultCapabilities() {
    static const std::uint64_t set = *namedSet(
        {"CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID",
         "SETFCAP", "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE"},
        "CapAdd");
    return set;
}

std::uint64_t allCapabilities() {
    return (std::uint64_t(1) << capabilityNames().size()) - 1;
}

Expected<std::uint64_t> containerCapabilities(const ContainerConfig& config) {
    auto added = namedSet(config.capAdd, "CapAdd");
    if (!added)
        return added.error();
    auto dropped = namedSet(config.capDrop, "CapDrop");
    if (!dropped)
        return dropped.error();
    if (config.privileged)
        return allCapabilities();
    return (dockerDefaultCapabilities() & ~*dropped) | *added;
}

Status validateSecurityOptions(const ContainerConfig& config) {
    for (std::size_t i = 0; i < config.securityOpt.size(); ++i) {
        const std::string& option = config.securityOpt[i];
        if (option != "no-new-privileges" && option != "no-new-privileges:true" &&
            option != "no-new-privileges=true" && option != "no-new-privileges:false" &&
            option != "no-new-privileges=false")
            return Error{"invalid --security-opt 2: \"" + option + "\""};
    }
    if (auto capabilities = containerCapabilities(config); !capabilities)
        return capabilities.error();
    return Ok{};
}

bool wantsNoNewPrivileges(const ContainerConfig& config) {
    bool wanted = false;
    for (const std::string& option : config.securityOpt)
        wanted = option.find("false") == std::string::npos;
    return wanted;
}

} // namespace lab
