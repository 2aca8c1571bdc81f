#pragma once
// What the daemon starts with, on either backend: local images and what each registry serves. The
// JSON form is documented in docs/WORLD.md and read in app/ (Qt's JSON reader); this is the checked
// in-memory form the engine takes.

#include "base/Time.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lab {

/// One layer of an image.
struct LayerSpec {
    std::int64_t size = 1'000'000; ///< bytes
};

/// An image's configuration and content, as a registry serves it or the local store keeps it.
struct ImageSpec {
    std::vector<std::string> cmd;             ///< CMD
    std::vector<std::string> entrypoint;      ///< ENTRYPOINT
    std::string stopSignal;                   ///< STOPSIGNAL, empty when the image sets none
    std::vector<LayerSpec> layers;            ///< bottom first
    std::map<std::string, std::string> files; ///< absolute path -> content, for cat and friends
    /// Paths of the simulated base tree (busybox's) that a committed layer deleted.
    std::set<std::string> deletedFiles;
    std::optional<TimePoint> created; ///< when the image was built; unset: when it arrived
};

/// The files of an image, as its containers' processes read them.
using ImageFiles = std::map<std::string, std::string>;

/// An image in the local store, with the names it answers to.
struct LocalImageSpec {
    std::vector<std::string> tags; ///< references as written ("busybox", "busybox:1.36")
    ImageSpec image;
};

/// How a registry answers for a repository it does not have.
enum class MissingRepositoryAnswer { ManifestUnknown, Denied };

/// A registry the simulated daemon can pull from.
struct RegistrySpec {
    std::string host;                       ///< "docker.io", "127.0.0.1:5000"
    std::optional<std::string> unreachable; ///< set: every pull fails with this text
    MissingRepositoryAnswer missingRepository = MissingRepositoryAnswer::ManifestUnknown;
    std::map<std::string, std::map<std::string, ImageSpec>> repositories; ///< path -> tag -> image
};

/// Everything a simulated engine starts with.
struct World {
    std::vector<LocalImageSpec> images;
    std::vector<RegistrySpec> registries;
};

} // namespace lab
