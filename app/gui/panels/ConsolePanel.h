#pragma once
// The console dock's content: the same command loop as `lifecycle-lab console` (same parser,
// same output, @sleep and help), a line to type into with history, and the transcript. On the
// real backend each command's kernel operations follow its output, as `console --trace` shows
// them, with short paths (the explanation lists them per step, whole on hover).

#include "console/ForegroundSession.h"
#include "console/ScriptRunner.h"
#include "gui/panels/ConsoleTones.h"
#include "gui/panels/ConsoleTranscript.h"
#include "gui/window/EngineSignals.h"

#include <QLineEdit>
#include <QWidget>
#include <functional>
#include <optional>
#include <sstream>

class QPlainTextEdit;

namespace lab {

/// A line edit that recalls earlier lines with Up and Down, and completes the word under the
/// cursor with Tab, as a shell does. While a command waits, it takes only a terminal's keys.
class HistoryLineEdit final : public QLineEdit {
    Q_OBJECT
public:
    explicit HistoryLineEdit(QWidget* parent = nullptr);
    /// Remembers a line that was run (blank lines and repeats of the last are not kept).
    void remember(const QString& line);
    /// What Tab completes the line's last word to.
    void setCompletions(std::function<QStringList(const QString&)> completions) {
        m_completions = std::move(completions);
    }
    /// While waiting, typing edits nothing; Ctrl-C and Ctrl-P Ctrl-Q are signalled.
    void setWaiting(bool waiting);

signals:
    /// Tab found several candidates: a shell lists them.
    void candidatesOffered(const QStringList& candidates);
    /// Ctrl-C while waiting.
    void interruptTyped();
    /// Ctrl-P then Ctrl-Q while waiting: docker's detach keys.
    void detachTyped();
    /// Ctrl-D while a command waits: the end of the attached container's stdin.
    void endOfInputTyped();

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    QStringList m_history;
    qsizetype m_position = 0; // == size(): the line being typed
    QString m_typing;         // what was typed before going back in history
    std::function<QStringList(const QString&)> m_completions;
    bool m_waiting = false;
    bool m_afterCtrlP = false; // the first of the detach keys was typed
};

/// Docker commands typed or sent, with their output and, as a shell's prompt shows it, the exit
/// status of each line ("[exit 125]").
class ConsolePanel final : public QWidget {
    Q_OBJECT
public:
    /// Names for completion come from the engine engineSignals relays.
    ConsolePanel(Session& session, EngineSignals& engineSignals, QWidget* parent = nullptr);

    /// Output waits for the window to show the steps that produced it (see ConsoleTranscript).
    void keepPaceWith(const StepTimeline& timeline) { m_transcript.keepPaceWith(timeline); }
    /// Runs one console line as if typed, and shows it with its output. A command that waits
    /// (an attached run, wait) shows its container's output as it comes while the window's
    /// playback moves engine time, until it returns, Ctrl-C or Ctrl-P Ctrl-Q; a line given
    /// meanwhile is not run (a terminal takes no second command).
    void runLine(const QString& line);
    /// While whyNot answers a reason (a session file playing back), a line is shown with the
    /// reason as a note at once and not run.
    void refuseLinesWhile(std::function<QString()> whyNot) { m_whyNoLines = std::move(whyNot); }
    /// True while a line runs.
    bool isWaiting() const { return m_foreground.running(); }
    /// The exit status of the last command, as a shell's $?.
    int lastStatus() const { return m_loop.status(); }
    /// Everything shown now, as plain text.
    QString transcript() const;
    HistoryLineEdit* input() const { return m_input; }

signals:
    /// A line ran: the engine may have moved.
    void lineRan();

protected:
    /// A theme switch recolours the history too.
    void changeEvent(QEvent* event) override;

private:
    void submit();
    void append(const QString& text, Tone tone);
    void stream(const LogLine& line);

    std::ostringstream m_out;
    std::ostringstream m_err;
    std::ostringstream m_trace;
    ForegroundSession m_foreground;
    CommandLoop m_loop;
    EngineSignals& m_engineSignals;
    std::optional<std::size_t> m_streamed; // the transcript entry where streamed lines begin
    QPlainTextEdit* m_output;
    HistoryLineEdit* m_input;
    ConsoleTranscript m_transcript;
    std::function<QString()> m_whyNoLines;
};

} // namespace lab
