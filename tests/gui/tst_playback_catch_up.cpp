// The engine runs ahead of the picture: the tool bar says by how much ("engine +4 steps /
// +10.0 s") and Catch up jumps every pane to the engine's state. A lesson holds the playback
// before the next step (the engine and the console's commands run on, the answer waits) and
// releases it once the learner has predicted.
#include "PaceFixture.h"
#include "gui/diagram/LifecycleDiagram.h"
#include "gui/window/PlaybackBar.h"

#include <QAction>
#include <QLabel>
#include <QtTest>

using namespace lab;
using namespace std::chrono_literals;

namespace {

QString clockText(MainWindow& window) {
    for (QLabel* label : window.playbackBar().findChildren<QLabel*>())
        if (label->accessibleName() == QStringLiteral("Engine clock"))
            return label->text();
    return {};
}

} // namespace

class TestPlaybackCatchUp : public QObject {
    Q_OBJECT
private slots:
    void toolBarSaysHowFarTheEngineIsAhead();
    void catchUpJumpsEveryPaneToTheEngine();
    void heldPlaybackKeepsTheAnswerUntilReleased();
};

void TestPlaybackCatchUp::toolBarSaysHowFarTheEngineIsAhead() {
    test::StoppedAtSlowSpeed fixture;
    Playback& playback = fixture.window.playback();
    // Shown: the stop's SIGTERM; waiting: the timeout, SIGKILL, the exit, ten engine seconds on.
    const Playback::Lead lead = playback.engineLead();
    QCOMPARE(lead.steps, playback.timeline().waiting());
    QVERIFY(lead.steps >= 2);
    QCOMPARE(lead.time, fixture.window.engine().clock().now() - playback.timeline().shownTime());
    QVERIFY(lead.time >= 10s && lead.time < 11s);
    double seconds = std::chrono::duration<double>(lead.time).count();
    QVERIFY2(clockText(fixture.window).contains(QStringLiteral(" / +%1 s").arg(seconds, 0, 'f', 1)),
             qPrintable(clockText(fixture.window)));
    QVERIFY2(clockText(fixture.window).contains(QStringLiteral("engine +%1 step").arg(lead.steps)),
             qPrintable(clockText(fixture.window)));
    playback.advance(40s); // four engine seconds
    seconds -= 4;
    QVERIFY(std::chrono::abs(playback.engineLead().time - (lead.time - 4s)) < 1ms);
    QVERIFY2(clockText(fixture.window).contains(QStringLiteral(" / +%1 s").arg(seconds, 0, 'f', 1)),
             qPrintable(clockText(fixture.window)));
}

void TestPlaybackCatchUp::catchUpJumpsEveryPaneToTheEngine() {
    test::StoppedAtSlowSpeed fixture;
    MainWindow& window = fixture.window;
    window.playback().advance(30s);
    QVERIFY2(!fixture.panes().saysExited137(), qPrintable(test::describe(fixture.panes())));
    QAction* catchUp = window.playbackBar().catchUpAction();
    QVERIFY(catchUp->isEnabled());
    catchUp->trigger();
    QCOMPARE(window.playback().timeline().waiting(), std::size_t(0));
    QCOMPARE(window.playback().timeline().shownTime(), window.engine().clock().now());
    QVERIFY2(fixture.panes().allSayExited137(), qPrintable(test::describe(fixture.panes())));
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Exited));
    // Nothing is left to catch up with, and the action says so.
    QVERIFY(!catchUp->isEnabled());
    QVERIFY2(catchUp->toolTip().contains(QStringLiteral("Nothing to catch up")),
             qPrintable(catchUp->toolTip()));
    QVERIFY(!clockText(window).contains(QStringLiteral("engine +")));
}

void TestPlaybackCatchUp::heldPlaybackKeepsTheAnswerUntilReleased() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    Playback& playback = window.playback();
    window.console().runLine(QStringLiteral("docker run -d --name web busybox sleep 300"));
    const std::size_t before = playback.timeline().shownCount();
    playback.hold();
    QSignalSpy released(&playback, &Playback::heldChanged);
    window.console().runLine(QStringLiteral("docker stop web"));
    // The question is on the screen, the answer is not: the engine ran, the window holds.
    QVERIFY(window.console().transcript().endsWith(QStringLiteral("docker> docker stop web")));
    playback.advance(30s);
    QCOMPARE(playback.timeline().shownCount(), before);
    QVERIFY2(!test::panesOf(window, QStringLiteral("web")).saysExited137(),
             qPrintable(test::describe(test::panesOf(window, QStringLiteral("web")))));
    QVERIFY(!playback.whyNoStep().isEmpty());
    QVERIFY(!playback.whyNoJump().isEmpty());
    playback.step();
    playback.jumpToEngine();
    QCOMPARE(playback.timeline().shownCount(), before);
    QVERIFY(clockText(window).contains(QStringLiteral("held")));
    // Released, the stop plays out at the chosen speed: ten engine seconds to the exit.
    playback.release();
    QCOMPARE(released.count(), 1);
    QVERIFY(playback.timeline().shownCount() > before);
    QVERIFY(!test::panesOf(window, QStringLiteral("web")).saysExited137());
    playback.advance(11s);
    const test::Panes after = test::panesOf(window, QStringLiteral("web"));
    QVERIFY2(after.allSayExited137(), qPrintable(test::describe(after)));
}

QTEST_MAIN(TestPlaybackCatchUp)
#include "tst_playback_catch_up.moc"
