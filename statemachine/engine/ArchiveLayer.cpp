// One layer of an image archive: its diff_id, its size, and its entries checked so that applying
// it cannot write outside the image (engine/ImageArchive.h).
#include "base/Limits.h"
#include "base/Sha256.h"
#include "engine/ImageArchive.h"
#include "engine/TarReader.h"

#include <archive_entry.h>

namespace lab {
namespace {

// Files the simulation keeps the content of, for `cat` in a container of the image.
constexpr std::size_t kKeptFileBytes = 64 * 1024;
constexpr std::size_t kKeptLayerBytes = 8u << 20;
const std::string kWhiteout = ".wh.";
const std::string kOpaque = ".wh..wh..opq";

std::string parentOf(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == 0 ? "/" : path.substr(0, slash);
}

// The symbolic link of this layer that path goes through, if any.
const std::string* throughLink(const std::set<std::string>& links, const std::string& path) {
    for (std::string above = parentOf(path); above != "/"; above = parentOf(above))
        if (const auto link = links.find(above); link != links.end())
            return &*link;
    return nullptr;
}

} // namespace

Expected<ArchiveLayer> readLayer(std::string_view bytes) {
    auto tar = decompressed(bytes, limits::kImageLayerBytes);
    if (!tar)
        return tar.error();
    ArchiveLayer layer;
    layer.diffId = "sha256:" + sha256Hex(*tar);
    layer.tar = std::move(*tar);
    TarReader reader(layer.tar);
    std::set<std::string> links;
    std::size_t kept = 0;
    for (;;) {
        auto more = reader.next();
        if (!more)
            return more.error();
        if (!*more)
            return layer;
        archive_entry* entry = reader.entry();
        auto path = insidePath(reader.name(), "layer entry");
        if (!path)
            return path.error();
        if (const std::string* link = throughLink(links, *path))
            return Error{"layer entry " + *path + " goes through the symbolic link " + *link +
                         " of the same layer"};
        if (const char* target = archive_entry_hardlink(entry)) {
            if (auto inside = insidePath(target, "hard link " + *path + " ->"); !inside)
                return inside.error();
            continue;
        }
        const std::string name = path->substr(path->rfind('/') + 1);
        switch (archive_entry_filetype(entry)) {
        case AE_IFLNK:
            links.insert(*path);
            break;
        case AE_IFCHR:
        case AE_IFBLK:
            return Error{"layer entry " + *path +
                         " is a device node: the lab loads no device nodes (a container gets "
                         "its /dev from the runtime)"};
        case AE_IFREG: {
            if (name == kOpaque)
                break;
            if (name.starts_with(kWhiteout)) {
                const std::string deleted = name.substr(kWhiteout.size());
                if (deleted.empty() || deleted == "." || deleted == "..")
                    return Error{"layer entry " + *path + " is a whiteout of nothing"};
                layer.deleted.insert((parentOf(*path) == "/" ? "" : parentOf(*path)) + "/" +
                                     deleted);
                break;
            }
            const std::int64_t size = archive_entry_size(entry);
            layer.size += size;
            if (size <= std::int64_t(kKeptFileBytes) &&
                kept + std::size_t(size) <= kKeptLayerBytes) {
                auto content = reader.content(kKeptFileBytes);
                if (!content)
                    return content.error();
                kept += content->size();
                layer.files[*path] = std::move(*content);
            }
            break;
        }
        default:
            break;
        }
    }
}

} // namespace lab
