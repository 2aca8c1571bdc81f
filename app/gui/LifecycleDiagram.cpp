#include "gui/LifecycleDiagram.h"

#include "gui/DiagramLayout.h"
#include "gui/SceneExport.h"

#include <algorithm>
#include <array>
#include <limits>

namespace lab {
namespace {

constexpr qreal kOppositeBend = 26;

bool hasOpposite(const LifecycleEdge& edge) {
    const auto& edges = lifecycleEdges();
    return std::any_of(edges.begin(), edges.end(), [&](const LifecycleEdge& other) {
        return other.source == edge.target && other.target == edge.source;
    });
}

// How bad a label spot is: covering a place or another label is unreadable, covering a line is
// a blemish, moving away from the middle of its own edge makes it harder to pair with the edge.
double spotCost(const QRectF& spot, qreal t, const EdgeItem& edge,
                const std::vector<EdgeItem*>& edges, const std::vector<QRectF>& placed) {
    double cost = std::abs(t - 0.5) * 40;
    for (LifeNode node : diagramNodes())
        if (spot.intersects(nodeRect(node).adjusted(-6, -6, 6, 6)))
            cost += 1000;
    for (const QRectF& other : placed)
        if (spot.intersects(other.adjusted(-3, -3, 3, 3)))
            cost += 1000;
    for (const EdgeItem* other : edges)
        if (other != &edge && other->path().intersects(spot))
            cost += 30;
    return cost;
}

// Labels are placed one edge after the other, each at the cheapest of a few spots along its
// edge: a small search instead of hand-placed labels, so the table stays the only source.
void placeLabels(const std::vector<EdgeItem*>& edges) {
    static constexpr std::array kSpots = {0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82};
    std::vector<QRectF> placed;
    for (EdgeItem* edge : edges) {
        double best = std::numeric_limits<double>::max();
        qreal bestT = 0.5;
        int bestSide = 1;
        for (int side : {1, -1}) {
            if (side == -1 && !edge->isStraight())
                continue;
            for (qreal t : kSpots) {
                const double cost = spotCost(edge->labelRectAt(t, side), t, *edge, edges, placed) +
                                    (side == 1 ? 0 : 5);
                if (cost < best) {
                    best = cost;
                    bestT = t;
                    bestSide = side;
                }
            }
        }
        edge->placeLabel(bestT, bestSide);
        placed.push_back(edge->labelRect());
    }
}

} // namespace

LifecycleDiagram::LifecycleDiagram(EngineSignals& engineSignals, QWidget* parent)
    : QGraphicsView(parent), m_engine(engineSignals.engine()) {
    setAccessibleName(tr("Lifecycle diagram"));
    setAccessibleDescription(
        tr("The seven container states and every transition of Docker's lifecycle"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setBackgroundBrush(Qt::white);
    auto* scene = new QGraphicsScene(this);
    for (LifeNode node : diagramNodes()) {
        auto* item = new NodeItem(node);
        scene->addItem(item);
        m_nodes.emplace(node, item);
    }
    for (const LifecycleEdge& edge : lifecycleEdges()) {
        // Two opposite edges bow apart; a lone edge runs straight.
        auto* item = new EdgeItem(edge, hasOpposite(edge) ? kOppositeBend : 0);
        scene->addItem(item);
        m_edges.push_back(item);
    }
    placeLabels(m_edges);
    auto* legend = scene->addSimpleText(tr(
        "Edges: the commands · the outcome the engine reported (italic) · ⚑ the Docker events "
        "published.\nRefusals and silent no-ops (start on running, stop on exited) do not move a "
        "container: they are not edges."));
    legend->setBrush(QColor(0x55, 0x55, 0x55));
    legend->setPos(nodeRect(LifeNode::Start).left(), scene->itemsBoundingRect().bottom() + 16);
    scene->setSceneRect(scene->itemsBoundingRect().adjusted(-10, -10, 10, 10));
    setScene(scene);
    connect(&engineSignals, &EngineSignals::containerReacted, this, &LifecycleDiagram::onReacted);
    refresh();
}

void LifecycleDiagram::setSelectedContainer(const QString& containerId) {
    m_selected = containerId;
    showSelection();
}

void LifecycleDiagram::refresh() {
    std::map<LifeNode, int> counts;
    for (const Container* container : m_engine.containers())
        ++counts[container->machine.node()];
    for (auto& [node, item] : m_nodes)
        item->setCount(dockerState(node) ? counts[node] : 0);
    showSelection();
}

std::optional<LifeNode> LifecycleDiagram::activeNode() const {
    for (const auto& [node, item] : m_nodes)
        if (item->isActive())
            return node;
    return std::nullopt;
}

const EdgeItem* LifecycleDiagram::takenEdge() const {
    const auto found = std::find_if(m_edges.begin(), m_edges.end(),
                                    [](const EdgeItem* edge) { return edge->isHighlighted(); });
    return found == m_edges.end() ? nullptr : *found;
}

Status LifecycleDiagram::exportTo(const QString& path) const {
    return exportScene(*scene(), path, tr("The container lifecycle"));
}

void LifecycleDiagram::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    fitInView(sceneRect(), Qt::KeepAspectRatio);
}

void LifecycleDiagram::onReacted(const QString& containerId, const Reaction& reaction) {
    if (reaction.row >= 0 && reaction.from != reaction.to)
        m_lastEdge[containerId] = edgeOfRow(reaction.row);
    if (reaction.to == LifeNode::Removed && containerId != m_selected)
        m_lastEdge.erase(containerId);
    // A container being removed is still held by the engine here, standing on "removed".
    refresh();
}

void LifecycleDiagram::showSelection() {
    Container* container = m_selected.isEmpty() ? nullptr : m_engine.byId(m_selected.toStdString());
    const std::optional<LifeNode> here =
        container ? std::optional(container->machine.node()) : std::nullopt;
    for (auto& [node, item] : m_nodes)
        item->setActive(here == node);
    const auto last = m_lastEdge.find(m_selected);
    const int taken = container && last != m_lastEdge.end() ? last->second : -1;
    for (int i = 0; i < int(m_edges.size()); ++i)
        m_edges[std::size_t(i)]->setHighlighted(i == taken);
}

} // namespace lab
