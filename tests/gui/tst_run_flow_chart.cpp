// The run flowchart is the run-flow machine's table drawn, and it plays each docker run, create
// and pull on engine time: the path lights step by step, a pull fills one bar per layer as engine
// time passes (slowly at a slow speed), an image nobody has ends at the pull's error exit with
// Docker's message, and an image that is already local is never pulled.
#include "GuiFixture.h"
#include "gui/panels/ConsolePanel.h"
#include "gui/runflow/RunFlowChart.h"
#include "gui/window/MainWindow.h"
#include "gui/window/Playback.h"

#include <QFile>
#include <QImage>
#include <QMenuBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <set>
#include <utility>

using namespace lab;

namespace {

using std::chrono::milliseconds;

QString text(std::string_view words) {
    return QString::fromUtf8(words.data(), qsizetype(words.size()));
}

QStringList names(const std::vector<RunStep>& steps) {
    QStringList result;
    for (RunStep step : steps)
        result << text(stepName(step));
    return result;
}

bool contains(const std::vector<RunStep>& steps, RunStep step) {
    return std::find(steps.begin(), steps.end(), step) != steps.end();
}

// A chart over the fixture's engine, with the playback paused: only advance() moves it.
struct ChartFixture : test::GuiFixture {
    ChartFixture() { playback.setPaused(true); }
    RecordedSession recorded{session};
    Playback playback{recorded, timeline};
    RunFlowChart chart{engineSignals, playback};

    // Plays until the chart shows an end, a tick at a time; the steps in the order they lit.
    std::vector<RunStep> playToTheEnd(Duration tick = milliseconds(50)) {
        std::vector<RunStep> order = chart.litSteps();
        for (int i = 0; i < 10000 && !isEnd(order.back()); ++i) {
            playback.advance(tick);
            for (RunStep step : chart.litSteps())
                if (!contains(order, step))
                    order.push_back(step);
        }
        return order;
    }
};

double shown(const LayerProgress& progress) {
    // How far along a bar is: download first, extraction second.
    switch (progress.phase) {
    case LayerPhase::Waiting:
        return 0;
    case LayerPhase::Downloading:
        return progress.fraction;
    case LayerPhase::Extracting:
        return 1 + progress.fraction;
    case LayerPhase::Complete:
    case LayerPhase::AlreadyExists:
        return 2;
    }
    return 0;
}

} // namespace

class TestRunFlowChart : public QObject {
    Q_OBJECT
private slots:
    void oneArrowPerPairOfStepsInTheTable();
    void guardsReadAsOptions();
    void pullWalksTheFlowchart();
    void layerBarsFillWithEngineTime();
    void slowPlaybackShowsThePull();
    void unknownImageEndsAtThePullErrorWithDockersMessage();
    void localImageRunSkipsThePull();
    void createEndsAfterTheCreate();
    void windowShowsTheFlowchartBesideTheDiagram();
    void exportsPngAndSvg();
    void eachStepNamesWhoDoesIt();
};

void TestRunFlowChart::oneArrowPerPairOfStepsInTheTable() {
    ChartFixture fixture;
    std::set<std::pair<RunStep, RunStep>> moving;
    for (const RunFlowRow& row : RunFlowMachine::table())
        if (row.source != row.target)
            moving.emplace(row.source, row.target);
    std::set<std::pair<RunStep, RunStep>> drawn;
    for (const FlowEdgeItem* edge : fixture.chart.edges())
        QVERIFY2(drawn.emplace(edge->edge().source, edge->edge().target).second,
                 "two arrows for one pair");
    QCOMPARE(drawn, moving);
    // Every step of the machine is on the chart, every error exit among them.
    for (RunStep step : allRunSteps())
        QVERIFY(fixture.chart.stepItem(step));
}

void TestRunFlowChart::guardsReadAsOptions() {
    // A guard shows as the options a learner typed, never as the table's C++ name.
    for (const RunFlowRow& row : RunFlowMachine::table())
        if (!row.guard.empty())
            QVERIFY2(guardWords(row.guard) != QString::fromStdString(row.guard), row.guard.c_str());
    QCOMPARE(guardWords("PullsFirst"), QStringLiteral("pull, --pull always"));
}

void TestRunFlowChart::pullWalksTheFlowchart() {
    ChartFixture fixture;
    const CliOutput pulled = fixture.run(QStringLiteral("docker pull nginx"));
    QCOMPARE(pulled.status, 0);
    // The registry answered at once, the layers take engine time: the chart waits at the pull.
    QCOMPARE(names(fixture.chart.litSteps()), names({RunStep::Start, RunStep::ParseReference,
                                                     RunStep::QueryRegistry, RunStep::PullLayers}));
    QCOMPARE(fixture.chart.activeStep(), std::optional(RunStep::PullLayers));
    QCOMPARE(fixture.chart.stepItem(RunStep::PullLayers)->mark(), FlowMark::Current);
    QCOMPARE(fixture.chart.stepItem(RunStep::Start)->detail(), QStringLiteral("docker pull nginx"));
    const std::vector<RunStep> order = fixture.playToTheEnd();
    QCOMPARE(names(order), names({RunStep::Start, RunStep::ParseReference, RunStep::QueryRegistry,
                                  RunStep::PullLayers, RunStep::Done}));
    QCOMPARE(fixture.chart.stepItem(RunStep::Done)->detail(), QStringLiteral("exit 0"));
    QCOMPARE(fixture.chart.stepItem(RunStep::LookupLocal)->mark(), FlowMark::Idle);
    // The arrows lit are the ones walked: four, from the start to the end.
    int lit = 0;
    for (const FlowEdgeItem* edge : fixture.chart.edges())
        if (edge->mark() != FlowMark::Idle) {
            ++lit;
            QVERIFY(contains(order, edge->edge().source) && contains(order, edge->edge().target));
        }
    QCOMPARE(lit, 4);
}

void TestRunFlowChart::layerBarsFillWithEngineTime() {
    ChartFixture fixture;
    QVERIFY(fixture.chart.layerProgress().empty()); // nothing pulled yet: no bars
    fixture.run(QStringLiteral("docker pull nginx"));
    const std::size_t layers = fixture.chart.layerProgress().size();
    QCOMPARE(layers, std::size_t(6)); // nginx:latest has six layers in the built-in world
    for (const LayerProgress& bar : fixture.chart.layerProgress())
        QCOMPARE(shown(bar), 0.0);
    const TimePoint start = fixture.chart.shownTime();
    std::vector<double> before(layers, 0);
    bool partway = false;
    while (fixture.chart.activeStep() == RunStep::PullLayers) {
        fixture.playback.advance(milliseconds(100));
        const auto& bars = fixture.chart.layerProgress();
        for (std::size_t i = 0; i < layers; ++i) {
            QVERIFY2(shown(bars[i]) >= before[i], "a bar went back");
            partway = partway || (shown(bars[i]) > 0 && shown(bars[i]) < 1);
            before[i] = shown(bars[i]);
        }
        QVERIFY(fixture.chart.shownTime() - start < std::chrono::minutes(1));
    }
    QVERIFY2(partway, "no bar was ever seen half downloaded");
    for (const LayerProgress& bar : fixture.chart.layerProgress())
        QCOMPARE(bar.phase, LayerPhase::Complete);
    // The biggest layer, 27 MB, cannot come down faster than the simulated network allows.
    QVERIFY(fixture.chart.shownTime() - start >=
            Duration(std::chrono::milliseconds(int(27092228 / kDownloadBytesPerSecond * 1000))));
    // A second pull of the same image finds every layer there.
    fixture.run(QStringLiteral("docker pull nginx"));
    fixture.playToTheEnd();
    QCOMPARE(fixture.chart.activeStep(), std::optional(RunStep::Done));
}

void TestRunFlowChart::slowPlaybackShowsThePull() {
    ChartFixture fixture;
    fixture.playback.setSpeed(Playback::kSlowest);
    fixture.run(QStringLiteral("docker run -d --name web nginx"));
    // One wall second at 0.1x is a tenth of an engine second: the big layers are still coming.
    fixture.playback.advance(std::chrono::seconds(1));
    QCOMPARE(fixture.chart.activeStep(), std::optional(RunStep::PullLayers));
    QVERIFY(std::any_of(fixture.chart.layerProgress().begin(), fixture.chart.layerProgress().end(),
                        [](const LayerProgress& bar) {
                            return bar.phase == LayerPhase::Downloading && bar.fraction > 0 &&
                                   bar.fraction < 1;
                        }));
    const std::vector<RunStep> order = fixture.playToTheEnd(milliseconds(500));
    QCOMPARE(names(order),
             names({RunStep::Start, RunStep::CheckOptions, RunStep::ParseReference,
                    RunStep::LookupLocal, RunStep::QueryRegistry, RunStep::PullLayers,
                    RunStep::CreateContainer, RunStep::StartContainer, RunStep::Done}));
}

void TestRunFlowChart::unknownImageEndsAtThePullErrorWithDockersMessage() {
    ChartFixture fixture;
    const CliOutput output = fixture.run(QStringLiteral("docker run nosuchimage"));
    fixture.playToTheEnd();
    QCOMPARE(names(fixture.chart.litSteps()),
             names({RunStep::Start, RunStep::CheckOptions, RunStep::ParseReference,
                    RunStep::LookupLocal, RunStep::QueryRegistry, RunStep::FailedPull}));
    QCOMPARE(fixture.chart.stepItem(RunStep::FailedPull)->mark(), FlowMark::Current);
    // The exit shows the status the CLI exits with and the message it printed after "docker: ".
    QVERIFY(output.err.size() >= 2);
    const QString printed = QString::fromStdString(output.err[1]);
    QVERIFY2(printed.startsWith(
                 QStringLiteral("docker: Error response from daemon: pull access denied")),
             qPrintable(printed));
    const QStringList detail = fixture.chart.stepItem(RunStep::FailedPull)->detail().split(u'\n');
    QCOMPARE(detail.size(), 2);
    QCOMPARE(detail[0], QStringLiteral("exit %1").arg(output.status));
    QCOMPARE(output.status, 125);
    QCOMPARE(QStringLiteral("docker: ") + detail[1], printed);
    QVERIFY(fixture.chart.layerProgress().empty());
}

void TestRunFlowChart::localImageRunSkipsThePull() {
    ChartFixture fixture;
    const CliOutput output = fixture.run(QStringLiteral("docker run --rm busybox echo hello"));
    QCOMPARE(output.out, std::vector<std::string>{"hello"});
    const std::vector<RunStep> order = fixture.playToTheEnd();
    QCOMPARE(names(order), names({RunStep::Start, RunStep::CheckOptions, RunStep::ParseReference,
                                  RunStep::LookupLocal, RunStep::CreateContainer, RunStep::Attach,
                                  RunStep::StartContainer, RunStep::WaitForExit,
                                  RunStep::AutoRemove, RunStep::Done}));
    QCOMPARE(fixture.chart.stepItem(RunStep::QueryRegistry)->mark(), FlowMark::Idle);
    QCOMPARE(fixture.chart.stepItem(RunStep::PullLayers)->mark(), FlowMark::Idle);
    QVERIFY(fixture.chart.layerProgress().empty());
}

void TestRunFlowChart::createEndsAfterTheCreate() {
    // A new command replaces the one shown, even while that one still plays.
    ChartFixture fixture;
    fixture.run(QStringLiteral("docker pull nginx"));
    fixture.run(QStringLiteral("docker create --name box busybox"));
    QCOMPARE(names(fixture.chart.litSteps()),
             names({RunStep::Start, RunStep::CheckOptions, RunStep::ParseReference,
                    RunStep::LookupLocal, RunStep::CreateContainer, RunStep::Done}));
    QVERIFY(fixture.chart.layerProgress().empty());
    QCOMPARE(fixture.chart.stepItem(RunStep::Start)->detail(),
             QStringLiteral("docker create busybox"));
}

void TestRunFlowChart::windowShowsTheFlowchartBesideTheDiagram() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.playback().setPaused(true);
    auto* tabs = window.findChild<QTabWidget*>();
    QVERIFY(tabs);
    QVERIFY(tabs->indexOf(&window.flowChart()) >= 0);
    QVERIFY(!window.flowChart().accessibleName().isEmpty());
    window.console().runLine(QStringLiteral("docker pull alpine"));
    QCOMPARE(window.flowChart().activeStep(), std::optional(RunStep::PullLayers));
    window.playback().advance(std::chrono::seconds(2));
    QCOMPARE(window.flowChart().activeStep(), std::optional(RunStep::Done));
    window.showFlowChart(true);
    QCOMPARE(tabs->currentWidget(), &window.flowChart());
    // File offers the flowchart's export beside the diagram's.
    QStringList actions;
    for (QAction* menu : window.menuBar()->actions())
        if (menu->menu())
            for (QAction* action : menu->menu()->actions())
                actions << action->text().remove(u'&');
    QVERIFY2(actions.contains(QStringLiteral("Export flowchart…")), qPrintable(actions.join(u',')));
}

void TestRunFlowChart::exportsPngAndSvg() {
    ChartFixture fixture;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString png = dir.filePath(QStringLiteral("run-flow.png"));
    const QString svg = dir.filePath(QStringLiteral("run-flow.svg"));
    QVERIFY(fixture.chart.exportTo(png).has_value());
    QVERIFY(fixture.chart.exportTo(svg).has_value());
    QCOMPARE(QImage(png).size(), (fixture.chart.sceneRect().size() * 2).toSize());
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.startsWith("<?xml"));
    // Every step's name is in the picture (long names wrap, so word by word).
    for (RunStep step : allRunSteps())
        if (step != RunStep::Start) // the start shows the command instead of its name
            for (const QString& word : text(stepName(step)).split(u' '))
                QVERIFY2(content.contains(word.toUtf8()), qPrintable(word));
    QVERIFY(
        !fixture.chart.exportTo(dir.filePath(QStringLiteral("missing/folder/x.png"))).has_value());
}

// Hovered, a step says which part of Docker does it; the legend names every part's colour.
void TestRunFlowChart::eachStepNamesWhoDoesIt() {
    ChartFixture fixture;
    const auto says = [&](RunStep step) { return fixture.chart.stepItem(step)->toolTip(); };
    QCOMPARE(says(RunStep::CheckOptions), QStringLiteral("check options — docker CLI"));
    QCOMPARE(says(RunStep::LookupLocal), QStringLiteral("look up image locally — daemon"));
    QCOMPARE(says(RunStep::PullLayers), QStringLiteral("pull layers — daemon + registry"));
    QCOMPARE(says(RunStep::StartContainer), QStringLiteral("start container — daemon + runtime"));
    QCOMPARE(says(RunStep::WaitForExit), QStringLiteral("wait for exit — docker CLI"));
    QCOMPARE(says(RunStep::Done), QStringLiteral("done"));
    QStringList words;
    for (QGraphicsItem* item : fixture.chart.scene()->items())
        if (auto* text = dynamic_cast<QGraphicsSimpleTextItem*>(item))
            words << text->text();
    for (const char* part : {"docker CLI", "daemon", "registry", "runtime"})
        QVERIFY2(words.contains(QLatin1String(part)), part);
}

QTEST_MAIN(TestRunFlowChart)
#include "tst_run_flow_chart.moc"
