#pragma once
// The things on the run flowchart: a step (a box, the command at the start, an end with its exit
// status), an arrow (every row of the table between two steps) and the pull's layer bars.

#include "engine/Pull.h"
#include "gui/runflow/RunFlowGraph.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPolygonF>

namespace lab {

/// The colour of a part of Docker: the stripe of the steps it does, and the legend's.
QColor partColour(RunPart part);

/// How far the shown flow has come with a step or an arrow.
enum class FlowMark { Idle, Taken, Current };

/// A step of the flow.
class FlowStepItem final : public QGraphicsItem {
public:
    explicit FlowStepItem(RunStep step);

    RunStep step() const { return m_step; }
    void setMark(FlowMark mark);
    FlowMark mark() const { return m_mark; }
    /// The words under the step's name: the command at the start, Docker's message and the
    /// exit status at an end; empty restores the default.
    void setDetail(const QString& detail);
    const QString& detail() const { return m_detail; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QColor outlineColour() const;
    QRectF messageRect(const QString& message) const;
    void paintPartStripe(QPainter* painter, const QRectF& outline, qreal radius) const;

    RunStep m_step;
    FlowMark m_mark = FlowMark::Idle;
    QString m_detail;
};

/// An arrow between two steps, bowed round the steps in its way, with its outcomes and guards.
class FlowEdgeItem final : public QGraphicsItem {
public:
    /// bend: how far the arrow bows to the left of its direction (0: straight).
    FlowEdgeItem(const RunFlowEdge& edge, qreal bend);

    const RunFlowEdge& edge() const { return m_edge; }
    /// The drawn curve.
    const QPainterPath& path() const { return m_path; }
    /// Where the label stands.
    QRectF labelRect() const { return m_labelRect; }
    /// Where the label would stand beside the curve at t (0..1 along it): on its left (side 1)
    /// or its right (side -1), or on it (side 0); away moves it further out.
    QRectF labelRectAt(qreal t, int side, qreal away = 0) const;
    /// Puts the label there.
    void placeLabel(qreal t, int side, qreal away = 0);
    void setMark(FlowMark mark);
    FlowMark mark() const { return m_mark; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    RunFlowEdge m_edge;
    QPainterPath m_path;
    QPolygonF m_arrow;
    QString m_label;
    QSizeF m_labelSize;
    QRectF m_labelRect;
    FlowMark m_mark = FlowMark::Idle;
};

/// One bar per layer of the pull shown: downloaded (blue), then extracted (green).
class LayerBarsItem final : public QGraphicsItem {
public:
    explicit LayerBarsItem(const QRectF& area);

    /// The layers and where each stands; empty hides the bars.
    void setLayers(const std::vector<LayerPull>& layers,
                   const std::vector<LayerProgress>& progress);
    const std::vector<LayerProgress>& progress() const { return m_progress; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QRectF m_area;
    std::vector<LayerPull> m_layers;
    std::vector<LayerProgress> m_progress;
};

} // namespace lab
