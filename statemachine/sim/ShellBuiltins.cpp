// The builtins of busybox sh that scripts in containers use. Messages are busybox 1.35's, as
// printed when running `sh -c` (hence "line 0").

#include "sim/Applets.h"
#include "sim/Shell.h"
#include "sim/Signal.h"

#include <algorithm>
#include <charconv>

namespace lab {
namespace {

using shell::Node;

std::optional<int> parseInt(const std::string& text) {
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// A trap condition: EXIT or 0, a signal name or number.
std::optional<int> trapCondition(const std::string& text) {
    if (text == "EXIT" || text == "0")
        return 0;
    return signalNumber(text);
}

} // namespace

bool isShellBuiltin(const std::string& name) {
    static const char* const names[] = {":",     "true",  "false",   "echo",   "printf", "test",
                                        "[",     "exit",  "trap",    "wait",   "exec",   "read",
                                        "kill",  "set",   "shift",   "export", "unset",  "cd",
                                        "umask", "break", "continue"};
    return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

Expected<shell::NodePtr> parseProgram(const ProcessContext& context, std::string_view script) {
    return context.scripts ? context.scripts->parse(script) : shell::parse(script);
}

bool Shell::runBuiltin(const std::vector<std::string>& argv, const StreamMap& streams, Sink& sink) {
    const std::string& name = argv[0];
    if (!isShellBuiltin(name))
        return false;
    if (auto applet = runApplet(argv, "sh: ")) {
        if (!applet->out.empty())
            write(sink, m_now, Stream::Stdout, applet->out, streams);
        if (!applet->err.empty())
            write(sink, m_now, Stream::Stderr, applet->err, streams);
        m_status = applet->code;
    } else if (name == "exit") {
        int code = m_status;
        if (argv.size() > 1) {
            auto parsed = parseInt(argv[1]);
            if (!parsed) {
                error(sink, "exit: line 0: Illegal number: " + argv[1], streams);
                code = 2;
            } else {
                code = *parsed;
            }
        }
        beginExit(code);
    } else if (name == "trap") {
        trapBuiltin(argv, streams, sink);
    } else if (name == "wait") {
        waitBuiltin(argv);
    } else if (name == "exec") {
        m_status = 0;
        if (argv.size() > 1)
            exec({argv.begin() + 1, argv.end()}, streams, true, sink);
    } else if (name == "read") {
        m_status = 1; // a container started without -i has its stdin at end of file
    } else if (name == "kill") {
        killBuiltin(argv, streams, sink);
    } else if (name == "break" || name == "continue") {
        loopBuiltin(argv, streams, sink);
    } else if (name == "set") {
        setBuiltin(argv, streams, sink);
    } else if (name == "shift") {
        const auto n =
            static_cast<std::size_t>(argv.size() > 1 ? parseInt(argv[1]).value_or(1) : 1);
        m_status = n < m_args.size() ? 0 : 1;
        if (n < m_args.size())
            m_args.erase(m_args.begin() + 1, m_args.begin() + 1 + static_cast<std::ptrdiff_t>(n));
    } else if (name == "export" || name == "unset") {
        for (std::size_t i = 1; i < argv.size(); ++i) {
            const auto equals = argv[i].find('=');
            if (name == "unset")
                m_vars.erase(argv[i]);
            else if (equals != std::string::npos)
                m_vars[argv[i].substr(0, equals)] = argv[i].substr(equals + 1);
        }
        m_status = 0;
    } else {
        m_status = 0; // cd, umask: the simulated container has no filesystem to refuse them
    }
    return true;
}

void Shell::trapBuiltin(const std::vector<std::string>& argv, const StreamMap& streams,
                        Sink& sink) {
    m_status = 0;
    if (argv.size() == 1) {
        for (const auto& [number, trap] : m_traps)
            write(sink, m_now, Stream::Stdout,
                  "trap -- '" + trap.text + "' " +
                      (number == 0 ? std::string("EXIT") : signalName(number)) + "\n",
                  streams);
        return;
    }
    // `trap SIG...` with a first word that is a condition resets them, as `trap - SIG...`.
    std::size_t first = 2;
    std::optional<std::string> action = argv[1];
    if (argv[1] == "-" || (argv.size() == 2 && trapCondition(argv[1])))
        action.reset(), first = argv[1] == "-" ? 2 : 1;
    for (std::size_t i = first; i < argv.size(); ++i) {
        auto condition = trapCondition(argv[i]);
        if (!condition) {
            error(sink, "trap: line 0: " + argv[i] + ": invalid signal specification", streams);
            m_status = 1;
            continue;
        }
        if (*condition != 0)
            m_context.ignored.erase(*condition);
        if (!action) {
            m_traps.erase(*condition);
            continue;
        }
        if (action->empty() && *condition != 0)
            m_context.ignored.insert(*condition);
        m_traps.insert_or_assign(*condition, Trap{*action, shell::parse(*action)});
    }
}

void Shell::waitBuiltin(const std::vector<std::string>& argv) {
    m_waitFor.clear();
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const auto pid = parseInt(argv[i]);
        if (!pid || !isJob(*pid)) {
            m_status = 127; // busybox: not a child of this shell, silently
            return;
        }
        m_waitFor.push_back(*pid);
    }
    m_waiting = true;
    checkWait();
}

// break/continue [N]: ash leaves the N-th enclosing loop (all of them when there are fewer),
// and does nothing outside a loop.
void Shell::loopBuiltin(const std::vector<std::string>& argv, const StreamMap& streams,
                        Sink& sink) {
    int levels = 1;
    if (argv.size() > 1) {
        const auto n = parseInt(argv[1]);
        if (!n || *n <= 0) {
            error(sink, argv[0] + ": line 0: Illegal number: " + argv[1], streams);
            beginExit(2);
            return;
        }
        levels = *n;
    }
    m_status = 0;
    std::optional<std::size_t> target;
    for (std::size_t i = m_stack.size(); i-- > 0 && m_stack[i].role == Role::Run && levels > 0;) {
        const auto kind = m_stack[i].node->kind;
        if (kind == Node::Kind::While || kind == Node::Kind::Until || kind == Node::Kind::For)
            target = i, --levels;
    }
    if (!target)
        return;
    if (argv[0] == "break") {
        m_stack.resize(*target);
        return;
    }
    m_stack.resize(*target + 1);
    if (m_stack.back().node->kind != Node::Kind::For)
        m_stack.back().phase = 0; // while/until test their condition again
}

void Shell::killBuiltin(const std::vector<std::string>& argv, const StreamMap& streams,
                        Sink& sink) {
    int signal = sig::TERM;
    std::size_t i = 1;
    if (i + 1 < argv.size() && argv[i] == "-s") {
        signal = signalNumber(argv[i + 1]).value_or(0);
        i += 2;
    } else if (i < argv.size() && argv[i].size() > 1 && argv[i][0] == '-') {
        signal = signalNumber(argv[i].substr(1)).value_or(0);
        ++i;
    }
    m_status = 0;
    if (signal == 0) {
        error(sink, "kill: bad signal name", streams);
        m_status = 1;
        return;
    }
    for (; i < argv.size(); ++i) {
        const auto pid = parseInt(argv[i]);
        auto job = std::find_if(m_jobs.begin(), m_jobs.end(),
                                [&](const Job& j) { return pid && j.pid == *pid; });
        if (job != m_jobs.end()) {
            job->process->signal(signal, m_now, sink);
        } else if (pid && *pid == m_context.pid) {
            this->signal(signal, m_now, sink);
        } else {
            error(sink, "kill: can't kill pid " + argv[i] + ": No such process", streams);
            m_status = 1;
        }
    }
}

void Shell::setBuiltin(const std::vector<std::string>& argv, const StreamMap& streams, Sink& sink) {
    m_status = 0;
    if (argv.size() > 1 && argv[1] == "--") {
        m_args.resize(1);
        m_args.insert(m_args.end(), argv.begin() + 2, argv.end());
        return;
    }
    if (argv.size() > 1) {
        error(sink, "set: " + argv[1] + " is not simulated in Container Lifecycle Lab", streams);
        m_status = 2;
    }
}

} // namespace lab
