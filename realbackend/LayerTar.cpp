#include "LayerTar.h"

#include "Syscalls.h"
#include "UniqueFd.h"

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <set>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <vector>
#include <zlib.h>

namespace lab::real {
namespace {

constexpr std::size_t kBlock = 512;
const std::string kWhiteout = ".wh.";
const std::string kOpaque = ".wh..wh..opq";

struct Entry {
    std::string name, linkName;
    char type = '0';
    mode_t mode = 0644;
    uid_t uid = 0;
    gid_t gid = 0;
    std::uint64_t size = 0;
    unsigned major = 0, minor = 0;
};

std::uint64_t octal(const char* field, std::size_t length) {
    if (static_cast<unsigned char>(field[0]) & 0x80) { // base-256, for sizes past 8 GiB
        std::uint64_t value = 0;
        for (std::size_t i = 1; i < length; ++i)
            value = (value << 8) | static_cast<unsigned char>(field[i]);
        return value;
    }
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < length && field[i]; ++i)
        if (field[i] >= '0' && field[i] <= '7')
            value = value * 8 + std::uint64_t(field[i] - '0');
    return value;
}

std::string field(const char* text, std::size_t length) {
    return std::string(text, strnlen(text, length));
}

// "path=..." and "linkpath=..." of a pax extended header ("<length> <key>=<value>\n"...).
void readPax(const std::string& records, Entry& next) {
    for (std::size_t at = 0; at < records.size();) {
        const std::size_t space = records.find(' ', at);
        const std::size_t length = std::strtoul(records.c_str() + at, nullptr, 10);
        if (space == std::string::npos || length == 0 || at + length > records.size())
            return;
        const std::string record = records.substr(space + 1, at + length - space - 2);
        const std::size_t equals = record.find('=');
        if (equals != std::string::npos) {
            const std::string key = record.substr(0, equals), value = record.substr(equals + 1);
            if (key == "path")
                next.name = value;
            else if (key == "linkpath")
                next.linkName = value;
        }
        at += length;
    }
}

// The components of a layer path, or an error for "..", an absolute path or an empty name.
Expected<std::vector<std::string>> components(const std::string& path) {
    if (!path.empty() && path[0] == '/')
        return Error{"layer entry " + path + " is an absolute path"};
    std::vector<std::string> parts;
    for (std::size_t begin = 0; begin <= path.size();) {
        const std::size_t end = std::min(path.find('/', begin), path.size());
        const std::string part = path.substr(begin, end - begin);
        if (part == "..")
            return Error{"layer entry " + path + " reaches outside the root filesystem (..)"};
        if (!part.empty() && part != ".")
            parts.push_back(part);
        begin = end + 1;
    }
    return parts; // empty: the root directory itself ("./")
}

std::string join(const std::vector<std::string>& parts, std::size_t count) {
    std::string path;
    for (std::size_t i = 0; i < count; ++i)
        path += (i ? "/" : "") + parts[i];
    return path.empty() ? "." : path;
}

int openInRoot(int root, const std::string& path) {
    open_how how{};
    how.flags = O_PATH | O_DIRECTORY | O_CLOEXEC;
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
    return int(::syscall(SYS_openat2, root, path.c_str(), &how, sizeof how));
}

// The directory that holds parts' last component, made (0755) where missing.
Expected<UniqueFd> openParent(int root, const std::vector<std::string>& parts) {
    UniqueFd dir(::fcntl(root, F_DUPFD_CLOEXEC, 0));
    for (std::size_t depth = 1; depth < parts.size(); ++depth) {
        const std::string path = join(parts, depth);
        UniqueFd next(openInRoot(root, path));
        if (!next && errno == ENOENT && ::mkdirat(dir.get(), parts[depth - 1].c_str(), 0755) == 0)
            next.reset(openInRoot(root, path));
        if (!next)
            return errnoError("layer: directory " + path, errno);
        dir = std::move(next);
    }
    return dir;
}

// Deletes name in dir, a directory with everything in it; a missing name is no error.
void removeAt(int dir, const std::string& name) {
    if (::unlinkat(dir, name.c_str(), 0) == 0 || errno == ENOENT)
        return;
    UniqueFd inner(::openat(dir, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (DIR* listing = inner ? ::fdopendir(::fcntl(inner.get(), F_DUPFD_CLOEXEC, 0)) : nullptr) {
        std::vector<std::string> names;
        while (dirent* entry = ::readdir(listing))
            if (std::strcmp(entry->d_name, ".") != 0 && std::strcmp(entry->d_name, "..") != 0)
                names.push_back(entry->d_name);
        ::closedir(listing);
        for (const std::string& child : names)
            removeAt(inner.get(), child);
    }
    ::unlinkat(dir, name.c_str(), AT_REMOVEDIR);
}

class LayerReader {
public:
    explicit LayerReader(gzFile file) : m_file(file) {}
    ~LayerReader() { gzclose(m_file); }
    LayerReader(const LayerReader&) = delete;
    LayerReader& operator=(const LayerReader&) = delete;

    bool block(char* out) { return gzread(m_file, out, kBlock) == int(kBlock); }
    // Reads size bytes of entry data (and the padding to the block), giving each piece to sink.
    template <typename Sink> bool data(std::uint64_t size, Sink&& sink) {
        char buffer[64 * kBlock];
        const std::uint64_t padded = (size + kBlock - 1) / kBlock * kBlock;
        for (std::uint64_t done = 0; done < padded;) {
            const unsigned want = unsigned(std::min<std::uint64_t>(sizeof buffer, padded - done));
            if (gzread(m_file, buffer, want) != int(want))
                return false;
            const std::uint64_t useful =
                std::min<std::uint64_t>(want, size > done ? size - done : 0);
            if (useful && !sink(buffer, std::size_t(useful)))
                return false;
            done += want;
        }
        return true;
    }

private:
    gzFile m_file;
};

Status writeEntry(int root, const Entry& entry, std::set<std::string>& madeHere,
                  LayerReader& reader) {
    auto parts = components(entry.name);
    if (!parts)
        return parts.error();
    if (parts->empty())
        return Ok{}; // the root filesystem's own directory: already there
    const std::string& last = parts->back();
    auto parent = openParent(root, *parts);
    if (!parent)
        return parent.error();
    const int dir = parent->get();
    if (last == kOpaque) {
        // Everything the lower layers put in this directory goes; this layer's own stays.
        const std::string prefix = parts->size() > 1 ? join(*parts, parts->size() - 1) + "/" : "";
        UniqueFd listing(::openat(dir, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        std::vector<std::string> names;
        if (DIR* stream = listing ? ::fdopendir(listing.release()) : nullptr) {
            while (dirent* found = ::readdir(stream))
                if (std::strcmp(found->d_name, ".") != 0 && std::strcmp(found->d_name, "..") != 0)
                    names.push_back(found->d_name);
            ::closedir(stream);
        }
        for (const std::string& name : names)
            if (!madeHere.count(prefix + name))
                removeAt(dir, name);
        return Ok{};
    }
    if (last.rfind(kWhiteout, 0) == 0) {
        removeAt(dir, last.substr(kWhiteout.size()));
        return Ok{};
    }
    madeHere.insert(join(*parts, parts->size()));
    const mode_t permissions = entry.mode & 07777;
    struct stat existing {};
    const bool exists = ::fstatat(dir, last.c_str(), &existing, AT_SYMLINK_NOFOLLOW) == 0;
    if (entry.type == '5') {
        if (exists && !S_ISDIR(existing.st_mode))
            removeAt(dir, last);
        if ((!exists || !S_ISDIR(existing.st_mode)) && ::mkdirat(dir, last.c_str(), 0700) < 0)
            return errnoError("layer: mkdir " + entry.name, errno);
    } else {
        if (exists)
            removeAt(dir, last);
        int made = 0;
        switch (entry.type) {
        case '0':
        case '\0':
        case '7': {
            UniqueFd file(::openat(dir, last.c_str(),
                                   O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
            if (!file)
                return errnoError("layer: create " + entry.name, errno);
            if (!reader.data(entry.size, [&](const char* bytes, std::size_t n) {
                    return ::write(file.get(), bytes, n) == ssize_t(n);
                }))
                return Error{"layer: writing " + entry.name + " failed (short archive?)"};
            break;
        }
        case '2':
            made = ::symlinkat(entry.linkName.c_str(), dir, last.c_str());
            break;
        case '1': {
            auto target = components(entry.linkName);
            if (!target)
                return target.error();
            auto targetParent = openParent(root, *target);
            if (!targetParent)
                return targetParent.error();
            made = ::linkat(targetParent->get(), target->back().c_str(), dir, last.c_str(), 0);
            break;
        }
        case '3':
        case '4':
        case '6':
            made = ::mknodat(dir, last.c_str(),
                             (entry.type == '3'   ? S_IFCHR
                              : entry.type == '4' ? S_IFBLK
                                                  : S_IFIFO) |
                                 permissions,
                             makedev(entry.major, entry.minor));
            break;
        default:
            return Error{"layer entry " + entry.name + " has an unknown type '" +
                         std::string(1, entry.type) + "'"};
        }
        if (made < 0)
            return errnoError("layer: " + entry.name, errno);
    }
    ::fchownat(dir, last.c_str(), entry.uid, entry.gid, AT_SYMLINK_NOFOLLOW);
    if (entry.type != '2' && entry.type != '1')
        ::fchmodat(dir, last.c_str(), permissions, 0);
    return Ok{};
}

} // namespace

Status applyLayer(const std::string& tarPath, const std::string& rootfs) {
    gzFile file = gzopen(tarPath.c_str(), "rb");
    if (!file)
        return errnoError("open layer " + tarPath, errno);
    LayerReader reader(file);
    UniqueFd root(::open(rootfs.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!root)
        return errnoError("open " + rootfs, errno);
    std::set<std::string> madeHere;
    Entry next; // what a pax or GNU long-name header said about the entry that follows
    for (char header[kBlock];;) {
        if (!reader.block(header))
            return Error{"layer " + tarPath + ": the archive ends without its end marker"};
        if (header[0] == '\0')
            return Ok{}; // the end: a block of zeros
        Entry entry;
        entry.type = header[156];
        entry.size = octal(header + 124, 12);
        if (entry.type == 'x' || entry.type == 'L' || entry.type == 'K' || entry.type == 'g') {
            std::string text;
            if (!reader.data(entry.size, [&](const char* bytes, std::size_t n) {
                    text.append(bytes, n);
                    return true;
                }))
                return Error{"layer " + tarPath + ": a truncated extended header"};
            if (entry.type == 'x')
                readPax(text, next);
            else if (entry.type == 'L')
                next.name = text.c_str();
            else if (entry.type == 'K')
                next.linkName = text.c_str();
            continue;
        }
        const std::string prefix = field(header + 345, 155);
        entry.name = next.name.empty() ? (prefix.empty() ? "" : prefix + "/") + field(header, 100)
                                       : next.name;
        entry.linkName = next.linkName.empty() ? field(header + 157, 100) : next.linkName;
        next = Entry{};
        entry.mode = mode_t(octal(header + 100, 8));
        entry.uid = uid_t(octal(header + 108, 8));
        entry.gid = gid_t(octal(header + 116, 8));
        entry.major = unsigned(octal(header + 329, 8));
        entry.minor = unsigned(octal(header + 337, 8));
        if (auto written = writeEntry(root.get(), entry, madeHere, reader); !written)
            return written.error().context(tarPath);
        const bool hasData = entry.type == '0' || entry.type == '\0' || entry.type == '7';
        if (!hasData && entry.size &&
            !reader.data(entry.size, [](const char*, std::size_t) { return true; }))
            return Error{"layer " + tarPath + ": a truncated entry"};
    }
}

} // namespace lab::real
