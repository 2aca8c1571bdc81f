#include "gui/lessons/LineScrollArea.h"

#include <QAbstractTextDocumentLayout>
#include <QEvent>
#include <QLabel>
#include <QLayout>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <algorithm>
#include <cmath>

namespace lab {
namespace {

// The tops of label's lines, in its own coordinates: its text laid out as QLabel lays it out
// (the label's font and width, no document margin).
std::vector<int> labelLineTops(const QLabel& label) {
    QTextDocument document;
    document.setDefaultFont(label.font());
    if (label.textFormat() == Qt::RichText ||
        (label.textFormat() == Qt::AutoText && Qt::mightBeRichText(label.text())))
        document.setHtml(label.text());
    else
        document.setPlainText(label.text());
    QTextFrameFormat frame = document.rootFrame()->frameFormat();
    frame.setMargin(0);
    document.rootFrame()->setFrameFormat(frame);
    QTextOption option = document.defaultTextOption();
    option.setWrapMode(QTextOption::WordWrap);
    document.setDefaultTextOption(option);
    const QRect contents = label.contentsRect();
    document.setTextWidth(contents.width());
    std::vector<int> tops;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QRectF box = document.documentLayout()->blockBoundingRect(block);
        const QTextLayout* layout = block.layout();
        for (int i = 0; layout && i < layout->lineCount(); ++i)
            tops.push_back(contents.top() +
                           int(std::ceil(box.top() + layout->lineAt(i).rect().top())));
    }
    return tops;
}

} // namespace

LineScrollArea::LineScrollArea(QWidget* parent) : QScrollArea(parent) {
    m_settling.setSingleShot(true);
    m_settling.setInterval(0);
    connect(&m_settling, &QTimer::timeout, this, &LineScrollArea::settle);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &LineScrollArea::snap);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, &m_settling,
            qOverload<>(&QTimer::start));
}

std::vector<int> LineScrollArea::lineTops() const {
    std::vector<int> tops{0};
    const QWidget* content = widget();
    if (!content)
        return tops;
    for (const QWidget* each : content->findChildren<QWidget*>()) {
        if (!each->isVisibleTo(content))
            continue;
        const int top = each->mapTo(content, QPoint(0, 0)).y();
        tops.push_back(top);
        if (const auto* label = qobject_cast<const QLabel*>(each); label && label->wordWrap())
            for (const int line : labelLineTops(*label))
                tops.push_back(top + line);
    }
    std::sort(tops.begin(), tops.end());
    tops.erase(std::unique(tops.begin(), tops.end()), tops.end());
    return tops;
}

void LineScrollArea::snap(int value) {
    if (m_snapping)
        return;
    const std::vector<int> tops = lineTops();
    const QScrollBar* bar = verticalScrollBar();
    int snapped = value;
    if (value > m_last) { // down: the next line top, or the end
        const auto next = std::lower_bound(tops.begin(), tops.end(), value);
        snapped = next == tops.end() ? bar->maximum() : std::min(*next, bar->maximum());
    } else if (value < m_last) { // up: the line top above
        const auto next = std::upper_bound(tops.begin(), tops.end(), value);
        snapped = next == tops.begin() ? 0 : *(next - 1);
    }
    m_last = snapped;
    if (snapped != value) {
        m_snapping = true;
        verticalScrollBar()->setValue(snapped);
        m_snapping = false;
    }
}

void LineScrollArea::resizeEvent(QResizeEvent* event) {
    QScrollArea::resizeEvent(event);
    m_settling.start();
}

bool LineScrollArea::eventFilter(QObject* watched, QEvent* event) {
    if (watched == widget() &&
        (event->type() == QEvent::LayoutRequest || event->type() == QEvent::Resize))
        m_settling.start();
    return QScrollArea::eventFilter(watched, event);
}

// Laid out anew, the view goes to the line top above where it stood. The last position shows
// the end of the step: it must be a line top too, so the content gets the room below it that
// makes it one.
void LineScrollArea::settle() {
    QWidget* content = widget();
    if (!content || !content->layout())
        return;
    const std::vector<int> tops = lineTops();
    const int value = verticalScrollBar()->value();
    if (!std::binary_search(tops.begin(), tops.end(), value)) {
        m_last = value + 1; // as if it went up to value
        snap(value);
    }
    const int natural = content->height() - m_room;
    const int end = natural - viewport()->height();
    int room = 0;
    if (end > 0) {
        const auto next = std::lower_bound(tops.begin(), tops.end(), end);
        room = next == tops.end() ? 0 : *next - end;
    }
    if (room == m_room)
        return;
    QMargins margins = content->layout()->contentsMargins();
    margins.setBottom(margins.bottom() - m_room + room);
    content->layout()->setContentsMargins(margins);
    m_room = room;
}

} // namespace lab
