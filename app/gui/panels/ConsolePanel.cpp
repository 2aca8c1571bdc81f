#include "gui/panels/ConsolePanel.h"

#include "gui/panels/ConsoleCompletion.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace lab {
namespace {

constexpr int kMaximumLines = 5000;

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

void HistoryLineEdit::keyPressEvent(QKeyEvent* event) {
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
    : QWidget(parent), m_loop(session, m_out, m_err, &m_trace), m_output(new QPlainTextEdit(this)),
      m_input(new HistoryLineEdit(this)), m_transcript(*m_output) {
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_output->setReadOnly(true);
    m_output->setFont(fixed);
    m_output->setMaximumBlockCount(kMaximumLines);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap); // docker ps columns stay aligned
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
        m_transcript.append(all.join(QStringLiteral("   ")),
                            palette().color(QPalette::PlaceholderText));
    });
}

void ConsolePanel::runLine(const QString& line) {
    m_transcript.lineStarts();
    m_transcript.append(QStringLiteral("docker> ") + line, palette().color(QPalette::Link));
    // exit and quit end the terminal console; the window stays, so they are only noted.
    if (!m_loop.feed(line.toStdString()))
        m_transcript.append(tr("(close the window to leave)"),
                            palette().color(QPalette::PlaceholderText));
    if (const QString out = takeText(m_out); !out.isEmpty())
        m_transcript.appendOutput(out, palette().color(QPalette::Text));
    if (const QString err = takeText(m_err); !err.isEmpty())
        m_transcript.appendOutput(err, QColor(0xC0, 0x30, 0x20));
    if (const QString trace = takeText(m_trace); !trace.isEmpty())
        m_transcript.appendOutput(trace, palette().color(QPalette::PlaceholderText));
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

} // namespace lab
