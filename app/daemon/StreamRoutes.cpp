// The routes that answer as things happen: wait (headers at once, the status at the exit),
// attach (a hijacked raw stream), logs (framed, and followed with follow=1) and events (the log
// between since and until, or followed), and the terminal's resize. None of them moves engine
// time.
#include "cli/EventFilter.h"
#include "daemon/Api.h"
#include "daemon/ApiJson.h"
#include "daemon/TerminalInput.h"
#include "docker/GoTime.h"

#include <charconv>
#include <utility>

namespace lab::daemon {

/// What an attached client typed for a container's stdin, on its way there.
struct StdinFeed {
    std::string id; ///< the container's ID
    bool tty = false;
    TerminalInput terminal; ///< -t: echo and line editing before the process reads
    std::string pending;    ///< typed, not yet read (the process does not run yet)
    bool ended = false;     ///< the client closed stdin (or typed Ctrl-D on a terminal)
    bool waiting = false;   ///< a wait for the process to run is set
};

namespace {

using nlohmann::json;

// Docker's stdcopy framing for a container without a TTY: [stream, 0, 0, 0, size (BE32)] and
// the bytes; with a TTY the bytes go raw, with the terminal's line ending.
std::string frame(const LogLine& line, bool tty, bool timestamps) {
    const std::string text =
        (timestamps ? docker::formatRfc3339NanoFixed(line.at) + " " : std::string()) + line.text;
    return tty ? text + "\r\n" : stdcopyFrame(line.isStderr, text + "\n");
}

// "1577836800.000000000" (the CLI's seconds.nanoseconds) as engine time, to the nanosecond.
std::optional<TimePoint> unixTime(const std::string& text) {
    const auto dot = text.find('.');
    const std::string whole = text.substr(0, dot);
    std::string fraction = dot == std::string::npos ? "0" : text.substr(dot + 1);
    long long seconds = 0;
    long long nanos = 0;
    if (fraction.empty() || fraction.size() > 9)
        return std::nullopt;
    fraction.resize(9, '0');
    const auto [wholeEnd, wholeError] =
        std::from_chars(whole.data(), whole.data() + whole.size(), seconds);
    const auto [fractionEnd, fractionError] =
        std::from_chars(fraction.data(), fraction.data() + fraction.size(), nanos);
    if (whole.empty() || wholeError != std::errc() || wholeEnd != whole.data() + whole.size() ||
        fractionError != std::errc() || fractionEnd != fraction.data() + fraction.size() ||
        nanos < 0 || seconds < -9'000'000'000LL || seconds > 9'000'000'000LL)
        return std::nullopt;
    return TimePoint(std::chrono::seconds(seconds) + Duration(nanos));
}

// Reads since and until; missing ones are the given defaults.
bool readBounds(const ApiRequest& request, TimePoint& since, TimePoint& until,
                const ConnectionPtr& connection) {
    for (const auto& [key, bound] : {std::pair{"since", &since}, std::pair{"until", &until}}) {
        const std::string text = request.param(key);
        if (text.empty())
            continue;
        const auto at = unixTime(text);
        if (!at) {
            connection->replyError(400, "invalid value for " + std::string(key) + ": " + text);
            return false;
        }
        *bound = *at;
    }
    return true;
}

} // namespace

void Api::wait(const ApiRequest& request, const std::string& reference,
               const ConnectionPtr& connection) {
    Engine& engine = m_host.engine();
    Container* container = findOrReply(reference, connection);
    if (!container)
        return;
    const std::string condition = request.param("condition", "not-running");
    CallHandle call;
    if (condition == "next-exit" || condition == "removed")
        call = engine.waitForExit(*container, condition == "removed");
    else if (condition == "not-running")
        call = engine.command(*container, CommandEvent{Command::Wait, engine.clock().now()},
                              reference);
    else
        return connection->replyError(400, "invalid condition: \"" + condition + "\"");
    // The headers go now: docker run sends its start only once it has them.
    connection->beginStream(200, "application/json");
    m_host.when([call] { return call->finished(); },
                [call, connection] {
                    const json answer =
                        call->result().has_value()
                            ? json{{"Error", nullptr}, {"StatusCode", call->result().value()}}
                            : json{{"Error", {{"Message", call->result().error().message}}},
                                   {"StatusCode", -1}};
                    connection->sendChunk(document(answer));
                    connection->endStream();
                },
                false, [connection] { return connection->open(); });
}

void Api::attach(const ApiRequest& request, const std::string& reference,
                 const ConnectionPtr& connection) {
    Engine& engine = m_host.engine();
    Container* container = findOrReply(reference, connection);
    if (!container)
        return;
    Container& attached = *container;
    const bool stdoutWanted = request.flag("stdout");
    const bool stderrWanted = request.flag("stderr");
    const bool tty = attached.config.tty;
    // Docker reads stdin only for a container created with it open (-i).
    const bool stdinWanted = request.flag("stdin") && attached.config.openStdin;
    if (Status input = engine.canWriteStdin(); stdinWanted && !input)
        return connection->replyError(501, input.error().message);
    Connection::InputHandler input;
    if (stdinWanted) {
        auto feed = std::make_shared<StdinFeed>();
        feed->id = attached.id;
        feed->tty = tty;
        // The handler lives in the connection: it holds the connection weakly.
        input = [this, feed, weak = std::weak_ptr<Connection>(connection)](const std::string& bytes,
                                                                           bool closed) {
            const ConnectionPtr held = weak.lock();
            if (!held || feed->ended)
                return;
            if (feed->tty) {
                // A terminal's end of file is its Ctrl-D: a client that leaves (or detaches
                // with Ctrl-P Ctrl-Q, which the CLI keeps for itself) leaves the shell running.
                TerminalInput::Result typed = feed->terminal.feed(bytes);
                held->sendRaw(typed.echo);
                feed->pending += typed.lines;
                feed->ended = typed.ended;
            } else {
                feed->pending += bytes;
                feed->ended = closed;
            }
            feedStdin(feed, held);
            m_host.settle();
        };
    }
    connection->upgrade(std::move(input));
    engine.attach(attached);
    // The stream ends when the process does (or the container goes): the CLI then reads the
    // exit status from its wait.
    followUntilExit(
        attached,
        [connection, tty, stdoutWanted, stderrWanted](const LogLine& line) {
            if (line.isStderr ? stderrWanted : stdoutWanted)
                connection->sendRaw(frame(line, tty, false));
        },
        [connection] { connection->closeAfterWrites(); }, connection);
}

void Api::feedStdin(const std::shared_ptr<StdinFeed>& feed, const ConnectionPtr& connection) {
    Engine& engine = m_host.engine();
    const auto running = [&engine, feed]() -> Container* {
        auto found = engine.find(feed->id);
        return found && (*found)->machine.isRunning() ? *found : nullptr;
    };
    if (Container* container = running()) {
        if (!feed->pending.empty() || feed->ended)
            engine.writeStdin(*container, std::exchange(feed->pending, {}), feed->ended);
        return;
    }
    // Attached before the start (docker run, start -ai): the keys wait in the stdin pipe.
    if (std::exchange(feed->waiting, true))
        return;
    m_host.when([running] { return running() != nullptr; },
                [this, feed, connection] {
                    feed->waiting = false;
                    feedStdin(feed, connection);
                },
                false, [connection] { return connection->open(); });
}

void Api::resize(const ApiRequest& request, const std::string& reference,
                 const ConnectionPtr& connection) {
    int size[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        const std::string text = request.param(i == 0 ? "h" : "w");
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), size[i]);
        if (error != std::errc() || end != text.data() + text.size() || text.empty())
            return connection->replyError(400,
                                          "strconv.Atoi: parsing \"" + text + "\": invalid syntax");
        if (size[i] < 0 || size[i] > 65535)
            return connection->replyError(400, "the terminal size must be from 0 to 65535");
    }
    Container* container = findOrReply(reference, connection);
    if (!container)
        return;
    if (!container->machine.isRunning())
        return connection->replyError(409, "Container " + container->id + " is not running");
    m_host.engine().resize(*container, size[0], size[1]);
    connection->reply(200, "", "text/plain; charset=utf-8");
}

void Api::logs(const ApiRequest& request, const std::string& reference,
               const ConnectionPtr& connection) {
    Container* container = findOrReply(reference, connection);
    if (!container)
        return;
    const bool stdoutWanted = request.flag("stdout");
    const bool stderrWanted = request.flag("stderr");
    if (!stdoutWanted && !stderrWanted)
        return connection->replyError(400, "Bad parameters: you must choose at least one stream");
    TimePoint since = TimePoint::min();
    TimePoint until = TimePoint::max();
    if (!readBounds(request, since, until, connection))
        return;
    const Container& logged = *container;
    const bool tty = logged.config.tty;
    const bool timestamps = request.flag("timestamps");
    const auto wanted = [=](const LogLine& line) {
        return (line.isStderr ? stderrWanted : stdoutWanted) && line.at >= since &&
               line.at <= until;
    };
    connection->beginStream(200, "");
    for (std::size_t i = logged.tailStart(request.param("tail", "all")); i < logged.logs.size();
         ++i)
        if (wanted(logged.logs[i]))
            connection->sendChunk(frame(logged.logs[i], tty, timestamps));
    if (!request.flag("follow") || !logged.machine.isRunning())
        return connection->endStream();
    followUntilExit(
        *container,
        [connection, tty, timestamps, wanted](const LogLine& line) {
            if (wanted(line))
                connection->sendChunk(frame(line, tty, timestamps));
        },
        [connection] { connection->endStream(); }, connection);
}

void Api::events(const ApiRequest& request, const ConnectionPtr& connection) {
    Engine& engine = m_host.engine();
    auto filters = filtersFrom(request.param("filters"));
    if (!filters)
        return connection->replyError(filters.error().status, filters.error().message);
    const TimePoint now = engine.clock().now();
    // Without since, only what happens from now on; without until, until the client leaves.
    TimePoint since = now + Duration(1);
    TimePoint until = TimePoint::max();
    if (!readBounds(request, since, until, connection))
        return;
    connection->beginStream(200, "application/json");
    const auto send = [connection, since, until, filters = *filters](const DockerEvent& event) {
        if (event.at >= since && event.at <= until && cli::eventMatches(event, filters))
            connection->sendChunk(document(json::parse(cli::eventMessage(event).json())));
    };
    for (const DockerEvent& event : engine.events())
        send(event);
    if (until <= now)
        return connection->endStream();
    const int listener = m_host.listenEvents(send);
    connection->onClosed([this, listener] { m_host.forget(listener); });
    if (until == TimePoint::max())
        return;
    engine.clock().schedule(until, [] {}); // so that the wall clock wakes the host at until
    m_host.when([&engine, until] { return engine.clock().now() >= until; },
                [this, listener, connection] {
                    m_host.forget(listener);
                    connection->endStream();
                },
                false, [connection] { return connection->open(); });
}

} // namespace lab::daemon
