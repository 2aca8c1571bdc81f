#pragma once
// The registries the simulated daemon can reach, answering as real ones do: the image for a
// reference, or the daemon's words for why not (reference section 4.3).

#include "base/Expected.h"
#include "docker/ImageReference.h"
#include "engine/World.h"

namespace lab {
using docker::ImageReference;
}

#include <string>
#include <vector>

namespace lab {

/// Every registry of the world.
class Registries {
public:
    explicit Registries(std::vector<RegistrySpec> registries)
        : m_registries(std::move(registries)) {}

    /// The image the reference's registry serves, or the daemon's error text.
    Expected<ImageSpec> resolve(const ImageReference& reference) const;
    /// The daemon's words for a tag the registry does not have.
    static std::string manifestUnknown(const ImageReference& reference);
    /// The manifest digest ("sha256:...") the registry reports for this content.
    static std::string manifestDigestOf(const ImageSpec& spec);

private:
    std::vector<RegistrySpec> m_registries;
};

} // namespace lab
