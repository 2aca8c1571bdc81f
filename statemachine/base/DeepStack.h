#pragma once
// Runs a deeply recursive job (a parser or an evaluator of nested input) on a thread with a
// stack large enough for the deepest input the limits in Limits.h let through, so that the
// answer is the same in every build (AddressSanitizer's frames are several times larger).

#include <exception>
#include <functional>
#include <optional>

namespace lab {

/// Calls `job` on a helper thread with a large stack and waits for it (on this thread if no
/// thread can be started); an exception it throws is rethrown here. Used only when the input is
/// deep: a thread costs tens of microseconds.
void runOnDeepStack(const std::function<void()>& job);

/// runOnDeepStack() for a job with a result.
template <typename F> auto onDeepStack(F&& job) -> decltype(job()) {
    std::optional<decltype(job())> result;
    runOnDeepStack([&] { result.emplace(job()); });
    return std::move(*result);
}

} // namespace lab
