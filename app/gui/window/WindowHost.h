#pragma once
// The session and the window over it, and the backend switch (Engine > Backend): the new
// session opens first, so a backend that cannot open (not root, no cgroup) leaves the learner
// where they were, told why; then a new window over it takes the old one's place.

#include "console/ConsoleOptions.h"
#include "engine/World.h"

#include <memory>

namespace lab {

class MainWindow;

/// Owns the one session and the one window of the app.
class WindowHost {
public:
    /// Sessions on world; engine.stateDir is used whenever the real backend opens.
    WindowHost(World world, EngineChoice engine);
    ~WindowHost();
    WindowHost(const WindowHost&) = delete;
    WindowHost& operator=(const WindowHost&) = delete;

    /// Opens a session on backend and a window over it, replacing (and showing, if the old one
    /// was visible) the current ones; on failure nothing changes and the error says why.
    Status open(BackendKind backend);
    /// The window; valid after a successful open().
    MainWindow& window() const { return *m_window; }
    /// What the window's backend menu asks for: open(backend), and on failure a message box
    /// with the reason while the menu goes back to the backend in use.
    void switchTo(BackendKind backend);

private:
    World m_world;
    EngineChoice m_engine;
    std::unique_ptr<EngineSession> m_session;
    std::unique_ptr<MainWindow> m_window; // declared after the session: destroyed first
};

} // namespace lab
