#include "gui/window/ViewZoom.h"

#include <QGraphicsView>
#include <QWheelEvent>
#include <algorithm>

namespace lab {
namespace {

// Zooming stops where a label would be a speck or a place larger than the screen.
constexpr qreal kSmallest = 0.1;
constexpr qreal kLargest = 8;

} // namespace

ViewZoom::ViewZoom(QGraphicsView& view) : QObject(&view), m_view(view) {
    m_view.setDragMode(QGraphicsView::ScrollHandDrag);
    m_view.setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    m_view.viewport()->installEventFilter(this);
}

void ViewZoom::zoomIn() {
    zoomBy(kStep);
}

void ViewZoom::zoomOut() {
    zoomBy(1 / kStep);
}

void ViewZoom::fitToWindow() {
    m_fitted = true;
    m_view.fitInView(m_view.sceneRect(), Qt::KeepAspectRatio);
}

void ViewZoom::refit() {
    if (m_fitted)
        fitToWindow();
}

qreal ViewZoom::scale() const {
    return m_view.transform().m11();
}

void ViewZoom::zoomBy(qreal factor) {
    const qreal wanted = std::clamp(scale() * factor, kSmallest, kLargest);
    m_fitted = false;
    m_view.scale(wanted / scale(), wanted / scale());
}

bool ViewZoom::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::Wheel)
        return QObject::eventFilter(watched, event);
    const auto* wheel = static_cast<QWheelEvent*>(event);
    if (!(wheel->modifiers() & Qt::ControlModifier) || wheel->angleDelta().y() == 0)
        return false; // a plain wheel scrolls, as everywhere
    wheel->angleDelta().y() > 0 ? zoomIn() : zoomOut();
    return true;
}

} // namespace lab
