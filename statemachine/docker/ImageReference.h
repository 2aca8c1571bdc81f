#pragma once
// Docker's image reference grammar, as the CLI and the daemon apply it to what a user types
// (ParseNormalizedNamed followed by TagNameOnly). Hand-written rather than built on std::regex:
// the grammar's nested repetitions backtrack exponentially on long invalid names.

#include "base/Expected.h"

#include <string>
#include <string_view>

namespace lab::docker {

/// Which implementation of the grammar judges the text: they differ in a few corner cases
/// (an upper-case first component, IPv6 hosts, the length limit, the lower-case error text).
enum class ReferenceGrammar {
    Cli,    ///< docker CLI 28 (distribution/reference v0.6), which parses before any request
    Engine, ///< Engine 20.10 (docker/distribution v2.8), which parses what the API receives
};

/// A normalized image reference: "busybox" is domain "docker.io", path "library/busybox",
/// tag "latest". A reference with a digest but no tag keeps its tag empty.
struct ImageReference {
    /// Registry host with optional port ("docker.io", "127.0.0.1:5000"); empty only when the
    /// grammar could not read the first component as a host (e.g. "a.b_c/x").
    std::string domain;
    /// Repository path inside the registry ("library/busybox"), as in "latest: Pulling from
    /// library/busybox".
    std::string path;
    /// Tag, "latest" when neither tag nor digest was given; empty when only a digest was.
    std::string tag;
    /// Digest including its algorithm ("sha256:<64 hex>"), or empty.
    std::string digest;

    /// Repository name with its domain: "docker.io/library/busybox".
    std::string name() const;
    /// Repository name as the UI shows it: "busybox", "127.0.0.1:5000/busybox".
    std::string familiarName() const;
    /// The familiar reference: "busybox:latest", "127.0.0.1:5000/busybox:1.35", "busybox@sha256:…".
    std::string familiar() const;
    /// The fully qualified reference: "docker.io/library/busybox:latest".
    std::string full() const;

    /// Field-wise equality.
    friend bool operator==(const ImageReference&, const ImageReference&) = default;
};

/// Parses what a user typed as an image, with Docker's exact error texts ("invalid reference
/// format", "invalid reference format: repository name (library/Busybox) must be lowercase").
Expected<ImageReference> parseImageReference(std::string_view text,
                                             ReferenceGrammar grammar = ReferenceGrammar::Cli);

/// docker images REPOSITORY[:TAG] (the daemon's reference filter): the familiar name must
/// match, and the tag if the pattern names one.
bool matchesImagePattern(const ImageReference& tag, const std::string& pattern);

/// True for a bare 64-hex image ID, which the CLI passes on as an ID, not as a name.
bool isFullImageId(std::string_view text);

} // namespace lab::docker
