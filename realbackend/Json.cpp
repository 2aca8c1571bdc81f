#include "Json.h"

#include <cstdlib>

namespace lab::real {
namespace {

struct Parser {
    const std::string& text;
    std::size_t at = 0;
    std::string error;

    void skipSpace() {
        while (at < text.size() &&
               (text[at] == ' ' || text[at] == '\n' || text[at] == '\r' || text[at] == '\t'))
            ++at;
    }
    bool fail(const std::string& what) {
        if (error.empty())
            error = what + " at offset " + std::to_string(at);
        return false;
    }
    bool literal(const char* word) {
        const std::string expected(word);
        if (text.compare(at, expected.size(), expected) != 0)
            return fail("expected " + expected);
        at += expected.size();
        return true;
    }
    static void appendUtf8(std::string& out, unsigned code) {
        if (code < 0x80) {
            out += char(code);
        } else if (code < 0x800) {
            out += char(0xC0 | (code >> 6));
            out += char(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += char(0xE0 | (code >> 12));
            out += char(0x80 | ((code >> 6) & 0x3F));
            out += char(0x80 | (code & 0x3F));
        } else {
            out += char(0xF0 | (code >> 18));
            out += char(0x80 | ((code >> 12) & 0x3F));
            out += char(0x80 | ((code >> 6) & 0x3F));
            out += char(0x80 | (code & 0x3F));
        }
    }
    bool hex4(unsigned& code) {
        if (at + 4 > text.size())
            return fail("short \\u escape");
        char* end = nullptr;
        const std::string digits = text.substr(at, 4);
        code = unsigned(std::strtoul(digits.c_str(), &end, 16));
        if (end != digits.c_str() + 4)
            return fail("bad \\u escape");
        at += 4;
        return true;
    }
    bool string(std::string& out) {
        ++at; // the opening quote
        while (at < text.size() && text[at] != '"') {
            const char c = text[at++];
            if (c != '\\') {
                out += c;
                continue;
            }
            if (at >= text.size())
                break;
            const char escaped = text[at++];
            switch (escaped) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'u': {
                unsigned code = 0;
                if (!hex4(code))
                    return false;
                if (code >= 0xD800 && code < 0xDC00 && text.compare(at, 2, "\\u") == 0) {
                    at += 2;
                    unsigned low = 0;
                    if (!hex4(low))
                        return false;
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                }
                appendUtf8(out, code);
                break;
            }
            default:
                out += escaped; // \" \\ \/
            }
        }
        if (at >= text.size())
            return fail("unterminated string");
        ++at;
        return true;
    }
    // The elements of an array or the members of an object, after the opening bracket: each
    // read by element, separated by commas, up to close.
    template <typename Element> bool sequence(char close, Element&& element) {
        skipSpace();
        if (at < text.size() && text[at] == close) {
            ++at;
            return true;
        }
        for (;;) {
            if (!element())
                return false;
            skipSpace();
            if (at < text.size() && text[at] == ',') {
                ++at;
                continue;
            }
            if (at < text.size() && text[at] == close) {
                ++at;
                return true;
            }
            return fail(std::string("expected ',' or '") + close + "'");
        }
    }
    bool value(JsonValue& out, int depth) {
        if (depth > 64)
            return fail("nested too deep");
        skipSpace();
        if (at >= text.size())
            return fail("unexpected end");
        const char c = text[at];
        if (c == '{') {
            ++at;
            JsonValue::Object object;
            if (!sequence('}', [&] {
                    skipSpace();
                    std::string name;
                    if (at >= text.size() || text[at] != '"' || !string(name))
                        return fail("expected a member name");
                    skipSpace();
                    if (at >= text.size() || text[at++] != ':')
                        return fail("expected ':'");
                    return value(object[name], depth + 1);
                }))
                return false;
            out.content = std::move(object);
            return true;
        }
        if (c == '[') {
            ++at;
            JsonValue::Array array;
            if (!sequence(']', [&] { return value(array.emplace_back(), depth + 1); }))
                return false;
            out.content = std::move(array);
            return true;
        }
        if (c == '"') {
            std::string s;
            if (!string(s))
                return false;
            out.content = std::move(s);
            return true;
        }
        if (c == 't' || c == 'f') {
            out.content = c == 't';
            return literal(c == 't' ? "true" : "false");
        }
        if (c == 'n') {
            out.content = nullptr;
            return literal("null");
        }
        char* end = nullptr;
        const double number = std::strtod(text.c_str() + at, &end);
        if (end == text.c_str() + at)
            return fail("unexpected character");
        at = std::size_t(end - text.c_str());
        out.content = number;
        return true;
    }
};

} // namespace

const JsonValue& JsonValue::operator[](const std::string& name) const {
    static const JsonValue none;
    const auto* object = std::get_if<Object>(&content);
    if (!object)
        return none;
    auto found = object->find(name);
    return found == object->end() ? none : found->second;
}

std::string JsonValue::string() const {
    const auto* text = std::get_if<std::string>(&content);
    return text ? *text : std::string();
}

const JsonValue::Array& JsonValue::array() const {
    static const Array none;
    const auto* elements = std::get_if<Array>(&content);
    return elements ? *elements : none;
}

std::vector<std::string> JsonValue::strings() const {
    std::vector<std::string> out;
    for (const JsonValue& element : array())
        out.push_back(element.string());
    return out;
}

double JsonValue::number(double fallback) const {
    const auto* value = std::get_if<double>(&content);
    return value ? *value : fallback;
}

Expected<JsonValue> parseJson(const std::string& text) {
    Parser parser{text};
    Expected<JsonValue> parsed{JsonValue{}};
    if (!parser.value(*parsed, 0))
        return Error{"JSON: " + parser.error};
    parser.skipSpace();
    if (parser.at != text.size())
        return Error{"JSON: trailing text at offset " + std::to_string(parser.at)};
    return parsed;
}

} // namespace lab::real
