// One test table, two backends: the master table tst_lifecycle_table holds the lifecycle machine
// to (MasterTable.h), here on real processes through the engine and the docker CLI. Each row's
// container is driven to its state as a learner would, the command is typed, and Docker's answer
// (refused with its words, 304, or accepted), the state it ends in and the events it publishes
// must be the table's. The process is a shell that, like a service, exits on SIGTERM (143) and
// SIGHUP (129), as the table's model process dies of them. Needs root; skips otherwise.
#include "../statemachine/MasterTable.h"
#include "RealFixture.h"

#include <QtTest>

using lab::test::RealFixture;
using namespace lab;
using namespace lab::test;

namespace {

// It says "ready" once its traps are set: a signal before that would find PID 1 without a handler.
const std::string kService =
    "sh -c 'trap \"exit 143\" TERM; trap \"exit 129\" HUP; echo ready; sleep 1000 & wait'";

// Restarting lasts a back-off and removing only the inside of a call: on real processes neither
// holds still for a command to be typed at it. The other variants need a --stop-signal or a
// handler the table's model has and this service has not.
QString whyNotReal(const Case& row) {
    if (row.command == Command::Create)
        return QStringLiteral("create makes a new container: no row to check");
    if (row.state == ContainerState::Restarting || row.state == ContainerState::Removing)
        return QStringLiteral("a real container does not hold still in this state");
    if (row.setup != Setup::Plain)
        return QStringLiteral("a variant of the table's model process");
    if (row.waitBlocks)
        return QStringLiteral("docker wait would block until the container exits");
    if (row.command == Command::Exec && row.verdict == Verdict::Accepted)
        return QStringLiteral("the real backend does not exec yet");
    return {};
}

// The CLI line of a row's command, aimed at the container c1.
std::string commandLine(const Case& row) {
    switch (row.command) {
    case Command::Start:
        return "start c1";
    case Command::Stop:
        return "stop c1";
    case Command::Kill:
        return row.signal == 9 ? "kill c1" : "kill -s " + std::to_string(row.signal) + " c1";
    case Command::Pause:
        return "pause c1";
    case Command::Unpause:
        return "unpause c1";
    case Command::Restart:
        return "restart c1";
    case Command::Remove:
        return "rm c1";
    case Command::RemoveForce:
        return "rm -f c1";
    case Command::Wait:
        return "wait c1";
    case Command::Rename:
        return "rename c1 c2";
    case Command::Exec:
        return "exec c1 true";
    case Command::Top:
        return "top c1";
    case Command::Create:
        break;
    }
    return {};
}

// "kill 15, die 143, stop" as RealFixture::actionsSince writes it: "kill(15) die(143) stop".
QString asActions(const QString& events) {
    QStringList actions;
    for (const QString& event : events.split(QStringLiteral(", "), Qt::SkipEmptyParts)) {
        const QStringList words = event.split(u' ');
        actions << (words.size() == 2 ? words[0] + "(" + words[1] + ")" : event);
    }
    return actions.join(u' ');
}

// Drives c1 to state as a learner would; false if a step failed.
bool reach(RealFixture& lab, ContainerState state) {
    if (state == ContainerState::Created)
        return lab.docker("create --name c1 busybox " + kService).status == 0;
    if (lab.docker("run -d --name c1 busybox " + kService).status != 0)
        return false;
    const auto& logs = (*lab.engine->find("c1"))->logs;
    if (!lab.engine->runUntil([&] { return !logs.empty(); }, std::chrono::seconds(5)))
        return false;
    switch (state) {
    case ContainerState::Running:
        return true;
    case ContainerState::Paused:
        return lab.docker("pause c1").status == 0;
    case ContainerState::Exited:
        return lab.docker("kill c1").status == 0;
    case ContainerState::Dead:
        return lab.docker("kill c1").status == 0 &&
               lab.engine->injectFault(Fault::NextRemovalFails, nullptr).has_value() &&
               lab.docker("rm c1").status == 1;
    default:
        return false;
    }
}

} // namespace

class RealMasterTableTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyStateAndCommand_data();
    void everyStateAndCommand();

private:
    // One backend for every row (opening one makes the image and probes the kernel); each row
    // leaves nothing behind.
    std::unique_ptr<RealFixture> m_lab;
    QString m_whyNot;
};

void RealMasterTableTest::initTestCase() {
    m_lab = RealFixture::open(real::CgroupMode::Auto, m_whyNot);
}

void RealMasterTableTest::everyStateAndCommand_data() {
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < kCases.size(); ++i) {
        const Case& row = kCases[i];
        QString name = QStringLiteral("%1 + %2").arg(dockerName(row.state).data(),
                                                     QString::fromStdString(commandLine(row)));
        if (*row.variant)
            name += QStringLiteral(" (%1)").arg(row.variant);
        QTest::newRow(qPrintable(name)) << int(i);
    }
}

void RealMasterTableTest::everyStateAndCommand() {
    QFETCH(int, index);
    const Case& row = kCases[std::size_t(index)];
    if (const QString reason = whyNotReal(row); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    if (!m_lab)
        QSKIP(qPrintable("the real backend cannot run here: " + m_whyNot));
    RealFixture* lab = m_lab.get();
    QVERIFY(reach(*lab, row.state));
    const std::string id = lab->idOf("c1");
    QCOMPARE(lab->out("inspect -f {{.State.Status}} c1"), QString(dockerName(row.state).data()));

    const std::size_t mark = lab->engine->events().size();
    const CliOutput answer = lab->docker(commandLine(row));
    const QString err = RealFixture::join(answer.err);
    if (row.verdict == Verdict::Refused) {
        QCOMPARE(answer.status, 1);
        const QString message =
            QString(row.message).replace("NAME", "c1").replace("ID", QString::fromStdString(id));
        QVERIFY2(err.contains(message), qPrintable(err));
    } else {
        QVERIFY2(answer.status == 0, qPrintable(err));
    }
    // Events after the call returned (an exit a moment after a kill -s HUP) may still come.
    const QString expected = asActions(row.events);
    lab->engine->runUntil([&] { return lab->actionsSince(mark) == expected; },
                          std::chrono::seconds(3));
    QCOMPARE(lab->actionsSince(mark), expected);
    const std::string name =
        row.command == Command::Rename && row.verdict == Verdict::Accepted ? "c2" : "c1";
    if (row.final == LifecycleState::Removed)
        QCOMPARE(lab->out("ps -aq"), QString());
    else
        QCOMPARE(lab->out("inspect -f {{.State.Status}} " + name),
                 QString(dockerName(*dockerState(row.final)).data()));
    lab->docker("rm -f " + name);
    QCOMPARE(lab->leftovers(), QStringList());
}

QTEST_GUILESS_MAIN(RealMasterTableTest)
#include "tst_real_master_table.moc"
