#include "engine/Registries.h"

#include "base/Sha256.h"
#include "engine/ImageStore.h"

#include <algorithm>

namespace lab {
namespace {

std::string accessDenied(const ImageReference& reference) {
    return "pull access denied for " + reference.familiarName() +
           ", repository does not exist or may require 'docker login': denied: requested access "
           "to the resource is denied";
}

// Docker dials the registry's /v2/ endpoint first; Docker Hub's endpoint has its own host.
std::string unknownHost(const std::string& host) {
    const std::string endpoint = host == "docker.io" ? "registry-1.docker.io" : host;
    return "Get \"https://" + endpoint + "/v2/\": dial tcp: lookup " + endpoint + ": no such host";
}

} // namespace

Expected<ImageSpec> Registries::resolve(const ImageReference& reference) const {
    const auto registry =
        std::find_if(m_registries.begin(), m_registries.end(),
                     [&](const RegistrySpec& r) { return r.host == reference.domain; });
    if (registry == m_registries.end())
        return Error{unknownHost(reference.domain), ErrorCode::RegistryUnreachable};
    if (registry->unreachable)
        return Error{*registry->unreachable, ErrorCode::RegistryUnreachable};

    const auto repository = registry->repositories.find(reference.path);
    if (repository == registry->repositories.end())
        return Error{registry->missingRepository == MissingRepositoryAnswer::Denied
                         ? accessDenied(reference)
                         : manifestUnknown(reference)};
    const auto tagged = repository->second.find(reference.tag);
    if (tagged == repository->second.end())
        return Error{manifestUnknown(reference)};
    return tagged->second;
}

std::string Registries::manifestUnknown(const ImageReference& reference) {
    return "manifest for " + reference.familiar() +
           " not found: manifest unknown: manifest unknown";
}

std::string Registries::manifestDigestOf(const ImageSpec& spec) {
    return "sha256:" + sha256Hex("manifest\x1e" + imageIdOf(spec));
}

} // namespace lab
