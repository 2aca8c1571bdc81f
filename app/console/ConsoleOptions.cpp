#include "console/ConsoleOptions.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <algorithm>
#include <limits>

namespace lab {
namespace {

Error refuse(const QString& message) {
    return Error{message.toStdString()};
}

bool isHelp(const QString& argument) {
    return argument == QLatin1String("--help") || argument == QLatin1String("-h");
}

// An option a mode accepts: with a value (its placeholder in messages), or a flag.
struct OptionSpec {
    QLatin1String name;
    QLatin1String placeholder; ///< empty: a flag, which takes no value
};

const OptionSpec kBackend{QLatin1String("--backend"), QLatin1String("sim|real")};
const OptionSpec kStateDir{QLatin1String("--state-dir"), QLatin1String("DIR")};
const OptionSpec kScreenshot{QLatin1String("--screenshot"), QLatin1String("DIR")};

// Reads "--name value", "--name=value" and flags into name -> value ("" for a flag).
// unknownWhat names what an unknown option is not ("console option").
Expected<QMap<QString, QString>> readOptions(const QStringList& arguments,
                                             const std::vector<OptionSpec>& specs,
                                             const QString& unknownWhat) {
    QMap<QString, QString> given;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString name = arguments[i];
        QString value;
        bool hasValue = false;
        // --world=FILE and --world FILE both work, as in most command-line tools.
        if (const qsizetype equals = name.indexOf(u'=');
            name.startsWith(QLatin1String("--")) && equals > 0) {
            value = name.mid(equals + 1);
            name = name.left(equals);
            hasValue = true;
        }
        const auto spec = std::find_if(specs.begin(), specs.end(),
                                       [&](const OptionSpec& known) { return known.name == name; });
        if (spec == specs.end())
            return refuse(name.startsWith(u'-')
                              ? QStringLiteral("unknown %1 \"%2\"").arg(unknownWhat, name)
                              : QStringLiteral("unexpected argument \"%1\"").arg(name));
        if (given.contains(name))
            return refuse(QStringLiteral("%1 given twice").arg(name));
        if (spec->placeholder.isEmpty()) {
            if (hasValue)
                return refuse(QStringLiteral("%1 takes no value").arg(name));
            given.insert(name, QString());
            continue;
        }
        if (!hasValue && i + 1 < arguments.size() &&
            !arguments[i + 1].startsWith(QLatin1String("--"))) {
            value = arguments[++i];
            hasValue = true;
        }
        if (!hasValue || value.isEmpty())
            return refuse(QStringLiteral("%1 needs a value (%2)").arg(name, spec->placeholder));
        given.insert(name, value);
    }
    return given;
}

Expected<std::uint64_t> parseSeed(const QString& text) {
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    bool ok = false;
    const qulonglong seed = digits.match(text).hasMatch() ? text.toULongLong(&ok, 10) : 0;
    if (!ok)
        return refuse(QStringLiteral("--seed needs a whole number from 0 to %1, got \"%2\"")
                          .arg(std::numeric_limits<std::uint64_t>::max())
                          .arg(text));
    return std::uint64_t{seed};
}

// --backend and --state-dir, as the console and the window both read them.
Expected<EngineChoice> readEngineChoice(const QMap<QString, QString>& given) {
    EngineChoice choice;
    const QString backend = given.value(kBackend.name, QStringLiteral("sim"));
    if (backend == QLatin1String("real"))
        choice.backend = BackendKind::Real;
    else if (backend != QLatin1String("sim"))
        return refuse(
            QStringLiteral("--backend needs \"sim\" or \"real\", got \"%1\"").arg(backend));
    if (given.contains(kStateDir.name)) {
        if (choice.backend != BackendKind::Real)
            return refuse(QStringLiteral("--state-dir is where the real backend keeps containers: "
                                         "it needs --backend real"));
        choice.stateDir = QDir::cleanPath(QDir::current().absoluteFilePath(given[kStateDir.name]));
    }
    return choice;
}

} // namespace

Expected<ConsoleOptions> parseConsoleOptions(const QStringList& arguments) {
    const OptionSpec world{QLatin1String("--world"), QLatin1String("FILE")};
    const OptionSpec script{QLatin1String("--script"), QLatin1String("FILE")};
    const OptionSpec seed{QLatin1String("--seed"), QLatin1String("N")};
    const OptionSpec trace{QLatin1String("--trace"), QLatin1String()};
    const OptionSpec record{QLatin1String("--record"), QLatin1String("FILE")};
    auto given = readOptions(arguments, {world, script, seed, kBackend, kStateDir, trace, record},
                             QStringLiteral("console option"));
    if (!given)
        return given.error();
    ConsoleOptions options;
    options.worldFile = given->value(world.name);
    options.scriptFile = given->value(script.name);
    if (given->contains(seed.name)) {
        auto number = parseSeed(given->value(seed.name));
        if (!number)
            return number.error();
        options.seed = *number;
    }
    auto engine = readEngineChoice(*given);
    if (!engine)
        return engine.error();
    options.engine = *engine;
    if (given->contains(seed.name) && options.engine.backend == BackendKind::Real)
        return refuse(QStringLiteral("--seed fixes the simulation's IDs and names; the real "
                                     "backend's are random, as Docker's are"));
    options.trace = given->contains(trace.name);
    if (options.trace && options.engine.backend != BackendKind::Real)
        return refuse(
            QStringLiteral("--trace shows the kernel's operations: it needs --backend real"));
    options.recordFile = given->value(record.name);
    return options;
}

Expected<Invocation> parseInvocation(const QStringList& arguments) {
    Invocation invocation;
    if (arguments.isEmpty())
        return invocation;
    const QString& first = arguments.front();
    if (first == QLatin1String("console")) {
        invocation.mode = Invocation::Mode::Console;
        const QStringList rest = arguments.mid(1);
        if (std::any_of(rest.begin(), rest.end(), isHelp)) {
            invocation.mode = Invocation::Mode::Help;
            return invocation;
        }
        auto options = parseConsoleOptions(rest);
        if (!options)
            return options.error();
        invocation.console = std::move(*options);
        return invocation;
    }
    if (first == QLatin1String("lesson")) {
        invocation.mode = Invocation::Mode::Lesson;
        invocation.lessonArguments = arguments.mid(1);
        return invocation;
    }
    if (first == QLatin1String("export")) {
        invocation.mode = Invocation::Mode::Export;
        invocation.exportArguments = arguments.mid(1);
        return invocation;
    }
    if (isHelp(first))
        invocation.mode = Invocation::Mode::Help;
    else if (first == QLatin1String("doctor"))
        invocation.mode = Invocation::Mode::Doctor;
    else if (first == QLatin1String("--version"))
        invocation.mode = Invocation::Mode::Version;
    else if (!first.startsWith(u'-') && QFileInfo::exists(first))
        invocation.sessionFile = first; // a session file, played back in the window
    else if (!first.startsWith(u'-'))
        return refuse(QStringLiteral("unknown argument \"%1\" (neither a mode nor a session file)")
                          .arg(first));
    if (invocation.mode != Invocation::Mode::Gui) {
        if (arguments.size() > 1)
            return refuse(
                QStringLiteral("unexpected argument \"%1\" after %2").arg(arguments[1], first));
        return invocation;
    }
    // The window's options, in any order.
    auto given = readOptions(invocation.sessionFile.isEmpty() ? arguments : arguments.mid(1),
                             {kBackend, kStateDir, kScreenshot}, QStringLiteral("argument"));
    if (!given)
        return given.error();
    auto engine = readEngineChoice(*given);
    if (!engine)
        return engine.error();
    invocation.engine = *engine;
    invocation.screenshotDir = given->value(kScreenshot.name);
    if (!invocation.sessionFile.isEmpty() && invocation.engine.backend != BackendKind::Simulated)
        return refuse(QStringLiteral("a session file replays what it recorded: it takes no "
                                     "--backend real"));
    return invocation;
}

QString usageLine() {
    return QStringLiteral(
        "Usage: lifecycle-lab [--help] [--version] [--backend sim|real] [--state-dir DIR] "
        "[--screenshot DIR] [SESSION] | console [--world FILE] [--script FILE] [--seed N] "
        "[--backend sim|real] [--state-dir DIR] [--trace] [--record FILE] | lesson [NAME] | "
        "doctor | export SESSION --format gif|webm|mp4 --out FILE [OPTIONS]");
}

QString helpText() {
    return usageLine() + QStringLiteral(R"(

Container Lifecycle Lab: how a Docker container lives, on a simulated Docker Engine 20.10 or on
real Linux processes, namespaces and cgroups.

Modes:
  (no arguments)   the desktop window: the lifecycle diagram, the containers, a console dock
                   and the event log, on the simulated engine with the built-in world
  SESSION          the window, playing back a session file (File > Save session, or console
                   --record; docs/SESSION-FORMAT.md)
  console          a docker command line on the same engine: type docker commands
                   ("docker" in front is optional), @sleep SECONDS, help, exit
  daemon [--socket PATH] [--backend sim|real] [--world FILE] [--seed N] [--clock wall|virtual]
                   Docker's Engine API on a Unix socket for the docker CLI (docs/ENGINE-API.md)
  lesson [NAME] [--lang en|zh_CN] [--answers auto] [--seed N]
                   without NAME, list the lessons; with it, play one in the terminal
                   (NAME may be a lesson file, FILE.json: lessons/README.md)
  export SESSION --format gif|webm|mp4 --out FILE [--view diagram|runflow|window]
         [--from STEP] [--to STEP] [--speed X] [--fps N] [--size WxH] [--theme light|dark]
         [--overwrite]
                   play a session file off screen and write it as an animated GIF, a WebM
                   (VP8) or an MP4 (H.264) video: steps FROM to TO (default all, counted
                   from 1) at speed X (default 1), N frames a second (default 25), WxH pixels
                   (default 1280x720); an existing FILE is kept unless --overwrite
  doctor           say which features work on this machine (the simulated engine, the real
                   backend, the window, Chinese text), and for each one that does not, why

Options:
  -h, --help       print this help and exit
  --version        print the version and exit
  --backend sim|real
                   the engine: sim, the simulated Docker Engine on a virtual clock (default);
                   real, containers as real processes in namespaces and cgroups on the wall
                   clock (needs root; busybox:latest is made from /bin/busybox)
  --state-dir DIR  with --backend real: where images and containers live
                   (default /run/lifecycle-lab)
  --screenshot DIR play the built-in demonstrations in the window, save one PNG of each
                   into DIR and exit (works under QT_QPA_PLATFORM=offscreen)

Console options:
  --world FILE     start from this world file (docs/WORLD.md); default: the built-in world
  --script FILE    run the lines of FILE and print a transcript:
                   $ line, > stdout, ! stderr, [rc=N], @ sleep N
  --seed N         the seed of the simulation's IDs and generated names (default 1); the
                   real backend's are random, as Docker's are
  --backend, --state-dir
                   as above
  --trace          with --backend real: after each command, print on stderr the kernel
                   operations it did, one per line: "  [kernel] SHORTID operation"
  --record FILE    at the end, write the session (world, seed, every command at its engine
                   time) to FILE, which the window opens and plays back (simulation only)

Exit status: 2 for a bad command line, unreadable input or an engine that cannot open; with
--script 0 once the script ran; otherwise the status of the last command.
)");
}

} // namespace lab
