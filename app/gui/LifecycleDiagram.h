#pragma once
// The centre of the window: the lifecycle drawn from the transition table. It shows where the
// selected container is, the edge it took last, and how many containers stand on each state.

#include "base/Expected.h"
#include "gui/DiagramItems.h"
#include "gui/EngineSignals.h"

#include <QGraphicsView>
#include <map>
#include <optional>
#include <vector>

namespace lab {

/// The lifecycle diagram over one engine.
class LifecycleDiagram final : public QGraphicsView {
    Q_OBJECT
public:
    explicit LifecycleDiagram(EngineSignals& engineSignals, QWidget* parent = nullptr);

    /// Follows this container (full ID; empty: none).
    void setSelectedContainer(const QString& containerId);
    /// Re-reads where every container stands.
    void refresh();

    /// The place the selected container stands on, if one is selected.
    std::optional<LifeNode> activeNode() const;
    /// The edge the selected container took last, or nullptr.
    const EdgeItem* takenEdge() const;
    /// Every edge drawn, in the order of lifecycleEdges().
    const std::vector<EdgeItem*>& edges() const { return m_edges; }
    /// Writes the whole diagram to path: SVG when it ends in .svg, otherwise a PNG at twice
    /// the scene's size (sharp on a projector).
    Status exportTo(const QString& path) const;
    /// The place item of a node.
    const NodeItem* nodeItem(LifeNode node) const { return m_nodes.at(node); }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void onReacted(const QString& containerId, const Reaction& reaction);
    void showSelection();

    Engine& m_engine;
    std::map<LifeNode, NodeItem*> m_nodes;
    std::vector<EdgeItem*> m_edges;
    std::map<QString, int> m_lastEdge; // container ID -> index of the edge it took last
    QString m_selected;
};

} // namespace lab
