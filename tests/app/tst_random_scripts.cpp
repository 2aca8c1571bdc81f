// Seeded random scripts through the console: thousands of command lines a careless or curious
// learner might type, hostile numbers and templates included. The suite runs again under ASan
// and UBSan, so a crash, a leak or undefined behaviour anywhere on these paths fails it; here
// every line must come back with a status and leave every container in one of Docker's states.
#include "console/ScriptRunner.h"
#include "session/SimulatedSession.h"
#include "session/WorldFile.h"

#include <QElapsedTimer>
#include <QTest>
#include <random>
#include <sstream>

using namespace lab;

namespace {

class ScriptWriter {
public:
    explicit ScriptWriter(std::uint64_t seed) : m_random(seed) {}

    std::string line() {
        static const std::vector<std::string> forms = {
            "run -d --name N busybox sleep T",
            "run --name N busybox sh -c 'S'",
            "run -d --restart R --name N busybox sh -c 'S'",
            "create --name N busybox sleep T",
            "start N",
            "start -a N",
            "stop -t X N",
            "kill -s SIG N",
            "pause N",
            "unpause N",
            "restart -t X N",
            "rm -f N",
            "wait N",
            "logs N",
            "inspect -f 'F' N",
            "ps -a --format 'F'",
            "rename N N",
            "events --since X --until 0s",
            "@sleep X",
            "images",
            "pull busybox",
            "run --rm busybox printf 'P' X X"};
        std::string out = pick(forms);
        for (const auto& [hole, choices] : holes())
            for (std::size_t at; (at = out.find(hole)) != std::string::npos;)
                out.replace(at, hole.size(), pick(choices));
        return out;
    }

private:
    static const std::vector<std::pair<std::string, std::vector<std::string>>>& holes() {
        static const std::vector<std::pair<std::string, std::vector<std::string>>> table = {
            {"N", {"web", "db", "job", "nope"}},
            {"T", {"0", "1", "30", "inf", "99999999999999999999"}},
            {"R", {"always", "on-failure:2", "unless-stopped", "no"}},
            {"SIG", {"TERM", "HUP", "KILL", "BOGUS"}},
            {"S",
             {"exit 3", "trap \"exit 0\" TERM; sleep 50", "echo $((9223372036854775807+1))",
              "while :; do :; done", "i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done",
              "true & true & wait", "trap \"kill -TERM $$\" TERM; kill -TERM $$",
              "for i in 1 2 3; do echo $i; continue; done; break"}},
            {"F",
             {"{{.Names}}", "{{range 99999999999}}{{end}}", "{{pad .Names 99999999999 0}}",
              "{{printf \"%*d\" 2000000000 1}}", "{{.State.Status}} {{.State.ExitCode}}",
              "{{json .}}", "{{((((.Names))))}}"}},
            {"X", {"0", "-1", "2", "9223372036854775807", "1.5", "-9223372036854775808"}},
            {"P", {"%5d|%s\\n", "%*d", "%2000000000d", "x"}},
        };
        return table;
    }

    const std::string& pick(const std::vector<std::string>& choices) {
        return choices[std::uniform_int_distribution<std::size_t>(0, choices.size() - 1)(m_random)];
    }

    std::mt19937_64 m_random;
};

} // namespace

class TestRandomScripts : public QObject {
    Q_OBJECT

private slots:
    void everyLineReturnsAndStatesStayDockers() {
        const auto world = loadDefaultWorld();
        QVERIFY(world.has_value());
        const QStringList states = {"created",  "running", "paused", "restarting",
                                    "removing", "exited",  "dead"};
        for (std::uint64_t seed = 1; seed <= 10; ++seed) {
            SimulatedSession session(*world, seed);
            ScriptWriter writer(seed);
            std::ostringstream out, err;
            CommandLoop loop(session, out, err);
            std::string script;
            for (int i = 0; i < 40; ++i) {
                const std::string line = writer.line();
                script += line + "\n";
                QVERIFY2(loop.feed(line), line.c_str());
                QVERIFY2(loop.status() >= 0 && loop.status() <= 255, script.c_str());
            }
            const CliOutput ps = session.run({"ps", "-a", "--format", "{{.State}}"});
            QCOMPARE(ps.status, 0);
            for (const std::string& state : ps.out)
                QVERIFY2(states.contains(QString::fromStdString(state)), script.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestRandomScripts)
#include "tst_random_scripts.moc"
