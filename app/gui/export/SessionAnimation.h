#pragma once
// The frames of an animation: a session file played in a window of its own that is never shown
// on screen (the window's own Playback, StepTimeline and drawings, as File > Open session plays
// it), with engine time moved on by speed / fps per frame and every Qt animation (a token
// travelling an edge, a refusal's flash) moved on by 1 / fps seconds by a frame clock instead
// of the wall clock. So the frames are the same on every run, whatever the machine's speed.
//
// Frames (AnimationRequest's steps FROM..TO, D the engine time from step FROM to step TO,
// dt = speed / fps seconds of engine time):
//   frame 0               the steps before FROM, settled (the picture before FROM moves);
//   frames 1 .. K+1       shown time at step FROM's time + (k-1) dt, K = ceil(D / dt);
//   fps more frames       shown time stays at the last: one second for the tokens to arrive.

#include "base/Expected.h"
#include "gui/diagram/DiagramPalette.h"
#include "gui/export/AnimationRequest.h"
#include "session/SessionFile.h"
#include "session/SimulatedSession.h"

#include <QImage>
#include <memory>

namespace lab {

class FrameClock;
class MainWindow;

/// One session's frames, in order.
class SessionAnimation {
public:
    /// Opens recording in a window of its own (not on screen); the request's view, size and
    /// theme apply from begin().
    explicit SessionAnimation(const SessionRecording& recording);
    ~SessionAnimation();
    SessionAnimation(const SessionAnimation&) = delete;
    SessionAnimation& operator=(const SessionAnimation&) = delete;

    /// The steps the session's commands took (what --from and --to count).
    std::size_t stepCount() const;
    /// Checks the request's steps against the session and goes to frame 0.
    Status begin(const AnimationRequest& request);
    /// How many frames begin() planned.
    int frameCount() const { return m_frameCount; }
    /// The next frame at the request's size, or a null image after the last.
    QImage nextFrame();

private:
    /// Reach: shown time gets to shownTime (a frame); StayBefore: it stays short of it.
    enum class Rounding { Reach, StayBefore };
    void moveTo(TimePoint shownTime, Rounding rounding);
    QImage render() const;

    DiagramStyle m_style; // the application's, given back at the end (it is global)
    SimulatedSession m_firstSession;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<FrameClock> m_clock;
    AnimationRequest m_request;
    TimePoint m_first{};    // step FROM's engine time
    Duration m_frameStep{}; // engine time per frame
    int m_movingFrames = 0; // frames 1 .. K+1
    int m_frameCount = 0;
    int m_next = 0;
};

} // namespace lab
