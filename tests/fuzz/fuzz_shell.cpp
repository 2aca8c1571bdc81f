// busybox sh scripts as `sh -c SCRIPT` in a container, run for a minute of engine time with a
// TERM and a KILL on the way, as `docker stop` would send them.
#include "sim/Signal.h"
#include "sim/Workload.h"

#include <string>

using namespace std::chrono_literals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const lab::TimePoint start(1'790'000'000s);
    auto started = lab::Workload::start(
        {"sh", "-c", std::string(reinterpret_cast<const char*>(data), size)}, false, start);
    if (!started.has_value())
        return 0;
    lab::Workload& workload = started.value();
    const lab::TimePoint end = start + 60s;
    bool termed = false;
    while (!workload.exited()) {
        const auto wake = workload.nextWake();
        if (!termed && (!wake || *wake > start + 30s)) {
            workload.deliver(lab::sig::TERM, start + 30s);
            termed = true;
            continue;
        }
        if (!wake || *wake > end)
            break;
        workload.advanceTo(*wake);
    }
    workload.deliver(lab::sig::KILL, end);
    return 0;
}
