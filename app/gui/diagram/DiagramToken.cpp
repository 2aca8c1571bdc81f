#include "gui/diagram/DiagramToken.h"

#include "gui/diagram/DiagramPalette.h"

#include <QPainter>
#include <algorithm>

namespace lab {
namespace {

constexpr qreal kDiameter = 14;
constexpr qreal kSelectedDiameter = 19;
constexpr qreal kLeave = 0.12; // the share of the journey spent reaching the edge, and leaving it

QPointF between(QPointF from, QPointF to, qreal t) {
    return from + (to - from) * t;
}

} // namespace

TokenItem::TokenItem(const QColor& colour, const QString& name) : m_colour(colour) {
    setZValue(3);
    setCacheMode(DeviceCoordinateCache); // a hundred moving tokens: blits, not paths
    setToolTip(name);
    m_journey.setStartValue(0.0);
    m_journey.setEndValue(1.0);
    m_journey.setEasingCurve(QEasingCurve::InOutSine);
    connect(&m_journey, &QVariantAnimation::valueChanged, this,
            [this](const QVariant& value) { moveAlong(value.toReal()); });
    connect(&m_journey, &QVariantAnimation::finished, this, &TokenItem::arrived);
}

void TokenItem::setRest(QPointF rest) {
    m_rest = rest;
    if (!isTravelling())
        setPos(rest);
}

void TokenItem::travel(const EdgeItem& edge, int wallMilliseconds) {
    arrive();
    m_edge = &edge;
    m_departure = pos();
    m_journey.setDuration(std::max(1, wallMilliseconds));
    m_journey.start();
}

void TokenItem::arrive() {
    if (isTravelling())
        m_journey.setCurrentTime(m_journey.duration()); // moves to the rest, emits finished
    m_journey.stop();
}

bool TokenItem::isTravelling() const {
    return m_journey.state() == QAbstractAnimation::Running;
}

void TokenItem::moveAlong(qreal progress) {
    if (!m_edge)
        return;
    if (progress < kLeave)
        setPos(between(m_departure, m_edge->pointAt(0), progress / kLeave));
    else if (progress > 1 - kLeave)
        setPos(between(m_edge->pointAt(1), m_rest, (progress - (1 - kLeave)) / kLeave));
    else
        setPos(m_edge->pointAt((progress - kLeave) / (1 - 2 * kLeave)));
}

void TokenItem::setSelected(bool selected) {
    if (selected == m_selected)
        return;
    prepareGeometryChange();
    m_selected = selected;
    setZValue(selected ? 4 : 3);
}

QRectF TokenItem::boundingRect() const {
    const qreal r = kSelectedDiameter / 2 + 2;
    return {-r, -r, 2 * r, 2 * r};
}

void TokenItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal r = (m_selected ? kSelectedDiameter : kDiameter) / 2;
    painter->setPen(m_selected ? QPen(inkColour(), lineWidth(3))
                               : QPen(paperColour(), lineWidth(1.5)));
    painter->setBrush(m_colour);
    painter->drawEllipse(QPointF(0, 0), r, r);
}

} // namespace lab
