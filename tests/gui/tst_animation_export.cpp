// Animations of a session (File > Export animation, `lifecycle-lab export`): the frames follow
// from the steps, the speed and the frame rate; they show the token moving; the GIF and the video
// read back with giflib and libavformat at the asked size; bad requests, bad session files and
// unwritable outputs are refused with the file and the reason; a cancel leaves no file.
#include "AnimationFiles.h"
#include "GuiFixture.h"
#include "RealRecording.h"
#include "gui/export/AnimationDialog.h"
#include "gui/export/AnimationExport.h"
#include "gui/export/SessionAnimation.h"
#include "gui/window/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMenuBar>
#include <QProcess>
#include <QProgressDialog>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <chrono>

using namespace lab;
using namespace std::chrono_literals;

namespace {

// web is created and started (steps 1 to 3), paused at 2 s (steps 4 and 5: the command, then
// the freeze) and unpaused at 3 s (steps 6 and 7): from step 4 to step 7 is one second of
// engine time.
SessionRecording pauseAndUnpause() {
    SessionRecording recording{1, test::defaultWorld(), {}};
    recording.entries = {{0s, {"run", "-d", "--name", "web", "busybox", "sleep", "300"}, {}},
                         {2s, {"pause", "web"}, {}},
                         {3s, {"unpause", "web"}, {}}};
    return recording;
}

AnimationRequest request(const QString& output, AnimationFormat format) {
    AnimationRequest asked;
    asked.output = output;
    asked.format = format;
    asked.from = 4;
    asked.to = 7;
    asked.speed = 2;
    asked.fps = 10;
    asked.size = QSize(480, 270);
    return asked;
}

Expected<ExportSummary> exportOnce(const AnimationRequest& asked,
                                   const ExportProgress& progress = {}) {
    SessionAnimation animation(pauseAndUnpause());
    if (const Status begun = animation.begin(asked); !begun)
        return begun.error();
    return writeAnimation(animation, asked, progress);
}

// lifecycle-lab itself, with no display and no platform chosen: the command chooses one.
struct Run {
    int status = -1;
    QString errors;
};
Run runExport(const QStringList& arguments) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        environment.remove(QString::fromLatin1(name));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(LAB_BINARY), QStringList{QStringLiteral("export")} + arguments);
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromLocal8Bit(process.readAllStandardError())};
}

} // namespace

class AnimationExportTest : public QObject {
    Q_OBJECT
private slots:
    void gifFramesFollowFromStepsSpeedAndRate();
    void gifIsTheSameOnEveryRun();
    void darkThemeFramesAreDark();
    void videoReadsBackAtTheAskedSizeAndLength_data();
    void videoReadsBackAtTheAskedSizeAndLength();
    void stepsOutsideTheSessionAreRefused();
    void unwritableOutputIsRefusedAndLeavesNothing();
    void cancelLeavesNoFile();
    void progressDialogCancelLeavesNoFile();
    void dialogAsksForTheSessionSteps();
    void badArgumentsAreRefused_data();
    void badArgumentsAreRefused();
    void commandLineRefusesBadInput();
    void commandLineWritesWithoutDisplay();
    void realSessionAnimates();
};

void AnimationExportTest::gifFramesFollowFromStepsSpeedAndRate() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pause.gif"));
    const Expected<ExportSummary> written = exportOnce(request(path, AnimationFormat::Gif));
    QVERIFY2(written.has_value(), written ? "" : written.error().message.c_str());
    const test::DecodedGif gif = test::decodeGif(path);
    QVERIFY2(gif.error.isEmpty(), qPrintable(gif.error));
    QCOMPARE(QSize(gif.width, gif.height), QSize(480, 270));
    // One second of engine time at speed 2 is half a second: 5 frames of 0.1 s after step 4's
    // own, the frame before it, and one second (10 frames) held at the end.
    QCOMPARE(int(gif.frames.size()), 1 + (5 + 1) + 10);
    QCOMPARE(written->frames, int(gif.frames.size()));
    for (const int delay : gif.delays)
        QCOMPARE(delay, 10); // hundredths of a second: 10 fps
    // The token leaves Running for Paused in frame 1 and travels 700 ms of engine time (0.35 s,
    // 3.5 frames at speed 2): between frames it moves, then it rests on Paused until step 4.
    const std::vector<QImage>& frames = gif.frames;
    QVERIFY(frames[0] != frames[1]);
    QVERIFY(frames[1] != frames[2]);
    QVERIFY(frames[2] != frames[3]);
    QCOMPARE(frames[4], frames[5]);  // arrived, it rests on Paused until step 6
    QVERIFY(frames[5] != frames[0]); // on Paused, not Running
    // Steps 6 and 7 (unpause) send it back: the last frames hold the picture still.
    QVERIFY(frames[7] != frames[5]);
    QCOMPARE(frames[frames.size() - 1], frames[frames.size() - 2]);
}

void AnimationExportTest::gifIsTheSameOnEveryRun() {
    // Frames follow a frame clock, not the wall clock: a busy machine makes the same file.
    QTemporaryDir dir;
    QByteArray files[2];
    for (int run = 0; run < 2; ++run) {
        const QString path = dir.filePath(QStringLiteral("run%1.gif").arg(run));
        QVERIFY(exportOnce(request(path, AnimationFormat::Gif)).has_value());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        files[run] = file.readAll();
    }
    QVERIFY(!files[0].isEmpty());
    QVERIFY(files[0] == files[1]);
}

void AnimationExportTest::darkThemeFramesAreDark() {
    QTemporaryDir dir;
    AnimationRequest asked =
        request(dir.filePath(QStringLiteral("dark.gif")), AnimationFormat::Gif);
    asked.dark = true;
    QVERIFY(exportOnce(asked).has_value());
    const test::DecodedGif gif = test::decodeGif(asked.output);
    QVERIFY(!gif.frames.empty());
    QVERIFY2(qGray(gif.frames[0].pixel(2, 2)) < 80, "the paper of a dark frame is dark");
}

void AnimationExportTest::videoReadsBackAtTheAskedSizeAndLength_data() {
    QTest::addColumn<AnimationFormat>("format");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("codec");
    QTest::newRow("webm") << AnimationFormat::WebM << "pause.webm" << int(AV_CODEC_ID_VP8);
    QTest::newRow("mp4") << AnimationFormat::Mp4 << "pause.mp4" << int(AV_CODEC_ID_H264);
}

void AnimationExportTest::videoReadsBackAtTheAskedSizeAndLength() {
    QFETCH(AnimationFormat, format);
    QFETCH(QString, file);
    QFETCH(int, codec);
    QTemporaryDir dir;
    const QString path = dir.filePath(file);
    const Expected<ExportSummary> written = exportOnce(request(path, format));
    QVERIFY2(written.has_value(), written ? "" : written.error().message.c_str());
    const test::ProbedVideo video = test::probeVideo(path);
    QVERIFY2(video.error.isEmpty(), qPrintable(video.error));
    QCOMPARE(int(video.codec), codec);
    QCOMPARE(QSize(video.width, video.height), QSize(480, 270));
    const int frames = 1 + (5 + 1) + 10; // as the GIF's
    QVERIFY2(std::abs(video.packets - frames) <= 1, qPrintable(QString::number(video.packets)));
    QVERIFY2(std::abs(video.seconds - frames / 10.0) <= 0.11,
             qPrintable(QString::number(video.seconds)));
}

void AnimationExportTest::stepsOutsideTheSessionAreRefused() {
    QTemporaryDir dir;
    AnimationRequest asked = request(dir.filePath(QStringLiteral("x.gif")), AnimationFormat::Gif);
    asked.to = 9;
    SessionAnimation animation(pauseAndUnpause());
    QCOMPARE(animation.stepCount(), std::size_t(7));
    const Status begun = animation.begin(asked);
    QVERIFY(!begun.has_value());
    QCOMPARE(QString::fromStdString(begun.error().message),
             QStringLiteral("--to 9 is outside the session, which has steps 1 to 7"));
    QVERIFY(QDir(dir.path()).isEmpty());
}

void AnimationExportTest::unwritableOutputIsRefusedAndLeavesNothing() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing-folder/x.gif"));
    const Expected<ExportSummary> written = exportOnce(request(path, AnimationFormat::Gif));
    QVERIFY(!written.has_value());
    QVERIFY2(QString::fromStdString(written.error().message).startsWith("cannot write " + path),
             written.error().message.c_str());
}

void AnimationExportTest::cancelLeavesNoFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cancelled.webm"));
    int seen = 0;
    const Expected<ExportSummary> written =
        exportOnce(request(path, AnimationFormat::WebM), [&seen](int done, int total) {
            seen = total;
            return done < 3;
        });
    QVERIFY(!written.has_value());
    QVERIFY(QString::fromStdString(written.error().message).endsWith("cancelled"));
    QCOMPARE(seen, 17);
    QVERIFY2(QDir(dir.path())
                 .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                 .isEmpty(),
             "neither the file nor its partial copy is left");
}

void AnimationExportTest::progressDialogCancelLeavesNoFile() {
    QTemporaryDir dir;
    const AnimationRequest asked =
        request(dir.filePath(QStringLiteral("cancelled.gif")), AnimationFormat::Gif);
    SessionAnimation animation(pauseAndUnpause());
    // The learner presses Cancel once the progress dialog shows.
    QTimer::singleShot(0, [] {
        for (QWidget* widget : QApplication::topLevelWidgets())
            if (auto* progress = qobject_cast<QProgressDialog*>(widget))
                progress->cancel();
    });
    const Status written = exportWithProgress(animation, asked, nullptr);
    QVERIFY(!written.has_value());
    QVERIFY(QString::fromStdString(written.error().message).endsWith("cancelled"));
    QVERIFY(QDir(dir.path())
                .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                .isEmpty());
}

void AnimationExportTest::dialogAsksForTheSessionSteps() {
    AnimationRequest defaults;
    defaults.output = QStringLiteral("/tmp/x.webm");
    defaults.format = AnimationFormat::WebM;
    defaults.speed = 4;
    AnimationDialog dialog(7, defaults);
    const AnimationRequest asked = dialog.request();
    QCOMPARE(asked.from, std::size_t(1));
    QCOMPARE(asked.to, std::optional<std::size_t>(7)); // the whole session unless chosen
    QCOMPARE(asked.format, AnimationFormat::WebM);
    QCOMPARE(asked.speed, 4.0);
    QCOMPARE(asked.size, QSize(1280, 720));
    // In the window, File > Export animation opens it.
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    bool offered = false;
    for (const QAction* action : window.menuBar()->actions().front()->menu()->actions())
        offered = offered || action->text() == QStringLiteral("Export &animation…");
    QVERIFY(offered);
}

void AnimationExportTest::badArgumentsAreRefused_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QStringList gif = {"s.json", "--format", "gif", "--out", "/tmp/none/x.gif"};
    const QStringList webm = {"s.json", "--format", "webm", "--out", "/tmp/none/x.webm"};
    QTest::newRow("no session") << QStringList{"--format", "gif", "--out", "x.gif"}
                                << "export needs the session file to play";
    QTest::newRow("no format") << QStringList{"s.json", "--out", "x.gif"}
                               << "export needs --format gif|webm|mp4";
    QTest::newRow("unknown view") << gif + QStringList{"--view", "table"}
                                  << "unknown view \"table\" (diagram|runflow|window)";
    QTest::newRow("step 0") << gif + QStringList{"--from", "0"}
                            << "--from needs a step number from 1, got \"0\"";
    QTest::newRow("backwards") << gif + QStringList{"--from", "5", "--to", "2"}
                               << "--to 2 comes before --from 5";
    QTest::newRow("too fast") << gif + QStringList{"--speed", "30"}
                              << "--speed needs a number from 0.1 to 20, got 30";
    QTest::newRow("gif at 60 fps")
        << gif + QStringList{"--fps", "60"} << "--fps 60: a GIF shows at most 50 frames a second";
    QTest::newRow("odd video") << webm + QStringList{"--size", "1281x720"}
                               << "--size 1281x720: a video needs an even width and height";
    QTest::newRow("size words") << gif + QStringList{"--size", "big"}
                                << "--size needs WIDTHxHEIGHT (such as 1280x720), got \"big\"";
    QTest::newRow("unknown option") << gif + QStringList{"--loop"} << "Unknown option 'loop'.";
    QTest::newRow("twice") << gif + QStringList{"--fps", "5", "--fps", "6"} << "--fps given twice";
}

void AnimationExportTest::badArgumentsAreRefused() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Expected<ExportInvocation> parsed = parseExportArguments(arguments);
    QVERIFY(!parsed.has_value());
    QCOMPARE(QString::fromStdString(parsed.error().message), message);
}

void AnimationExportTest::commandLineRefusesBadInput() {
    QTemporaryDir dir;
    const QString session = dir.filePath(QStringLiteral("demo.json"));
    QVERIFY(saveSessionFile(pauseAndUnpause(), session).has_value());
    const QString out = dir.filePath(QStringLiteral("out.gif"));
    Run run = runExport(
        {session, QStringLiteral("--format"), QStringLiteral("avi"), QStringLiteral("--out"), out});
    QCOMPARE(run.status, 2);
    QVERIFY2(run.errors.contains(QStringLiteral("unknown format \"avi\" (gif|webm|mp4)")),
             qPrintable(run.errors));
    run = runExport({session, QStringLiteral("--format"), QStringLiteral("gif"),
                     QStringLiteral("--out"), out, QStringLiteral("--from"), QStringLiteral("9")});
    QCOMPARE(run.status, 2);
    QVERIFY2(
        run.errors.contains(
            session + QStringLiteral(": --from 9 is outside the session, which has steps 1 to 7")),
        qPrintable(run.errors));
    // A session file cut short: its name, where it ends and why.
    QFile whole(session);
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray text = whole.readAll();
    const QString truncated = dir.filePath(QStringLiteral("truncated.json"));
    QFile cut(truncated);
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(text.left(text.size() / 2));
    cut.close();
    run = runExport({truncated, QStringLiteral("--format"), QStringLiteral("gif"),
                     QStringLiteral("--out"), out});
    QCOMPARE(run.status, 2);
    QVERIFY2(run.errors.contains(QStringLiteral("lifecycle-lab export: ") + truncated),
             qPrintable(run.errors));
    run = runExport({session, QStringLiteral("--format"), QStringLiteral("gif"),
                     QStringLiteral("--out"), dir.filePath(QStringLiteral("no/such/dir.gif"))});
    QCOMPARE(run.status, 1);
    QVERIFY2(run.errors.contains(QStringLiteral("cannot write ")), qPrintable(run.errors));
    QVERIFY(!QFile::exists(out));
}

void AnimationExportTest::commandLineWritesWithoutDisplay() {
    QTemporaryDir dir;
    const QString session = dir.filePath(QStringLiteral("demo.json"));
    QVERIFY(saveSessionFile(pauseAndUnpause(), session).has_value());
    const QString out = dir.filePath(QStringLiteral("out.gif"));
    const QStringList arguments = {session,
                                   QStringLiteral("--format"),
                                   QStringLiteral("gif"),
                                   QStringLiteral("--out"),
                                   out,
                                   QStringLiteral("--from"),
                                   QStringLiteral("4"),
                                   QStringLiteral("--speed"),
                                   QStringLiteral("2"),
                                   QStringLiteral("--fps"),
                                   QStringLiteral("10"),
                                   QStringLiteral("--size"),
                                   QStringLiteral("320x200")};
    Run run = runExport(arguments);
    QVERIFY2(run.status == 0, qPrintable(run.errors));
    const test::DecodedGif gif = test::decodeGif(out);
    QCOMPARE(QSize(gif.width, gif.height), QSize(320, 200));
    QCOMPARE(int(gif.frames.size()), 17);
    // A second run keeps the file it would replace, unless told.
    run = runExport(arguments);
    QCOMPARE(run.status, 2);
    QVERIFY2(run.errors.contains(out + QStringLiteral(" exists: --overwrite replaces it")),
             qPrintable(run.errors));
    QVERIFY(runExport(arguments + QStringList{QStringLiteral("--overwrite")}).status == 0);
}

// A class recorded on real processes (as root) animates from its file, without the kernel: the
// token moves to Paused and back as it did.
void AnimationExportTest::realSessionAnimates() {
    QTemporaryDir dir;
    const test::RealRecording real =
        test::recordRealSession(dir.filePath(QStringLiteral("state")),
                                {QStringLiteral("run -d --name web busybox sleep 300"),
                                 QStringLiteral("pause web"), QStringLiteral("unpause web")});
    if (!real.unavailable.isEmpty())
        QSKIP(qPrintable(real.unavailable));
    QVERIFY2(real.recording, qPrintable(real.failed));
    const SessionRecording& recording = *real.recording;
    QVERIFY(recording.kernel != nullptr);

    AnimationRequest asked =
        request(dir.filePath(QStringLiteral("real.gif")), AnimationFormat::Gif);
    asked.from = 1;
    SessionAnimation animation(recording);
    QVERIFY2(animation.stepCount() >= 5, qPrintable(QString::number(animation.stepCount())));
    asked.to = animation.stepCount();
    const Status begun = animation.begin(asked);
    QVERIFY2(begun.has_value(), begun ? "" : begun.error().message.c_str());
    const Expected<ExportSummary> written = writeAnimation(animation, asked, {});
    QVERIFY2(written.has_value(), written ? "" : written.error().message.c_str());
    const test::DecodedGif gif = test::decodeGif(asked.output);
    QVERIFY2(gif.error.isEmpty(), qPrintable(gif.error));
    QVERIFY(gif.frames.size() > 10);
    QVERIFY(gif.frames.front() != gif.frames[gif.frames.size() / 2]);
}

QTEST_MAIN(AnimationExportTest)
#include "tst_animation_export.moc"
