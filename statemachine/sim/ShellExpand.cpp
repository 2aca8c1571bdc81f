#include "sim/ShellExpand.h"

#include "base/Limits.h"

#include <algorithm>
#include <cctype>
#include <climits>

namespace lab::shell {
namespace {

const Error kArithError{"arithmetic syntax error"};

long long wrappedNegate(long long a) {
    long long result = 0;
    __builtin_sub_overflow(0LL, a, &result);
    return result;
}

// busybox's arith_t is a long long with the machine's arithmetic: + - * and unary minus wrap
// around (two's complement), and math.c turns LLONG_MIN / -1, which traps on x86, into
// LLONG_MIN / 1 (so LLONG_MIN % -1 is 0). The builtins give the wrapped result without C++'s
// undefined behaviour.
long long apply(std::string_view op, long long a, long long b) {
    long long result = 0;
    if (op == "+")
        __builtin_add_overflow(a, b, &result);
    else if (op == "-")
        __builtin_sub_overflow(a, b, &result);
    else if (op == "*")
        __builtin_mul_overflow(a, b, &result);
    else if (b == -1 && (op == "/" || op == "%"))
        result = op == "/" ? wrappedNegate(a) : 0; // LLONG_MIN / -1 is LLONG_MIN, as in busybox
    else if (op == "/")
        result = a / b;
    else if (op == "%")
        result = a % b;
    else
        result = op == "||"   ? (a || b)
                 : op == "&&" ? (a && b)
                 : op == "==" ? a == b
                 : op == "!=" ? a != b
                 : op == "<"  ? a < b
                 : op == ">"  ? a > b
                 : op == "<=" ? a <= b
                              : a >= b;
    return result;
}

// Precedence climbing over a tiny grammar; variables read as numbers (unset or empty: 0).
class Arith {
public:
    Arith(std::string_view text, const Parameters& params) : m_text(text), m_params(params) {}

    Expected<long long> run() {
        auto value = binary(0);
        skip();
        if (value && m_pos != m_text.size())
            return kArithError;
        return value;
    }

private:
    void skip() {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
    }

    // Operators by precedence level, lowest first.
    static int level(std::string_view op) {
        if (op == "||")
            return 1;
        if (op == "&&")
            return 2;
        if (op == "==" || op == "!=")
            return 3;
        if (op == "<" || op == ">" || op == "<=" || op == ">=")
            return 4;
        if (op == "+" || op == "-")
            return 5;
        if (op == "*" || op == "/" || op == "%")
            return 6;
        return 0;
    }

    std::string_view peekOp() {
        skip();
        for (std::string_view op :
             {"||", "&&", "==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "%"})
            if (m_text.substr(m_pos, op.size()) == op)
                return op;
        return {};
    }

    Expected<long long> binary(int minLevel) {
        auto left = unary();
        if (!left)
            return left;
        while (true) {
            const auto op = peekOp();
            const int lvl = level(op);
            if (op.empty() || lvl <= minLevel)
                return left;
            m_pos += op.size();
            auto right = binary(lvl);
            if (!right)
                return right;
            if ((op == "/" || op == "%") && *right == 0)
                return Error{"divide by zero"};
            left = apply(op, *left, *right);
        }
    }

    // Unary operators and parentheses recurse; busybox's own stack is its C stack.
    Expected<long long> unary() {
        if (m_depth == limits::kShellDepth)
            return Error{limits::beyond("arithmetic nested too deeply", limits::kShellDepth)};
        ++m_depth;
        auto value = unaryOperand();
        --m_depth;
        return value;
    }

    Expected<long long> unaryOperand() {
        skip();
        if (m_pos >= m_text.size())
            return kArithError;
        const char c = m_text[m_pos];
        if (c == '-' || c == '+' || c == '!') {
            ++m_pos;
            auto value = unary();
            if (!value)
                return value;
            return c == '-' ? wrappedNegate(*value) : c == '!' ? !*value : *value;
        }
        if (c == '(') {
            ++m_pos;
            auto value = binary(0);
            skip();
            if (!value)
                return value;
            if (m_pos >= m_text.size() || m_text[m_pos] != ')')
                return kArithError;
            ++m_pos;
            return value;
        }
        std::size_t end = m_pos;
        if (c == '$')
            ++m_pos, ++end;
        while (end < m_text.size() &&
               (std::isalnum(static_cast<unsigned char>(m_text[end])) || m_text[end] == '_'))
            ++end;
        const std::string token(m_text.substr(m_pos, end - m_pos));
        m_pos = end;
        if (token.empty())
            return kArithError;
        if (std::isdigit(static_cast<unsigned char>(token.front())))
            return number(token);
        const auto value = m_params.lookup(token).value_or("");
        return value.empty() ? 0LL : number(value);
    }

    static Expected<long long> number(const std::string& text) {
        std::size_t used = 0;
        try {
            const long long value = std::stoll(text, &used, 0);
            if (used == text.size())
                return value;
        } catch (const std::exception&) {
        }
        return kArithError;
    }

    std::string_view m_text;
    const Parameters& m_params;
    std::size_t m_pos = 0;
    int m_depth = 0;
};

bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n';
}

// Builds fields left to right; `quotedContent` keeps "" as an (empty) field.
struct FieldBuilder {
    std::vector<std::string> fields;
    std::string current;
    bool hasContent = false;

    void append(const std::string& text, bool quoted) {
        current += text;
        hasContent = hasContent || quoted || !text.empty();
    }
    void split(const std::string& value) {
        std::size_t i = 0;
        while (i < value.size()) {
            if (isBlank(value[i])) {
                endField();
                while (i < value.size() && isBlank(value[i]))
                    ++i;
                continue;
            }
            const auto start = i;
            while (i < value.size() && !isBlank(value[i]))
                ++i;
            append(value.substr(start, i - start), false);
        }
    }
    void endField() {
        if (hasContent)
            fields.push_back(current);
        current.clear();
        hasContent = false;
    }
};

Expected<std::string> partValue(const WordPart& part, const Parameters& params) {
    if (part.kind == WordPart::Kind::Text)
        return part.text;
    if (part.kind == WordPart::Kind::Arith) {
        auto value = arithmetic(part.text, params);
        if (!value)
            return value.error();
        return std::to_string(*value);
    }
    if (part.text == "@" || part.text == "*") {
        std::string joined;
        for (const auto& arg : params.positional)
            joined += (joined.empty() ? "" : " ") + arg;
        return joined;
    }
    return params.lookup(part.text).value_or("");
}

} // namespace

Expected<long long> arithmetic(std::string_view expression, const Parameters& params) {
    return Arith(expression, params).run();
}

Expected<std::string> expandWord(const Word& word, const Parameters& params) {
    std::string result;
    for (const auto& part : word) {
        auto value = partValue(part, params);
        if (!value)
            return value.error();
        result += *value;
    }
    return result;
}

Expected<std::vector<std::string>> expandFields(const std::vector<Word>& words,
                                                const Parameters& params) {
    FieldBuilder builder;
    for (const auto& word : words) {
        const bool hasQuotedAt = std::any_of(word.begin(), word.end(), [](const WordPart& part) {
            return part.kind == WordPart::Kind::Param && part.text == "@" && part.quoted;
        });
        for (const auto& part : word) {
            // The lexer marks "" with an empty quoted text; beside "$@" it must not make a field.
            if (hasQuotedAt && part.kind == WordPart::Kind::Text && part.text.empty())
                continue;
            if (part.kind == WordPart::Kind::Param && part.text == "@" && part.quoted) {
                // "$@": one field per positional parameter, glued to the text around it.
                for (std::size_t i = 0; i < params.positional.size(); ++i) {
                    if (i > 0)
                        builder.endField();
                    builder.append(params.positional[i], true);
                }
                continue;
            }
            auto value = partValue(part, params);
            if (!value)
                return value.error();
            if (part.kind == WordPart::Kind::Text || part.quoted)
                builder.append(*value, part.quoted);
            else
                builder.split(*value);
        }
        builder.endField();
    }
    return builder.fields;
}

} // namespace lab::shell
