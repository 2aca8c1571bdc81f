#pragma once
// What the window shows lags behind the engine by design: a console `docker stop` of a `sleep`
// returns after ten seconds of engine time, in no wall time at all, yet the learner should see
// SIGTERM, the timeout running down, SIGKILL and exit 137. The timeline records every reaction
// of the engine as a step, with its engine time and the Docker events it published, and lets
// them out as shown time passes (Playback) or one at a time (Step). Views draw the shown steps.

#include "gui/window/EngineSignals.h"

#include <optional>
#include <vector>

namespace lab {

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
};

/// The engine's steps, and how many of them the views show.
class StepTimeline final : public QObject {
    Q_OBJECT
public:
    explicit StepTimeline(EngineSignals& engineSignals, QObject* parent = nullptr);

    /// The engine time the views show: behind the engine while steps wait to be shown.
    TimePoint shownTime() const { return m_shownTime; }
    /// Every step recorded, oldest first; the first shownCount() are shown.
    const std::vector<EngineStep>& steps() const { return m_steps; }
    std::size_t shownCount() const { return m_shown; }
    /// Steps recorded but not shown yet.
    std::size_t waiting() const { return m_steps.size() - m_shown; }

    /// Shows every step up to engine time t; shown time becomes t (the engine's time once
    /// nothing waits).
    void showUntil(TimePoint t);
    /// Shows the next waiting step, if any; false when none waits.
    bool showNext();
    /// Shows everything recorded.
    void showAll();
    /// The docker command with this index (from 0) starts / finished: steps note it, for
    /// replay (RecordedSession).
    void commandStarting(std::size_t index);
    void commandFinished() { m_inCommand = false; }

    /// Forgets every step: the engine was replaced by a fresh one (step back, reset).
    void clear();
    /// After a replay: the first count steps count as shown, without showing them one by one.
    void markShown(std::size_t count);

signals:
    /// A step is shown now (views animate it).
    void stepShown(const lab::EngineStep& step);
    /// The shown steps changed wholesale (clear, markShown): views redraw from steps().
    void rewound();
    /// Shown time moved.
    void timeShown(lab::TimePoint shownTime);

private:
    void onReacted(const QString& containerId, const Reaction& reaction,
                   const OutcomeEvent* outcome);
    void onPublished(const DockerEvent& event);
    void show(std::size_t index);
    TimePoint engineNow() const;

    EngineSignals& m_signals;
    std::vector<EngineStep> m_steps;
    std::size_t m_shown = 0;
    std::size_t m_commands = 0; // commands started
    bool m_inCommand = false;
    bool m_commandHasSteps = false;
    TimePoint m_shownTime;
};

} // namespace lab
