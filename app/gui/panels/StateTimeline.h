#pragma once
// Where every container stood, and since when: one band per container, a segment per state,
// drawn from the steps the window shows, on engine time, up to the shown time. The timeline chart
// draws it. A rewind (step back, reset) draws it again from the steps still shown.

#include "gui/window/StepTimeline.h"

#include <QObject>
#include <QString>
#include <optional>
#include <vector>

namespace lab {

/// A stretch of engine time one container spent in one state; seconds since the recording began.
struct TimelineSegment {
    LifecycleState state = LifecycleState::Created;
    double from = 0;
    std::optional<double> to; ///< unset while the container is still there
};

/// One container's life on the timeline.
struct TimelineBand {
    QString containerId;
    QString name;
    std::vector<TimelineSegment> segments; ///< in time order, each starting where the last ended
};

/// Records the states of one engine's containers as engine time passes.
class StateTimeline final : public QObject {
    Q_OBJECT
public:
    explicit StateTimeline(StepTimeline& timeline, QObject* parent = nullptr);

    /// Every container seen, in creation order.
    const std::vector<TimelineBand>& bands() const { return m_bands; }
    /// Shown engine seconds since the recording began.
    double now() const;

signals:
    /// A band or a segment began or ended.
    void changed();

private:
    void onStepShown(const EngineStep& step);
    /// Draws a step in; true when a band or segment changed.
    bool apply(const EngineStep& step);
    void readShownSteps();
    TimelineBand& bandOf(const Container& container, double since);
    double secondsAt(TimePoint at) const;

    StepTimeline& m_timeline;
    std::vector<TimelineBand> m_bands;
};

} // namespace lab
