// The simulated container process against what a real Docker 20.10.24 engine did with the same
// commands (busybox 1.35 image, recorded 2026-11; docs/WORKLOAD.md has the runs). Each row starts
// a command, drives it like the engine would (signals, docker pause/unpause at given seconds)
// and checks what `docker logs` and `docker inspect` showed: the output, the exit code, and how
// long after the start the container ended.

#include "sim/Signal.h"
#include "sim/Workload.h"

#include <QtTest>
#include <map>

using namespace lab;

namespace {

const TimePoint kStart = TimePoint(1'790'000'000s);

TimePoint at(double seconds) {
    return kStart + Duration(static_cast<long long>(seconds * 1e9 + 0.5));
}
double secondsOf(TimePoint t) {
    return std::chrono::duration<double>(t - kStart).count();
}

struct Outcome {
    QString out;
    QString err;
    std::optional<int> code;
    double exitAfter = -1;
};

void collect(const std::vector<Happening>& happenings, Outcome& outcome) {
    for (const auto& h : happenings) {
        if (h.kind == Happening::Kind::Exit) {
            QVERIFY2(!outcome.code, "a workload exits once");
            outcome.code = h.exitCode;
            outcome.exitAfter = secondsOf(h.at);
        } else {
            (h.stream == Stream::Stdout ? outcome.out : outcome.err) +=
                QString::fromStdString(h.text);
        }
    }
}

// Runs the workload to `horizon` seconds, performing "1.2 TERM; 4.2 KILL; 1 pause; 4 unpause"
// at their moments and advancing to each nextWake in between, as the engine's clock does.
Outcome drive(Workload& workload, const QString& actions, double horizon) {
    std::multimap<double, QString> plan;
    for (const auto& action : actions.split(';', Qt::SkipEmptyParts)) {
        const auto parts = action.trimmed().split(' ');
        plan.emplace(parts[0].toDouble(), parts[1]);
    }
    Outcome outcome;
    auto next = plan.begin();
    while (true) {
        const auto wake = workload.nextWake();
        const double actionAt = next == plan.end() ? horizon : next->first;
        if (wake && secondsOf(*wake) <= actionAt) {
            collect(workload.advanceTo(*wake), outcome);
            continue;
        }
        if (next == plan.end())
            break;
        const TimePoint t = at(next->first);
        const QString what = next->second;
        ++next;
        if (what == "pause")
            collect(workload.freeze(t), outcome);
        else if (what == "unpause")
            collect(workload.thaw(t), outcome);
        else
            collect(workload.deliver(*signalNumber(what.toStdString()), t), outcome);
    }
    collect(workload.advanceTo(at(horizon)), outcome);
    return outcome;
}

std::vector<std::string> toArgv(const QStringList& list) {
    std::vector<std::string> argv;
    for (const auto& word : list)
        argv.push_back(word.toStdString());
    return argv;
}

} // namespace

class TestWorkload : public QObject {
    Q_OBJECT

private:
    static void columns() {
        QTest::addColumn<QStringList>("argv");
        QTest::addColumn<bool>("init");
        QTest::addColumn<QString>("actions");
        QTest::addColumn<double>("horizon");
        QTest::addColumn<int>("code"); // -1: still running at the horizon
        QTest::addColumn<double>("exitAfter");
        QTest::addColumn<QString>("out");
        QTest::addColumn<QString>("err");
    }
    static QStringList sh(const QString& script) { return {"sh", "-c", script}; }
    static void row(const char* name, const QStringList& argv, bool init, const QString& actions,
                    double horizon, int code, double exitAfter, const QString& out = {},
                    const QString& err = {}) {
        QTest::newRow(name) << argv << init << actions << horizon << code << exitAfter << out
                            << err;
    }

    static void check() {
        QFETCH(QStringList, argv);
        QFETCH(bool, init);
        QFETCH(QString, actions);
        QFETCH(double, horizon);
        QFETCH(int, code);
        QFETCH(double, exitAfter);
        QFETCH(QString, out);
        QFETCH(QString, err);

        auto started = Workload::start(toArgv(argv), init, kStart);
        QVERIFY(started.has_value());
        const Outcome outcome = drive(started.value(), actions, horizon);
        QCOMPARE(outcome.out, out);
        QCOMPARE(outcome.err, err);
        if (code < 0) {
            QVERIFY2(!outcome.code, "the container should still be running");
            QVERIFY(!started.value().exited());
            return;
        }
        QVERIFY2(outcome.code.has_value(), "the container should have exited");
        QCOMPARE(*outcome.code, code);
        QCOMPARE(qRound(outcome.exitAfter * 1000), qRound(exitAfter * 1000));
        QCOMPARE(started.value().exitCode(), std::optional<int>(code));
    }

private slots:
    void signalsToPid1_data() {
        columns();
        // docker stop -t 3 at 1.2 s = TERM at 1.2, KILL at 4.2 when still running.
        const QString stop = "1.2 TERM; 4.2 KILL";
        row("sleep as PID 1 ignores SIGTERM", {"sleep", "1000"}, false, stop, 10, 137, 4.2);
        row("sleep as PID 1 ignores SIGINT", {"sleep", "1000"}, false, "1.2 INT", 10, -1, 0);
        row("sleep as PID 1 ignores SIGHUP and SIGUSR1", {"sleep", "1000"}, false,
            "1.2 HUP; 1.3 USR1", 10, -1, 0);
        row("sh -c with one command is that command: INT ignored", sh("sleep 1000"), false,
            "1.2 INT", 10, -1, 0);
        row("trap runs after the foreground sleep (stop times out)",
            sh("trap 'exit 0' TERM; sleep 1000"), false, stop, 10, 137, 4.2);
        row("trap interrupts wait at once", sh("trap 'exit 0' TERM; sleep 1000 & wait"), false,
            stop, 10, 0, 1.2);
        row("trap with echo and exit 3 after the current sleep 1",
            sh("trap 'echo bye; exit 3' TERM; while true; do sleep 1; done"), false, stop, 10, 3,
            2.0, "bye\n");
        row("tick loop without trap ignores TERM as PID 1",
            sh("while true; do echo tick; sleep 1; done"), false, stop, 10, 137, 4.2,
            "tick\ntick\ntick\ntick\ntick\n");
        row("HUP trap prints after the sleep and the loop goes on",
            sh("trap 'echo hup' HUP; while true; do sleep 1; done"), false, "1.2 HUP", 3.7, -1, 0,
            "hup\n");
        row("EXIT trap runs when a TERM trap exits",
            sh("trap 'echo bye' EXIT; trap 'exit 4' TERM; sleep 1000 & wait"), false, "1.2 TERM", 5,
            4, 1.2, "bye\n");
        row("wait returns 143 to a trap that does not exit",
            sh("trap 'echo caught' TERM; sleep 1000 & wait; echo after $?"), false, "1.2 TERM", 5,
            0, 1.2, "caught\nafter 143\n");
        row("sh -c catches INT: exits 130 after the foreground sleep",
            sh("while true; do sleep 1; done"), false, "1.2 INT", 5, 130, 2.0);
        row("INT during sleep 3 ends the script before its next command", sh("sleep 3; echo x"),
            false, "1.2 INT", 5, 130, 3.0);
        row("INT interrupts wait at once", sh("sleep 1000 & wait"), false, "1.2 INT", 5, 130, 1.2);
        row("INT as PID 1 still runs the EXIT trap", sh("trap \"echo t\" EXIT; sleep 3; echo x"),
            false, "1.2 INT", 5, 130, 3.0, "t\n");
        row("QUIT without trap is ignored by sh as PID 1", sh("sleep 1000 & wait"), false,
            "1.2 QUIT", 5, -1, 0);
        row("trap exit 0 skips the rest of the script",
            sh("trap 'exit 0' TERM; sleep 3; echo after"), false, "1.2 TERM", 5, 0, 3.0);
        row("trap without exit lets the script continue",
            sh("trap 'echo got' TERM; sleep 3; echo after"), false, "1.2 TERM", 5, 0, 3.0,
            "got\nafter\n");
        row("HUP without trap is ignored by sh as PID 1", sh("echo a; sleep 3; echo b"), false,
            "1.2 HUP", 5, 0, 3.0, "a\nb\n");
        row("a busy loop as PID 1 ignores TERM too", sh("while true; do :; done"), false,
            "1 TERM; 2 KILL", 5, 137, 2.0);
        row("INT trap replaces the interrupt", sh("trap 'echo i' INT; sleep 3; echo after"), false,
            "1.2 INT", 5, 0, 3.0, "i\nafter\n");
    }
    void signalsToPid1() { check(); }

    void signalsThroughInit_data() {
        columns();
        const QString stop = "1.2 TERM; 4.2 KILL";
        row("--init sleep ends 143 on TERM", {"sleep", "1000"}, true, stop, 10, 143, 1.2);
        row("--init sleep ends 129 on HUP", {"sleep", "1000"}, true, "1.2 HUP", 10, 129, 1.2);
        row("--init sleep ends 130 on INT", {"sleep", "1000"}, true, "1.2 INT", 10, 130, 1.2);
        row("--init sleep ends 138 on USR1", {"sleep", "1000"}, true, "1.2 USR1", 10, 138, 1.2);
        row("--init tick loop dies 143 on TERM", sh("while true; do echo tick; sleep 1; done"),
            true, stop, 10, 143, 1.2, "tick\ntick\n");
        row("--init trap still waits for the foreground sleep",
            sh("trap 'exit 0' TERM; sleep 1000"), true, stop, 10, 137, 4.2);
        row("--init ignored TERM survives exec", sh("trap '' TERM; sleep 1000"), true, "1.2 TERM",
            10, -1, 0);
        row("--init sh dies of TERM while its child sleeps", sh("echo x; sleep 1000; echo y"), true,
            "1.2 TERM", 10, 143, 1.2, "x\n");
        row("--init INT ends sh after its foreground sleep, skipping the EXIT trap",
            sh("trap \"echo t\" EXIT; sleep 3; echo x"), true, "1.2 INT", 5, 130, 3.0);
        row("--init passes the exit code through", sh("exit 5"), true, "", 1, 5, 0);
        row("--init echo", {"echo", "hi"}, true, "", 1, 0, 0, "hi\n");
        row("--init sh with no stdin exits 0", {"sh"}, true, "", 1, 0, 0);
        row("--init unknown command: tini reports it, 127", {"nonexistcmd"}, true, "", 1, 127, 0,
            {}, "[FATAL tini (7)] exec nonexistcmd failed: No such file or directory\n");
        row("--init missing path: 127", {"/nope"}, true, "", 1, 127, 0, {},
            "[FATAL tini (7)] exec /nope failed: No such file or directory\n");
        row("--init non-executable file: 126", {"/etc/passwd"}, true, "", 1, 126, 0, {},
            "[FATAL tini (7)] exec /etc/passwd failed: Permission denied\n");
    }
    void signalsThroughInit() { check(); }

    void runToCompletion_data() {
        columns();
        row("echo prints and exits 0", {"echo", "hello", "world"}, false, "", 1, 0, 0,
            "hello world\n");
        row("true exits 0", {"true"}, false, "", 1, 0, 0);
        row("false exits 1", {"false"}, false, "", 1, 1, 0);
        row("cat without stdin exits 0", {"cat"}, false, "", 1, 0, 0);
        row("sh without stdin exits 0", {"sh"}, false, "", 1, 0, 0);
        row("exit 3", sh("exit 3"), false, "", 1, 3, 0);
        row("exit 300 wraps to 44", sh("exit 300"), false, "", 1, 44, 0);
        row("&& and || chain", sh("echo a && false || echo b; exit"), false, "", 1, 0, 0, "a\nb\n");
        row("bare exit keeps the last status", sh("false; exit"), false, "", 1, 1, 0);
        row("sleep 0.5 takes half a second", {"sleep", "0.5"}, false, "", 1, 0, 0.5);
        row("sleep sums its arguments and suffixes", {"sleep", "0.1s", "0.05m"}, false, "", 5, 0,
            3.1);
        row("sleep with a bad number", {"sleep", "abc"}, false, "", 1, 1, 0, {},
            "sleep: invalid number 'abc'\n");
        row("sleep without arguments prints its usage", {"sleep"}, false, "", 1, 1, 0, {},
            "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: sleep "
            "[N]...\n\n"
            "Pause for a time equal to the total of the args given, where each arg can\n"
            "have an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n");
        row(">&2 goes to stderr", sh("echo err >&2; echo out"), false, "", 1, 0, 0, "out\n",
            "err\n");
        row("sh: unknown command is 127", sh("nonexistcmd"), false, "", 1, 127, 0, {},
            "sh: nonexistcmd: not found\n");
        row("sh: non-executable file is 126", sh("/etc/passwd"), false, "", 1, 126, 0, {},
            "sh: /etc/passwd: Permission denied\n");
        row("sh: missing path is 127", sh("/nope"), false, "", 1, 127, 0, {},
            "sh: /nope: not found\n");
        row("sleep in a script delays the next command", sh("sleep 0.25; echo done"), false, "", 1,
            0, 0.25, "done\n");
    }
    void runToCompletion() { check(); }

    void shellLanguage_data() {
        // Expected output from busybox 1.35's sh on the same scripts.
        columns();
        row("echo without -e keeps backslashes", sh("echo \"a\\nb\""), false, "", 1, 0, 0,
            "a\\nb\n");
        row("echo -e and \\c", sh("echo -e \"a\\tb\\c\"; echo X"), false, "", 1, 0, 0, "a\tbX\n");
        row("arithmetic", sh("echo $((3+4*2)) $((7/2)) $((1<2))"), false, "", 1, 0, 0, "11 3 1\n");
        row("variables and positional parameters",
            sh("x=5; echo ${x} $x$x \"$x y\"; set -- a b; echo $# $1 \"$@\""), false, "", 1, 0, 0,
            "5 55 5 y\n2 a a b\n");
        row("$0 and $1 after the script", {"sh", "-c", "echo $0 $1", "zero", "one"}, false, "", 1,
            0, 0, "zero one\n");
        row("if, for and braces",
            sh("if false; then echo a; elif true; then echo b; else echo c; fi; "
               "for i in 1 2; do echo $i; done; { echo g; }"),
            false, "", 1, 0, 0, "b\n1\n2\ng\n");
        row("echo -n, printf and \"$@\"",
            {"sh", "-c", "echo -n abc; printf \"%s-%d\\n\" x 5; echo \"$@\"", "a1", "b2", "c3"},
            false, "", 1, 0, 0, "abcx-5\nb2 c3\n");
        row("read sees end of file", sh("read x; echo $?"), false, "", 1, 0, 0, "1\n");
        row("wait returns 0, wait $! the job's status",
            sh("sleep 0.1 & wait; echo $?; false & wait $!; echo $?"), false, "", 1, 0, 0.1,
            "0\n1\n");
        row("EXIT trap does not change the status", sh("trap \"false\" EXIT; exit 0"), false, "", 1,
            0, 0);
        row("exit inside the EXIT trap sets it", sh("trap \"exit 5\" EXIT; exit 2"), false, "", 1,
            5, 0);
        row("trap lists the traps", sh("trap \"echo t\" TERM INT; trap"), false, "", 1, 0, 0,
            "trap -- 'echo t' INT\ntrap -- 'echo t' TERM\n");
        row("trap with a bad signal", sh("trap \"x\" BOGUS"), false, "", 1, 1, 0, {},
            "sh: trap: line 0: BOGUS: invalid signal specification\n");
        row("test with a bad number", sh("[ a -eq 1 ]"), false, "", 1, 2, 0, {},
            "sh: a: bad number\n");
        row("test without ]", sh("[ 1 = 1"), false, "", 1, 2, 0, {}, "sh: missing ]\n");
        row("exec of an unknown command", sh("exec nonexist"), false, "", 1, 127, 0, {},
            "sh: exec: line 0: nonexist: not found\n");
        row("syntax error: unexpected end of file", sh("while true; do echo"), false, "", 1, 2, 0,
            {}, "sh: syntax error: unexpected end of file (expecting \"done\")\n");
        row("syntax error: unterminated quote", sh("echo \"abc"), false, "", 1, 2, 0, {},
            "sh: syntax error: unterminated quoted string\n");
        row("syntax error: unexpected keyword", sh("if true; then echo; done"), false, "", 1, 2, 0,
            {}, "sh: syntax error: unexpected \"done\" (expecting \"fi\")\n");
        row("syntax error: unexpected ;", sh("echo a; ; echo b"), false, "", 1, 2, 0, {},
            "sh: syntax error: unexpected \";\"\n");
        row("redirect to a file keeps it out of the logs", sh("echo hidden > /tmp/f; echo shown"),
            false, "", 1, 0, 0, "shown\n");
        row("a pipe is refused, not half-run", sh("echo a | cat"), false, "", 1, 2, 0, {},
            "sh: a pipe (|) is not simulated in Container Lifecycle Lab\n");
        row("a loop that never blocks does not stall the clock", sh("while true; do :; done"),
            false, "", 2, -1, 0);
    }
    void shellLanguage() { check(); }

    void freezer_data() {
        columns();
        row("a sleep keeps its deadline through a pause", sh("echo start; sleep 5; echo done"),
            false, "1 pause; 4 unpause", 10, 0, 5.0, "start\ndone\n");
        row("what fell due during a pause happens at the unpause",
            sh("while true; do echo tick; sleep 1; done"), false, "1.5 pause; 4.1 unpause", 6.5, -1,
            0, "tick\ntick\ntick\ntick\ntick\n");
        row("SIGKILL to a frozen process takes effect at the thaw", {"sleep", "1000"}, false,
            "1 pause; 2 KILL; 3 unpause", 5, 137, 3.0);
        row("a signal waits for the thaw", sh("trap 'exit 0' TERM; sleep 1000 & wait"), false,
            "1 pause; 2 TERM; 3 unpause", 5, 0, 3.0);
        row("docker stop of a paused container: TERM, thaw, the trap runs",
            sh("trap 'echo bye; exit 0' TERM; sleep 1000 & wait"), false,
            "1 pause; 1.5 TERM; 1.5 unpause", 5, 0, 1.5, "bye\n");
        row("nothing happens while frozen", {"sleep", "2"}, false, "1 pause", 10, -1, 0);
    }
    void freezer() { check(); }

    void imageCommands_data() {
        columns();
        const QStringList nginx = {"/docker-entrypoint.sh", "nginx", "-g", "daemon off;"};
        row("nginx exits 0 on SIGQUIT (its STOPSIGNAL)", nginx, false, "2 QUIT; 12 KILL", 20, 0,
            2.01, nginxEntrypointLog(),
            nginxStartLog() + nginxStopLog(3, "SIGQUIT", "shutting down", true));
        row("nginx exits 0 on SIGTERM", nginx, false, "2 TERM; 12 KILL", 20, 0, 2.01,
            nginxEntrypointLog(), nginxStartLog() + nginxStopLog(15, "SIGTERM", "exiting", false));
        row("nginx without daemon off; leaves at once", {"nginx"}, false, "", 1, 0, 0);
        row("sh with no stdin (busybox's default command) exits 0", {"sh"}, false, "", 1, 0, 0);
    }
    void imageCommands() { check(); }

    void redisStopsOnTerm() {
        auto started = Workload::start({"docker-entrypoint.sh", "redis-server"}, false, kStart);
        QVERIFY(started.has_value());
        const Outcome hup = drive(started.value(), "1 HUP", 2);
        QVERIFY2(!hup.code, "redis ignores SIGHUP");
        QVERIFY(hup.out.startsWith("1:C 21 Sep 2026 "));
        QVERIFY(hup.out.endsWith("* Ready to accept connections tcp\n"));
        const Outcome term = drive(started.value(), "3 TERM", 5);
        QCOMPARE(term.code, std::optional<int>(0));
        QVERIFY(term.out.startsWith(
            "1:signal-handler (1790000003) Received SIGTERM scheduling shutdown...\n"));
        QVERIFY(term.out.endsWith("# Redis is now ready to exit, bye bye...\n"));
    }

    void tomcatExits143OnTerm() {
        auto started = Workload::start({"catalina.sh", "run"}, false, kStart);
        QVERIFY(started.has_value());
        const Outcome outcome = drive(started.value(), "5 TERM", 10);
        QCOMPARE(outcome.code, std::optional<int>(143));
        QCOMPARE(qRound(outcome.exitAfter * 1000), 5050);
        QVERIFY(outcome.err.contains(
            "INFO [main] org.apache.catalina.startup.Catalina.start Server startup in"));
        QVERIFY(outcome.err.endsWith("Destroying ProtocolHandler [\"http-nio-8080\"]\n"));
    }

    void helloWorldGreets() {
        auto started = Workload::start({"/hello"}, false, kStart);
        QVERIFY(started.has_value());
        const Outcome outcome = drive(started.value(), "", 1);
        QCOMPARE(outcome.code, std::optional<int>(0));
        QVERIFY(outcome.out.startsWith(
            "\nHello from Docker!\nThis message shows that your installation appears to be "
            "working correctly.\n"));
        QVERIFY(outcome.out.endsWith(
            "For more examples and ideas, visit:\n https://docs.docker.com/get-started/\n\n"));
    }

    void startFailures_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString runc =
            "failed to create shim task: OCI runtime create failed: runc create failed: unable to "
            "start container process: exec: ";
        QTest::newRow("unknown program: not in PATH, 127")
            << "nonexistcmd" << 127
            << runc + "\"nonexistcmd\": executable file not found in $PATH: unknown";
        QTest::newRow("missing path: no such file, 127")
            << "/nope" << 127 << runc + "\"/nope\": stat /nope: no such file or directory: unknown";
        QTest::newRow("non-executable file: permission denied, 126")
            << "/etc/passwd" << 126 << runc + "\"/etc/passwd\": permission denied: unknown";
        QTest::newRow("a directory: permission denied, 126")
            << "/tmp" << 126 << runc + "\"/tmp\": permission denied: unknown";
    }
    void startFailures() {
        QFETCH(QString, command);
        QFETCH(int, code);
        QFETCH(QString, message);
        auto started = Workload::start({command.toStdString()}, false, kStart);
        QVERIFY(!started.has_value());
        QCOMPARE(started.error().exitCode, code);
        QCOMPARE(QString::fromStdString(started.error().message), message);
    }

    void sameInputsSameRun() {
        auto once = [] {
            auto started = Workload::start(
                {"sh", "-c", "trap 'echo bye' TERM; while true; do echo tick; sleep 0.3; done"},
                false, kStart);
            return drive(started.value(), "1 pause; 1.7 TERM; 2.2 unpause; 4 KILL", 5);
        };
        const Outcome a = once();
        const Outcome b = once();
        QCOMPARE(a.out, b.out);
        QCOMPARE(a.code, b.code);
        QCOMPARE(a.exitAfter, b.exitAfter);
    }

private:
    static QString nginxEntrypointLog() {
        return "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform "
               "configuration\n"
               "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/\n"
               "/docker-entrypoint.sh: Launching "
               "/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh\n"
               "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of "
               "/etc/nginx/conf.d/default.conf\n"
               "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in "
               "/etc/nginx/conf.d/default.conf\n"
               "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh\n"
               "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh\n"
               "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh\n"
               "/docker-entrypoint.sh: Configuration complete; ready for start up\n";
    }
    static QString nginxStartLog() {
        QString log;
        for (const char* line :
             {"using the \"epoll\" event method", "nginx/1.25.3",
              "built by gcc 12.2.0 (Debian 12.2.0-14) ", "OS: Linux 6.1.0-13-amd64",
              "getrlimit(RLIMIT_NOFILE): 1048576:1048576", "start worker processes",
              "start worker process 2"})
            log += QString("2026/09/21 14:13:20 [notice] 1#1: ") + line + "\n";
        return log;
    }
    static QString nginxStopLog(int signal, const char* name, const char* verb, bool graceful) {
        QString log = QString("2026/09/21 14:13:22 [notice] 1#1: signal %1 (%2) received, %3\n")
                          .arg(signal)
                          .arg(name, verb);
        if (graceful)
            log += "2026/09/21 14:13:22 [notice] 2#2: gracefully shutting down\n";
        log += "2026/09/21 14:13:22 [notice] 2#2: exiting\n"
               "2026/09/21 14:13:22 [notice] 2#2: exit\n"
               "2026/09/21 14:13:22 [notice] 1#1: signal 17 (SIGCHLD) received from 2\n"
               "2026/09/21 14:13:22 [notice] 1#1: worker process 2 exited with code 0\n"
               "2026/09/21 14:13:22 [notice] 1#1: exit\n";
        return log;
    }
};

QTEST_GUILESS_MAIN(TestWorkload)
#include "tst_workload.moc"
