#pragma once
// The Backend does what the lifecycle machine asked for: on the simulated engine a workload model
// on a virtual clock, on the real backend the kernel. It never decides anything about the
// lifecycle; it reports what happened as OutcomeEvents, always later (never from inside the
// call), so the engine is never re-entered while it applies a reaction.

#include "base/Expected.h"
#include "engine/Exec.h"
#include "engine/ImageStore.h"
#include "engine/LayerChanges.h"
#include "engine/ResourceSample.h"
#include "machines/Lifecycle.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace lab {

class Container;
struct ArchiveImage;
struct RegistryPull;
struct RegistryPullRequest;
struct ResourceLimits;

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
    /// docker exec in a running container: session receives the output and the exit code as
    /// they happen. An error: this backend cannot exec (nothing was started).
    virtual Status exec(const Container& /*container*/, const ExecRequest& /*request*/,
                        std::shared_ptr<ExecSession> /*session*/) {
        return Error{"docker exec is not available on the " + name() + " backend yet"};
    }
    /// Whether writeStdin() reaches the container's process (docker run -i), or why not.
    virtual Status canWriteStdin() const {
        return Error{"interactive containers (docker run -i, start -i) are not available on the " +
                     name() + " backend yet"};
    }
    /// Bytes for the stdin of the container's running process (ended: closed after them) ->
    /// whatever the process does with them; dropped when nothing runs.
    virtual void writeStdin(const Container& /*container*/, const std::string& /*bytes*/,
                            bool /*ended*/) {}
    /// docker top: the container's processes, PID 1 first. An error: this backend cannot list
    /// them.
    virtual Expected<std::vector<ProcessEntry>> processes(const Container& /*container*/) const {
        return Error{"docker top is not available on the " + name() + " backend yet"};
    }
    /// The host's CPUs, which bound --cpus.
    virtual int cpus() const { return int(std::max(1u, std::thread::hardware_concurrency())); }
    /// Puts limits on the container (at create, and at docker update: on its process too, if
    /// it runs). An error: this backend cannot enforce them.
    virtual Status applyLimits(const Container& /*container*/, const ResourceLimits& /*limits*/) {
        return Error{"--memory, --memory-swap, --cpus and --pids-limit are not enforced by the " +
                     name() + " backend yet"};
    }
    /// docker diff and docker commit: what the container wrote to its filesystem. An error: this
    /// backend cannot tell.
    virtual Expected<LayerChanges> writableLayer(const Container& /*container*/) const {
        return Error{"docker diff and docker commit are not available on the " + name() +
                     " backend yet"};
    }
    /// Whether docker tag, rmi and commit may change the engine's image store, or why not (the
    /// replay of a session recorded when the real backend still refused them).
    virtual Status canChangeImages() const { return Ok{}; }
    /// docker load and docker import: keeps a checked image where this backend's containers are
    /// made from (the simulation needs nothing beyond the engine's store).
    virtual Status storeImage(const ArchiveImage& /*image*/) { return Ok{}; }
    /// docker pull from a registry this backend reaches itself: the pull, filled in by outcomes
    /// posted on the clock (engine/RegistryPull.h). Null: the engine pulls from its world's
    /// simulated registries (engine/Pull.h), as the simulation does.
    virtual std::shared_ptr<RegistryPull> pull(const RegistryPullRequest& /*request*/) {
        return nullptr;
    }
    /// The engine's image id, an ID it made itself (imageIdOf), came with the name reference
    /// (full) from its world: a backend with a store of its own learns which of its images the
    /// engine means by id. (docker tag needs no call: the ID stays what it was.)
    virtual void imageNamed(const std::string& /*id*/, const std::string& /*reference*/) {}
    /// docker rmi deleted the engine's image id: a backend may drop what it made for it that
    /// nothing uses any more.
    virtual void imageDeleted(const std::string& /*id*/) {}
    /// docker commit: keeps the container's image with its writable layer on top (none when
    /// addsLayer is false, an empty diff) and spec's settings as a new image. nullopt: this
    /// backend keeps nothing, and the engine's store alone holds the image (the simulation).
    virtual Expected<std::optional<CommittedImage>>
    commitImage(const Container& /*container*/, const ImageSpec& /*spec*/, bool /*addsLayer*/) {
        return std::optional<CommittedImage>{};
    }
    /// docker stats: the resource use of a running container now. An error: this backend
    /// cannot measure it.
    virtual Expected<ResourceSample> usage(const Container& /*container*/) const {
        return Error{"docker stats is not available on the " + name() + " backend yet"};
    }
};

} // namespace lab
