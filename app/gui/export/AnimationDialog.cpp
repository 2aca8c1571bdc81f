#include "gui/export/AnimationDialog.h"

#include "gui/export/AnimationExport.h"
#include "gui/export/SessionAnimation.h"
#include "gui/window/DisplayModes.h"
#include "gui/window/Playback.h"
#include "gui/window/RecordedSession.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>
#include <optional>

namespace lab {
namespace {

QSpinBox* spinBox(int lowest, int highest, int value) {
    auto* box = new QSpinBox;
    box->setRange(lowest, highest);
    box->setValue(value);
    return box;
}

} // namespace

AnimationDialog::AnimationDialog(std::size_t steps, const AnimationRequest& defaults,
                                 QWidget* parent)
    : QDialog(parent), m_view(new QComboBox), m_format(new QComboBox),
      m_from(spinBox(1, int(steps), int(defaults.from))),
      m_to(spinBox(1, int(steps), int(defaults.to.value_or(steps)))), m_speed(new QDoubleSpinBox),
      m_fps(spinBox(1, kMostFramesPerSecond, defaults.fps)),
      m_width(spinBox(16, kLargestSide, defaults.size.width())),
      m_height(spinBox(16, kLargestSide, defaults.size.height())),
      m_dark(new QCheckBox(tr("Dark theme"))), m_output(new QLineEdit(defaults.output)) {
    setWindowTitle(tr("Export animation"));
    m_view->addItem(tr("Lifecycle diagram"), int(AnimationView::Diagram));
    m_view->addItem(tr("Run flowchart"), int(AnimationView::RunFlow));
    m_view->addItem(tr("Whole window"), int(AnimationView::Window));
    m_view->setCurrentIndex(m_view->findData(int(defaults.view)));
    m_format->addItem(tr("Animated GIF (.gif)"), int(AnimationFormat::Gif));
    m_format->addItem(tr("WebM video, VP8 (.webm)"), int(AnimationFormat::WebM));
    m_format->addItem(tr("MP4 video, H.264 (.mp4)"), int(AnimationFormat::Mp4));
    m_format->setCurrentIndex(m_format->findData(int(defaults.format)));
    m_speed->setRange(kSlowestExport, kFastestExport);
    m_speed->setSingleStep(0.5);
    m_speed->setSuffix(QStringLiteral("×"));
    m_speed->setValue(defaults.speed);
    m_dark->setChecked(defaults.dark);
    auto* range = new QHBoxLayout;
    range->addWidget(m_from);
    range->addWidget(m_to);
    auto* size = new QHBoxLayout;
    size->addWidget(m_width);
    size->addWidget(m_height);
    auto* file = new QHBoxLayout;
    file->addWidget(m_output);
    auto* browse = new QPushButton(tr("Browse…"));
    file->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, &AnimationDialog::browse);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Picture:"), m_view);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Steps from, to:"), range);
    form->addRow(tr("Speed:"), m_speed);
    form->addRow(tr("Frames a second:"), m_fps);
    form->addRow(tr("Width, height (pixels):"), size);
    form->addRow(QString(), m_dark);
    form->addRow(tr("File:"), file);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &AnimationDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

AnimationRequest AnimationDialog::request() const {
    AnimationRequest asked;
    asked.view = AnimationView(m_view->currentData().toInt());
    asked.format = AnimationFormat(m_format->currentData().toInt());
    asked.output = m_output->text();
    asked.from = std::size_t(m_from->value());
    asked.to = std::size_t(m_to->value());
    asked.speed = m_speed->value();
    asked.fps = m_fps->value();
    asked.size = QSize(m_width->value(), m_height->value());
    asked.dark = m_dark->isChecked();
    asked.overwrite = true; // the file dialog, or accept(), asked before
    return asked;
}

void AnimationDialog::browse() {
    const QString suffix = animationFormatName(AnimationFormat(m_format->currentData().toInt()));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export animation"), m_output->text(),
        QStringLiteral("%1 (*.%2)").arg(m_format->currentText(), suffix));
    if (!path.isEmpty())
        m_output->setText(path);
}

void AnimationDialog::accept() {
    const AnimationRequest asked = request();
    Status checked = checkAnimationRequest(asked);
    if (checked && QFileInfo::exists(asked.output) &&
        QMessageBox::question(this, windowTitle(),
                              tr("%1 exists. Replace it?").arg(asked.output)) != QMessageBox::Yes)
        return;
    if (!checked) {
        QMessageBox::warning(this, windowTitle(), QString::fromStdString(checked.error().message));
        return;
    }
    QDialog::accept();
}

Status exportWithProgress(SessionAnimation& animation, const AnimationRequest& request,
                          QWidget* parent) {
    if (const Status begun = animation.begin(request); !begun)
        return begun;
    QProgressDialog progress(QObject::tr("Writing %1…").arg(request.output), QObject::tr("Cancel"),
                             0, animation.frameCount(), parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    const Expected<ExportSummary> written =
        writeAnimation(animation, request, [&progress](int done, int) {
            progress.setValue(done);
            return !progress.wasCanceled();
        });
    if (!written)
        return written.error();
    return Ok{};
}

AnimationExportAction::AnimationExportAction(RecordedSession& session, Playback& playback,
                                             DisplayModes& modes, QWidget& window)
    : QObject(&window), m_session(session), m_playback(playback), m_modes(modes), m_window(window),
      m_action(new QAction(tr("Export &animation…"), this)) {
    m_action->setToolTip(tr("The session as an animated GIF or a video, for slides"));
    connect(m_action, &QAction::triggered, this, &AnimationExportAction::ask);
}

void AnimationExportAction::ask() {
    const std::optional<SessionRecording> recording = m_session.recording();
    // The steps of the session replayed, as the animation will play them.
    std::optional<SessionAnimation> animation;
    if (recording)
        animation.emplace(*recording);
    const std::size_t steps = animation ? animation->stepCount() : 0;
    if (steps == 0) {
        QMessageBox::information(&m_window, tr("Export animation"),
                                 recording ? tr("Nothing to animate yet: no step taken")
                                           : tr("This engine cannot save its session"));
        return;
    }
    AnimationRequest defaults;
    defaults.speed = m_playback.speed();
    defaults.dark = m_modes.darkThemeAction()->isChecked();
    defaults.output = QStringLiteral("lifecycle.gif");
    AnimationDialog dialog(steps, defaults, &m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const Status written = exportWithProgress(*animation, dialog.request(), &m_window);
        !written && !QString::fromStdString(written.error().message).endsWith(u"cancelled"))
        QMessageBox::warning(&m_window, tr("Export animation"),
                             QString::fromStdString(written.error().message));
}

} // namespace lab
