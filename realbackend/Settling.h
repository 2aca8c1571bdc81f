#pragma once
// When a signal may reach a container that has just started. Docker answers `docker start` (and
// `run -d`) once runc has let the process go to execve (the exec fifo); the lab answers once the
// execve has happened. But each further Docker command is a new CLI process and two API round
// trips, tens of milliseconds in which the new process runs its first instructions: a shell
// parses its -c text and sets its traps. The lab's next command follows within microseconds,
// and a SIGTERM then finds PID 1 without its handler, which the kernel drops for a namespace's
// init: `docker stop` waits out its timeout and answers 137 where Docker answers 0. So a signal
// sent to a container that has not settled yet is held until it has: none of its processes is
// runnable (each waits in the kernel, or has exited), or together they have used one clock tick
// of CPU without waiting (a busy process is as far as it will get). Both are the kernel's view
// (/proc/<pid>/stat), not a guess at how long a start takes. SIGKILL is never held.

#include <optional>
#include <string>
#include <vector>

namespace lab::real {

/// The CPU the processes have used so far, in clock ticks: taken when the container's execve
/// has succeeded, so that the lab's own work in the child before it is not counted.
long cpuTicksOf(const std::vector<int>& pids);

/// Looks once at the container's processes (host PIDs): why they count as settled ("every
/// process waits in the kernel (12 S, 13 S)"), or nothing while one is runnable within its budget
/// (one tick of CPU more than ticksAtExec).
std::optional<std::string> settledBecause(const std::vector<int>& pids, long ticksAtExec);

} // namespace lab::real
