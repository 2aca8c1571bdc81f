// The resources dock plots what the container's cgroups say: on the real backend a busy
// container's CPU line climbs while it runs and goes flat while it is paused, its memory stays
// while paused and goes back once it has stopped. On the simulation the chart says why it has
// nothing. The real half needs root and skips with the backend's own reason otherwise.
#include "GuiFixture.h"
#include "gui/panels/ResourceChart.h"
#include "session/EngineSession.h"

#include <QLineSeries>
#include <QTemporaryDir>
#include <QtTest>

using namespace lab;

namespace {

double lastY(const QLineSeries& series) {
    return series.count() == 0 ? -1 : series.at(series.count() - 1).y();
}

} // namespace

class TestResourceChart : public QObject {
    Q_OBJECT
private slots:
    void theSimulationSaysWhyItHasNoFigures();
    void aPausedContainersCpuGoesFlatItsMemoryStays();
};

void TestResourceChart::theSimulationSaysWhyItHasNoFigures() {
    test::GuiFixture fixture;
    QVERIFY(fixture.run(QStringLiteral("docker run -d --name web busybox sleep 300")).status == 0);
    EngineSession& session = fixture.session;
    ResourceChart chart([&session](const std::string& id) { return session.resources(id); });
    chart.setSelectedContainer(fixture.idOf(QStringLiteral("web")));
    QVERIFY2(chart.unavailableReason().contains(QStringLiteral("real backend")),
             qPrintable(chart.unavailableReason()));
    QCOMPARE(chart.cpuSeries().count(), 0);
    QCOMPARE(chart.chart()->title(), chart.unavailableReason());
}

void TestResourceChart::aPausedContainersCpuGoesFlatItsMemoryStays() {
    QTemporaryDir state(QDir::tempPath() + QStringLiteral("/lifecycle-lab-chart-XXXXXX"));
    auto opened = openSession(SessionSpec{BackendKind::Real, 1, state.path().toStdString()},
                              test::defaultWorld());
    if (!opened)
        QSKIP(qPrintable(QStringLiteral("the real backend cannot run here: ") +
                         QString::fromStdString(opened.error().message)));
    EngineSession& session = **opened;
    // A shell that holds 20 MB in a variable, says so, and then spins.
    const CliOutput started = session.run(
        {"run", "-d", "--name", "busy", "busybox", "sh", "-c",
         "x=$(yes aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | head -c 20000000); echo ready; "
         "while :; do :; done"});
    QCOMPARE(started.status, 0);
    const std::string id = (*session.engine().find("busy"))->id;
    ResourceChart chart(
        [&session](const std::string& container) { return session.resources(container); });
    const auto ready = [&] { return !session.run({"logs", "busy"}).out.empty(); };
    QTRY_VERIFY_WITH_TIMEOUT(ready(), 20000);
    chart.setSelectedContainer(QString::fromStdString(id));
    QVERIFY2(chart.unavailableReason().isEmpty(), qPrintable(chart.unavailableReason()));

    // Running: the CPU line climbs (by a tenth of a core at least, even on a busy machine).
    const double cpuAtStart = lastY(chart.cpuSeries());
    QTest::qWait(400);
    chart.sample();
    QVERIFY2(lastY(chart.cpuSeries()) - cpuAtStart > 0.03,
             qPrintable(QString::number(lastY(chart.cpuSeries()) - cpuAtStart)));
    const double memoryRunning = lastY(chart.memorySeries());
    QVERIFY2(memoryRunning > 19, qPrintable(QString::number(memoryRunning)));

    // Paused: flat CPU, the same memory.
    QCOMPARE(session.run({"pause", "busy"}).status, 0);
    chart.sample();
    const double cpuFrozen = lastY(chart.cpuSeries());
    QTest::qWait(400);
    chart.sample();
    QVERIFY2(lastY(chart.cpuSeries()) - cpuFrozen < 0.005,
             qPrintable(QString::number(lastY(chart.cpuSeries()) - cpuFrozen)));
    QVERIFY(lastY(chart.memorySeries()) > 0.9 * memoryRunning);

    // Stopped: the memory is given back.
    QCOMPARE(session.run({"unpause", "busy"}).status, 0);
    QCOMPARE(session.run({"stop", "-t", "0", "busy"}).status, 0);
    chart.sample();
    QVERIFY2(lastY(chart.memorySeries()) < 1,
             qPrintable(QString::number(lastY(chart.memorySeries()))));
    QCOMPARE(session.run({"rm", "busy"}).status, 0);
}

QTEST_MAIN(TestResourceChart)
#include "tst_resource_chart.moc"
