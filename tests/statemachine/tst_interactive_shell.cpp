// busybox sh started with its stdin open (docker run -i, -it): it reads its commands from stdin a
// line at a time, on engine time, and ends at end of file with its last status or at exit N.
#include "sim/Workload.h"

#include <QtTest>

using namespace lab;
using namespace std::chrono_literals;

namespace {

const TimePoint kStart = TimePoint(1'790'000'000s);

// What happenings printed on one stream, and the exit code if one came.
struct Seen {
    std::string out;
    std::string err;
    std::optional<int> exitCode;
};

Seen seen(const std::vector<Happening>& happenings) {
    Seen result;
    for (const Happening& happening : happenings) {
        if (happening.kind == Happening::Kind::Exit)
            result.exitCode = happening.exitCode;
        else if (happening.kind == Happening::Kind::Output)
            (happening.stream == Stream::Stdout ? result.out : result.err) += happening.text;
    }
    return result;
}

Workload startShell(bool stdinOpen) {
    auto started = Workload::start({"sh"}, false, kStart, nullptr, {}, nullptr, stdinOpen);
    if (!started)
        qFatal("sh did not start");
    return std::move(*started);
}

} // namespace

class TestInteractiveShell : public QObject {
    Q_OBJECT

private slots:
    void withoutStdinItMeetsEndOfFileAtOnce() {
        Workload sh = startShell(false);
        QCOMPARE(seen(sh.advanceTo(kStart)).exitCode, std::optional<int>(0));
    }

    void eachWholeLineRunsAsItComes() {
        Workload sh = startShell(true);
        QCOMPARE(seen(sh.advanceTo(kStart)).exitCode, std::nullopt); // waits for input
        QCOMPARE(sh.nextWake(), std::nullopt);
        QCOMPARE(seen(sh.input("echo hel", false, kStart + 1s)).out, std::string());
        QCOMPARE(seen(sh.input("lo\n", false, kStart + 2s)).out, std::string("hello\n"));
        // A syntax error is said and the shell reads on, with $? at 2.
        const Seen error = seen(sh.input("fi\necho $?\n", false, kStart + 3s));
        QVERIFY2(error.err.starts_with("sh: syntax error"), error.err.c_str());
        QCOMPARE(error.out, std::string("2\n"));
        QCOMPARE(error.exitCode, std::nullopt);
    }

    void aCommandThatTakesTimeRunsOnEngineTime() {
        Workload sh = startShell(true);
        QCOMPARE(seen(sh.input("sleep 2; echo late\n", false, kStart)).out, std::string());
        QCOMPARE(sh.nextWake(), std::optional<TimePoint>(kStart + 2s));
        QCOMPARE(seen(sh.advanceTo(kStart + 2s)).out, std::string("late\n"));
    }

    void endOfFileEndsWithTheLastStatus() {
        Workload sh = startShell(true);
        sh.input("false\n", false, kStart);
        QCOMPARE(seen(sh.input("", true, kStart + 1s)).exitCode, std::optional<int>(1));
    }

    void exitEndsWithItsStatusAndTheRestIsNotRun() {
        Workload sh = startShell(true);
        const Seen ended = seen(sh.input("exit 5\necho after\n", false, kStart));
        QCOMPARE(ended.exitCode, std::optional<int>(5));
        QCOMPARE(ended.out, std::string());
    }

    void whatIsTypedWhileFrozenRunsAtTheThaw() {
        Workload sh = startShell(true);
        sh.freeze(kStart + 1s);
        QCOMPARE(seen(sh.input("echo later\n", false, kStart + 2s)).out, std::string());
        QCOMPARE(seen(sh.thaw(kStart + 3s)).out, std::string("later\n"));
    }
};

QTEST_GUILESS_MAIN(TestInteractiveShell)
#include "tst_interactive_shell.moc"
