#include "sim/Applets.h"

#include <charconv>
#include <functional>
#include <map>

namespace lab {
namespace {

// Backslash escapes of `echo -e` and printf formats; `stop` is set by \c (no more output).
std::string unescape(const std::string& text, bool& stop) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) {
            out += text[i];
            continue;
        }
        const char c = text[++i];
        switch (c) {
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case 'r':
            out += '\r';
            break;
        case 'a':
            out += '\a';
            break;
        case 'b':
            out += '\b';
            break;
        case 'v':
            out += '\v';
            break;
        case 'f':
            out += '\f';
            break;
        case '\\':
            out += '\\';
            break;
        case 'c':
            stop = true;
            return out;
        default:
            out += '\\';
            out += c;
            break;
        }
    }
    return out;
}

AppletResult echo(const std::vector<std::string>& argv) {
    bool newline = true, escapes = false;
    std::size_t i = 1;
    // busybox echo takes only leading words made of n, e and E flags as options.
    for (; i < argv.size() && argv[i].size() > 1 && argv[i][0] == '-' &&
           argv[i].find_first_not_of("neE", 1) == std::string::npos;
         ++i)
        for (char c : argv[i].substr(1))
            c == 'n' ? newline = false : c == 'e' ? escapes = true : escapes = false;
    std::string out;
    bool stop = false;
    for (std::size_t first = i; i < argv.size() && !stop; ++i)
        out += (i > first ? " " : "") + (escapes ? unescape(argv[i], stop) : argv[i]);
    if (newline && !stop)
        out += '\n';
    return {out, {}, 0};
}

// printf FORMAT [ARG...]: %s %d %% and escapes; the format is reused while arguments remain.
AppletResult printf(const std::vector<std::string>& argv, const std::string& prefix) {
    if (argv.size() < 2)
        return {{}, prefix + "printf: usage: printf FORMAT [ARGUMENT...]\n", 1};
    std::size_t next = 2;
    std::string out;
    AppletResult result;
    do {
        bool stop = false;
        const std::string format = unescape(argv[1], stop);
        for (std::size_t i = 0; i < format.size(); ++i) {
            if (format[i] != '%' || i + 1 == format.size()) {
                out += format[i];
                continue;
            }
            const char conversion = format[++i];
            if (conversion == '%') {
                out += '%';
                continue;
            }
            const std::string arg = next < argv.size() ? argv[next++] : "";
            if (conversion == 'd' || conversion == 'i') {
                long long value = 0;
                auto [end, error] = std::from_chars(arg.data(), arg.data() + arg.size(), value);
                if (!arg.empty() && (error != std::errc() || end != arg.data() + arg.size())) {
                    result.err += prefix + "printf: invalid number '" + arg + "'\n";
                    result.code = 1;
                }
                out += std::to_string(value);
            } else {
                out += arg;
            }
        }
        if (stop)
            break;
    } while (next < argv.size());
    result.out = out;
    return result;
}

// test / [ with the common operators; 2 and a message for malformed expressions, as busybox.
class Test {
public:
    Test(std::vector<std::string> args, std::string prefix)
        : m_args(std::move(args)), m_prefix(std::move(prefix)) {}

    AppletResult run() {
        if (m_args.empty())
            return {{}, {}, 1};
        const bool value = expression();
        if (m_bad.empty() && m_pos != m_args.size())
            m_bad = m_args[m_pos] + ": unknown operand";
        if (!m_bad.empty())
            return {{}, m_prefix + m_bad + "\n", 2};
        return {{}, {}, value ? 0 : 1};
    }

private:
    bool expression() {
        bool value = term();
        while (m_pos < m_args.size() && (m_args[m_pos] == "-a" || m_args[m_pos] == "-o")) {
            const bool isAnd = m_args[m_pos++] == "-a";
            const bool right = term();
            value = isAnd ? value && right : value || right;
        }
        return value;
    }

    bool term() {
        if (m_pos < m_args.size() && m_args[m_pos] == "!" && m_pos + 1 < m_args.size()) {
            ++m_pos;
            return !term();
        }
        if (m_pos + 2 < m_args.size() && isBinary(m_args[m_pos + 1])) {
            const auto& a = m_args[m_pos];
            const auto& op = m_args[m_pos + 1];
            const auto& b = m_args[m_pos + 2];
            m_pos += 3;
            if (op == "=" || op == "==")
                return a == b;
            if (op == "!=")
                return a != b;
            const long long x = number(a), y = number(b);
            return op == "-eq"   ? x == y
                   : op == "-ne" ? x != y
                   : op == "-lt" ? x < y
                   : op == "-le" ? x <= y
                   : op == "-gt" ? x > y
                                 : x >= y;
        }
        if (m_pos + 1 < m_args.size() && (m_args[m_pos] == "-n" || m_args[m_pos] == "-z")) {
            const bool empty = m_args[m_pos + 1].empty();
            const bool isZ = m_args[m_pos] == "-z";
            m_pos += 2;
            return isZ ? empty : !empty;
        }
        if (m_pos < m_args.size())
            return !m_args[m_pos++].empty();
        return false;
    }

    static bool isBinary(const std::string& op) {
        static const char* const ops[] = {"=",   "==",  "!=",  "-eq", "-ne",
                                          "-lt", "-le", "-gt", "-ge"};
        for (const char* candidate : ops)
            if (op == candidate)
                return true;
        return false;
    }

    long long number(const std::string& text) {
        long long value = 0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if ((error != std::errc() || end != text.data() + text.size()) && m_bad.empty())
            m_bad = text + ": bad number";
        return value;
    }

    std::vector<std::string> m_args;
    std::string m_prefix;
    std::string m_bad;
    std::size_t m_pos = 0;
};

} // namespace

std::optional<AppletResult> runApplet(const std::vector<std::string>& argv,
                                      const std::string& prefix) {
    if (argv.empty())
        return std::nullopt;
    const std::string& name = argv[0];
    if (name == "true" || name == ":")
        return AppletResult{};
    if (name == "false")
        return AppletResult{{}, {}, 1};
    if (name == "echo")
        return echo(argv);
    if (name == "printf")
        return printf(argv, prefix);
    if (name == "test")
        return Test({argv.begin() + 1, argv.end()}, prefix).run();
    if (name == "[") {
        if (argv.back() != "]" || argv.size() < 2)
            return AppletResult{{}, prefix + "missing ]\n", 2};
        return Test({argv.begin() + 1, argv.end() - 1}, prefix).run();
    }
    return std::nullopt;
}

} // namespace lab
