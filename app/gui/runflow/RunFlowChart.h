#pragma once
// The run flowchart: the steps of docker run, create and pull drawn from the run-flow machine's
// table, with the latest command's path lit step by step as engine time passes, one bar per
// layer while it pulls, and Docker's message and exit status at the end it reached.

#include "base/Expected.h"
#include "gui/runflow/RunFlowItems.h"
#include "gui/runflow/RunFlowTrace.h"

#include <QGraphicsView>

class QGraphicsSimpleTextItem;
#include <map>
#include <vector>

namespace lab {

class EngineSignals;
class Playback;
class ViewZoom;

/// The run flowchart over one engine, played at the playback's speed.
class RunFlowChart final : public QGraphicsView {
    Q_OBJECT
public:
    RunFlowChart(EngineSignals& engineSignals, Playback& playback, QWidget* parent = nullptr);

    /// The latest command's steps as shown now, Start first (empty before any command).
    std::vector<RunStep> litSteps() const { return m_trace.litSteps(); }
    /// The step shown as being done now, or the end reached.
    std::optional<RunStep> activeStep() const;
    /// The layer bars as shown now (empty unless the shown command is pulling or has pulled).
    const std::vector<LayerProgress>& layerProgress() const { return m_bars->progress(); }
    /// The engine time shown.
    TimePoint shownTime() const { return m_trace.shownTime(); }
    /// Every arrow drawn, in the order of runFlowEdges().
    const std::vector<FlowEdgeItem*>& edges() const { return m_edges; }
    /// The item of a step.
    const FlowStepItem* stepItem(RunStep step) const { return m_steps.at(step); }
    /// Writes the whole flowchart to path: SVG when it ends in .svg, otherwise PNG.
    Status exportTo(const QString& path) const;
    /// Zoom, pan and fit to window.
    ViewZoom& zoom() const { return *m_zoom; }
    /// Redraws in the current DiagramStyle (theme, presenter mode).
    void restyle();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void onStepped(const RunFlowReport& report);
    void onAdvanced(Duration engineTime);
    void showTrace();
    void addPartsLegend(QGraphicsScene& scene, const QFont& font);

    RunFlowTrace m_trace;
    std::map<RunStep, FlowStepItem*> m_steps;
    std::vector<FlowEdgeItem*> m_edges;
    LayerBarsItem* m_bars = nullptr;
    QGraphicsSimpleTextItem* m_legend = nullptr;
    std::vector<QGraphicsSimpleTextItem*> m_legendWords; // the parts' legend
    ViewZoom* m_zoom;
};

} // namespace lab
