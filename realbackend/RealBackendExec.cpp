// RealBackend: docker exec. The process starts in the container (ExecProcess.h); its output and
// its exit come through the clock's epoll like the container's own, into the ExecSession the
// engine waits on. -u is resolved in the container's /etc/passwd and /etc/group, as runc does.
#include "ContainerSandbox.h"
#include "ExecProcess.h"
#include "Syscalls.h"
#include "engine/Container.h"
#include "engine/Security.h"

#include <cerrno>
#include <charconv>
#include <csignal>
#include <fstream>
#include <unistd.h>
#include <utility>

namespace lab::real {
namespace {

struct ExecUser {
    std::optional<uid_t> uid;
    std::optional<gid_t> gid;
};

std::optional<unsigned> number(const std::string& text) {
    unsigned value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// The third and fourth fields of name's line in a passwd or group file (ids), or nothing.
std::optional<std::pair<unsigned, unsigned>> lookUp(const std::string& file,
                                                    const std::string& name) {
    std::ifstream lines(file);
    for (std::string line; std::getline(lines, line);) {
        std::vector<std::string> fields;
        for (std::size_t begin = 0; begin <= line.size();) {
            const std::size_t end = std::min(line.find(':', begin), line.size());
            fields.push_back(line.substr(begin, end - begin));
            begin = end + 1;
        }
        if (fields.size() >= 3 && fields[0] == name) {
            const auto id = number(fields[2]);
            const auto group = fields.size() >= 4 ? number(fields[3]) : std::optional<unsigned>();
            if (id)
                return std::pair{*id, group.value_or(*id)};
        }
    }
    return std::nullopt;
}

// -u USER[:GROUP] as runc resolves it in the container's files; Docker's words when it cannot.
Expected<ExecUser> resolveUser(const std::string& user, const std::string& root) {
    if (user.empty())
        return ExecUser{};
    const std::string name = user.substr(0, user.find(':'));
    const std::string group =
        user.find(':') == std::string::npos ? std::string() : user.substr(user.find(':') + 1);
    ExecUser resolved;
    if (const auto id = number(name)) {
        resolved.uid = *id;
        resolved.gid = 0;
    } else if (const auto entry = lookUp(root + "/etc/passwd", name)) {
        resolved.uid = entry->first;
        resolved.gid = entry->second;
    } else {
        return Error{"unable to find user " + name + ": no matching entries in passwd file"};
    }
    if (group.empty())
        return resolved;
    if (const auto id = number(group))
        resolved.gid = *id;
    else if (const auto entry = lookUp(root + "/etc/group", group))
        resolved.gid = entry->first;
    else
        return Error{"unable to find group " + group + ": no matching entries in group file"};
    return resolved;
}

} // namespace

Status RealBackend::exec(const Container& container, const ExecRequest& request,
                         std::shared_ptr<ExecSession> session) {
    ContainerSandbox* found = sandbox(container.id);
    if (!found || !found->process || !found->process->alive())
        return Error{"Container " + container.id + " is not running"};
    std::vector<std::string>& trace = m_traces[container.id];
    // The daemon writes runc's error to the exec's output stream, ending it "\r\n", and
    // answers 126; on the clock, never from inside this call.
    const auto failLater = [&](const std::string& message) {
        m_clock.schedule(m_clock.now(), [session, message] {
            session->output.push_back({false, message + "\r\n"});
            session->exitCode = 126;
        });
        return Status(Ok{});
    };
    if (request.argv.empty())
        return failLater("No exec command specified");
    const std::string root =
        found->imageRootfs.empty() ? found->dir + "/rootfs" : found->imageRootfs;
    auto user = resolveUser(request.user, root);
    if (!user)
        return failLater(user.error().message);
    auto capabilities = containerCapabilities(container.config);
    if (!capabilities)
        return capabilities.error();
    auto confinement =
        planConfinement({*capabilities, container.config.privileged,
                         wantsNoNewPrivileges(container.config), m_options.newNetwork});
    if (!confinement)
        return confinement.error();
    auto started = startExecProcess(
        ExecSpec{found->process->pidfd(), m_rootless, container.shortId(), request.argv,
                 mergeEnv(request.env, found->imageConfig.env), request.workdir, user->uid,
                 user->gid, found->resources.procsFiles(), std::move(*confinement)},
        m_tree ? &found->cgroup : nullptr, trace);
    if (!started)
        return failLater(started.error().message);
    const int serial = ++m_execSerial;
    ExecRun& run = found->execs[serial] = ExecRun{std::move(*started), std::move(session)};
    const std::string id = container.id;
    m_clock.watch(run.process.stdoutPipe().get(),
                  [this, id, serial] { onExecOutput(id, serial, false); });
    m_clock.watch(run.process.stderrPipe().get(),
                  [this, id, serial] { onExecOutput(id, serial, true); });
    m_clock.watch(run.process.pidfd(), [this, id, serial] { onExecExit(id, serial); });
    return Ok{};
}

RealBackend::ExecRun* RealBackend::execRun(const std::string& id, int serial) const {
    ContainerSandbox* found = sandbox(id);
    if (!found)
        return nullptr;
    const auto run = found->execs.find(serial);
    return run == found->execs.end() ? nullptr : &run->second;
}

void RealBackend::onExecOutput(const std::string& id, int serial, bool isStderr) {
    ExecRun* run = execRun(id, serial);
    if (!run)
        return;
    UniqueFd& pipe = isStderr ? run->process.stderrPipe() : run->process.stdoutPipe();
    std::string& partial = run->partial[isStderr ? 1 : 0];
    std::vector<ExecOutput>& output = run->session->output;
    char buffer[65536];
    for (;;) {
        const ssize_t n = pipe ? ::read(pipe.get(), buffer, sizeof buffer) : 0;
        if (n < 0 && errno == EINTR)
            continue;
        if (n > 0) { // whole lines, as the session's readers take them
            partial.append(buffer, std::size_t(n));
            const std::size_t end = partial.rfind('\n');
            if (end != std::string::npos) {
                output.push_back({isStderr, partial.substr(0, end + 1)});
                partial.erase(0, end + 1);
            }
            continue;
        }
        if (n == 0 && pipe) { // every writer is gone; what is left without a newline comes too
            if (!partial.empty())
                output.push_back({isStderr, std::exchange(partial, {})});
            m_clock.unwatch(pipe.get());
            pipe.reset();
        }
        return;
    }
}

void RealBackend::onExecExit(const std::string& id, int serial) {
    ExecRun* run = execRun(id, serial);
    if (!run)
        return;
    const std::optional<int> code = run->process.reapIfExited();
    if (!code)
        return;
    // What it wrote before it ended comes before its exit; a process it left in the background
    // may still hold the pipes open, which docker exec does not wait for either.
    onExecOutput(id, serial, false);
    onExecOutput(id, serial, true);
    for (const bool isStderr : {false, true})
        if (std::string& rest = run->partial[isStderr ? 1 : 0]; !rest.empty())
            run->session->output.push_back({isStderr, std::exchange(rest, {})});
    m_traces[id].push_back("exec'd process " + std::to_string(run->process.pid()) +
                           ": pidfd readable; waitid(P_PIDFD) = " + std::to_string(*code));
    run->session->exitCode = *code;
    closeExecWatches(*run);
    sandbox(id)->execs.erase(serial);
}

void RealBackend::endExecs(ContainerSandbox& found) {
    for (auto& [serial, run] : found.execs) {
        closeExecWatches(run);
        pidfdSignal(run.process.pidfd(), SIGKILL);
        run.session->exitCode = run.process.reap();
        m_traces[found.id].push_back("exec'd process " + std::to_string(run.process.pid()) +
                                     ": pidfd_send_signal(SIGKILL), waitid(P_PIDFD)");
    }
    found.execs.clear();
}

void RealBackend::closeExecWatches(ExecRun& run) {
    for (UniqueFd* fd : {&run.process.stdoutPipe(), &run.process.stderrPipe()})
        if (*fd) {
            m_clock.unwatch(fd->get());
            fd->reset();
        }
    m_clock.unwatch(run.process.pidfd());
}

} // namespace lab::real
