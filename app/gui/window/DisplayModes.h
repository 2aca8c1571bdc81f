#pragma once
// How the window looks: presenter mode (F11) and the light or dark theme, both View menu actions.
// Presenter mode is built around the picture: full screen, the drawing alone under the playback
// tool bar, in large type and thick lines; the panels come back as a strip on F9 and go again.

#include <QFont>
#include <QObject>
#include <QPalette>
#include <QPointer>
#include <utility>
#include <vector>

class QAction;
class QHeaderView;
class QMainWindow;
class QWidget;

namespace lab {

class LifecycleDiagram;
class RunFlowChart;
class TimelineChart;

/// The presenter and theme actions of one window.
class DisplayModes final : public QObject {
    Q_OBJECT
public:
    /// How much larger the window's type is in presenter mode.
    static constexpr qreal kPresenterScale = 1.6;
    /// How much larger the drawings' names and labels are in presenter mode.
    static constexpr qreal kPresenterTextScale = 1.4;

    DisplayModes(QMainWindow& window, LifecycleDiagram& diagram, RunFlowChart& flowChart,
                 TimelineChart& timeline);
    /// Leaves the diagram's style as it found it: the style is shared by every diagram.
    ~DisplayModes() override;

    /// F11, checkable.
    QAction* presenterAction() const { return m_presenter; }
    /// Checkable: dark when checked.
    QAction* darkThemeAction() const { return m_dark; }
    /// F9, checkable, only in presenter mode: the docks (and the widgets hidden with them) come
    /// back as a strip around the drawing.
    QAction* panelsAction() const { return m_panels; }
    /// Presenter mode hides this widget with the docks, to leave the room to the drawing.
    void hideWhilePresenting(QWidget* widget);

signals:
    /// The theme or presenter mode changed: drawings not named above redraw on it.
    void restyled();

private:
    void setPresenter(bool on);
    void showPanels(bool show);
    void setDark(bool dark);
    void fitColumns();
    void restyleDrawings();

    QMainWindow& m_window;
    LifecycleDiagram& m_diagram;
    RunFlowChart& m_flowChart;
    TimelineChart& m_timeline;
    QAction* m_presenter;
    QAction* m_dark;
    QAction* m_panels;
    QPalette m_lightPalette;
    std::vector<QWidget*> m_hiddenWidgets;
    QByteArray m_normalLayout; // the docks as they were before presenter mode
    std::vector<std::pair<QPointer<QHeaderView>, std::vector<int>>> m_normalColumns;
    std::vector<std::pair<QPointer<QWidget>, QFont>>
        m_normalFonts; // widgets with their own font, before scaling
    bool m_wasMaximized = false;
};

} // namespace lab
