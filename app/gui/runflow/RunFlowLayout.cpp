#include "gui/runflow/RunFlowLayout.h"

namespace lab {
namespace {

constexpr QSizeF kStepSize(150, 56); // names wrap onto two lines
constexpr QSizeF kStartSize(210, 52);
constexpr QSizeF kExitSize(212, 60);
constexpr qreal kBarsHeight = 170; // the pull's box holds its layer bars under its name
constexpr qreal kErrorRow = 70;
constexpr qreal kUpperRow = 250;
constexpr qreal kLowerRow = 620;
constexpr qreal kBottomRow = 800;
constexpr qreal kColumn = 270; // from one step's centre to the next on a row

struct Place {
    qreal column = 0; // in steps from the left
    qreal y = 0;
};

Place placeOf(RunStep step) {
    switch (step) {
    case RunStep::Start:
        return {0, kUpperRow};
    case RunStep::CheckOptions:
        return {1, kUpperRow};
    case RunStep::ParseReference:
        return {2, kUpperRow};
    case RunStep::LookupLocal:
        return {3, kUpperRow};
    case RunStep::QueryRegistry:
        return {4, kUpperRow};
    case RunStep::PullLayers:
        return {5.35, kUpperRow};
    case RunStep::CreateContainer:
        return {2, kLowerRow};
    case RunStep::Attach:
        return {3, kLowerRow};
    case RunStep::StartContainer:
        return {4, kLowerRow};
    case RunStep::WaitForExit:
        return {5, kLowerRow};
    case RunStep::AutoRemove:
        return {6, kLowerRow};
    case RunStep::Done:
        return {6.6, (kUpperRow + kLowerRow) / 2 + 40};
    case RunStep::FailedOptions:
        return {1, kErrorRow};
    case RunStep::FailedReference:
        return {2, kErrorRow};
    case RunStep::FailedNoSuchImage:
        return {3, kErrorRow};
    case RunStep::FailedPull:
        return {4.6, kErrorRow};
    case RunStep::FailedCreate:
        return {0.7, kLowerRow};
    case RunStep::FailedStart:
        return {4.5, kBottomRow};
    }
    return {};
}

} // namespace

QRectF stepRect(RunStep step) {
    const Place place = placeOf(step);
    const QSizeF size = isErrorExit(step)        ? kExitSize
                        : step == RunStep::Start ? kStartSize
                                                 : kStepSize;
    const QPointF centre(130 + place.column * kColumn, place.y);
    const QRectF rect(centre - QPointF(size.width() / 2, size.height() / 2), size);
    if (step == RunStep::PullLayers)
        return rect.adjusted(-100, 0, 100, kBarsHeight);
    return rect;
}

QRectF stepTitleRect(RunStep step) {
    const QRectF rect = stepRect(step);
    return step == RunStep::PullLayers
               ? QRectF(rect.topLeft(), QSizeF(rect.width(), kStepSize.height()))
               : rect;
}

QRectF layerBarsRect() {
    const QRectF pull = stepRect(RunStep::PullLayers);
    return pull.adjusted(12, kStepSize.height(), -12, -10);
}

} // namespace lab
