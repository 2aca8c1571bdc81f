#include "sim/Process.h"

#include "sim/Filesystem.h"
#include "sim/Signal.h"

namespace lab {

void Process::write(Sink& sink, TimePoint at, Stream fd, std::string text,
                    const StreamMap& map) const {
    if (auto stream = map.route(fd)) {
        sink.push_back({Happening::Kind::Output, at, *stream, std::move(text), 0});
        return;
    }
    if (map.file(fd).empty() || !m_context.files)
        return; // /dev/null
    const Status written = m_context.files->append(map.file(fd), text);
    if (!written)
        if (auto errors = map.route(Stream::Stderr)) // as busybox reports a failed write
            sink.push_back({Happening::Kind::Output, at, *errors,
                            "write error: " + written.error().message + "\n", 0});
}

bool Process::dropsUnhandled(int signal) const {
    if (signal == sig::KILL)
        return false;
    // The kernel ignores signals to a namespace's init unless it has a handler (SIGNAL_UNKILLABLE):
    // why `docker stop` of a bare `sleep` waits for the timeout.
    if (m_context.pid1 || m_context.ignored.count(signal) != 0)
        return true;
    // Stop signals are not modelled: the process keeps running (documented in Workload.h).
    return defaultAction(signal) != DefaultAction::Terminate;
}

ProcessContext childContext(const ProcessContext& parent, StreamMap streams) {
    ProcessContext child;
    child.pid = parent.pids ? parent.pids->next() : parent.pid + 1;
    child.pid1 = false;
    child.ignored = parent.ignored;
    child.streams = streams;
    child.pids = parent.pids;
    child.files = parent.files;
    child.scripts = parent.scripts;
    return child;
}

} // namespace lab
