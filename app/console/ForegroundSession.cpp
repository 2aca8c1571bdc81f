#include "console/ForegroundSession.h"

#include "base/Clock.h"
#include "engine/Container.h"
#include "engine/Engine.h"

#include <algorithm>
#include <optional>

namespace lab {
namespace {

constexpr int kSigInt = 2;
constexpr int kInterruptedStatus = 130; // the CLI dies of SIGINT (cmd/docker: 128 + 2)
constexpr int kInterruptsToGiveUp = 3;  // cmd/docker's forceExitAfter3TerminationSignals

} // namespace

// One command in flight: which container it is attached to, and how it ended.
class ForegroundSession::InFlight final : public EngineObserver {
public:
    enum class End { Returned, Interrupted, GaveUp, Detached };

    InFlight(Engine& engine, const std::function<void(const LogLine&)>& printed,
             bool proxiesSignals)
        : m_engine(engine), m_printed(printed), m_proxiesSignals(proxiesSignals) {
        m_engine.addObserver(*this);
    }
    ~InFlight() override { m_engine.removeObserver(*this); }
    InFlight(const InFlight&) = delete;
    InFlight& operator=(const InFlight&) = delete;

    // Ctrl-C; true when the command stops waiting.
    bool interrupt() {
        Container* container = m_attached.empty() ? nullptr : m_engine.byId(m_attached);
        if (!container || !m_proxiesSignals) {
            m_end = End::Interrupted;
            return true;
        }
        const bool terminal = container->config.tty && container->config.openStdin;
        if (!container->config.tty || terminal) {
            CommandEvent kill{lab::Command::Kill, m_engine.clock().now()};
            kill.signal = kSigInt;
            m_engine.command(*container, kill, container->name);
        }
        if (terminal || ++m_interrupts < kInterruptsToGiveUp)
            return false;
        m_end = End::GaveUp;
        return true;
    }
    // Ctrl-P Ctrl-Q; true when the command stops waiting.
    bool detach() {
        const Container* container = m_attached.empty() ? nullptr : m_engine.byId(m_attached);
        if (!container || !container->config.tty || !container->config.openStdin)
            return false;
        m_end = End::Detached;
        return true;
    }
    // Typed into the attached container's stdin; false when no process reads it.
    bool write(const std::string& bytes, bool ended) {
        const Container* container = m_attached.empty() ? nullptr : m_engine.byId(m_attached);
        if (!container || !container->config.openStdin || !m_engine.canWriteStdin())
            return false;
        m_engine.writeStdin(*container, bytes, ended);
        return true;
    }
    End end() const { return m_end; }

private:
    void published(const DockerEvent& event) override {
        if (m_attached.empty() && event.type == "container" && event.action == "attach")
            m_attached = event.actorId;
    }
    void printed(const Container& container, const LogLine& line) override {
        if (container.id == m_attached && m_printed)
            m_printed(line);
    }

    Engine& m_engine;
    const std::function<void(const LogLine&)>& m_printed;
    const bool m_proxiesSignals;
    std::string m_attached;
    int m_interrupts = 0;
    End m_end = End::Returned;
};

ForegroundSession::ForegroundSession(Session& inner, std::function<Engine&()> engine,
                                     std::function<void(const LogLine&)> printed)
    : m_inner(inner), m_engine(std::move(engine)), m_printed(std::move(printed)) {}

ForegroundSession::~ForegroundSession() = default;

CliOutput ForegroundSession::run(const std::vector<std::string>& args) {
    // docker attach --sig-proxy=false: Ctrl-C stays with the CLI.
    const bool attach = std::find(args.begin(), args.end(), "attach") != args.end();
    const bool proxies =
        !attach || std::find(args.begin(), args.end(), "--sig-proxy=false") == args.end();
    InFlight command(m_engine(), m_printed, proxies);
    m_command = &command;
    CliOutput output = m_inner.run(args);
    m_command = nullptr;
    m_cutShort = command.end() != InFlight::End::Returned;
    switch (command.end()) {
    case InFlight::End::Returned:
        return output;
    case InFlight::End::Interrupted:
        return CliOutput{{}, {}, kInterruptedStatus, {}};
    case InFlight::End::GaveUp:
        return CliOutput{{}, {"got 3 SIGTERM/SIGINTs, forcefully exiting"}, 1, {}};
    case InFlight::End::Detached:
        return CliOutput{{}, {"read escape sequence"}, 0, {}};
    }
    return output;
}

CliOutput ForegroundSession::runAsTyped(const std::vector<std::string>& args,
                                        const std::vector<TimedInput>& typed, TimePoint origin) {
    Clock& clock = m_engine().clock();
    std::size_t next = 0;
    std::optional<TimerId> timer;
    // What was typed at one engine time goes together, once no other timer is due then: the
    // playback had run those before the keys came.
    std::function<void()> typeDue = [&] {
        if (!clock.idleUntil(clock.now())) {
            timer = clock.schedule(clock.now(), typeDue);
            return;
        }
        timer.reset();
        const Duration at = typed[next].at;
        while (next < typed.size() && typed[next].at == at)
            type(typed[next++].input);
        if (next < typed.size())
            timer = clock.schedule(origin + typed[next].at, typeDue);
    };
    if (!typed.empty())
        timer = clock.schedule(origin + typed.front().at, typeDue);
    CliOutput output = run(args);
    if (timer)
        clock.cancel(*timer);
    return output;
}

void ForegroundSession::type(const TypedInput& input) {
    switch (input.kind) {
    case TypedInput::Kind::Interrupt:
        interrupt();
        return;
    case TypedInput::Kind::Stdin:
        write(input.bytes, false);
        return;
    case TypedInput::Kind::EndOfInput:
        write({}, true);
        return;
    case TypedInput::Kind::Detach:
        detach();
        return;
    }
}

void ForegroundSession::interrupt() {
    if (!m_command)
        return;
    m_inner.typed({TypedInput::Kind::Interrupt, {}});
    if (m_command->interrupt())
        m_inner.stopWaiting();
}

bool ForegroundSession::write(const std::string& bytes, bool ended) {
    if (!m_command || !m_command->write(bytes, ended))
        return false;
    if (!bytes.empty())
        m_inner.typed({TypedInput::Kind::Stdin, bytes});
    if (ended)
        m_inner.typed({TypedInput::Kind::EndOfInput, {}});
    return true;
}

void ForegroundSession::detach() {
    if (!m_command || !m_command->detach())
        return;
    m_inner.typed({TypedInput::Kind::Detach, {}});
    m_inner.stopWaiting();
}

} // namespace lab
