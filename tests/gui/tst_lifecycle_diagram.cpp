// The lifecycle diagram is the transition table drawn: one edge per distinct pair of places a
// row moves a container between, each labelled with its rows' events and Docker events; and it
// follows the selected container as commands move it.
#include "GuiFixture.h"
#include "cli/DockerCli.h"
#include "gui/diagram/DiagramLayout.h"
#include "gui/diagram/DiagramToken.h"
#include "gui/diagram/LifecycleDiagram.h"
#include "gui/panels/RefusalReasons.h"

#include <QtTest>
#include <set>
#include <utility>

using namespace lab;

namespace {

QString text(std::string_view words) {
    return QString::fromUtf8(words.data(), qsizetype(words.size()));
}

const EdgeItem* edgeBetween(const LifecycleDiagram& diagram, LifecycleState source,
                            LifecycleState target) {
    for (const EdgeItem* edge : diagram.edges())
        if (edge->edge().source == source && edge->edge().target == target)
            return edge;
    return nullptr;
}

} // namespace

Q_DECLARE_METATYPE(lab::LifecycleState)
Q_DECLARE_METATYPE(lab::Refusal)

class TestLifecycleDiagram : public QObject {
    Q_OBJECT
private slots:
    void oneEdgePerMovingPairOfTheTable();
    void everyMovingRowIsOnItsEdgeLabel();
    void wireframeEdges_data();
    void wireframeEdges();
    void followsTheSelectedContainer_data();
    void followsTheSelectedContainer();
    void countsContainersPerState();
    void tokenTravelsAlongTheTakenEdge();
    void oneTokenPerContainerEachItsColour();
    void stopShowsSignalsCountdownAndExitCode();
    void refusedCommandFlashesItsEdgesAndSaysWhy_data();
    void refusedCommandFlashesItsEdgesAndSaysWhy();
    void everyRefusalHasAPlainReason();
    void exportsPngAndSvg();
};

void TestLifecycleDiagram::oneEdgePerMovingPairOfTheTable() {
    test::GuiFixture fixture;
    LifecycleDiagram diagram(fixture.timeline);
    std::set<std::pair<LifecycleState, LifecycleState>> moving;
    for (const TableRow& row : LifecycleMachine::table())
        if (row.source != row.target)
            moving.emplace(row.source, row.target);
    std::set<std::pair<LifecycleState, LifecycleState>> drawn;
    for (const EdgeItem* edge : diagram.edges())
        QVERIFY2(drawn.emplace(edge->edge().source, edge->edge().target).second,
                 "two edges for one pair");
    QCOMPARE(drawn, moving);
    QVERIFY(diagram.edges().size() >= 10); // the seven states are well connected
}

void TestLifecycleDiagram::everyMovingRowIsOnItsEdgeLabel() {
    test::GuiFixture fixture;
    LifecycleDiagram diagram(fixture.timeline);
    for (const TableRow& row : LifecycleMachine::table()) {
        if (row.source == row.target)
            continue;
        const EdgeItem* edge = edgeBetween(diagram, row.source, row.target);
        QVERIFY(edge);
        const QString event = text(triggerName(row.trigger));
        QVERIFY2((row.isCommand() ? edge->edge().commands : edge->edge().outcomes).contains(event),
                 qPrintable(event));
        for (DockerAction action : row.publishes)
            QVERIFY2(edge->edge().events.contains(text(actionName(action))), qPrintable(event));
    }
}

void TestLifecycleDiagram::wireframeEdges_data() {
    // The edges of the lifecycle and docs/DOCKER-BEHAVIOUR.md: what triggers them and the
    // Docker event the learner sees in `docker events`.
    QTest::addColumn<LifecycleState>("source");
    QTest::addColumn<LifecycleState>("target");
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<QString>("event");
    QTest::newRow("create") << LifecycleState::Start << LifecycleState::Created << "create"
                            << "create";
    QTest::newRow("pause") << LifecycleState::Running << LifecycleState::Paused << "frozen"
                           << "pause";
    QTest::newRow("unpause") << LifecycleState::Paused << LifecycleState::Running << "thawed"
                             << "unpause";
    QTest::newRow("rm a created container")
        << LifecycleState::Created << LifecycleState::Removing << "rm"
        << "";
    QTest::newRow("rm -f a restarting container")
        << LifecycleState::Restarting << LifecycleState::Removing << "rm -f"
        << "";
    QTest::newRow("stop a restarting container")
        << LifecycleState::Restarting << LifecycleState::Exited << "stop"
        << "";
    QTest::newRow("exit after stop")
        << LifecycleState::Running << LifecycleState::Exited << "process exited"
        << "die";
    QTest::newRow("removal done") << LifecycleState::Removing << LifecycleState::Removed
                                  << "removal done"
                                  << "destroy";
    QTest::newRow("removal fails")
        << LifecycleState::Removing << LifecycleState::Dead << "removal failed"
        << "";
    QTest::newRow("rm a dead container") << LifecycleState::Dead << LifecycleState::Removing << "rm"
                                         << "";
}

void TestLifecycleDiagram::wireframeEdges() {
    QFETCH(LifecycleState, source);
    QFETCH(LifecycleState, target);
    QFETCH(QString, trigger);
    QFETCH(QString, event);
    test::GuiFixture fixture;
    LifecycleDiagram diagram(fixture.timeline);
    const EdgeItem* edge = edgeBetween(diagram, source, target);
    QVERIFY(edge);
    QVERIFY((edge->edge().commands + edge->edge().outcomes).contains(trigger));
    if (!event.isEmpty())
        QVERIFY(edge->edge().events.contains(event));
}

void TestLifecycleDiagram::followsTheSelectedContainer_data() {
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<LifecycleState>("active");
    QTest::addColumn<LifecycleState>("takenFrom");

    const QString run = QStringLiteral("docker run -d --name web busybox sleep 300");
    QTest::newRow("run") << QStringList{run} << LifecycleState::Running << LifecycleState::Created;
    QTest::newRow("create") << QStringList{"docker create --name web busybox sleep 300"}
                            << LifecycleState::Created << LifecycleState::Start;
    QTest::newRow("pause") << QStringList{run, "docker pause web"} << LifecycleState::Paused
                           << LifecycleState::Running;
    QTest::newRow("unpause") << QStringList{run, "docker pause web", "docker unpause web"}
                             << LifecycleState::Running << LifecycleState::Paused;
    QTest::newRow("stop") << QStringList{run, "docker stop web"} << LifecycleState::Exited
                          << LifecycleState::Running;
    QTest::newRow("start again") << QStringList{run, "docker kill web", "docker start web"}
                                 << LifecycleState::Running << LifecycleState::Exited;
}

void TestLifecycleDiagram::followsTheSelectedContainer() {
    QFETCH(QStringList, lines);
    QFETCH(LifecycleState, active);
    QFETCH(LifecycleState, takenFrom);
    test::GuiFixture fixture;
    LifecycleDiagram diagram(fixture.timeline);
    QCOMPARE(diagram.activeNode(), std::nullopt);
    QCOMPARE(fixture.run(lines.front()).status, 0);
    diagram.setSelectedContainer(fixture.idOf(QStringLiteral("web")));
    for (const QString& line : lines.mid(1))
        QCOMPARE(fixture.run(line).status, 0);
    fixture.timeline.showAll();
    QCOMPARE(diagram.activeNode(), std::optional(active));
    QVERIFY(diagram.nodeItem(active)->isActive());
    QVERIFY(diagram.takenEdge());
    QCOMPARE(diagram.takenEdge()->edge().source, takenFrom);
    QCOMPARE(diagram.takenEdge()->edge().target, active);
}

void TestLifecycleDiagram::countsContainersPerState() {
    test::GuiFixture fixture;
    LifecycleDiagram diagram(fixture.timeline);
    for (const char* line :
         {"docker create --name one busybox", "docker run -d --name two busybox sleep 300",
          "docker run -d --name three busybox sleep 300", "docker pause three",
          "docker run --name four busybox true"})
        QCOMPARE(fixture.run(QString::fromUtf8(line)).status, 0);
    fixture.timeline.showAll();
    QCOMPARE(diagram.nodeItem(LifecycleState::Created)->count(), 1);
    QCOMPARE(diagram.nodeItem(LifecycleState::Running)->count(), 1);
    QCOMPARE(diagram.nodeItem(LifecycleState::Paused)->count(), 1);
    QCOMPARE(diagram.nodeItem(LifecycleState::Exited)->count(), 1);
    QCOMPARE(diagram.nodeItem(LifecycleState::Removed)->count(), 0);
    QCOMPARE(fixture.run(QStringLiteral("docker rm -f one two three four")).status, 0);
    fixture.timeline.showAll();
    for (LifecycleState node : {LifecycleState::Created, LifecycleState::Running,
                                LifecycleState::Paused, LifecycleState::Exited})
        QCOMPARE(diagram.nodeItem(node)->count(), 0);
}

// Near a place: on its outline or the row of tokens along its bottom.
static bool restsOn(const TokenItem* token, LifecycleState node) {
    return nodeRect(node).adjusted(-4, -4, 4, 20).contains(token->pos());
}

void TestLifecycleDiagram::tokenTravelsAlongTheTakenEdge() {
    test::GuiFixture fixture;
    LifecycleDiagram diagram(fixture.timeline);
    QCOMPARE(fixture.run(QStringLiteral("docker create --name web busybox sleep 300")).status, 0);
    const QString id = fixture.idOf(QStringLiteral("web"));
    diagram.setSelectedContainer(id);
    fixture.timeline.showAll();
    TokenItem* token = diagram.token(id);
    QVERIFY(token);
    token->arrive();
    QVERIFY(restsOn(token, LifecycleState::Created));
    QCOMPARE(fixture.run(QStringLiteral("docker start web")).status, 0);
    fixture.timeline.showAll();
    QCOMPARE(diagram.activeNode(), std::optional(LifecycleState::Running));
    // The token sets out along created -> running and gets there as its journey's time passes.
    QVERIFY(token->isTravelling());
    token->journey().setCurrentTime(token->journey().duration() / 2);
    QVERIFY(!restsOn(token, LifecycleState::Created));
    QVERIFY(!restsOn(token, LifecycleState::Running));
    QVERIFY(diagram.takenEdge()->shape().contains(token->pos()));
    token->journey().setCurrentTime(token->journey().duration());
    QVERIFY(!token->isTravelling());
    QVERIFY(restsOn(token, LifecycleState::Running));
}

void TestLifecycleDiagram::oneTokenPerContainerEachItsColour() {
    test::GuiFixture fixture;
    LifecycleDiagram diagram(fixture.timeline);
    QStringList ids;
    for (const QString name : {"one", "two", "three"}) {
        QCOMPARE(fixture.run("docker run -d --name " + name + " busybox sleep 300").status, 0);
        ids << fixture.idOf(name);
    }
    fixture.timeline.showAll();
    QCOMPARE(diagram.nodeItem(LifecycleState::Running)->count(), 3);
    std::set<QPointF, bool (*)(const QPointF&, const QPointF&)> rests(
        [](const QPointF& a, const QPointF& b) {
            return std::pair(a.x(), a.y()) < std::pair(b.x(), b.y());
        });
    for (const QString& id : ids) {
        diagram.token(id)->arrive();
        QVERIFY(restsOn(diagram.token(id), LifecycleState::Running));
        rests.insert(diagram.token(id)->pos());
    }
    QCOMPARE(rests.size(), std::size_t(3)); // side by side, not on top of each other
    QCOMPARE(fixture.run(QStringLiteral("docker rm -f one two three")).status, 0);
    fixture.timeline.showAll();
    for (const QString& id : ids)
        diagram.token(id)->arrive(); // each reaches "removed" and is gone
    for (const QString& id : ids)
        QCOMPARE(diagram.token(id), nullptr);
}

void TestLifecycleDiagram::stopShowsSignalsCountdownAndExitCode() {
    test::GuiFixture fixture;
    LifecycleDiagram diagram(fixture.timeline);
    QCOMPARE(fixture.run(QStringLiteral("docker run -d --name web busybox sleep 300")).status, 0);
    diagram.setSelectedContainer(fixture.idOf(QStringLiteral("web")));
    fixture.timeline.showAll();
    const TimePoint stopped = fixture.session.engine().clock().now();
    // The console's stop returns once the container exited: ten engine seconds later.
    QCOMPARE(fixture.run(QStringLiteral("docker stop web")).status, 0);
    QVERIFY(fixture.timeline.waiting() > 0);
    fixture.timeline.showUntil(stopped);
    QCOMPARE(diagram.activeNode(), std::optional(LifecycleState::Running));
    QVERIFY2(diagram.caption().contains(QStringLiteral("signal 15 (SIGTERM) sent to PID 1")),
             qPrintable(diagram.caption()));
    QVERIFY2(diagram.caption().contains(QStringLiteral("SIGKILL in 10.0 s")),
             qPrintable(diagram.caption()));
    fixture.timeline.showUntil(stopped + std::chrono::milliseconds(6500));
    QVERIFY2(diagram.caption().contains(QStringLiteral("SIGKILL in 3.5 s")),
             qPrintable(diagram.caption()));
    QCOMPARE(diagram.activeNode(), std::optional(LifecycleState::Running));
    fixture.timeline.showNext(); // the table's stop-timeout row: the countdown is over
    QVERIFY2(diagram.caption().contains(QStringLiteral("web: stop timed out")),
             qPrintable(diagram.caption()));
    QVERIFY(!diagram.caption().contains(QStringLiteral("SIGKILL in")));
    fixture.timeline.showNext();
    QVERIFY2(diagram.caption().contains(QStringLiteral("signal 9 (SIGKILL) sent to PID 1")),
             qPrintable(diagram.caption()));
    QVERIFY(!diagram.caption().contains(QStringLiteral("SIGKILL in")));
    fixture.timeline.showAll();
    QCOMPARE(diagram.activeNode(), std::optional(LifecycleState::Exited));
    QVERIFY2(diagram.caption().contains(QStringLiteral("exited with code 137")),
             qPrintable(diagram.caption()));
}

void TestLifecycleDiagram::refusedCommandFlashesItsEdgesAndSaysWhy_data() {
    QTest::addColumn<QString>("command");
    QTest::addColumn<Refusal>("refusal");
    QTest::addColumn<LifecycleState>("from"); // an edge the command takes where it is legal
    QTest::addColumn<LifecycleState>("to");
    QTest::newRow("unpause a running container")
        << "unpause" << Refusal::NotPaused << LifecycleState::Paused << LifecycleState::Running;
    QTest::newRow("rm a running container")
        << "rm" << Refusal::RemoveRunning << LifecycleState::Exited << LifecycleState::Removing;
}

void TestLifecycleDiagram::refusedCommandFlashesItsEdgesAndSaysWhy() {
    QFETCH(QString, command);
    QFETCH(Refusal, refusal);
    QFETCH(LifecycleState, from);
    QFETCH(LifecycleState, to);
    test::GuiFixture fixture;
    LifecycleDiagram diagram(fixture.timeline);
    QCOMPARE(fixture.run(QStringLiteral("docker run -d --name web busybox sleep 300")).status, 0);
    const QString id = fixture.idOf(QStringLiteral("web"));
    fixture.timeline.showAll();
    QVERIFY(diagram.refusal().isEmpty());
    const CliOutput refused = fixture.run("docker " + command + " web");
    QCOMPARE(refused.status, 1);
    fixture.timeline.showAll();
    // Docker's own words, as the console printed them, and why.
    const QString words =
        QString::fromStdString(cli::fromDaemon(refusalText(refusal, id.toStdString(), "web")));
    QCOMPARE(refused.err, std::vector{words.toStdString()});
    QVERIFY2(diagram.refusal().contains(words), qPrintable(diagram.refusal()));
    QVERIFY(diagram.refusal().contains(refusalReason(refusal)));
    bool flashed = false;
    for (int edge : diagram.refusedEdges()) {
        const EdgeItem* item = diagram.edges()[std::size_t(edge)];
        QVERIFY(item->flash() > 0);
        flashed = flashed || (item->edge().source == from && item->edge().target == to);
    }
    QVERIFY(flashed);
    // The container did not move; the next command clears the refusal.
    QCOMPARE(diagram.nodeItem(LifecycleState::Running)->count(), 1);
    QCOMPARE(fixture.run(QStringLiteral("docker pause web")).status, 0);
    fixture.timeline.showAll();
    QVERIFY(diagram.refusal().isEmpty());
    QVERIFY(diagram.refusedEdges().empty());
}

void TestLifecycleDiagram::everyRefusalHasAPlainReason() {
    QSet<QString> reasons;
    for (Refusal refusal : kRefusals) {
        QVERIFY2(!refusalReason(refusal).isEmpty(), refusalName(refusal).data());
        reasons.insert(refusalReason(refusal));
    }
    QCOMPARE(qsizetype(reasons.size()), qsizetype(kRefusals.size())); // no copy-paste
}

void TestLifecycleDiagram::exportsPngAndSvg() {
    test::GuiFixture fixture;
    LifecycleDiagram diagram(fixture.timeline);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString png = dir.filePath(QStringLiteral("lifecycle.png"));
    const QString svg = dir.filePath(QStringLiteral("lifecycle.svg"));
    QVERIFY(diagram.exportTo(png).has_value());
    QVERIFY(diagram.exportTo(svg).has_value());
    const QImage image(png);
    QCOMPARE(image.size(), (diagram.sceneRect().size() * 2).toSize());
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.startsWith("<?xml"));
    // Every Docker state's name is in the picture.
    for (ContainerState state : kContainerStates)
        QVERIFY2(text.contains(
                     QByteArray(dockerName(state).data(), qsizetype(dockerName(state).size()))),
                 dockerName(state).data());
    QVERIFY(!diagram.exportTo(dir.filePath(QStringLiteral("missing/folder/x.png"))).has_value());
}

QTEST_MAIN(TestLifecycleDiagram)
#include "tst_lifecycle_diagram.moc"
