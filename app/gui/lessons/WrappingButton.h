#pragma once
// A push button whose text wraps instead of widening the button: a lesson's command
// ("▶ docker run -d --name web busybox sleep 300") or a prediction's choice stays whole in a
// narrow dock and at presenter size, where one line would push Next out of sight.

#include <QPushButton>

namespace lab {

/// A QPushButton that is as wide as its place allows and as tall as its wrapped text needs.
class WrappingButton final : public QPushButton {
    Q_OBJECT
public:
    explicit WrappingButton(QWidget* parent = nullptr);

    /// Its text on one line.
    QSize sizeHint() const override;
    /// About a dozen characters wide: the rest wraps.
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    /// The button's size around text laid out in textWidth.
    QSize sizeAround(int textWidth) const;
    /// What the frame and padding take of the width.
    int frameWidth() const;
};

} // namespace lab
