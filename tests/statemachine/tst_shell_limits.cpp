// Hostile input to the simulated busybox sh and its applets: every case used to crash the lab
// (SIGFPE, stack overflow) or to grow without end. Each answer is busybox's where busybox has one
// (docs/WORKLOAD.md), else the simulation's budget in clear words (base/Limits.h).

#include "base/Limits.h"
#include "sim/Workload.h"

#include <QtTest>

using namespace lab;

namespace {

const TimePoint kStart = TimePoint(1'790'000'000s);

struct Ran {
    QString out;
    QString err;
    std::optional<int> code;
};

// Runs argv for up to `horizon` of engine time, as the engine's clock would.
Ran run(const std::vector<std::string>& argv, Duration horizon = 10s) {
    Ran ran;
    auto started = Workload::start(argv, false, kStart);
    if (!started.has_value())
        return ran;
    Workload& workload = started.value();
    while (true) {
        const auto wake = workload.nextWake();
        const TimePoint until = wake && *wake <= kStart + horizon ? *wake : kStart + horizon;
        for (const Happening& h : workload.advanceTo(until)) {
            if (h.kind == Happening::Kind::Exit)
                ran.code = h.exitCode;
            else
                (h.stream == Stream::Stdout ? ran.out : ran.err) += QString::fromStdString(h.text);
        }
        if (ran.code || until == kStart + horizon)
            return ran;
    }
}

Ran sh(const std::string& script, Duration horizon = 10s) {
    return run({"sh", "-c", script}, horizon);
}

std::string repeat(const std::string& text, int times) {
    std::string out;
    for (int i = 0; i < times; ++i)
        out += text;
    return out;
}

} // namespace

class TestShellLimits : public QObject {
    Q_OBJECT

private slots:
    void arithmeticWrapsAsBusybox() {
        // busybox's math.c: LLONG_MIN / -1 is LLONG_MIN (x86 would trap), LLONG_MIN % -1 is 0,
        // and + - * and unary minus wrap around.
        const Ran ran = sh("echo $(( (-9223372036854775807-1) / -1 )) "
                           "$(( (-9223372036854775807-1) % -1 )) $(( 9223372036854775807 + 1 )) "
                           "$(( -(-9223372036854775807-1) )) $(( 4611686018427387904 * 2 )) "
                           "$(( (-9223372036854775807-1) - 1 )) $(( 7 / -1 ))");
        QCOMPARE(ran.out, "-9223372036854775808 0 -9223372036854775808 -9223372036854775808 "
                          "-9223372036854775808 9223372036854775807 -7\n");
        QCOMPARE(ran.code, 0);
    }

    void divisionByZeroIsBusyboxsError() {
        const Ran ran = sh("echo $(( 1 / 0 ))");
        QCOMPARE(ran.err, "sh: divide by zero\n");
        QCOMPARE(ran.code, 2);
    }

    void deepArithmeticIsRefused() {
        const Ran fits = sh("echo $((" + repeat("- ", limits::kShellDepth - 1) + "1))");
        QCOMPARE(fits.out, "-1\n"); // an odd number of minus signs
        const Ran deep = sh("echo $((" + repeat("- ", 100000) + "1))");
        QCOMPARE(deep.err, "sh: arithmetic nested too deeply (the simulation's limit is 1000)\n");
        QCOMPARE(deep.code, 2);
        const Ran parens = sh("echo $((" + repeat("(", 100000) + "1" + repeat(")", 100000) + "))");
        QCOMPARE(parens.code, 2);
    }

    void deepCommandsAreRefused_data() {
        QTest::addColumn<QString>("open");
        QTest::addColumn<QString>("close");
        QTest::newRow("braces") << "{ "
                                << " ; }";
        QTest::newRow("if") << "if true; then "
                            << " ; fi";
        QTest::newRow("while") << "while true; do "
                               << " ; break; done";
        QTest::newRow("not") << "! "
                             << "";
    }
    void deepCommandsAreRefused() {
        QFETCH(QString, open);
        QFETCH(QString, close);
        const auto nested = [&](int depth) {
            return repeat(open.toStdString(), depth) + "echo in" +
                   repeat(close.toStdString(), depth);
        };
        const Ran fits = sh(nested(limits::kShellDepth - 1));
        QCOMPARE(fits.err, "");
        QCOMPARE(fits.out, "in\n");
        const Ran deep = sh(nested(100000));
        QCOMPARE(deep.err,
                 "sh: syntax error: commands nested too deeply (the simulation's limit is 1000)\n");
        QCOMPARE(deep.code, 2);
    }

    void trapThatSignalsItsOwnShellRepeatsWithoutGrowing() {
        // Each run of the trap signals the shell again: it spins (busy, engine time moves on)
        // instead of nesting one more trap per step until memory runs out.
        const Ran ran = sh("trap 'kill -TERM $$' TERM; kill -TERM $$; echo never", 24h);
        QCOMPARE(ran.out, "");
        QCOMPARE(ran.code, std::nullopt);
    }

    void aLoopOfChildrenThatEndAtOnceLetsTimePass() {
        // Each turn waits for a child that exits in the same instant: without a budget counted
        // across those waits, engine time stood still and the lab hung (found by fuzz_shell).
        // The loop is busy, so time passes in pauses (doubling up to a minute): five thousand
        // turns, many budgets of steps, end within an hour of engine time.
        const Ran ran = sh("i=0; while [ $i -lt 5000 ]; do sleep 0; i=$((i+1)); done; echo $i", 1h);
        QCOMPARE(ran.out, "5000\n");
        QCOMPARE(ran.code, 0);
        const Ran endless = sh("while true; do sleep 0; done", 24h);
        QCOMPARE(endless.code, std::nullopt);
    }

    void finishedJobsAreReaped() {
        // 20,000 background jobs one after another: each is reaped when it ends, so the loop
        // costs linear time; `wait PID` still knows a reaped job's status.
        const Ran ran = sh("i=0; while [ $i -lt 20000 ]; do true & i=$((i+1)); done; "
                           "false & p=$!; sleep 1; wait $p; echo $? $i; break; continue",
                           24h);
        QCOMPARE(ran.out, "1 20000\n");
        QCOMPARE(ran.code, 0);
    }

    void breakAndContinueLeaveLoops() {
        const Ran ran = sh("for i in 1 2 3; do for j in a b; do [ $j = b ] && continue 2; "
                           "echo $i$j; done; done; while :; do while :; do break 2; done; done; "
                           "until false; do break; done; echo end");
        QCOMPARE(ran.err, "");
        QCOMPARE(ran.out, "1a\n2a\n3a\nend\n");
    }

    void printfStopsWhenTheFormatTakesNoArgument() {
        // busybox prints the format once when it consumes nothing, whatever follows.
        const Ran ran = run({"printf", "x", "y"});
        QCOMPARE(ran.out, "x");
        QCOMPARE(ran.code, 0);
    }

    void printfHonoursWidthsAndPrecision() {
        const Ran ran = run({"printf", "[%5d|%-4s|%05d|%.2s|%*d|%x|%c]\\n", "42", "ab", "-7", "xyz",
                             "3", "9", "255", "hello"});
        QCOMPARE(ran.out, "[   42|ab  |-0007|xy|  9|ff|h]\n");
    }

    void printfRefusesAHugeWidth() {
        const Ran ran = run({"printf", "%2000000000d", "1"});
        QCOMPARE(ran.out, "");
        QCOMPARE(ran.err, "printf: width or precision 2000000000 too large (the simulation's "
                          "limit is 1000000)\n");
        QCOMPARE(run({"printf", "%d", "x"}).err, "printf: invalid number 'x'\n");
        QCOMPARE(ran.code, 1);
    }
};

QTEST_APPLESS_MAIN(TestShellLimits)
#include "tst_shell_limits.moc"
