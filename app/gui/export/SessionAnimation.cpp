#include "gui/export/SessionAnimation.h"

#include "gui/diagram/LifecycleDiagram.h"
#include "gui/panels/ContainerTable.h"
#include "gui/runflow/RunFlowChart.h"
#include "gui/window/DisplayModes.h"
#include "gui/window/MainWindow.h"
#include "gui/window/Playback.h"
#include "gui/window/StepTimeline.h"

#include <QAction>
#include <QAnimationDriver>
#include <QCoreApplication>
#include <QEvent>
#include <QGraphicsScene>
#include <QPainter>
#include <cmath>
#include <utility>

namespace lab {

/// Qt's animations driven by frames instead of the wall clock: each frame moves them on by
/// exactly its share of a second. Qt restarts a driver whenever an animation starts after none
/// ran, and counts elapsed time from then, so elapsed() does too.
class FrameClock final : public QAnimationDriver {
public:
    explicit FrameClock(int fps) : m_fps(fps) { install(); }
    ~FrameClock() override { uninstall(); }
    FrameClock(const FrameClock&) = delete;
    FrameClock& operator=(const FrameClock&) = delete;

    qint64 elapsed() const override { return m_sinceStart; }
    /// Lets Qt's animations reach frame.
    void passTo(int frame) {
        // Animations started since the last frame join the timer through queued calls.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::MetaCall);
        const qint64 total = std::llround(frame * 1000.0 / m_fps);
        m_sinceStart += total - m_total;
        m_total = total;
        if (isRunning())
            advance();
    }

protected:
    void start() override {
        m_sinceStart = 0;
        QAnimationDriver::start();
    }

private:
    int m_fps;
    qint64 m_total = 0;      // milliseconds of animation up to the last frame
    qint64 m_sinceStart = 0; // of which since Qt last started this driver
};

namespace {

// The engine time a view needs to show a step as its own frame: one nanosecond before it.
constexpr Duration kJustBefore{1};

Error refuse(const QString& message) {
    return Error{message.toStdString()};
}

// The whole drawing of view, fitted into an image of size on the view's paper.
QImage renderDrawing(const QGraphicsView& view, QSize size) {
    QImage image(size, QImage::Format_RGB32);
    image.fill(view.backgroundBrush().color());
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                           QPainter::SmoothPixmapTransform);
    QGraphicsScene& scene = *view.scene();
    scene.render(&painter, QRectF(image.rect()), scene.sceneRect(), Qt::KeepAspectRatio);
    return image;
}

} // namespace

SessionAnimation::SessionAnimation(const SessionRecording& recording)
    : m_style(diagramStyle()), m_firstSession(recording.world, recording.seed),
      m_window(std::make_unique<MainWindow>(m_firstSession)) {
    m_window->setAttribute(Qt::WA_DontShowOnScreen);
    m_window->playback().setPaused(true);
    m_window->playback().playRecording(openRecording(recording), recording.entries);
    // The diagram follows whichever container the step shown moved, as a teacher would select it.
    QObject::connect(&m_window->playback().timeline(), &StepTimeline::stepShown, m_window.get(),
                     [this](const EngineStep& step) {
                         m_window->containerTable().selectContainer(step.containerId);
                     });
}

SessionAnimation::~SessionAnimation() {
    m_clock.reset();
    m_window.reset();
    setDiagramStyle(m_style); // the window's theme is the application's: as it was
}

std::size_t SessionAnimation::stepCount() const {
    return m_window->playback().timeline().steps().size();
}

Status SessionAnimation::begin(const AnimationRequest& request) {
    const std::size_t steps = stepCount();
    const std::size_t to = request.to.value_or(steps);
    if (steps == 0)
        return refuse(QStringLiteral("the session has no steps to animate"));
    for (const auto& [option, step] : {std::pair{"--from", request.from}, std::pair{"--to", to}})
        if (step > steps)
            return refuse(QStringLiteral("%1 %2 is outside the session, which has steps 1 to %3")
                              .arg(QLatin1String(option))
                              .arg(step)
                              .arg(steps));
    if (to < request.from)
        return refuse(QStringLiteral("--to %1 comes before --from %2").arg(to).arg(request.from));
    m_request = request;
    m_window->displayModes().darkThemeAction()->setChecked(request.dark);
    m_window->showFlowChart(request.view == AnimationView::RunFlow);
    m_window->resize(request.size);
    m_window->show();
    Playback& playback = m_window->playback();
    playback.setSpeed(request.speed);
    const std::vector<EngineStep>& all = playback.timeline().steps();
    m_first = all[request.from - 1].at;
    const Duration length = all[to - 1].at - m_first;
    m_frameStep = Duration(std::llround(1e9 * request.speed / request.fps));
    m_movingFrames = int((length + m_frameStep - Duration(1)) / m_frameStep) + 1;
    m_frameCount = 1 + m_movingFrames + request.fps;
    m_next = 0;
    m_clock = std::make_unique<FrameClock>(request.fps);
    moveTo(m_first - kJustBefore, Rounding::StayBefore);
    m_window->diagram().settle(); // what came before FROM stands still in frame 0
    return Ok{};
}

void SessionAnimation::moveTo(TimePoint shownTime, Rounding rounding) {
    Playback& playback = m_window->playback();
    const Duration engineTime = shownTime - playback.timeline().shownTime();
    if (engineTime <= Duration::zero())
        return;
    // Wall time at the playback's speed; engine time is wall time times speed, in nanoseconds.
    const double wall = double(engineTime.count()) / playback.speed();
    playback.advance(
        Duration(std::llround(rounding == Rounding::Reach ? std::ceil(wall) : std::floor(wall))));
}

QImage SessionAnimation::nextFrame() {
    if (m_next >= m_frameCount)
        return {};
    const int frame = m_next++;
    if (frame >= 1 && frame <= m_movingFrames)
        moveTo(m_first + (frame - 1) * m_frameStep, Rounding::Reach);
    m_clock->passTo(frame);
    return render();
}

QImage SessionAnimation::render() const {
    switch (m_request.view) {
    case AnimationView::Diagram:
        return renderDrawing(m_window->diagram(), m_request.size);
    case AnimationView::RunFlow:
        return renderDrawing(m_window->flowChart(), m_request.size);
    case AnimationView::Window:
        break;
    }
    QImage window = m_window->grab().toImage().convertToFormat(QImage::Format_RGB32);
    if (window.size() == m_request.size)
        return window;
    // A window cannot be smaller than its panels need: shrunk to fit, on the window's colour.
    QImage image(m_request.size, QImage::Format_RGB32);
    image.fill(m_window->palette().window().color());
    const QImage fitted =
        window.scaled(m_request.size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QPainter painter(&image);
    painter.drawImage((image.width() - fitted.width()) / 2, (image.height() - fitted.height()) / 2,
                      fitted);
    return image;
}

} // namespace lab
