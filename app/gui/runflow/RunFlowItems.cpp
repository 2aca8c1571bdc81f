#include "gui/runflow/RunFlowItems.h"

#include "gui/diagram/DiagramPalette.h"
#include "gui/i18n/CoreWords.h"
#include "gui/runflow/RunFlowLayout.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPainter>
#include <cmath>

namespace lab {
namespace {

constexpr qreal kLabelPadding = 4;
const QColor kErrorColour(0xD5, 0x5E, 0x00); // vermillion (Okabe-Ito)
const QColor kDoneColour(0x00, 0x9E, 0x73);  // bluish green
const QColor kDownloadColour(0x00, 0x72, 0xB2);
const QColor kExtractColour(0x00, 0x9E, 0x73);

// Okabe-Ito, apart from the ends' colours: the registry's blue is the download bars'.
constexpr std::array<QRgb, kRunParts.size()> kPartColours{0x56B4E9, 0xE69F00, 0x0072B2, 0x999999};
constexpr qreal kStripeWidth = 7;

QFont font(int pixels, bool bold = false) {
    QFont result;
    result.setPixelSize(pixels);
    result.setBold(bold);
    return result;
}

// A lit step's fill: a pale tint on white paper, a deep one on dark paper.
QColor pale(const QColor& colour) {
    return diagramStyle().dark ? QColor::fromHsvF(colour.hsvHueF(), 0.45f, 0.28f)
                               : QColor::fromHsvF(colour.hsvHueF(), 0.10f, 1.0f);
}

QColor idleLine() {
    return quietInkColour();
}

// Paper under a label or a message, slightly see-through so a line behind shows.
QColor labelPaper(int alpha) {
    QColor paper = paperColour();
    paper.setAlpha(alpha);
    return paper;
}

// Where the line from the rect's centre towards a point leaves the rect.
QPointF borderPoint(const QRectF& rect, QPointF towards) {
    const QLineF ray(rect.center(), towards);
    const QLineF sides[] = {{rect.topLeft(), rect.topRight()},
                            {rect.topRight(), rect.bottomRight()},
                            {rect.bottomRight(), rect.bottomLeft()},
                            {rect.bottomLeft(), rect.topLeft()}};
    for (const QLineF& side : sides) {
        QPointF crossing;
        if (ray.intersects(side, &crossing) == QLineF::BoundedIntersection)
            return crossing;
    }
    return rect.center();
}

QString edgeLabel(const RunFlowEdge& edge) {
    QStringList lines;
    if (!edge.outcomes.isEmpty())
        lines << coreWords(edge.outcomes).join(QStringLiteral(" · "));
    if (!edge.guards.isEmpty())
        lines << QStringLiteral("[") + edge.guards.join(QStringLiteral(" | ")) +
                     QStringLiteral("]");
    return lines.join(u'\n');
}

QString phaseWords(const LayerProgress& progress) {
    const QString percent = QString::number(int(std::floor(progress.fraction * 100))) + u'%';
    switch (progress.phase) {
    case LayerPhase::Waiting:
        return QObject::tr("waiting");
    case LayerPhase::Downloading:
        return progress.fraction < 1 ? QObject::tr("downloading %1").arg(percent)
                                     : QObject::tr("downloaded");
    case LayerPhase::Extracting:
        return QObject::tr("extracting %1").arg(percent);
    case LayerPhase::Complete:
        return QObject::tr("pull complete");
    case LayerPhase::AlreadyExists:
        return QObject::tr("already exists");
    }
    return {};
}

} // namespace

QColor partColour(RunPart part) {
    return QColor(kPartColours[std::size_t(part)]);
}

// ---- FlowStepItem -------------------------------------------------------------------------------

FlowStepItem::FlowStepItem(RunStep step) : m_step(step) {
    setZValue(2);
    QStringList parts;
    for (RunPart part : stepParts(step))
        parts << flowText(partName(part));
    setToolTip(parts.isEmpty() ? flowText(stepName(step))
                               : QStringLiteral("%1 — %2").arg(flowText(stepName(step)),
                                                               parts.join(QStringLiteral(" + "))));
}

void FlowStepItem::setMark(FlowMark mark) {
    if (mark == m_mark)
        return;
    m_mark = mark;
    update();
}

void FlowStepItem::setDetail(const QString& detail) {
    if (detail == m_detail)
        return;
    prepareGeometryChange();
    m_detail = detail;
    setZValue(detail.isEmpty() ? 2 : 4); // a message covers the arrows' labels
    update();
}

QColor FlowStepItem::outlineColour() const {
    if (isErrorExit(m_step))
        return kErrorColour;
    if (m_step == RunStep::Done)
        return kDoneColour;
    return m_mark == FlowMark::Idle ? idleLine() : highlightColour();
}

QRectF FlowStepItem::boundingRect() const {
    QRectF rect = stepRect(m_step);
    if (const auto newline = m_detail.indexOf(u'\n'); isErrorExit(m_step) && newline >= 0)
        rect = rect.united(messageRect(m_detail.mid(newline + 1)));
    return rect.adjusted(-8, -8, 8, 8);
}

void FlowStepItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF outline = stepRect(m_step);
    const bool lit = m_mark != FlowMark::Idle;
    const bool pill = m_step == RunStep::Start || m_step == RunStep::Done;
    const qreal radius = pill ? outline.height() / 2 : 8;
    if (m_mark == FlowMark::Current) {
        painter->setPen(QPen(highlightColour(), 6));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(outline.adjusted(-5, -5, 5, 5), radius + 5, radius + 5);
    }
    const QColor colour = outlineColour();
    QColor fill = lit ? pale(colour) : paperColour();
    if (m_step == RunStep::Start)
        fill = inkColour();
    painter->setPen(QPen(colour, lit ? 4 : 2));
    painter->setBrush(fill);
    painter->drawRoundedRect(outline, radius, radius);
    paintPartStripe(painter, outline, radius);

    const QRectF title = stepTitleRect(m_step);
    painter->setPen(m_step == RunStep::Start ? paperColour() : inkColour());
    if (m_step == RunStep::Start) {
        // The command shown, as large as fits.
        const QString words =
            m_detail.isEmpty() ? QStringLiteral("docker run | create | pull") : m_detail;
        QFont command = font(16, true);
        while (command.pixelSize() > 11 &&
               QFontMetricsF(command).horizontalAdvance(words) > title.width() - 20)
            command.setPixelSize(command.pixelSize() - 1);
        painter->setFont(command);
        painter->drawText(
            title, Qt::AlignCenter,
            QFontMetricsF(command).elidedText(words, Qt::ElideMiddle, title.width() - 20));
        return;
    }
    painter->setFont(font(17, m_mark == FlowMark::Current));
    const QString name = flowText(stepName(m_step));
    if (!isErrorExit(m_step) && m_step != RunStep::Done) {
        painter->drawText(title.adjusted(6, 0, -6, 0), Qt::AlignCenter | Qt::TextWordWrap, name);
        return;
    }
    // The ends: the name, then the exit status and Docker's message once the flow ended here.
    const QStringList detail = m_detail.split(u'\n');
    const QString status = m_detail.isEmpty() ? QString() : detail.front();
    painter->drawText(title.adjusted(8, 4, -8, -4),
                      Qt::AlignHCenter | (status.isEmpty() ? Qt::AlignVCenter : Qt::AlignTop),
                      name);
    if (status.isEmpty())
        return;
    painter->setFont(font(15, true));
    painter->setPen(diagramStyle().dark ? colour.lighter(140) : colour.darker(130));
    painter->drawText(title.adjusted(8, 4, -8, -6), Qt::AlignHCenter | Qt::AlignBottom, status);
    if (detail.size() < 2)
        return;
    painter->setFont(font(13));
    const QRectF below = messageRect(detail.mid(1).join(u'\n'));
    painter->setBrush(labelPaper(245));
    painter->setPen(QPen(colour, 1.5));
    painter->drawRoundedRect(below, 4, 4);
    painter->setPen(inkColour());
    painter->drawText(below.adjusted(6, 3, -6, -3), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop,
                      detail.mid(1).join(u'\n'));
}

// Who does the step: a stripe down the box's left side, one band per part, top to bottom.
void FlowStepItem::paintPartStripe(QPainter* painter, const QRectF& outline, qreal radius) const {
    const std::vector<RunPart> parts = stepParts(m_step);
    if (parts.empty())
        return;
    const QRectF box = stepTitleRect(m_step).intersected(outline);
    QPainterPath shape;
    shape.addRoundedRect(outline, radius, radius);
    painter->save();
    painter->setClipPath(shape);
    painter->setPen(Qt::NoPen);
    const qreal band = box.height() / qreal(parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) {
        painter->setBrush(partColour(parts[i]));
        painter->drawRect(QRectF(box.left(), box.top() + band * qreal(i), kStripeWidth, band));
    }
    painter->restore();
}

// Docker's message hangs under an error exit, wider than the box, as tall as its words.
QRectF FlowStepItem::messageRect(const QString& message) const {
    const QRectF outline = stepRect(m_step);
    const qreal width = std::max<qreal>(outline.width(), 330);
    const QRectF words = QFontMetricsF(font(13)).boundingRect(
        QRectF(0, 0, width - 12, 1000), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, message);
    return {outline.center().x() - width / 2, outline.bottom() + 4, width, words.height() + 8};
}

// ---- FlowEdgeItem -------------------------------------------------------------------------------

FlowEdgeItem::FlowEdgeItem(const RunFlowEdge& edge, qreal bend)
    : m_edge(edge), m_label(edgeLabel(edge)) {
    setZValue(1);
    const QRectF from = stepRect(edge.source);
    const QRectF to = stepRect(edge.target);
    const QLineF chord(from.center(), to.center());
    const QPointF left = QPointF(chord.dy(), -chord.dx()) / chord.length(); // y grows downwards
    // A quadratic curve reaches half of its control point's offset.
    const QPointF control = (chord.p1() + chord.p2()) / 2 + left * bend * 2;
    const QPointF start = borderPoint(from, control);
    const QPointF end = borderPoint(to, control);
    m_path = QPainterPath(start);
    m_path.quadTo(control, end);
    const QLineF back(end, control);
    const QPointF along = (back.p2() - back.p1()) / back.length();
    const QPointF side(along.y(), -along.x());
    m_arrow = QPolygonF({end, end + along * 13 + side * 6, end + along * 13 - side * 6});
    setToolTip(QStringLiteral("%1 → %2").arg(flowText(stepName(edge.source)),
                                             flowText(stepName(edge.target))));
    if (!m_label.isEmpty())
        m_labelSize =
            QFontMetricsF(font(14)).boundingRect(QRectF(0, 0, 1000, 1000), 0, m_label).size() +
            QSizeF(2 * kLabelPadding, kLabelPadding);
    placeLabel(0.5, 1);
}

QRectF FlowEdgeItem::labelRectAt(qreal t, int side, qreal away) const {
    // Beside the curve: as far out as half the label's extent across the curve, plus a gap.
    const QPointF along = m_path.pointAtPercent(std::min<qreal>(t + 0.01, 1)) -
                          m_path.pointAtPercent(std::max<qreal>(t - 0.01, 0));
    const qreal length = std::hypot(along.x(), along.y());
    const QPointF left = length > 0 ? QPointF(along.y(), -along.x()) / length : QPointF();
    const qreal across = std::abs(left.x()) * m_labelSize.width() / 2 +
                         std::abs(left.y()) * m_labelSize.height() / 2 + 4 + away;
    const QPointF centre = m_path.pointAtPercent(t) + left * side * across;
    return {centre - QPointF(m_labelSize.width() / 2, m_labelSize.height() / 2), m_labelSize};
}

void FlowEdgeItem::placeLabel(qreal t, int side, qreal away) {
    prepareGeometryChange();
    m_labelRect = labelRectAt(t, side, away);
}

void FlowEdgeItem::setMark(FlowMark mark) {
    if (mark == m_mark)
        return;
    m_mark = mark;
    setZValue(mark == FlowMark::Idle ? 1 : 1.5);
    update();
}

QRectF FlowEdgeItem::boundingRect() const {
    return m_path.boundingRect()
        .united(m_arrow.boundingRect())
        .united(m_labelRect)
        .adjusted(-4, -4, 4, 4);
}

void FlowEdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const bool lit = m_mark != FlowMark::Idle;
    const QColor colour = lit ? highlightColour() : idleLine();
    painter->setPen(QPen(colour, lit ? 4.5 : 1.8, Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(m_arrow);
    if (m_label.isEmpty())
        return;
    painter->setPen(lit ? QPen(highlightColour(), 1.5) : Qt::NoPen);
    painter->setBrush(labelPaper(230));
    painter->drawRoundedRect(m_labelRect, 4, 4);
    painter->setFont(font(14));
    painter->setPen(inkColour());
    painter->drawText(m_labelRect, Qt::AlignCenter, m_label);
}

// ---- LayerBarsItem ------------------------------------------------------------------------------

LayerBarsItem::LayerBarsItem(const QRectF& area) : m_area(area) {
    setZValue(3);
}

void LayerBarsItem::setLayers(const std::vector<LayerPull>& layers,
                              const std::vector<LayerProgress>& progress) {
    m_layers = layers;
    m_progress = progress;
    update();
}

QRectF LayerBarsItem::boundingRect() const {
    return m_area;
}

void LayerBarsItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    if (m_layers.empty()) {
        painter->setFont(font(14));
        painter->setPen(quietInkColour());
        painter->drawText(m_area, Qt::AlignCenter | Qt::TextWordWrap,
                          QObject::tr("one bar per layer while an image is pulled:\ndownload, "
                                      "then extraction"));
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal rowHeight = std::min<qreal>(26, m_area.height() / qreal(m_layers.size()));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPixelSize(int(std::min<qreal>(13, rowHeight - 3)));
    QFont words = font(int(std::min<qreal>(13, rowHeight - 3)));
    const qreal idWidth = QFontMetricsF(mono).horizontalAdvance(QStringLiteral("0123456789ab")) + 8;
    const qreal wordsWidth =
        QFontMetricsF(words).horizontalAdvance(QStringLiteral("extracting 100%")) + 6;
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        const QRectF row(m_area.left(), m_area.top() + rowHeight * qreal(i), m_area.width(),
                         rowHeight);
        painter->setFont(mono);
        painter->setPen(inkColour());
        painter->drawText(QRectF(row.left(), row.top(), idWidth, row.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          QString::fromStdString(m_layers[i].shortId));
        const QRectF bar(row.left() + idWidth, row.top() + rowHeight * 0.2,
                         row.width() - idWidth - wordsWidth, rowHeight * 0.6);
        const LayerProgress& progress = m_progress[i];
        const bool downloaded =
            progress.phase != LayerPhase::Waiting && progress.phase != LayerPhase::Downloading;
        const double downloadShare = downloaded ? 1.0 : progress.fraction;
        const double extractShare =
            progress.phase == LayerPhase::Extracting ? progress.fraction
            : progress.phase == LayerPhase::Complete || progress.phase == LayerPhase::AlreadyExists
                ? 1.0
                : 0.0;
        painter->setPen(Qt::NoPen);
        painter->setBrush(diagramStyle().dark ? QColor(0x44, 0x44, 0x44)
                                              : QColor(0xE4, 0xE4, 0xE4));
        painter->drawRect(bar);
        painter->setBrush(kDownloadColour);
        painter->drawRect(QRectF(bar.topLeft(), QSizeF(bar.width() * downloadShare, bar.height())));
        painter->setBrush(kExtractColour);
        painter->drawRect(QRectF(bar.topLeft(), QSizeF(bar.width() * extractShare, bar.height())));
        painter->setFont(words);
        painter->setPen(inkColour());
        painter->drawText(QRectF(bar.right() + 6, row.top(), wordsWidth, row.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, phaseWords(progress));
    }
}

} // namespace lab
