#include "sim/Signal.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace lab {
namespace {

// Index = signal number; 32 and 33 are glibc-internal and have no name.
constexpr std::array<std::string_view, 32> kNames = {
    "",     "HUP",  "INT",    "QUIT", "ILL",  "TRAP", "ABRT", "BUS",  "FPE",  "KILL", "USR1",
    "SEGV", "USR2", "PIPE",   "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN",
    "TTOU", "URG",  "XCPU",   "XFSZ", "VTALRM", "PROF", "WINCH", "IO",  "PWR",  "SYS"};

constexpr int kMaxSignal = 64;

} // namespace

DefaultAction defaultAction(int signal)
{
    switch (signal) {
    case sig::CHLD:
    case sig::CONT:
    case 23: // URG
    case sig::WINCH:
        return DefaultAction::Ignore;
    case sig::STOP:
    case 20: // TSTP
    case 21: // TTIN
    case 22: // TTOU
        return DefaultAction::Stop;
    default:
        return DefaultAction::Terminate;
    }
}

std::optional<int> signalNumber(std::string_view name)
{
    int number = 0;
    auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), number);
    if (error == std::errc() && end == name.data() + name.size())
        return number >= 1 && number <= kMaxSignal ? std::optional<int>(number) : std::nullopt;

    std::string upper(name);
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    std::string_view bare = upper;
    if (bare.substr(0, 3) == "SIG")
        bare.remove_prefix(3);
    if (bare == "IOT")
        return 6;
    if (bare == "POLL")
        return 29;
    for (std::size_t i = 1; i < kNames.size(); ++i)
        if (kNames[i] == bare)
            return static_cast<int>(i);
    return std::nullopt;
}

std::string signalName(int signal)
{
    if (signal > 0 && signal < static_cast<int>(kNames.size()))
        return std::string(kNames[static_cast<std::size_t>(signal)]);
    return std::to_string(signal);
}

} // namespace lab
