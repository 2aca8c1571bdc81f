// The desktop window (issue 3 targets: first frame under 400 ms, one animation frame of the
// diagram with 100 containers under 4 ms; and the memory of the running app; issue 12: in
// presenter mode at 1920x1080, a frame with 1,000 containers under 16 ms, one 60 Hz frame).
// Baselines, in the same run: an empty main window of the same size shown and painted (what Qt
// itself costs), and the diagram's frame with no container on it (what the tokens add).
#include "engine/Engine.h"
#include "gui/diagram/DiagramPalette.h"
#include "gui/diagram/DiagramToken.h"
#include "gui/diagram/LifecycleDiagram.h"
#include "gui/window/DisplayModes.h"
#include "gui/window/EngineSignals.h"
#include "gui/window/MainWindow.h"
#include "gui/window/Playback.h"
#include "gui/window/StepTimeline.h"
#include "session/SimulatedSession.h"
#include "session/WorldFile.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QMainWindow>
#include <QPainter>
#include <QRegularExpression>
#include <benchmark/benchmark.h>
#include <iostream>
#include <memory>

namespace {

constexpr QSize kWindowSize(1500, 1000);
constexpr QSize kPresenterSize(1920, 1080); // a projector's full screen

lab::World world() {
    return *lab::loadDefaultWorld();
}

// What the app shows first: the window built, laid out and painted once.
void BM_MainWindowFirstFrame(benchmark::State& state) {
    for (auto _ : state) {
        lab::SimulatedSession session(world(), 1);
        lab::MainWindow window(session);
        window.resize(kWindowSize);
        window.show();
        benchmark::DoNotOptimize(window.grab());
    }
}

void BM_EmptyWindowFirstFrame(benchmark::State& state) {
    for (auto _ : state) {
        QMainWindow window;
        window.setCentralWidget(new QWidget);
        window.resize(kWindowSize);
        window.show();
        benchmark::DoNotOptimize(window.grab());
    }
}

// The first frame in presenter mode: the window built, switched to presenter mode at a
// projector's size, laid out and painted once.
void BM_PresenterFirstFrame(benchmark::State& state) {
    for (auto _ : state) {
        lab::SimulatedSession session(world(), 1);
        lab::MainWindow window(session);
        window.show();
        window.displayModes().presenterAction()->setChecked(true);
        window.showNormal(); // the offscreen screen is smaller than a projector's
        window.resize(kPresenterSize);
        benchmark::DoNotOptimize(window.grab());
        window.displayModes().presenterAction()->setChecked(false);
    }
}

struct DiagramLab {
    lab::SimulatedSession session{world(), 1};
    lab::MainWindow window{session};

    explicit DiagramLab(int containers, bool presenter = false) {
        window.playback().setPaused(true);
        window.resize(kWindowSize);
        window.show();
        if (presenter) {
            window.displayModes().presenterAction()->setChecked(true);
            window.showNormal();
            window.resize(kPresenterSize);
        }
        for (int i = 0; i < containers; ++i)
            session.run(
                {"run", "-d", "--name", "c" + std::to_string(i), "busybox", "sleep", "300"});
        window.playback().timeline().showAll();
        window.diagram().settle();
        QApplication::processEvents(); // laid out at its size
    }
    ~DiagramLab() { window.displayModes().presenterAction()->setChecked(false); }
    DiagramLab(const DiagramLab&) = delete;
    DiagramLab& operator=(const DiagramLab&) = delete;
};

// Frames of the diagram as the animation paints them: every token moved, the whole view painted
// (into an image of the view's size, as the offscreen platform would into its backing store).
void paintFrames(benchmark::State& state, lab::LifecycleDiagram& diagram, lab::Engine& engine) {
    std::vector<lab::TokenItem*> tokens;
    for (const lab::Container* container : engine.containers())
        tokens.push_back(diagram.token(QString::fromStdString(container->id)));
    QImage frame(diagram.size(), QImage::Format_ARGB32_Premultiplied);
    qreal offset = 1;
    for (auto _ : state) {
        offset = -offset;
        for (lab::TokenItem* token : tokens)
            token->setPos(token->pos() + QPointF(offset, 0));
        QPainter painter(&frame);
        diagram.render(&painter);
    }
    state.counters["width"] = frame.width();
    state.counters["height"] = frame.height();
    state.counters["tokens"] = double(tokens.size());
}

void diagramFrame(benchmark::State& state, int containers) {
    DiagramLab lab(containers);
    paintFrames(state, lab.window.diagram(), lab.session.engine());
}

void BM_DiagramFrame100Containers(benchmark::State& state) {
    diagramFrame(state, 100);
}

void BM_DiagramFrameNoContainer(benchmark::State& state) {
    diagramFrame(state, 0);
}

// The diagram as presenter mode shows it at 1920x1080 (its size read from a window in presenter
// mode), on its own: with 1,000 containers the window's other panels (the timeline's thousand
// bands) would make the setup take minutes, and the frame is the diagram's.
struct PresenterDiagramLab {
    lab::SimulatedSession session{world(), 1};
    lab::EngineSignals engineSignals{session.engine()};
    lab::StepTimeline timeline{engineSignals};
    lab::LifecycleDiagram diagram{timeline};

    explicit PresenterDiagramLab(int containers) {
        QSize presented;
        {
            DiagramLab sized(0, true);
            presented = sized.window.diagram().size();
        }
        lab::setDiagramStyle({false, 2, lab::DisplayModes::kPresenterTextScale});
        diagram.restyle();
        diagram.resize(presented);
        diagram.show();
        for (int i = 0; i < containers; ++i)
            session.run(
                {"run", "-d", "--name", "c" + std::to_string(i), "busybox", "sleep", "300"});
        timeline.showAll();
        diagram.settle();
        QApplication::processEvents();
    }
    ~PresenterDiagramLab() { lab::setDiagramStyle({}); }
    PresenterDiagramLab(const PresenterDiagramLab&) = delete;
    PresenterDiagramLab& operator=(const PresenterDiagramLab&) = delete;
};

void presenterFrame(benchmark::State& state, int containers) {
    PresenterDiagramLab lab(containers);
    paintFrames(state, lab.diagram, lab.session.engine());
}

void BM_PresenterFrame1000Containers(benchmark::State& state) {
    presenterFrame(state, 1000);
}

void BM_PresenterFrameNoContainer(benchmark::State& state) {
    presenterFrame(state, 0);
}

BENCHMARK(BM_MainWindowFirstFrame)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EmptyWindowFirstFrame)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DiagramFrame100Containers)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DiagramFrameNoContainer)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PresenterFirstFrame)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PresenterFrame1000Containers)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PresenterFrameNoContainer)->Unit(benchmark::kMillisecond);

// The resident set of this process, in MiB (Linux).
double residentMiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QRegularExpression line(QStringLiteral("VmRSS:\\s+(\\d+) kB"));
    const auto match = line.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toDouble() / 1024 : -1;
}

void reportMemory() {
    const double bare = residentMiB();
    auto lab = std::make_unique<DiagramLab>(0);
    const double window = residentMiB();
    lab.reset();
    DiagramLab busy(100);
    const double hundred = residentMiB();
    std::cout << "RSS: QApplication alone " << bare << " MiB; the window shown " << window
              << " MiB; with 100 containers " << hundred << " MiB\n";
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    reportMemory();
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
