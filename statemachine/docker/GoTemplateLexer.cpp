#include "docker/GoTemplateLexer.h"

#include "docker/DisplayWidth.h"

#include <cstdio>

namespace lab::docker {
namespace {

using Type = TemplateToken::Type;

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool isAlnum(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80; // Go accepts Unicode letters
}

class Lexer {
public:
    Lexer(std::string_view text, std::size_t& errorPos) : m_in(text), m_errorPos(errorPos) {}

    Expected<std::vector<TemplateToken>> run() {
        while (m_pos < m_in.size()) {
            if (const Status s = lexText(); !s)
                return s.error();
        }
        emit(Type::Eof, m_pos, m_pos);
        return std::move(m_tokens);
    }

private:
    void emit(Type type, std::size_t start, std::size_t end) {
        m_tokens.push_back({type, std::string(m_in.substr(start, end - start)), start});
    }
    Error fail(std::size_t pos, std::string message) {
        m_errorPos = pos;
        return Error{std::move(message)};
    }
    bool at(std::string_view s) const { return m_in.substr(m_pos).starts_with(s); }
    // " -}}" closes with a trim marker, "}}" without.
    std::size_t rightDelimLength() const {
        if (m_pos + 1 < m_in.size() && isSpace(m_in[m_pos]) && m_in[m_pos + 1] == '-' &&
            m_in.substr(m_pos + 2).starts_with("}}"))
            return 4;
        return at("}}") ? 2 : 0;
    }
    bool atTerminator() const {
        if (m_pos >= m_in.size())
            return true;
        const char c = m_in[m_pos];
        return isSpace(c) || c == '.' || c == ',' || c == '|' || c == ':' || c == ')' || c == '(' ||
               at("}}");
    }
    Error badCharacter() {
        const auto runes = decodeUtf8(m_in.substr(m_pos, 4));
        return fail(m_pos, "bad character " + goRuneName(runes.front()));
    }

    Status lexText() {
        const std::size_t start = m_pos;
        const std::size_t open = m_in.find("{{", m_pos);
        std::size_t end = open == std::string_view::npos ? m_in.size() : open;
        std::size_t textEnd = end;
        const bool trimLeft = open != std::string_view::npos && open + 3 < m_in.size() &&
                              m_in[open + 2] == '-' && isSpace(m_in[open + 3]);
        if (trimLeft)
            while (textEnd > start && isSpace(m_in[textEnd - 1]))
                --textEnd;
        if (m_trimNext) {
            std::size_t s = start;
            while (s < textEnd && isSpace(m_in[s]))
                ++s;
            m_pos = s;
        }
        if (m_pos < textEnd)
            emit(Type::Text, m_pos, textEnd);
        m_trimNext = false;
        m_pos = end;
        if (open == std::string_view::npos)
            return Ok{};
        m_pos = open + 2 + (trimLeft ? 2 : 0);
        if (at("/*"))
            return lexComment(open);
        emit(Type::LeftDelim, open, open + 2);
        return lexInsideAction(open);
    }

    Status lexComment(std::size_t open) {
        const std::size_t close = m_in.find("*/", m_pos + 2);
        if (close == std::string_view::npos)
            return fail(open, "unclosed comment");
        m_pos = close + 2;
        const std::size_t delim = rightDelimLength();
        if (delim == 0)
            return fail(open, "comment ends before closing delimiter");
        m_trimNext = delim == 4;
        m_pos += delim;
        return Ok{};
    }

    Status lexInsideAction(std::size_t open) {
        int parens = 0;
        for (;;) {
            if (const std::size_t delim = rightDelimLength(); delim != 0) {
                if (parens > 0)
                    return fail(m_pos, "unclosed left paren");
                emit(Type::RightDelim, m_pos, m_pos + delim);
                m_trimNext = delim == 4;
                m_pos += delim;
                return Ok{};
            }
            if (m_pos >= m_in.size())
                return fail(open, "unclosed action");
            const std::size_t start = m_pos;
            const char c = m_in[m_pos];
            if (isSpace(c)) {
                while (m_pos < m_in.size() && isSpace(m_in[m_pos]) && rightDelimLength() == 0)
                    ++m_pos;
                emit(Type::Space, start, m_pos);
            } else if (c == '=') {
                emit(Type::Assign, start, ++m_pos);
            } else if (c == ':') {
                if (m_pos + 1 >= m_in.size() || m_in[m_pos + 1] != '=')
                    return fail(start, "expected :=");
                m_pos += 2;
                emit(Type::Declare, start, m_pos);
            } else if (c == '|') {
                emit(Type::Pipe, start, ++m_pos);
            } else if (c == '"' || c == '`' || c == '\'') {
                if (const Status s = lexQuoted(c); !s)
                    return s;
            } else if (c == '$' ||
                       (c == '.' && !(m_pos + 1 < m_in.size() && m_in[m_pos + 1] >= '0' &&
                                      m_in[m_pos + 1] <= '9'))) {
                ++m_pos;
                if (atTerminator()) {
                    emit(c == '$' ? Type::Variable : Type::Dot, start, m_pos);
                    continue;
                }
                while (m_pos < m_in.size() && isAlnum(m_in[m_pos]))
                    ++m_pos;
                if (!atTerminator())
                    return badCharacter();
                emit(c == '$' ? Type::Variable : Type::Field, start, m_pos);
            } else if (c == '.' || c == '+' || c == '-' || (c >= '0' && c <= '9')) {
                ++m_pos;
                while (m_pos < m_in.size() && (isAlnum(m_in[m_pos]) || m_in[m_pos] == '.' ||
                                               m_in[m_pos] == '+' || m_in[m_pos] == '-'))
                    ++m_pos;
                emit(Type::Number, start, m_pos);
            } else if (isAlnum(c)) {
                while (m_pos < m_in.size() && isAlnum(m_in[m_pos]))
                    ++m_pos;
                if (!atTerminator())
                    return badCharacter();
                const std::string_view word = m_in.substr(start, m_pos - start);
                const bool keyword = word == "if" || word == "else" || word == "end" ||
                                     word == "range" || word == "with" || word == "define" ||
                                     word == "template" || word == "block" || word == "break" ||
                                     word == "continue";
                emit(keyword                             ? Type::Keyword
                     : word == "true" || word == "false" ? Type::Bool
                     : word == "nil"                     ? Type::Nil
                                                         : Type::Identifier,
                     start, m_pos);
            } else if (c == '(') {
                ++parens;
                emit(Type::LeftParen, start, ++m_pos);
            } else if (c == ')') {
                if (--parens < 0)
                    return fail(start, "unexpected right paren");
                emit(Type::RightParen, start, ++m_pos);
            } else if (static_cast<unsigned char>(c) < 0x7F && c >= 0x20) {
                emit(Type::Char, start, ++m_pos);
            } else {
                const auto runes = decodeUtf8(m_in.substr(m_pos, 4));
                return fail(start,
                            "unrecognized character in action: " + goRuneName(runes.front()));
            }
        }
    }

    Status lexQuoted(char quote) {
        const std::size_t start = m_pos++;
        while (m_pos < m_in.size() && m_in[m_pos] != quote) {
            if (quote != '`' && m_in[m_pos] == '\\' && m_pos + 1 < m_in.size())
                ++m_pos;
            else if (quote != '`' && m_in[m_pos] == '\n')
                break;
            ++m_pos;
        }
        if (m_pos >= m_in.size() || m_in[m_pos] != quote)
            return fail(start, quote == '"'   ? "unterminated quoted string"
                               : quote == '`' ? "unterminated raw quoted string"
                                              : "unterminated character constant");
        ++m_pos;
        emit(quote == '"'   ? Type::String
             : quote == '`' ? Type::RawString
                            : Type::CharConstant,
             start, m_pos);
        return Ok{};
    }

    std::string_view m_in;
    std::size_t& m_errorPos;
    std::size_t m_pos = 0;
    bool m_trimNext = false;
    std::vector<TemplateToken> m_tokens;
};

} // namespace

std::string goRuneName(char32_t c) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
    std::string out = buffer;
    if (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0x9F)) {
        out += " '";
        appendUtf8(out, c);
        out += "'";
    }
    return out;
}

Expected<std::vector<TemplateToken>> lexTemplate(std::string_view text, std::size_t& errorPos) {
    return Lexer(text, errorPos).run();
}

} // namespace lab::docker
