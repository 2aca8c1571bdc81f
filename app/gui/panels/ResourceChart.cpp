#include "gui/panels/ResourceChart.h"

#include <QEvent>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>
#include <chrono>
#include <tuple>

namespace lab {
namespace {

double seconds(Duration duration) {
    return std::chrono::duration<double>(duration).count();
}

// CPU and memory apart by colour and by line (solid, dashed), for those who cannot tell the
// colours: Okabe-Ito blue and vermillion, lighter on a dark chart.
struct SeriesLook {
    QColor light;
    QColor dark;
    Qt::PenStyle line;
};
const SeriesLook kCpuLook{QColor(0x00, 0x72, 0xB2), QColor(0x56, 0xB4, 0xE9), Qt::SolidLine};
const SeriesLook kMemoryLook{QColor(0xD5, 0x5E, 0x00), QColor(0xF0, 0xA0, 0x50), Qt::DashLine};

// Grows an axis to hold value, with a tenth to spare, and never shrinks it during a plot.
void stretch(QValueAxis& axis, double value) {
    if (value > axis.max())
        axis.setMax(value * 1.1);
}

} // namespace

ResourceChart::ResourceChart(Source source, QWidget* parent)
    : QChartView(parent), m_source(std::move(source)), m_cpu(new QLineSeries(this)),
      m_memory(new QLineSeries(this)), m_time(new QValueAxis(this)),
      m_cpuAxis(new QValueAxis(this)), m_memoryAxis(new QValueAxis(this)) {
    setAccessibleName(tr("Resource use"));
    setAccessibleDescription(tr("The selected container's CPU time and memory, read from its "
                                "cgroups twice a second"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(140);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->legend()->setAlignment(Qt::AlignBottom);
    m_cpu->setName(tr("CPU time (s)"));
    m_memory->setName(tr("memory (MiB)"));
    m_time->setTitleText(tr("seconds"));
    m_time->setLabelFormat(QStringLiteral("%d"));
    m_cpuAxis->setTitleText(tr("CPU s"));
    m_memoryAxis->setTitleText(tr("MiB"));
    chart()->addAxis(m_time, Qt::AlignBottom);
    chart()->addAxis(m_cpuAxis, Qt::AlignLeft);
    chart()->addAxis(m_memoryAxis, Qt::AlignRight);
    for (auto [series, axis] : {std::pair{m_cpu, m_cpuAxis}, std::pair{m_memory, m_memoryAxis}}) {
        chart()->addSeries(series);
        series->attachAxis(m_time);
        series->attachAxis(axis);
    }
    restyle();
    clear();
    m_timer.setInterval(kSampleMilliseconds);
    connect(&m_timer, &QTimer::timeout, this, &ResourceChart::sample);
}

void ResourceChart::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyle();
}

void ResourceChart::restyle() {
    const bool dark = palette().color(QPalette::Window).lightnessF() < 0.5;
    // A theme resets every colour of the chart; the series' own pens go on top.
    chart()->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    for (auto [series, axis, look] : {std::tuple{m_cpu, m_cpuAxis, kCpuLook},
                                      std::tuple{m_memory, m_memoryAxis, kMemoryLook}}) {
        const QColor colour = dark ? look.dark : look.light;
        series->setPen(QPen(colour, 2.5, look.line, Qt::RoundCap));
        axis->setLinePenColor(colour);
        axis->setLabelsColor(colour);
        axis->setTitleBrush(colour);
    }
}

void ResourceChart::setSelectedContainer(const QString& containerId) {
    if (containerId.toStdString() == m_containerId)
        return;
    m_containerId = containerId.toStdString();
    clear();
    if (m_containerId.empty()) {
        m_timer.stop();
        chart()->setTitle(tr("Select a container to see its resource use"));
        return;
    }
    sample();
    m_timer.start();
}

void ResourceChart::sample() {
    if (m_containerId.empty())
        return;
    const Expected<ResourceSample> figures = m_source(m_containerId);
    if (!figures) {
        m_unavailable = QString::fromStdString(figures.error().message);
        chart()->setTitle(m_unavailable);
        return;
    }
    m_unavailable.clear();
    m_waiting.push_back(*figures);
    plotReached();
}

void ResourceChart::setShownTime(TimePoint shownTime) {
    if (m_lastPlotted && shownTime < *m_lastPlotted) // rewound: the plot starts again from there
        clear();
    m_shownTime = shownTime;
    plotReached();
}

void ResourceChart::plotReached() {
    std::size_t reached = 0;
    while (reached < m_waiting.size() && (!m_shownTime || m_waiting[reached].at <= *m_shownTime))
        plot(m_waiting[reached++]);
    m_waiting.erase(m_waiting.begin(), m_waiting.begin() + std::ptrdiff_t(reached));
}

void ResourceChart::plot(const ResourceSample& figures) {
    if (!m_start)
        m_start = figures.at;
    m_lastPlotted = figures.at;
    const double now = seconds(figures.at - *m_start);
    if (figures.cpuMicroseconds) {
        const double cpu = double(*figures.cpuMicroseconds) / 1e6;
        m_cpu->append(now, cpu);
        stretch(*m_cpuAxis, cpu);
    }
    if (figures.memoryBytes) {
        const double mebibytes = double(*figures.memoryBytes) / (1024.0 * 1024.0);
        m_memory->append(now, mebibytes);
        stretch(*m_memoryAxis, mebibytes);
    }
    chart()->setTitle(figures.processes ? tr("%n process(es)", nullptr, *figures.processes)
                                        : QString());
    scroll(now);
}

void ResourceChart::clear() {
    m_cpu->clear();
    m_memory->clear();
    m_start.reset();
    m_lastPlotted.reset();
    m_waiting.clear();
    m_unavailable.clear();
    m_time->setRange(0, 10);
    m_cpuAxis->setRange(0, 0.1);
    m_memoryAxis->setRange(0, 1);
}

void ResourceChart::scroll(double now) {
    const double start = std::max(0.0, now - kWindowSeconds);
    m_time->setRange(start, std::max(start + 10, now));
    for (QLineSeries* series : {m_cpu, m_memory})
        while (series->count() > 0 && series->at(0).x() < start)
            series->remove(0);
}

} // namespace lab
