#include "sim/ShellLexer.h"

#include <algorithm>
#include <cctype>

namespace lab::shell {
namespace {

bool isNameStart(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool isNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

Error notSimulated(const std::string& what) {
    return Error{what + " is not simulated in Container Lifecycle Lab"};
}

class Lexer {
public:
    explicit Lexer(std::string_view text) : m_text(text) {}

    Expected<std::vector<Token>> run() {
        std::vector<Token> tokens;
        while (true) {
            skipBlanks();
            if (m_pos >= m_text.size()) {
                tokens.push_back(Token{});
                return tokens;
            }
            auto token = next();
            if (!token)
                return token.error();
            tokens.push_back(std::move(*token));
        }
    }

private:
    char peek(std::size_t ahead = 0) const {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0';
    }

    void skipBlanks() {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == ' ' || c == '\t')
                ++m_pos;
            else if (c == '\\' && peek(1) == '\n')
                m_pos += 2;
            else if (c == '#')
                while (m_pos < m_text.size() && m_text[m_pos] != '\n')
                    ++m_pos;
            else
                return;
        }
    }

    Expected<Token> next() {
        static constexpr std::string_view kOps[] = {"&&", "||", ";;", ">>", ">&", "<&", ";",
                                                    "&",  "|",  "(",  ")",  ">",  "<",  "\n"};
        for (std::string_view op : kOps)
            if (m_text.substr(m_pos, op.size()) == op) {
                m_pos += op.size();
                Token token{Token::Type::Op, std::string(op), {}, {}, -1};
                return token;
            }
        // An fd number glued to a redirection ("2>&1") belongs to the operator.
        if ((peek() == '1' || peek() == '2') && (peek(1) == '>' || peek(1) == '<')) {
            const int fd = peek() - '0';
            ++m_pos;
            auto token = next();
            if (token)
                token->ioNumber = fd;
            return token;
        }
        return word();
    }

    Expected<Token> word() {
        Token token{Token::Type::Text, {}, {}, {}, -1};
        bool plain = true;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (std::string_view(" \t\n;&|()<>").find(c) != std::string_view::npos)
                break;
            if (c == '\'') {
                plain = false;
                const auto end = m_text.find('\'', m_pos + 1);
                if (end == std::string_view::npos)
                    return Error{"syntax error: unterminated quoted string"};
                appendText(token.word, m_text.substr(m_pos + 1, end - m_pos - 1), true);
                m_pos = end + 1;
            } else if (c == '"') {
                plain = false;
                ++m_pos;
                if (auto status = doubleQuoted(token.word); !status)
                    return status.error();
            } else if (c == '\\') {
                plain = false;
                if (m_pos + 1 < m_text.size())
                    appendText(token.word, m_text.substr(m_pos + 1, 1), true);
                m_pos += 2;
            } else if (c == '$') {
                plain = false;
                if (auto status = dollar(token.word, false); !status)
                    return status.error();
            } else if (c == '`') {
                return notSimulated("command substitution");
            } else {
                appendText(token.word, m_text.substr(m_pos, 1), false);
                ++m_pos;
            }
        }
        if (plain && !token.word.empty())
            token.raw = token.word.front().text;
        return token;
    }

    Status doubleQuoted(Word& word) {
        // An empty "" still makes a (quoted, empty) word.
        appendText(word, "", true);
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '"') {
                ++m_pos;
                return Ok{};
            }
            if (c == '\\' && std::string_view("$`\"\\\n").find(peek(1)) != std::string_view::npos) {
                if (peek(1) != '\n')
                    appendText(word, m_text.substr(m_pos + 1, 1), true);
                m_pos += 2;
            } else if (c == '$') {
                if (auto status = dollar(word, true); !status)
                    return status;
            } else if (c == '`') {
                return notSimulated("command substitution");
            } else {
                appendText(word, m_text.substr(m_pos, 1), true);
                ++m_pos;
            }
        }
        return Error{"syntax error: unterminated quoted string"};
    }

    // At a '$': a parameter, ${name}, $((expr)), or a lone dollar sign.
    Status dollar(Word& word, bool quoted) {
        const char c = peek(1);
        if (c == '(' && peek(2) == '(') {
            const auto end = m_text.find("))", m_pos + 3);
            if (end == std::string_view::npos)
                return Error{"syntax error: unterminated quoted string"};
            word.push_back({WordPart::Kind::Arith,
                            std::string(m_text.substr(m_pos + 3, end - m_pos - 3)), quoted});
            m_pos = end + 2;
        } else if (c == '(') {
            return notSimulated("command substitution");
        } else if (c == '{') {
            const auto end = m_text.find('}', m_pos + 2);
            if (end == std::string_view::npos)
                return Error{"syntax error: missing '}'"};
            const std::string name(m_text.substr(m_pos + 2, end - m_pos - 2));
            if (name.empty() || !std::all_of(name.begin(), name.end(), isNameChar))
                return notSimulated("the parameter expansion ${" + name + "}");
            word.push_back({WordPart::Kind::Param, name, quoted});
            m_pos = end + 1;
        } else if ((c != '\0' && std::string_view("?$!#@*-").find(c) != std::string_view::npos) ||
                   std::isdigit(static_cast<unsigned char>(c))) {
            word.push_back({WordPart::Kind::Param, std::string(1, c), quoted});
            m_pos += 2;
        } else if (isNameStart(c)) {
            std::size_t end = m_pos + 1;
            while (end < m_text.size() && isNameChar(m_text[end]))
                ++end;
            word.push_back({WordPart::Kind::Param,
                            std::string(m_text.substr(m_pos + 1, end - m_pos - 1)), quoted});
            m_pos = end;
        } else {
            appendText(word, "$", quoted);
            ++m_pos;
        }
        return Ok{};
    }

    static void appendText(Word& word, std::string_view text, bool quoted) {
        if (!word.empty() && word.back().kind == WordPart::Kind::Text &&
            word.back().quoted == quoted)
            word.back().text += text;
        else
            word.push_back({WordPart::Kind::Text, std::string(text), quoted});
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace

Expected<std::vector<Token>> tokenize(std::string_view script) {
    return Lexer(script).run();
}

} // namespace lab::shell
