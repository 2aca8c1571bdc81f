#pragma once
// The console dock's transcript, in step with the playback: a typed line shows at once, its
// command's output when the window shows the step that produced it (the last one the engine had
// taken when the command returned), so holding the playback holds the answer back. A rewind
// hides output again and drops the lines of commands the replay did not run again.

#include "gui/panels/ConsoleTones.h"
#include "gui/window/StepTimeline.h"

#include <QObject>
#include <QString>
#include <deque>
#include <optional>

class QPlainTextEdit;

namespace lab {

/// What the console printed, and which of it the window shows now.
class ConsoleTranscript final : public QObject {
    Q_OBJECT
public:
    /// Keeps at most this many entries (a command's output is one).
    static constexpr std::size_t kMaximumEntries = 5000;

    explicit ConsoleTranscript(QPlainTextEdit& view, QObject* parent = nullptr);

    /// Output waits for the steps timeline shows; without a timeline it shows at once.
    void keepPaceWith(const StepTimeline& timeline);
    /// Shows text at once (a typed line, a note, what a waiting command streams).
    void append(const QString& text, Tone tone);
    /// Shows text once the window shows every step the engine has taken by now.
    void appendOutput(const QString& text, Tone tone);
    /// How many entries there are: where the next one goes.
    std::size_t size() const { return m_entries.size(); }
    /// Takes back the entries from index on (lines streamed while a command waited, which its
    /// whole output replaces).
    void dropFrom(std::size_t index);
    /// A console line begins / ended: what was appended in between goes when a replay forgets
    /// the commands it ran.
    void lineStarts();
    void lineEnds();

private:
    struct Entry {
        QString text;
        Tone tone;
        std::size_t revealStep = 0;    // shown once this many steps are shown
        std::size_t commandsAfter = 0; // dropped when a replay keeps fewer commands
        bool shown = false;            // in the view now
    };

    void add(const QString& text, Tone tone, std::size_t revealStep);
    bool isVisible(const Entry& entry) const;
    void refresh();
    void onRewound();
    void forgetDropped();
    void render(Entry& entry);
    void rebuild();

    QPlainTextEdit& m_view;
    const StepTimeline* m_timeline = nullptr;
    std::deque<Entry> m_entries;
    std::size_t m_lineStart = 0;       // the first entry of the console line running
    std::optional<std::size_t> m_kept; // commands the last replay kept, until forgotten
};

} // namespace lab
