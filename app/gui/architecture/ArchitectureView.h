#pragma once
// The architecture view: Docker's parts (the docker CLI, the Unix socket, dockerd, the registry,
// the runtime, the kernel), each with the lab's piece that plays it, and the Engine API requests
// travelling along the arrows with method, path and status: the latest one lights its way
// (red where it failed) while a dot carries it, and the last few are listed. It follows the
// playback as the other pictures do: a hop shows once shown time reaches its engine time, so
// speed, Step and Step back apply.

#include "base/Expected.h"
#include "gui/architecture/ApiTraffic.h"
#include "session/EngineSession.h"

#include <QGraphicsView>
#include <map>

class QGraphicsEllipseItem;
class QVariantAnimation;

namespace lab {

class Playback;
class StepTimeline;
class ViewZoom;
class WindowSocket;

/// Docker's architecture with the traffic of the engine the window shows.
class ArchitectureView final : public QGraphicsView {
    Q_OBJECT
public:
    ArchitectureView(ApiTraffic& traffic, Playback& playback, WindowSocket& socket,
                     BackendKind backend, QWidget* parent = nullptr);

    /// The hops shown now (those the playback has reached), oldest first.
    std::vector<ApiHop> shownHops() const;
    /// Where each part is drawn, in scene coordinates.
    QRectF partRect(ArchPart part) const { return m_partRects.at(part); }
    /// Whether the arrow into part is lit by the latest hop shown, and red if it failed.
    bool arrowLit(ArchPart part) const;
    bool arrowRed(ArchPart part) const;
    /// Every piece of text drawn, in scene coordinates (for the overlap check).
    std::vector<QRectF> labelRects() const;
    /// Zoom, pan and fit to window.
    ViewZoom& zoom() const { return *m_zoom; }
    /// Ends the newest request's journey at once (for a still picture).
    void settle();
    /// Redraws in the current DiagramStyle (theme, presenter mode).
    void restyle();

protected:
    void resizeEvent(QResizeEvent* event) override;
    /// A language switch redraws the words.
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void rebuild();
    void layOut();
    void drawParts();
    void drawArrows();
    void drawLatest();
    void drawLog();
    void carry(const ApiHop& hop);

    ApiTraffic& m_traffic;
    StepTimeline& m_timeline;
    Playback& m_playback;
    WindowSocket& m_socket;
    BackendKind m_backend;
    ViewZoom* m_zoom;
    std::map<ArchPart, QRectF> m_partRects;
    std::vector<QGraphicsItem*> m_labels;
    std::size_t m_shown = 0; // hops drawn
    QGraphicsEllipseItem* m_dot = nullptr;
    QVariantAnimation* m_carry;
};

} // namespace lab
