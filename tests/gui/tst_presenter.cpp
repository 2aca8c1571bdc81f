// The window in a lecture hall (issue 12): it fits the screen it opens on and remembers its
// layout; the drawings zoom, pan and fit; presenter mode gives the screen to the picture, with
// names and labels large enough to read from the back of the room.
#include "GuiFixture.h"
#include "gui/Words.h"
#include "gui/diagram/DiagramItems.h"
#include "gui/diagram/DiagramPalette.h"
#include "gui/diagram/LifecycleDiagram.h"
#include "gui/panels/ConsolePanel.h"
#include "gui/panels/ContainerTable.h"
#include "gui/runflow/RunFlowChart.h"
#include "gui/window/DisplayModes.h"
#include "gui/window/MainWindow.h"
#include "gui/window/ViewZoom.h"
#include "gui/window/WindowPlacement.h"
#include "gui/window/ZoomActions.h"

#include <QAction>
#include <QDockWidget>
#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace lab;

class TestPresenter : public QObject {
    Q_OBJECT
private slots:
    void windowFitsTheScreen_data();
    void windowFitsTheScreen();
    void layoutIsRememberedBetweenRuns();
    void zoomChangesTheScaleAndFitFitsTheScene();
    void ctrlWheelZoomsAndDragPans();
    void flowChartZoomsToo();
    void presenterModeGivesTheScreenToThePicture_data();
    void presenterModeGivesTheScreenToThePicture();
    void f9CallsThePanelsUp();
};

namespace {

// The whole scene, as the view maps it into its viewport.
QRectF sceneOnScreen(const QGraphicsView& view) {
    return view.mapFromScene(view.sceneRect()).boundingRect();
}

} // namespace

void TestPresenter::windowFitsTheScreen_data() {
    QTest::addColumn<QSize>("screen");
    QTest::newRow("1280x800") << QSize(1280, 800);
    QTest::newRow("1024x768") << QSize(1024, 768);
}

void TestPresenter::windowFitsTheScreen() {
    QFETCH(QSize, screen);
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("lab.ini")), QSettings::IniFormat);
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    const QRect available(QPoint(0, 0), screen);
    placeWindow(window, settings, available);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(available.contains(window.frameGeometry()),
             qPrintable(QStringLiteral("%1x%2").arg(window.width()).arg(window.height())));
    // The console's input line is on the screen, whole.
    QLineEdit* input = window.console().input();
    QVERIFY(input->isVisible());
    const QRect inputOnScreen(input->mapToGlobal(QPoint(0, 0)), input->size());
    QVERIFY(QRect(window.mapToGlobal(QPoint(0, 0)), window.size()).contains(inputOnScreen));
    QVERIFY(input->height() >= input->minimumSizeHint().height());
    // A window remembered larger than this screen shrinks to it too.
    window.resize(1700, 1200);
    fitToScreen(window, available);
    QVERIFY(available.contains(window.frameGeometry()));
}

void TestPresenter::layoutIsRememberedBetweenRuns() {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("lab.ini"));
    const QRect screen(0, 0, 1920, 1080);
    {
        QSettings settings(file, QSettings::IniFormat);
        test::GuiFixture fixture;
        MainWindow window(fixture.session);
        placeWindow(window, settings, screen);
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QDockWidget*>(QStringLiteral("events"))->hide();
        rememberWindow(window, settings);
    }
    QSettings settings(file, QSettings::IniFormat);
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    placeWindow(window, settings, screen);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(1100, 700));
    QVERIFY(!window.findChild<QDockWidget*>(QStringLiteral("events"))->isVisible());
    QVERIFY(window.findChild<QDockWidget*>(QStringLiteral("console"))->isVisible());
}

void TestPresenter::zoomChangesTheScaleAndFitFitsTheScene() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    QVERIFY(test::shownAt(window, QSize(1280, 800)));
    LifecycleDiagram& diagram = window.diagram();
    ZoomActions& zoom = window.zoomActions();
    QCOMPARE(zoom.current(), &diagram.zoom());
    const qreal fitted = diagram.zoom().scale();
    zoom.zoomInAction()->trigger();
    QVERIFY(qFuzzyCompare(diagram.zoom().scale(), fitted * ViewZoom::kStep));
    QVERIFY(!diagram.zoom().isFitted());
    // A zoomed drawing keeps its scale when the window changes size.
    window.resize(1200, 760);
    QApplication::processEvents();
    QVERIFY(qFuzzyCompare(diagram.zoom().scale(), fitted * ViewZoom::kStep));
    zoom.zoomOutAction()->trigger();
    zoom.zoomOutAction()->trigger();
    QVERIFY(diagram.zoom().scale() < fitted);
    zoom.fitAction()->trigger();
    const QRectF shown = sceneOnScreen(diagram);
    const QRectF viewport = diagram.viewport()->rect();
    QVERIFY(viewport.adjusted(-1, -1, 1, 1).contains(shown));
    // As large as fits: the scene touches two opposite sides of the view.
    QVERIFY(shown.width() >= viewport.width() - 3 || shown.height() >= viewport.height() - 3);
    QVERIFY(diagram.zoom().isFitted());
    // The keys of the View menu.
    QTest::keyClick(&window, Qt::Key_Equal, Qt::ControlModifier);
    QVERIFY(diagram.zoom().scale() > shown.width() / diagram.sceneRect().width() * 1.2);
    QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(diagram.zoom().isFitted());
}

void TestPresenter::ctrlWheelZoomsAndDragPans() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    QVERIFY(test::shownAt(window, QSize(1280, 800)));
    LifecycleDiagram& diagram = window.diagram();
    const qreal fitted = diagram.zoom().scale();
    const QPointF middle = diagram.viewport()->rect().center();
    auto wheel = [&](Qt::KeyboardModifiers modifiers) {
        QWheelEvent event(middle, diagram.viewport()->mapToGlobal(middle), QPoint(), QPoint(0, 120),
                          Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
        QApplication::sendEvent(diagram.viewport(), &event);
    };
    wheel(Qt::NoModifier);
    QCOMPARE(diagram.zoom().scale(), fitted); // a plain wheel does not zoom
    for (int i = 0; i < 3; ++i)
        wheel(Qt::ControlModifier);
    QVERIFY(diagram.zoom().scale() > fitted * 1.9);
    // Dragging moves the picture: the view scrolls the other way.
    const QPointF before = diagram.mapToScene(diagram.viewport()->rect().center());
    auto mouse = [&](QEvent::Type type, QPointF at, Qt::MouseButtons buttons) {
        QMouseEvent event(type, at, diagram.viewport()->mapToGlobal(at), Qt::LeftButton, buttons,
                          Qt::NoModifier);
        QApplication::sendEvent(diagram.viewport(), &event);
    };
    mouse(QEvent::MouseButtonPress, middle, Qt::LeftButton);
    mouse(QEvent::MouseMove, middle + QPointF(60, 40), Qt::LeftButton);
    mouse(QEvent::MouseMove, middle + QPointF(120, 80), Qt::LeftButton);
    mouse(QEvent::MouseButtonRelease, middle + QPointF(120, 80), Qt::NoButton);
    const QPointF after = diagram.mapToScene(diagram.viewport()->rect().center());
    QVERIFY2(after.x() < before.x() - 20 && after.y() < before.y() - 10,
             qPrintable(QStringLiteral("%1,%2 -> %3,%4")
                            .arg(before.x())
                            .arg(before.y())
                            .arg(after.x())
                            .arg(after.y())));
}

void TestPresenter::flowChartZoomsToo() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    QVERIFY(test::shownAt(window, QSize(1280, 800)));
    window.showFlowChart(true);
    RunFlowChart& chart = window.flowChart();
    QCOMPARE(window.zoomActions().current(), &chart.zoom());
    const qreal fitted = chart.zoom().scale();
    const qreal diagramScale = window.diagram().zoom().scale();
    window.zoomActions().zoomInAction()->trigger();
    QVERIFY(qFuzzyCompare(chart.zoom().scale(), fitted * ViewZoom::kStep));
    QCOMPARE(window.diagram().zoom().scale(), diagramScale); // the other drawing stays
    window.zoomActions().fitAction()->trigger();
    QVERIFY(QRectF(chart.viewport()->rect()).adjusted(-1, -1, 1, 1).contains(sceneOnScreen(chart)));
}

void TestPresenter::presenterModeGivesTheScreenToThePicture_data() {
    QTest::addColumn<QSize>("screen");
    QTest::addColumn<qreal>("smallestName");  // pixels on the screen
    QTest::addColumn<qreal>("smallestLabel"); // pixels on the screen
    QTest::newRow("1920x1080") << QSize(1920, 1080) << 28.0 << 18.0;
    QTest::newRow("1024x768") << QSize(1024, 768) << 16.0 << 11.0;
}

void TestPresenter::presenterModeGivesTheScreenToThePicture() {
    QFETCH(QSize, screen);
    QFETCH(qreal, smallestName);
    QFETCH(qreal, smallestLabel);
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_F11);
    // What a projector's full screen shows, whatever the size of the offscreen screen.
    window.showNormal();
    window.resize(screen);
    QApplication::processEvents();
    const LifecycleDiagram& diagram = window.diagram();
    QVERIFY(diagram.width() >= screen.width() * 0.95);
    QVERIFY(diagram.height() >= screen.height() * 0.7);
    for (QDockWidget* dock : window.findChildren<QDockWidget*>())
        QVERIFY2(!dock->isVisible(), qPrintable(dock->objectName()));
    const qreal scale = diagram.zoom().scale();
    QVERIFY2(QFontInfo(nodeNameFont(false)).pixelSize() * scale >= smallestName,
             qPrintable(QString::number(QFontInfo(nodeNameFont(false)).pixelSize() * scale)));
    QVERIFY2(QFontInfo(edgeLabelFont(false)).pixelSize() * scale >= smallestLabel,
             qPrintable(QString::number(QFontInfo(edgeLabelFont(false)).pixelSize() * scale)));
    // The names still fit their places at the larger type.
    for (LifecycleState node : {LifecycleState::Restarting, LifecycleState::Removing})
        QVERIFY(QFontMetricsF(nodeNameFont(true)).horizontalAdvance(nodeLabel(node)) <
                diagram.nodeItem(node)->boundingRect().width());
    // Fitted to the screen: every label is whole in the view, none cut by its edge.
    const QRect shown = diagram.viewport()->rect();
    for (const EdgeItem* edge : diagram.edges()) {
        const QRect label = diagram.mapFromScene(edge->labelRect()).boundingRect();
        QVERIFY2(shown.contains(label), qPrintable(edge->toolTip()));
    }
    QTest::keyClick(&window, Qt::Key_F11);
    QCOMPARE(diagramStyle().textScale, 1.0);
}

void TestPresenter::f9CallsThePanelsUp() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    QVERIFY(test::shownAt(window, QSize(1280, 800)));
    auto* console = window.findChild<QDockWidget*>(QStringLiteral("console"));
    QAction* panels = window.displayModes().panelsAction();
    QVERIFY(!panels->isEnabled()); // only in presenter mode
    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(!console->isVisible());
    QVERIFY(!window.containerTable().isVisible());
    QTest::keyClick(&window, Qt::Key_F9);
    QVERIFY(console->isVisible());
    QVERIFY(window.containerTable().isVisible());
    QVERIFY(window.console().input()->isVisible());
    QTest::keyClick(&window, Qt::Key_F9);
    QVERIFY(!console->isVisible());
    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(console->isVisible());
    QVERIFY(window.containerTable().isVisible());
    QVERIFY(!panels->isEnabled());
}

QTEST_MAIN(TestPresenter)
#include "tst_presenter.moc"
