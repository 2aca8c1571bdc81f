#include "sim/Filesystem.h"

#include "sim/Programs.h"

namespace lab {

std::string normalisePath(std::string_view name) {
    std::string path = name.substr(0, 2) == "./" ? std::string(name.substr(1)) : std::string(name);
    if (path.empty() || path[0] != '/')
        path.insert(path.begin(), '/');
    std::string out;
    for (char c : path)
        if (c != '/' || out.empty() || out.back() != '/')
            out += c;
    while (out.size() > 1 && out.back() == '/')
        out.pop_back();
    return out;
}

std::string parentPath(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == 0 || slash == std::string::npos ? "/" : path.substr(0, slash);
}

Filesystem::Filesystem(ImageFiles imageFiles, std::set<std::string> imageDeleted)
    : m_imageFiles(std::move(imageFiles)), m_imageDeleted(std::move(imageDeleted)) {}

Filesystem::Entry Filesystem::imageEntry(const std::string& path) const {
    if (m_imageDeleted.contains(path))
        return Entry::None;
    if (m_imageFiles.contains(path))
        return Entry::File;
    switch (baseTreeEntry(path)) {
    case BaseEntry::Directory:
        return Entry::Directory;
    case BaseEntry::File:
        return Entry::File;
    case BaseEntry::None:
        break;
    }
    // A directory that holds one of the world's files.
    const auto below = m_imageFiles.lower_bound(path + '/');
    return below != m_imageFiles.end() && below->first.starts_with(path + '/') ? Entry::Directory
                                                                               : Entry::None;
}

Filesystem::Entry Filesystem::entry(const std::string& path) const {
    if (const auto upper = m_upper.find(path); upper != m_upper.end())
        return upper->second ? Entry::File : Entry::None;
    return imageEntry(path);
}

std::optional<std::string> Filesystem::read(const std::string& path) const {
    if (const auto upper = m_upper.find(path); upper != m_upper.end())
        return upper->second;
    if (imageEntry(path) != Entry::File)
        return std::nullopt;
    const auto file = m_imageFiles.find(path);
    return file == m_imageFiles.end() ? std::string() : file->second;
}

Status Filesystem::open(const std::string& path, bool append) {
    switch (entry(path)) {
    case Entry::Directory:
        return Error{"Is a directory"};
    case Entry::File:
        if (append) {
            if (!m_upper.contains(path)) // copied up before it changes
                m_upper[path] = read(path);
            return Ok{};
        }
        break;
    case Entry::None:
        if (entry(parentPath(path)) != Entry::Directory)
            return Error{"nonexistent directory"};
        break;
    }
    m_upper[path] = std::string();
    return Ok{};
}

void Filesystem::append(const std::string& path, const std::string& text) {
    auto& content = m_upper[path];
    if (content)
        *content += text;
}

Status Filesystem::remove(const std::string& path) {
    switch (entry(path)) {
    case Entry::None:
        return Error{"No such file or directory"};
    case Entry::Directory:
        return Error{"Is a directory"};
    case Entry::File:
        break;
    }
    if (imageEntry(path) == Entry::None)
        m_upper.erase(path); // made by this container: nothing of the image to hide
    else
        m_upper[path] = std::nullopt;
    return Ok{};
}

LayerChanges Filesystem::changes() const {
    // Each file added, changed or deleted; the image directory it is in changed with it (its
    // entries did), as the vfs driver's tree comparison reports.
    LayerChanges layer;
    std::map<std::string, FileChange::Kind> changed;
    for (const auto& [path, content] : m_upper) {
        const bool inImage = imageEntry(path) != Entry::None;
        if (!content) {
            changed[path] = FileChange::Kind::Deleted;
            layer.deleted.insert(path);
        } else {
            changed[path] = inImage ? FileChange::Kind::Changed : FileChange::Kind::Added;
            layer.written[path] = *content;
        }
        const std::string dir = parentPath(path);
        if ((!inImage || !content) && dir != "/" && imageEntry(dir) == Entry::Directory)
            changed.emplace(dir, FileChange::Kind::Changed);
    }
    for (const auto& [path, kind] : changed)
        layer.changes.push_back({kind, path});
    return layer;
}

} // namespace lab
