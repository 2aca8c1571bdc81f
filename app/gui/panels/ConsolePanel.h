#pragma once
// The console dock's content: the same command loop as `lifecycle-lab console` (same parser,
// same output, @sleep and help), a line to type into with history, and the transcript. On the
// real backend each command's kernel operations follow its output, as `console --trace` shows.

#include "console/ScriptRunner.h"
#include "gui/panels/ConsoleTranscript.h"
#include "gui/window/EngineSignals.h"

#include <QLineEdit>
#include <QWidget>
#include <functional>
#include <sstream>

class QPlainTextEdit;

namespace lab {

/// A line edit that recalls earlier lines with Up and Down, and completes the word under the
/// cursor with Tab, as a shell does.
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

signals:
    /// Tab found several candidates: a shell lists them.
    void candidatesOffered(const QStringList& candidates);

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    QStringList m_history;
    qsizetype m_position = 0; // == size(): the line being typed
    QString m_typing;         // what was typed before going back in history
    std::function<QStringList(const QString&)> m_completions;
};

/// Docker commands typed or sent, with their output.
class ConsolePanel final : public QWidget {
    Q_OBJECT
public:
    /// Names for completion come from the engine engineSignals relays.
    ConsolePanel(Session& session, EngineSignals& engineSignals, QWidget* parent = nullptr);

    /// Output waits for the window to show the steps that produced it (see ConsoleTranscript).
    void keepPaceWith(const StepTimeline& timeline) { m_transcript.keepPaceWith(timeline); }
    /// Runs one console line as if typed, and shows it with its output.
    void runLine(const QString& line);
    /// Everything shown now, as plain text.
    QString transcript() const;
    HistoryLineEdit* input() const { return m_input; }

signals:
    /// A line ran: the engine may have moved.
    void lineRan();

private:
    void submit();

    std::ostringstream m_out;
    std::ostringstream m_err;
    std::ostringstream m_trace;
    CommandLoop m_loop;
    QPlainTextEdit* m_output;
    HistoryLineEdit* m_input;
    ConsoleTranscript m_transcript;
};

} // namespace lab
