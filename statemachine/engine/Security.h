#pragma once
// The security options of `docker run`/`create` (--cap-add, --cap-drop, --privileged,
// --security-opt) and the capability set they give a container, as Docker 20.10 computes it.
// The daemon checks them at create (both backends); the real backend applies the set.

#include "base/Expected.h"
#include "engine/Container.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lab {

/// Capability names as Docker spells them, indexed by number: "CAP_CHOWN" is 0.
const std::vector<std::string>& capabilityNames();

/// Docker's default set, 14 capabilities (CapEff 00000000a80425fb).
std::uint64_t dockerDefaultCapabilities();

/// Every capability this table knows: what --privileged gives.
std::uint64_t allCapabilities();

/// The set the container's process gets: --privileged all; else Docker's default, minus
/// --cap-drop (ALL: none), plus --cap-add (ALL: all). Names are matched as Docker does ("chown",
/// "CAP_CHOWN"); an unknown one is the daemon's error ("invalid CapAdd: unknown capability: ...").
Expected<std::uint64_t> containerCapabilities(const ContainerConfig& config);

/// Checks --security-opt (only no-new-privileges is modelled) and the capability names.
Status validateSecurityOptions(const ContainerConfig& config);

/// --security-opt no-new-privileges (or :true / =true) was given.
bool wantsNoNewPrivileges(const ContainerConfig& config);

} // namespace lab
