// The app on either backend: the mode in use is always on show (title and status bar), the
// backend menu rebuilds the session, and on the real backend Qt's event loop lets the kernel's
// news in (an exit noticed with no command running), while playback's speed and pause, which
// mean nothing on the wall clock, are disabled and say why, as are Step, Step back and Reset (real
// time cannot be rewound); the diagram shows each step as it comes. The real half needs root; it
// skips with the backend's own reason otherwise.
#include "GuiFixture.h"
#include "gui/diagram/LifecycleDiagram.h"
#include "gui/panels/ConsolePanel.h"
#include "gui/panels/ContainerTable.h"
#include "gui/window/MainWindow.h"
#include "gui/window/Playback.h"
#include "gui/window/PlaybackBar.h"
#include "gui/window/WindowHost.h"

#include <QActionGroup>
#include <QComboBox>
#include <QLabel>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <sys/wait.h>

using namespace lab;

namespace {

BackendKind checkedBackend(const MainWindow& window) {
    for (QAction* action : window.backendActions().actions())
        if (action->isChecked())
            return BackendKind(action->data().toInt());
    return BackendKind(-1);
}

QAction* backendAction(const MainWindow& window, BackendKind backend) {
    for (QAction* action : window.backendActions().actions())
        if (BackendKind(action->data().toInt()) == backend)
            return action;
    return nullptr;
}

bool hasChildProcess() {
    siginfo_t info{};
    return ::waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) == 0;
}

} // namespace

class TestBackendSwitch : public QObject {
    Q_OBJECT
private slots:
    void simulationIsShownAsSuch();
    void switchingToRealAndBack();
    void aBackendThatCannotOpenLeavesTheWindowAsItWas();
    void aRealStopLeavesTheWindowLive();
};

void TestBackendSwitch::simulationIsShownAsSuch() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    QVERIFY(window.windowTitle().endsWith(QStringLiteral("simulation")));
    QCOMPARE(window.modeLabel().text(), QStringLiteral("Backend: simulation"));
    QCOMPARE(checkedBackend(window), BackendKind::Simulated);
    QVERIFY(!window.playback().followsWallClock());
}

void TestBackendSwitch::switchingToRealAndBack() {
    QTemporaryDir state(QDir::tempPath() + QStringLiteral("/lifecycle-lab-gui-XXXXXX"));
    WindowHost host(test::defaultWorld(), EngineChoice{BackendKind::Simulated, state.path()});
    QVERIFY(host.open(BackendKind::Simulated).has_value());
    host.window().show();
    QSignalSpy asked(&host.window(), &MainWindow::backendRequested);
    backendAction(host.window(), BackendKind::Real)->trigger();
    QCOMPARE(asked.count(), 1);

    // What the menu does, once its window's event handling is over.
    host.switchTo(BackendKind::Real);
    if (host.window().modeLabel().text() != QStringLiteral("Backend: real (root)")) {
        auto* box = host.window().findChild<QMessageBox*>();
        QSKIP(qPrintable(QStringLiteral("the real backend cannot run here: ") +
                         (box ? box->text() : QStringLiteral("(no reason shown)"))));
    }
    MainWindow& real = host.window();
    QVERIFY(real.isVisible());
    QVERIFY(real.windowTitle().endsWith(QStringLiteral("real (root)")));
    QCOMPARE(checkedBackend(real), BackendKind::Real);
    QVERIFY(real.playback().followsWallClock());
    auto* bar = real.findChild<PlaybackBar*>();
    QVERIFY(!bar->pauseAction()->isEnabled());
    QVERIFY(!bar->speedBox()->isEnabled());
    QVERIFY(bar->speedBox()->toolTip().contains(QStringLiteral("wall clock")));
    // Real time cannot be rewound, and steps come when the kernel says: no step buttons.
    for (QAction* step : {bar->stepAction(), bar->stepBackAction(), bar->resetAction()}) {
        QVERIFY(!step->isEnabled());
        QVERIFY2(step->toolTip().contains(QStringLiteral("wall clock")),
                 qPrintable(step->toolTip()));
    }

    // The run returns once the process started; its exit comes later, from the kernel, and only
    // the event loop (no command running) can let it in.
    real.console().runLine(
        QStringLiteral("docker run -d --name quick busybox sh -c 'sleep 0.1; exit 3'"));
    QVERIFY2(
        real.console().transcript().contains(QRegularExpression(QStringLiteral("[0-9a-f]{64}"))),
        qPrintable(real.console().transcript()));
    Container* quick = *real.engine().find("quick");
    QTRY_COMPARE_WITH_TIMEOUT(quick->state(), ContainerState::Exited, 5000);
    QCOMPARE(quick->record.exitCode, 3);
    // The diagram shows every step as it comes, at no speed factor: the exit is already there.
    real.containerTable().selectContainer(QString::fromStdString(quick->id));
    QCOMPARE(real.playback().timeline().waiting(), std::size_t(0));
    QCOMPARE(real.diagram().activeNode(), std::optional(LifecycleState::Exited));
    // The console dock shows the kernel's side of each command, as console --trace does.
    QVERIFY2(real.console().transcript().contains(QStringLiteral("[kernel]")),
             qPrintable(real.console().transcript()));

    host.switchTo(BackendKind::Simulated);
    QCOMPARE(host.window().modeLabel().text(), QStringLiteral("Backend: simulation"));
    QVERIFY(host.window().isVisible());
    QVERIFY(!hasChildProcess()); // the real session took its containers with it
}

void TestBackendSwitch::aBackendThatCannotOpenLeavesTheWindowAsItWas() {
    // Nothing can be made under /proc: the real backend refuses with the reason.
    WindowHost host(test::defaultWorld(),
                    EngineChoice{BackendKind::Simulated, QStringLiteral("/proc/lifecycle-lab")});
    QVERIFY(host.open(BackendKind::Simulated).has_value());
    MainWindow* before = &host.window();
    backendAction(*before, BackendKind::Real)->setChecked(true); // as a click leaves it
    host.switchTo(BackendKind::Real);
    QCOMPARE(&host.window(), before);
    QCOMPARE(host.window().modeLabel().text(), QStringLiteral("Backend: simulation"));
    QCOMPARE(checkedBackend(host.window()), BackendKind::Simulated);
    auto* box = host.window().findChild<QMessageBox*>();
    QVERIFY(box);
    QVERIFY2(box->text().startsWith(QStringLiteral("the real backend cannot open: ")),
             qPrintable(box->text()));
}

void TestBackendSwitch::aRealStopLeavesTheWindowLive() {
    QTemporaryDir state(QDir::tempPath() + QStringLiteral("/lifecycle-lab-gui-XXXXXX"));
    WindowHost host(test::defaultWorld(), EngineChoice{BackendKind::Real, state.path()});
    if (const Status opened = host.open(BackendKind::Real); !opened)
        QSKIP(qPrintable(QStringLiteral("the real backend cannot run here: ") +
                         QString::fromStdString(opened.error().message)));
    MainWindow& real = host.window();
    real.show();
    // sleep as PID 1 ignores SIGTERM: stop waits out its timeout, then SIGKILL.
    real.console().runLine(QStringLiteral("docker run -d --name stubborn busybox sleep 1000"));
    Container* stubborn = *real.engine().find("stubborn");
    real.containerTable().selectContainer(QString::fromStdString(stubborn->id));

    // What the window shows half-way through the timeout, from its own event loop.
    bool ticked = false;
    ContainerState stateThen{};
    QString captionThen;
    std::vector<std::string> eventsThen; // the daemon's events by then: "action signal"
    QTimer::singleShot(std::chrono::milliseconds(500), &real, [&] {
        ticked = true;
        stateThen = stubborn->state();
        captionThen = real.diagram().caption();
        for (const DockerEvent& event : real.engine().events())
            if (event.actorId == stubborn->id)
                eventsThen.push_back(event.action + " " +
                                     (event.attributes.count("signal")
                                          ? event.attributes.at("signal")
                                          : std::string()));
    });
    const auto started = std::chrono::steady_clock::now();
    real.console().runLine(QStringLiteral("docker stop -t 2 stubborn"));
    QVERIFY(std::chrono::steady_clock::now() - started >= std::chrono::seconds(2));
    QVERIFY2(ticked, "the event loop stood still while stop waited");
    QCOMPARE(stateThen, ContainerState::Running);
    QCOMPARE(eventsThen.back(), std::string("kill 15")); // SIGTERM sent, no exit yet
    // The diagram shows the step, its countdown running.
    QVERIFY2(captionThen.contains(QStringLiteral("signalled")) &&
                 captionThen.contains(QStringLiteral("SIGKILL in")),
             qPrintable(captionThen));
    // The command's output once it returned, and the exit it waited for.
    QVERIFY2(real.console().transcript().contains(QStringLiteral("stop -t 2 stubborn\nstubborn\n")),
             qPrintable(real.console().transcript()));
    QCOMPARE(stubborn->state(), ContainerState::Exited);
    QCOMPARE(stubborn->record.exitCode, 137);
    QCOMPARE(real.diagram().activeNode(), std::optional(LifecycleState::Exited));
}

QTEST_MAIN(TestBackendSwitch)
#include "tst_backend_switch.moc"
