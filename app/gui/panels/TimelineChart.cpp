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
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <set>

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

// A band's label is at most this many average characters wide: the plot keeps its room.
constexpr int kLabelCharacters = 14;
// Labels stay at least this large, however many bands share the height.
constexpr int kSmallestLabelPixels = 9;

// A band's label: its name, and a short ID where a removed container's name came back; a long
// name loses its middle (its start and its end tell names apart), never the whole of it.
QString bandLabel(const std::vector<TimelineBand>& bands, std::size_t index, const QFont& font) {
    const TimelineBand& band = bands[index];
    const bool shared = std::count_if(bands.begin(), bands.end(), [&](const TimelineBand& other) {
                            return other.name == band.name;
                        }) > 1;
    const QFontMetricsF metrics(font);
    const QString name = shared ? band.name + u' ' + band.containerId.left(6) : band.name;
    return metrics.elidedText(name, Qt::ElideMiddle, metrics.averageCharWidth() * kLabelCharacters);
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
    m_bands->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    m_bands->setGridLineVisible(false);
    chart()->addAxis(m_time, Qt::AlignBottom);
    chart()->addAxis(m_bands, Qt::AlignLeft);
    connect(&m_timeline, &StateTimeline::changed, this, &TimelineChart::rebuild);
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

void TimelineChart::rebuild() {
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
    setAxes();
    refresh();
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

void TimelineChart::setAxes() {
    for (const QString& label : m_bands->categoriesLabels())
        m_bands->remove(label);
    const auto& bands = m_timeline.bands();
    // Categories come in increasing values, from the start value: the newest band lies lowest.
    m_bands->setStartValue(-double(bands.size()) + 0.5);
    const QFont font = bandFont();
    for (std::size_t i = bands.size(); i-- > 0;)
        m_bands->append(bandLabel(bands, i, font), -double(i) + 0.5);
    m_bands->setRange(-double(std::max(bands.size(), kFewestBandRows)) + 0.5, 0.5);
    m_bands->setLabelsFont(font);
    m_time->setLabelsFont(this->font());
    m_time->setTitleFont(this->font());
    const QColor ink = m_dark ? QColor(0xEE, 0xEE, 0xEE) : QColor(0x22, 0x22, 0x22);
    m_bands->setLabelsColor(ink);
    m_time->setLabelsColor(ink);
    m_time->setTitleBrush(ink);
    chart()->legend()->setLabelColor(ink);
}

void TimelineChart::refresh() {
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
    m_time->setTickInterval(end - start > 40 ? 10 : end - start > 15 ? 5 : 1);
    m_time->setRange(start, end);
    placeLabels();
}

// The names' type: the window's, or smaller where bands are thinner than a line of it (Qt Charts
// would write "…" for a label taller than its band).
QFont TimelineChart::bandFont() const {
    QFont font = this->font();
    const qreal rows = qreal(std::max(m_timeline.bands().size(), kFewestBandRows));
    const qreal bandHeight = chart()->plotArea().height() / rows;
    // Qt Charts puts a label in a box with margins: the words need a little less than the band.
    while (bandHeight > 0 && QFontInfo(font).pixelSize() > kSmallestLabelPixels &&
           QFontMetricsF(font).height() + 6 > bandHeight)
        font.setPixelSize(QFontInfo(font).pixelSize() - 1);
    return font;
}

// A segment's state is written on it, centred in its visible part, where it fits.
void TimelineChart::placeLabels() {
    if (bandFont() != m_bands->labelsFont())
        setAxes(); // the plot's height changed: the names take the type that fits it
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
