// The Lessons dock on a lecture hall's 1280x800 projector: a built-in lesson's step with its
// prediction answered shows its text, its command buttons whole (wrapped, never cut at the
// dock's edge) and Next, in English and in Chinese, in the window and in presenter mode with
// the panels called up; the console's input line stays on the screen.
#include "GuiFixture.h"
#include "gui/i18n/Language.h"
#include "gui/lessons/LessonsPanel.h"
#include "gui/lessons/PredictBox.h"
#include "gui/panels/ConsolePanel.h"
#include "gui/window/DisplayModes.h"
#include "gui/window/MainWindow.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>

using namespace lab;

Q_DECLARE_METATYPE(lab::Language)

class TestLessonsDockFit : public QObject {
    Q_OBJECT
private slots:
    void init();
    void aStepFitsAProjector_data();
    void aStepFitsAProjector();
    void scrollingNeverCutsALine_data();
    void scrollingNeverCutsALine();

private:
    QTemporaryDir m_settings;
};

namespace {

// Whether widget is shown whole: nothing of it cut off by the widgets it sits in.
bool wholeOnScreen(const QWidget& widget) {
    return widget.isVisible() && widget.visibleRegion().boundingRect() == widget.rect();
}

// What widget is called and where it is, for a failure's message.
QByteArray where(const QWidget& widget) {
    const QRect seen = widget.visibleRegion().boundingRect();
    return QStringLiteral("%1 %2x%3, seen %4x%5")
        .arg(widget.accessibleName())
        .arg(widget.width())
        .arg(widget.height())
        .arg(seen.width())
        .arg(seen.height())
        .toUtf8();
}

// The window at a projector's 1280x800 (in presenter mode, the panels called up), with the stop
// lesson's first step open in language (a question, two commands and Next) and its prediction
// answered.
struct ProjectedLesson {
    test::GuiFixture fixture;
    MainWindow window{fixture.session};

    bool open(Language language, bool presenting) {
        if (!test::shownAt(window, QSize(1280, 800)))
            return false;
        if (presenting) {
            window.displayModes().presenterAction()->setChecked(true);
            window.displayModes().panelsAction()->setChecked(true); // F9: the panels called up
            window.showNormal(); // the offscreen screen may be smaller than the projector
            window.resize(1280, 800);
        }
        LessonsPanel& panel = window.lessons();
        panel.setLanguage(language);
        if (!panel.openLesson(QStringLiteral("06-stop-and-pid1")))
            return false;
        panel.startOpenLesson(true);
        panel.raiseDock();
        if (!panel.course().started() || !panel.course().answers().question)
            return false;
        panel.predictBox().choices().front()->click();
        QApplication::processEvents();
        return true;
    }
};

// The commonest colour of image: its background.
QRgb background(const QImage& image) {
    QHash<QRgb, int> counts;
    for (int row = 0; row < image.height(); ++row)
        for (int x = 0; x < image.width(); ++x)
            ++counts[image.pixel(x, row)];
    return std::max_element(counts.begin(), counts.end()).key();
}

// Whether row y of image crosses a glyph: a pixel far from the background.
bool inkInRow(const QImage& image, int y, QRgb background) {
    for (int x = 0; x < image.width(); ++x) {
        const QRgb pixel = image.pixel(x, y);
        if (std::abs(qGray(pixel) - qGray(background)) > 64)
            return true;
    }
    return false;
}

} // namespace

void TestLessonsDockFit::init() {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    QSettings().clear();
}

void TestLessonsDockFit::aStepFitsAProjector_data() {
    QTest::addColumn<Language>("language");
    QTest::addColumn<bool>("presenting");
    QTest::newRow("English") << Language::English << false;
    QTest::newRow("Chinese") << Language::Chinese << false;
    QTest::newRow("English, presenter mode") << Language::English << true;
    QTest::newRow("Chinese, presenter mode") << Language::Chinese << true;
}

void TestLessonsDockFit::aStepFitsAProjector() {
    QFETCH(Language, language);
    QFETCH(bool, presenting);
    ProjectedLesson lesson;
    QVERIFY(lesson.open(language, presenting));
    MainWindow& window = lesson.window;
    LessonsPanel& panel = window.lessons();

    // Next is in sight without scrolling.
    QVERIFY2(wholeOnScreen(*panel.nextButton()), where(*panel.nextButton()));
    // The step's text, and then every command, can be brought into sight whole: wrapped to the
    // dock's width.
    auto* scroll = panel.findChild<QScrollArea*>();
    QVERIFY(scroll);
    const QList<QLabel*> labels = panel.findChildren<QLabel*>();
    const auto text = std::find_if(labels.begin(), labels.end(), [](const QLabel* label) {
        return label->accessibleName() == QStringLiteral("Lesson text");
    });
    QVERIFY(text != labels.end());
    scroll->ensureWidgetVisible(*text);
    QApplication::processEvents();
    QVERIFY2(wholeOnScreen(**text), where(**text));
    const std::vector<QPushButton*> commands = panel.commandButtons();
    QCOMPARE(commands.size(), std::size_t(panel.course().step().commands.size()));
    for (QPushButton* command : commands) {
        scroll->ensureWidgetVisible(command);
        QApplication::processEvents();
        QVERIFY2(wholeOnScreen(*command), where(*command));
        QVERIFY2(command->height() >= command->heightForWidth(command->width()), where(*command));
    }
    // Nothing runs off the dock's right edge: the step is never wider than its place.
    QVERIFY(scroll->widget()->width() <= scroll->viewport()->width());
    for (QPushButton* choice : panel.predictBox().choices())
        QVERIFY2(choice->width() <= scroll->viewport()->width(), where(*choice));
    // And the console's input line stays on the screen.
    QLineEdit* input = window.console().input();
    QVERIFY2(wholeOnScreen(*input), where(*input));
}

void TestLessonsDockFit::scrollingNeverCutsALine_data() {
    QTest::addColumn<Language>("language");
    QTest::newRow("Chinese, presenter mode") << Language::Chinese;
    QTest::newRow("English, presenter mode") << Language::English;
}

// Scrolled line by line, page by page or dragged anywhere, the step's text never shows its first
// line cut in half: the row at the view's top crosses no glyph of the lesson text.
void TestLessonsDockFit::scrollingNeverCutsALine() {
    QFETCH(Language, language);
    ProjectedLesson lesson;
    QVERIFY(lesson.open(language, true));
    LessonsPanel& panel = lesson.window.lessons();
    auto* scroll = panel.findChild<QScrollArea*>();
    QVERIFY(scroll);
    QScrollBar* bar = scroll->verticalScrollBar();
    QVERIFY2(bar->maximum() > 0, "the step fits: nothing to scroll");
    const QList<QLabel*> labels = panel.findChildren<QLabel*>();
    const auto found = std::find_if(labels.begin(), labels.end(), [](const QLabel* label) {
        return label->accessibleName() == QStringLiteral("Lesson text");
    });
    QVERIFY(found != labels.end());
    QLabel& text = **found;
    int inText = 0;
    const auto check = [&](const char* how) {
        QApplication::processEvents();
        const int y = bar->value() - text.mapTo(scroll->widget(), QPoint(0, 0)).y();
        if (y <= 0 || y >= text.height())
            return true;
        ++inText;
        const QImage drawn = text.grab().toImage();
        if (!inkInRow(drawn, y, background(drawn)))
            return true;
        qWarning("%s: the view begins %d px into the lesson text, inside a line", how, y);
        return false;
    };
    bar->setValue(0);
    while (bar->value() < bar->maximum()) {
        bar->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        QVERIFY(check("a line down"));
    }
    while (bar->value() > 0) {
        bar->triggerAction(QAbstractSlider::SliderSingleStepSub);
        QVERIFY(check("a line up"));
    }
    for (int value = 0; value <= bar->maximum(); value += 7) {
        bar->setValue(value);
        QVERIFY(check("dragged"));
    }
    // The step laid out anew in the other language: the view moves to a line top.
    for (int value = 0; value <= bar->maximum(); value += 11) {
        bar->setValue(value);
        QApplication::processEvents();
        const Language other =
            language == Language::Chinese ? Language::English : Language::Chinese;
        panel.setLanguage(other);
        QVERIFY(check("in the other language"));
        panel.setLanguage(language);
        QVERIFY(check("back in its language"));
    }
    QVERIFY2(inText > 2, qPrintable(QString::number(inText)));
}

QTEST_MAIN(TestLessonsDockFit)
#include "tst_lessons_dock_fit.moc"
