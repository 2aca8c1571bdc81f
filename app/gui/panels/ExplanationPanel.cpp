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

ExplanationPanel::ExplanationPanel(EngineSignals& engineSignals, QWidget* parent)
    : QTextBrowser(parent), m_signals(engineSignals) {
    setAccessibleName(tr("Explanation"));
    setAccessibleDescription(tr("What just happened to the selected container, and why"));
    setOpenLinks(false);
    connect(&engineSignals, &EngineSignals::containerReacted, this, &ExplanationPanel::onReacted);
    connect(&engineSignals, &EngineSignals::engineReplaced, this, [this] {
        m_steps.clear();
        showSteps();
    });
    showSteps();
}

void ExplanationPanel::setSelectedContainer(const QString& containerId) {
    if (containerId.isEmpty() || containerId == m_shown)
        return;
    // Forget the steps of containers that are gone and no longer shown.
    std::erase_if(m_steps, [&](const auto& entry) {
        return entry.first != containerId && !m_signals.engine().byId(entry.first.toStdString());
    });
    m_shown = containerId;
    showSteps();
}

void ExplanationPanel::setTraceProvider(TraceProvider provider) {
    m_trace = std::move(provider);
    showSteps();
}

const std::deque<Explanation>& ExplanationPanel::steps() const {
    static const std::deque<Explanation> none;
    const auto found = m_steps.find(m_shown);
    return found == m_steps.end() ? none : found->second;
}

void ExplanationPanel::onReacted(const QString& containerId, const Reaction& reaction) {
    const Container* container = m_signals.engine().byId(containerId.toStdString());
    if (!container)
        return;
    std::deque<Explanation>& steps = m_steps[containerId];
    steps.push_back(explain(*container, reaction));
    if (steps.size() > kStepsKept)
        steps.pop_front();
    if (m_shown.isEmpty())
        m_shown = containerId;
    if (containerId == m_shown)
        showSteps();
}

void ExplanationPanel::showSteps() {
    const std::deque<Explanation>& shown = steps();
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
