// Animations for slides (issue 15): a 30-step session exported at 1280x720, 25 fps, must take
// less wall time than the session's own playback at 1x. The ratio export time / playback time
// is the figure (below 1 passes); the file's size is reported with it. Real (wall) time, since
// that is what a teacher waits, and the encoders run threads of their own.
#include "gui/export/AnimationExport.h"
#include "gui/export/SessionAnimation.h"
#include "session/WorldFile.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <chrono>
#include <string>
#include <tuple>

namespace {

using namespace std::chrono_literals;
using Words = std::vector<std::string>;

constexpr std::size_t kSteps = 30;

// Three containers through run, pause, stop (its ten-second timeout), start, restart and rm.
lab::SessionRecording thirtySteps() {
    lab::SessionRecording recording{1, *lab::loadDefaultWorld(), {}};
    recording.entries = {
        {0s, Words{"run", "-d", "--name", "web", "busybox", "sleep", "300"}, {}},
        {1s, Words{"run", "-d", "--name", "api", "busybox", "sleep", "300"}, {}},
        {2s, Words{"pause", "web"}, {}},
        {3s, Words{"unpause", "web"}, {}},
        {4s, Words{"stop", "api"}, {}},
        {15s, Words{"start", "api"}, {}},
        {16s, Words{"create", "--name", "job", "busybox", "echo", "hi"}, {}},
        {17s, Words{"start", "job"}, {}},
        {18s, Words{"restart", "-t", "1", "web"}, {}},
        {21s, Words{"rm", "job"}, {}},
        {22s, Words{"kill", "api"}, {}},
        {23s, Words{"rm", "api"}, {}},
    };
    return recording;
}

void BM_Export30Steps(benchmark::State& state, lab::AnimationView view,
                      lab::AnimationFormat format) {
    QTemporaryDir dir;
    lab::AnimationRequest request;
    request.view = view;
    request.format = format;
    request.output = dir.filePath(QStringLiteral("session.") + lab::animationFormatName(format));
    request.to = kSteps;
    request.overwrite = true;
    const lab::SessionRecording recording = thirtySteps();
    double playback = 0;
    lab::ExportSummary summary;
    for (auto _ : state) {
        state.PauseTiming(); // the session replayed: what opening it costs, not the export
        lab::SessionAnimation animation(recording);
        if (animation.stepCount() < kSteps) {
            state.SkipWithError("the session has fewer than 30 steps");
            return;
        }
        if (const lab::Status begun = animation.begin(request); !begun) {
            state.SkipWithError(begun.error().message.c_str());
            return;
        }
        // Playback time at 1x: the frames are 1/25 s each, the held second left out.
        playback = double(animation.frameCount() - 1 - request.fps) / request.fps;
        state.ResumeTiming();
        const lab::Expected<lab::ExportSummary> written = lab::writeAnimation(animation, request);
        if (!written) {
            state.SkipWithError(written.error().message.c_str());
            return;
        }
        summary = *written;
    }
    state.counters["playback_s"] = playback;
    state.counters["export_over_playback"] = benchmark::Counter(
        playback * double(state.iterations()),
        benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
    state.counters["frames"] = summary.frames;
    state.counters["bytes"] = double(summary.bytes);
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    using lab::AnimationFormat;
    using lab::AnimationView;
    for (const auto& [name, view, format] :
         {std::tuple{"diagram_gif", AnimationView::Diagram, AnimationFormat::Gif},
          std::tuple{"diagram_webm", AnimationView::Diagram, AnimationFormat::WebM},
          std::tuple{"diagram_mp4", AnimationView::Diagram, AnimationFormat::Mp4},
          std::tuple{"window_gif", AnimationView::Window, AnimationFormat::Gif},
          std::tuple{"window_webm", AnimationView::Window, AnimationFormat::WebM}})
        benchmark::RegisterBenchmark((std::string("BM_Export30Steps/") + name).c_str(),
                                     BM_Export30Steps, view, format)
            ->Unit(benchmark::kSecond)
            ->UseRealTime();
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
