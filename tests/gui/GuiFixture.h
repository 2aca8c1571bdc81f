#pragma once
// A simulated session on the built-in world, as the window starts it, with the engine's signals.

#include "console/ConsoleLine.h"
#include "engine/Engine.h"
#include "gui/window/EngineSignals.h"
#include "gui/window/StepTimeline.h"
#include "session/SimulatedSession.h"
#include "session/WorldFile.h"

#include <QString>
#include <QTest>
#include <QWidget>
#include <memory>
#include <stdexcept>

namespace lab::test {

inline World defaultWorld() {
    Expected<World> world = loadDefaultWorld();
    if (!world)
        throw std::runtime_error(world.error().message);
    return *world;
}

struct GuiFixture {
    SimulatedSession session{defaultWorld(), 1};
    EngineSignals engineSignals{session.engine()};
    StepTimeline timeline{engineSignals};

    /// Runs a docker command line as the console reads it.
    CliOutput run(const QString& line) {
        return session.run(readConsoleLine(line.toStdString()).args);
    }
    /// Runs a command line and shows every step it took, as the window does when not paused.
    CliOutput runShown(const QString& line) {
        CliOutput output = run(line);
        timeline.showAll();
        return output;
    }
    /// The full ID of a container known by name.
    QString idOf(const QString& name) {
        Expected<Container*> found = session.engine().find(name.toStdString());
        return found ? QString::fromStdString((*found)->id) : QString();
    }
};

/// Shows a window at this size and waits until it is on the (offscreen) screen.
inline bool shownAt(QWidget& window, QSize size) {
    window.resize(size);
    window.show();
    return QTest::qWaitForWindowExposed(&window);
}

} // namespace lab::test
