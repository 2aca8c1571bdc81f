#include "gui/panels/ExplanationPanel.h"

#include "gui/panels/KernelLine.h"

#include <QRegularExpression>
#include <algorithm>

namespace lab {
namespace {

constexpr std::size_t kStepsKept = 8;

// Plain text to HTML, with `code` in a fixed font and paragraphs kept.
QString html(const QString& text) {
    static const QRegularExpression code(QStringLiteral("`([^`]+)`"));
    QString escaped = text.toHtmlEscaped();
    escaped.replace(code, QStringLiteral("<code>\\1</code>"));
    escaped.replace(QStringLiteral("\n\n"), QStringLiteral("</p><p>"));
    return QStringLiteral("<p>%1</p>").arg(escaped);
}

} // namespace

ExplanationPanel::ExplanationPanel(StepTimeline& timeline, QWidget* parent)
    : QTextBrowser(parent), m_timeline(timeline) {
    setAccessibleName(tr("Explanation"));
    setAccessibleDescription(tr("What just happened to the selected container, and why"));
    setOpenLinks(false);
    connect(&timeline, &StepTimeline::stepShown, this, &ExplanationPanel::onStepShown);
    connect(&timeline, &StepTimeline::rewound, this, &ExplanationPanel::readShownSteps);
    connect(&timeline, &StepTimeline::kernelOpsShown, this, &ExplanationPanel::showSteps);
    readShownSteps();
}

void ExplanationPanel::setSelectedContainer(const QString& containerId) {
    if (containerId.isEmpty() || containerId == m_shown)
        return;
    m_shown = containerId;
    readShownSteps();
}

void ExplanationPanel::onStepShown(const EngineStep& step) {
    // Selecting a container while a step is shown reads that step already.
    if (m_timeline.shownCount() <= m_readUpTo)
        return;
    m_readUpTo = m_timeline.shownCount();
    if (m_shown.isEmpty())
        m_shown = step.containerId;
    if (step.containerId != m_shown || !step.container)
        return;
    m_steps.push_back(explain(*step.container, step.reaction));
    m_stepIndices.push_back(m_readUpTo - 1);
    if (m_steps.size() > kStepsKept) {
        m_steps.pop_front();
        m_stepIndices.pop_front();
    }
    showSteps();
}

// The latest shown steps of the container explained, from the newest back.
void ExplanationPanel::readShownSteps() {
    m_steps.clear();
    m_stepIndices.clear();
    m_readUpTo = m_timeline.shownCount();
    const std::vector<EngineStep>& all = m_timeline.steps();
    for (std::size_t i = m_timeline.shownCount(); i > 0 && m_steps.size() < kStepsKept; --i) {
        const EngineStep& step = all[i - 1];
        if (step.containerId == m_shown && step.container) {
            m_steps.push_front(explain(*step.container, step.reaction));
            m_stepIndices.push_front(i - 1);
        }
    }
    showSteps();
}

void ExplanationPanel::showSteps() {
    const std::deque<Explanation>& shown = m_steps;
    if (shown.empty()) {
        setHtml(html(tr("Run a container (type `docker run -d --name web busybox sleep 300` in "
                        "the console) and every step it takes is explained here.")));
        return;
    }
    const Explanation& now = shown.back();
    QString page = QStringLiteral("<h3>%1</h3>").arg(now.headline.toHtmlEscaped());
    page += html(now.underneath);
    if (const QString ops = kernelOpsHtml(m_stepIndices.back()); !ops.isEmpty())
        page +=
            QStringLiteral("<p><b>%1</b>%2</p>").arg(tr("Kernel operations").toHtmlEscaped(), ops);
    page += stepsHtml();
    setHtml(page);
}

// A step's kernel operations, a line each: short, the full line on hover.
QString ExplanationPanel::kernelOpsHtml(std::size_t stepIndex) const {
    QString lines;
    for (const std::string& op : m_timeline.steps()[stepIndex].kernelOps) {
        const QString full = QString::fromStdString(op);
        lines += QStringLiteral("<br/><code title=\"%1\">%2</code>")
                     .arg(full.toHtmlEscaped(), shortKernelLine(full).toHtmlEscaped());
    }
    return lines;
}

// The steps so far, the earlier ones each with the kernel operations it did (the latest's are
// under its explanation).
QString ExplanationPanel::stepsHtml() const {
    if (m_steps.size() < 2)
        return {};
    QString items;
    bool traced = false;
    for (std::size_t k = 0; k < m_steps.size(); ++k) {
        const QString ops = k + 1 < m_steps.size() ? kernelOpsHtml(m_stepIndices[k]) : QString();
        traced = traced || !ops.isEmpty();
        items += QStringLiteral("<li>%1%2</li>").arg(m_steps[k].headline.toHtmlEscaped(), ops);
    }
    const QString title =
        traced ? tr("The steps so far, each with its kernel operations") : tr("The steps so far");
    return QStringLiteral("<p><b>%1</b></p><ol>%2</ol>").arg(title.toHtmlEscaped(), items);
}

} // namespace lab
