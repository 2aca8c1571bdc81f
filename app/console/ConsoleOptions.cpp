#include "console/ConsoleOptions.h"

#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace lab {
namespace {

Error refuse(const QString& message) { return Error{message.toStdString()}; }

bool isHelp(const QString& argument) {
    return argument == QLatin1String("--help") || argument == QLatin1String("-h");
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

} // namespace

Expected<ConsoleOptions> parseConsoleOptions(const QStringList& arguments) {
    ConsoleOptions options;
    QStringList given;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString name = arguments[i];
        QString value;
        bool hasValue = false;
        // --world=FILE and --world FILE both work, as in most command-line tools.
        if (const qsizetype equals = name.indexOf(u'='); name.startsWith(QLatin1String("--")) && equals > 0) {
            value = name.mid(equals + 1);
            name = name.left(equals);
            hasValue = true;
        }
        const bool known = name == QLatin1String("--world") || name == QLatin1String("--script") ||
                           name == QLatin1String("--seed");
        if (!known)
            return refuse(name.startsWith(u'-')
                              ? QStringLiteral("unknown console option \"%1\"").arg(name)
                              : QStringLiteral("unexpected argument \"%1\"").arg(name));
        if (given.contains(name))
            return refuse(QStringLiteral("%1 given twice").arg(name));
        given << name;
        if (!hasValue && i + 1 < arguments.size() && !arguments[i + 1].startsWith(QLatin1String("--"))) {
            value = arguments[++i];
            hasValue = true;
        }
        const QString placeholder = name == QLatin1String("--seed") ? QStringLiteral("N")
                                                                     : QStringLiteral("FILE");
        if (!hasValue || value.isEmpty())
            return refuse(QStringLiteral("%1 needs a value (%2)").arg(name, placeholder));
        if (name == QLatin1String("--world")) {
            options.worldFile = value;
        } else if (name == QLatin1String("--script")) {
            options.scriptFile = value;
        } else {
            auto seed = parseSeed(value);
            if (!seed)
                return seed.error();
            options.seed = *seed;
        }
    }
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
    if (first == QLatin1String("--screenshot")) {
        if (arguments.size() < 2 || arguments[1].isEmpty() || arguments[1].startsWith(QLatin1String("--")))
            return refuse(QStringLiteral("--screenshot needs a value (DIR)"));
        if (arguments.size() > 2)
            return refuse(QStringLiteral("unexpected argument \"%1\" after --screenshot DIR").arg(arguments[2]));
        invocation.screenshotDir = arguments[1];
        return invocation;
    }
    if (isHelp(first))
        invocation.mode = Invocation::Mode::Help;
    else if (first == QLatin1String("--version"))
        invocation.mode = Invocation::Mode::Version;
    else
        return refuse(QStringLiteral("unknown argument \"%1\"").arg(first));
    if (arguments.size() > 1)
        return refuse(QStringLiteral("unexpected argument \"%1\" after %2").arg(arguments[1], first));
    return invocation;
}

QString usageLine() {
    return QStringLiteral(
        "Usage: lifecycle-lab [--help] [--version] [--screenshot DIR] "
        "[console [--world FILE] [--script FILE] [--seed N]]");
}

QString helpText() {
    return usageLine() + QStringLiteral(R"(

Container Lifecycle Lab: how a Docker container lives, on a simulated Docker Engine 20.10.

Modes:
  (no arguments)   the desktop window: the lifecycle diagram, the containers, a console dock
                   and the event log, on the simulated engine with the built-in world
  console          a docker command line on the simulated engine: type docker commands
                   ("docker" in front is optional), @sleep SECONDS, help, exit

Options:
  -h, --help       print this help and exit
  --version        print the version and exit
  --screenshot DIR play the built-in demonstrations in the window, save one PNG of each
                   into DIR and exit (works under QT_QPA_PLATFORM=offscreen)

Console options:
  --world FILE     start from this world file (docs/WORLD.md); default: the built-in world
  --script FILE    run the lines of FILE and print a transcript:
                   $ line, > stdout, ! stderr, [rc=N], @ sleep N
  --seed N         the seed of IDs and generated names (default 1)

Exit status: 2 for a bad command line or unreadable input; with --script 0 once the script ran;
otherwise the status of the last command.
)");
}

} // namespace lab
