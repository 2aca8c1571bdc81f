#pragma once
// Lists of every enumerator of an enum, so that tables indexed by the enum are sized by the list,
// never by "the last enumerator". C++17-compatible: the MSM translation units include it.

#include <array>
#include <cstddef>

namespace lab {

/// True when all lists every enumerator of its enum from 0, in declaration order. (An
/// enumerator left out at the end is caught by the tests: its name is then not "unknown".)
template <class Enum, std::size_t N>
constexpr bool isEveryEnumerator(const std::array<Enum, N>& all) {
    for (std::size_t i = 0; i < N; ++i)
        if (static_cast<std::size_t>(all[i]) != i)
            return false;
    return true;
}

} // namespace lab
