// World files (docs/WORLD.md): any bytes, loaded as the console's --world would.
#include "session/WorldFile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)lab::loadWorldJson(
        QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)),
        QStringLiteral("fuzz.json"));
    return 0;
}
