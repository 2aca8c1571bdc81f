// A pull on engine time, layer by layer (reference section 4.2): three downloads at once, then
// extraction bottom first; the progress lines say what the per-layer schedule says; and the run
// flow tells the engine's observers every step it takes, with the plan when the layers start.
#include "EngineFixture.h"
#include "engine/Pull.h"

#include <QtTest>

using namespace lab;
using lab::test::EngineFixture;

namespace {

using std::chrono::milliseconds;

// Six layers, as big as a small web server's: two large, four small.
ImageSpec sixLayers() {
    ImageSpec spec{{"sh"}, {}, "", {{27'000'000}, {24'000'000}, {600}, {900}, {8'000'000}, {100}}};
    return spec;
}

int rank(const LayerProgress& progress) {
    return int(progress.phase) * 2 + (progress.fraction >= 1 ? 1 : 0);
}

// Records every run-flow step the engine relays.
struct FlowRecorder final : EngineObserver {
    struct Seen {
        RunFlowReaction reaction;
        TimePoint at;
        std::optional<PullPlan> pull;
    };
    void runFlowMoved(const RunFlowReport& report) override {
        seen.push_back(
            {report.reaction, report.at, report.pull ? std::optional(*report.pull) : std::nullopt});
    }
    std::vector<Seen> seen;
};

} // namespace

class PullPlanTest : public QObject {
    Q_OBJECT
private slots:
    void threeDownloadsAtOnceThenExtractionBottomFirst();
    void layersMoveForwardThroughTheirPhases();
    void progressLinesFollowTheSchedule();
    void imageAlreadyHereDownloadsNothing();
    void aRealDownloadFollowsItsBytes();
    void runFlowReportsEveryStepWithThePlan();
};

void PullPlanTest::threeDownloadsAtOnceThenExtractionBottomFirst() {
    const TimePoint start{std::chrono::seconds(100)};
    const PullPlan plan = planPull(sixLayers(), ImageStore{}, start);
    QCOMPARE(plan.layers.size(), std::size_t(6));
    int atStart = 0;
    for (const LayerPull& layer : plan.layers) {
        atStart += layer.downloadStart == start ? 1 : 0;
        QVERIFY(layer.downloadStart <= layer.downloaded);
        QVERIFY(layer.downloaded <= layer.extractStart);
        QVERIFY(layer.extractStart < layer.extracted);
    }
    QCOMPARE(atStart, 3);
    // The fourth waits for the first slot to free: the 600-byte layer's.
    QCOMPARE(plan.layers[3].downloadStart, plan.layers[2].downloaded);
    for (std::size_t i = 1; i < plan.layers.size(); ++i)
        QVERIFY(plan.layers[i - 1].extracted <= plan.layers[i].extractStart);
    // 27 MB at the simulated 20 MB/s.
    QCOMPARE(plan.layers[0].downloaded - start, Duration(milliseconds(1350)));
}

void PullPlanTest::layersMoveForwardThroughTheirPhases() {
    const TimePoint start{};
    const PullPlan plan = planPull(sixLayers(), ImageStore{}, start);
    for (const LayerPull& layer : plan.layers) {
        QCOMPARE(progressAt(layer, start - milliseconds(1)).phase, LayerPhase::Waiting);
        int before = -1;
        for (TimePoint t = start; t <= plan.layers.back().extracted; t += milliseconds(10)) {
            const LayerProgress now = progressAt(layer, t);
            QVERIFY(now.fraction >= 0 && now.fraction <= 1);
            QVERIFY2(rank(now) >= before, "a layer went back");
            before = rank(now);
        }
        QCOMPARE(progressAt(layer, layer.extracted).phase, LayerPhase::Complete);
    }
    const LayerPull& big = plan.layers[0];
    const LayerProgress half =
        progressAt(big, big.downloadStart + (big.downloaded - big.downloadStart) / 2);
    QCOMPARE(half.phase, LayerPhase::Downloading);
    QVERIFY(std::abs(half.fraction - 0.5) < 0.01);
}

void PullPlanTest::progressLinesFollowTheSchedule() {
    const PullPlan plan = planPull(sixLayers(), ImageStore{}, TimePoint{});
    auto batchOf = [&](const std::string& line) -> std::optional<TimePoint> {
        for (const PullBatch& batch : plan.batches)
            if (std::find(batch.lines.begin(), batch.lines.end(), line) != batch.lines.end())
                return batch.at;
        return std::nullopt;
    };
    for (std::size_t i = 0; i < plan.layers.size(); ++i) {
        const LayerPull& layer = plan.layers[i];
        QCOMPARE(batchOf(layer.shortId + ": Pulling fs layer"), std::optional(TimePoint{}));
        QCOMPARE(batchOf(layer.shortId + ": Waiting").has_value(), i >= 3);
        QCOMPARE(batchOf(layer.shortId + ": Download complete"), std::optional(layer.downloaded));
        QCOMPARE(batchOf(layer.shortId + ": Pull complete"), std::optional(layer.extracted));
    }
}

void PullPlanTest::imageAlreadyHereDownloadsNothing() {
    ImageStore store;
    store.add(sixLayers(), *docker::parseImageReference("web"), TimePoint{});
    const PullPlan plan = planPull(sixLayers(), store, TimePoint{});
    QVERIFY(plan.upToDate);
    QVERIFY(plan.layers.empty());
    QVERIFY(plan.batches.empty());
    QCOMPARE(plan.digest, planPull(sixLayers(), ImageStore{}, TimePoint{}).digest);
}

// A real pull's record: the bar is as far as the bytes received, between samples in proportion,
// and a phase not reached yet is not shown.
void PullPlanTest::aRealDownloadFollowsItsBytes() {
    const TimePoint start{};
    LayerPull layer{"0123456789ab", 1000, false, start, kNotYet, kNotYet, kNotYet};
    layer.received = {{start + milliseconds(10), 100}, {start + milliseconds(30), 900}};
    QCOMPARE(progressAt(layer, start - milliseconds(1)).phase, LayerPhase::Waiting);
    QCOMPARE(progressAt(layer, start).fraction, 0.0);
    QCOMPARE(progressAt(layer, start + milliseconds(5)).fraction, 0.05);
    QCOMPARE(progressAt(layer, start + milliseconds(20)).fraction, 0.5);
    const LayerProgress stalled = progressAt(layer, start + milliseconds(500));
    QCOMPARE(stalled.phase, LayerPhase::Downloading); // still downloading: not verified yet
    QCOMPARE(stalled.fraction, 0.9);

    layer.received.push_back({start + milliseconds(40), 1000});
    layer.downloaded = layer.extractStart = start + milliseconds(41);
    layer.extracted = start + milliseconds(50);
    QCOMPARE(progressAt(layer, start + milliseconds(40)).fraction, 1.0);
    QCOMPARE(progressAt(layer, start + milliseconds(45)).phase, LayerPhase::Extracting);
    QCOMPARE(progressAt(layer, start + milliseconds(50)).phase, LayerPhase::Complete);
}

void PullPlanTest::runFlowReportsEveryStepWithThePlan() {
    EngineFixture lab;
    FlowRecorder recorder;
    lab.engine.addObserver(recorder);
    const TimePoint before = lab.clock.now();
    QCOMPARE(lab.docker("pull hello-world").status, 0);
    lab.engine.removeObserver(recorder);
    const auto& seen = recorder.seen;
    QVERIFY(seen.size() >= 5);
    QCOMPARE(seen.front().reaction.from, RunStep::Start);
    QCOMPARE(seen.front().reaction.to, RunStep::ParseReference);
    QCOMPARE(seen.back().reaction.to, RunStep::Done);
    QCOMPARE(seen.back().reaction.exitStatus, std::optional(0));
    int plans = 0;
    for (std::size_t i = 0; i < seen.size(); ++i) {
        // Each step starts where the last ended, on the table row that fired, in time order.
        const RunFlowRow& row = RunFlowMachine::table().at(std::size_t(seen[i].reaction.row));
        QCOMPARE(row.source, seen[i].reaction.from);
        QCOMPARE(row.target, seen[i].reaction.to);
        if (i > 0) {
            QCOMPARE(seen[i].reaction.from, seen[i - 1].reaction.to);
            QVERIFY(seen[i].at >= seen[i - 1].at);
        }
        if (seen[i].pull) {
            ++plans;
            QCOMPARE(seen[i].reaction.to, RunStep::PullLayers);
            QCOMPARE(seen.back().at, seen[i].pull->layers.back().extracted);
        }
    }
    QCOMPARE(plans, 1);
    QVERIFY(seen.back().at > before); // the pull took engine time
}

QTEST_MAIN(PullPlanTest)
#include "tst_pull_plan.moc"
