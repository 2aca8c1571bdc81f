#include "gui/diagram/TokenLegend.h"

#include "gui/diagram/DiagramPalette.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

namespace lab {
namespace {

constexpr int kPixels = 13;
constexpr qreal kWidth = 170;
constexpr qreal kLineSpacing = 1.17; // a Latin sans type's line height, in its size

} // namespace

TokenLegendItem::TokenLegendItem(QPointF topLeft) : m_topLeft(topLeft) {
    setZValue(1);
}

void TokenLegendItem::setEntries(std::vector<Entry> entries) {
    prepareGeometryChange();
    m_entries = std::move(entries);
    update();
}

QStringList TokenLegendItem::lines() const {
    QStringList shown;
    for (std::size_t i = 0; i < m_entries.size() && i < kLinesShown; ++i)
        shown << m_entries[i].name;
    if (m_entries.size() > kLinesShown)
        shown << QCoreApplication::translate("lab::TokenLegendItem", "and %n more", nullptr,
                                             int(m_entries.size() - kLinesShown));
    return shown;
}

qreal TokenLegendItem::lineHeight() const {
    // Set by the size of the type, not by its family's line height: the names are Latin
    // (Docker's name grammar), and the taller lines of a CJK default type (the window in
    // Chinese) would push the key into the start's place and the labels beside it.
    return drawingFont(kPixels).pixelSize() * kLineSpacing + 2;
}

QRectF TokenLegendItem::fullRect() const {
    return {m_topLeft, QSizeF(kWidth * diagramStyle().textScale, lineHeight() * (kLinesShown + 1))};
}

QRectF TokenLegendItem::boundingRect() const {
    return {m_topLeft,
            QSizeF(kWidth * diagramStyle().textScale, lineHeight() * qreal(lines().size()))};
}

void TokenLegendItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const QStringList shown = lines();
    const qreal height = lineHeight();
    const QFontMetricsF metrics(drawingFont(kPixels));
    for (int i = 0; i < int(shown.size()); ++i) {
        const QRectF line(m_topLeft.x(), m_topLeft.y() + height * i, boundingRect().width(),
                          height);
        const bool entry = i < int(m_entries.size()) && i < kLinesShown;
        if (entry) {
            const qreal diameter = height * 0.6;
            painter->setPen(QPen(paperColour(), 1));
            painter->setBrush(m_entries[std::size_t(i)].colour);
            painter->drawEllipse(
                QRectF(line.left(), line.center().y() - diameter / 2, diameter, diameter));
        }
        painter->setFont(drawingFont(kPixels, entry && m_entries[std::size_t(i)].selected));
        painter->setPen(entry ? inkColour() : quietInkColour());
        const QRectF words = line.adjusted(height * 0.9, 0, 0, 0);
        painter->drawText(words, Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(shown[i], Qt::ElideMiddle, words.width()));
    }
}

} // namespace lab
