#include "docker/HumanSize.h"

#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace lab::docker {

namespace {

using Units = std::array<const char*, 9>;

// go-units CustomSize: divide by base while it reaches base, print with precision digits.
std::string customSize(double bytes, int precision, double base, const Units& units) {
    std::size_t unit = 0;
    while (bytes >= base && unit + 1 < units.size()) {
        bytes /= base;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.*g%s", precision, bytes, units[unit]);
    return text;
}

} // namespace

std::string humanSize(double bytes, int precision) {
    static constexpr Units units = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    return customSize(bytes, precision, 1000.0, units);
}

std::string bytesSize(double bytes) {
    static constexpr Units units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
    return customSize(bytes, 4, 1024.0, units);
}

Expected<std::int64_t> ramInBytes(std::string_view text) {
    const Error invalid{"invalid size: '" + std::string(text) + "'"};
    // ^(\d+(\.\d+)?) ?([kKmMgGtTpP])?[iI]?[bB]?$ (go-units allows more dots, then fails to
    // parse the number)
    std::size_t at = 0;
    const auto digits = [&] {
        const std::size_t from = at;
        while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])))
            ++at;
        return at > from;
    };
    if (!digits())
        return invalid;
    std::size_t numberEnd = at;
    if (at < text.size() && text[at] == '.') {
        ++at;
        if (!digits())
            return invalid;
        numberEnd = at;
    }
    if (at < text.size() && text[at] == ' ')
        ++at;
    static constexpr std::string_view kUnits = "kmgtp";
    int power = 0;
    if (at < text.size()) {
        const std::size_t unit =
            kUnits.find(char(std::tolower(static_cast<unsigned char>(text[at]))));
        if (unit != std::string_view::npos) {
            power = int(unit) + 1;
            ++at;
        }
    }
    if (at < text.size() && std::tolower(static_cast<unsigned char>(text[at])) == 'i')
        ++at;
    if (at < text.size() && std::tolower(static_cast<unsigned char>(text[at])) == 'b')
        ++at;
    if (at != text.size())
        return invalid;
    // go-units parses the number as a float64 and truncates the product.
    const double bytes = std::strtod(std::string(text.substr(0, numberEnd)).c_str(), nullptr) *
                         std::pow(1024.0, power);
    if (bytes >= double(std::numeric_limits<std::int64_t>::max()))
        return invalid;
    return std::int64_t(bytes);
}

} // namespace lab::docker
