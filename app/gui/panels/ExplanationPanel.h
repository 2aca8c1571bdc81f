#pragma once
// The explanation dock: what just happened to the selected container, in plain words, what it
// means underneath, the steps before it, and under each step, when a backend reports them, the
// kernel operations it did (the real backend's trace: StepTimeline files them per step), with
// short paths and the full line on hover. It explains the steps the window shows, up to the last
// one: a rewind (step back, reset) takes the later ones back.

#include "gui/panels/Explanations.h"
#include "gui/window/StepTimeline.h"

#include <QTextBrowser>
#include <deque>

namespace lab {

/// Explains the selected container's latest step.
class ExplanationPanel final : public QTextBrowser {
    Q_OBJECT
public:
    explicit ExplanationPanel(StepTimeline& timeline, QWidget* parent = nullptr);

    /// Follows this container (full ID). Empty keeps what is shown: a removed container's
    /// last step stays readable.
    void setSelectedContainer(const QString& containerId);
    /// The latest shown steps of the container explained, oldest first; the last is what just
    /// happened.
    const std::deque<Explanation>& steps() const { return m_steps; }

private:
    void onStepShown(const EngineStep& step);
    void readShownSteps();
    void showSteps();
    QString kernelOpsHtml(std::size_t stepIndex) const;
    QString stepsHtml() const;

    StepTimeline& m_timeline;
    std::deque<Explanation> m_steps;
    std::deque<std::size_t> m_stepIndices; // m_steps' places in the timeline's steps
    std::size_t m_readUpTo = 0;            // the shown steps read so far
    QString m_shown;
};

} // namespace lab
