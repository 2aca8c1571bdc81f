// goSprintf (declared in GoTemplateFunctions.h): the part of Go's fmt that template users
// reach through printf.
#include "base/Limits.h"
#include "docker/DisplayWidth.h"
#include "docker/GoQuote.h"
#include "docker/GoTemplateFunctions.h"

#include <cstdio>
#include <optional>

namespace lab::docker {
namespace {

using Kind = TemplateValue::Kind;

struct Spec {
    bool minus = false, plus = false, zero = false, sharp = false, space = false;
    int width = -1;
    int precision = -1;
};

std::size_t runeCount(const std::string& s) {
    return decodeUtf8(s).size();
}

std::string pad(std::string text, const Spec& spec, bool numeric) {
    if (spec.width < 0 || runeCount(text) >= std::size_t(spec.width))
        return text;
    const std::size_t fill = std::size_t(spec.width) - runeCount(text);
    if (spec.minus)
        return text + std::string(fill, ' ');
    if (spec.zero && numeric) {
        const bool sign = !text.empty() && (text[0] == '-' || text[0] == '+');
        return (sign ? text.substr(0, 1) : "") + std::string(fill, '0') + text.substr(sign ? 1 : 0);
    }
    return std::string(fill, ' ') + text;
}

std::string badVerb(char verb, const TemplateValue& v) {
    if (v.kind() == Kind::Null)
        return std::string("%!") + verb + "(<nil>)";
    return std::string("%!") + verb + "(" + v.typeName() + "=" + v.print() + ")";
}

std::string hex(const TemplateValue& v, bool upper) {
    const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string out;
    if (v.kind() == Kind::String) {
        for (unsigned char c : v.asString()) {
            out += digits[c >> 4];
            out += digits[c & 15];
        }
        return out;
    }
    std::int64_t n = v.asInt();
    const bool negative = n < 0;
    auto magnitude = negative ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
    do {
        out.insert(out.begin(), digits[magnitude % 16]);
        magnitude /= 16;
    } while (magnitude);
    return negative ? "-" + out : out;
}

// One verb applied to one value, or Go's complaint about the pairing.
std::string format(char verb, const Spec& spec, const TemplateValue& v) {
    switch (verb) {
    case 'v':
        return pad(v.print(), spec, false);
    case 's':
        if (v.kind() == Kind::Int || v.kind() == Kind::Bool || v.kind() == Kind::Null)
            return badVerb(verb, v);
        if (v.kind() == Kind::String && spec.precision >= 0) {
            const auto runes = decodeUtf8(v.asString());
            std::string cut;
            for (std::size_t i = 0; i < runes.size() && i < std::size_t(spec.precision); ++i)
                appendUtf8(cut, runes[i]);
            return pad(cut, spec, false);
        }
        return pad(v.print(), spec, false);
    case 'd':
        if (v.kind() != Kind::Int)
            return badVerb(verb, v);
        return pad((spec.plus && v.asInt() >= 0 ? "+" : "") + std::to_string(v.asInt()), spec,
                   true);
    case 'q':
        if (v.kind() != Kind::String)
            return badVerb(verb, v);
        return pad(goQuote(v.asString()), spec, false);
    case 't':
        if (v.kind() != Kind::Bool)
            return badVerb(verb, v);
        return pad(v.print(), spec, false);
    case 'x':
    case 'X':
        if (v.kind() != Kind::Int && v.kind() != Kind::String)
            return badVerb(verb, v);
        return pad(hex(v, verb == 'X'), spec, v.kind() == Kind::Int);
    default:
        return badVerb(verb, v);
    }
}

} // namespace

std::string goSprintf(const std::string& f, const std::vector<TemplateValue>& args) {
    std::string out;
    std::size_t next = 0;
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (f[i] != '%') {
            out += f[i];
            continue;
        }
        Spec spec;
        for (++i; i < f.size(); ++i) {
            const char c = f[i];
            if (c == '-')
                spec.minus = true;
            else if (c == '+')
                spec.plus = true;
            else if (c == '0')
                spec.zero = !spec.minus;
            else if (c == '#')
                spec.sharp = true;
            else if (c == ' ')
                spec.space = true;
            else
                break;
        }
        // Go's parsenum: a number past fmt's tooLarge bound swallows the rest of the format.
        const auto number = [&]() -> std::optional<int> {
            std::optional<int> n;
            for (; i < f.size() && f[i] >= '0' && f[i] <= '9'; ++i) {
                if (n && *n > limits::kFormatWidth) {
                    i = f.size();
                    return std::nullopt;
                }
                n = n.value_or(0) * 10 + (f[i] - '0');
            }
            return n;
        };
        // Go's intFromArg: a * takes an int argument within the same bound.
        const auto fromArg = [&]() -> std::optional<int> {
            if (next >= args.size())
                return std::nullopt;
            const TemplateValue& arg = args[next++];
            if (arg.kind() != Kind::Int || arg.asInt() > limits::kFormatWidth ||
                arg.asInt() < -limits::kFormatWidth)
                return std::nullopt;
            return int(arg.asInt());
        };
        if (i < f.size() && f[i] == '*') {
            ++i;
            const auto width = fromArg();
            if (!width)
                out += "%!(BADWIDTH)";
            spec.width = width.value_or(-1);
            if (width && *width < 0) {
                spec.width = -*width;
                spec.minus = true;
                spec.zero = false;
            }
        } else {
            spec.width = number().value_or(-1);
        }
        if (i + 1 < f.size() && f[i] == '.') {
            ++i;
            if (f[i] == '*') {
                ++i;
                const auto precision = fromArg();
                if (!precision || *precision < 0)
                    out += "%!(BADPREC)";
                spec.precision = precision && *precision >= 0 ? *precision : -1;
            } else {
                spec.precision = number().value_or(0);
            }
        }
        if (i >= f.size()) {
            out += "%!(NOVERB)";
            break;
        }
        const char verb = f[i];
        if (verb == '%') {
            out += '%';
            continue;
        }
        if (next >= args.size()) {
            out += std::string("%!") + verb + "(MISSING)";
            continue;
        }
        out += format(verb, spec, args[next++]);
    }
    if (next < args.size()) {
        out += "%!(EXTRA ";
        for (std::size_t k = next; k < args.size(); ++k)
            out += (k > next ? ", " : "") + args[k].typeName() + "=" + args[k].print();
        out += ")";
    }
    return out;
}

} // namespace lab::docker
