#include "gui/window/ZoomActions.h"

#include "gui/window/ViewZoom.h"

#include <QAction>
#include <QTabWidget>

namespace lab {

ZoomActions::ZoomActions(QTabWidget& drawings, QWidget& window)
    : QObject(&window), m_drawings(drawings), m_in(new QAction(tr("Zoom &in"), this)),
      m_out(new QAction(tr("Zoom &out"), this)), m_fit(new QAction(tr("&Fit to window"), this)) {
    // Ctrl+= as well: on most keyboards + needs Shift, which Ctrl++ does not say.
    m_in->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    m_out->setShortcuts(QKeySequence::ZoomOut);
    m_fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_in->setToolTip(tr("Enlarge the drawing (Ctrl and the mouse wheel too; drag to pan)"));
    m_out->setToolTip(tr("Shrink the drawing"));
    m_fit->setToolTip(tr("Show the whole drawing, as large as the window allows"));
    connect(m_in, &QAction::triggered, this, [this] {
        if (ViewZoom* zoom = current())
            zoom->zoomIn();
    });
    connect(m_out, &QAction::triggered, this, [this] {
        if (ViewZoom* zoom = current())
            zoom->zoomOut();
    });
    connect(m_fit, &QAction::triggered, this, [this] {
        if (ViewZoom* zoom = current())
            zoom->fitToWindow();
    });
    window.addActions({m_in, m_out, m_fit});
}

ViewZoom* ZoomActions::current() const {
    QWidget* front = m_drawings.currentWidget();
    return front ? front->findChild<ViewZoom*>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

} // namespace lab
