#pragma once
// A simulated container's root filesystem: the image's tree (busybox's directories and
// programs, the files the world gives content) below, the container's writable layer above.
// Shell redirections write into it, rm deletes from it, cat reads it; docker diff and docker
// commit read the writable layer back (docs/DOCKER-BEHAVIOUR.md §10.4). It lives from the
// container's create to its removal, across restarts, shared by all its processes.

#include "base/Expected.h"
#include "engine/LayerChanges.h"
#include "engine/World.h"

#include <map>
#include <optional>
#include <set>
#include <string>

namespace lab {

class Filesystem {
public:
    /// What a path holds.
    enum class Entry { None, Directory, File };

    /// The tree of an image: the base tree with these files (content known) and without these
    /// deleted paths.
    explicit Filesystem(ImageFiles imageFiles = {}, std::set<std::string> imageDeleted = {});

    /// What path (absolute, normalised) holds now.
    Entry entry(const std::string& path) const;
    /// A file's content ("" for an image file whose content the world does not give); nothing
    /// for a directory or a missing path.
    std::optional<std::string> read(const std::string& path) const;
    /// Creates or truncates a file as `>` does (`>>` with append keeps its content). The error
    /// is busybox sh's reason: "nonexistent directory", "Is a directory", or the layer is full.
    Status open(const std::string& path, bool append);
    /// Appends to a file that open() made (a write through a redirection); an error when the
    /// layer would hold more than limits::kWritableLayerBytes (nothing is written then).
    Status append(const std::string& path, const std::string& text);
    /// Deletes a file as unlink(2) does; the error is the reason rm prints ("No such file or
    /// directory", "Is a directory").
    Status remove(const std::string& path);

    /// The writable layer against the image, as docker diff and docker commit see it.
    LayerChanges changes() const;

private:
    Entry imageEntry(const std::string& path) const;

    ImageFiles m_imageFiles;
    std::set<std::string> m_imageDeleted;
    std::map<std::string, std::optional<std::string>> m_upper; ///< path -> content; none: deleted
    std::size_t m_upperBytes = 0;                              ///< paths and contents of m_upper
};

/// "./x", "x/", "/bin//sleep" -> an absolute path without redundant slashes.
std::string normalisePath(std::string_view name);
/// The directory a normalised path is in ("/" for "/x").
std::string parentPath(const std::string& path);

} // namespace lab
