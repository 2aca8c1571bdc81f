#pragma once
// What the window shows lags behind the engine by design: a console `docker stop` of a `sleep`
// returns after ten seconds of engine time, in no wall time at all, yet the learner should see
// SIGTERM, the timeout running down, SIGKILL and exit 137. The timeline records every reaction
// of the engine as a step, with its engine time, the Docker events it published and the
// container as `docker ps -a` lists it after the reaction, and lets them out as shown time passes
// (Playback) or one at a time (Step). Every pane draws the engine as of the last step shown
// (shownContainers(), shownEvents(), steps() up to shownCount()), never the engine's latest state.
//
// Memory: a step keeps one trimmed copy of the one container it changed (no logs, no image
// files; shared with the shown fold, never copied per pane), so the steps cost O(steps) small
// records, not O(steps x containers); events stay in the engine's own bounded log.

#include "gui/window/EngineSignals.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace lab {

/// A container as `docker ps -a` lists it at one step (logs and image files left out).
using ContainerRow = std::shared_ptr<const Container>;

/// One reaction of a container's machine, as the views show it.
struct EngineStep {
    TimePoint at{};
    QString containerId;
    QString name; ///< the container's name at the time
    Reaction reaction;
    std::optional<OutcomeEvent> outcome; ///< what the backend reported; none for a command
    std::vector<DockerEvent> events;     ///< the Docker events the reaction published, in order
    int exitCode = 0;                    ///< .State.ExitCode after the reaction
    /// How many recorded docker commands a replay runs to stand just before this step: those
    /// before its command when it is the command's first step, its command too otherwise.
    std::size_t commandsBefore = 0;
    ContainerRow container; ///< the container as the reaction left it
    /// How many events the engine had published (since the timeline began) before the reaction:
    /// while this step waits, the event log shows no later one.
    std::size_t eventsBefore = 0;
    /// What the backend did in the kernel for the container after this reaction and before its
    /// next one, in order (the real backend's trace lines; none in the simulation).
    std::vector<std::string> kernelOps;
};

/// The events the engine had published as of the step shown: the last events.size() of the
/// first `end` ones (older ones left the engine's bounded log); first is events.front()'s number.
struct ShownEvents {
    std::size_t first = 0;
    std::span<const DockerEvent> events;
};

/// The engine's steps, and how many of them the views show.
class StepTimeline final : public QObject {
    Q_OBJECT
public:
    explicit StepTimeline(EngineSignals& engineSignals, QObject* parent = nullptr);

    /// The engine time the views show: behind the engine while steps wait to be shown.
    TimePoint shownTime() const { return m_shownTime; }
    /// The engine time the recording began at (construction, or the engine's replacement).
    TimePoint startedAt() const { return m_startedAt; }
    /// Every step recorded, oldest first; the first shownCount() are shown.
    const std::vector<EngineStep>& steps() const { return m_steps; }
    std::size_t shownCount() const { return m_shown; }
    /// Steps recorded but not shown yet.
    std::size_t waiting() const { return m_steps.size() - m_shown; }
    /// The containers as of the last step shown, newest first (as `docker ps -a`).
    const std::vector<ContainerRow>& shownContainers() const { return m_shownContainers; }
    /// The containers the engine held when the recording began, newest first.
    const std::vector<ContainerRow>& initialContainers() const { return m_initial; }
    /// The events published before the first step not shown (all of them when none waits); of
    /// those no step published (image events), only the ones stamped by the shown time.
    ShownEvents shownEvents() const;
    /// How many docker commands (and recorded actions) the engine has run: after a replay, the
    /// commands it kept.
    std::size_t commandsRun() const { return m_commands; }

    /// Shows every step up to engine time t; shown time becomes t (the engine's time once
    /// nothing waits). A hold stops both before the held step.
    void showUntil(TimePoint t);
    /// Shows the next waiting step, if any and not held; false when none is shown.
    bool showNext();
    /// Shows everything recorded (up to a hold).
    void showAll();
    /// Holds the views before the next step not shown: no step is shown, and shown time does not
    /// pass it, until release(). The engine itself runs on.
    void hold();
    void release();
    bool isHeld() const { return m_hold.has_value(); }
    /// The docker command with this index (from 0) starts / finished: steps note it, for
    /// replay (RecordedSession).
    void commandStarting(std::size_t index);
    void commandFinished() { m_inCommand = false; }
    /// A container's kernel operations so far, oldest first (the real backend's trace).
    using KernelTrace = std::function<std::vector<std::string>(const std::string& id)>;
    /// Files what trace reports under the steps that caused it (EngineStep::kernelOps): a
    /// reaction's effects run right after it, so a container's new lines belong to its latest
    /// step; they are filed when it reacts again and whenever steps are shown.
    void setKernelTrace(KernelTrace trace) { m_kernelTrace = std::move(trace); }

    /// Forgets every step: the engine was replaced by a fresh one (step back, reset).
    void clear();
    /// After a replay: the first count steps count as shown, without showing them one by one.
    void markShown(std::size_t count);

signals:
    /// A step is shown now (views animate it; shownContainers() already includes it).
    void stepShown(const lab::EngineStep& step);
    /// The shown steps changed wholesale (clear, markShown): views redraw from the shown state.
    void rewound();
    /// Shown time moved.
    void timeShown(lab::TimePoint shownTime);
    /// Kernel operations were filed under a step already shown (they follow its reaction).
    void kernelOpsShown();

private:
    void onReacted(const QString& containerId, const Reaction& reaction,
                   const OutcomeEvent* outcome);
    void onPublished(const DockerEvent& event);
    void show(std::size_t index);
    void applyToShown(const EngineStep& step);
    void rebuildShown();
    std::size_t showable() const;
    TimePoint engineNow() const;
    bool fileKernelOps(const QString& containerId);
    void fileAllKernelOps();

    EngineSignals& m_signals;
    std::vector<EngineStep> m_steps;
    std::size_t m_shown = 0;
    std::optional<std::size_t> m_hold; // no step from this index on is shown
    std::size_t m_commands = 0;        // commands started
    bool m_inCommand = false;
    bool m_commandHasSteps = false;
    TimePoint m_startedAt;
    TimePoint m_shownTime;
    std::vector<ContainerRow> m_initial;
    std::vector<ContainerRow> m_shownContainers;
    std::size_t m_published = 0; // events the engine has published, its log's first ones included
    KernelTrace m_kernelTrace;
    std::map<QString, std::size_t> m_kernelLinesFiled; // per container, for good
    std::map<QString, std::size_t> m_latestStep;       // each container's, in m_steps
};

} // namespace lab
