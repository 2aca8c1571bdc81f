#include "daemon/TerminalInput.h"

namespace lab::daemon {
namespace {

constexpr char kCtrlC = 0x03;
constexpr char kCtrlD = 0x04;
constexpr char kBackspace = 0x08;
constexpr char kCtrlU = 0x15;
constexpr char kCtrlW = 0x17;
constexpr char kEscape = 0x1b;
constexpr char kDelete = 0x7f;

bool continuationByte(char byte) {
    return (static_cast<unsigned char>(byte) & 0xc0) == 0x80;
}

} // namespace

void TerminalInput::eraseLast(Result& result) {
    if (m_line.empty())
        return;
    // One character, however many bytes of UTF-8 it took.
    while (m_line.size() > 1 && continuationByte(m_line.back()))
        m_line.pop_back();
    m_line.pop_back();
    result.echo += "\b \b";
}

TerminalInput::Result TerminalInput::feed(const std::string& keys) {
    Result result;
    for (const char key : keys) {
        if (result.ended)
            break; // what follows end of file is not read
        if (m_escape == Escape::Started) {
            m_escape = key == '[' || key == 'O' ? Escape::Sequence : Escape::None;
            continue;
        }
        if (m_escape == Escape::Sequence) {
            if (key >= 0x40 && key <= 0x7e)
                m_escape = Escape::None;
            continue;
        }
        switch (key) {
        case '\r':
        case '\n':
            result.echo += "\r\n";
            result.lines += m_line + "\n";
            m_line.clear();
            break;
        case kBackspace:
        case kDelete:
            eraseLast(result);
            break;
        case kCtrlU:
            while (!m_line.empty())
                eraseLast(result);
            break;
        case kCtrlW:
            while (!m_line.empty() && m_line.back() == ' ')
                eraseLast(result);
            while (!m_line.empty() && m_line.back() != ' ')
                eraseLast(result);
            break;
        case kCtrlC:
            result.echo += "^C\r\n";
            m_line.clear();
            break;
        case kCtrlD:
            result.ended = m_line.empty(); // within a line it does nothing here
            break;
        case kEscape:
            m_escape = Escape::Started;
            break;
        default:
            if (static_cast<unsigned char>(key) >= 0x20 || key == '\t') {
                m_line += key;
                result.echo += key;
            }
        }
    }
    return result;
}

} // namespace lab::daemon
