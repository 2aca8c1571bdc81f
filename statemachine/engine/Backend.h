#pragma once
// The Backend does what the lifecycle machine asked for: on the simulated engine a workload model
// on a virtual clock, on the real backend the kernel. It never decides anything about the
// lifecycle; it reports what happened as OutcomeEvents, always later (never from inside the
// call), so the engine is never re-entered while it applies a reaction.

#include "base/Expected.h"
#include "machines/Lifecycle.h"

#include <string>
#include <vector>

namespace lab {

class Container;

/// Where a backend reports outcomes and process output.
class OutcomeSink {
public:
    virtual ~OutcomeSink() = default;
    /// Something happened to a container's process, cgroup or filesystem.
    virtual void report(const std::string& containerId, const OutcomeEvent& event) = 0;
    /// The container's process wrote a line.
    virtual void output(const std::string& containerId, TimePoint at, bool isStderr,
                        const std::string& line) = 0;
};

/// Faults a teacher can inject, so that dead, removing and restarting show on demand.
enum class Fault {
    NextRemovalFails, ///< the next removal of any container fails: it ends dead
    OutOfMemory,      ///< the OOM killer kills the target container's process
};

/// The effects of the lifecycle on something that runs.
class Backend {
public:
    virtual ~Backend() = default;
    /// "simulated" or "real": shown to the learner at all times.
    virtual std::string name() const = 0;
    /// Where outcomes go; set once by the engine before any other call.
    virtual void setSink(OutcomeSink& sink) = 0;
    /// docker create: prepare what the container needs before it ever runs.
    virtual Status prepare(const Container& container) = 0;
    /// Start the process -> ProcessStarted | StartFailed, later ProcessExited.
    virtual void startProcess(const Container& container) = 0;
    /// Deliver a signal -> Signalled, and whatever the process does about it.
    virtual void signal(const Container& container, int signal) = 0;
    /// Freeze every task of the container -> Frozen | FreezeFailed.
    virtual void freeze(const Container& container) = 0;
    /// Thaw the container -> Thawed.
    virtual void thaw(const Container& container) = 0;
    /// Delete what prepare made -> RemovalDone | RemovalFailed.
    virtual void remove(const Container& container) = 0;
    /// Arms or triggers a fault; target is needed for OutOfMemory. An error says why the
    /// backend cannot do it.
    virtual Status injectFault(Fault fault, const Container* target) = 0;
    /// The faults armed and not spent yet (NextRemovalFails until the next removal).
    virtual std::vector<Fault> armedFaults() const = 0;
    /// .State.Pid: the host PID of the container's PID 1 while it runs, else 0.
    virtual int processId(const Container& container) const = 0;
};

} // namespace lab
