#include "docker/HumanSize.h"

#include <array>
#include <cstdio>

namespace lab::docker {

std::string humanSize(double bytes, int precision) {
    static constexpr std::array<const char*, 9> units = {"B",  "kB", "MB", "GB", "TB",
                                                         "PB", "EB", "ZB", "YB"};
    std::size_t unit = 0;
    while (bytes >= 1000.0 && unit + 1 < units.size()) {
        bytes /= 1000.0;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.*g%s", precision, bytes, units[unit]);
    return text;
}

} // namespace lab::docker
