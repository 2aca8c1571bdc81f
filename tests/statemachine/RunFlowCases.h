#pragma once
// The paths of the run flow that tst_run_flow walks: each with the outcomes a daemon reports,
// the steps the CLI goes through, and where its expected output comes from (a command line of
// data/run-flow.transcript, or docs/DOCKER-BEHAVIOUR.md where a path cannot be recorded offline).

#include "machines/RunFlow.h"

#include <QString>
#include <QStringList>
#include <string>
#include <vector>

namespace runflowcases {

using namespace lab;
using S = RunStep;
using O = RunFlowOutcome;

/// What the CLI printed and how it exited.
struct Recorded {
    QStringList out;
    QStringList err;
    int status = -1;
};

// --- What the engine reports --------------------------------------------------------------------

inline RunFlowOutcomeEvent ok(O outcome) {
    RunFlowOutcomeEvent event;
    event.outcome = outcome;
    return event;
}
inline RunFlowOutcomeEvent failed(O outcome, std::string error) {
    RunFlowOutcomeEvent event = ok(outcome);
    event.error = std::move(error);
    return event;
}
inline RunFlowOutcomeEvent reference(std::string familiar, std::string canonical = {},
                                     bool tagAdded = false, bool named = true) {
    RunFlowOutcomeEvent event = ok(O::ReferenceValid);
    event.reference = std::move(familiar);
    event.canonical = std::move(canonical);
    event.tagAdded = tagAdded;
    event.named = named;
    return event;
}
inline RunFlowOutcomeEvent progress(O outcome, std::vector<std::string> lines) {
    RunFlowOutcomeEvent event = ok(outcome);
    event.progress = std::move(lines);
    return event;
}
inline RunFlowOutcomeEvent created(std::string id) {
    RunFlowOutcomeEvent event = ok(O::Created);
    event.containerId = std::move(id);
    return event;
}
inline RunFlowOutcomeEvent exited(int code) {
    RunFlowOutcomeEvent event = ok(O::Exited);
    event.exitCode = code;
    return event;
}

inline RunFlowOptions options(RunCommand command, PullPolicy pull = PullPolicy::Missing,
                              bool detached = false, bool autoRemove = false, bool quiet = false) {
    return {command, pull, detached, autoRemove, quiet};
}
inline RunFlowOptions run(PullPolicy pull = PullPolicy::Missing, bool detached = false,
                          bool autoRemove = false, bool quiet = false) {
    return options(RunCommand::Run, pull, detached, autoRemove, quiet);
}
inline RunFlowOptions create(PullPolicy pull = PullPolicy::Missing) {
    return options(RunCommand::Create, pull);
}
inline RunFlowOptions pull(bool quiet = false) {
    return options(RunCommand::Pull, PullPolicy::Missing, false, false, quiet);
}

// The daemon's words, as the recording shows them after "Error response from daemon: ".
inline const std::string kManifestUnknown =
    "manifest for 127.0.0.1:5001/nope:latest not found: manifest unknown: manifest unknown";
inline const std::string kHubUnreachable =
    "Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup "
    "registry-1.docker.io on 10.255.255.53:53: no such host";
inline const std::string kNameTaken =
    "Conflict. The container name \"/taken\" is already in use by container "
    "\"ee6ef3e5bdacde771f0c74094e0aeb4b53a1e5ca6de10ff6e8debb1d8658d4f7\". You have to remove (or "
    "rename) that container to be able to reuse that name.";
inline const std::string kNotFoundInPath =
    "failed to create shim task: OCI runtime create failed: runc create failed: unable to start "
    "container process: exec: \"nonexistcmd\": executable file not found in $PATH: unknown";
inline const std::string kBusyboxDigest =
    "Digest: sha256:4fd7aff7732fb3fe2627f925bbb41b3d56c3dd5a663494a2c8cd3ce76883b6d5";

// --- The paths --------------------------------------------------------------------------------

struct Case {
    Case(const char* title, RunFlowOptions flags, std::vector<RunFlowOutcomeEvent> reports,
         std::vector<RunStep> visited, QString command, Recorded fromReference = {},
         bool containerOutput = false)
        : name(title), options(flags), outcomes(std::move(reports)), steps(std::move(visited)),
          recorded(std::move(command)), expected(std::move(fromReference)),
          containerPrints(containerOutput) {}
    const char* name;
    RunFlowOptions options;
    std::vector<RunFlowOutcomeEvent> outcomes;
    std::vector<RunStep> steps;   ///< step() after construction, then after every outcome
    QString recorded;             ///< the command line in the transcript, or empty
    Recorded expected;            ///< when not recorded: from DOCKER-BEHAVIOUR.md, as the row says
    bool containerPrints = false; ///< the container's own output is on stdout: not compared
};

inline std::vector<Case> cases() {
    const std::vector<S> toRef{S::CheckOptions, S::ParseReference};
    const auto path = [&](std::initializer_list<S> rest) {
        std::vector<S> steps = toRef;
        steps.insert(steps.end(), rest);
        return steps;
    };
    const RunFlowOutcomeEvent valid = ok(O::OptionsValid);
    const RunFlowOutcomeEvent localBusybox = reference("busybox:local");
    return {
        // Flags refused by runRun/runCreate, or by runContainer.
        {"run, bad --pull value -> 125 with run's help",
         run(),
         {failed(O::OptionsInvalid, parsePullPolicy("bogus").error().message)},
         {S::CheckOptions, S::FailedOptions},
         "docker run --pull bogus busybox:local true"},
        {"create, bad --pull value -> 125 with create's help",
         create(),
         {failed(O::OptionsInvalid, parsePullPolicy("bogus").error().message)},
         {S::CheckOptions, S::FailedOptions},
         "docker create --pull bogus busybox:local true"},
        {"run, -d with -a -> 1, printed plainly",
         run(PullPolicy::Missing, true),
         {failed(O::OptionsConflict,
                 "conflicting options: cannot specify both --attach and --detach")},
         {S::CheckOptions, S::FailedOptions},
         "docker run -d -a stdout busybox:local true"},
        {"run, --restart with --rm -> 125 with help",
         run(PullPolicy::Missing, false, true),
         {failed(O::OptionsInvalid, "conflicting options: cannot specify both --restart and --rm")},
         {S::CheckOptions, S::FailedOptions},
         "docker run --restart always --rm busybox:local true"},

        // The reference.
        {"run, invalid reference -> 125 with help",
         run(),
         {valid,
          failed(O::ReferenceInvalid,
                 "invalid reference format: repository name (library/UPPER) must be lowercase")},
         path({S::FailedReference}),
         "docker run UPPER true"},
        {"create, invalid reference -> 1, printed plainly",
         create(),
         {valid,
          failed(O::ReferenceInvalid,
                 "invalid reference format: repository name (library/UPPER) must be lowercase")},
         path({S::FailedReference}),
         "docker create UPPER true"},
        {"pull, invalid reference -> 1, printed plainly",
         pull(),
         {failed(O::ReferenceInvalid,
                 "invalid reference format: repository name (library/UPPER) must be lowercase")},
         {S::ParseReference, S::FailedReference},
         "docker pull UPPER"},

        // Not local, and no pull allowed.
        {"run, image missing, pull policy never -> 125 with No such image",
         run(PullPolicy::Never),
         {valid, reference("nosuch:latest"),
          failed(O::ImageMissing, "No such image: nosuch:latest")},
         path({S::LookupLocal, S::FailedNoSuchImage}),
         "docker run --pull never nosuch true"},
        {"create, image missing, pull policy never -> 1 with No such image",
         create(PullPolicy::Never),
         {valid, reference("nosuch:latest"),
          failed(O::ImageMissing, "No such image: nosuch:latest")},
         path({S::LookupLocal, S::FailedNoSuchImage}),
         "docker create --pull never nosuch true"},
        {"run, missing image named by full ID is never pulled -> 125",
         run(),
         {valid, reference("", "", false, false),
          failed(O::ImageMissing,
                 "No such image: "
                 "sha256:0000000000000000000000000000000000000000000000000000000000000000")},
         path({S::LookupLocal, S::FailedNoSuchImage}),
         "docker run 0000000000000000000000000000000000000000000000000000000000000000 true"},

        // The registry says no, or cannot be reached.
        {"run, image missing, registry has no such manifest -> 125",
         run(),
         {valid, reference("127.0.0.1:5001/nope:latest"), ok(O::ImageMissing),
          failed(O::RegistryRefused, kManifestUnknown)},
         path({S::LookupLocal, S::QueryRegistry, S::FailedPull}),
         "docker run 127.0.0.1:5001/nope true"},
        {"create, image missing, registry has no such manifest -> 1",
         create(),
         {valid, reference("127.0.0.1:5001/nope:latest"), ok(O::ImageMissing),
          failed(O::RegistryRefused, kManifestUnknown)},
         path({S::LookupLocal, S::QueryRegistry, S::FailedPull}),
         "docker create 127.0.0.1:5001/nope true"},
        {"pull, no tag, registry has no such manifest -> 1 after the default tag",
         pull(),
         {reference("127.0.0.1:5001/nope:latest", "127.0.0.1:5001/nope:latest", true),
          failed(O::RegistryRefused, kManifestUnknown)},
         {S::ParseReference, S::QueryRegistry, S::FailedPull},
         "docker pull 127.0.0.1:5001/nope"},
        {"run -q, image missing, registry refuses -> 125 without the notice",
         run(PullPolicy::Missing, false, false, true),
         {valid, reference("127.0.0.1:5001/nope:latest"), ok(O::ImageMissing),
          failed(O::RegistryRefused, kManifestUnknown)},
         path({S::LookupLocal, S::QueryRegistry, S::FailedPull}),
         "docker run -q 127.0.0.1:5001/nope true"},
        {"run, pull policy always, registry unreachable -> 125 though the image is local",
         run(PullPolicy::Always),
         {valid, localBusybox, failed(O::RegistryUnreachable, kHubUnreachable)},
         path({S::QueryRegistry, S::FailedPull}),
         "docker run --pull always busybox:local true"},
        {"create, pull policy always, registry unreachable -> 1",
         create(PullPolicy::Always),
         {valid, localBusybox, failed(O::RegistryUnreachable, kHubUnreachable)},
         path({S::QueryRegistry, S::FailedPull}),
         "docker create --pull always busybox:local true"},
        {"pull, registry unreachable -> 1 after the default tag",
         pull(),
         {reference("busybox:latest", "docker.io/library/busybox:latest", true),
          failed(O::RegistryUnreachable, kHubUnreachable)},
         {S::ParseReference, S::QueryRegistry, S::FailedPull},
         "docker pull busybox"},
        // DOCKER-BEHAVIOUR §4.3: an error in the stream has no daemon prefix; run adds docker: and
        // 125.
        {"run, download breaks after progress began -> 125 without daemon prefix",
         run(),
         {valid, reference("busybox:latest"), ok(O::ImageMissing),
          progress(O::ManifestFound, {"latest: Pulling from library/busybox"}),
          failed(O::PullInterrupted, "authentication is required")},
         path({S::LookupLocal, S::QueryRegistry, S::PullLayers, S::FailedPull}),
         {},
         {{},
          {"Unable to find image 'busybox:latest' locally", "latest: Pulling from library/busybox",
           "docker: authentication is required", "",
           "Run 'docker run --help' for more information"},
          125}},
        {"pull, download breaks after progress began -> 1, printed plainly",
         pull(),
         {reference("busybox:latest", "docker.io/library/busybox:latest"),
          progress(O::ManifestFound, {"latest: Pulling from library/busybox"}),
          failed(O::PullInterrupted, "authentication is required")},
         {S::ParseReference, S::QueryRegistry, S::PullLayers, S::FailedPull},
         {},
         {{"latest: Pulling from library/busybox"}, {"authentication is required"}, 1}},

        // The daemon refuses the create.
        {"run, config refused before the image lookup -> 125, nothing pulled",
         run(),
         {valid, reference("nosuch:latest"),
          failed(O::CreateFailed, "maximum retry count cannot be negative")},
         path({S::LookupLocal, S::FailedCreate}),
         "docker run --restart on-failure:-2 nosuch true"},
        {"create, config refused before the image lookup -> 1",
         create(),
         {valid, reference("nosuch:latest"),
          failed(O::CreateFailed, "maximum retry count cannot be negative")},
         path({S::LookupLocal, S::FailedCreate}),
         "docker create --restart on-failure:-2 nosuch true"},
        {"run, image pulled, then name in use -> 125",
         run(),
         {valid, reference("127.0.0.1:5001/busybox:1.35"), ok(O::ImageMissing),
          progress(O::ManifestFound, {"1.35: Pulling from busybox"}),
          progress(
              O::PullComplete,
              {kBusyboxDigest, "Status: Downloaded newer image for 127.0.0.1:5001/busybox:1.35"}),
          failed(O::CreateFailed, kNameTaken)},
         path({S::LookupLocal, S::QueryRegistry, S::PullLayers, S::CreateContainer,
               S::FailedCreate}),
         "docker run --name taken 127.0.0.1:5001/busybox:1.35 true"},
        {"create, name in use -> 1",
         create(),
         {valid, localBusybox, ok(O::ImageFound), failed(O::CreateFailed, kNameTaken)},
         path({S::LookupLocal, S::CreateContainer, S::FailedCreate}),
         "docker create --name taken busybox:local true"},

        // Created.
        {"create, image pulled -> prints the ID",
         create(),
         {valid, reference("127.0.0.1:5001/busybox:1.35"), ok(O::ImageMissing),
          progress(O::ManifestFound, {"1.35: Pulling from busybox"}),
          progress(
              O::PullComplete,
              {kBusyboxDigest, "Status: Downloaded newer image for 127.0.0.1:5001/busybox:1.35"}),
          created("26995ffe4c6b4a2f57d946f268f944b2081973da7835065097673eab302c54db")},
         path({S::LookupLocal, S::QueryRegistry, S::PullLayers, S::CreateContainer, S::Done}),
         "docker create 127.0.0.1:5001/busybox:1.35 true"},
        // DOCKER-BEHAVIOUR.md §4.2 (non-TTY lines, stderr for create) and §2.1 (ID on stdout).
        {"create, layers pulled one by one -> progress on stderr, ID on stdout",
         create(),
         {valid, reference("busybox:latest"), ok(O::ImageMissing),
          progress(O::ManifestFound, {"latest: Pulling from library/busybox"}),
          progress(O::LayerPulled,
                   {"a1b2c3d4e5f6: Pulling fs layer", "a1b2c3d4e5f6: Verifying Checksum",
                    "a1b2c3d4e5f6: Download complete", "a1b2c3d4e5f6: Pull complete"}),
          progress(O::PullComplete, {"Status: Downloaded newer image for busybox:latest"}),
          created("f00d")},
         path({S::LookupLocal, S::QueryRegistry, S::PullLayers, S::PullLayers, S::CreateContainer,
               S::Done}),
         {},
         {{"f00d"},
          {"Unable to find image 'busybox:latest' locally", "latest: Pulling from library/busybox",
           "a1b2c3d4e5f6: Pulling fs layer", "a1b2c3d4e5f6: Verifying Checksum",
           "a1b2c3d4e5f6: Download complete", "a1b2c3d4e5f6: Pull complete",
           "Status: Downloaded newer image for busybox:latest"},
          0}},

        // Started.
        {"run, attached, exits 0 -> 0, prints nothing",
         run(),
         {valid, localBusybox, ok(O::ImageFound), created("ee6e"), ok(O::Attached), ok(O::Started),
          exited(0)},
         path({S::LookupLocal, S::CreateContainer, S::Attach, S::StartContainer, S::WaitForExit,
               S::Done}),
         "docker run --name taken busybox:local true"},
        {"run, attached, exits 4 -> 4",
         run(),
         {valid, localBusybox, ok(O::ImageFound), created("x"), ok(O::Attached), ok(O::Started),
          exited(4)},
         path({S::LookupLocal, S::CreateContainer, S::Attach, S::StartContainer, S::WaitForExit,
               S::Done}),
         "docker run busybox:local sh -c 'echo hi; exit 4'",
         {},
         true},
        {"run --rm, image pulled, exits 3 -> removed, 3",
         run(PullPolicy::Missing, false, true),
         {valid, reference("127.0.0.1:5001/bb:latest"), ok(O::ImageMissing),
          progress(O::ManifestFound, {"latest: Pulling from bb"}),
          progress(O::PullComplete,
                   {kBusyboxDigest, "Status: Downloaded newer image for 127.0.0.1:5001/bb:latest"}),
          created("x"), ok(O::Attached), ok(O::Started), exited(3), ok(O::Removed)},
         path({S::LookupLocal, S::QueryRegistry, S::PullLayers, S::CreateContainer, S::Attach,
               S::StartContainer, S::WaitForExit, S::AutoRemove, S::Done}),
         "docker run --rm 127.0.0.1:5001/bb sh -c 'exit 3'"},
        {"run -d -> prints the ID, 0, does not wait",
         run(PullPolicy::Missing, true),
         {valid, localBusybox, ok(O::ImageFound),
          created("94080399d7ac2166fd62f715cb5e3b758245ad525f11ad6e867fd5a909580c62"),
          ok(O::Started)},
         path({S::LookupLocal, S::CreateContainer, S::StartContainer, S::Done}),
         "docker run -d busybox:local sleep 1"},
        {"run --rm -d -> prints the ID, 0, leaves the removal to the daemon",
         run(PullPolicy::Missing, true, true),
         {valid, localBusybox, ok(O::ImageFound),
          created("bca5d3e25cfc274e2271f99629cc361fac512276fc0533561ce97fcccd2cd024"),
          ok(O::Started)},
         path({S::LookupLocal, S::CreateContainer, S::StartContainer, S::Done}),
         "docker run --rm -d busybox:local true"},

        // The start fails.
        {"run -d, executable not found -> ID, then 127",
         run(PullPolicy::Missing, true),
         {valid, localBusybox, ok(O::ImageFound),
          created("fd0021e45b3e463ed3ade957f29d89f7b28e924c6e73d82d4ef3742f7d8f5ab1"),
          failed(O::StartFailed, kNotFoundInPath)},
         path({S::LookupLocal, S::CreateContainer, S::StartContainer, S::FailedStart}),
         "docker run -d busybox:local nonexistcmd"},
        {"run --rm, executable not found -> removed, then 127",
         run(PullPolicy::Missing, false, true),
         {valid, localBusybox, ok(O::ImageFound), created("x"), ok(O::Attached),
          failed(O::StartFailed, kNotFoundInPath), ok(O::Removed)},
         path({S::LookupLocal, S::CreateContainer, S::Attach, S::StartContainer, S::AutoRemove,
               S::FailedStart}),
         "docker run --rm --name gone busybox:local nonexistcmd"},
        {"run, command is a directory, runc says permission denied -> 126",
         run(),
         {valid, localBusybox, ok(O::ImageFound), created("x"), ok(O::Attached),
          failed(O::StartFailed,
                 "failed to create shim task: OCI runtime create failed: runc create failed: "
                 "unable to start container process: exec: \"/etc\": permission denied: unknown")},
         path({S::LookupLocal, S::CreateContainer, S::Attach, S::StartContainer, S::FailedStart}),
         "docker run busybox:local /etc"},
        {"run, command is no such file -> 127",
         run(),
         {valid, localBusybox, ok(O::ImageFound), created("x"), ok(O::Attached),
          failed(O::StartFailed,
                 "failed to create shim task: OCI runtime create failed: runc create failed: "
                 "unable to start container process: exec: \"/etc/passwd\": stat /etc/passwd: no "
                 "such file or directory: unknown")},
         path({S::LookupLocal, S::CreateContainer, S::Attach, S::StartContainer, S::FailedStart}),
         "docker run busybox:local /etc/passwd"},
        // docker/cli v28.2.2 run.go toStatusError: syscall.EISDIR ("is a directory") is 126 too.
        {"run, start fails with is a directory -> 126",
         run(),
         {valid, localBusybox, ok(O::ImageFound), created("x"), ok(O::Attached),
          failed(O::StartFailed, "open /data: is a directory")},
         path({S::LookupLocal, S::CreateContainer, S::Attach, S::StartContainer, S::FailedStart}),
         {},
         {{},
          {"docker: Error response from daemon: open /data: is a directory", "",
           "Run 'docker run --help' for more information"},
          126}},

        // docker pull.
        {"pull, no tag, up to date -> progress and the reference on stdout",
         pull(),
         {reference("127.0.0.1:5001/bb:latest", "127.0.0.1:5001/bb:latest", true),
          progress(O::ManifestFound, {"latest: Pulling from bb"}),
          progress(O::PullComplete,
                   {kBusyboxDigest, "Status: Image is up to date for 127.0.0.1:5001/bb:latest"})},
         {S::ParseReference, S::QueryRegistry, S::PullLayers, S::Done},
         "docker pull 127.0.0.1:5001/bb"},
        {"pull -q -> only the reference",
         pull(true),
         {reference("127.0.0.1:5001/bb:latest", "127.0.0.1:5001/bb:latest", true),
          progress(O::ManifestFound, {"latest: Pulling from bb"}),
          progress(O::PullComplete,
                   {kBusyboxDigest, "Status: Image is up to date for 127.0.0.1:5001/bb:latest"})},
         {S::ParseReference, S::QueryRegistry, S::PullLayers, S::Done},
         "docker pull -q 127.0.0.1:5001/bb"},
    };
}

} // namespace runflowcases
