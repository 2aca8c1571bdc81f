#pragma once
// The resources dock: the selected container's CPU time and memory over the last minute, read
// from its cgroups twice a second (on the real backend). Paused, its CPU line goes flat while its
// memory stays; stopped, its memory goes back to nothing. Where there are no figures (the
// simulation), the chart says why instead. Given the window's shown time, a sample read later
// than it waits until the window gets there, and a rewind behind the plot starts it afresh.

#include "base/Expected.h"
#include "engine/ResourceSample.h"

#include <QChartView>
#include <QTimer>
#include <functional>
#include <optional>
#include <vector>

class QLineSeries;
class QValueAxis;

namespace lab {

/// Plots one container's resource samples as they come.
class ResourceChart final : public QChartView {
    Q_OBJECT
public:
    /// Reads a container's figures now (EngineSession::resources).
    using Source = std::function<Expected<ResourceSample>(const std::string& id)>;
    /// How often the figures are read, and how much of them stays in view.
    static constexpr int kSampleMilliseconds = 500;
    static constexpr double kWindowSeconds = 60;

    explicit ResourceChart(Source source, QWidget* parent = nullptr);

    /// Starts a new plot for this container (full ID; empty: none).
    void setSelectedContainer(const QString& containerId);
    /// Reads one sample and adds it (what the timer does), once shown time reaches it.
    void sample();
    /// The engine time the window shows: no later sample is plotted.
    void setShownTime(TimePoint shownTime);
    /// The plotted CPU time (seconds) and memory (MiB) against seconds since the plot began.
    const QLineSeries& cpuSeries() const { return *m_cpu; }
    const QLineSeries& memorySeries() const { return *m_memory; }
    /// Why nothing is plotted, or empty.
    QString unavailableReason() const { return m_unavailable; }

protected:
    /// A theme switch (the window's palette) redraws the chart in the theme's colours.
    void changeEvent(QEvent* event) override;

private:
    void restyle();
    void clear();
    void plot(const ResourceSample& figures);
    void plotReached();
    void scroll(double now);

    Source m_source;
    QTimer m_timer;
    std::string m_containerId;
    std::optional<TimePoint> m_start;
    std::optional<TimePoint> m_lastPlotted;
    std::optional<TimePoint> m_shownTime;  // none: every sample is plotted at once
    std::vector<ResourceSample> m_waiting; // read later than the shown time, oldest first
    QLineSeries* m_cpu;
    QLineSeries* m_memory;
    QValueAxis* m_time;
    QValueAxis* m_cpuAxis;
    QValueAxis* m_memoryAxis;
    QString m_unavailable;
};

} // namespace lab
