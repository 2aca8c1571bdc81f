#pragma once
// go-units HumanSizeWithPrecision(size, 3): decimal units, three significant digits ("1.98MB"),
// and BytesSize: binary units, four significant digits ("1.5MiB", docker stats).

#include "base/Expected.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace lab::docker {

/// "0B", "13kB", "1.98MB", "171MB": how docker ps and docker images print sizes.
std::string humanSize(double bytes, int precision = 3);
/// "0B", "512KiB", "7.771GiB": how docker stats prints memory (go-units BytesSize).
std::string bytesSize(double bytes);
/// go-units RAMInBytes: "64m", "1.5g", "100MiB", "6291456" (binary multiples, case ignored);
/// anything else is "invalid size: 'TEXT'".
Expected<std::int64_t> ramInBytes(std::string_view text);

} // namespace lab::docker
