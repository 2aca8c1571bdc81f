#pragma once
// What the run flowchart shows, on its own time. A docker run, create or pull walks its whole
// flow inside one console command, so the engine reports every step at once, each stamped with
// its engine time. The trace keeps the latest command's steps and shows them up to a shown time
// that the playback moves on: a pull that took 1.4 s of engine time plays for 14 s at 0.1x.

#include "engine/Engine.h"

#include <optional>
#include <string>
#include <vector>

namespace lab {

/// The latest run flow, and how far it is shown.
class RunFlowTrace {
public:
    /// Takes a step the engine reported; a step leaving Start begins a new flow, shown from there.
    void record(const RunFlowReport& report);
    /// Moves the shown time on by engineTime.
    void advance(Duration engineTime);

    /// True before the first command.
    bool isEmpty() const { return m_steps.empty(); }
    /// The engine time shown.
    TimePoint shownTime() const { return m_shown; }
    /// The command shown: "docker pull nginx".
    std::string commandLine() const;
    /// The steps entered by the shown time, Start first.
    std::vector<RunStep> litSteps() const;
    /// The table rows taken by the shown time.
    std::vector<int> takenRows() const;
    /// How the flow ended, if it has by the shown time: its exit status, and its failure if any.
    std::optional<int> exitStatus() const;
    std::optional<RunFailure> failure() const;
    /// The pull, once the flow has entered PullLayers by the shown time.
    const PullPlan* pull() const;

private:
    struct Step {
        TimePoint at{};
        RunFlowReaction reaction;
    };
    std::vector<const Step*> shownSteps() const;

    RunFlowOptions m_options;
    std::string m_image;
    std::vector<Step> m_steps;
    std::optional<PullPlan> m_pull;
    TimePoint m_shown{};
};

} // namespace lab
