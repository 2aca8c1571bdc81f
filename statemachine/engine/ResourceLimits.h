#pragma once
// The daemon's rules for --memory, --memory-swap, --cpus and --pids-limit, at create and at
// docker update (Engine 20.10's verifyPlatformContainerResources and UpdateContainer;
// docs/DOCKER-BEHAVIOUR.md §10.5).

#include "base/Expected.h"
#include "engine/Container.h"

namespace lab {

/// The kernel's smallest useful memory limit, as Docker enforces it: 6 MiB.
inline constexpr std::int64_t kMinimumMemory = 6 * 1024 * 1024;

/// Checks limits as the daemon does for a host with `cpus` CPUs; at create (not update) a swap
/// limit needs a memory limit. Docker's exact words.
Status checkLimits(const ResourceLimits& limits, int cpus, bool update);

/// What create stores: with --memory and no --memory-swap, swap as large as memory again.
ResourceLimits limitsAtCreate(ResourceLimits limits);

/// docker update: the container's limits with the given ones (non-zero, or set) applied, or
/// the conflict UpdateContainer reports (without its "Cannot update container ID: " prefix).
Expected<ResourceLimits> updatedLimits(const ResourceLimits& current, const ResourceLimits& change);

} // namespace lab
