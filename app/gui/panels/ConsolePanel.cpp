#include "gui/panels/ConsolePanel.h"

#include "engine/Container.h"
#include "gui/panels/ConsoleCompletion.h"
#include "gui/panels/KernelLine.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace lab {
namespace {

constexpr int kMaximumLines = 5000;
constexpr Duration kNotedTime = std::chrono::seconds(1); // less passes unnoticed in a terminal

QString takeText(std::ostringstream& stream) {
    QString text = QString::fromStdString(stream.str());
    stream.str({});
    if (text.endsWith(u'\n'))
        text.chop(1);
    return text;
}

} // namespace

HistoryLineEdit::HistoryLineEdit(QWidget* parent) : QLineEdit(parent) {}

void HistoryLineEdit::remember(const QString& line) {
    if (!line.trimmed().isEmpty() && (m_history.isEmpty() || m_history.back() != line))
        m_history << line;
    m_position = m_history.size();
    m_typing.clear();
}

bool HistoryLineEdit::event(QEvent* event) {
    // While a command waits, Ctrl-C, Ctrl-D, Ctrl-P and Ctrl-Q are the terminal's (not Copy, not
    // Quit, not Delete).
    if (m_waiting && event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool control = key->modifiers().testFlag(Qt::ControlModifier);
        if (control && (key->key() == Qt::Key_C || key->key() == Qt::Key_D ||
                        key->key() == Qt::Key_P || key->key() == Qt::Key_Q)) {
            event->accept();
            return true;
        }
    }
    // Tab completes instead of moving the focus, as in a shell.
    const auto* key = event->type() == QEvent::KeyPress ? static_cast<QKeyEvent*>(event) : nullptr;
    if (!key || key->key() != Qt::Key_Tab || !m_completions)
        return QLineEdit::event(event);
    const QString line = text().left(cursorPosition());
    const QStringList candidates = m_completions(line);
    const QString completed = completeLine(line, candidates);
    setText(completed + text().mid(cursorPosition()));
    setCursorPosition(int(completed.size()));
    if (candidates.size() > 1)
        emit candidatesOffered(candidates);
    return true;
}

void HistoryLineEdit::setWaiting(bool waiting) {
    m_waiting = waiting;
    m_afterCtrlP = false;
}

void HistoryLineEdit::keyPressEvent(QKeyEvent* event) {
    if (m_waiting) { // control keys are the terminal's; the rest type a line for -i's stdin
        const bool control = event->modifiers().testFlag(Qt::ControlModifier);
        if (event->key() == Qt::Key_Control) // pressed before each of the keys: not one itself
            return;
        const bool afterCtrlP = std::exchange(m_afterCtrlP, false);
        if (control && event->key() == Qt::Key_C)
            emit interruptTyped();
        else if (control && event->key() == Qt::Key_Q && afterCtrlP)
            emit detachTyped();
        else if (control && event->key() == Qt::Key_D)
            emit endOfInputTyped();
        m_afterCtrlP = control && event->key() == Qt::Key_P;
        if (control)
            return;
        // A line for the attached container's stdin (docker run -i), sent with Return.
    }
    const bool up = event->key() == Qt::Key_Up;
    const bool down = event->key() == Qt::Key_Down;
    if (!up && !down) {
        QLineEdit::keyPressEvent(event);
        return;
    }
    if (m_position == m_history.size())
        m_typing = text();
    if (up && m_position > 0)
        --m_position;
    else if (down && m_position < m_history.size())
        ++m_position;
    setText(m_position == m_history.size() ? m_typing : m_history[m_position]);
}

ConsolePanel::ConsolePanel(Session& session, EngineSignals& engineSignals, QWidget* parent)
    : QWidget(parent),
      m_foreground(
          session, [&engineSignals]() -> Engine& { return engineSignals.engine(); },
          [this](const LogLine& line) { stream(line); }),
      m_loop(m_foreground, m_out, m_err, &m_trace), m_engineSignals(engineSignals),
      m_output(new QPlainTextEdit(this)), m_input(new HistoryLineEdit(this)),
      m_transcript(*m_output) {
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_output->setReadOnly(true);
    m_output->setFont(fixed);
    m_output->setMaximumBlockCount(kMaximumLines);
    // Long lines wrap at the panel's edge: nothing hides beyond it (ps columns stay aligned as
    // long as a row fits, as in a terminal).
    m_output->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_output->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_output->setAccessibleName(tr("Console output"));
    m_input->setFont(fixed);
    m_input->setPlaceholderText(
        tr("docker run -d --name web busybox sleep 300   (help lists the commands)"));
    m_input->setAccessibleName(tr("Docker command line"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_output);
    layout->addWidget(m_input);
    connect(m_input, &QLineEdit::returnPressed, this, &ConsolePanel::submit);
    m_input->setCompletions([&session, &engineSignals](const QString& line) {
        return completionsFor(line, completionWords(session, engineSignals.engine()));
    });
    connect(m_input, &HistoryLineEdit::candidatesOffered, this, [this](const QStringList& all) {
        append(all.join(QStringLiteral("   ")), Tone::Note);
    });
    connect(m_input, &HistoryLineEdit::interruptTyped, this, [this] {
        append(QStringLiteral("^C"), Tone::Note);
        m_foreground.interrupt();
    });
    connect(m_input, &HistoryLineEdit::detachTyped, this, [this] { m_foreground.detach(); });
    connect(m_input, &HistoryLineEdit::endOfInputTyped, this, [this] {
        if (m_foreground.write({}, true))
            append(QStringLiteral("^D"), Tone::Note);
    });
}

void ConsolePanel::runLine(const QString& line) {
    if (isWaiting() && m_foreground.write(line.toStdString() + '\n', false)) {
        append(line, Tone::Command);
        return;
    }
    if (isWaiting()) {
        append(tr("(not run: the command above still waits; Ctrl-C in the console interrupts "
                  "it)"),
               Tone::Note);
        return;
    }
    if (const QString why = m_whyNoLines ? m_whyNoLines() : QString(); !why.isEmpty()) {
        append(QStringLiteral("docker> ") + line, Tone::Command);
        append(QStringLiteral("(%1)").arg(why), Tone::Note);
        return;
    }
    m_transcript.lineStarts();
    append(QStringLiteral("docker> ") + line, Tone::Command);
    const TimePoint before = m_engineSignals.engine().clock().now();
    m_input->setWaiting(true);
    // exit and quit end the terminal console; the window stays, so they are only noted.
    const bool ran = m_loop.feed(line.toStdString());
    m_input->setWaiting(false);
    // The streamed lines are also the command's output, in their place among its other lines
    // (a pull's progress comes first); a command cut short printed only what was streamed.
    if (m_streamed && !m_foreground.cutShort())
        m_transcript.dropFrom(*m_streamed);
    m_streamed.reset();
    if (!ran)
        append(tr("(close the window to leave)"), Tone::Note);
    // What the command printed shows with the steps that produced it (see ConsoleTranscript).
    if (const QString out = takeText(m_out); !out.isEmpty())
        m_transcript.appendOutput(out, Tone::Output);
    if (const QString err = takeText(m_err); !err.isEmpty())
        for (const QString& errLine : err.split(u'\n'))
            m_transcript.appendOutput(errLine, stderrTone(errLine));
    if (const QString trace = takeText(m_trace); !trace.isEmpty())
        m_transcript.appendOutput(shortKernelLine(trace), Tone::Note);
    // Engine time a command moved is never silent: at once (a stop's timeout) or as it flowed.
    const Duration moved = m_engineSignals.engine().clock().now() - before;
    if (moved >= kNotedTime)
        m_transcript.appendOutput(
            tr("(engine time +%1 s)").arg(std::chrono::duration<double>(moved).count(), 0, 'f', 1),
            Tone::Note);
    // The status a shell's prompt would show ($?), for every line that ran something.
    if (ran && !line.trimmed().isEmpty())
        m_transcript.appendOutput(QStringLiteral("[exit %1]").arg(m_loop.status()), Tone::Note);
    m_transcript.lineEnds();
    emit lineRan();
}

QString ConsolePanel::transcript() const {
    return m_output->toPlainText();
}

void ConsolePanel::submit() {
    const QString line = m_input->text();
    m_input->remember(line);
    m_input->clear();
    runLine(line);
}

void ConsolePanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        recolour(*m_output->document(), palette());
}

void ConsolePanel::stream(const LogLine& line) {
    if (!m_streamed) // the first streamed line: the command's whole output may replace them
        m_streamed = m_transcript.size();
    append(QString::fromStdString(line.text), line.isStderr ? Tone::Error : Tone::Output);
}

void ConsolePanel::append(const QString& text, Tone tone) {
    m_transcript.append(text, tone);
}

} // namespace lab
