// Docker's restart manager and the --restart option (DOCKER-BEHAVIOUR.md §2.12; moby v20.10.24
// restartmanager/restartmanager.go, docker CLI 28 opts.ParseRestartPolicy, daemon 20.10
// verifyContainerSettings).

#include "machines/RestartManager.h"

#include <QtTest>

using namespace lab;

namespace {

LifecycleRecord record(RestartPolicyKind kind, int maxRetries = 0, int restartCount = 0) {
    LifecycleRecord r;
    r.restartPolicy = {kind, maxRetries};
    r.restartCount = restartCount;
    return r;
}

} // namespace

Q_DECLARE_METATYPE(lab::RestartPolicyKind)

class TestRestartManager : public QObject {
    Q_OBJECT

private slots:
    void decision_data();
    void decision();
    void backoffDoublesUpToAMinute();
    void backoffStartsOverAfterTenSeconds();
    void delayMovesEvenWhenThePolicySaysNo();
    void noPolicyAndCancelledLeaveTheDelayAlone();
    void restoreNeedsAStartedContainer();
    void parse_data();
    void parse();
};

void TestRestartManager::decision_data() {
    QTest::addColumn<RestartPolicyKind>("kind");
    QTest::addColumn<int>("maxRetries");
    QTest::addColumn<int>("restartCount");
    QTest::addColumn<bool>("cancelled");
    QTest::addColumn<bool>("manuallyStopped");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("restarts");
    using K = RestartPolicyKind;
    QTest::newRow("no: never") << K::No << 0 << 0 << false << false << 1 << false;
    QTest::newRow("always: even after a manual stop")
        << K::Always << 0 << 7 << false << true << 0 << true;
    QTest::newRow("always, cancelled (stop, kill, rm): never")
        << K::Always << 0 << 0 << true << false << 1 << false;
    QTest::newRow("unless-stopped: restarts")
        << K::UnlessStopped << 0 << 0 << false << false << 0 << true;
    QTest::newRow("unless-stopped, manually stopped: not")
        << K::UnlessStopped << 0 << 0 << false << true << 1 << false;
    QTest::newRow("on-failure, exit 0: not")
        << K::OnFailure << 0 << 0 << false << false << 0 << false;
    QTest::newRow("on-failure, exit 1: restarts")
        << K::OnFailure << 0 << 50 << false << false << 1 << true;
    QTest::newRow("on-failure, manual stop does not matter")
        << K::OnFailure << 0 << 0 << false << true << 143 << true;
    QTest::newRow("on-failure:3 after 2 restarts: restarts")
        << K::OnFailure << 3 << 2 << false << false << 3 << true;
    QTest::newRow("on-failure:3 after 3 restarts: not")
        << K::OnFailure << 3 << 3 << false << false << 3 << false;
}

void TestRestartManager::decision() {
    QFETCH(RestartPolicyKind, kind);
    QFETCH(int, maxRetries);
    QFETCH(int, restartCount);
    QFETCH(bool, cancelled);
    QFETCH(bool, manuallyStopped);
    QFETCH(int, exitCode);
    QFETCH(bool, restarts);
    LifecycleRecord r = record(kind, maxRetries, restartCount);
    r.restartCancelled = cancelled;
    QCOMPARE(decideRestart(r, exitCode, 1s, manuallyStopped).restart, restarts);
}

void TestRestartManager::backoffDoublesUpToAMinute() {
    LifecycleRecord r = record(RestartPolicyKind::Always);
    std::vector<Duration> delays;
    for (int i = 0; i < 12; ++i) {
        r.backoff = decideRestart(r, 1, 0s, false).backoff;
        delays.push_back(r.backoff);
    }
    const std::vector<Duration> expected{100ms,  200ms,   400ms,   800ms,   1600ms, 3200ms,
                                         6400ms, 12800ms, 25600ms, 51200ms, 60s,    60s};
    QCOMPARE(delays, expected);
}

void TestRestartManager::backoffStartsOverAfterTenSeconds() {
    LifecycleRecord r = record(RestartPolicyKind::Always);
    r.backoff = 51200ms;
    QCOMPARE(decideRestart(r, 1, 9999ms, false).backoff, Duration(60s));
    QCOMPARE(decideRestart(r, 1, 10s, false).backoff, Duration(100ms));
}

void TestRestartManager::delayMovesEvenWhenThePolicySaysNo() {
    // ShouldRestart updates the delay before it looks at the policy.
    LifecycleRecord r = record(RestartPolicyKind::UnlessStopped);
    r.backoff = 400ms;
    const auto d = decideRestart(r, 0, 1s, true);
    QVERIFY(!d.restart);
    QCOMPARE(d.backoff, Duration(800ms));
}

void TestRestartManager::noPolicyAndCancelledLeaveTheDelayAlone() {
    LifecycleRecord none = record(RestartPolicyKind::No);
    none.backoff = 400ms;
    QCOMPARE(decideRestart(none, 1, 1s, false).backoff, Duration(400ms));
    LifecycleRecord cancelled = record(RestartPolicyKind::Always);
    cancelled.backoff = 400ms;
    cancelled.restartCancelled = true;
    QCOMPARE(decideRestart(cancelled, 1, 1s, false).backoff, Duration(400ms));
}

void TestRestartManager::restoreNeedsAStartedContainer() {
    LifecycleRecord r = record(RestartPolicyKind::Always);
    r.restartCancelled = true; // a new daemon has a new manager: the old cancel is forgotten
    QVERIFY(!restartsOnRestore(r));
    r.hasBeenStarted = true;
    QVERIFY(restartsOnRestore(r));
}

void TestRestartManager::parse_data() {
    // "" for errors that do not happen; the CLI's (28) come before the daemon's (20.10).
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("autoRemove");
    QTest::addColumn<QString>("cliError");
    QTest::addColumn<QString>("daemonError");
    QTest::addColumn<RestartPolicyKind>("kind");
    QTest::addColumn<int>("maxRetries");
    using K = RestartPolicyKind;
    const QString integer = "invalid restart policy format: maximum retry count must be an integer";
    QTest::newRow("empty: no policy") << "" << false << ""
                                      << "" << K::No << 0;
    QTest::newRow("no") << "no" << false << ""
                        << "" << K::No << 0;
    QTest::newRow("always") << "always" << false << ""
                            << "" << K::Always << 0;
    QTest::newRow("unless-stopped") << "unless-stopped" << false << ""
                                    << "" << K::UnlessStopped << 0;
    QTest::newRow("on-failure") << "on-failure" << false << ""
                                << "" << K::OnFailure << 0;
    QTest::newRow("on-failure:3") << "on-failure:3" << false << ""
                                  << "" << K::OnFailure << 3;
    QTest::newRow("on-failure:+5 (Go's Atoi takes a sign)") << "on-failure:+5" << false << ""
                                                            << "" << K::OnFailure << 5;
    QTest::newRow("on-failure: (empty count)") << "on-failure:" << false << ""
                                               << "" << K::OnFailure << 0;
    QTest::newRow("always:0") << "always:0" << false << ""
                              << "" << K::Always << 0;
    QTest::newRow(":1") << ":1" << false
                        << "invalid restart policy format: no policy provided before colon"
                        << "" << K::No << 0;
    QTest::newRow("always:2:3") << "always:2:3" << false << integer << "" << K::No << 0;
    QTest::newRow("on-failure:invalid")
        << "on-failure:invalid" << false << integer << "" << K::No << 0;
    QTest::newRow("on-failure:- (sign only)")
        << "on-failure:-" << false << integer << "" << K::No << 0;
    QTest::newRow("on-failure:99999999999999999999 (beyond int64)")
        << "on-failure:99999999999999999999" << false << integer << "" << K::No << 0;
    QTest::newRow("always:1") << "always:1" << false << ""
                              << "maximum retry count cannot be used with restart policy 'always'"
                              << K::No << 0;
    QTest::newRow("no:2") << "no:2" << false << ""
                          << "maximum retry count cannot be used with restart policy 'no'" << K::No
                          << 0;
    QTest::newRow("on-failure:-1") << "on-failure:-1" << false << ""
                                   << "maximum retry count cannot be negative" << K::No << 0;
    QTest::newRow("bogus") << "bogus" << false << ""
                           << "invalid restart policy 'bogus'" << K::No << 0;
    QTest::newRow("--rm --restart=always")
        << "always" << true << "conflicting options: cannot specify both --restart and --rm"
        << "can't create 'AutoRemove' container with restart policy" << K::No << 0;
    QTest::newRow("--rm --restart=bogus: AutoRemove is checked first")
        << "bogus" << true << "conflicting options: cannot specify both --restart and --rm"
        << "can't create 'AutoRemove' container with restart policy" << K::No << 0;
    QTest::newRow("--rm --restart=no") << "no" << true << ""
                                       << "" << K::No << 0;
}

void TestRestartManager::parse() {
    QFETCH(QString, text);
    QFETCH(bool, autoRemove);
    QFETCH(QString, cliError);
    QFETCH(QString, daemonError);
    QFETCH(RestartPolicyKind, kind);
    QFETCH(int, maxRetries);
    const auto parsed = parseRestartPolicy(text.toStdString());
    if (!parsed.has_value()) {
        QCOMPARE(QString::fromStdString(parsed.error().message), cliError);
        return;
    }
    const auto conflict = checkRestartWithAutoRemove(*parsed, autoRemove);
    QCOMPARE(conflict.has_value() ? QString() : QString::fromStdString(conflict.error().message),
             cliError);
    // The daemon sees what a client sends, even one that skips the CLI's checks.
    const auto validated = validateRestartPolicy(*parsed, autoRemove);
    if (!validated.has_value()) {
        QCOMPARE(QString::fromStdString(validated.error().message), daemonError);
        return;
    }
    QVERIFY(daemonError.isEmpty());
    QCOMPARE(validated->kind, kind);
    QCOMPARE(validated->maxRetries, maxRetries);
}

QTEST_APPLESS_MAIN(TestRestartManager)
#include "tst_restart_manager.moc"
