#pragma once
// Where every container stood, and since when: one band per container, a segment per state,
// recorded from the engine's reactions on engine time. The timeline chart draws it. A replaced
// engine (step back, reset) is recorded afresh: the replay tells its story again.

#include "gui/window/EngineSignals.h"

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
    explicit StateTimeline(EngineSignals& engineSignals, QObject* parent = nullptr);

    /// Every container seen, in creation order.
    const std::vector<TimelineBand>& bands() const { return m_bands; }
    /// Engine seconds since the recording began.
    double now() const;

signals:
    /// A band or a segment began or ended.
    void changed();

private:
    void onReacted(const QString& containerId, const Reaction& reaction);
    void recordEngine();
    TimelineBand& bandOf(const Container& container);

    EngineSignals& m_signals;
    TimePoint m_origin;
    std::vector<TimelineBand> m_bands;
};

} // namespace lab
