#pragma once
// The timeline dock: a Qt Charts view of the StateTimeline, one band per container, a coloured
// segment per state (the diagram's colours, and the state's name written on it where it fits),
// scrolling with engine time: it shows the last minute (all of it, before a minute has passed).

#include "gui/panels/StateTimeline.h"

#include <QChartView>
#include <vector>

class QAreaSeries;
class QCategoryAxis;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QValueAxis;

namespace lab {

/// Draws a StateTimeline.
class TimelineChart final : public QChartView {
    Q_OBJECT
public:
    /// Engine seconds in view.
    static constexpr double kWindowSeconds = 60;

    explicit TimelineChart(StateTimeline& timeline, QWidget* parent = nullptr);

    /// Follows engine time: stretches the open segments to now and scrolls.
    void refresh();
    /// Dark or light chart background.
    void setDark(bool dark);
    /// The drawn segments, one series each, band by band; a series' name is the state's.
    QList<QAbstractSeries*> segmentSeries() const;

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Drawn {
        QAreaSeries* area;
        QLineSeries* upper;
        QLineSeries* lower;
        QGraphicsSimpleTextItem* label;
        TimelineSegment segment;
    };

    void rebuild();
    // Many steps shown at once (catch up, Step back) change the timeline once each: the chart
    // is drawn again once, when the event loop comes back (or at the next refresh()).
    void rebuildSoon();
    void addSegment(const QString& name, const TimelineSegment& segment, double y);
    void setAxes();
    QFont bandFont() const;
    qreal bandRows() const;
    void spaceTicks();
    // The legend only where its words fit whole beside a plot of some width (the colours are
    // the diagram's, and a segment names its state on hover).
    void showLegendIfItFits();
    void showAxisTitleIfItFits(int height);
    void placeLabels();
    double windowStart() const;

    StateTimeline& m_timeline;
    QValueAxis* m_time;
    QCategoryAxis* m_bands;
    std::vector<Drawn> m_drawn;
    bool m_rebuildPending = false;
    std::vector<QGraphicsSimpleTextItem*> m_names; // the bands' names, top band first
    QFont m_nameFont;
    bool m_dark = false;
};

} // namespace lab
