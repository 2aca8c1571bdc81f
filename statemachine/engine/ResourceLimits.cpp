#include "engine/ResourceLimits.h"

namespace lab {

Status checkLimits(const ResourceLimits& limits, int cpus, bool update) {
    if (limits.memory != 0 && limits.memory < kMinimumMemory)
        return Error{"Minimum memory limit allowed is 6MB", ErrorCode::Invalid};
    if (limits.memory > 0 && limits.memorySwap > 0 && limits.memorySwap < limits.memory)
        return Error{"Minimum memoryswap limit should be larger than memory limit, see usage",
                     ErrorCode::Invalid};
    if (limits.memory == 0 && limits.memorySwap > 0 && !update)
        return Error{"You should always set the Memory limit when using Memoryswap limit, see "
                     "usage",
                     ErrorCode::Invalid};
    constexpr std::int64_t kNano = 1'000'000'000;
    if (limits.nanoCpus < 0 || limits.nanoCpus > std::int64_t(cpus) * kNano)
        return Error{"Range of CPUs is from 0.01 to " + std::to_string(cpus) +
                         ".00, as there are only " + std::to_string(cpus) + " CPUs available",
                     ErrorCode::Invalid};
    return Ok{};
}

ResourceLimits limitsAtCreate(ResourceLimits limits) {
    if (limits.memory > 0 && limits.memorySwap == 0)
        limits.memorySwap = 2 * limits.memory;
    return limits;
}

Expected<ResourceLimits> updatedLimits(const ResourceLimits& current,
                                       const ResourceLimits& change) {
    ResourceLimits result = current;
    if (change.memory != 0) {
        // Docker compares with the swap already set even when there is none (0), so a
        // container created without limits cannot get --memory alone.
        if (change.memory > current.memorySwap && change.memorySwap == 0)
            return Error{"Memory limit should be smaller than already set memoryswap limit, "
                         "update the memoryswap at the same time",
                         ErrorCode::Conflict};
        result.memory = change.memory;
    }
    if (change.memorySwap != 0)
        result.memorySwap = change.memorySwap;
    if (change.nanoCpus != 0)
        result.nanoCpus = change.nanoCpus;
    if (change.pidsLimit)
        result.pidsLimit = change.pidsLimit;
    return result;
}

} // namespace lab
