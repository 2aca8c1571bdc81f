#include "gui/diagram/DiagramItems.h"

#include "gui/Words.h"
#include "gui/diagram/DiagramLayout.h"
#include "gui/diagram/DiagramPalette.h"
#include "gui/i18n/CoreWords.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QtMath>
#include <algorithm>

namespace lab {
namespace {

constexpr qreal kBadgeDiameter = 24;
constexpr qreal kLabelGap = 5;
constexpr int kCurveSegments = 32;
constexpr int kNodePixels = 17;
constexpr int kLabelPixels = 12;

QString nodeText(LifecycleState node) {
    return nodeLabel(node);
}

QPointF quadratic(QPointF from, QPointF control, QPointF to, qreal t) {
    const qreal u = 1 - t;
    return u * u * from + 2 * u * t * control + t * t * to;
}

// The parameter where the curve crosses the outline of a place: bisection on containment.
qreal crossing(QPointF from, QPointF control, QPointF to, const QRectF& outline, qreal inside,
               qreal outside) {
    for (int i = 0; i < 30; ++i) {
        const qreal middle = (inside + outside) / 2;
        (outline.contains(quadratic(from, control, to, middle)) ? inside : outside) = middle;
    }
    return outside;
}

QPointF unit(QPointF v) {
    const qreal length = std::hypot(v.x(), v.y());
    return length > 0 ? v / length : QPointF();
}

struct LabelLine {
    QString text;
    bool italic = false;
    bool quiet = false; // an engine event: grey
};

std::vector<LabelLine> labelLines(const LifecycleEdge& edge) {
    std::vector<LabelLine> lines;
    if (!edge.commands.isEmpty())
        lines.push_back({edge.commands.join(QStringLiteral(" · ")), false, false});
    if (!edge.outcomes.isEmpty())
        lines.push_back({coreWords(edge.outcomes).join(QStringLiteral(" · ")), true, false});
    if (!edge.events.isEmpty())
        lines.push_back(
            {QStringLiteral("⚑ ") + edge.events.join(QStringLiteral(" · ")), false, true});
    return lines;
}

} // namespace

QFont nodeNameFont(bool active) {
    return drawingFont(kNodePixels, active);
}

QFont edgeLabelFont(bool italic) {
    return drawingFont(kLabelPixels, false, italic);
}

QRectF nameRect(LifecycleState node) {
    const QRectF outline = nodeRect(node);
    if (dockerState(node))
        return outline;
    const qreal width = QFontMetricsF(edgeLabelFont(false)).horizontalAdvance(nodeText(node)) + 8;
    return {outline.center().x() - width / 2, outline.bottom() + 2, width,
            QFontMetricsF(edgeLabelFont(false)).height()};
}

// ---- NodeItem ----------------------------------------------------------------------------------

NodeItem::NodeItem(LifecycleState node) : m_node(node) {
    setZValue(2);
    setCacheMode(DeviceCoordinateCache); // repainted under moving tokens: cached
    setToolTip(nodeText(node));
}

void NodeItem::setActive(bool active) {
    if (active == m_active)
        return;
    m_active = active;
    update();
}

void NodeItem::setCount(int count) {
    if (count == m_count)
        return;
    m_count = count;
    update();
}

QRectF NodeItem::boundingRect() const {
    const qreal margin = kBadgeDiameter / 2 + 6;
    return nodeRect(m_node).adjusted(-margin, -margin, margin, margin).united(nameRect(m_node));
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF outline = nodeRect(m_node);
    if (m_active) {
        painter->setPen(QPen(highlightColour(), lineWidth(6)));
        painter->setBrush(Qt::NoBrush);
        const qreal r = outline.height() / 2 + 5;
        painter->drawRoundedRect(outline.adjusted(-5, -5, 5, 5), r, r);
    }
    if (!dockerState(m_node)) {
        paintTerminal(painter);
        return;
    }
    painter->setPen(QPen(nodeColour(m_node), lineWidth(m_active ? 4 : 2.5)));
    painter->setBrush(nodeFill(m_node));
    painter->drawRoundedRect(outline, outline.height() / 2, outline.height() / 2);
    const QString text = nodeText(m_node);
    // A glossed name in bilingual mode ("restarting（重启中）") shrinks to fit between the ends.
    QFont font = nodeNameFont(m_active);
    const qreal room = outline.width() - outline.height() / 2;
    if (const qreal wide = QFontMetricsF(font).horizontalAdvance(text); wide > room)
        font.setPixelSize(std::max(9, int(font.pixelSize() * room / wide)));
    painter->setFont(font);
    painter->setPen(m_node == LifecycleState::Dead ? QColor(Qt::white) : inkOnPale());
    painter->drawText(outline, Qt::AlignCenter, text);
    paintBadge(painter);
}

// The start is a filled disc, the end a ringed one, as in UML; their names stand below them.
void NodeItem::paintTerminal(QPainter* painter) const {
    const QRectF outline = nodeRect(m_node);
    painter->setPen(QPen(nodeColour(m_node), lineWidth(2.5)));
    if (m_node == LifecycleState::Start) {
        painter->setBrush(nodeColour(m_node));
        painter->drawEllipse(outline);
    } else {
        painter->setBrush(paperColour());
        painter->drawEllipse(outline);
        painter->setBrush(nodeColour(m_node));
        painter->drawEllipse(outline.adjusted(7, 7, -7, -7));
    }
    painter->setFont(edgeLabelFont(false));
    painter->setPen(inkColour());
    painter->drawText(nameRect(m_node), Qt::AlignHCenter | Qt::AlignTop, nodeText(m_node));
}

void NodeItem::paintBadge(QPainter* painter) const {
    if (m_count == 0)
        return;
    const QRectF outline = nodeRect(m_node);
    const QRectF badge(outline.right() - kBadgeDiameter * 0.7, outline.top() - kBadgeDiameter * 0.4,
                       kBadgeDiameter, kBadgeDiameter);
    painter->setPen(QPen(Qt::white, 2));
    painter->setBrush(QColor(0x22, 0x22, 0x22));
    painter->drawEllipse(badge);
    QFont font = edgeLabelFont(false);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, QString::number(m_count));
}

// ---- EdgeItem ----------------------------------------------------------------------------------

EdgeItem::EdgeItem(const LifecycleEdge& edge, qreal bend, QGraphicsItem* labelLayer)
    : m_edge(edge), m_bend(bend), m_label(new EdgeLabelItem(*this, labelLayer)) {
    setZValue(1);
    setCacheMode(DeviceCoordinateCache); // curves and labels: drawn once per zoom
    layOut(bend);
    setToolTip(QStringLiteral("%1 → %2").arg(nodeText(edge.source), nodeText(edge.target)));
    m_label->setToolTip(toolTip());
}

void EdgeItem::setHighlighted(bool highlighted) {
    if (highlighted == m_highlighted)
        return;
    m_highlighted = highlighted;
    setZValue(highlighted ? 1.5 : 1);
    update();
    m_label->update();
}

void EdgeItem::setLegal(bool legal) {
    if (legal == m_legal)
        return;
    m_legal = legal;
    update();
    m_label->update();
}

void EdgeItem::setFlash(qreal level) {
    if (level == m_flash)
        return;
    m_flash = level;
    update();
}

QPointF EdgeItem::pointAt(qreal t) const {
    return quadratic(m_from, m_control, m_to, m_t0 + (m_t1 - m_t0) * t);
}

void EdgeItem::relayOut() {
    layOut(m_bend);
}

void EdgeItem::layOut(qreal bend) {
    m_from = nodeCentre(m_edge.source);
    m_to = nodeCentre(m_edge.target);
    const QPointF direction = unit(m_to - m_from);
    m_left = QPointF(direction.y(), -direction.x()); // y grows downwards
    // A quadratic curve reaches half of its control point's offset.
    m_control = (m_from + m_to) / 2 + m_left * bend * 2;
    m_t0 = crossing(m_from, m_control, m_to, nodeRect(m_edge.source), 0, 0.5);
    m_t1 = crossing(m_from, m_control, m_to, nodeRect(m_edge.target), 1, 0.5);

    m_path = QPainterPath(pointAt(0));
    for (int i = 1; i <= kCurveSegments; ++i)
        m_path.lineTo(pointAt(qreal(i) / kCurveSegments));

    const QPointF tip = pointAt(1);
    const QPointF back = unit(tip - pointAt(0.97));
    const QPointF side(back.y(), -back.x());
    m_arrow = QPolygonF({tip, tip - back * 12 + side * 5.5, tip - back * 12 - side * 5.5});

    qreal width = 0;
    qreal height = 0;
    for (const LabelLine& line : labelLines(m_edge)) {
        const QFontMetricsF metrics(edgeLabelFont(line.italic));
        width = std::max(width, metrics.horizontalAdvance(line.text));
        height += metrics.height();
    }
    m_labelSize = QSizeF(width + 6, height + 2);
    placeLabel(0.5, 1);
}

QRectF EdgeItem::labelRectAt(qreal t, int side, qreal away) const {
    const QPointF normal = m_left * side;
    const qreal reach = std::abs(normal.x()) * m_labelSize.width() / 2 +
                        std::abs(normal.y()) * m_labelSize.height() / 2 + away;
    const QPointF centre = pointAt(t) + normal * (kLabelGap + reach);
    return {centre - QPointF(m_labelSize.width() / 2, m_labelSize.height() / 2), m_labelSize};
}

void EdgeItem::placeLabel(qreal t, int side, qreal away) {
    m_label->moving();
    m_labelRect = labelRectAt(t, side, away);
}

QRectF EdgeItem::boundingRect() const {
    return m_path.boundingRect().united(m_arrow.boundingRect()).adjusted(-4, -4, 4, 4);
}

QPainterPath EdgeItem::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    return stroker.createStroke(m_path);
}

void EdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_flash > 0) {
        QColor refused = refusedColour();
        refused.setAlphaF(float(m_flash));
        painter->setPen(QPen(refused, lineWidth(11), Qt::SolidLine, Qt::RoundCap));
        painter->drawPath(m_path);
    }
    // Taken last: thick, in the highlight; legal now: dashed, in green; otherwise quiet.
    const bool legal = m_legal && !m_highlighted;
    const QColor colour = m_highlighted ? highlightColour()
                          : legal       ? legalColour()
                                        : quietInkColour();
    painter->setPen(QPen(colour,
                         lineWidth(m_highlighted ? 4.5
                                   : legal       ? 3
                                                 : 1.6),
                         legal ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(m_arrow);
}

// ---- EdgeLabelItem -----------------------------------------------------------------------------

EdgeLabelItem::EdgeLabelItem(const EdgeItem& edge, QGraphicsItem* layer)
    : QGraphicsItem(layer), m_edge(edge) {
    setCacheMode(DeviceCoordinateCache);
}

QRectF EdgeLabelItem::boundingRect() const {
    return m_edge.labelRect().adjusted(-4, -4, 4, 4);
}

void EdgeLabelItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(m_edge.isHighlighted() ? QPen(highlightColour(), lineWidth(1.5))
                    : m_edge.isLegal()     ? QPen(legalColour(), lineWidth(1.5), Qt::DashLine)
                                           : QPen(Qt::NoPen));
    painter->setBrush(paperColour()); // opaque: a curve under the words is hidden, not blurred
    const QRectF rect = m_edge.labelRect();
    painter->drawRoundedRect(rect, 4, 4);
    qreal y = rect.top() + 1;
    for (const LabelLine& line : labelLines(m_edge.edge())) {
        const QFontMetricsF metrics(edgeLabelFont(line.italic));
        painter->setFont(edgeLabelFont(line.italic));
        painter->setPen(line.quiet ? quietInkColour() : inkColour());
        painter->drawText(QRectF(rect.left(), y, rect.width(), metrics.height()),
                          Qt::AlignHCenter | Qt::AlignVCenter, line.text);
        y += metrics.height();
    }
}

} // namespace lab
