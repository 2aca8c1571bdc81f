// Console lines, one per input line, against one simulated engine: every docker command with
// any flags, formats and @sleep a learner could type.
#include "base/Clock.h"
#include "cli/DockerCli.h"
#include "console/ConsoleLine.h"
#include "engine/Engine.h"
#include "sim/SimulatedBackend.h"

#include <string_view>

namespace {

lab::World world() {
    lab::ImageSpec busybox{{"sh"}, {}, "", {{2'000'000}}};
    lab::World result;
    result.images = {{{"busybox:latest"}, busybox}};
    lab::RegistrySpec hub;
    hub.host = "docker.io";
    hub.repositories["library/busybox"]["latest"] = busybox;
    result.registries = {hub};
    return result;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    lab::VirtualClock clock;
    lab::SimulatedBackend backend(clock);
    lab::Engine engine(backend, clock, world(), 1);
    lab::DockerCli cli(engine);
    // A handful of lines per input: each may wait a day of engine time (a spinning container),
    // which must stay quick, but many of them in a row would only slow the search down.
    constexpr int kLines = 16;
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    for (int lines = 0; lines < kLines && !rest.empty(); ++lines) {
        const auto end = std::min(rest.find('\n'), rest.size());
        const lab::ConsoleLine line = lab::readConsoleLine(rest.substr(0, end));
        rest.remove_prefix(std::min(end + 1, rest.size()));
        if (line.kind == lab::ConsoleLine::Kind::Docker)
            cli.run(line.args);
        else if (line.kind == lab::ConsoleLine::Kind::Sleep)
            clock.advanceTo(clock.now() + line.sleep);
    }
    return 0;
}
