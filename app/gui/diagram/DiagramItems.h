#pragma once
// The two kinds of things on the lifecycle diagram: a place (a Docker state, or the start or the
// end of a life) and an edge (every moving row of the table between two places).

#include "gui/diagram/LifecycleGraph.h"

#include <QFont>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QPolygonF>

namespace lab {

/// The type of a place's name (bold on the active place), in the current DiagramStyle.
QFont nodeNameFont(bool active);
/// The type of an edge's label lines (outcomes in italic), in the current DiagramStyle.
QFont edgeLabelFont(bool italic);
/// Where a place's name is written: inside a state, below the start's and the end's disc.
QRectF nameRect(LifecycleState node);

/// A place: its name, a halo when the selected container is there, how many containers are.
class NodeItem final : public QGraphicsItem {
public:
    explicit NodeItem(LifecycleState node);

    LifecycleState node() const { return m_node; }
    /// Shows that the selected container is here.
    void setActive(bool active);
    bool isActive() const { return m_active; }
    /// How many containers are here now (shown on a badge when not zero).
    void setCount(int count);
    int count() const { return m_count; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void paintTerminal(QPainter* painter) const;
    void paintBadge(QPainter* painter) const;

    LifecycleState m_node;
    bool m_active = false;
    int m_count = 0;
};

class EdgeItem;

/// An edge's label: its commands, outcomes and events, on a layer above every curve, so that a
/// curve passes under the words of other edges, never through them.
class EdgeLabelItem final : public QGraphicsItem {
public:
    EdgeLabelItem(const EdgeItem& edge, QGraphicsItem* layer);
    /// Before the edge moves its label.
    void moving() { prepareGeometryChange(); }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    const EdgeItem& m_edge;
};

/// An edge: a curve from source to target, and its label (EdgeLabelItem).
class EdgeItem final : public QGraphicsItem {
public:
    /// bend: how far the curve bows to the left of its direction, so that opposite edges part.
    /// The label is made on labelLayer, an item stacked above every edge.
    EdgeItem(const LifecycleEdge& edge, qreal bend, QGraphicsItem* labelLayer);

    const LifecycleEdge& edge() const { return m_edge; }
    /// Where the label would stand: beside the curve at parameter t (0 at the source's outline,
    /// 1 at the target's), on the left of its direction (side 1) or on the right (side -1),
    /// away pixels further out than beside it.
    QRectF labelRectAt(qreal t, int side, qreal away = 0) const;
    /// Measures the label again, in the current style's type, and puts it in the middle.
    void relayOut();
    /// Puts the label there.
    void placeLabel(qreal t, int side, qreal away = 0);
    QRectF labelRect() const { return m_labelRect; }
    /// The drawn curve, for keeping other labels off it.
    const QPainterPath& path() const { return m_path; }
    /// Straight edges may carry their label on either side; bowed ones on their outer side.
    bool isStraight() const { return m_bend == 0; }
    /// Shows that the selected container took this edge last.
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }
    /// Shows that a command the selected container accepts now would take this edge.
    void setLegal(bool legal);
    bool isLegal() const { return m_legal; }
    /// How strongly the edge flashes as the one a refused command would have taken (0: not).
    void setFlash(qreal level);
    qreal flash() const { return m_flash; }
    /// The point at parameter t of the drawn curve (0 at the source's outline, 1 at the target's).
    QPointF pointAt(qreal t) const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void layOut(qreal bend);

    LifecycleEdge m_edge;
    qreal m_bend = 0;
    QPointF m_from, m_control, m_to, m_left;
    qreal m_t0 = 0, m_t1 = 1;
    QSizeF m_labelSize;
    QPainterPath m_path;
    QPolygonF m_arrow;
    QRectF m_labelRect;
    EdgeLabelItem* m_label; ///< owned by the label layer
    bool m_highlighted = false;
    bool m_legal = false;
    qreal m_flash = 0;
};

} // namespace lab
