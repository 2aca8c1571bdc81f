#pragma once
// The lesson's step as a class reads it off a projector: the view always begins at the top of a
// line (of a wrapped text, or of a button or box), never with a line cut in half. Wherever the
// scroll bar, the wheel, the keys or ensureWidgetVisible() leave it, the view moves on to the
// next line top in the direction it went; when the step is laid out anew (another step, language
// or size), to the line top above. The step's end gets room below it so that its last lines are
// reached the same way.

#include <QScrollArea>
#include <QTimer>
#include <vector>

namespace lab {

/// A scroll area whose vertical position is always a line top of its widget.
class LineScrollArea final : public QScrollArea {
public:
    explicit LineScrollArea(QWidget* parent = nullptr);

    /// Where lines begin in the widget, ascending: every line of its shown word-wrapped labels,
    /// and the top of every other widget shown in it.
    std::vector<int> lineTops() const;

protected:
    void resizeEvent(QResizeEvent* event) override;
    /// The widget laid out anew (another step, language, size): its lines moved.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void snap(int value);
    void settle();

    int m_last = 0; // the position before the one being snapped
    bool m_snapping = false;
    int m_room = 0;    // added below the widget's content
    QTimer m_settling; // settle() once the widget's layout is done
};

} // namespace lab
