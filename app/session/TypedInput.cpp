#include "session/TypedInput.h"

#include <array>
#include <utility>

namespace lab {
namespace {

constexpr std::array kKeys{
    std::pair{TypedInput::Kind::Interrupt, std::string_view("ctrl-c")},
    std::pair{TypedInput::Kind::EndOfInput, std::string_view("ctrl-d")},
    std::pair{TypedInput::Kind::Detach, std::string_view("ctrl-p ctrl-q")},
};

} // namespace

std::string_view keysName(TypedInput::Kind kind) {
    for (const auto& [each, name] : kKeys)
        if (each == kind)
            return name;
    return {};
}

std::optional<TypedInput::Kind> keysKind(std::string_view name) {
    for (const auto& [kind, each] : kKeys)
        if (each == name)
            return kind;
    return std::nullopt;
}

} // namespace lab
