// The architecture view (issue 14): a console command travels as the Engine API requests the
// docker CLI would send, in order and with Docker's statuses, the failing one red; the view
// follows the playback, step back included.
#include "GuiFixture.h"
#include "gui/architecture/ArchitectureView.h"
#include "gui/panels/ConsolePanel.h"
#include "gui/window/MainWindow.h"
#include "gui/window/Playback.h"

#include <QtTest>

using namespace lab;

class TestArchitectureView : public QObject {
    Q_OBJECT
private slots:
    void runOfAMissingImagePullsThenCreatesAgain();
    void refusedPullTurnsItsHopRed();
    void hopsWaitForThePlaybackAndStepBackRewinds();
    void partsNameTheLabsPieces();
    void lifecycleCommandsTravelAsTheirRequests();
};

namespace {

QStringList labels(const std::vector<ApiHop>& hops) {
    QStringList words;
    for (const ApiHop& hop : hops)
        words << hop.label();
    return words;
}

} // namespace

void TestArchitectureView::runOfAMissingImagePullsThenCreatesAgain() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.console().runLine(QStringLiteral("docker run alpine"));
    window.playback().advance(std::chrono::minutes(1)); // the pull, the run, the exit
    const std::vector<ApiHop> hops = window.architecture().shownHops();
    QCOMPARE(
        labels(hops),
        QStringList({"POST /containers/create → 404", "POST /images/create → 200",
                     "POST /containers/create → 201", "POST /containers/{id}/attach → 101",
                     "POST /containers/{id}/wait → 200", "POST /containers/{id}/start → 204"}));
    QVERIFY(hops[0].failed());
    QVERIFY(
        std::none_of(hops.begin() + 1, hops.end(), [](const ApiHop& hop) { return hop.failed(); }));
    QVERIFY(!hops[0].fromSocket);
    // The start went down to the runtime and the kernel, the pull out to the registry.
    QVERIFY(window.architecture().arrowLit(ArchPart::Kernel));
    QVERIFY(!window.architecture().arrowLit(ArchPart::Registry));
    QVERIFY(!window.architecture().arrowRed(ArchPart::Daemon));
    const std::vector<ArchPart> pullRoute = hops[1].route();
    QVERIFY(std::find(pullRoute.begin(), pullRoute.end(), ArchPart::Registry) != pullRoute.end());
}

void TestArchitectureView::refusedPullTurnsItsHopRed() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.console().runLine(QStringLiteral("docker run nosuchimage"));
    window.playback().advance(std::chrono::minutes(1));
    const std::vector<ApiHop> hops = window.architecture().shownHops();
    QCOMPARE(labels(hops),
             QStringList({"POST /containers/create → 404", "POST /images/create → 404"}));
    // The way of the failed pull is red, and it never reached the registry.
    QVERIFY(window.architecture().arrowRed(ArchPart::Socket));
    QVERIFY(window.architecture().arrowRed(ArchPart::Daemon));
    QVERIFY(!window.architecture().arrowLit(ArchPart::Registry));
}

void TestArchitectureView::hopsWaitForThePlaybackAndStepBackRewinds() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.playback().setPaused(true);
    window.console().runLine(QStringLiteral("docker run alpine"));
    // Paused: the requests answered at the command's start show, the rest wait for the pull.
    const std::size_t early = window.architecture().shownHops().size();
    QVERIFY(early < 6);
    window.playback().setPaused(false);
    window.playback().advance(std::chrono::minutes(1));
    QCOMPARE(window.architecture().shownHops().size(), std::size_t(6));
    const QStringList all = labels(window.architecture().shownHops());
    // Back step by step (the exit, the start, the create): the requests go back with them.
    QStringList rewound = all;
    for (int step = 0;
         step < 10 && rewound.size() == all.size() && window.playback().whyNoStepBack().isEmpty();
         ++step) {
        window.playback().stepBack();
        rewound = labels(window.architecture().shownHops());
    }
    QVERIFY2(rewound.size() < all.size(), qPrintable(rewound.join(", ")));
    QCOMPARE(rewound, all.mid(0, rewound.size())); // the same requests, fewer of them
}

void TestArchitectureView::partsNameTheLabsPieces() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    ArchitectureView& view = window.architecture();
    // Docker's parts, each on its own place, the daemon's runtime and kernel under it.
    QVERIFY(view.partRect(ArchPart::Client).right() < view.partRect(ArchPart::Socket).left());
    QVERIFY(view.partRect(ArchPart::Socket).right() < view.partRect(ArchPart::Daemon).left());
    QVERIFY(view.partRect(ArchPart::Daemon).bottom() < view.partRect(ArchPart::Runtime).top());
    QVERIFY(view.partRect(ArchPart::Runtime).bottom() < view.partRect(ArchPart::Kernel).top());
    QVERIFY(!view.arrowLit(ArchPart::Socket)); // nothing sent yet
}

// Every console command on a container is its request: a refused pause answers 409 (red), a
// stop of a stopped container 304, an rm is a DELETE.
void TestArchitectureView::lifecycleCommandsTravelAsTheirRequests() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.console().runLine(QStringLiteral("docker create --name web busybox sleep 300"));
    const std::size_t created = window.architecture().shownHops().size();
    for (const char* line : {"docker pause web", "docker start web", "docker stop -t 1 web",
                             "docker stop web", "docker rm web"})
        window.console().runLine(QString::fromLatin1(line));
    window.playback().advance(std::chrono::minutes(1));
    const std::vector<ApiHop> hops = window.architecture().shownHops();
    QCOMPARE(labels({hops.begin() + std::ptrdiff_t(created), hops.end()}),
             QStringList({"POST /containers/{id}/pause → 409", "POST /containers/{id}/start → 204",
                          "POST /containers/{id}/stop → 204", "POST /containers/{id}/stop → 304",
                          "DELETE /containers/{id} → 204"}));
    QVERIFY(hops[created].failed());
    const std::vector<ArchPart> startRoute = hops[created + 1].route();
    QVERIFY(std::find(startRoute.begin(), startRoute.end(), ArchPart::Kernel) != startRoute.end());
}

QTEST_MAIN(TestArchitectureView)
#include "tst_architecture_view.moc"
