// The kernel operations of the real backend in the window: each filed under the step that did
// it, shown when that step is shown, with short paths and the full line on hover. First with a
// trace the test writes (as the backend would, after each reaction), then with the real backend.
#include "GuiFixture.h"
#include "gui/panels/ConsolePanel.h"
#include "gui/panels/ContainerTable.h"
#include "gui/panels/ExplanationPanel.h"
#include "gui/panels/KernelLine.h"
#include "gui/window/MainWindow.h"
#include "gui/window/Playback.h"
#include "session/EngineSession.h"

#include <QHelpEvent>
#include <QTemporaryDir>
#include <QTextCursor>
#include <QToolTip>
#include <QtTest>
#include <algorithm>
#include <functional>
#include <map>

using namespace lab;

class TestKernelOperations : public QObject {
    Q_OBJECT
private slots:
    void eachStepKeepsTheOperationsThatFollowedIt();
    void theExplanationListsThemShortWithTheWholeLineOnHover();
    void realBackendOperationsAreGroupedPerStep();
};

namespace {

// Where the plain text of the panel says text, or -1.
qsizetype place(const ExplanationPanel& panel, const QString& text) {
    return panel.toPlainText().indexOf(text);
}

// The tooltip the panel shows over the first place it writes text.
QString toolTipOver(ExplanationPanel& panel, const QString& text) {
    const QTextCursor found = panel.document()->find(text);
    if (found.isNull())
        return {};
    const QPoint at = panel.cursorRect(found).center() - QPoint(4, 0); // on its last character
    QHelpEvent hover(QEvent::ToolTip, at, panel.viewport()->mapToGlobal(at));
    QCoreApplication::sendEvent(panel.viewport(), &hover);
    return QToolTip::isVisible() ? QToolTip::text() : QString();
}

} // namespace

void TestKernelOperations::eachStepKeepsTheOperationsThatFollowedIt() {
    test::GuiFixture fixture;
    std::map<std::string, std::vector<std::string>> trace; // what the "backend" did, per ID
    fixture.timeline.setKernelTrace([&](const std::string& id) { return trace[id]; });
    ExplanationPanel panel(fixture.timeline);

    fixture.run(QStringLiteral("docker create --name web busybox sleep 300"));
    const std::string id = fixture.idOf(QStringLiteral("web")).toStdString();
    const std::string rootfs = "mkdir /var/lab/containers/" + id + "/rootfs";
    const std::string cgroup = "mkdir /sys/fs/cgroup/pids/lifecycle-lab/" + id;
    trace[id] = {rootfs, cgroup}; // create's effects, after its reaction
    fixture.run(QStringLiteral("docker start web"));
    const std::string clone = "clone3(CLONE_NEWPID) = 4242";
    trace[id].push_back(clone); // the start's

    // Nothing shown yet: the panel lists no operation.
    panel.setSelectedContainer(QString::fromStdString(id));
    QVERIFY(!panel.toPlainText().contains(QStringLiteral("mkdir")));
    // The create step comes with the two operations that followed it, and only those.
    QVERIFY(fixture.timeline.showNext());
    const std::vector<EngineStep>& steps = fixture.timeline.steps();
    QCOMPARE(steps.front().reaction.to, LifecycleState::Created);
    QCOMPARE(steps.front().kernelOps, (std::vector<std::string>{rootfs, cgroup}));
    const QString shortId = QString::fromStdString(id.substr(0, 12));
    QVERIFY2(place(panel, QStringLiteral("mkdir …/containers/%1/rootfs").arg(shortId)) >= 0,
             qPrintable(panel.toPlainText()));
    QVERIFY(!panel.toPlainText().contains(QStringLiteral("clone3")));

    // The rest of the steps: the clone goes under the container's latest one, and an operation
    // that comes after that step is shown joins it there.
    fixture.timeline.showAll();
    const std::string execve = "child: execve(sleep) as PID 1";
    trace[id].push_back(execve);
    fixture.timeline.showAll();
    QCOMPARE(steps.back().containerId.toStdString(), id);
    QCOMPARE(steps.back().kernelOps, (std::vector<std::string>{clone, execve}));
    for (std::size_t i = 1; i + 1 < steps.size(); ++i)
        QVERIFY(steps[i].kernelOps.empty());
    // In the panel the latest step's operations sit under its explanation, on top; each
    // earlier step's under its headline in the list of steps, in order.
    const std::deque<Explanation>& explained = panel.steps();
    QCOMPARE(explained.size(), steps.size());
    const qsizetype latest = place(panel, explained.back().headline);
    const qsizetype cloned = place(panel, QString::fromStdString(clone));
    const qsizetype executed = place(panel, QString::fromStdString(execve));
    const qsizetype list = place(panel, QStringLiteral("The steps so far"));
    QVERIFY2(latest >= 0 && latest < cloned && cloned < executed && executed < list,
             qPrintable(panel.toPlainText()));
    const qsizetype created = place(panel, explained.front().headline);
    const qsizetype mkdir =
        place(panel, QStringLiteral("mkdir cgroup:/pids/lifecycle-lab/%1").arg(shortId));
    const qsizetype second = place(panel, explained[1].headline);
    QVERIFY2(list < created && created < mkdir && mkdir < second, qPrintable(panel.toPlainText()));
    QCOMPARE(panel.toPlainText().count(QString::fromStdString(clone)), 1);
}

void TestKernelOperations::theExplanationListsThemShortWithTheWholeLineOnHover() {
    const QString id = QStringLiteral("3f2a1b4c5d6e") + QString(52, u'7');
    const QString rootfs = QStringLiteral("/run/lifecycle-lab/containers/%1/rootfs").arg(id);
    const QString image = QStringLiteral("/run/lifecycle-lab/images/rootfs/") + QString(64, u'd');
    const QString overlay = QStringLiteral("mount(overlay, %1, \"overlay\", lowerdir=%2,volatile)");
    QCOMPARE(shortKernelLine(overlay.arg(rootfs, image)),
             overlay.arg(QStringLiteral("…/containers/3f2a1b4c5d6e/rootfs"),
                         QStringLiteral("…/images/rootfs/dddddddddddd")));
    const QString procs = QStringLiteral("write %1/memory/lifecycle-lab/%2/cgroup.procs <- 0");
    QCOMPARE(shortKernelLine(procs.arg(QStringLiteral("/sys/fs/cgroup"), id)),
             procs.arg(QStringLiteral("cgroup:"), QStringLiteral("3f2a1b4c5d6e")));
    QCOMPARE(shortKernelLine(QStringLiteral("clone3(CLONE_INTO_CGROUP, cgroup=/sys/fs/cgroup/"
                                            "lifecycle-lab/%1) = 42")
                                 .arg(id)),
             QStringLiteral("clone3(CLONE_INTO_CGROUP, cgroup=cgroup:/lifecycle-lab/3f2a1b4c5d6e)"
                            " = 42"));
    // What is short already stays as it is.
    for (const QString& line : {QStringLiteral("child: masked /proc/keys (bind /dev/null over it)"),
                                QStringLiteral("pidfd_send_signal(4242, SIGTERM)")})
        QCOMPARE(shortKernelLine(line), line);

    // In the window, the short line is written and the whole one is its tooltip.
    test::GuiFixture fixture;
    std::vector<std::string> trace;
    fixture.timeline.setKernelTrace([&](const std::string&) { return trace; });
    ExplanationPanel panel(fixture.timeline);
    panel.resize(600, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    fixture.runShown(QStringLiteral("docker create --name web busybox sleep 300"));
    const QString full = overlay.arg(rootfs, image);
    trace.push_back(full.toStdString());
    fixture.timeline.showAll();
    const QString shown = shortKernelLine(full);
    QVERIFY2(place(panel, shown) >= 0, qPrintable(panel.toPlainText()));
    QVERIFY(!panel.toPlainText().contains(id));
    QCOMPARE(toolTipOver(panel, shown), full);
}

void TestKernelOperations::realBackendOperationsAreGroupedPerStep() {
    QTemporaryDir state(QDir::tempPath() + QStringLiteral("/lifecycle-lab-kernel-XXXXXX"));
    auto opened = openSession(SessionSpec{BackendKind::Real, 1, state.path().toStdString()},
                              test::defaultWorld());
    if (!opened)
        QSKIP(qPrintable(QStringLiteral("the real backend cannot run here: ") +
                         QString::fromStdString(opened.error().message)));
    MainWindow window(**opened);
    window.console().runLine(QStringLiteral("docker run -d --name traced busybox sleep 300"));
    const Container* traced = *window.engine().find("traced");
    const QString id = QString::fromStdString(traced->id);
    window.console().runLine(QStringLiteral("docker pause traced"));
    window.console().runLine(QStringLiteral("docker unpause traced"));
    window.containerTable().selectContainer(id);
    // The kernel's news about the child's own set-up comes through the event loop.
    QTRY_VERIFY_WITH_TIMEOUT(window.explanation().toPlainText().contains(QStringLiteral("execve")),
                             5000);

    // Each step's operations are the ones its reaction caused: the create step made the root
    // filesystem's directories, the pause step froze the cgroup, the unpause step thawed it.
    const auto opsOf = [&](const std::function<bool(const Reaction&)>& which) {
        QString ops;
        for (const EngineStep& step : window.playback().timeline().steps())
            if (step.containerId == id && which(step.reaction))
                for (const std::string& op : step.kernelOps)
                    ops += QString::fromStdString(op) + u'\n';
        return ops;
    };
    const auto does = [](EffectKind kind) {
        return [kind](const Reaction& reaction) {
            return std::any_of(reaction.effects.begin(), reaction.effects.end(),
                               [kind](const Effect& effect) { return effect.kind == kind; });
        };
    };
    const QString created = opsOf([](const Reaction& reaction) {
        return reaction.from == LifecycleState::Start && reaction.to == LifecycleState::Created;
    });
    const QString paused = opsOf(does(EffectKind::Freeze));
    const QString unpaused = opsOf(does(EffectKind::Thaw));
    QVERIFY2(created.contains(state.path() + QStringLiteral("/containers/") + id + "/rootfs"),
             qPrintable(created));
    QVERIFY2(!created.contains(QStringLiteral("freeze")), qPrintable(created));
    QVERIFY2(paused.contains(QStringLiteral("freeze")), qPrintable(paused));
    QVERIFY2(unpaused.contains(QStringLiteral("freeze")), qPrintable(unpaused));
    QVERIFY2(!unpaused.contains(QStringLiteral("mkdir")), qPrintable(unpaused));

    // The panel writes them short: no full ID, no state directory; whole on hover.
    ExplanationPanel& panel = window.explanation();
    const QString page = panel.toPlainText();
    QVERIFY2(!page.contains(id) && !page.contains(state.path()), qPrintable(page));
    const QString shortRootfs = QStringLiteral("mkdir …/containers/%1/rootfs").arg(id.left(12));
    QVERIFY2(page.contains(shortRootfs), qPrintable(page));
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(toolTipOver(panel, shortRootfs),
             QStringLiteral("mkdir %1/containers/%2/rootfs").arg(state.path(), id));
    window.console().runLine(QStringLiteral("docker rm -f traced"));
}

QTEST_MAIN(TestKernelOperations)
#include "tst_kernel_operations.moc"
