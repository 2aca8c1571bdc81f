#include "Settling.h"

#include "Syscalls.h"

#include <sstream>
#include <unistd.h>

namespace lab::real {
namespace {

struct ProcessState {
    char state = 'X';  // R running or runnable; S, D, T, Z... waiting or gone
    long cpuTicks = 0; // utime + stime
};

// /proc/<pid>/stat: "pid (comm) state ppid ...", utime and stime the 14th and 15th fields. The
// command name may hold spaces and parentheses: the fields start after the last ')'.
std::optional<ProcessState> stateOf(int pid) {
    auto text = readFile("/proc/" + std::to_string(pid) + "/stat");
    if (!text)
        return std::nullopt; // gone: it waits for nothing any more
    const std::size_t close = text->rfind(')');
    if (close == std::string::npos)
        return std::nullopt;
    std::istringstream fields(text->substr(close + 1));
    ProcessState found;
    std::string skip;
    fields >> found.state;
    for (int field = 4; field <= 13; ++field)
        fields >> skip;
    long user = 0, system = 0;
    fields >> user >> system;
    found.cpuTicks = user + system;
    return found;
}

} // namespace

long cpuTicksOf(const std::vector<int>& pids) {
    long ticks = 0;
    for (int pid : pids)
        if (const auto found = stateOf(pid))
            ticks += found->cpuTicks;
    return ticks;
}

std::optional<std::string> settledBecause(const std::vector<int>& pids, long ticksAtExec) {
    std::string states;
    bool runnable = false;
    long ticks = 0;
    for (int pid : pids) {
        const auto found = stateOf(pid);
        if (!found)
            continue;
        runnable = runnable || found->state == 'R';
        ticks += found->cpuTicks;
        states += (states.empty() ? "" : ", ") + std::to_string(pid) + " " + found->state;
    }
    if (!runnable)
        return states.empty() ? "its processes have exited"
                              : "every process waits in the kernel (" + states + ")";
    ticks -= ticksAtExec;
    if (ticks >= 1)
        return "runnable after " + std::to_string(ticks * 1000 / ::sysconf(_SC_CLK_TCK)) +
               " ms of CPU without waiting (" + states + ")";
    return std::nullopt;
}

} // namespace lab::real
