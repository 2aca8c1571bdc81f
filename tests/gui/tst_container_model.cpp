// The container table's model: Qt's model checker watches it through a whole lifecycle, and its
// columns say what `docker ps` says (expected words from tests/golden/reference-01-*).
#include "GuiFixture.h"
#include "gui/panels/ContainerTableModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace lab;

class TestContainerModel : public QObject {
    Q_OBJECT
private slots:
    void followsTheBasicLifecycle_data();
    void followsTheBasicLifecycle();
    void listsNewestFirst();
    void survivesRemovalAndManyContainers();
};

void TestContainerModel::followsTheBasicLifecycle_data() {
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QVariant>("exitCode");

    const QString create = QStringLiteral("docker create --name tomcattest busybox sleep 1000");
    QTest::newRow("created") << QStringList{create} << "Created" << QVariant();
    QTest::newRow("started") << QStringList{create, "docker start tomcattest"}
                             << "Up Less than a second" << QVariant();
    QTest::newRow("paused") << QStringList{create, "docker start tomcattest",
                                           "docker pause tomcattest"}
                            << "Up Less than a second (Paused)" << QVariant();
    QTest::newRow("unpaused") << QStringList{create, "docker start tomcattest",
                                             "docker pause tomcattest", "docker unpause tomcattest"}
                              << "Up Less than a second" << QVariant();
    QTest::newRow("stopped after the timeout")
        << QStringList{create, "docker start tomcattest", "docker stop -t 1 tomcattest"}
        << "Exited (137) Less than a second ago" << QVariant(137);
}

void TestContainerModel::followsTheBasicLifecycle() {
    QFETCH(QStringList, lines);
    QFETCH(QString, status);
    QFETCH(QVariant, exitCode);
    test::GuiFixture fixture;
    ContainerTableModel model(fixture.timeline);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (const QString& line : lines)
        QCOMPARE(fixture.runShown(line).status, 0);
    model.refreshTimes();
    QCOMPARE(model.rowCount(), 1);
    auto cell = [&](int column) { return model.data(model.index(0, column)); };
    QCOMPARE(cell(ContainerTableModel::Name).toString(), QStringLiteral("tomcattest"));
    QCOMPARE(cell(ContainerTableModel::Image).toString(), QStringLiteral("busybox"));
    QCOMPARE(cell(ContainerTableModel::CommandColumn).toString(), QStringLiteral("\"sleep 1000\""));
    QCOMPARE(cell(ContainerTableModel::Status).toString(), status);
    QCOMPARE(cell(ContainerTableModel::ExitCode), exitCode);
    const QString id = fixture.idOf(QStringLiteral("tomcattest"));
    QCOMPARE(cell(ContainerTableModel::Id).toString(), id.left(12));
    QCOMPARE(model.containerId(0), id);
}

void TestContainerModel::listsNewestFirst() {
    test::GuiFixture fixture;
    ContainerTableModel model(fixture.timeline);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (const char* name : {"first", "second", "third"})
        QCOMPARE(
            fixture.runShown(QStringLiteral("docker create --name %1 busybox").arg(name)).status,
            0);
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.data(model.index(row, ContainerTableModel::Name)).toString();
    QCOMPARE(names, (QStringList{"third", "second", "first"}));
}

void TestContainerModel::survivesRemovalAndManyContainers() {
    test::GuiFixture fixture;
    // A model made after containers exist lists them too.
    QCOMPARE(
        fixture.runShown(QStringLiteral("docker run -d --name early busybox sleep 300")).status, 0);
    ContainerTableModel model(fixture.timeline);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(
            fixture.runShown(QStringLiteral("docker run -d --name c%1 busybox sleep 300").arg(i))
                .status,
            0);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(fixture.runShown(QStringLiteral("docker rm -f c2 early")).status, 0);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.rowOf(fixture.idOf(QStringLiteral("c3"))), 1);
    QCOMPARE(
        fixture.runShown(QStringLiteral("docker run --rm --name brief busybox echo hi")).status, 0);
    QCOMPARE(model.rowCount(), 4); // --rm: created, ran and removed within the command
}

QTEST_MAIN(TestContainerModel)
#include "tst_container_model.moc"
