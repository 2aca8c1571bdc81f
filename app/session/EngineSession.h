#pragma once
// A session over a whole engine, which the window observes and drives, and the one place that
// opens one for a backend: the console, the window and its backend switch all go through it.

#include "base/Expected.h"
#include "engine/ResourceSample.h"
#include "engine/World.h"
#include "session/Session.h"
#include "session/SessionFile.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lab {

class Engine;

/// The engines a session can run on.
enum class BackendKind {
    Simulated, ///< the simulated engine on a virtual clock
    Real       ///< real processes, namespaces and cgroups on the wall clock (root)
};

/// A docker CLI over an engine the caller can watch.
class EngineSession : public Session {
public:
    std::vector<std::string> commands() const override;
    /// The engine, for observers (the window's panels).
    virtual Engine& engine() = 0;
    /// Which engine this is.
    virtual BackendKind backend() const = 0;
    /// On the wall clock: while a command waits for the engine, wait() runs instead of a
    /// blocking wait. It must return once readyDescriptor() is readable or dispatchReady() ran
    /// (an event loop that takes the engine's news meanwhile, as the window's). Empty: block.
    virtual void setWaitingLoop(std::function<void()> /*wait*/) {}
    /// On virtual time: when the engine's next timer is due (a workload's exit, a stop timeout).
    virtual std::optional<TimePoint> nextDue() const { return std::nullopt; }
    /// A new session as this one was when it started (same world and seed), to replay into;
    /// null when its time cannot be rewound (real processes on the wall clock).
    virtual std::unique_ptr<EngineSession> fresh() const { return nullptr; }
    /// What a session file starts from: this session's world and seed, no entries yet; none
    /// where a replay cannot reach the same states (real processes on the wall clock).
    virtual std::optional<SessionRecording> origin() const { return std::nullopt; }
    /// Every kernel operation done for the container with this full ID so far, oldest first;
    /// empty where no kernel is involved (the simulation).
    virtual std::vector<std::string> kernelTrace(const std::string& /*id*/) const { return {}; }
    /// The container's resource use now, from its cgroups; an error says why there is none.
    virtual Expected<ResourceSample> resources(const std::string& id) const;
};

/// What a session is opened with.
struct SessionSpec {
    BackendKind backend = BackendKind::Simulated;
    std::uint64_t seed = 1; ///< Simulated: fixes IDs and generated names (Real: random)
    std::string stateDir; ///< Real: where images and containers live; empty: the backend's default
    /// Simulated: when engine time starts (the daemon on the wall clock starts it now, so that
    /// the world's images are minutes old, not months); unset: the simulation's fixed epoch.
    std::optional<TimePoint> start;
};

/// Opens a session on world. The simulation always opens; the real backend answers why it
/// cannot (not root, no cgroup freezer, the kernel refusing namespaces or mounts).
Expected<std::unique_ptr<EngineSession>> openSession(const SessionSpec& spec, const World& world);

/// A fresh engine to play recording's entries on: the simulation from its world and seed, or,
/// for a session recorded on the real backend, the kernel's recorded answers (no root needed).
std::unique_ptr<EngineSession> openRecording(const SessionRecording& recording);

/// Replays a session file's entries on session, which started at engine time start: each waits
/// (sleep) until engine time reaches start + its at, then perform does it (a command's run, an
/// action's apply), as a session file's player does.
void replayEntries(EngineSession& session, TimePoint start,
                   const std::vector<SessionEntry>& entries,
                   const std::function<void(const SessionEntry&)>& perform);

/// "simulation" or "real (root)": the mode, as the window and the console name it.
std::string modeName(BackendKind backend);

} // namespace lab
