#pragma once
// go-units HumanSizeWithPrecision(size, 3): decimal units, three significant digits ("1.98MB").

#include <string>

namespace lab::docker {

/// "0B", "13kB", "1.98MB", "171MB": how docker ps and docker images print sizes.
std::string humanSize(double bytes, int precision = 3);

} // namespace lab::docker
