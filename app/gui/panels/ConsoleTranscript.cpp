#include "gui/panels/ConsoleTranscript.h"

#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextCursor>
#include <algorithm>

namespace lab {

ConsoleTranscript::ConsoleTranscript(QPlainTextEdit& view, QObject* parent)
    : QObject(parent), m_view(view) {}

void ConsoleTranscript::keepPaceWith(const StepTimeline& timeline) {
    m_timeline = &timeline;
    connect(&timeline, &StepTimeline::stepShown, this, &ConsoleTranscript::refresh);
    connect(&timeline, &StepTimeline::rewound, this, &ConsoleTranscript::onRewound);
}

void ConsoleTranscript::append(const QString& text, Tone tone) {
    add(text, tone, 0);
}

void ConsoleTranscript::appendOutput(const QString& text, Tone tone) {
    add(text, tone, m_timeline ? m_timeline->steps().size() : 0);
}

void ConsoleTranscript::dropFrom(std::size_t index) {
    if (index >= m_entries.size())
        return;
    m_entries.erase(m_entries.begin() + std::ptrdiff_t(index), m_entries.end());
    m_lineStart = std::min(m_lineStart, m_entries.size());
    rebuild();
}

void ConsoleTranscript::add(const QString& text, Tone tone, std::size_t revealStep) {
    forgetDropped();
    m_entries.push_back({text, tone, revealStep, m_timeline ? m_timeline->commandsRun() : 0});
    if (m_entries.size() > kMaximumEntries) {
        m_entries.pop_front();
        m_lineStart = m_lineStart > 0 ? m_lineStart - 1 : 0;
    }
    refresh();
}

void ConsoleTranscript::lineStarts() {
    m_lineStart = m_entries.size();
}

void ConsoleTranscript::lineEnds() {
    if (!m_timeline)
        return;
    for (std::size_t i = m_lineStart; i < m_entries.size(); ++i)
        m_entries[i].commandsAfter = m_timeline->commandsRun();
}

bool ConsoleTranscript::isVisible(const Entry& entry) const {
    return !m_timeline || (entry.revealStep <= m_timeline->shownCount() &&
                           (!m_kept || entry.commandsAfter <= *m_kept));
}

// Entries that become visible after the last one shown are added at the end; anything else
// (output revealed above a later typed line, output hidden again) redraws the view.
void ConsoleTranscript::refresh() {
    forgetDropped();
    const auto lastShown = std::find_if(m_entries.rbegin(), m_entries.rend(),
                                        [](const Entry& entry) { return entry.shown; });
    const std::size_t tail = std::size_t(m_entries.rend() - lastShown); // first after it
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const bool visible = isVisible(m_entries[i]);
        if (i < tail && visible != m_entries[i].shown) {
            rebuild();
            return;
        }
    }
    for (std::size_t i = tail; i < m_entries.size(); ++i)
        if (isVisible(m_entries[i]))
            render(m_entries[i]);
}

// A replay reruns the commands it keeps (the last rewind says how many): the lines of the others
// are hidden now, and forgotten before anything new is shown (a later command must not bring
// them back).
void ConsoleTranscript::onRewound() {
    m_kept = m_timeline->commandsRun();
    rebuild();
}

void ConsoleTranscript::forgetDropped() {
    if (!m_kept)
        return;
    std::erase_if(m_entries, [this](const Entry& entry) { return entry.commandsAfter > *m_kept; });
    m_lineStart = std::min(m_lineStart, m_entries.size());
    m_kept.reset();
}

void ConsoleTranscript::rebuild() {
    m_view.clear();
    for (Entry& entry : m_entries) {
        entry.shown = false;
        if (isVisible(entry))
            render(entry);
    }
}

void ConsoleTranscript::render(Entry& entry) {
    const QTextCharFormat format = toneFormat(entry.tone, m_view.palette());
    QTextCursor cursor(m_view.document());
    cursor.movePosition(QTextCursor::End);
    if (!m_view.document()->isEmpty())
        cursor.insertBlock();
    cursor.insertText(entry.text, format);
    m_view.verticalScrollBar()->setValue(m_view.verticalScrollBar()->maximum());
    entry.shown = true;
}

} // namespace lab
