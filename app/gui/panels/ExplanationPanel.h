#pragma once
// The explanation dock: what just happened to the selected container, in plain words, what it
// means underneath, the steps before it, and, when a backend reports them, the kernel
// operations it did (the real backend's trace). It explains the steps the window shows, up to
// the last one: a rewind (step back, reset) takes the later ones back.

#include "gui/panels/Explanations.h"
#include "gui/window/StepTimeline.h"

#include <QTextBrowser>
#include <deque>
#include <functional>
#include <string>
#include <vector>

namespace lab {

/// Explains the selected container's latest step.
class ExplanationPanel final : public QTextBrowser {
    Q_OBJECT
public:
    /// The kernel operations done for a container so far, oldest first.
    using TraceProvider = std::function<std::vector<std::string>(const std::string& id)>;

    explicit ExplanationPanel(StepTimeline& timeline, QWidget* parent = nullptr);

    /// Follows this container (full ID). Empty keeps what is shown: a removed container's
    /// last step stays readable.
    void setSelectedContainer(const QString& containerId);
    /// Shows the kernel operations from provider under every explanation (empty: none).
    void setTraceProvider(TraceProvider provider);
    /// The latest shown steps of the container explained, oldest first; the last is what just
    /// happened.
    const std::deque<Explanation>& steps() const { return m_steps; }

private:
    void onStepShown(const EngineStep& step);
    void readShownSteps();
    void showSteps();
    QString traceHtml() const;

    StepTimeline& m_timeline;
    std::deque<Explanation> m_steps;
    std::size_t m_readUpTo = 0; // the shown steps read so far
    QString m_shown;
    TraceProvider m_trace;
};

} // namespace lab
