#include "gui/lessons/WrappingButton.h"

#include <QStyleOptionButton>
#include <QStylePainter>
#include <algorithm>

namespace lab {
namespace {

constexpr int kMinimumCharacters = 12;
constexpr int kUnbounded = 100000;
constexpr int kTextFlags = Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap;

} // namespace

WrappingButton::WrappingButton(QWidget* parent) : QPushButton(parent) {
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

QSize WrappingButton::sizeAround(int textWidth) const {
    const QRect text =
        fontMetrics().boundingRect(QRect(0, 0, textWidth, kUnbounded), kTextFlags, this->text());
    QStyleOptionButton option;
    initStyleOption(&option);
    return style()->sizeFromContents(QStyle::CT_PushButton, &option,
                                     QSize(textWidth, text.height()), this);
}

QSize WrappingButton::sizeHint() const {
    return sizeAround(fontMetrics().horizontalAdvance(text()));
}

QSize WrappingButton::minimumSizeHint() const {
    const int narrow = fontMetrics().averageCharWidth() * kMinimumCharacters;
    return sizeAround(std::min(narrow, fontMetrics().horizontalAdvance(text())));
}

int WrappingButton::frameWidth() const {
    return sizeAround(kUnbounded).width() - kUnbounded;
}

int WrappingButton::heightForWidth(int width) const {
    return sizeAround(std::max(1, width - frameWidth())).height();
}

void WrappingButton::paintEvent(QPaintEvent* /*event*/) {
    QStylePainter painter(this);
    QStyleOptionButton option;
    initStyleOption(&option);
    option.text.clear();
    painter.drawControl(QStyle::CE_PushButton, option);
    const int frame = frameWidth();
    painter.drawItemText(rect().adjusted(frame / 2, 0, frame / 2 - frame, 0), kTextFlags, palette(),
                         isEnabled(), this->text(), QPalette::ButtonText);
}

} // namespace lab
