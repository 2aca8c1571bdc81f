#pragma once
// A simulated engine with a small world, driven through the docker CLI as a learner would.

#include "base/Clock.h"
#include "cli/DockerCli.h"
#include "docker/ShellWords.h"
#include "engine/Engine.h"
#include "sim/SimulatedBackend.h"

#include <QString>
#include <QStringList>

namespace lab::test {

/// busybox:latest locally (cmd sh); docker.io serves busybox and hello-world.
inline World smallWorld() {
    ImageSpec busybox{{"sh"}, {}, "", {{2'000'000}}};
    ImageSpec hello{{"/hello"}, {}, "", {{13'000}}};
    World world;
    world.images = {{{"busybox:latest"}, busybox}};
    RegistrySpec hub;
    hub.host = "docker.io";
    hub.missingRepository = MissingRepositoryAnswer::Denied;
    hub.repositories["library/busybox"]["latest"] = busybox;
    hub.repositories["library/hello-world"]["latest"] = hello;
    world.registries = {hub};
    return world;
}

/// One engine, one CLI, one virtual clock.
struct EngineFixture {
    explicit EngineFixture(std::uint64_t seed = 1, World world = smallWorld())
        : backend(clock), engine(backend, clock, world, seed), cli(engine) {}

    /// Runs a docker command line (without "docker").
    CliOutput docker(const std::string& line) {
        auto words = docker::splitShellWords(line);
        return cli.run(words ? *words : std::vector<std::string>{});
    }
    /// stdout of a command, joined with newlines.
    QString out(const std::string& line) { return QString::fromStdString(join(docker(line).out)); }
    /// The actions of the container events logged since index from, as "create start ...".
    QString actionsSince(std::size_t from) const {
        QStringList actions;
        for (std::size_t i = from; i < engine.events().size(); ++i)
            if (engine.events()[i].type == "container") {
                QString action = QString::fromStdString(engine.events()[i].action);
                const auto& attributes = engine.events()[i].attributes;
                if (auto signal = attributes.find("signal"); signal != attributes.end())
                    action += "(" + QString::fromStdString(signal->second) + ")";
                if (auto code = attributes.find("exitCode"); code != attributes.end())
                    action += "(" + QString::fromStdString(code->second) + ")";
                actions << action;
            }
        return actions.join(' ');
    }
    /// Seconds of engine time since the fixture was made.
    double elapsedSeconds() const {
        return std::chrono::duration<double>(clock.now() - VirtualClock::defaultStart()).count();
    }
    static std::string join(const std::vector<std::string>& lines) {
        std::string text;
        for (const auto& line : lines)
            text += (text.empty() ? "" : "\n") + line;
        return text;
    }

    VirtualClock clock;
    SimulatedBackend backend;
    Engine engine;
    DockerCli cli;
};

} // namespace lab::test
