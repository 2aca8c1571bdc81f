#include "gui/runflow/RunFlowTrace.h"

#include <algorithm>

namespace lab {

void RunFlowTrace::record(const RunFlowReport& report) {
    if (report.reaction.from == RunStep::Start) {
        m_options = report.options;
        m_image = report.image;
        m_steps.clear();
        m_pull.reset();
        m_shown = report.at;
    }
    m_steps.push_back({report.at, report.reaction});
    if (report.pull)
        m_pull = *report.pull;
}

void RunFlowTrace::advance(Duration engineTime) {
    m_shown += engineTime;
}

std::string RunFlowTrace::commandLine() const {
    return "docker " + std::string(commandWord(m_options.command)) + " " + m_image;
}

std::vector<const RunFlowTrace::Step*> RunFlowTrace::shownSteps() const {
    std::vector<const Step*> shown;
    for (const Step& step : m_steps)
        if (step.at <= m_shown)
            shown.push_back(&step);
    return shown;
}

std::vector<RunStep> RunFlowTrace::litSteps() const {
    std::vector<RunStep> lit;
    for (const Step* step : shownSteps()) {
        if (lit.empty())
            lit.push_back(step->reaction.from);
        if (lit.back() != step->reaction.to)
            lit.push_back(step->reaction.to);
    }
    return lit;
}

std::vector<int> RunFlowTrace::takenRows() const {
    std::vector<int> rows;
    for (const Step* step : shownSteps())
        rows.push_back(step->reaction.row);
    return rows;
}

std::optional<int> RunFlowTrace::exitStatus() const {
    const auto shown = shownSteps();
    return shown.empty() ? std::nullopt : shown.back()->reaction.exitStatus;
}

std::optional<RunFailure> RunFlowTrace::failure() const {
    const auto shown = shownSteps();
    return shown.empty() ? std::nullopt : shown.back()->reaction.failure;
}

const PullPlan* RunFlowTrace::pull() const {
    const std::vector<RunStep> lit = litSteps();
    const bool pulling = std::find(lit.begin(), lit.end(), RunStep::PullLayers) != lit.end();
    return pulling && m_pull ? &*m_pull : nullptr;
}

} // namespace lab
