#pragma once
// What the kernel told a session on the real backend, kept so that the session replays without
// root and without the kernel (docs/SESSION-FORMAT.md): every outcome and line of output the
// backend reported, every answer it gave the engine, the host PIDs, the kernel operations and the
// resource figures, each at the engine time it came (the wall clock's, as the engine saw it).

#include "base/Time.h"
#include "engine/Exec.h"
#include "engine/LayerChanges.h"
#include "engine/ResourceSample.h"
#include "machines/Lifecycle.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lab {

/// Something the backend reported by itself, later than any call: an outcome or an output line.
struct KernelReport {
    TimePoint at{};        ///< when the engine received it
    std::string container; ///< full ID
    std::optional<OutcomeEvent> outcome;
    std::string line; ///< output, when outcome is empty
    bool isStderr = false;
};

/// What the backend answered when the engine asked it something.
struct KernelAnswer {
    /// The calls whose answers a replay needs.
    enum class Call { Prepare, Exec, Processes, Usage, Diff, Limits, Fault, Commit };
    TimePoint at{}; ///< when the engine asked
    Call call = Call::Prepare;
    std::string container;                ///< full ID; empty for a fault with no target
    std::string error;                    ///< the call failed with this; empty: it worked
    std::vector<ProcessEntry> processes;  ///< Processes
    std::optional<ResourceSample> sample; ///< Usage
    std::vector<FileChange> changes;      ///< Diff
    std::int64_t layerBytes = 0;          ///< Diff
    std::string image;                    ///< Commit: the image's ID (empty: the engine's own)
    std::string layer;                    ///< Commit: its new layer's diff_id (empty: none)
    /// Exec: when the process ended, what it wrote and its status (unset: it never ended while
    /// the session was recorded).
    std::optional<TimePoint> endedAt;
    std::vector<ExecOutput> output;
    int exitCode = 0;
};

/// A value of a container that changes by itself: its host PID, or a kernel operation line.
struct KernelNote {
    TimePoint at{};
    std::string container;
    int pid = 0;      ///< the PID from `at` on (a PID note)
    std::string line; ///< the operation (a trace note)
};

/// A resource sample of a container, as the window read it.
struct KernelSample {
    std::string container;
    ResourceSample sample;
};

/// Everything the kernel told one real session.
struct KernelRecord {
    int cpus = 1;
    /// Why tag, rmi and commit were refused (by a real backend before they worked there); empty:
    /// they were not.
    std::string imagesRefusal;
    std::vector<KernelReport> reports;
    std::vector<KernelAnswer> answers;
    std::vector<KernelNote> pids;
    std::vector<KernelNote> trace;
    std::vector<KernelSample> samples;
};

/// "prepare", "exec", ...: the word the session file uses for a call.
std::string_view callName(KernelAnswer::Call call);
/// Every call, in declaration order.
inline constexpr std::array kKernelCalls{KernelAnswer::Call::Prepare,   KernelAnswer::Call::Exec,
                                         KernelAnswer::Call::Processes, KernelAnswer::Call::Usage,
                                         KernelAnswer::Call::Diff,      KernelAnswer::Call::Limits,
                                         KernelAnswer::Call::Fault,     KernelAnswer::Call::Commit};

} // namespace lab
