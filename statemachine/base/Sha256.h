#pragma once
// SHA-256, so that simulated image IDs and layer digests are real content hashes: the same world
// always gives the same IDs, and they look and behave like Docker's; and so that the real
// backend can check an OCI blob against its digest.

#include <string>
#include <string_view>

namespace lab {

/// The SHA-256 of data as 64 lowercase hex digits.
std::string sha256Hex(std::string_view data);

} // namespace lab
