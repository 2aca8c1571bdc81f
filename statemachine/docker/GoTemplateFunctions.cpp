#include "docker/GoTemplateFunctions.h"

#include "base/Limits.h"
#include "docker/DisplayWidth.h"
#include "docker/GoQuote.h"
#include "docker/GoTemplateTree.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <optional>

namespace lab::docker {
namespace {

using Kind = TemplateValue::Kind;

constexpr std::array kFunctions{
    "and", "eq",  "ge", "gt",  "index", "json",   "join",    "le",    "len",   "lower",    "lt",
    "ne",  "not", "or", "pad", "print", "printf", "println", "split", "title", "truncate", "upper"};

using Called = Expected<TemplateValue, TemplateCallError>;
using CallFailed = tl::unexpected<TemplateCallError>;

Called ok(TemplateValue v) {
    return v;
}
CallFailed callError(std::string message) {
    return CallFailed(TemplateCallError{std::move(message), true});
}
CallFailed plainError(std::string message) {
    return CallFailed(TemplateCallError{std::move(message), false});
}

std::string typeOf(const TemplateValue& v) {
    return v.typeName();
}

CallFailed wrongType(const std::string& expected, const TemplateValue& got) {
    return plainError("wrong type for value; expected " + expected + "; got " + typeOf(got));
}

std::optional<std::vector<std::string>> stringList(const TemplateValue& v) {
    if (v.kind() != Kind::List)
        return std::nullopt;
    std::vector<std::string> out;
    for (const TemplateValue& item : v.items()) {
        if (item.kind() != Kind::String)
            return std::nullopt;
        out.push_back(item.asString());
    }
    return out;
}

// Go's comparison rules for eq/ne/lt/...: basic kinds of the same kind only.
std::optional<std::string> incomparable(const TemplateValue& a, const TemplateValue& b,
                                        bool ordered) {
    const auto basic = [](Kind k) {
        return k == Kind::Bool || k == Kind::Int || k == Kind::String;
    };
    if (!ordered && a.kind() == Kind::Null && b.kind() == Kind::Null)
        return std::nullopt;
    if (!basic(a.kind()) || !basic(b.kind()) || (ordered && a.kind() == Kind::Bool))
        return std::string("invalid type for comparison");
    if (a.kind() != b.kind())
        return std::string("incompatible types for comparison");
    return std::nullopt;
}

bool less(const TemplateValue& a, const TemplateValue& b) {
    return a.kind() == Kind::Int ? a.asInt() < b.asInt() : a.asString() < b.asString();
}

std::string goTitle(const std::string& s) {
    std::string out = s;
    bool atWordStart = true;
    for (char& c : out) {
        const bool letter = std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
                            static_cast<unsigned char>(c) >= 0x80;
        if (letter && atWordStart)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        atWordStart = !letter;
    }
    return out;
}

std::string sprint(const std::vector<TemplateValue>& args, bool line) {
    std::string out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const bool strings =
            i > 0 && (args[i].kind() == Kind::String || args[i - 1].kind() == Kind::String);
        if (i > 0 && (line || !strings))
            out += ' ';
        out += args[i].print();
    }
    return line ? out + "\n" : out;
}

// docker's HeaderFunctions, or nothing when `name` is not one of them.
std::optional<Called> headerFunction(const std::string& name,
                                     const std::vector<TemplateValue>& args) {
    // pad keeps working on headers, so the header stays aligned with padded cells.
    static const std::array<std::pair<const char*, std::size_t>, 7> arity{{{"json", 1},
                                                                           {"split", 2},
                                                                           {"join", 2},
                                                                           {"title", 1},
                                                                           {"lower", 1},
                                                                           {"upper", 1},
                                                                           {"truncate", 2}}};
    for (const auto& [fn, count] : arity) {
        if (name != fn)
            continue;
        if (args.size() != count)
            return plainError("wrong number of args for " + name + ": want " +
                              std::to_string(count) + " got " + std::to_string(args.size()));
        return ok(args.front());
    }
    return std::nullopt;
}

} // namespace

bool isTemplateFunction(const std::string& name) {
    return std::find(kFunctions.begin(), kFunctions.end(), name) != kFunctions.end();
}

Called callTemplateFunction(const std::string& name, const std::vector<TemplateValue>& args,
                            bool header) {
    if (header) {
        if (std::optional<Called> called = headerFunction(name, args))
            return *called;
    }
    const auto arity = [&](std::size_t want) -> std::optional<CallFailed> {
        if (args.size() == want)
            return std::nullopt;
        return plainError("wrong number of args for " + name + ": want " + std::to_string(want) +
                          " got " + std::to_string(args.size()));
    };
    const auto atLeast = [&](std::size_t want) -> std::optional<CallFailed> {
        if (args.size() >= want)
            return std::nullopt;
        return plainError("wrong number of args for " + name + ": want at least " +
                          std::to_string(want) + " got " + std::to_string(args.size()));
    };
    if (name == "json") {
        if (auto e = arity(1))
            return *e;
        return ok(args[0].json());
    }
    if (name == "printf") {
        if (auto e = atLeast(1))
            return *e;
        if (args[0].kind() != Kind::String)
            return wrongType("string", args[0]);
        return ok(goSprintf(args[0].asString(), {args.begin() + 1, args.end()}));
    }
    if (name == "print" || name == "println")
        return ok(sprint(args, name == "println"));
    if (name == "len") {
        if (auto e = arity(1))
            return *e;
        switch (args[0].kind()) {
        case Kind::String:
            return ok(std::int64_t(args[0].asString().size()));
        case Kind::List:
            return ok(std::int64_t(args[0].items().size()));
        case Kind::Map:
            return ok(std::int64_t(args[0].entries().size()));
        default:
            return callError("len of type " + typeOf(args[0]));
        }
    }
    if (name == "index") {
        if (auto e = atLeast(1))
            return *e;
        TemplateValue current = args[0];
        for (std::size_t i = 1; i < args.size(); ++i) {
            const TemplateValue& key = args[i];
            if (current.kind() == Kind::Map && key.kind() == Kind::String) {
                const auto found = current.entries().find(key.asString());
                // A typed map[string]string answers "" for a missing key.
                current = found == current.entries().end() ? TemplateValue("") : found->second;
            } else if ((current.kind() == Kind::List || current.kind() == Kind::String) &&
                       key.kind() == Kind::Int) {
                const bool isString = current.kind() == Kind::String;
                const auto size =
                    std::int64_t(isString ? current.asString().size() : current.items().size());
                // Go checks x > len, then reflect panics on x == len.
                if (key.asInt() < 0 || key.asInt() > size)
                    return callError("index out of range: " + std::to_string(key.asInt()));
                if (key.asInt() == size)
                    return callError(isString ? "reflect: string index out of range"
                                              : "reflect: slice index out of range");
                const auto at = static_cast<std::size_t>(key.asInt());
                current = isString ? TemplateValue(std::int64_t(
                                         static_cast<unsigned char>(current.asString()[at])))
                                   : current.items()[at];
            } else if (current.kind() == Kind::Null) {
                return callError("index of untyped nil");
            } else {
                return callError("can't index item of type " + typeOf(current));
            }
        }
        return ok(current);
    }
    if (name == "not") {
        if (auto e = arity(1))
            return *e;
        return ok(!args[0].truthy());
    }
    if (name == "and" || name == "or") {
        if (auto e = atLeast(1))
            return *e;
        for (const TemplateValue& v : args)
            if (v.truthy() == (name == "or"))
                return ok(v);
        return ok(args.back());
    }
    if (name == "eq" || name == "ne") {
        if (auto e = atLeast(2))
            return *e;
        if (name == "ne" && args.size() != 2)
            return *arity(2);
        bool equal = false;
        for (std::size_t i = 1; i < args.size(); ++i) {
            if (auto why = incomparable(args[0], args[i], false))
                return callError(*why);
            equal = equal || args[0] == args[i];
        }
        return ok(name == "eq" ? equal : !equal);
    }
    if (name == "lt" || name == "le" || name == "gt" || name == "ge") {
        if (auto e = arity(2))
            return *e;
        if (auto why = incomparable(args[0], args[1], true))
            return callError(*why);
        const bool lt = less(args[0], args[1]), gt = less(args[1], args[0]);
        return ok(name == "lt" ? lt : name == "le" ? !gt : name == "gt" ? gt : !lt);
    }
    if (name == "lower" || name == "upper" || name == "title") {
        if (auto e = arity(1))
            return *e;
        if (args[0].kind() != Kind::String)
            return wrongType("string", args[0]);
        std::string s = args[0].asString();
        if (name == "title")
            return ok(goTitle(s));
        std::transform(s.begin(), s.end(), s.begin(), [&](unsigned char c) {
            return static_cast<char>(name == "lower" ? std::tolower(c) : std::toupper(c));
        });
        return ok(s);
    }
    if (name == "join") {
        if (auto e = arity(2))
            return *e;
        const auto list = stringList(args[0]);
        if (!list)
            return wrongType("[]string", args[0]);
        if (args[1].kind() != Kind::String)
            return wrongType("string", args[1]);
        std::string out;
        for (std::size_t i = 0; i < list->size(); ++i)
            out += (i ? args[1].asString() : "") + (*list)[i];
        return ok(out);
    }
    if (name == "split") {
        if (auto e = arity(2))
            return *e;
        if (args[0].kind() != Kind::String)
            return wrongType("string", args[0]);
        if (args[1].kind() != Kind::String)
            return wrongType("string", args[1]);
        const std::string& s = args[0].asString();
        const std::string& sep = args[1].asString();
        std::vector<TemplateValue> parts;
        if (sep.empty()) {
            for (char32_t c : decodeUtf8(s)) {
                std::string one;
                appendUtf8(one, c);
                parts.emplace_back(one);
            }
        } else {
            std::size_t start = 0;
            for (std::size_t at; (at = s.find(sep, start)) != std::string::npos;
                 start = at + sep.size())
                parts.emplace_back(s.substr(start, at - start));
            parts.emplace_back(s.substr(start));
        }
        return ok(TemplateValue::list(std::move(parts)));
    }
    if (name == "pad") {
        if (auto e = arity(3))
            return *e;
        if (args[0].kind() != Kind::String)
            return wrongType("string", args[0]);
        if (args[1].kind() != Kind::Int || args[2].kind() != Kind::Int)
            return wrongType("int", args[1].kind() != Kind::Int ? args[1] : args[2]);
        if (args[0].asString().empty())
            return ok("");
        const auto spaces = [](std::int64_t n) { return std::max<std::int64_t>(0, n); };
        const std::uint64_t size = args[0].asString().size() +
                                   std::uint64_t(spaces(args[1].asInt())) +
                                   std::uint64_t(spaces(args[2].asInt()));
        if (size > limits::kOutputBytes)
            return callError(limits::beyond("padding too wide", limits::kOutputBytes));
        return ok(std::string(std::size_t(spaces(args[1].asInt())), ' ') + args[0].asString() +
                  std::string(std::size_t(spaces(args[2].asInt())), ' '));
    }
    if (name == "truncate") {
        if (auto e = arity(2))
            return *e;
        if (args[0].kind() != Kind::String)
            return wrongType("string", args[0]);
        if (args[1].kind() != Kind::Int)
            return wrongType("int", args[1]);
        const std::string& s = args[0].asString();
        const auto n = std::size_t(std::max<std::int64_t>(0, args[1].asInt()));
        return ok(s.size() < n ? s : s.substr(0, n));
    }
    return plainError("function \"" + name + "\" not defined");
}

} // namespace lab::docker
