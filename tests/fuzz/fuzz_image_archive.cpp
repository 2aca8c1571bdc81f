// Image archives (docker load, docker import): any bytes, read and checked as the engine does.
#include "engine/ImageArchive.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    (void)lab::readImageArchive(bytes);
    (void)lab::importRootfs(bytes, lab::TimePoint{});
    return 0;
}
