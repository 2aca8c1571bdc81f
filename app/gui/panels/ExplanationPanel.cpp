#include "gui/panels/ExplanationPanel.h"

#include "gui/panels/KernelLine.h"

#include <QRegularExpression>
#include <algorithm>

namespace lab {
namespace {

constexpr std::size_t kStepsKept = 8;
constexpr std::size_t kTraceLinesShown = 12;

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
    readShownSteps();
}

void ExplanationPanel::setSelectedContainer(const QString& containerId) {
    if (containerId.isEmpty() || containerId == m_shown)
        return;
    m_shown = containerId;
    readShownSteps();
}

void ExplanationPanel::setTraceProvider(TraceProvider provider) {
    m_trace = std::move(provider);
    showSteps();
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
    if (m_steps.size() > kStepsKept)
        m_steps.pop_front();
    showSteps();
}

// The latest shown steps of the container explained, from the newest back.
void ExplanationPanel::readShownSteps() {
    m_steps.clear();
    m_readUpTo = m_timeline.shownCount();
    const std::vector<EngineStep>& all = m_timeline.steps();
    for (std::size_t i = m_timeline.shownCount(); i > 0 && m_steps.size() < kStepsKept; --i) {
        const EngineStep& step = all[i - 1];
        if (step.containerId == m_shown && step.container)
            m_steps.push_front(explain(*step.container, step.reaction));
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
    page += traceHtml();
    if (shown.size() > 1) {
        page += QStringLiteral("<p><b>%1</b></p><ol>").arg(tr("The steps so far").toHtmlEscaped());
        for (const Explanation& step : shown)
            page += QStringLiteral("<li>%1</li>").arg(step.headline.toHtmlEscaped());
        page += QStringLiteral("</ol>");
    }
    setHtml(page);
}

QString ExplanationPanel::traceHtml() const {
    if (!m_trace || m_shown.isEmpty())
        return {};
    const std::vector<std::string> lines = m_trace(m_shown.toStdString());
    if (lines.empty())
        return {};
    QString text;
    const std::size_t first = lines.size() - std::min(lines.size(), kTraceLinesShown);
    for (std::size_t i = first; i < lines.size(); ++i)
        text += shortKernelLine(QString::fromStdString(lines[i])).toHtmlEscaped() + u'\n';
    return QStringLiteral("<p><b>%1</b></p><pre>%2</pre>")
        .arg(tr("Kernel operations").toHtmlEscaped(), text);
}

} // namespace lab
