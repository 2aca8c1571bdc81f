// What a class reads on the projector (issue 12): labels that never cover each other, themes that
// repaint every picture with enough contrast, the edges the selected container can take now, and
// secondary views that say their words whole (timeline names, events, console, help).
#include "GuiFixture.h"
#include "gui/architecture/ArchitectureParts.h"
#include "gui/architecture/ArchitectureView.h"
#include "gui/diagram/DiagramLayout.h"
#include "gui/diagram/DiagramPalette.h"
#include "gui/diagram/LegalEdges.h"
#include "gui/diagram/LifecycleDiagram.h"
#include "gui/diagram/TokenLegend.h"
#include "gui/pages/PageDock.h"
#include "gui/panels/CommandBar.h"
#include "gui/panels/ConsolePanel.h"
#include "gui/panels/ConsoleTones.h"
#include "gui/panels/ContainerTable.h"
#include "gui/panels/EventLogPanel.h"
#include "gui/panels/StateTimeline.h"
#include "gui/panels/TimelineChart.h"
#include "gui/runflow/RunFlowChart.h"
#include "gui/runflow/RunFlowLayout.h"
#include "gui/window/DisplayModes.h"
#include "gui/window/HelpMenu.h"
#include "gui/window/MainWindow.h"
#include "gui/window/Playback.h"
#include "gui/window/StepTimeline.h"

#include <QAction>
#include <QFontDatabase>
#include <QGraphicsTextItem>
#include <QLegend>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QtTest>

using namespace lab;

class TestLegibility : public QObject {
    Q_OBJECT
private slots:
    void diagramLabelsNeverOverlap_data();
    void diagramLabelsNeverOverlap();
    void noCurveRunsThroughAnEdgesWords_data();
    void noCurveRunsThroughAnEdgesWords();
    void flowChartLabelsNeverOverlap();
    void architectureLabelsNeverOverlap_data();
    void architectureLabelsNeverOverlap();
    void themeSwitchRepaintsThePictures();
    void themeSwitchRecoloursTheConsoleHistory();
    void textContrastInBothThemes_data();
    void textContrastInBothThemes();
    void legalEdgesFollowTheEnginesAnswer_data();
    void legalEdgesFollowTheEnginesAnswer();
    void tokenKeyNamesTheContainers();
    void timelineNamesFitWithSevenContainers();
    void timelineCutsNoWordInANarrowDock();
    void eventLogIsShortWithTheFullLineOnHover();
    void pullProgressIsNotAnError();
    void helpListsShortcutsAndNamesTheBackend();
};

namespace {

// WCAG 2's contrast ratio of two colours (1 to 21).
double contrast(const QColor& a, const QColor& b) {
    auto luminance = [](const QColor& colour) {
        auto channel = [](double c) {
            return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) +
               0.0722 * channel(colour.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString overlapMessage(const QRectF& a, const QRectF& b) {
    return QStringLiteral("(%1,%2 %3x%4) and (%5,%6 %7x%8)")
        .arg(a.x())
        .arg(a.y())
        .arg(a.width())
        .arg(a.height())
        .arg(b.x())
        .arg(b.y())
        .arg(b.width())
        .arg(b.height());
}

// No rectangle of one list crosses another of it, nor one of the obstacles.
void verifyApart(const std::vector<QRectF>& labels, const std::vector<QRectF>& obstacles) {
    for (std::size_t i = 0; i < labels.size(); ++i) {
        for (std::size_t j = i + 1; j < labels.size(); ++j)
            QVERIFY2(!labels[i].intersects(labels[j]),
                     qPrintable(overlapMessage(labels[i], labels[j])));
        for (const QRectF& obstacle : obstacles)
            QVERIFY2(!labels[i].intersects(obstacle),
                     qPrintable(overlapMessage(labels[i], obstacle)));
    }
}

QColor pixelAt(QGraphicsView& view, QPointF scenePoint) {
    const QImage image = view.viewport()->grab().toImage();
    const QPoint at = view.mapFromScene(scenePoint) * view.viewport()->devicePixelRatioF();
    return image.pixelColor(at);
}

int edgeIndex(const LifecycleDiagram& diagram, LifecycleState from, LifecycleState to) {
    for (int i = 0; i < int(diagram.edges().size()); ++i)
        if (diagram.edges()[std::size_t(i)]->edge().source == from &&
            diagram.edges()[std::size_t(i)]->edge().target == to)
            return i;
    return -1;
}

void select(MainWindow& window, const QString& name) {
    window.playback().timeline().showAll();
    window.diagram().settle();
    Expected<Container*> found = window.engine().find(name.toStdString());
    QVERIFY(found.has_value());
    window.containerTable().selectContainer(QString::fromStdString((*found)->id));
}

} // namespace

void TestLegibility::diagramLabelsNeverOverlap_data() {
    QTest::addColumn<bool>("presenter");
    QTest::addColumn<QString>("family"); // the type the window has in Chinese, or the default
    QTest::newRow("window") << false << QString();
    QTest::newRow("presenter") << true << QString();
    QTest::newRow("presenter in Chinese type") << true << QStringLiteral("Noto Sans CJK SC");
}

void TestLegibility::diagramLabelsNeverOverlap() {
    QFETCH(bool, presenter);
    QFETCH(QString, family);
    if (!family.isEmpty() && !QFontDatabase::hasFamily(family))
        QSKIP(qPrintable(family + QStringLiteral(" is not installed (fonts-noto-cjk)")));
    const QFont defaultFont = QApplication::font();
    const auto restoreFont = qScopeGuard([&] { QApplication::setFont(defaultFont); });
    if (!family.isEmpty())
        QApplication::setFont(QFont(family));
    test::GuiFixture fixture;
    // More containers than the key names: the key at its largest.
    for (int i = 0; i <= TokenLegendItem::kLinesShown; ++i)
        fixture.run(QStringLiteral("docker run -d --name worker-%1 busybox sleep 300").arg(i));
    fixture.timeline.showAll();
    setDiagramStyle(
        {false, presenter ? 2.0 : 1.0, presenter ? DisplayModes::kPresenterTextScale : 1.0});
    LifecycleDiagram diagram(fixture.timeline);
    diagram.restyle();
    std::vector<QRectF> labels;
    for (const EdgeItem* edge : diagram.edges())
        labels.push_back(edge->labelRect());
    labels.push_back(diagram.tokenKey().sceneBoundingRect());
    QCOMPARE(diagram.tokenKey().lines().size(), TokenLegendItem::kLinesShown + 1);
    std::vector<QRectF> places;
    for (LifecycleState node : diagramNodes()) {
        places.push_back(nodeRect(node));
        places.push_back(nameRect(node)); // the start's and the end's names, below their discs
    }
    verifyApart(labels, places);
    setDiagramStyle({});
}

void TestLegibility::noCurveRunsThroughAnEdgesWords_data() {
    QTest::addColumn<bool>("presenter");
    QTest::newRow("window") << false;
    QTest::newRow("presenter") << true;
}

// Whichever edge the selected container took last (thick, in the highlight), its curve passes
// under the other edges' labels, never through their words.
void TestLegibility::noCurveRunsThroughAnEdgesWords() {
    QFETCH(bool, presenter);
    test::GuiFixture fixture;
    setDiagramStyle(
        {false, presenter ? 2.0 : 1.0, presenter ? DisplayModes::kPresenterTextScale : 1.0});
    LifecycleDiagram diagram(fixture.timeline);
    diagram.restyle();
    const auto highlightIn = [&](const QRectF& rect) {
        QImage image(rect.size().toSize(), QImage::Format_RGB32);
        QPainter painter(&image);
        diagram.scene()->render(&painter, QRectF(image.rect()), rect);
        painter.end();
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                if (image.pixelColor(x, y) == highlightColour())
                    return true;
        return false;
    };
    for (EdgeItem* taken : diagram.edges()) {
        taken->setHighlighted(true);
        for (const EdgeItem* other : diagram.edges())
            if (other != taken)
                QVERIFY2(!highlightIn(other->labelRect().adjusted(2, 2, -2, -2)),
                         qPrintable(QStringLiteral("the curve %1 runs through the label of %2")
                                        .arg(taken->toolTip(), other->toolTip())));
        taken->setHighlighted(false);
    }
    setDiagramStyle({});
}

void TestLegibility::flowChartLabelsNeverOverlap() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    std::vector<QRectF> labels;
    for (const FlowEdgeItem* edge : window.flowChart().edges())
        if (!edge->labelRect().isEmpty())
            labels.push_back(edge->labelRect());
    std::vector<QRectF> steps;
    for (RunStep step : allRunSteps())
        steps.push_back(stepRect(step));
    verifyApart(labels, steps);
}

void TestLegibility::architectureLabelsNeverOverlap_data() {
    QTest::addColumn<bool>("presenting");
    QTest::newRow("window") << false;
    QTest::newRow("presenter") << true;
}

void TestLegibility::architectureLabelsNeverOverlap() {
    QFETCH(bool, presenting);
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.displayModes().presenterAction()->setChecked(presenting);
    // More requests than the list keeps, a failed one among them.
    for (const QString& line :
         QStringList{"docker run alpine", "docker run nosuchimage",
                     "docker run -d --name web busybox sleep 300", "docker pull hello-world"})
        window.console().runLine(line);
    window.playback().advance(std::chrono::minutes(1));
    ArchitectureView& view = window.architecture();
    QVERIFY(view.shownHops().size() > 8);
    const std::vector<QRectF> labels = view.labelRects();
    verifyApart(labels, {});
    // Words are inside their part's box, or clear of every box.
    for (const QRectF& label : labels)
        for (ArchPart part : kArchParts)
            QVERIFY2(view.partRect(part).contains(label) || !view.partRect(part).intersects(label),
                     qPrintable(overlapMessage(label, view.partRect(part))));
    window.displayModes().presenterAction()->setChecked(false);
}

void TestLegibility::themeSwitchRepaintsThePictures() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    QVERIFY(test::shownAt(window, QSize(1280, 800)));
    LifecycleDiagram& diagram = window.diagram();
    // Known items: the paper left of the start, the start's disc, the flowchart's paper and its
    // start pill (ink-coloured, words in the paper's colour).
    const QPointF paper = nodeCentre(LifecycleState::Start) - QPointF(0, 60);
    const QPointF disc = nodeCentre(LifecycleState::Start);
    const QRectF pill = stepRect(RunStep::Start);
    const QPointF pillInk(pill.left() + pill.height() / 2, pill.top() + 4);
    const QPointF flowPaper = pill.topLeft() + QPointF(-6, -6);
    auto flowPixel = [&](QPointF at) {
        window.showFlowChart(true);
        QApplication::processEvents();
        const QColor colour = pixelAt(window.flowChart(), at);
        window.showFlowChart(false);
        return colour;
    };
    QCOMPARE(pixelAt(diagram, paper), QColor(Qt::white));
    QVERIFY(pixelAt(diagram, disc).lightnessF() < 0.3);
    QCOMPARE(flowPixel(flowPaper), QColor(Qt::white));
    QVERIFY(flowPixel(pillInk).lightnessF() < 0.3);
    window.displayModes().darkThemeAction()->trigger();
    QApplication::processEvents();
    QCOMPARE(pixelAt(diagram, paper), paperColour());
    QVERIFY(pixelAt(diagram, paper).lightnessF() < 0.2);
    QVERIFY(pixelAt(diagram, disc).lightnessF() > 0.7);
    QCOMPARE(flowPixel(flowPaper), paperColour()); // no white run-flow tab in the dark
    QVERIFY(flowPixel(pillInk).lightnessF() > 0.7);
    window.displayModes().darkThemeAction()->trigger();
    QApplication::processEvents();
    QCOMPARE(pixelAt(diagram, paper), QColor(Qt::white));
    QCOMPARE(flowPixel(flowPaper), QColor(Qt::white));
}

void TestLegibility::themeSwitchRecoloursTheConsoleHistory() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.console().runLine(QStringLiteral("docker ps"));
    auto* output = window.console().findChild<QPlainTextEdit*>();
    auto colourOf = [&](const QString& text) {
        for (QTextBlock block = output->document()->begin(); block.isValid(); block = block.next())
            if (block.text().startsWith(text))
                return block.begin().fragment().charFormat().foreground().color();
        return QColor();
    };
    const QString header = QStringLiteral("CONTAINER ID");
    QVERIFY(colourOf(header).lightnessF() < 0.3);
    window.displayModes().darkThemeAction()->trigger();
    QVERIFY(colourOf(header).lightnessF() > 0.7);
    QCOMPARE(colourOf(header), output->palette().color(QPalette::Text));
    QCOMPARE(colourOf(QStringLiteral("docker> docker ps")),
             output->palette().color(QPalette::Link));
}

void TestLegibility::textContrastInBothThemes_data() {
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestLegibility::textContrastInBothThemes() {
    QFETCH(bool, dark);
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    if (dark)
        window.displayModes().darkThemeAction()->trigger();
    const auto atLeast = [](const QColor& ink, const QColor& ground, double ratio,
                            const char* what) {
        QVERIFY2(contrast(ink, ground) >= ratio,
                 qPrintable(QStringLiteral("%1: %2 on %3 is %4")
                                .arg(QLatin1String(what), ink.name(), ground.name())
                                .arg(contrast(ink, ground))));
    };
    // Text: 4.5 (WCAG AA); lines and marks: 3 (WCAG's non-text contrast).
    atLeast(inkColour(), paperColour(), 4.5, "names and labels");
    atLeast(quietInkColour(), paperColour(), 4.5, "events and legends");
    for (LifecycleState node : diagramNodes())
        if (dockerState(node) && node != LifecycleState::Dead)
            atLeast(QColor(0x11, 0x11, 0x11), nodeFill(node), 4.5, "a place's name");
    atLeast(Qt::white, nodeFill(LifecycleState::Dead), 4.5, "dead's name");
    atLeast(legalColour(), paperColour(), 3, "a legal edge");
    atLeast(highlightColour(), paperColour(), 3, "the edge taken");
    const QPalette console = window.console().findChild<QPlainTextEdit*>()->palette();
    for (Tone tone : {Tone::Command, Tone::Output, Tone::Error, Tone::Progress, Tone::Note})
        atLeast(toneColour(tone, console), console.color(QPalette::Base), 4.5, "console text");
}

void TestLegibility::legalEdgesFollowTheEnginesAnswer_data() {
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<LifecycleState>("state");
    QTest::addColumn<LifecycleState>("legalTo");   // an edge from state that must be marked
    QTest::addColumn<LifecycleState>("illegalTo"); // and one that must not
    const QString run = QStringLiteral("docker run -d --name web busybox sleep 300");
    QTest::newRow("running") << QStringList{run} << LifecycleState::Running
                             << LifecycleState::Paused << LifecycleState::Restarting;
    QTest::newRow("paused") << QStringList{run, QStringLiteral("docker pause web")}
                            << LifecycleState::Paused << LifecycleState::Running
                            << LifecycleState::Exited;
}

void TestLegibility::legalEdgesFollowTheEnginesAnswer() {
    QFETCH(QStringList, lines);
    QFETCH(LifecycleState, state);
    QFETCH(LifecycleState, legalTo);
    QFETCH(LifecycleState, illegalTo);
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    for (const QString& line : lines)
        window.console().runLine(line);
    window.playback().advance(std::chrono::seconds(1));
    select(window, QStringLiteral("web"));
    QCOMPARE(window.diagram().activeNode(), std::optional(state));
    const std::vector<int> marked = window.diagram().legalEdges();
    const int legal = edgeIndex(window.diagram(), state, legalTo);
    QVERIFY(legal >= 0);
    QVERIFY(std::find(marked.begin(), marked.end(), legal) != marked.end());
    const int illegal = edgeIndex(window.diagram(), state, illegalTo);
    QVERIFY(std::find(marked.begin(), marked.end(), illegal) == marked.end());
    for (int edge : marked) // only edges leaving where the container is
        QCOMPARE(window.diagram().edges()[std::size_t(edge)]->edge().source, state);
    // The buttons ask the same question: pause is enabled exactly when running -> paused is
    // marked.
    const int pauseEdge =
        edgeIndex(window.diagram(), LifecycleState::Running, LifecycleState::Paused);
    const bool pauseMarked = std::find(marked.begin(), marked.end(), pauseEdge) != marked.end();
    QPushButton* pause = nullptr;
    for (QPushButton* button : window.commandBar().findChildren<QPushButton*>())
        if (button->text() == QStringLiteral("pause"))
            pause = button;
    QVERIFY(pause);
    QCOMPARE(pause->isEnabled(), pauseMarked);
    // Nothing selected: nothing marked.
    window.containerTable().selectContainer(QString());
    window.diagram().setSelectedContainer(QString());
    QVERIFY(window.diagram().legalEdges().empty());
}

void TestLegibility::tokenKeyNamesTheContainers() {
    test::GuiFixture fixture;
    for (int i = 0; i < TokenLegendItem::kLinesShown + 3; ++i)
        fixture.run(QStringLiteral("docker create --name box%1 busybox").arg(i));
    fixture.timeline.showAll();
    LifecycleDiagram diagram(fixture.timeline);
    const QStringList lines = diagram.tokenKey().lines();
    QCOMPARE(lines.size(), TokenLegendItem::kLinesShown + 1);
    QCOMPARE(lines.front(), QStringLiteral("box0"));
    QCOMPARE(lines.back(), QStringLiteral("and 3 more"));
}

void TestLegibility::timelineNamesFitWithSevenContainers() {
    test::GuiFixture fixture;
    StateTimeline states(fixture.timeline);
    const QStringList names = {QStringLiteral("web"),
                               QStringLiteral("api"),
                               QStringLiteral("database-primary-replica"),
                               QStringLiteral("cache"),
                               QStringLiteral("worker-1"),
                               QStringLiteral("worker-2"),
                               QStringLiteral("proxy")};
    for (const QString& name : names)
        fixture.runShown(QStringLiteral("docker run -d --name %1 busybox sleep 300").arg(name));
    TimelineChart chart(states);
    // As large as the window's dock at 1024x768: seven bands in little more than 100 pixels.
    chart.resize(330, 200);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QApplication::processEvents();
    QStringList shown;
    for (QGraphicsItem* item : chart.scene()->items()) {
        if (!item->isVisible())
            continue;
        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item))
            shown << text->toPlainText();
        if (auto* text = dynamic_cast<QGraphicsSimpleTextItem*>(item)) {
            shown << text->text();
            // Whole on hover.
            QVERIFY(text->toolTip().isEmpty() || names.contains(text->toolTip()));
        }
    }
    for (const QString& name : names) {
        const bool found = std::any_of(shown.begin(), shown.end(), [&](const QString& label) {
            // Whole, or elided in the middle: its start and its end are there.
            return label == name ||
                   (label.contains(u'…') && name.startsWith(label.section(u'…', 0, 0)) &&
                    name.endsWith(label.section(u'…', 1)) && label.size() > 4);
        });
        QVERIFY2(found, qPrintable(name + QStringLiteral(" in ") + shown.join(u'|')));
    }
    QVERIFY(!shown.contains(QStringLiteral("…")));
    QVERIFY2(!shown.contains(QStringLiteral("...")), qPrintable(shown.join(u'|')));
}

// Narrower still, in presenter mode's large type (the Timeline dock beside the picture when the
// panels are called up at 1280x800): the legend's words are whole, or the legend steps aside
// (Qt Charts would cut them to "cr...").
void TestLegibility::timelineCutsNoWordInANarrowDock() {
    test::GuiFixture fixture;
    StateTimeline states(fixture.timeline);
    fixture.runShown(QStringLiteral("docker run -d --name plain busybox sleep 300"));
    fixture.runShown(QStringLiteral("docker stop plain"));
    TimelineChart chart(states);
    QFont large = chart.font();
    large.setPixelSize(22);
    chart.setFont(large);
    // The presenter's Timeline dock is short: the axis keeps its numbers whole too.
    for (const QSize size : {QSize(320, 140), QSize(320, 170), QSize(900, 300)}) {
        chart.resize(size);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QApplication::processEvents();
        QStringList cut;
        for (QGraphicsItem* item : chart.scene()->items())
            if (auto* text = dynamic_cast<QGraphicsTextItem*>(item);
                text && text->isVisible() &&
                (text->toPlainText().contains("...") || text->toPlainText().contains(u'…')))
                cut << text->toPlainText();
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u'|')));
    }
    // Wide enough, the legend is there.
    QVERIFY(chart.chart()->legend()->isVisible());
}

void TestLegibility::eventLogIsShortWithTheFullLineOnHover() {
    test::GuiFixture fixture;
    EventLogPanel log(fixture.timeline);
    fixture.runShown(QStringLiteral("docker run -d --name web busybox sleep 300"));
    const QString id = fixture.idOf(QStringLiteral("web"));
    const QString text = log.toPlainText();
    QVERIFY(text.contains(id.left(12)));
    QVERIFY(!text.contains(id)); // no 64-character IDs
    QVERIFY(text.contains(QStringLiteral("start  web")));
    QVERIFY(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  create  web"))
                .match(text)
                .hasMatch());
    log.resize(600, 300);
    log.show();
    QVERIFY(QTest::qWaitForWindowExposed(&log));
    const QString full = log.fullLineAt(QPoint(5, log.fontMetrics().height() / 2));
    QVERIFY2(full.contains(id) && full.contains(QStringLiteral("container create")),
             qPrintable(full));
}

void TestLegibility::pullProgressIsNotAnError() {
    QCOMPARE(stderrTone(QStringLiteral("Unable to find image 'nginx:latest' locally")),
             Tone::Progress);
    QCOMPARE(stderrTone(QStringLiteral("latest: Pulling from library/nginx")), Tone::Progress);
    QCOMPARE(stderrTone(QStringLiteral("a2abf6c4d29d: Pull complete")), Tone::Progress);
    QCOMPARE(stderrTone(QStringLiteral("Status: Downloaded newer image for nginx:latest")),
             Tone::Progress);
    QCOMPARE(stderrTone(QStringLiteral("Error response from daemon: No such container: x")),
             Tone::Error);
    QCOMPARE(stderrTone(QStringLiteral("docker: Error response from daemon: pull access denied")),
             Tone::Error);
    // In the window: nginx is pulled on its first run, in the output's colour.
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.console().runLine(QStringLiteral("docker run -d --name proxy nginx"));
    window.playback().jumpToEngine(); // the output shows with the steps that made it
    auto* output = window.console().findChild<QPlainTextEdit*>();
    bool sawPull = false;
    for (QTextBlock block = output->document()->begin(); block.isValid(); block = block.next())
        if (block.text().contains(QStringLiteral("Pulling from"))) {
            sawPull = true;
            QCOMPARE(block.begin().fragment().charFormat().foreground().color(),
                     toneColour(Tone::Progress, output->palette()));
        }
    QVERIFY(sawPull);
}

void TestLegibility::helpListsShortcutsAndNamesTheBackend() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    QStringList what;
    QStringList keys;
    for (const auto& [words, shortcut] : window.help().shortcuts()) {
        what << words;
        keys << shortcut;
    }
    for (const char* expected : {"Presenter mode", "Show the panels", "Zoom in", "Zoom out",
                                 "Fit to window", "Keyboard shortcuts"})
        QVERIFY2(what.contains(QLatin1String(expected)), qPrintable(what.join(u'|')));
    QVERIFY(keys.contains(QStringLiteral("F11")));
    QVERIFY(keys.contains(QStringLiteral("Ctrl+0")));
    QCOMPARE(what.removeDuplicates(), 0);
    QVERIFY(window.help().aboutText().contains(QStringLiteral("simulation")));
    QVERIFY(window.help().aboutText().contains(QStringLiteral(LAB_VERSION)));
    // The glossary is the Reference dock's index.
    QVERIFY(window.help().glossaryAction()->isVisible());
    window.help().glossaryAction()->trigger();
    const auto* reference = window.findChild<PageDock*>();
    QVERIFY(reference);
    QCOMPARE(reference->shownPage(), QStringLiteral("glossary:"));
}

QTEST_MAIN(TestLegibility)
#include "tst_legibility.moc"
