#include "gui/panels/TimelineChart.h"

#include "gui/Words.h"
#include "gui/diagram/DiagramPalette.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QCursor>
#include <QEvent>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QGraphicsSimpleTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QResizeEvent>
#include <QTimer>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <array>
#include <set>
#include <utility>

namespace lab {
namespace {

constexpr double kBandHalfHeight = 0.36;
// Before a minute has passed the chart shows what has, but never less than this.
constexpr double kShortestSpan = 10;
// A lone container gets a band as thick as one of three, not the whole height.
constexpr std::size_t kFewestBandRows = 3;

// Black or white, whichever reads better on colour (by its luma: orange takes black).
QColor inkOn(const QColor& colour) {
    const double luma = 0.299 * colour.redF() + 0.587 * colour.greenF() + 0.114 * colour.blueF();
    return luma > 0.5 ? Qt::black : Qt::white;
}

// A band's name is at most this many average characters wide: the plot keeps its room.
constexpr int kNameCharacters = 14;
// Names stay at least this large, however many bands share the height.
constexpr int kSmallestNamePixels = 8;
constexpr qreal kNameGap = 6; // between a name and its band
// How many lines of its type the chart needs for the axis title beside the numbers and the bands.
constexpr qreal kLinesForAxisTitle = 7;

// A band's name: the container's, and a short ID where a removed container's name came back.
QString bandName(const std::vector<TimelineBand>& bands, std::size_t index) {
    const TimelineBand& band = bands[index];
    const bool shared = std::count_if(bands.begin(), bands.end(), [&](const TimelineBand& other) {
                            return other.name == band.name;
                        }) > 1;
    return shared ? band.name + u' ' + band.containerId.left(6) : band.name;
}

} // namespace

TimelineChart::TimelineChart(StateTimeline& timeline, QWidget* parent)
    : QChartView(parent), m_timeline(timeline), m_time(new QValueAxis(this)),
      m_bands(new QCategoryAxis(this)) {
    setAccessibleName(tr("State timeline"));
    setAccessibleDescription(tr("One band per container, coloured by its state, over the last "
                                "minute of engine time"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(140);
    // One state a line on the right: a row under the plot cut the words short in a narrow dock.
    chart()->legend()->setAlignment(Qt::AlignRight);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    m_time->setTitleText(tr("engine seconds"));
    m_time->setLabelFormat(QStringLiteral("%d"));
    m_time->setTickType(QValueAxis::TicksDynamic); // whole seconds, whatever the range
    m_time->setTickAnchor(0);
    m_bands->setLabelsVisible(false); // the names are the chart's own items (setAxes)
    m_bands->setGridLineVisible(false);
    chart()->addAxis(m_time, Qt::AlignBottom);
    chart()->addAxis(m_bands, Qt::AlignLeft);
    connect(&m_timeline, &StateTimeline::changed, this, &TimelineChart::rebuildSoon);
    connect(chart(), &QChart::plotAreaChanged, this, &TimelineChart::placeLabels);
    rebuild();
}

QList<QAbstractSeries*> TimelineChart::segmentSeries() const {
    return chart()->series();
}

void TimelineChart::setDark(bool dark) {
    m_dark = dark;
    // A theme resets every colour and font of the chart: draw it again on top.
    chart()->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    rebuild();
}

void TimelineChart::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        rebuild();
}

double TimelineChart::windowStart() const {
    return std::max(0.0, m_timeline.now() - kWindowSeconds);
}

void TimelineChart::rebuildSoon() {
    if (std::exchange(m_rebuildPending, true))
        return;
    QTimer::singleShot(0, this, [this] {
        if (m_rebuildPending)
            rebuild();
    });
}

void TimelineChart::rebuild() {
    m_rebuildPending = false;
    chart()->removeAllSeries();
    for (const Drawn& drawn : m_drawn)
        delete drawn.label;
    m_drawn.clear();
    const double start = windowStart();
    const auto& bands = m_timeline.bands();
    for (std::size_t i = 0; i < bands.size(); ++i)
        for (const TimelineSegment& segment : bands[i].segments)
            if (!segment.to || *segment.to >= start)
                addSegment(bands[i].name, segment, -double(i));
    // One legend entry per state.
    std::set<QString> listed;
    for (QLegendMarker* marker : chart()->legend()->markers())
        marker->setVisible(listed.insert(marker->label()).second);
    chart()->legend()->setFont(font());
    showLegendIfItFits();
    setAxes();
    refresh();
}

void TimelineChart::resizeEvent(QResizeEvent* event) {
    showLegendIfItFits();
    showAxisTitleIfItFits(event->size().height());
    QChartView::resizeEvent(event);
}

// In a short dock (presenter type) the axis's title and numbers would take the bands' height, and
// Qt Charts would write "..." for each: the title steps aside, the numbers stay.
void TimelineChart::showAxisTitleIfItFits(int height) {
    const qreal line = QFontMetricsF(m_time->titleFont()).height();
    m_time->setTitleVisible(height >= kLinesForAxisTitle * line);
}

void TimelineChart::showLegendIfItFits() {
    const QFontMetricsF metrics(chart()->legend()->font());
    qreal widest = 0;
    // Every marker, shown or not (a hidden legend's markers say they are hidden too, and one
    // state's markers share its word).
    for (QLegendMarker* marker : chart()->legend()->markers())
        widest = std::max(widest, metrics.horizontalAdvance(marker->label()));
    // The marker's square and the margins Qt Charts keeps around the words, and what the plot
    // needs beside them: otherwise Qt Charts cuts the words short.
    const qreal legend = widest + 4 * metrics.height();
    const qreal plot = 20 * metrics.averageCharWidth();
    chart()->legend()->setVisible(width() >= legend + plot + chart()->margins().left());
}

void TimelineChart::addSegment(const QString& name, const TimelineSegment& segment, double y) {
    const double to = segment.to.value_or(m_timeline.now());
    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    upper->append({{segment.from, y + kBandHalfHeight}, {to, y + kBandHalfHeight}});
    lower->append({{segment.from, y - kBandHalfHeight}, {to, y - kBandHalfHeight}});
    auto* area = new QAreaSeries(upper, lower);
    upper->setParent(area); // removeAllSeries() deletes the area, and its lines with it
    lower->setParent(area);
    area->setName(nodeLabel(segment.state));
    const QColor colour = nodeColour(segment.state);
    area->setColor(colour);
    area->setBorderColor(m_dark ? QColor(0x20, 0x20, 0x20) : Qt::white);
    // Hovering a segment says whose it is and when, for those who cannot tell the colours.
    connect(area, &QAreaSeries::hovered, this, [this, name, segment](QPointF, bool entered) {
        const double until = segment.to.value_or(m_timeline.now());
        QToolTip::showText(QCursor::pos(),
                           entered ? tr("%1: %2 from %3 s to %4 s")
                                         .arg(name, nodeLabel(segment.state))
                                         .arg(segment.from, 0, 'f', 1)
                                         .arg(until, 0, 'f', 1)
                                   : QString(),
                           this);
    });
    chart()->addSeries(area);
    area->attachAxis(m_time);
    area->attachAxis(m_bands);
    auto* label = new QGraphicsSimpleTextItem(nodeLabel(segment.state), chart());
    label->setBrush(inkOn(colour));
    label->setFont(font());
    label->setZValue(10);
    m_drawn.push_back({area, upper, lower, label, segment});
}

// The bands' names are written by the chart itself, left of the plot: Qt Charts' category
// labels want a line and ten pixels per band and write "..." in thinner bands.
void TimelineChart::setAxes() {
    const auto& bands = m_timeline.bands();
    m_bands->setRange(-double(std::max(bands.size(), kFewestBandRows)) + 0.5, 0.5);
    m_nameFont = bandFont();
    const QFontMetricsF metrics(m_nameFont);
    const QColor ink = m_dark ? QColor(0xEE, 0xEE, 0xEE) : QColor(0x22, 0x22, 0x22);
    qDeleteAll(m_names);
    m_names.clear();
    qreal widest = 0;
    for (std::size_t i = 0; i < bands.size(); ++i) {
        // A long name loses its middle (its start and its end tell names apart), never the
        // whole of it; hovering it shows it whole.
        const QString name = bandName(bands, i);
        auto* item = new QGraphicsSimpleTextItem(
            metrics.elidedText(name, Qt::ElideMiddle, metrics.averageCharWidth() * kNameCharacters),
            chart());
        item->setFont(m_nameFont);
        item->setBrush(ink);
        item->setToolTip(name);
        item->setZValue(10);
        widest = std::max(widest, item->boundingRect().width());
        m_names.push_back(item);
    }
    QMargins margins = chart()->margins();
    margins.setLeft(int(widest + kNameGap) + 4);
    chart()->setMargins(margins);
    m_time->setLabelsFont(this->font());
    m_time->setTitleFont(this->font());
    showAxisTitleIfItFits(height());
    m_time->setLabelsColor(ink);
    m_time->setTitleBrush(ink);
    chart()->legend()->setLabelColor(ink);
}

void TimelineChart::refresh() {
    if (m_rebuildPending) {
        rebuild(); // draws it as of now, refresh included
        return;
    }
    const double now = m_timeline.now();
    const double start = windowStart();
    const bool scrolledPast = std::any_of(m_drawn.begin(), m_drawn.end(), [&](const Drawn& drawn) {
        return drawn.segment.to && *drawn.segment.to < start;
    });
    if (scrolledPast) {
        rebuild();
        return;
    }
    for (const Drawn& drawn : m_drawn) {
        if (drawn.segment.to)
            continue;
        drawn.upper->replace(1, QPointF(now, drawn.upper->at(1).y()));
        drawn.lower->replace(1, QPointF(now, drawn.lower->at(1).y()));
    }
    const double end = std::max(now, start + kShortestSpan);
    m_time->setRange(start, end);
    placeLabels();
}

// Whole seconds between ticks, as few as leave each label room for its digits (Qt Charts would
// write "..." for a label wider than its share of the axis).
void TimelineChart::spaceTicks() {
    static constexpr std::array kIntervals = {1.0, 2.0, 5.0, 10.0, 20.0, 30.0};
    const qreal room =
        QFontMetricsF(m_time->labelsFont()).horizontalAdvance(QStringLiteral("0000")) + 10;
    const qreal perSecond = chart()->plotArea().width() / (m_time->max() - m_time->min());
    const auto fits = std::find_if(kIntervals.begin(), kIntervals.end(),
                                   [&](double interval) { return interval * perSecond >= room; });
    const double interval = fits == kIntervals.end() ? kIntervals.back() : *fits;
    if (m_time->tickInterval() != interval)
        m_time->setTickInterval(interval);
}

// The names' type: the window's, or smaller where bands are thinner than a line of it (Qt Charts
// would write "…" for a label taller than its band).
QFont TimelineChart::bandFont() const {
    QFont font = this->font();
    const qreal bandHeight = chart()->plotArea().height() / bandRows();
    while (bandHeight > 0 && QFontInfo(font).pixelSize() > kSmallestNamePixels &&
           QFontMetricsF(font).height() > bandHeight)
        font.setPixelSize(QFontInfo(font).pixelSize() - 1);
    return font;
}

qreal TimelineChart::bandRows() const {
    return qreal(std::max(m_timeline.bands().size(), kFewestBandRows));
}

// A segment's state is written on it, centred in its visible part, where it fits.
void TimelineChart::placeLabels() {
    if (bandFont() != m_nameFont)
        setAxes(); // the plot's height changed: the names take the type that fits it
    spaceTicks();
    // Band i runs from -i - 0.5 to -i + 0.5 on an axis from 0.5 down to 0.5 - rows.
    const QRectF plot = chart()->plotArea();
    const qreal bandHeight = plot.height() / bandRows();
    for (std::size_t i = 0; i < m_names.size(); ++i) {
        const QRectF words = m_names[i]->boundingRect();
        m_names[i]->setPos(plot.left() - kNameGap - words.width(),
                           plot.top() + bandHeight * (qreal(i) + 0.5) - words.height() / 2);
    }
    const double left = m_time->min();
    const double right = m_time->max();
    for (const Drawn& drawn : m_drawn) {
        const double from = std::max(drawn.segment.from, left);
        const double to = std::min(drawn.upper->at(1).x(), right);
        const QPointF topLeft =
            chart()->mapToPosition(QPointF(from, drawn.upper->at(0).y()), drawn.area);
        const QPointF bottomRight =
            chart()->mapToPosition(QPointF(to, drawn.lower->at(0).y()), drawn.area);
        const QRectF band = QRectF(topLeft, bottomRight).normalized();
        const QRectF text = drawn.label->boundingRect();
        drawn.label->setVisible(band.width() > text.width() + 8 && band.height() > text.height());
        drawn.label->setPos(band.center() - text.center());
    }
}

} // namespace lab
