// The reference pages: one for every state, edge and refusal of the core in every language,
// the glossary the texts link to, clear errors for broken page files, and the Reference dock
// opening a page when a state or an edge is clicked or a command is refused.
#include "GuiFixture.h"
#include "gui/diagram/DiagramItems.h"
#include "gui/diagram/LifecycleDiagram.h"
#include "gui/i18n/Language.h"
#include "gui/pages/PageBook.h"
#include "gui/pages/PageDock.h"
#include "gui/panels/ConsolePanel.h"
#include "gui/window/MainWindow.h"
#include "gui/window/Playback.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace lab;

namespace {

// A copy of the built-in pages in a directory a test may break.
QString copyOfPages(const QTemporaryDir& directory) {
    for (const QString& language : pageLanguages()) {
        QDir().mkpath(directory.filePath(language));
        for (const QString& file : QDir(QStringLiteral(":/pages/") + language).entryList())
            QFile::copy(QStringLiteral(":/pages/%1/%2").arg(language, file),
                        directory.filePath(language + u'/' + file));
    }
    return directory.path();
}

void write(const QString& path, const QByteArray& content) {
    QFile file(path);
    QFile::setPermissions(path, QFileDevice::WriteOwner | QFileDevice::ReadOwner);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

} // namespace

class TestPages : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyStateEdgeAndRefusalHasAPageInEveryLanguage();
    void theGlossaryHasTheTermsTheTextsNeed();
    void brokenFilesGiveClearErrors();
    void aMissingPageOrLinkIsReported();
    void linksBecomeAnchors();
    void clickingAStateOrAnEdgeOpensItsPage();
    void aRefusalOpensItsPage();
    void aRefusalsPageWaitsForItsStep();
};

void TestPages::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // QSettings stay out of the user's
    applyLanguage(UiLanguage::English);
}

void TestPages::everyStateEdgeAndRefusalHasAPageInEveryLanguage() {
    const Expected<PageBook> book = PageBook::load();
    QVERIFY2(book, book ? "" : book.error().message.c_str());
    QCOMPARE(requiredPageKeys(PageKind::State).size(), qsizetype(kContainerStates.size()));
    QCOMPARE(requiredPageKeys(PageKind::Refusal).size(), qsizetype(kRefusals.size()));
    QVERIFY(requiredPageKeys(PageKind::Edge).contains(QStringLiteral("removing->dead")));
    const QStringList problems = book->problems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestPages::theGlossaryHasTheTermsTheTextsNeed() {
    const Expected<PageBook> book = PageBook::load();
    QVERIFY(book);
    for (const char* term : {"client", "daemon", "registry", "containerd-runc", "image", "layer",
                             "writable-layer", "namespace", "cgroup", "freezer", "pid-1", "signal",
                             "exit-code", "restart-policy", "back-off", "oom-killer"})
        for (const QString& language : pageLanguages())
            QVERIFY2(book->find(language, PageKind::Glossary, QString::fromLatin1(term)),
                     qPrintable(language + u' ' + QString::fromLatin1(term)));
    // The states' pages link to the glossary.
    QVERIFY(
        pageLinks(
            book->find(QStringLiteral("zh_CN"), PageKind::State, QStringLiteral("paused"))->text)
            .contains(QStringLiteral("glossary:freezer")));
}

void TestPages::brokenFilesGiveClearErrors() {
    QTemporaryDir directory;
    const QString root = copyOfPages(directory);
    const QString states = directory.filePath(QStringLiteral("zh_CN/state.json"));
    write(states, "{ \"paused\": ");
    Expected<PageBook> book = PageBook::load(root);
    QVERIFY(!book);
    QVERIFY2(QString::fromStdString(book.error().message)
                 .startsWith(states + QStringLiteral(": offset")),
             book.error().message.c_str());
    write(states, R"({ "paused": { "title": "已暂停" } })");
    book = PageBook::load(root);
    QVERIFY(!book);
    QCOMPARE(QString::fromStdString(book.error().message),
             states +
                 QStringLiteral(": page \"paused\": expected {\"title\": text, \"text\": text}"));
}

void TestPages::aMissingPageOrLinkIsReported() {
    QTemporaryDir directory;
    const QString root = copyOfPages(directory);
    write(directory.filePath(QStringLiteral("en/state.json")),
          R"({ "running": { "title": "running", "text": "See [[freezer]] and [[nosuch]]." },
               "stopped": { "title": "stopped", "text": "There is no such state." } })");
    const Expected<PageBook> book = PageBook::load(root);
    QVERIFY(book);
    const QStringList problems = book->problems();
    QVERIFY(problems.contains(QStringLiteral("en/state.json: no page for \"paused\"")));
    QVERIFY(
        problems.contains(QStringLiteral("en/state.json: \"stopped\" is no state the lab knows")));
    QVERIFY(problems.contains(
        QStringLiteral("en/state.json: page \"running\" links to [[glossary:nosuch]], no page")));
    QVERIFY(!problems.join(u'\n').contains(QStringLiteral("freezer")));
}

void TestPages::linksBecomeAnchors() {
    const QString html =
        pageHtml(Page{QStringLiteral("T"),
                      QStringLiteral("a [[pid-1|PID 1]] and [[edge:running->paused]] <b>\n\n`x`")});
    QVERIFY2(html.contains(QStringLiteral("<a href=\"page:glossary:pid-1\">PID 1</a>")),
             qPrintable(html));
    QVERIFY2(html.contains(
                 QStringLiteral("<a href=\"page:edge:running-&gt;paused\">running-&gt;paused</a>")),
             qPrintable(html));
    QVERIFY(html.contains(QStringLiteral("&lt;b&gt;</p><p><code>x</code>")));
}

void TestPages::clickingAStateOrAnEdgeOpensItsPage() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* dock = window.findChild<PageDock*>();
    QVERIFY(dock);
    LifecycleDiagram& diagram = window.diagram();
    const auto click = [&](QPointF scenePoint) {
        QTest::mouseClick(diagram.viewport(), Qt::LeftButton, {}, diagram.mapFromScene(scenePoint));
    };
    const NodeItem* paused = diagram.nodeItem(LifecycleState::Paused);
    click(paused->mapToScene(paused->boundingRect().center()));
    QCOMPARE(dock->shownPage(), QStringLiteral("state:paused"));
    QVERIFY(dock->browser().toPlainText().contains(QStringLiteral("freezer")));
    const EdgeItem* edge = diagram.edges().front();
    click(edge->pointAt(0.5));
    QCOMPARE(dock->shownPage(),
             QStringLiteral("edge:") + edgePageKey(edge->edge().source, edge->edge().target));
    // A link leads to the glossary; the page follows the language.
    emit dock->browser().anchorClicked(QUrl(QStringLiteral("page:glossary:freezer")));
    QCOMPARE(dock->shownPage(), QStringLiteral("glossary:freezer"));
    applyLanguage(UiLanguage::Chinese);
    QCoreApplication::processEvents();
    QVERIFY2(dock->browser().toPlainText().contains(QStringLiteral("冻结器")),
             qPrintable(dock->browser().toPlainText()));
    applyLanguage(UiLanguage::English);
    QCoreApplication::processEvents();
    QVERIFY(dock->browser().toPlainText().contains(QStringLiteral("Freezer")));
}

void TestPages::aRefusalOpensItsPage() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    auto* dock = window.findChild<PageDock*>();
    QVERIFY(dock);
    window.console().runLine(QStringLiteral("docker create --name tomcattest busybox"));
    window.console().runLine(QStringLiteral("docker pause tomcattest"));
    QCOMPARE(dock->shownPage(), QStringLiteral("refusal:NotRunning"));
    QVERIFY2(dock->browser().toPlainText().contains(
                 QStringLiteral("docker pause needs a running process to freeze")),
             qPrintable(dock->browser().toPlainText()));
}

// Paused playback (a played session, a lesson's prediction): the page waits for the step.
void TestPages::aRefusalsPageWaitsForItsStep() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    auto* dock = window.findChild<PageDock*>();
    QVERIFY(dock);
    window.console().runLine(QStringLiteral("docker create --name tomcattest busybox"));
    window.playback().setPaused(true);
    window.console().runLine(QStringLiteral("docker pause tomcattest"));
    QCOMPARE(dock->shownPage(), QStringLiteral("glossary:"));
    window.playback().step();
    QCOMPARE(dock->shownPage(), QStringLiteral("refusal:NotRunning"));
}

QTEST_MAIN(TestPages)
#include "tst_pages.moc"
