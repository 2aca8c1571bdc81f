// View > Language: the window switches between English, Chinese and bilingual while it runs,
// remembers the choice, and draws Chinese with a CJK font; Docker's own output stays English.
#include "GuiFixture.h"
#include "gui/Words.h"
#include "gui/i18n/CoreWords.h"
#include "gui/i18n/Language.h"
#include "gui/i18n/LanguageMenu.h"
#include "gui/panels/ConsolePanel.h"
#include "gui/panels/ExplanationPanel.h"
#include "gui/window/MainWindow.h"
#include "machines/RunFlow.h"

#include <QDockWidget>
#include <QFontDatabase>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTest>

using namespace lab;

namespace {

QStringList menuTitles(const MainWindow& window) {
    QStringList titles;
    for (QAction* action : window.menuBar()->actions())
        titles << action->text();
    return titles;
}

QString dockTitle(const MainWindow& window, const char* name) {
    auto* dock = window.findChild<QDockWidget*>(QString::fromLatin1(name));
    return dock ? dock->windowTitle() : QString();
}

void choose(LanguageMenu& menu, UiLanguage language) {
    menu.action(language)->trigger();
    QCoreApplication::processEvents(); // QEvent::LanguageChange is posted
}

} // namespace

class TestLanguage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void switchingLanguageChangesTheWindowWhileItRuns();
    void bilingualGlossesDockerStateWords();
    void systemFollowsTheLocale();
    void everyWordOfTheCoreTheWindowShowsIsTranslated();
    void chineseHasAFont();
};

void TestLanguage::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // QSettings stay out of the user's
    applyLanguage(UiLanguage::English);
}

void TestLanguage::switchingLanguageChangesTheWindowWhileItRuns() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    auto* menu = window.findChild<LanguageMenu*>();
    QVERIFY(menu);
    QVERIFY(menuTitles(window).contains(QStringLiteral("&View")));
    window.console().runLine(QStringLiteral("docker run -d --name web busybox sleep 300"));

    choose(*menu, UiLanguage::Chinese);
    QCOMPARE(savedLanguage(), UiLanguage::Chinese);
    const QStringList chinese = menuTitles(window);
    QVERIFY2(chinese.contains(QStringLiteral("视图(&V)")) &&
                 chinese.contains(QStringLiteral("文件(&F)")),
             qPrintable(chinese.join(u' ')));
    QCOMPARE(dockTitle(window, "console"), QStringLiteral("控制台"));
    QCOMPARE(menu->title(), QStringLiteral("语言(&L)"));
    QCOMPARE(nodeLabel(LifecycleState::Removing), QStringLiteral("删除中"));
    // New explanations come in Chinese; Docker's output stays as Docker prints it.
    window.console().runLine(QStringLiteral("docker pause web"));
    QCOMPARE(window.explanation().steps().back().headline, QStringLiteral("web 已暂停"));
    window.console().runLine(QStringLiteral("docker rm web"));
    QVERIFY(window.console().transcript().contains(
        QStringLiteral("You cannot remove a paused container")));

    choose(*menu, UiLanguage::English);
    QCOMPARE(savedLanguage(), UiLanguage::English);
    QVERIFY2(menuTitles(window).contains(QStringLiteral("&View")),
             qPrintable(menuTitles(window).join(u' ')));
    QCOMPARE(dockTitle(window, "console"), QStringLiteral("Console"));
    QCOMPARE(nodeLabel(LifecycleState::Removing), QStringLiteral("removing"));
}

void TestLanguage::bilingualGlossesDockerStateWords() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    auto* menu = window.findChild<LanguageMenu*>();
    choose(*menu, UiLanguage::Bilingual);
    QCOMPARE(nodeLabel(LifecycleState::Paused), QStringLiteral("paused（已暂停）"));
    QCOMPARE(nodeLabel(LifecycleState::Removing), QStringLiteral("removing（删除中）"));
    QCOMPARE(nodeLabel(LifecycleState::Start), QStringLiteral("（尚无容器）"));
    QVERIFY(menuTitles(window).contains(QStringLiteral("视图(&V)")));
    choose(*menu, UiLanguage::English);
    QCOMPARE(nodeLabel(LifecycleState::Paused), QStringLiteral("paused"));
    QCOMPARE(nodeLabel(LifecycleState::Start), QStringLiteral("(no container)"));
}

void TestLanguage::systemFollowsTheLocale() {
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    const UiLanguage chinese = resolvedLanguage(UiLanguage::System);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const UiLanguage english = resolvedLanguage(UiLanguage::System);
    QLocale::setDefault(before);
    QCOMPARE(chinese, UiLanguage::Chinese);
    QCOMPARE(english, UiLanguage::English);
    QCOMPARE(resolvedLanguage(UiLanguage::Bilingual), UiLanguage::Bilingual);
}

void TestLanguage::everyWordOfTheCoreTheWindowShowsIsTranslated() {
    applyLanguage(UiLanguage::Chinese);
    QStringList untranslated;
    const auto check = [&](std::string_view word) {
        if (coreWord(word) == QString::fromUtf8(word.data(), qsizetype(word.size())))
            untranslated << QString::fromUtf8(word.data(), qsizetype(word.size()));
    };
    for (Outcome outcome : kOutcomes)
        check(outcomeName(outcome));
    for (RunStep step : allRunSteps())
        check(stepName(step));
    for (RunFlowOutcome outcome : kRunFlowOutcomes)
        check(outcomeName(outcome));
    for (RunPart part : kRunParts)
        check(partName(part));
    for (BackendKind backend : {BackendKind::Simulated, BackendKind::Real})
        check(modeName(backend));
    for (int node = int(LifecycleState::Start); node <= int(LifecycleState::Removed); ++node)
        if (nodeLabel(LifecycleState(node)) == toQString(nodeName(LifecycleState(node))))
            untranslated << nodeLabel(LifecycleState(node));
    applyLanguage(UiLanguage::English);
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QStringLiteral(", "))));
}

void TestLanguage::chineseHasAFont() {
    const QStringList families = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
    QVERIFY2(!families.isEmpty(), "no font for Simplified Chinese: install fonts-noto-cjk");
}

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
