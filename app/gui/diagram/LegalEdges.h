#pragma once
// What is legal now for the selected container, drawn on the diagram: for each of the command
// bar's commands, the engine's own answer (LifecycleMachine::preview, the same question the
// buttons ask); an accepted command is played on a copy of the container's machine, and marks
// the edge of the row that fires and those of the outcomes answering its call (pause fires a row
// that stays on running; the freezer's "frozen" moves it to paused). One source of truth: the
// MSM table.

#include "machines/Lifecycle.h"

#include <QObject>
#include <QString>
#include <vector>

namespace lab {

class Engine;
class Container;
class EngineSignals;
class LifecycleDiagram;

/// What the engine would answer now to `docker <command> <container's name>`, without options.
Reaction previewCommand(Engine& engine, const Container& container, Command command);

/// The edges the container's next commands can take now (indices into lifecycleEdges()).
std::vector<int> legalEdges(Engine& engine, const Container& container);

/// Keeps the diagram's legal edges up to date for the selected container.
class LegalEdgeMarker final : public QObject {
    Q_OBJECT
public:
    LegalEdgeMarker(EngineSignals& engineSignals, LifecycleDiagram& diagram,
                    QObject* parent = nullptr);

    /// Follows this container (full ID; empty: none).
    void setSelectedContainer(const QString& containerId);

private:
    void refresh();

    EngineSignals& m_signals;
    LifecycleDiagram& m_diagram;
    QString m_selected;
};

} // namespace lab
