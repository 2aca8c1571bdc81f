#include "machines/RestartManager.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace lab {

bool isNoRestart(const RestartPolicy& policy) {
    return policy.kind == RestartPolicyKind::No;
}

namespace {

// The delay update of ShouldRestart: a long run starts over at 100 ms, otherwise the delay
// doubles until it reaches the one-minute cap.
Duration nextDelay(Duration current, Duration ran) {
    if (ran >= RestartTiming::resetAfter)
        current = Duration{0};
    if (current == Duration{0})
        current = RestartTiming::initialDelay;
    else if (current < RestartTiming::maxDelay)
        current *= 2;
    return std::min(current, Duration{RestartTiming::maxDelay});
}

bool policyWantsRestart(const RestartPolicy& policy, int restartCount, int exitCode,
                        bool manuallyStopped) {
    switch (policy.kind) {
    case RestartPolicyKind::Always:
        return true;
    case RestartPolicyKind::UnlessStopped:
        return !manuallyStopped;
    case RestartPolicyKind::OnFailure:
        // MaximumRetryCount 0 means no limit.
        if (policy.maxRetries == 0 || restartCount < policy.maxRetries)
            return exitCode != 0;
        return false;
    case RestartPolicyKind::No:
        return false;
    }
    return false;
}

} // namespace

RestartDecision decideRestart(const LifecycleRecord& record, int exitCode, Duration ran,
                              bool manuallyStopped) {
    // Policy "no" and a cancelled manager return before the delay is touched.
    if (isNoRestart(record.restartPolicy) || record.restartCancelled)
        return {false, record.backoff};
    RestartDecision decision;
    decision.backoff = nextDelay(record.backoff, ran);
    decision.restart =
        policyWantsRestart(record.restartPolicy, record.restartCount, exitCode, manuallyStopped);
    return decision;
}

bool restartsOnRestore(const LifecycleRecord& record) {
    if (!record.hasBeenStarted)
        return false;
    // Container.ShouldRestart asks a manager made afresh from the saved policy and count.
    LifecycleRecord fresh = record;
    fresh.restartCancelled = false;
    fresh.backoff = Duration{0};
    return decideRestart(fresh, record.exitCode, record.finishedAt - record.startedAt,
                         record.manuallyStopped)
        .restart;
}

namespace {

// Go's strconv.Atoi: an optional sign, then decimal digits only, within int64.
bool goAtoi(std::string_view text, std::int64_t& value) {
    bool negative = false;
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (text.empty())
        return false;
    std::uint64_t magnitude = 0;
    const std::uint64_t limit = negative
                                    ? std::uint64_t(std::numeric_limits<std::int64_t>::max()) + 1
                                    : std::uint64_t(std::numeric_limits<std::int64_t>::max());
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
        const auto digit = std::uint64_t(c - '0');
        if (magnitude > (limit - digit) / 10)
            return false; // out of range is an error too
        magnitude = magnitude * 10 + digit;
    }
    value = negative ? std::int64_t(0 - magnitude) : std::int64_t(magnitude);
    return true;
}

int clampToInt(std::int64_t value) {
    return int(std::clamp<std::int64_t>(value, std::numeric_limits<int>::min(),
                                        std::numeric_limits<int>::max()));
}

bool namesNoPolicy(const std::string& name) {
    return name.empty() || name == "no";
}

} // namespace

Expected<RestartPolicyText> parseRestartPolicy(std::string_view text) {
    // An empty value is the zero policy: older engines may not know "no".
    if (text.empty())
        return RestartPolicyText{};
    const auto colon = text.find(':');
    const std::string_view name = text.substr(0, colon);
    const std::string_view count =
        colon == std::string_view::npos ? std::string_view{} : text.substr(colon + 1);
    if (colon != std::string_view::npos && name.empty())
        return Error{"invalid restart policy format: no policy provided before colon"};
    RestartPolicyText policy{std::string(name), 0};
    if (!count.empty()) {
        std::int64_t value = 0;
        if (!goAtoi(count, value))
            return Error{"invalid restart policy format: maximum retry count must be an integer"};
        policy.maxRetries = clampToInt(value);
    }
    return policy;
}

Status checkRestartWithAutoRemove(const RestartPolicyText& policy, bool autoRemove) {
    if (autoRemove && !namesNoPolicy(policy.name))
        return Error{"conflicting options: cannot specify both --restart and --rm"};
    return Ok{};
}

Expected<RestartPolicy> validateRestartPolicy(const RestartPolicyText& policy, bool autoRemove) {
    if (autoRemove && !namesNoPolicy(policy.name))
        return Error{"can't create 'AutoRemove' container with restart policy"};
    RestartPolicy result;
    if (policy.name.empty())
        return result;
    if (policy.name == "always" || policy.name == "unless-stopped" || policy.name == "no") {
        if (policy.maxRetries != 0)
            return Error{"maximum retry count cannot be used with restart policy '" + policy.name +
                         "'"};
        result.kind = policy.name == "always"           ? RestartPolicyKind::Always
                      : policy.name == "unless-stopped" ? RestartPolicyKind::UnlessStopped
                                                        : RestartPolicyKind::No;
        return result;
    }
    if (policy.name == "on-failure") {
        if (policy.maxRetries < 0)
            return Error{"maximum retry count cannot be negative"};
        result.kind = RestartPolicyKind::OnFailure;
        result.maxRetries = policy.maxRetries;
        return result;
    }
    return Error{"invalid restart policy '" + policy.name + "'"};
}

std::string_view restartPolicyName(RestartPolicyKind kind) {
    switch (kind) {
    case RestartPolicyKind::No:
        return "no";
    case RestartPolicyKind::Always:
        return "always";
    case RestartPolicyKind::OnFailure:
        return "on-failure";
    case RestartPolicyKind::UnlessStopped:
        return "unless-stopped";
    }
    return "no";
}

} // namespace lab
