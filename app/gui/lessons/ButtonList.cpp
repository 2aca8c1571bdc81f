#include "gui/lessons/ButtonList.h"

#include "gui/lessons/WrappingButton.h"

#include <QBoxLayout>

namespace lab {

ButtonList::ButtonList(QWidget* parent, QString objectPrefix, std::function<void(int)> clicked)
    : m_parent(parent), m_layout(new QVBoxLayout), m_prefix(std::move(objectPrefix)),
      m_clicked(std::move(clicked)) {
    m_layout->setSpacing(2); // a question's four choices take no more height than they need
}

void ButtonList::showFirst(int count) {
    while (int(m_buttons.size()) < count) {
        auto* button = new WrappingButton(m_parent);
        const int index = int(m_buttons.size());
        button->setObjectName(m_prefix + QString::number(index));
        QObject::connect(button, &QPushButton::clicked, m_parent,
                         [this, index] { m_clicked(index); });
        m_layout->addWidget(button);
        m_buttons.push_back(button);
    }
    for (int i = 0; i < int(m_buttons.size()); ++i)
        m_buttons[std::size_t(i)]->setVisible(i < count);
}

std::vector<QPushButton*> ButtonList::shown() const {
    std::vector<QPushButton*> buttons;
    for (QPushButton* button : m_buttons)
        if (!button->isHidden())
            buttons.push_back(button);
    return buttons;
}

} // namespace lab
