#pragma once
// How the window looks: presenter mode (F11: full screen, large type, thick lines) and the light
// or dark theme. Both are View menu actions; the diagram's edge highlight already stays until the
// container's next step, which is what a lecture hall needs.

#include <QFont>
#include <QObject>
#include <QPalette>
#include <QPointer>
#include <utility>
#include <vector>

class QAction;
class QDockWidget;
class QHeaderView;
class QMainWindow;
class QWidget;

namespace lab {

class LifecycleDiagram;
class TimelineChart;

/// The presenter and theme actions of one window.
class DisplayModes final : public QObject {
    Q_OBJECT
public:
    /// How much larger type is in presenter mode.
    static constexpr qreal kPresenterScale = 1.6;

    DisplayModes(QMainWindow& window, LifecycleDiagram& diagram, TimelineChart& timeline);
    /// Leaves the diagram's style as it found it: the style is shared by every diagram.
    ~DisplayModes() override;

    /// F11, checkable.
    QAction* presenterAction() const { return m_presenter; }
    /// Checkable: dark when checked.
    QAction* darkThemeAction() const { return m_dark; }
    /// Presenter mode hides this dock, to leave the room to the diagram; it comes back after.
    void hideWhilePresenting(QDockWidget* dock);
    /// Presenter mode gives this dock so many pixels of the width, for its larger type.
    void widenWhilePresenting(QDockWidget* dock, int width);

private:
    void setPresenter(bool on);
    void setDark(bool dark);
    void fitColumns();
    void restyleDiagram();

    QMainWindow& m_window;
    LifecycleDiagram& m_diagram;
    TimelineChart& m_timeline;
    QAction* m_presenter;
    QAction* m_dark;
    QPalette m_lightPalette;
    std::vector<QDockWidget*> m_hiddenDocks;
    std::vector<std::pair<QDockWidget*, int>> m_widenedDocks;
    QByteArray m_normalLayout; // the docks as they were before presenter mode
    std::vector<std::pair<QPointer<QHeaderView>, std::vector<int>>> m_normalColumns;
    std::vector<std::pair<QPointer<QWidget>, QFont>>
        m_normalFonts; // widgets with their own font, before scaling
    bool m_wasMaximized = false;
};

} // namespace lab
