#include "cli/Flags.h"

#include "docker/HumanSize.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>

namespace lab::cli {
namespace {

// How a boolean flag given as false (--rm=false) is remembered: no value a user can type.
const std::string kGivenFalse = "\x01"
                                "false";

const FlagSpec* byName(const std::vector<FlagSpec>& specs, const std::string& name) {
    auto found =
        std::find_if(specs.begin(), specs.end(), [&](const FlagSpec& s) { return s.name == name; });
    return found == specs.end() ? nullptr : &*found;
}

const FlagSpec* byShorthand(const std::vector<FlagSpec>& specs, char shorthand) {
    auto found = std::find_if(specs.begin(), specs.end(),
                              [&](const FlagSpec& s) { return s.shorthand == shorthand; });
    return found == specs.end() ? nullptr : &*found;
}

// pflag names a flag in its errors as "-t, --timeout" or "--name".
std::string described(const FlagSpec& spec) {
    return spec.shorthand ? std::string("-") + spec.shorthand + ", --" + spec.name
                          : "--" + spec.name;
}

// docker's NanoCPUs.Set: the number as a rational, times 10^9, which must be whole.
Expected<std::int64_t> parseNanoCpus(const std::string& value) {
    const Error invalid{"failed to parse " + value + " as a rational number"};
    std::size_t at = value.starts_with('-') ? 1 : 0;
    const std::size_t dot = value.find('.');
    const std::string whole = value.substr(at, dot == std::string::npos ? dot : dot - at);
    const std::string fraction = dot == std::string::npos ? "" : value.substr(dot + 1);
    const auto allDigits = [](const std::string& text) {
        return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if ((whole.empty() && fraction.empty()) || !allDigits(whole) || !allDigits(fraction) ||
        whole.size() > 9)
        return invalid;
    constexpr std::size_t kDigits = 9;
    if (fraction.size() > kDigits && fraction.find_first_not_of('0', kDigits) != std::string::npos)
        return Error{"value is too precise"};
    const std::string nanos = (fraction + std::string(kDigits, '0')).substr(0, kDigits);
    const std::int64_t magnitude =
        std::stoll(whole.empty() ? "0" : whole) * 1'000'000'000 + std::stoll(nanos);
    return at ? -magnitude : magnitude;
}

// docker's MemBytes, and MemSwapBytes, which also takes -1 (unlimited swap).
Expected<std::int64_t> parseBytes(const std::string& value, bool minusOne) {
    if (minusOne && value == "-1")
        return -1;
    return docker::ramInBytes(value);
}

Expected<std::int64_t> parseScaled(const FlagSpec& spec, const std::string& value) {
    return spec.kind == FlagKind::NanoCpus ? parseNanoCpus(value)
                                           : parseBytes(value, spec.name == "memory-swap");
}

// Go's strconv.ParseBool and ParseInt (base 0), with their error texts.
Status checkValue(const FlagSpec& spec, const std::string& value) {
    if (spec.kind == FlagKind::Bool) {
        static const std::vector<std::string> accepted = {"1", "t", "T", "TRUE",  "true",  "True",
                                                          "0", "f", "F", "FALSE", "false", "False"};
        if (std::find(accepted.begin(), accepted.end(), value) == accepted.end())
            return Error{"invalid argument \"" + value + "\" for \"" + described(spec) +
                         "\" flag: strconv.ParseBool: parsing \"" + value + "\": invalid syntax"};
    }
    if (spec.kind == FlagKind::FilterList && value.find('=') == std::string::npos)
        return Error{"invalid argument \"" + value + "\" for \"" + described(spec) +
                     "\" flag: bad format of filter (expected name=value)"};
    if (spec.kind == FlagKind::Bytes || spec.kind == FlagKind::NanoCpus) {
        if (auto scaled = parseScaled(spec, value); !scaled)
            return Error{"invalid argument \"" + value + "\" for \"" + described(spec) +
                         "\" flag: " + scaled.error().message};
    }
    if (spec.kind == FlagKind::Int) {
        char* end = nullptr;
        errno = 0;
        std::strtoll(value.c_str(), &end, 0);
        if (value.empty() || *end != '\0' || errno == ERANGE)
            return Error{"invalid argument \"" + value + "\" for \"" + described(spec) +
                         "\" flag: strconv.ParseInt: parsing \"" + value +
                         "\": " + (errno == ERANGE ? "value out of range" : "invalid syntax")};
    }
    return Ok{};
}

bool isTrue(const std::string& value) {
    return value == "1" || value == "t" || value == "T" || value == "TRUE" || value == "true" ||
           value == "True";
}

} // namespace

bool ParsedFlags::isSet(const std::string& name) const {
    auto found = m_values.find(name);
    return found != m_values.end() && !found->second.empty() && found->second.back() != kGivenFalse;
}

std::optional<std::string> ParsedFlags::value(const std::string& name) const {
    auto found = m_values.find(name);
    if (found == m_values.end() || found->second.empty())
        return std::nullopt;
    return found->second.back();
}

long long ParsedFlags::intValue(const std::string& name, long long fallback) const {
    const auto text = value(name);
    return text ? std::strtoll(text->c_str(), nullptr, 0) : fallback;
}

int ParsedFlags::secondsValue(const std::string& name, int fallback) const {
    return int(std::clamp<long long>(intValue(name, fallback), INT_MIN, INT_MAX));
}

std::int64_t ParsedFlags::bytesValue(const std::string& name) const {
    const auto text = value(name);
    return text ? parseBytes(*text, true).value_or(0) : 0;
}

std::int64_t ParsedFlags::nanoCpusValue(const std::string& name) const {
    const auto text = value(name);
    return text ? parseNanoCpus(*text).value_or(0) : 0;
}

std::vector<std::string> ParsedFlags::values(const std::string& name) const {
    auto found = m_values.find(name);
    return found == m_values.end() ? std::vector<std::string>{} : found->second;
}

FilterArgs filterArgs(const ParsedFlags& flags, const std::string& name) {
    FilterArgs args;
    for (const std::string& filter : flags.values(name)) {
        const auto equals = filter.find('=');
        args[filter.substr(0, equals)].push_back(filter.substr(equals + 1));
    }
    return args;
}

Expected<ParsedFlags> parseFlags(const std::vector<std::string>& args,
                                 const std::vector<FlagSpec>& specs, bool interspersed) {
    ParsedFlags parsed;
    auto record = [&](const FlagSpec& spec, const std::string& value) -> Status {
        if (auto valid = checkValue(spec, value); !valid)
            return valid;
        // A boolean set to false is remembered as such, so isSet() answers false.
        parsed.add(spec.name, spec.kind == FlagKind::Bool && !isTrue(value) ? kGivenFalse : value);
        return Ok{};
    };

    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--") {
            parsed.arguments.insert(parsed.arguments.end(), args.begin() + i + 1, args.end());
            break;
        }
        if (arg.size() < 2 || arg[0] != '-') {
            if (!interspersed) {
                parsed.arguments.insert(parsed.arguments.end(), args.begin() + i, args.end());
                break;
            }
            parsed.arguments.push_back(arg);
            continue;
        }
        if (arg[1] == '-') {
            const auto equals = arg.find('=');
            const std::string name =
                arg.substr(2, equals == std::string::npos ? std::string::npos : equals - 2);
            const FlagSpec* spec = byName(specs, name);
            if (!spec)
                return Error{"unknown flag: --" + name};
            std::string value;
            if (equals != std::string::npos)
                value = arg.substr(equals + 1);
            else if (spec->kind == FlagKind::Bool)
                value = "true";
            else if (i + 1 < args.size())
                value = args[++i];
            else
                return Error{"flag needs an argument: --" + name};
            if (auto ok = record(*spec, value); !ok)
                return ok.error();
            continue;
        }
        // Shorthands: booleans may be bundled; a value flag takes the rest or the next word.
        for (std::size_t at = 1; at < arg.size(); ++at) {
            const FlagSpec* spec = byShorthand(specs, arg[at]);
            if (!spec)
                return Error{std::string("unknown shorthand flag: '") + arg[at] + "' in " + arg};
            std::string value;
            const std::string rest = arg.substr(at + 1);
            if (spec->kind == FlagKind::Bool) {
                if (!rest.empty() && rest[0] == '=') {
                    value = rest.substr(1);
                    at = arg.size();
                } else {
                    value = "true";
                }
            } else {
                if (!rest.empty())
                    value = rest[0] == '=' ? rest.substr(1) : rest;
                else if (i + 1 < args.size())
                    value = args[++i];
                else
                    return Error{std::string("flag needs an argument: '") + arg[at] + "' in -" +
                                 arg[at]};
                at = arg.size();
            }
            if (auto ok = record(*spec, value); !ok)
                return ok.error();
        }
    }
    return parsed;
}

} // namespace lab::cli
