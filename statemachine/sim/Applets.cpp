#include "sim/Applets.h"

#include "base/Limits.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <climits>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>

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

// printf FORMAT [ARG...]: %[flags][width][.precision] with d i o u x X c s (anything else
// prints its argument as %s), * taking a width or precision from the arguments, and escapes.
// The format is reused while arguments remain, as long as it takes some.
class Printf {
public:
    Printf(const std::vector<std::string>& argv, const std::string& prefix)
        : m_argv(argv), m_prefix(prefix) {}

    AppletResult run() {
        bool stop = false;
        const std::string format = unescape(m_argv[1], stop);
        while (true) {
            const std::size_t before = m_next;
            if (!once(format) || stop || m_next == before || m_next >= m_argv.size())
                break;
        }
        return m_result;
    }

private:
    std::string nextArg() { return m_next < m_argv.size() ? m_argv[m_next++] : ""; }

    long long number(const std::string& arg) {
        long long value = 0;
        auto [end, error] = std::from_chars(arg.data(), arg.data() + arg.size(), value);
        if (!arg.empty() && (error != std::errc() || end != arg.data() + arg.size())) {
            m_result.err += m_prefix + "invalid number '" + arg + "'\n";
            m_result.code = 1;
        }
        return value;
    }

    bool refuse(const std::string& message) {
        m_result.err += m_prefix + message + "\n";
        m_result.code = 1;
        return false;
    }

    // A width or precision: digits, or * for the next argument.
    std::optional<long long> field(const std::string& format, std::size_t& i) {
        long long value = 0;
        if (i < format.size() && format[i] == '*') {
            ++i;
            value = number(nextArg());
        } else {
            for (; i < format.size() && std::isdigit(static_cast<unsigned char>(format[i])); ++i)
                if (__builtin_mul_overflow(value, 10, &value) ||
                    __builtin_add_overflow(value, format[i] - '0', &value))
                    value = LLONG_MAX;
        }
        if (value > limits::kFormatWidth || value < -limits::kFormatWidth) {
            refuse(limits::beyond("width or precision " + std::to_string(value) + " too large",
                                  limits::kFormatWidth));
            return std::nullopt;
        }
        return value;
    }

    bool once(const std::string& format) {
        for (std::size_t i = 0; i < format.size(); ++i) {
            if (format[i] != '%' || i + 1 == format.size()) {
                m_result.out += format[i];
                continue;
            }
            const std::size_t start = i++;
            if (format[i] == '%') {
                m_result.out += '%';
                continue;
            }
            std::string flags;
            for (; i < format.size() &&
                   std::string_view("-+ #0").find(format[i]) != std::string_view::npos;
                 ++i)
                flags += format[i];
            const auto width = field(format, i);
            std::optional<long long> precision = -1;
            if (width && i < format.size() && format[i] == '.')
                precision = field(format, ++i);
            if (!width || !precision)
                return false;
            if (i == format.size())
                return refuse(format.substr(start) + ": invalid format");
            if (!convert(format[i], flags, int(*width), int(*precision)))
                return false;
        }
        return true;
    }

    bool convert(char conversion, const std::string& flags, int width, int precision) {
        const std::string arg = nextArg();
        std::string spec = "%" + flags + "*.*";
        std::string text;
        if (conversion == 'd' || conversion == 'i') {
            text = formatted(spec + "lld", width, precision, number(arg));
        } else if (std::string_view("ouxX").find(conversion) != std::string_view::npos) {
            text = formatted(spec + "ll" + conversion, width, precision,
                             static_cast<unsigned long long>(number(arg)));
        } else {
            const std::string value = conversion == 'c' ? arg.substr(0, 1) : arg;
            text = formatted(spec + "s", width, precision, value.c_str());
        }
        if (m_result.out.size() + text.size() > limits::kOutputBytes)
            return refuse(limits::beyond("output too large", limits::kOutputBytes));
        m_result.out += text;
        return true;
    }

    template <typename T>
    static std::string formatted(const std::string& spec, int width, int precision, T value) {
        const int size = std::snprintf(nullptr, 0, spec.c_str(), width, precision, value);
        std::string text(static_cast<std::size_t>(std::max(size, 0)) + 1, '\0');
        std::snprintf(text.data(), text.size(), spec.c_str(), width, precision, value);
        text.pop_back();
        return text;
    }

    const std::vector<std::string>& m_argv;
    const std::string& m_prefix;
    std::size_t m_next = 2;
    AppletResult m_result;
};

AppletResult printf(const std::vector<std::string>& argv, const std::string& prefix) {
    if (argv.size() < 2)
        return {{}, prefix + "printf: usage: printf FORMAT [ARGUMENT...]\n", 1};
    return Printf(argv, prefix).run();
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
