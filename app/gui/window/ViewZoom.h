#pragma once
// Zoom and pan for a drawing (the lifecycle diagram, the run flowchart): the drawing fits its
// view until the learner zooms (Ctrl+wheel, or the View menu's actions); then it keeps its scale
// through resizes and pans by dragging, until "fit to window" fits it again.

#include <QObject>

class QGraphicsView;

namespace lab {

/// The zoom of one view; the view calls refit() from its resizeEvent.
class ViewZoom final : public QObject {
    Q_OBJECT
public:
    /// How much one step of zoom enlarges.
    static constexpr qreal kStep = 1.25;

    explicit ViewZoom(QGraphicsView& view);

    void zoomIn();
    void zoomOut();
    /// Fits the whole scene in the view again, and keeps it fitted.
    void fitToWindow();
    /// After a resize: fits again unless the learner zoomed.
    void refit();
    bool isFitted() const { return m_fitted; }
    /// Screen pixels per scene unit.
    qreal scale() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void zoomBy(qreal factor);

    QGraphicsView& m_view;
    bool m_fitted = true;
};

} // namespace lab
