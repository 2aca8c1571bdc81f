#pragma once
// A container's resource use at one moment, as a backend that has cgroups reads it: the real
// backend fills it (realbackend/Resources.h), the window plots it (app/gui/ResourceChart.h).

#include "base/Time.h"

#include <cstdint>
#include <optional>

namespace lab {

/// A container's resource use at one moment; a figure the machine does not offer is empty.
struct ResourceSample {
    TimePoint at{};                              ///< when it was read (the backend's clock)
    std::optional<std::int64_t> cpuMicroseconds; ///< CPU time of all its tasks since start
    std::optional<std::int64_t> memoryBytes;     ///< in use, reclaimable page cache excluded
    std::optional<int> processes;                ///< tasks in the cgroup
    /// The memory limit docker stats divides by: the cgroup's, or the host's memory when the
    /// container has none.
    std::optional<std::int64_t> memoryLimitBytes;
};

} // namespace lab
