#include "gui/diagram/DiagramPalette.h"

#include <array>

namespace lab {

QColor nodeColour(LifecycleState node) {
    switch (node) {
    case LifecycleState::Created:
        return QColor(0x00, 0x72, 0xB2); // blue
    case LifecycleState::Running:
        return QColor(0x00, 0x9E, 0x73); // bluish green
    case LifecycleState::Paused:
        return QColor(0x56, 0xB4, 0xE9); // sky blue
    case LifecycleState::Restarting:
        return QColor(0xE6, 0x9F, 0x00); // orange
    case LifecycleState::Removing:
        return QColor(0xD5, 0x5E, 0x00); // vermillion
    case LifecycleState::Exited:
        return QColor(0x77, 0x77, 0x77); // grey
    case LifecycleState::Dead:           // black, or a light rim around it on dark paper
        return diagramStyle().dark ? QColor(0xBB, 0xBB, 0xBB) : QColor(0x22, 0x22, 0x22);
    case LifecycleState::Start:
    case LifecycleState::Removed:
        return inkColour();
    }
    return Qt::black;
}

QColor nodeFill(LifecycleState node) {
    if (node == LifecycleState::Dead)
        return QColor(0x44, 0x44, 0x44);
    const float hue = nodeColour(node).hsvHueF();
    return hue < 0 ? QColor(0xF2, 0xF2, 0xF2) : QColor::fromHsvF(hue, 0.10f, 0.98f);
}

QColor highlightColour() {
    return QColor(0xCC, 0x79, 0xA7); // reddish purple
}

QColor legalColour() {
    // Okabe-Ito's bluish green; lighter on dark paper.
    return diagramStyle().dark ? QColor(0x3D, 0xD6, 0xA6) : QColor(0x00, 0x9E, 0x73);
}

QColor refusedColour() {
    return QColor(0xD5, 0x5E, 0x00); // vermillion
}

QColor tokenColour(std::size_t n) {
    static constexpr std::array<QRgb, 9> kMuted = {0x332288, 0x117733, 0x44AA99, 0x88CCEE, 0xDDCC77,
                                                   0xCC6677, 0xAA4499, 0x882255, 0x999933};
    return QColor::fromRgb(kMuted[n % kMuted.size()]);
}

namespace {
DiagramStyle& currentStyle() {
    static DiagramStyle style;
    return style;
}
} // namespace

const DiagramStyle& diagramStyle() {
    return currentStyle();
}

void setDiagramStyle(const DiagramStyle& style) {
    currentStyle() = style;
}

QColor paperColour() {
    return diagramStyle().dark ? QColor(0x1E, 0x1F, 0x22) : QColor(Qt::white);
}

QColor inkColour() {
    return diagramStyle().dark ? QColor(0xEE, 0xEE, 0xEE) : QColor(0x11, 0x11, 0x11);
}

QColor quietInkColour() {
    return diagramStyle().dark ? QColor(0xA8, 0xA8, 0xA8) : QColor(0x5F, 0x5F, 0x5F);
}

qreal lineWidth(qreal normal) {
    return normal * diagramStyle().lineScale;
}

QFont drawingFont(int normalPixels, bool bold, bool italic) {
    QFont font;
    font.setPixelSize(qRound(normalPixels * diagramStyle().textScale));
    font.setBold(bold);
    font.setItalic(italic);
    return font;
}

QColor inkOnPale() {
    return QColor(0x11, 0x11, 0x11);
}

} // namespace lab
