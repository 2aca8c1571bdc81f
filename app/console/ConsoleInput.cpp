#include "console/ConsoleInput.h"

#include "session/Session.h"

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>
#include <utility>

namespace lab {
namespace {

// What the handlers saw. Signal handlers may only touch lock-free atomics and make
// async-signal-safe calls: write() to the self-pipe, the session's stopWaiting().
volatile std::sig_atomic_t g_interrupted = 0;
volatile std::sig_atomic_t g_resized = 0;
volatile std::sig_atomic_t g_leaving = 0;
std::atomic<Session*> g_session = nullptr;
int g_wakeRead = -1;
int g_wakeWrite = -1;

constexpr std::array kSignals = {SIGINT, SIGTERM, SIGHUP, SIGWINCH};
std::array<struct sigaction, kSignals.size()> g_previous{};

void onSignal(int signal) {
    const int savedErrno = errno;
    if (signal == SIGWINCH) {
        g_resized = 1;
    } else {
        if (signal == SIGINT)
            g_interrupted = 1;
        else
            g_leaving = signal;
        if (Session* session = g_session.load())
            session->stopWaiting();
    }
    const char byte = 0;
    [[maybe_unused]] auto n = ::write(g_wakeWrite, &byte, 1);
    errno = savedErrno;
}

void drainWakePipe() {
    char bytes[64];
    while (::read(g_wakeRead, bytes, sizeof bytes) > 0) {
    }
}

} // namespace

ConsoleInput::ConsoleInput(Session& session, int fd) : m_session(session), m_fd(fd) {
    int wake[2] = {-1, -1};
    if (::pipe2(wake, O_CLOEXEC | O_NONBLOCK) == 0) {
        g_wakeRead = wake[0];
        g_wakeWrite = wake[1];
    }
    g_interrupted = 0;
    g_resized = 0;
    g_leaving = 0;
    g_session = &session;
    struct sigaction action {};
    action.sa_handler = &onSignal;
    ::sigemptyset(&action.sa_mask);
    for (std::size_t i = 0; i < kSignals.size(); ++i) {
        // A resize restarts what it interrupts, so output to the terminal is not cut short. The
        // others must not: Ctrl-C makes the terminal discard the input it holds, so a read that
        // poll() had just found something for would be restarted and wait for a key forever.
        action.sa_flags = kSignals[i] == SIGWINCH ? SA_RESTART : 0;
        ::sigaction(kSignals[i], &action, &g_previous[i]);
    }
}

ConsoleInput::~ConsoleInput() {
    g_session = nullptr;
    // Once leaving, the handlers stay (harmless now): a second SIGTERM or SIGHUP must not cut
    // short the session's teardown that follows.
    if (g_leaving != 0)
        return;
    for (std::size_t i = 0; i < kSignals.size(); ++i)
        ::sigaction(kSignals[i], &g_previous[i], nullptr);
    for (int* end : {&g_wakeRead, &g_wakeWrite})
        ::close(std::exchange(*end, -1));
}

ConsoleInput::Wake ConsoleInput::wait() {
    for (;;) {
        if (g_leaving != 0)
            return Wake::Leaving;
        if (g_interrupted != 0) {
            g_interrupted = 0;
            return Wake::Interrupted;
        }
        if (g_resized != 0) {
            g_resized = 0;
            return Wake::Resized;
        }
        // Runs what is due and arms the clock for the next timer, so its descriptor wakes us.
        m_session.dispatchReady();
        std::array<pollfd, 3> fds{
            {{m_fd, POLLIN, 0}, {g_wakeRead, POLLIN, 0}, {m_session.readyDescriptor(), POLLIN, 0}}};
        const nfds_t count = fds[2].fd >= 0 ? 3 : 2;
        if (::poll(fds.data(), count, -1) < 0 && errno != EINTR)
            return Wake::Input; // the read that follows reports the error
        if (fds[1].revents != 0)
            drainWakePipe();
        if (fds[0].revents != 0 && g_leaving == 0 && g_interrupted == 0)
            return Wake::Input;
    }
}

std::optional<std::string> ConsoleInput::readLine() {
    for (;;) {
        if (const auto newline = m_buffered.find('\n'); newline != std::string::npos) {
            std::string line = m_buffered.substr(0, newline);
            m_buffered.erase(0, newline + 1);
            return line;
        }
        if (m_atEnd) {
            if (m_buffered.empty())
                return std::nullopt;
            return std::exchange(m_buffered, {});
        }
        const Wake woke = wait();
        if (woke == Wake::Interrupted)
            g_leaving = SIGINT; // no line is being typed here: Ctrl-C ends the console
        if (woke == Wake::Leaving || woke == Wake::Interrupted)
            return std::nullopt;
        if (woke == Wake::Resized)
            continue;
        char chunk[4096];
        const ssize_t got = ::read(m_fd, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            m_atEnd = true;
        else
            m_buffered.append(chunk, std::size_t(got));
    }
}

int ConsoleInput::leavingSignal() const {
    return g_leaving;
}

bool ConsoleInput::takeInterrupt() {
    const bool interrupted = g_interrupted != 0;
    g_interrupted = 0;
    return interrupted;
}

} // namespace lab
