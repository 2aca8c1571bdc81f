#pragma once
// Docker's default device policy: a container may make any device node (CAP_MKNOD is in
// Docker's capability set) but open only a few (null, zero, full, random, urandom, tty,
// console, pts, ptmx, tun). One list of rules, enforced in whichever way the kernel offers:
//   cgroup v1  the devices controller: "a" to devices.deny, then one devices.allow line a rule
//   cgroup v2  there is no devices controller: a BPF_PROG_TYPE_CGROUP_DEVICE program attached
//              to the container's cgroup, which the kernel runs at every mknod and open of a
//              device node and which answers 1 (allow) or 0 (deny), as runc and crun load one.

#include "base/Expected.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lab::real {

/// Where the policy is enforced: Auto takes the v1 devices controller where one is mounted, else
/// the BPF program on the container's v2 cgroup (a pure cgroup v2 host); BpfProgram always takes
/// the program, also beside a v1 devices controller (as on a hybrid host, for the tests).
enum class DeviceEnforcement { Auto, BpfProgram };

/// One allow rule, as Docker writes it: "c 1:3 rwm", "b *:* m".
struct DeviceRule {
    char type = 'c';                    ///< 'c' character, 'b' block
    std::optional<std::uint32_t> major; ///< nothing: any ('*')
    std::optional<std::uint32_t> minor; ///< nothing: any ('*')
    const char* access = "rwm";         ///< a subset of "rwm": read, write, mknod
};

/// Docker 20.10's default rules (oci/defaults.go in moby: DefaultLinuxSpec's devices).
const std::vector<DeviceRule>& dockerDefaultDevices();

/// The rule as a line of devices.allow: "c 136:* rwm".
std::string devicesAllowLine(const DeviceRule& rule);

/// Loads the program that allows what one of rules allows and denies every other access, and
/// attaches it to the cgroup v2 directory (BPF_F_ALLOW_MULTI: a parent's programs still
/// apply). It lives as long as the cgroup does. The trace gets both bpf() calls.
Status attachDeviceProgram(const std::string& cgroupDir, const std::vector<DeviceRule>& rules,
                           std::vector<std::string>& trace);

} // namespace lab::real
