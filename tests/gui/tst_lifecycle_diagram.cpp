// The lifecycle diagram is the transition table drawn: one edge per distinct pair of places a
// row moves a container between, each labelled with its rows' events and Docker events; and it
// follows the selected container as commands move it.
#include "GuiFixture.h"
#include "gui/LifecycleDiagram.h"

#include <QtTest>
#include <set>
#include <utility>

using namespace lab;

namespace {

QString text(std::string_view words) {
    return QString::fromUtf8(words.data(), qsizetype(words.size()));
}

const EdgeItem* edgeBetween(const LifecycleDiagram& diagram, LifeNode source, LifeNode target) {
    for (const EdgeItem* edge : diagram.edges())
        if (edge->edge().source == source && edge->edge().target == target)
            return edge;
    return nullptr;
}

} // namespace

Q_DECLARE_METATYPE(lab::LifeNode)

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
    void exportsPngAndSvg();
};

void TestLifecycleDiagram::oneEdgePerMovingPairOfTheTable() {
    test::GuiFixture fixture;
    LifecycleDiagram diagram(fixture.engineSignals);
    std::set<std::pair<LifeNode, LifeNode>> moving;
    for (const TableRow& row : LifecycleMachine::table())
        if (row.source != row.target)
            moving.emplace(row.source, row.target);
    std::set<std::pair<LifeNode, LifeNode>> drawn;
    for (const EdgeItem* edge : diagram.edges())
        QVERIFY2(drawn.emplace(edge->edge().source, edge->edge().target).second,
                 "two edges for one pair");
    QCOMPARE(drawn, moving);
    QVERIFY(diagram.edges().size() >= 10); // the seven states are well connected
}

void TestLifecycleDiagram::everyMovingRowIsOnItsEdgeLabel() {
    test::GuiFixture fixture;
    LifecycleDiagram diagram(fixture.engineSignals);
    for (const TableRow& row : LifecycleMachine::table()) {
        if (row.source == row.target)
            continue;
        const EdgeItem* edge = edgeBetween(diagram, row.source, row.target);
        QVERIFY(edge);
        const QString event = QString::fromStdString(row.event);
        QVERIFY2((row.isCommand ? edge->edge().commands : edge->edge().outcomes).contains(event),
                 qPrintable(event));
        for (DockerAction action : row.publishes)
            QVERIFY2(edge->edge().events.contains(text(actionName(action))), qPrintable(event));
    }
}

void TestLifecycleDiagram::wireframeEdges_data() {
    // The edges of shared/design/lifecycle-layout and the reference: what triggers them and the
    // Docker event the learner sees in `docker events`.
    QTest::addColumn<LifeNode>("source");
    QTest::addColumn<LifeNode>("target");
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<QString>("event");
    QTest::newRow("create") << LifeNode::Start << LifeNode::Created << "create"
                            << "create";
    QTest::newRow("pause") << LifeNode::Running << LifeNode::Paused << "frozen"
                           << "pause";
    QTest::newRow("unpause") << LifeNode::Paused << LifeNode::Running << "thawed"
                             << "unpause";
    QTest::newRow("rm a created container") << LifeNode::Created << LifeNode::Removing << "rm"
                                            << "";
    QTest::newRow("rm -f a restarting container")
        << LifeNode::Restarting << LifeNode::Removing << "rm -f"
        << "";
    QTest::newRow("stop a restarting container")
        << LifeNode::Restarting << LifeNode::Exited << "stop"
        << "";
    QTest::newRow("exit after stop") << LifeNode::Running << LifeNode::Exited << "process exited"
                                     << "die";
    QTest::newRow("removal done") << LifeNode::Removing << LifeNode::Removed << "removal done"
                                  << "destroy";
    QTest::newRow("removal fails") << LifeNode::Removing << LifeNode::Dead << "removal failed"
                                   << "";
    QTest::newRow("rm a dead container") << LifeNode::Dead << LifeNode::Removing << "rm"
                                         << "";
}

void TestLifecycleDiagram::wireframeEdges() {
    QFETCH(LifeNode, source);
    QFETCH(LifeNode, target);
    QFETCH(QString, trigger);
    QFETCH(QString, event);
    test::GuiFixture fixture;
    LifecycleDiagram diagram(fixture.engineSignals);
    const EdgeItem* edge = edgeBetween(diagram, source, target);
    QVERIFY(edge);
    QVERIFY((edge->edge().commands + edge->edge().outcomes).contains(trigger));
    if (!event.isEmpty())
        QVERIFY(edge->edge().events.contains(event));
}

void TestLifecycleDiagram::followsTheSelectedContainer_data() {
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<LifeNode>("active");
    QTest::addColumn<LifeNode>("takenFrom");

    const QString run = QStringLiteral("docker run -d --name web busybox sleep 300");
    QTest::newRow("run") << QStringList{run} << LifeNode::Running << LifeNode::Created;
    QTest::newRow("create") << QStringList{"docker create --name web busybox sleep 300"}
                            << LifeNode::Created << LifeNode::Start;
    QTest::newRow("pause") << QStringList{run, "docker pause web"} << LifeNode::Paused
                           << LifeNode::Running;
    QTest::newRow("unpause") << QStringList{run, "docker pause web", "docker unpause web"}
                             << LifeNode::Running << LifeNode::Paused;
    QTest::newRow("stop") << QStringList{run, "docker stop web"} << LifeNode::Exited
                          << LifeNode::Running;
    QTest::newRow("start again") << QStringList{run, "docker kill web", "docker start web"}
                                 << LifeNode::Running << LifeNode::Exited;
}

void TestLifecycleDiagram::followsTheSelectedContainer() {
    QFETCH(QStringList, lines);
    QFETCH(LifeNode, active);
    QFETCH(LifeNode, takenFrom);
    test::GuiFixture fixture;
    LifecycleDiagram diagram(fixture.engineSignals);
    QCOMPARE(diagram.activeNode(), std::nullopt);
    QCOMPARE(fixture.run(lines.front()).status, 0);
    diagram.setSelectedContainer(fixture.idOf(QStringLiteral("web")));
    for (const QString& line : lines.mid(1))
        QCOMPARE(fixture.run(line).status, 0);
    QCOMPARE(diagram.activeNode(), std::optional(active));
    QVERIFY(diagram.nodeItem(active)->isActive());
    QVERIFY(diagram.takenEdge());
    QCOMPARE(diagram.takenEdge()->edge().source, takenFrom);
    QCOMPARE(diagram.takenEdge()->edge().target, active);
}

void TestLifecycleDiagram::countsContainersPerState() {
    test::GuiFixture fixture;
    LifecycleDiagram diagram(fixture.engineSignals);
    for (const char* line :
         {"docker create --name one busybox", "docker run -d --name two busybox sleep 300",
          "docker run -d --name three busybox sleep 300", "docker pause three",
          "docker run --name four busybox true"})
        QCOMPARE(fixture.run(QString::fromUtf8(line)).status, 0);
    QCOMPARE(diagram.nodeItem(LifeNode::Created)->count(), 1);
    QCOMPARE(diagram.nodeItem(LifeNode::Running)->count(), 1);
    QCOMPARE(diagram.nodeItem(LifeNode::Paused)->count(), 1);
    QCOMPARE(diagram.nodeItem(LifeNode::Exited)->count(), 1);
    QCOMPARE(diagram.nodeItem(LifeNode::Removed)->count(), 0);
    QCOMPARE(fixture.run(QStringLiteral("docker rm -f one two three four")).status, 0);
    for (LifeNode node : {LifeNode::Created, LifeNode::Running, LifeNode::Paused, LifeNode::Exited})
        QCOMPARE(diagram.nodeItem(node)->count(), 0);
}

void TestLifecycleDiagram::exportsPngAndSvg() {
    test::GuiFixture fixture;
    LifecycleDiagram diagram(fixture.engineSignals);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString png = dir.filePath(QStringLiteral("lifecycle.png"));
    const QString svg = dir.filePath(QStringLiteral("lifecycle.svg"));
    QVERIFY(diagram.exportTo(png).ok());
    QVERIFY(diagram.exportTo(svg).ok());
    const QImage image(png);
    QCOMPARE(image.size(), (diagram.sceneRect().size() * 2).toSize());
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.startsWith("<?xml"));
    // Every Docker state's name is in the picture.
    for (ContainerState state : allContainerStates())
        QVERIFY2(text.contains(
                     QByteArray(dockerName(state).data(), qsizetype(dockerName(state).size()))),
                 dockerName(state).data());
    QVERIFY(!diagram.exportTo(dir.filePath(QStringLiteral("missing/folder/x.png"))).ok());
}

QTEST_MAIN(TestLifecycleDiagram)
#include "tst_lifecycle_diagram.moc"
