#pragma once
// The console dock's content: the same command loop as `lifecycle-lab console` (same parser,
// same output, @sleep and help), a line to type into with history, and the transcript. On the
// real backend each command's kernel operations follow its output, as `console --trace` shows.

#include "console/ScriptRunner.h"

#include <QLineEdit>
#include <QWidget>
#include <sstream>

class QPlainTextEdit;

namespace lab {

/// A line edit that recalls earlier lines with Up and Down, as a shell does.
class HistoryLineEdit final : public QLineEdit {
    Q_OBJECT
public:
    explicit HistoryLineEdit(QWidget* parent = nullptr);
    /// Remembers a line that was run (blank lines and repeats of the last are not kept).
    void remember(const QString& line);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    QStringList m_history;
    qsizetype m_position = 0; // == size(): the line being typed
    QString m_typing;         // what was typed before going back in history
};

/// Docker commands typed or sent, with their output.
class ConsolePanel final : public QWidget {
    Q_OBJECT
public:
    explicit ConsolePanel(Session& session, QWidget* parent = nullptr);

    /// Runs one console line as if typed, and shows it with its output.
    void runLine(const QString& line);
    /// Everything shown so far, as plain text.
    QString transcript() const;
    HistoryLineEdit* input() const { return m_input; }

signals:
    /// A line ran: the engine may have moved.
    void lineRan();

private:
    void submit();
    void append(const QString& text, const QColor& colour);

    std::ostringstream m_out;
    std::ostringstream m_err;
    std::ostringstream m_trace;
    CommandLoop m_loop;
    QPlainTextEdit* m_output;
    HistoryLineEdit* m_input;
};

} // namespace lab
