#pragma once
// What a container wrote: its writable layer against its image, as `docker diff` lists it and
// `docker commit` keeps it (docs/DOCKER-BEHAVIOUR.md §10.4).

#include "engine/World.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lab {

/// One line of `docker diff`.
struct FileChange {
    enum class Kind { Added, Changed, Deleted };
    Kind kind = Kind::Added;
    std::string path;

    /// 'A', 'C' or 'D', as docker diff prints it.
    char letter() const { return kind == Kind::Added ? 'A' : kind == Kind::Changed ? 'C' : 'D'; }
    friend bool operator==(const FileChange&, const FileChange&) = default;
};

/// A container's writable layer.
struct LayerChanges {
    std::vector<FileChange> changes; ///< by path; directories whose entries changed are C
    ImageFiles written;              ///< the files added or changed, with their content now
    std::set<std::string> deleted;   ///< the image's paths the container deleted

    /// What the layer's files take, where a backend measures them on disk instead of keeping
    /// their content (the real backend's overlay upper directory); else what written holds.
    std::optional<std::int64_t> measuredBytes;

    /// The bytes the layer holds (what its files hold).
    std::int64_t size() const {
        if (measuredBytes)
            return *measuredBytes;
        std::int64_t total = 0;
        for (const auto& [path, content] : written)
            total += std::int64_t(content.size());
        return total;
    }
};

} // namespace lab
