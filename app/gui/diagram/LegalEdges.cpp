#include "gui/diagram/LegalEdges.h"

#include "cli/DockerCli.h"
#include "engine/Engine.h"
#include "gui/diagram/LifecycleDiagram.h"
#include "gui/diagram/LifecycleGraph.h"
#include "gui/panels/CommandBar.h"
#include "gui/window/EngineSignals.h"

#include <algorithm>

namespace lab {

Reaction previewCommand(Engine& engine, const Container& container, Command command) {
    CommandEvent event = cli::defaultEvent(command, container);
    event.at = engine.clock().now();
    return container.machine.preview(event, container.record);
}

std::vector<int> legalEdges(Engine& engine, const Container& container) {
    std::vector<int> legal;
    const auto add = [&legal](const Reaction& reaction) {
        const int edge = reaction.verdict == Verdict::Refused ? -1 : edgeOfRow(reaction.row);
        if (edge >= 0 && std::find(legal.begin(), legal.end(), edge) == legal.end())
            legal.push_back(edge);
    };
    const TimePoint now = engine.clock().now();
    for (Command command : commandBarCommands()) {
        if (previewCommand(engine, container, command).verdict == Verdict::Refused)
            continue;
        // The command on a copy of the machine, then each outcome that answers its call, as
        // the machine would take it there: its guards (a restart policy) choose the row.
        LifecycleMachine machine = container.machine;
        LifecycleRecord record = container.record;
        CommandEvent event = cli::defaultEvent(command, container);
        event.at = now;
        const Reaction fired = machine.handle(event, record);
        add(fired);
        if (fired.row < 0)
            continue;
        for (Outcome outcome : LifecycleMachine::table()[std::size_t(fired.row)].answeredBy) {
            LifecycleMachine answered = machine;
            LifecycleRecord answeredRecord = record;
            OutcomeEvent answer;
            answer.outcome = outcome;
            answer.at = now;
            add(answered.handle(answer, answeredRecord));
        }
    }
    std::sort(legal.begin(), legal.end());
    return legal;
}

LegalEdgeMarker::LegalEdgeMarker(EngineSignals& engineSignals, LifecycleDiagram& diagram,
                                 QObject* parent)
    : QObject(parent), m_signals(engineSignals), m_diagram(diagram) {
    connect(&engineSignals, &EngineSignals::containerReacted, this, &LegalEdgeMarker::refresh);
    connect(&engineSignals, &EngineSignals::engineReplaced, this, &LegalEdgeMarker::refresh);
}

void LegalEdgeMarker::setSelectedContainer(const QString& containerId) {
    m_selected = containerId;
    refresh();
}

void LegalEdgeMarker::refresh() {
    const Container* container =
        m_selected.isEmpty() ? nullptr : m_signals.engine().byId(m_selected.toStdString());
    m_diagram.setLegalEdges(container && dockerState(container->machine.node())
                                ? legalEdges(m_signals.engine(), *container)
                                : std::vector<int>{});
}

} // namespace lab
