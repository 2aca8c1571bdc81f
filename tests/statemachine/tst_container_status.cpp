// go-units HumanDuration and the ps STATE/STATUS/CREATED words. Duration rows follow the
// thresholds in DOCKER-BEHAVIOUR §1.3 (go-units duration.go); status rows are strings observed on
// Engine 20.10.24 (§1.3 and tests/golden/reference-01/02).
#include "docker/ContainerStatus.h"
#include "docker/HumanDuration.h"

#include <QTest>

using namespace std::chrono_literals;
using lab::Duration;
using lab::TimePoint;
using lab::docker::Health;
using lab::docker::StateFlags;

Q_DECLARE_METATYPE(lab::Duration)
Q_DECLARE_METATYPE(lab::docker::StateFlags)

namespace {
const TimePoint kNow{std::chrono::seconds(1'800'000'000)};
} // namespace

class TestContainerStatus : public QObject {
    Q_OBJECT

private slots:
    void humanDuration_data() {
        QTest::addColumn<Duration>("span");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << Duration(0s) << "Less than a second";
        QTest::newRow("negative (clock skew)") << Duration(-5s) << "Less than a second";
        QTest::newRow("999 ms") << Duration(999ms) << "Less than a second";
        QTest::newRow("exactly 1 s") << Duration(1s) << "1 second";
        QTest::newRow("1.999 s truncates") << Duration(1999ms) << "1 second";
        QTest::newRow("2 s") << Duration(2s) << "2 seconds";
        QTest::newRow("59.9 s") << Duration(59900ms) << "59 seconds";
        QTest::newRow("60 s") << Duration(60s) << "About a minute";
        QTest::newRow("119 s") << Duration(119s) << "About a minute";
        QTest::newRow("120 s") << Duration(120s) << "2 minutes";
        QTest::newRow("59 min 59 s") << Duration(59min + 59s) << "59 minutes";
        QTest::newRow("60 min") << Duration(60min) << "About an hour";
        QTest::newRow("89 min 59 s rounds to 1 h") << Duration(89min + 59s) << "About an hour";
        QTest::newRow("90 min rounds to 2 h") << Duration(90min) << "2 hours";
        QTest::newRow("47 h 29 min") << Duration(47h + 29min) << "47 hours";
        QTest::newRow("47 h 30 min rounds to 48 h") << Duration(47h + 30min) << "2 days";
        QTest::newRow("13 days 23 h 29 min") << Duration(13 * 24h + 23h + 29min) << "13 days";
        QTest::newRow("14 days") << Duration(14 * 24h) << "2 weeks";
        QTest::newRow("59 days") << Duration(59 * 24h) << "8 weeks";
        QTest::newRow("60 days") << Duration(60 * 24h) << "2 months";
        QTest::newRow("729 days") << Duration(729 * 24h) << "24 months";
        QTest::newRow("730 days") << Duration(730 * 24h) << "2 years";
        QTest::newRow("10 years") << Duration(3652 * 24h) << "10 years";
    }
    void humanDuration() {
        QFETCH(Duration, span);
        QTEST(QString::fromStdString(lab::docker::humanDuration(span)), "text");
    }

    void stateAndStatus_data() {
        QTest::addColumn<StateFlags>("flags");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("status");
        const TimePoint t = kNow;
        QTest::newRow("created") << StateFlags{} << "created"
                                 << "Created";
        QTest::newRow("running, just started")
            << StateFlags{.running = true, .startedAt = t - 300ms} << "running"
            << "Up Less than a second";
        QTest::newRow("paused wins over health") << StateFlags{.running = true,
                                                               .paused = true,
                                                               .startedAt = t - 4s,
                                                               .health = Health::Healthy}
                                                 << "paused"
                                                 << "Up 4 seconds (Paused)";
        QTest::newRow("restarting counts from the last exit")
            << StateFlags{.running = true,
                          .restarting = true,
                          .exitCode = 1,
                          .startedAt = t - 60s,
                          .finishedAt = t - 2500ms}
            << "restarting"
            << "Restarting (1) 2 seconds ago";
        QTest::newRow("health starting")
            << StateFlags{.running = true, .startedAt = t, .health = Health::Starting} << "running"
            << "Up Less than a second (health: starting)";
        QTest::newRow("unhealthy")
            << StateFlags{.running = true, .startedAt = t - 2s, .health = Health::Unhealthy}
            << "running"
            << "Up 2 seconds (unhealthy)";
        QTest::newRow("healthy") << StateFlags{.running = true,
                                               .startedAt = t - 3s,
                                               .health = Health::Healthy}
                                 << "running"
                                 << "Up 3 seconds (healthy)";
        QTest::newRow("exited by SIGKILL")
            << StateFlags{.exitCode = 137, .startedAt = t - 10s, .finishedAt = t - 10ms} << "exited"
            << "Exited (137) Less than a second ago";
        QTest::newRow("exited with code 3")
            << StateFlags{.exitCode = 3, .startedAt = t - 10s, .finishedAt = t - 3s} << "exited"
            << "Exited (3) 3 seconds ago";
        QTest::newRow("removing") << StateFlags{.removalInProgress = true,
                                                .dead = true,
                                                .startedAt = t - 9s,
                                                .finishedAt = t}
                                  << "removing"
                                  << "Removal In Progress";
        QTest::newRow("dead") << StateFlags{.dead = true, .startedAt = t - 9s, .finishedAt = t}
                              << "dead"
                              << "Dead";
        QTest::newRow("failed first start stays created")
            << StateFlags{.exitCode = 127, .finishedAt = t} << "created"
            << "Created";
        QTest::newRow("running beats removal in progress (rm -f)")
            << StateFlags{.running = true, .removalInProgress = true, .startedAt = t - 1s}
            << "running"
            << "Up 1 second";
    }
    void stateAndStatus() {
        QFETCH(StateFlags, flags);
        QTEST(QString::fromStdString(lab::docker::stateString(flags)), "state");
        QTEST(QString::fromStdString(lab::docker::statusString(flags, kNow)), "status");
    }

    void createdColumnSaysAgo() {
        QCOMPARE(lab::docker::createdString(kNow - 2h, kNow), std::string("2 hours ago"));
        QCOMPARE(lab::docker::createdString(kNow, kNow), std::string("Less than a second ago"));
    }
};

QTEST_APPLESS_MAIN(TestContainerStatus)
#include "tst_container_status.moc"
