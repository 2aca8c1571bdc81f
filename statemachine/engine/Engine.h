#pragma once
// The daemon model: containers, images, events. Every command goes through a container's
// LifecycleMachine; the engine performs the effects the machine asks for through a Backend and
// feeds the backend's outcomes back into the machine (docs/DESIGN.md, "How a command flows").
// Docker's API calls return later (stop waits for the exit), so commands answer with a Call that
// finishes when Docker's call would return; runUntil() lets engine time pass until then.

#include "base/Clock.h"
#include "base/Expected.h"
#include "engine/Backend.h"
#include "engine/Container.h"
#include "engine/DockerEvent.h"
#include "engine/ImageStore.h"
#include "engine/Pull.h"
#include "engine/Registries.h"
#include "engine/RegistryPull.h"
#include "machines/RestartManager.h"
#include "machines/RunFlow.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace lab {

/// What a Docker API call answered once it returned: the container's exit code (what `wait`
/// prints), or the daemon's refusal (ErrorCode::Conflict, Docker's 409, with Docker's words).
using CallResult = Expected<int>;

/// A Docker API call in flight.
class Call {
public:
    /// True once the call has returned.
    bool finished() const { return m_finished; }
    /// The answer; meaningful once finished().
    const CallResult& result() const { return m_result; }
    /// How the machine took the command: NotModified is Docker's 304 (the API tells it apart
    /// from success; the CLI does not).
    Verdict verdict() const { return m_verdict; }
    /// Which refusal, when the answer is one (the API picks Docker's status code by it).
    std::optional<Refusal> refusal() const { return m_refusal; }
    /// Records the answer (engine use), with the reaction that gave it when there was one.
    void finish(CallResult result, const Reaction* reaction = nullptr) {
        m_result = std::move(result);
        if (reaction) {
            m_verdict = reaction->verdict;
            m_refusal = reaction->refusal;
        }
        m_finished = true;
    }

private:
    CallResult m_result;
    Verdict m_verdict = Verdict::Accepted;
    std::optional<Refusal> m_refusal;
    bool m_finished = false;
};
using CallHandle = std::shared_ptr<Call>;

/// One step of a docker run, create or pull, as its run-flow machine took it.
struct RunFlowReport {
    RunFlowOptions options;
    std::string image;              ///< the image as typed
    RunFlowReaction reaction;       ///< the row taken; from Start when the command begins
    TimePoint at{};                 ///< engine time
    const PullPlan* pull = nullptr; ///< on entering PullLayers: the pull, layer by layer
};

/// Someone who wants to know what the engine does (the GUI's models, the event log).
class EngineObserver {
public:
    virtual ~EngineObserver() = default;
    /// A container's machine reacted to a command (outcome null) or to this outcome.
    virtual void reacted(const Container& /*container*/, const Reaction& /*reaction*/,
                         const OutcomeEvent* /*outcome*/) {}
    /// The daemon logged an event.
    virtual void published(const DockerEvent& /*event*/) {}
    /// A container's process printed a line.
    virtual void printed(const Container& /*container*/, const LogLine& /*line*/) {}
    /// A docker run, create or pull moved one step through its run flow.
    virtual void runFlowMoved(const RunFlowReport& /*report*/) {}
};

/// What `docker create` asks of the daemon.
struct CreateRequest {
    std::string name; ///< empty: the daemon makes one up
    ContainerConfig config;
    std::optional<std::vector<std::string>> entrypoint; ///< --entrypoint, overrides the image's
    RestartPolicyText restart;                          ///< --restart, as the CLI parsed it
};

/// What `docker update` asks of the daemon: limits to change (zero or unset: keep) and a new
/// restart policy.
struct UpdateRequest {
    ResourceLimits limits;
    std::optional<RestartPolicyText> restart;
};

/// The simulated Docker daemon.
class Engine : private OutcomeSink {
public:
    /// A daemon over backend and clock, with the world's images and registries; seed fixes
    /// every random choice (IDs, generated names).
    Engine(Backend& backend, Clock& clock, const World& world, std::uint64_t seed);
    ~Engine() override;
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    /// The local images.
    ImageStore& images() { return m_images; }
    const ImageStore& images() const { return m_images; }
    /// The registries the daemon can reach.
    const Registries& registries() const { return m_registries; }
    /// The backend's name: "simulated" or "real".
    std::string backendName() const { return m_backend.name(); }
    /// .State.Pid as the backend knows it (0 when the container has no process).
    int processId(const Container& container) const { return m_backend.processId(container); }
    /// Engine time.
    Clock& clock() { return m_clock; }

    /// docker create: validates as the daemon does, in the daemon's order.
    Expected<Container*> create(CreateRequest request);
    /// Finds a container as the daemon does: full ID, name, then unique ID prefix.
    Expected<Container*> find(std::string_view reference);
    /// The container with this full ID, if it still exists.
    Container* byId(const std::string& id);
    /// Every container, newest first.
    std::vector<const Container*> containers() const;

    /// Sends a command through the container's machine. nameAsTyped is quoted by some messages.
    CallHandle command(Container& container, const CommandEvent& event,
                       std::string_view nameAsTyped);
    /// The stop timeout Docker uses when -t is not given: --stop-timeout, else 10 s.
    static Duration defaultStopTimeout(const Container& container);
    /// docker run's wait: returns at the next exit, or at removal when untilRemoved (--rm).
    CallHandle waitForExit(Container& container, bool untilRemoved);
    /// docker exec: the lifecycle table decides (Docker's refusals for a container that is not
    /// running, paused or restarting); accepted, the backend starts the process.
    Expected<std::shared_ptr<ExecSession>> exec(Container& container, const ExecRequest& request,
                                                std::string_view nameAsTyped);
    /// docker top: the table decides (it works while paused); accepted, the backend lists the
    /// container's processes.
    Expected<std::vector<ProcessEntry>> top(Container& container, std::string_view nameAsTyped);
    /// docker stats: the container's resource use now, as the backend measures it.
    Expected<ResourceSample> usage(const Container& container) const {
        return m_backend.usage(container);
    }
    /// docker update: the daemon's checks and merge (docs/DOCKER-BEHAVIOUR.md §10.5).
    Status update(Container& container, const UpdateRequest& request);
    /// docker rename.
    Status rename(Container& container, const std::string& newName);
    /// The image what a user typed names, as the daemon's GetImage finds it: by reference, then
    /// by ID or unique ID prefix ("No such image: nosuch:latest").
    Expected<const Image*> findImage(std::string_view typed) const;
    /// docker tag: the image source names gains the name target (docs/DOCKER-BEHAVIOUR.md §10.4).
    Status tag(std::string_view source, const ImageReference& target);
    /// docker rmi of one image: the lines Docker prints ("Untagged: ...", "Deleted: ..."), or
    /// the daemon's refusal under Docker's conflict rules (§10.4).
    Expected<std::vector<std::string>> removeImage(std::string_view typed, bool force);
    /// docker diff: what the container added, changed and deleted, by path.
    Expected<std::vector<FileChange>> changes(const Container& container) const;
    /// docker commit: a new image, the container's image with its writable layer on top (no
    /// layer when it wrote nothing) and its command, named tag when one is given.
    Expected<const Image*> commit(Container& container, const std::optional<ImageReference>& tag);
    /// docker load: stores every image of a docker save or OCI layout archive, on the backend's
    /// store too, and answers Docker's lines ("Loaded image: busybox:latest", "Loaded image ID:
    /// sha256:..."); an archive that fails a check stores nothing (§10.6).
    Expected<std::vector<std::string>> load(std::string_view archive);
    /// docker import: a root filesystem tarball as a one-layer image, named tag when given.
    Expected<const Image*> importImage(std::string_view rootfs,
                                       const std::optional<ImageReference>& tag);
    /// What docker container prune removed: full IDs, newest first, and the bytes their
    /// writable layers held.
    struct PruneReport {
        std::vector<std::string> deleted;
        std::int64_t reclaimed = 0;
    };
    /// docker container prune: removes every container that is not running (through its
    /// lifecycle table, as docker rm) and waits for the removals.
    PruneReport pruneContainers();
    /// Logs the attach event of an attached docker run.
    void attach(Container& container);
    /// Logs the resize event of a container's terminal (docker run -t: the CLI sends its size).
    void resize(const Container& container, int height, int width);
    /// Whether the backend can feed a container's stdin (docker run -i), or why not.
    Status canWriteStdin() const { return m_backend.canWriteStdin(); }
    /// Bytes an attached client typed for the running container's stdin (ended: it closed
    /// stdin after them); the process reads them at once.
    void writeStdin(const Container& container, const std::string& bytes, bool ended) {
        m_backend.writeStdin(container, bytes, ended);
    }
    /// The end of a pull: stores spec under reference with the plan's digest and logs the pull
    /// event; answers the daemon's last progress lines ("Digest: ...", "Status: ...").
    std::vector<std::string> completePull(const ImageSpec& spec, const ImageReference& reference,
                                          const PullPlan& plan);
    /// docker pull from a registry the backend reaches itself; null when it does not (the run
    /// flow then pulls from registries(), as planned by planPull).
    std::shared_ptr<RegistryPull> startPull(const ImageReference& reference);
    /// The end of a backend's pull: stores its image (on the backend's store too) under
    /// reference with the manifest digest, logs the pull event, and answers the daemon's last
    /// progress lines; or why the image could not be stored.
    Expected<std::vector<std::string>> completePull(const RegistryPull& pull,
                                                    const ImageReference& reference);
    /// Logs an image event (pull, tag, ...).
    void publishImageEvent(const std::string& action, const std::string& reference,
                           std::map<std::string, std::string> attributes);

    /// Tells the observers that a run flow moved (the CLI walks the flow, the engine relays).
    void publishRunFlow(const RunFlowReport& report);

    /// Every event logged so far, oldest first.
    const std::vector<DockerEvent>& events() const { return m_events; }
    /// Tells observer about everything from now on; it must outlive the engine or be removed.
    void addObserver(EngineObserver& observer);
    void removeObserver(EngineObserver& observer);

    /// Lets engine time pass until done() holds; false if the limit of engine time was reached
    /// first, or at once (time unmoved) when nothing is left to happen before it.
    bool runUntil(const std::function<bool()>& done, Duration limit = std::chrono::hours(24));

    /// Whether fault can be injected now (into target for OutOfMemory), or why not: an armed
    /// fault is not armed twice, and the OOM killer only finds a container whose state has an
    /// OutOfMemory row in the table.
    Status canInject(Fault fault, const Container* target) const;
    /// Arms or triggers a fault in the backend, when canInject() allows it.
    Status injectFault(Fault fault, Container* target);
    /// True from restartDaemon() until the daemon restored its containers.
    bool daemonRestarting() const { return m_daemonRestarting; }
    /// Stops the daemon and starts it again: containers are stopped and restored by Docker's
    /// rules (removing ones become dead; restart policies decide who comes back).
    void restartDaemon();

private:
    struct PendingCall {
        CallHandle call;
        std::vector<Outcome> answeredBy; ///< the call returns at the first of these
        std::string nameAsTyped;
    };

    void report(const std::string& containerId, const OutcomeEvent& event) override;
    void output(const std::string& containerId, TimePoint at, bool isStderr,
                const std::string& line) override;

    void apply(Container& container, const Reaction& reaction, const OutcomeEvent* outcome);
    void perform(Container& container, const Effect& effect);
    void publish(const Container& container, DockerAction action, const OutcomeEvent* outcome,
                 std::map<std::string, std::string> extra = {});
    DockerEvent containerEvent(const Container& container, const std::string& action) const;
    void logEvent(DockerEvent event);
    void settleCalls(Container& container, const Reaction& reaction, Outcome outcome);
    static CallResult answer(const Container& container, const Reaction& reaction,
                             std::string_view nameAsTyped);
    void tellEveryContainer(Outcome outcome);
    void forget(const std::string& id);
    // Why an image cannot be deleted (moby's imageDeleteConflict).
    struct DeleteConflict {
        bool used = false; ///< a container uses the image
        Error error;
    };
    std::optional<DeleteConflict> deleteConflict(const Image& image, unsigned mask) const;
    // Takes the name tag from image id, logs the untag and says so in lines.
    void untag(const std::string& id, const ImageReference& tag, std::vector<std::string>& lines);
    // imageDeleteHelper: deletes the image unless a conflict of the mask holds (quiet: a conflict
    // of an image still named or used is no error), then its parent if nothing holds that.
    Status deleteImage(const std::string& id, bool force, bool quiet,
                       std::vector<std::string>& lines);
    // A pull's end: the digest on image, the pull event, "Digest: ..." and "Status: ...".
    std::vector<std::string> finishPull(Image& image, const ImageReference& reference,
                                        const std::string& digest, bool upToDate);
    void finishDaemonRestartWhenStopped();
    std::string newId();
    std::vector<std::pair<std::uint64_t, std::string>> idsInCreationOrder() const;
    std::string newName(const std::string& id);

    Backend& m_backend;
    Clock& m_clock;
    ImageStore m_images;
    Registries m_registries;
    std::mt19937_64 m_random;
    // Hashed: the backend reports by ID many times a second of engine time (a prefix lookup
    // walks m_creationOrder instead).
    std::unordered_map<std::string, std::unique_ptr<Container>> m_byId;
    std::map<std::string, std::string> m_idByName;
    std::map<std::uint64_t, Container*> m_creationOrder; // sequence -> container, oldest first
    std::uint64_t m_nextSequence = 1;
    std::unordered_map<std::string, std::vector<PendingCall>> m_pending;
    std::vector<DockerEvent> m_events;
    std::vector<EngineObserver*> m_observers;
    bool m_daemonRestarting = false;
};

} // namespace lab
