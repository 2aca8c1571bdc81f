#pragma once
// A real engine: the daemon model over RealBackend on a RealClock, driven through the docker CLI
// as a learner would, with a private state directory and cgroup subtree per fixture.

#include "RealBackend.h"
#include "RealClock.h"
#include "cli/DockerCli.h"
#include "docker/ImageReference.h"
#include "docker/ShellWords.h"
#include "engine/Engine.h"

#include <QDir>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace lab::test {

/// A file's whole content ("" when it cannot be read): /proc and cgroup files.
inline std::string readAll(const std::string& path) {
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

/// Engine + RealBackend + RealClock; open() answers why not when the kernel or user cannot.
struct RealFixture {
    /// adjust, if given, changes the backend's options before it opens.
    static std::unique_ptr<RealFixture>
    open(real::CgroupMode mode, QString& whyNot,
         const std::function<void(real::RealBackendOptions&)>& adjust = {}) {
        auto fixture = std::unique_ptr<RealFixture>(new RealFixture);
        if (!fixture->state.isValid()) {
            whyNot = "no temporary directory";
            return nullptr;
        }
        auto clock = real::RealClock::open();
        if (!clock) {
            whyNot = QString::fromStdString(clock.error().message);
            return nullptr;
        }
        fixture->clock = std::move(*clock);
        real::RealBackendOptions options;
        options.stateDir = fixture->state.path().toStdString();
        options.cgroupName = "lifecycle-lab-test-" + std::to_string(::getpid());
        options.cgroupMode = mode;
        if (adjust)
            adjust(options);
        auto backend = real::RealBackend::open(*fixture->clock, options);
        if (!backend) {
            whyNot = QString::fromStdString(backend.error().message);
            return nullptr;
        }
        fixture->backend = std::move(*backend);
        fixture->engine = std::make_unique<Engine>(*fixture->backend, *fixture->clock,
                                                   fixture->backend->world(), 7);
        fixture->cli = std::make_unique<DockerCli>(*fixture->engine);
        return fixture;
    }

    /// Runs a docker command line (without "docker").
    CliOutput docker(const std::string& line) {
        auto words = docker::splitShellWords(line);
        return cli->run(words ? *words : std::vector<std::string>{});
    }
    /// Gives the engine an image the backend imported (RealBackend::importImage) under name, as
    /// the engine does with its world's images: the backend learns which image the ID means.
    void addImage(const LocalImageSpec& imported, const std::string& name) {
        const auto reference = docker::parseImageReference(name);
        const Image& image = engine->images().add(imported.image, *reference, clock->now());
        backend->imageNamed(image.id, reference->full());
    }
    /// stdout of a command, lines joined with newlines.
    QString out(const std::string& line) { return join(docker(line).out); }
    static QString join(const std::vector<std::string>& lines) {
        QStringList joined;
        for (const auto& line : lines)
            joined << QString::fromStdString(line);
        return joined.join('\n');
    }
    /// The container events since index from, as "kill(15) die(137) stop".
    QString actionsSince(std::size_t from) const {
        QStringList actions;
        for (std::size_t i = from; i < engine->events().size(); ++i) {
            const DockerEvent& event = engine->events()[i];
            if (event.type != "container")
                continue;
            QString action = QString::fromStdString(event.action);
            if (auto signal = event.attributes.find("signal"); signal != event.attributes.end())
                action += "(" + QString::fromStdString(signal->second) + ")";
            if (auto code = event.attributes.find("exitCode"); code != event.attributes.end())
                action += "(" + QString::fromStdString(code->second) + ")";
            actions << action;
        }
        return actions.join(' ');
    }
    /// Lets wall time pass on the engine's clock (the engine keeps running meanwhile).
    void letPass(Duration span) {
        const TimePoint until = clock->now() + span;
        clock->schedule(until, [] {});
        engine->runUntil([&] { return clock->now() >= until; }, span + std::chrono::seconds(1));
    }
    /// The full ID of a container reference.
    std::string idOf(const std::string& reference) {
        auto found = engine->find(reference);
        return found ? (*found)->id : std::string();
    }

    /// What the backend left behind: cgroup directories, mounts under the state directory,
    /// child processes (alive or zombie), watched descriptors. Empty when nothing.
    QStringList leftovers() const {
        QStringList left;
        namespace fs = std::filesystem;
        std::error_code error;
        std::vector<std::string> cgroupRoots = backend->resourceCgroupRoots();
        cgroupRoots.push_back(backend->cgroupRoot());
        for (const std::string& root : cgroupRoots)
            for (const auto& entry : fs::directory_iterator(root, error))
                if (entry.is_directory())
                    left << "cgroup " + QString::fromStdString(entry.path().string());
        std::ifstream mountinfo("/proc/self/mountinfo");
        const std::string prefix = backend->stateDir();
        for (std::string line; std::getline(mountinfo, line);)
            if (line.find(" " + prefix) != std::string::npos)
                left << "mount " + QString::fromStdString(line);
        siginfo_t info{};
        if (::waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) == 0)
            left << (info.si_pid ? "zombie " + QString::number(info.si_pid)
                                 : QString("a child process"));
        // The backend itself keeps one: its inotify instance for every cgroup.events.
        if (clock->watchedCount() > 1)
            left << QString::number(clock->watchedCount() - 1) + " watched descriptors";
        return left;
    }

    QTemporaryDir state{QDir::tempPath() + "/lifecycle-lab-test-XXXXXX"};
    std::unique_ptr<real::RealClock> clock;
    std::unique_ptr<real::RealBackend> backend;
    std::unique_ptr<Engine> engine;
    std::unique_ptr<DockerCli> cli;

    ~RealFixture() {
        cli.reset();
        engine.reset();
        backend.reset();
    }

private:
    RealFixture() = default;
};

} // namespace lab::test

// A cgroup interface as a column of a data-driven test.
Q_DECLARE_METATYPE(lab::real::CgroupMode)

// Opens a RealFixture as `name` (adjust, if given, changes the options), or skips with the
// backend's own words: not root, or what the kernel refused. For QTest functions.
#define OPEN_WITH_OR_SKIP(name, mode, adjust)                                                      \
    QString name##WhyNot;                                                                          \
    auto name = lab::test::RealFixture::open(mode, name##WhyNot, adjust);                          \
    if (!name)                                                                                     \
        QSKIP(qPrintable("the real backend cannot run here: " + name##WhyNot));
#define OPEN_OR_SKIP(name, mode) OPEN_WITH_OR_SKIP(name, mode, {})

// The rows of a test run once per freezer interface: a "mode" column, v2 then v1.
#define ADD_FREEZER_ROWS()                                                                         \
    QTest::addColumn<lab::real::CgroupMode>("mode");                                               \
    QTest::newRow("cgroup v2 freezer (cgroup.freeze)") << lab::real::CgroupMode::V2;               \
    QTest::newRow("cgroup v1 freezer (freezer.state)") << lab::real::CgroupMode::V1Freezer
