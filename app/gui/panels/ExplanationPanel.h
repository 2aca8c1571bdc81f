#pragma once
// The explanation dock: what just happened to the selected container, in plain words, what it
// means underneath, the steps before it, and, when a backend reports them, the kernel
// operations it did (the real backend's trace). A replaced engine (step back, reset) is explained
// afresh as the replay runs.

#include "gui/panels/Explanations.h"
#include "gui/window/EngineSignals.h"

#include <QTextBrowser>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace lab {

/// Explains the selected container's latest step.
class ExplanationPanel final : public QTextBrowser {
    Q_OBJECT
public:
    /// The kernel operations done for a container so far, oldest first.
    using TraceProvider = std::function<std::vector<std::string>(const std::string& id)>;

    explicit ExplanationPanel(EngineSignals& engineSignals, QWidget* parent = nullptr);

    /// Follows this container (full ID). Empty keeps what is shown: a removed container's
    /// last step stays readable.
    void setSelectedContainer(const QString& containerId);
    /// Shows the kernel operations from provider under every explanation (empty: none).
    void setTraceProvider(TraceProvider provider);
    /// The steps of the container shown, oldest first; the last is what just happened.
    const std::deque<Explanation>& steps() const;

private:
    void onReacted(const QString& containerId, const Reaction& reaction);
    void showSteps();
    QString traceHtml() const;

    EngineSignals& m_signals;
    std::map<QString, std::deque<Explanation>> m_steps; // container ID -> its latest steps
    QString m_shown;
    TraceProvider m_trace;
};

} // namespace lab
