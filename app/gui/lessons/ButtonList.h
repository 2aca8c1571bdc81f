#pragma once
// A column of buttons for a list that changes from step to step (a step's commands, a
// question's choices): buttons are made as the list grows and reused after, never deleted, so
// a click that changes the list never deletes the button being clicked.

#include <QPushButton>
#include <functional>
#include <vector>

class QBoxLayout;

namespace lab {

/// Buttons 0..count-1 in a column, left-aligned; clicked(index) when one is pressed.
class ButtonList {
public:
    /// Each button is named objectPrefix + its index (lessonCommand0, ...).
    ButtonList(QWidget* parent, QString objectPrefix, std::function<void(int)> clicked);
    ButtonList(const ButtonList&) = delete;
    ButtonList& operator=(const ButtonList&) = delete;

    /// The column, for the owner to place (it takes the layout over).
    QBoxLayout* layout() const { return m_layout; }
    /// Shows the first count buttons (making the missing ones) and hides the others.
    void showFirst(int count);
    /// Button index; showFirst() made it.
    QPushButton* at(int index) const { return m_buttons[std::size_t(index)]; }
    /// The buttons shown, in order.
    std::vector<QPushButton*> shown() const;

private:
    QWidget* m_parent;
    QBoxLayout* m_layout;
    QString m_prefix;
    std::function<void(int)> m_clicked;
    std::vector<QPushButton*> m_buttons;
};

} // namespace lab
