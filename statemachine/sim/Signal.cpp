#include "sim/Signal.h"

#include "docker/Signals.h"

namespace lab {

DefaultAction defaultAction(int signal) {
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

// The names are docker's table (docker/Signals.h): one list of Linux signals in the project.
std::optional<int> signalNumber(std::string_view name) {
    const auto number = docker::parseSignal(name);
    if (!number || !docker::checkLinuxSignal(*number).has_value())
        return std::nullopt;
    return static_cast<int>(*number);
}

std::string signalName(int signal) {
    const std::string name = docker::signalName(signal);
    return name.empty() ? std::to_string(signal) : name;
}

} // namespace lab
