#pragma once
// A container as the simulated daemon keeps it: its configuration, its lifecycle machine and
// record, and what it printed.

#include "base/Clock.h"
#include "engine/World.h"
#include "machines/Lifecycle.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace lab {

/// The resource limits of .HostConfig that the lab models (docs/DOCKER-BEHAVIOUR.md §10.5).
struct ResourceLimits {
    std::int64_t memory = 0;     ///< --memory in bytes (.HostConfig.Memory); 0: none
    std::int64_t memorySwap = 0; ///< memory + swap (.HostConfig.MemorySwap); -1: unlimited swap
    std::int64_t nanoCpus = 0;   ///< --cpus x 10^9 (.HostConfig.NanoCpus); 0: none
    std::optional<std::int64_t> pidsLimit; ///< --pids-limit (.HostConfig.PidsLimit)

    bool operator==(const ResourceLimits&) const = default;
};

/// What `docker create` was asked for (.Config and the parts of .HostConfig the lab models).
struct ContainerConfig {
    std::string image;                   ///< as the user wrote it (.Config.Image)
    std::string imageId;                 ///< sha256:... of the image used
    std::vector<std::string> entrypoint; ///< .Config.Entrypoint
    std::vector<std::string> cmd;        ///< .Config.Cmd
    std::map<std::string, std::string> labels;
    std::string stopSignal;               ///< .Config.StopSignal, empty when none
    std::optional<int> stopTimeout;       ///< --stop-timeout, seconds
    bool init = false;                    ///< --init
    bool tty = false;                     ///< -t
    bool openStdin = false;               ///< -i
    RestartPolicy restartPolicy;          ///< --restart
    bool autoRemove = false;              ///< --rm
    std::vector<std::string> env;         ///< -e/--env, NAME=value (.Config.Env before the image's)
    std::vector<std::string> capAdd;      ///< --cap-add, as written (.HostConfig.CapAdd)
    std::vector<std::string> capDrop;     ///< --cap-drop (.HostConfig.CapDrop)
    bool privileged = false;              ///< --privileged
    std::vector<std::string> securityOpt; ///< --security-opt (.HostConfig.SecurityOpt)
    ResourceLimits limits;                ///< --memory, --memory-swap, --cpus, --pids-limit
};

/// .Config.Env as the daemon merges it: the -e variables, then the image's that -e did not set.
std::vector<std::string> mergeEnv(const std::vector<std::string>& user,
                                  const std::vector<std::string>& image);

/// One line a container's process printed.
struct LogLine {
    TimePoint at{};
    bool isStderr = false;
    std::string text;
};

/// A container known to the daemon.
class Container {
public:
    std::string id;             ///< 64 hex digits
    std::string name;           ///< without the leading '/'
    std::uint64_t sequence = 0; ///< creation order: larger is newer, even within one instant
    ContainerConfig config;
    TimePoint created{};
    LifecycleMachine machine;
    LifecycleRecord record;
    std::vector<LogLine> logs;
    std::size_t logBytes = 0; ///< the bytes of logs' lines
    ImageFiles imageFiles;    ///< the image's files with content, for the process to read
    std::set<std::string> imageDeletedFiles; ///< the base-tree paths the image's layers deleted
    std::optional<TimerId> stopTimer;        ///< a stop's timeout: reports StopTimedOut
    std::optional<TimerId> restartTimer;     ///< pending policy restart

    /// .State.Status; a removed container is no longer held by the daemon.
    ContainerState state() const { return *dockerState(machine.node()); }
    /// The first 12 hex digits, as `docker ps` shows them.
    std::string shortId() const { return id.substr(0, 12); }
    /// entrypoint followed by cmd: what the process runs.
    std::vector<std::string> argv() const;
    /// Keeps a printed line; beyond limits::kLogBytesPerContainer the oldest lines go, as
    /// Docker's `local` log driver rotates its files.
    void appendLog(LogLine line);
    /// The first line `docker logs --tail tail` shows: "all" (or anything not a count) shows
    /// every line, N the last N.
    std::size_t tailStart(std::string_view tail) const;
    /// .Config.Env: the -e variables, then the simulated images' PATH.
    std::vector<std::string> env() const;
};

} // namespace lab
