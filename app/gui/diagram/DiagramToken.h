#pragma once
// A container on the lifecycle diagram: a coloured disc that rests on the place the container
// stands on and travels along the edge it takes, for as long as the playback speed says.

#include "gui/diagram/DiagramItems.h"

#include <QGraphicsObject>
#include <QVariantAnimation>

namespace lab {

/// One container's token.
class TokenItem final : public QGraphicsObject {
    Q_OBJECT
public:
    /// colour: the container's own; name: shown on hover.
    TokenItem(const QColor& colour, const QString& name);

    /// Where it rests when it does not travel.
    void setRest(QPointF rest);
    /// Travels from where it is along edge to its (new) rest, in wallMilliseconds.
    void travel(const EdgeItem& edge, int wallMilliseconds);
    /// Ends the journey at once (a new step came before it arrived).
    void arrive();
    bool isTravelling() const;
    /// The journey, so tests can let its time pass.
    QVariantAnimation& journey() { return m_journey; }
    /// The selected container's token is drawn larger, with a dark ring.
    void setSelected(bool selected);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

signals:
    /// The token reached its rest.
    void arrived();

private:
    void moveAlong(qreal progress);

    QColor m_colour;
    QPointF m_rest;
    QPointF m_departure;
    const EdgeItem* m_edge = nullptr;
    QVariantAnimation m_journey;
    bool m_selected = false;
};

} // namespace lab
