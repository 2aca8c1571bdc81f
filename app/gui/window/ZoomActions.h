#pragma once
// The View menu's zoom: in, out and fit to window, on whichever drawing is in front (the
// lifecycle diagram or the run flowchart). Ctrl+wheel and dragging work on the drawing itself.

#include <QObject>

class QAction;
class QTabWidget;
class QWidget;

namespace lab {

class ViewZoom;

/// Zoom actions over the drawings of one tab widget; each drawing has a ViewZoom child.
class ZoomActions final : public QObject {
    Q_OBJECT
public:
    /// The actions also work in full screen: they are added to window.
    ZoomActions(QTabWidget& drawings, QWidget& window);

    QAction* zoomInAction() const { return m_in; }
    QAction* zoomOutAction() const { return m_out; }
    QAction* fitAction() const { return m_fit; }
    /// The zoom of the drawing in front, or nullptr when it cannot zoom.
    ViewZoom* current() const;

private:
    QTabWidget& m_drawings;
    QAction* m_in;
    QAction* m_out;
    QAction* m_fit;
};

} // namespace lab
