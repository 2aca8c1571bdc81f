#include "sim/Filesystem.h"

#include "base/Limits.h"
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

namespace {

Error layerFull() {
    return Error{
        limits::beyond("No space left on device", std::int64_t(limits::kWritableLayerBytes))};
}

std::size_t bytesOf(const std::string& path, const std::optional<std::string>& content) {
    return path.size() + (content ? content->size() : 0);
}

} // namespace

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
        if (append && m_upper.contains(path))
            return Ok{};
        break;
    case Entry::None:
        if (entry(parentPath(path)) != Entry::Directory)
            return Error{"nonexistent directory"};
        break;
    }
    // Created, truncated, or copied up before it changes.
    std::optional<std::string> content = append ? read(path).value_or("") : std::string();
    const auto previous = m_upper.find(path);
    const std::size_t before = previous == m_upper.end() ? 0 : bytesOf(path, previous->second);
    if (m_upperBytes - before + bytesOf(path, content) > limits::kWritableLayerBytes)
        return layerFull();
    m_upperBytes = m_upperBytes - before + bytesOf(path, content);
    m_upper[path] = std::move(content);
    return Ok{};
}

Status Filesystem::append(const std::string& path, const std::string& text) {
    const auto file = m_upper.find(path);
    if (file == m_upper.end() || !file->second)
        return Ok{}; // deleted since it was opened: the bytes go with the unlinked file
    if (m_upperBytes + text.size() > limits::kWritableLayerBytes)
        return layerFull();
    *file->second += text;
    m_upperBytes += text.size();
    return Ok{};
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
    if (const auto upper = m_upper.find(path); upper != m_upper.end()) {
        m_upperBytes -= bytesOf(path, upper->second);
        m_upper.erase(upper);
    }
    if (imageEntry(path) != Entry::None) { // the image's file is hidden from now on
        m_upper[path] = std::nullopt;
        m_upperBytes += bytesOf(path, std::nullopt);
    }
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
