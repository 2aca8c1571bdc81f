#include "gui/runflow/RunFlowChart.h"

#include "gui/diagram/DiagramPalette.h"
#include "gui/runflow/RunFlowLayout.h"
#include "gui/window/EngineSignals.h"
#include "gui/window/Playback.h"
#include "gui/window/SceneExport.h"
#include "gui/window/ViewZoom.h"

#include <QGraphicsSimpleTextItem>
#include <QPainterPath>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <tuple>

namespace lab {
namespace {

QPainterPath stroke(const QPainterPath& path) {
    QPainterPathStroker stroker;
    stroker.setWidth(2);
    return stroker.createStroke(path);
}

// How much an arrow drawn with this bend runs through steps it does not join, plus a little for
// bowing at all: arrows run straight unless a step is in the way.
double crossingCost(const RunFlowEdge& edge, qreal bend) {
    const FlowEdgeItem probe(edge, bend);
    const QPainterPath line = stroke(probe.path());
    double cost = std::abs(bend) / 100;
    for (RunStep step : allRunSteps())
        if (step != edge.source && step != edge.target &&
            line.intersects(stepRect(step).adjusted(-12, -12, 12, 12)))
            cost += 1000;
    return cost;
}

qreal bestBend(const RunFlowEdge& edge) {
    static constexpr std::array kBends = {0, 40, -40, 80, -80, 120, -120, 170, -170};
    qreal best = 0;
    double bestCost = std::numeric_limits<double>::max();
    for (qreal bend : kBends)
        if (const double cost = crossingCost(edge, bend); cost < bestCost) {
            bestCost = cost;
            best = bend;
        }
    return best;
}

// How bad a label spot is: covering a step or a label is unreadable, covering an arrow is a
// blemish, straying from the middle of its own arrow makes it harder to pair with it.
double spotPenalty(const QRectF& spot, qreal t, std::size_t edge,
                   const std::vector<QPainterPath>& lines, const std::vector<QRectF>& placed) {
    double penalty = std::abs(t - 0.5) * 30;
    for (RunStep step : allRunSteps())
        if (spot.intersects(stepRect(step).adjusted(-4, -4, 4, 4)))
            penalty += 1000;
    for (const QRectF& other : placed)
        if (spot.intersects(other.adjusted(-2, -2, 2, 2)))
            penalty += 1000;
    for (std::size_t other = 0; other < lines.size(); ++other)
        if (other != edge && lines[other].intersects(spot))
            penalty += 40;
    return penalty;
}

void placeLabels(const std::vector<FlowEdgeItem*>& edges) {
    static constexpr std::array kSpots = {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8};
    std::vector<QPainterPath> lines;
    for (const FlowEdgeItem* edge : edges)
        lines.push_back(stroke(edge->path()));
    std::vector<QRectF> placed;
    for (std::size_t i = 0; i < edges.size(); ++i) {
        FlowEdgeItem* edge = edges[i];
        // (penalty, t, side, away): beside the arrow, or a step's half height further out, clear
        // of the steps a short arrow joins.
        std::tuple<double, qreal, int, qreal> best{std::numeric_limits<double>::max(), 0.5, 1, 0};
        for (qreal away : {0, 30})
            for (int side : {1, -1, 0})
                for (qreal t : kSpots) {
                    const double penalty =
                        spotPenalty(edge->labelRectAt(t, side, away), t, i, lines, placed) +
                        (side == 0 ? 20 : 0) + away / 2;
                    best = std::min(best, std::tuple(penalty, t, side, away));
                }
        edge->placeLabel(std::get<1>(best), std::get<2>(best), std::get<3>(best));
        placed.push_back(edge->labelRect());
    }
}

QString endDetail(const RunFlowTrace& trace) {
    const std::optional<int> status = trace.exitStatus();
    if (!status)
        return {};
    QString detail = RunFlowChart::tr("exit %1").arg(*status);
    if (const std::optional<RunFailure> failure = trace.failure())
        detail += u'\n' + QString::fromStdString(failure->message);
    return detail;
}

} // namespace

// Under the words: which part of Docker each stripe colour stands for.
void RunFlowChart::addPartsLegend(QGraphicsScene& scene, const QFont& font) {
    QPointF at(stepRect(RunStep::Start).left(), scene.itemsBoundingRect().bottom() + 8);
    auto* title = scene.addSimpleText(tr("Who does each step (the stripe on its left):"));
    title->setFont(font);
    title->setPos(at);
    m_legendWords.push_back(title);
    at.rx() += title->boundingRect().width() + 12;
    const qreal square = QFontMetricsF(font).height() * 0.7;
    for (RunPart part : kRunParts) {
        scene.addRect(QRectF(at + QPointF(0, square * 0.25), QSizeF(square, square)), Qt::NoPen,
                      partColour(part));
        auto* name = scene.addSimpleText(flowText(partName(part)));
        name->setFont(font);
        name->setPos(at + QPointF(square + 4, 0));
        m_legendWords.push_back(name);
        at.rx() += square + 4 + name->boundingRect().width() + 16;
    }
}

RunFlowChart::RunFlowChart(EngineSignals& engineSignals, Playback& playback, QWidget* parent)
    : QGraphicsView(parent), m_zoom(new ViewZoom(*this)) {
    setAccessibleName(tr("Run flowchart"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* scene = new QGraphicsScene(this);
    for (RunStep step : allRunSteps()) {
        auto* item = new FlowStepItem(step);
        scene->addItem(item);
        m_steps.emplace(step, item);
    }
    for (const RunFlowEdge& edge : runFlowEdges()) {
        auto* item = new FlowEdgeItem(edge, bestBend(edge));
        scene->addItem(item);
        m_edges.push_back(item);
    }
    placeLabels(m_edges);
    m_bars = new LayerBarsItem(layerBarsRect());
    scene->addItem(m_bars);
    m_legend = scene->addSimpleText(
        tr("The steps of docker run, create and pull, drawn from the run-flow machine's table. "
           "Arrows: the outcome of a step · [the options that choose the way].\nThe latest "
           "command's path lights up as engine time passes; a pull shows one bar per layer: "
           "download (blue), then extraction (green)."));
    QFont legendFont;
    legendFont.setPixelSize(14);
    m_legend->setFont(legendFont);
    m_legend->setPos(stepRect(RunStep::Start).left(), scene->itemsBoundingRect().bottom() + 16);
    addPartsLegend(*scene, legendFont);
    scene->setSceneRect(scene->itemsBoundingRect().adjusted(-10, -10, 10, 10));
    setScene(scene);
    connect(&engineSignals, &EngineSignals::runFlowStepped, this, &RunFlowChart::onStepped);
    connect(&playback, &Playback::advancedBy, this, &RunFlowChart::onAdvanced);
    // A replay (step back, reset) tells the flows again from a fresh engine; the latest one is
    // then shown as far as the window shows engine time.
    connect(&engineSignals, &EngineSignals::engineReplaced, this, [this] {
        m_trace = RunFlowTrace();
        showTrace();
    });
    connect(&playback, &Playback::rewound, this, [this, &playback] {
        onAdvanced(playback.timeline().shownTime() - m_trace.shownTime());
    });
    showTrace();
    restyle();
}

void RunFlowChart::restyle() {
    setBackgroundBrush(paperColour());
    m_legend->setBrush(quietInkColour());
    for (QGraphicsSimpleTextItem* words : m_legendWords)
        words->setBrush(quietInkColour());
    for (QGraphicsItem* item : scene()->items())
        item->update();
}

std::optional<RunStep> RunFlowChart::activeStep() const {
    const std::vector<RunStep> lit = litSteps();
    return lit.empty() ? std::nullopt : std::optional(lit.back());
}

Status RunFlowChart::exportTo(const QString& path) const {
    return exportScene(*scene(), path, tr("The docker run flow"));
}

void RunFlowChart::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    m_zoom->refit();
}

void RunFlowChart::onStepped(const RunFlowReport& report) {
    m_trace.record(report);
    showTrace();
}

void RunFlowChart::onAdvanced(Duration engineTime) {
    if (m_trace.isEmpty() || engineTime <= Duration::zero())
        return;
    m_trace.advance(engineTime);
    showTrace();
}

void RunFlowChart::showTrace() {
    const std::vector<RunStep> lit = m_trace.litSteps();
    for (auto& [step, item] : m_steps) {
        const bool taken = std::find(lit.begin(), lit.end(), step) != lit.end();
        item->setMark(!taken               ? FlowMark::Idle
                      : step == lit.back() ? FlowMark::Current
                                           : FlowMark::Taken);
        item->setDetail(!taken                   ? QString()
                        : step == RunStep::Start ? QString::fromStdString(m_trace.commandLine())
                        : isEnd(step)            ? endDetail(m_trace)
                                                 : QString());
    }
    const std::vector<int> rows = m_trace.takenRows();
    for (std::size_t i = 0; i < m_edges.size(); ++i) {
        const bool taken = std::any_of(rows.begin(), rows.end(),
                                       [&](int row) { return runFlowEdgeOfRow(row) == int(i); });
        m_edges[i]->setMark(taken ? FlowMark::Taken : FlowMark::Idle);
    }
    std::vector<LayerProgress> progress;
    const PullPlan* pull = m_trace.pull();
    if (pull)
        for (const LayerPull& layer : pull->layers)
            progress.push_back(progressAt(layer, m_trace.shownTime()));
    m_bars->setLayers(pull ? pull->layers : std::vector<LayerPull>{}, progress);
    setAccessibleDescription(lit.empty()
                                 ? tr("No docker run, create or pull yet")
                                 : tr("%1: %2").arg(QString::fromStdString(m_trace.commandLine()),
                                                    flowText(stepName(lit.back()))));
}

} // namespace lab
