#include "sim/SimulatedBackend.h"

#include "base/Clock.h"
#include "engine/Container.h"
#include "sim/Filesystem.h"

#include <algorithm>

namespace lab {

Status SimulatedBackend::prepare(const Container& container) {
    m_prepared.insert_or_assign(
        container.id,
        Prepared{std::make_shared<shell::ParsedScripts>(),
                 std::make_shared<Filesystem>(container.imageFiles, container.imageDeletedFiles)});
    return Ok{};
}

void SimulatedBackend::post(const std::string& id, OutcomeEvent event) {
    m_clock.schedule(m_clock.now(), [this, id, event] { m_sink->report(id, event); });
}

void SimulatedBackend::startProcess(const Container& container) {
    const TimePoint now = m_clock.now();
    const Prepared& prepared = m_prepared.at(container.id);
    auto started = Workload::start(container.argv(), container.config.init, now, prepared.files,
                                   container.env(), prepared.scripts, container.config.openStdin);
    if (!started) {
        post(container.id, OutcomeEvent{Outcome::StartFailed, now, started.error().exitCode, 0,
                                        started.error().message});
        return;
    }
    started->setMemoryLimit(memoryBudget(container.config.limits));
    m_processes.insert_or_assign(container.id,
                                 RunningWorkload{std::move(started.value()), std::nullopt, nullptr,
                                                 container.id, container.argv(), now});
    post(container.id, OutcomeEvent{Outcome::ProcessStarted, now});
    // What the process does at once (echo, exit) happens right after it started.
    play(container.id, m_processes.at(container.id).workload.advanceTo(now));
}

void SimulatedBackend::signal(const Container& container, int signal) {
    auto process = m_processes.find(container.id);
    if (process == m_processes.end())
        return;
    const TimePoint now = m_clock.now();
    post(container.id, OutcomeEvent{Outcome::Signalled, now, 0, signal});
    play(container.id, process->second.workload.deliver(signal, now));
}

void SimulatedBackend::writeStdin(const Container& container, const std::string& bytes,
                                  bool ended) {
    auto process = m_processes.find(container.id);
    if (process != m_processes.end())
        play(container.id, process->second.workload.input(bytes, ended, m_clock.now()));
}

void SimulatedBackend::freeze(const Container& container) {
    auto process = m_processes.find(container.id);
    if (process == m_processes.end()) {
        post(container.id, OutcomeEvent{Outcome::FreezeFailed, m_clock.now(), 0, 0, "no process"});
        return;
    }
    if (process->second.wake)
        m_clock.cancel(*process->second.wake);
    process->second.wake.reset();
    const std::vector<Happening> happened = process->second.workload.freeze(m_clock.now());
    post(container.id, OutcomeEvent{Outcome::Frozen, m_clock.now()});
    play(container.id, happened);
    forEachExec(container.id, &Workload::freeze);
}

void SimulatedBackend::thaw(const Container& container) {
    auto process = m_processes.find(container.id);
    if (process == m_processes.end())
        return;
    const TimePoint now = m_clock.now();
    post(container.id, OutcomeEvent{Outcome::Thawed, now});
    play(container.id, process->second.workload.thaw(now));
    forEachExec(container.id, &Workload::thaw);
}

void SimulatedBackend::remove(const Container& container) {
    const std::string id = container.id;
    const TimePoint done = m_clock.now() + kRemovalTime;
    if (m_failNextRemoval) {
        m_failNextRemoval = false;
        // The words of a vfs driver that finds the directory still busy.
        const std::string error = "driver \"vfs\" failed to remove root filesystem: "
                                  "unlinkat /var/lib/docker/vfs/dir/" +
                                  id + ": device or resource busy";
        m_clock.schedule(done, [this, id, done, error] {
            m_sink->report(id, OutcomeEvent{Outcome::RemovalFailed, done, 0, 0, error});
        });
        return;
    }
    m_clock.schedule(done, [this, id, done] {
        m_prepared.erase(id);
        m_execKeys.erase(id);
        m_sink->report(id, OutcomeEvent{Outcome::RemovalDone, done});
    });
}

std::vector<Fault> SimulatedBackend::armedFaults() const {
    if (m_failNextRemoval)
        return {Fault::NextRemovalFails};
    return {};
}

int SimulatedBackend::processId(const Container& container) const {
    const bool running = container.machine.isRunning() && !container.machine.isRestarting();
    return running ? int(4000 + container.sequence) : 0;
}

Status SimulatedBackend::injectFault(Fault fault, const Container* target) {
    switch (fault) {
    case Fault::NextRemovalFails:
        m_failNextRemoval = true;
        return Ok{};
    case Fault::OutOfMemory: {
        auto process = target ? m_processes.find(target->id) : m_processes.end();
        if (process == m_processes.end())
            return Error{"the OOM killer needs a running container"};
        const TimePoint now = m_clock.now();
        post(target->id, OutcomeEvent{Outcome::OutOfMemory, now});
        play(target->id, process->second.workload.terminate(137, now));
        return Ok{};
    }
    }
    return Error{"unknown fault"};
}

void SimulatedBackend::play(const std::string& id, const std::vector<Happening>& happenings) {
    const auto found = m_processes.find(id);
    const std::shared_ptr<ExecSession> session =
        found == m_processes.end() ? nullptr : found->second.session;
    const std::string container = found == m_processes.end() ? id : found->second.containerId;
    for (const Happening& happening : happenings) {
        if (happening.kind == Happening::Kind::OutOfMemory) {
            // The container's cgroup ran out: Docker's oom event, whichever process it was.
            m_clock.schedule(happening.at, [this, container, at = happening.at] {
                m_sink->report(container, OutcomeEvent{Outcome::OutOfMemory, at});
            });
            continue;
        }
        if (session) { // an exec'd process: its caller gets the output and the exit code
            m_clock.schedule(happening.at, [session, happening] {
                if (happening.kind == Happening::Kind::Output)
                    session->output.push_back({happening.stream == Stream::Stderr, happening.text});
                else
                    session->exitCode = happening.exitCode;
            });
            if (happening.kind == Happening::Kind::Exit) {
                if (found->second.wake)
                    m_clock.cancel(*found->second.wake);
                m_processes.erase(found);
                return;
            }
            continue;
        }
        if (happening.kind == Happening::Kind::Output) {
            // The engine keeps logs by line; a write may hold several, or end without one.
            const bool isStderr = happening.stream == Stream::Stderr;
            std::size_t begin = 0;
            while (begin < happening.text.size()) {
                const std::size_t end =
                    std::min(happening.text.find('\n', begin), happening.text.size());
                m_clock.schedule(happening.at, [this, id, at = happening.at, isStderr,
                                                line = happening.text.substr(begin, end - begin)] {
                    m_sink->output(id, at, isStderr, line);
                });
                begin = end + 1;
            }
            continue;
        }
        auto process = m_processes.find(id);
        if (process != m_processes.end() && process->second.wake)
            m_clock.cancel(*process->second.wake);
        m_processes.erase(id);
        endExecsOf(id); // PID 1 ended: the kernel kills the rest of its PID namespace
        const TimePoint noticed = happening.at + kExitNoticeDelay;
        m_clock.schedule(noticed, [this, id, noticed, code = happening.exitCode] {
            m_sink->report(id, OutcomeEvent{Outcome::ProcessExited, noticed, code});
        });
        return;
    }
    scheduleWake(id);
}

void SimulatedBackend::scheduleWake(const std::string& id) {
    auto process = m_processes.find(id);
    if (process == m_processes.end())
        return;
    if (process->second.wake)
        m_clock.cancel(*process->second.wake);
    process->second.wake.reset();
    const auto due = process->second.workload.nextWake();
    if (!due)
        return;
    process->second.wake = m_clock.schedule(*due, [this, id, at = *due] {
        auto woken = m_processes.find(id);
        if (woken == m_processes.end())
            return;
        woken->second.wake.reset();
        play(id, woken->second.workload.advanceTo(at));
    });
}

} // namespace lab
