// The command line of lifecycle-lab: what each form asks for, and every refusal in words a user
// can act on.
#include "console/ConsoleOptions.h"

#include <QDir>
#include <QTest>

using namespace lab;

Q_DECLARE_METATYPE(lab::Invocation::Mode)

class TestConsoleOptions : public QObject {
    Q_OBJECT

private slots:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void helpNamesEveryOption();
    void screenshotTakesAFolder();
    void backendChoice();
};

void TestConsoleOptions::accepted_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<Invocation::Mode>("mode");
    QTest::addColumn<QString>("world");
    QTest::addColumn<QString>("script");
    QTest::addColumn<quint64>("seed");

    using M = Invocation::Mode;
    QTest::newRow("nothing opens the window") << QStringList{} << M::Gui << ""
                                              << "" << quint64(1);
    QTest::newRow("--help") << QStringList{"--help"} << M::Help << ""
                            << "" << quint64(1);
    QTest::newRow("-h") << QStringList{"-h"} << M::Help << ""
                        << "" << quint64(1);
    QTest::newRow("console --help")
        << QStringList{"console", "--world", "w.json", "--help"} << M::Help << ""
        << "" << quint64(1);
    QTest::newRow("--version") << QStringList{"--version"} << M::Version << ""
                               << "" << quint64(1);
    QTest::newRow("console alone") << QStringList{"console"} << M::Console << ""
                                   << "" << quint64(1);
    QTest::newRow("every console option")
        << QStringList{"console", "--world", "w.json", "--script", "s.script", "--seed", "42"}
        << M::Console << "w.json"
        << "s.script" << quint64(42);
    QTest::newRow("options in any order, with =")
        << QStringList{"console", "--seed=7", "--script=a b.script", "--world=/tmp/w.json"}
        << M::Console << "/tmp/w.json"
        << "a b.script" << quint64(7);
    QTest::newRow("seed zero") << QStringList{"console", "--seed", "0"} << M::Console << ""
                               << "" << quint64(0);
    QTest::newRow("the largest seed")
        << QStringList{"console", "--seed", "18446744073709551615"} << M::Console << ""
        << "" << quint64(18446744073709551615ull);
    QTest::newRow("a file named like a short option")
        << QStringList{"console", "--script", "-"} << M::Console << ""
        << "-" << quint64(1);
}

void TestConsoleOptions::accepted() {
    QFETCH(QStringList, arguments);
    QFETCH(Invocation::Mode, mode);
    QFETCH(QString, world);
    QFETCH(QString, script);
    QFETCH(quint64, seed);

    const Expected<Invocation> invocation = parseInvocation(arguments);
    QVERIFY2(invocation.has_value(),
             invocation.has_value() ? "" : invocation.error().message.c_str());
    QCOMPARE(invocation->mode, mode);
    QCOMPARE(invocation->console.worldFile, world);
    QCOMPARE(invocation->console.scriptFile, script);
    QCOMPARE(quint64(invocation->console.seed), seed);
}

void TestConsoleOptions::refused_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");

    QTest::newRow("an unknown mode")
        << QStringList{"gui"} << "unknown argument \"gui\" (neither a mode nor a session file)";
    QTest::newRow("a session file on the real backend")
        << QStringList{LAB_SOURCE_DIR "/app/worlds/default.json", "--backend", "real"}
        << "a session file replays what it recorded: it takes no --backend real";
    QTest::newRow("--screenshot without a folder")
        << QStringList{"--screenshot"} << "--screenshot needs a value (DIR)";
    QTest::newRow("--screenshot followed by an option")
        << QStringList{"--screenshot", "--help"} << "--screenshot needs a value (DIR)";
    QTest::newRow("console after the window's options")
        << QStringList{"--screenshot", "d", "console"} << "unexpected argument \"console\"";
    QTest::newRow("an unknown backend") << QStringList{"console", "--backend", "docker"}
                                        << "--backend needs \"sim\" or \"real\", got \"docker\"";
    QTest::newRow("the window on an unknown backend")
        << QStringList{"--backend=runc"} << "--backend needs \"sim\" or \"real\", got \"runc\"";
    QTest::newRow("--trace on the simulation")
        << QStringList{"console", "--trace"}
        << "--trace shows the kernel's operations: it needs --backend real";
    QTest::newRow("--trace with a value")
        << QStringList{"console", "--backend", "real", "--trace=yes"} << "--trace takes no value";
    QTest::newRow("--state-dir on the simulation")
        << QStringList{"console", "--state-dir", "/tmp/x"}
        << "--state-dir is where the real backend keeps containers: it needs --backend real";
    QTest::newRow("--state-dir without a value")
        << QStringList{"--backend", "real", "--state-dir"} << "--state-dir needs a value (DIR)";
    QTest::newRow("--seed on the real backend")
        << QStringList{"console", "--backend", "real", "--seed", "3"}
        << "--seed fixes the simulation's IDs and names; the real backend's are random, as "
           "Docker's are";
    QTest::newRow("an unknown window option")
        << QStringList{"--backend", "real", "--trace"} << "unknown argument \"--trace\"";
    QTest::newRow("an unknown top-level option")
        << QStringList{"--verbose"} << "unknown argument \"--verbose\"";
    QTest::newRow("anything after --version")
        << QStringList{"--version", "console"} << "unexpected argument \"console\" after --version";
    QTest::newRow("an unknown console option")
        << QStringList{"console", "--wrld", "w.json"} << "unknown console option \"--wrld\"";
    QTest::newRow("a stray console argument")
        << QStringList{"console", "w.json"} << "unexpected argument \"w.json\"";
    QTest::newRow("--world without a value")
        << QStringList{"console", "--world"} << "--world needs a value (FILE)";
    QTest::newRow("--script followed by an option")
        << QStringList{"console", "--script", "--seed", "2"} << "--script needs a value (FILE)";
    QTest::newRow("--world= with nothing")
        << QStringList{"console", "--world="} << "--world needs a value (FILE)";
    QTest::newRow("--seed without a value")
        << QStringList{"console", "--seed"} << "--seed needs a value (N)";
    QTest::newRow("a seed that is a word")
        << QStringList{"console", "--seed", "abc"}
        << "--seed needs a whole number from 0 to 18446744073709551615, got \"abc\"";
    QTest::newRow("a negative seed")
        << QStringList{"console", "--seed=-1"}
        << "--seed needs a whole number from 0 to 18446744073709551615, got \"-1\"";
    QTest::newRow("a fractional seed")
        << QStringList{"console", "--seed", "1.5"}
        << "--seed needs a whole number from 0 to 18446744073709551615, got \"1.5\"";
    QTest::newRow("a seed one too large")
        << QStringList{"console", "--seed", "18446744073709551616"}
        << "--seed needs a whole number from 0 to 18446744073709551615, got "
           "\"18446744073709551616\"";
    QTest::newRow("a seed given twice")
        << QStringList{"console", "--seed", "1", "--seed", "2"} << "--seed given twice";
}

void TestConsoleOptions::refused() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    const Expected<Invocation> invocation = parseInvocation(arguments);
    QVERIFY2(!invocation.has_value(), "the command line was accepted");
    QCOMPARE(QString::fromStdString(invocation.error().message), error);
}

void TestConsoleOptions::helpNamesEveryOption() {
    const QString help = helpText();
    QVERIFY(help.startsWith(usageLine()));
    for (const char* option :
         {"--help", "--version", "console", "--world FILE", "--script FILE", "--seed N",
          "(no arguments)", "--screenshot DIR", "--backend sim|real", "--state-dir DIR", "--trace",
          "daemon", "--clock wall|virtual", "--socket PATH",
          "export SESSION --format gif|webm|mp4"})
        QVERIFY2(help.contains(QLatin1String(option)), option);
}

void TestConsoleOptions::screenshotTakesAFolder() {
    const Expected<Invocation> invocation = parseInvocation({"--screenshot", "docs/screenshots"});
    QVERIFY2(invocation.has_value(),
             invocation.has_value() ? "" : invocation.error().message.c_str());
    QCOMPARE(invocation->mode, Invocation::Mode::Gui);
    QCOMPARE(invocation->screenshotDir, QStringLiteral("docs/screenshots"));
    QVERIFY(parseInvocation({})->screenshotDir.isEmpty());
}

void TestConsoleOptions::backendChoice() {
    // The simulation unless asked; the state directory made absolute, as the backend needs it.
    QCOMPARE(parseInvocation({"console"})->console.engine.backend, BackendKind::Simulated);
    QCOMPARE(parseInvocation({})->engine.backend, BackendKind::Simulated);
    const Expected<Invocation> console =
        parseInvocation({"console", "--backend", "real", "--trace", "--state-dir", "lab/../state"});
    QVERIFY2(console.has_value(), console.has_value() ? "" : console.error().message.c_str());
    QCOMPARE(console->console.engine.backend, BackendKind::Real);
    QVERIFY(console->console.trace);
    QCOMPARE(console->console.engine.stateDir, QDir::current().absoluteFilePath("state"));
    const Expected<Invocation> window =
        parseInvocation({"--state-dir=/srv/lab", "--backend", "real", "--screenshot", "shots"});
    QVERIFY2(window.has_value(), window.has_value() ? "" : window.error().message.c_str());
    QCOMPARE(window->mode, Invocation::Mode::Gui);
    QCOMPARE(window->engine.backend, BackendKind::Real);
    QCOMPARE(window->engine.stateDir, QStringLiteral("/srv/lab"));
    QCOMPARE(window->screenshotDir, QStringLiteral("shots"));
}

QTEST_GUILESS_MAIN(TestConsoleOptions)
#include "tst_console_options.moc"
