#include "LayerTar.h"

#include "Syscalls.h"
#include "UniqueFd.h"

#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <optional>
#include <set>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <vector>

namespace lab::real {
namespace {

const std::string kWhiteout = ".wh.";
const std::string kOpaque = ".wh..wh..opq";

// One archive member as libarchive read it; the data is read from the archive as it is written.
struct Entry {
    std::string name, linkName;
    enum class Kind { File, Directory, Symlink, HardLink, CharDevice, BlockDevice, Fifo };
    Kind kind = Kind::File;
    mode_t mode = 0644;
    uid_t uid = 0;
    gid_t gid = 0;
    unsigned major = 0, minor = 0;
};

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

// libarchive's reader on a layer file: tar (ustar, pax, GNU), plain or gzip-compressed. Only
// the parsing is libarchive's; what an entry does to the root filesystem is decided here.
class LayerReader {
public:
    LayerReader() : m_archive(archive_read_new()) {
        archive_read_support_filter_gzip(m_archive);
        archive_read_support_format_tar(m_archive);
    }
    ~LayerReader() { archive_read_free(m_archive); }
    LayerReader(const LayerReader&) = delete;
    LayerReader& operator=(const LayerReader&) = delete;

    Status open(const std::string& path) {
        if (archive_read_open_filename(m_archive, path.c_str(), 64 * 1024) != ARCHIVE_OK)
            return error("open layer " + path);
        return Ok{};
    }
    /// The next entry; nothing at the end of the archive.
    Expected<std::optional<Entry>> next() {
        archive_entry* header = nullptr;
        const int read = archive_read_next_header(m_archive, &header);
        if (read == ARCHIVE_EOF)
            return std::optional<Entry>();
        if (read < ARCHIVE_WARN)
            return error("reading the layer");
        Entry entry;
        entry.name = archive_entry_pathname(header) ? archive_entry_pathname(header) : "";
        const mode_t type = archive_entry_filetype(header);
        using Kind = Entry::Kind;
        if (const char* target = archive_entry_hardlink(header)) {
            entry.kind = Kind::HardLink;
            entry.linkName = target;
        } else if (type == AE_IFLNK) {
            entry.kind = Kind::Symlink;
            const char* link = archive_entry_symlink(header);
            entry.linkName = link ? link : "";
        } else if (type == AE_IFREG || type == AE_IFDIR || type == AE_IFCHR || type == AE_IFBLK ||
                   type == AE_IFIFO) {
            entry.kind = type == AE_IFREG   ? Kind::File
                         : type == AE_IFDIR ? Kind::Directory
                         : type == AE_IFCHR ? Kind::CharDevice
                         : type == AE_IFBLK ? Kind::BlockDevice
                                            : Kind::Fifo;
        } else {
            return Error{"layer entry " + entry.name + " has a type this lab does not unpack"};
        }
        entry.mode = archive_entry_perm(header);
        entry.uid = uid_t(archive_entry_uid(header));
        entry.gid = gid_t(archive_entry_gid(header));
        entry.major = unsigned(archive_entry_rdevmajor(header));
        entry.minor = unsigned(archive_entry_rdevminor(header));
        return std::optional<Entry>(std::move(entry));
    }
    /// Copies the current entry's data into fd.
    Status copyData(int fd, const std::string& name) {
        for (;;) {
            const void* bytes = nullptr;
            std::size_t size = 0;
            la_int64_t offset = 0;
            const int read = archive_read_data_block(m_archive, &bytes, &size, &offset);
            if (read == ARCHIVE_EOF)
                return Ok{};
            if (read < ARCHIVE_WARN)
                return error("layer: reading " + name);
            if (::pwrite(fd, bytes, size, offset) != ssize_t(size))
                return errnoError("layer: writing " + name, errno);
        }
    }

private:
    Error error(const std::string& what) const {
        const char* why = archive_error_string(m_archive);
        return Error{what + ": " + (why ? why : "not a tar archive")};
    }
    archive* m_archive;
};

// A whiteout's target: a plain name, never ".", ".." or empty (".wh..." would name the
// directory above the one it is in).
Expected<std::string> whiteoutTarget(const std::string& entryName, const std::string& last) {
    const std::string target = last.substr(kWhiteout.size());
    if (target.empty() || target == "." || target == "..")
        return Error{"layer entry " + entryName + " is a whiteout of \"" + target +
                     "\", which names no file"};
    return target;
}

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
        auto target = whiteoutTarget(entry.name, last);
        if (!target)
            return target.error();
        removeAt(dir, *target);
        return Ok{};
    }
    madeHere.insert(join(*parts, parts->size()));
    const mode_t permissions = entry.mode & 07777;
    struct stat existing {};
    const bool exists = ::fstatat(dir, last.c_str(), &existing, AT_SYMLINK_NOFOLLOW) == 0;
    using Kind = Entry::Kind;
    if (entry.kind == Kind::Directory) {
        if (exists && !S_ISDIR(existing.st_mode))
            removeAt(dir, last);
        if ((!exists || !S_ISDIR(existing.st_mode)) && ::mkdirat(dir, last.c_str(), 0700) < 0)
            return errnoError("layer: mkdir " + entry.name, errno);
    } else {
        if (exists)
            removeAt(dir, last);
        int made = 0;
        switch (entry.kind) {
        case Kind::File: {
            UniqueFd file(::openat(dir, last.c_str(),
                                   O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
            if (!file)
                return errnoError("layer: create " + entry.name, errno);
            if (auto copied = reader.copyData(file.get(), entry.name); !copied)
                return copied;
            break;
        }
        case Kind::Symlink:
            made = ::symlinkat(entry.linkName.c_str(), dir, last.c_str());
            break;
        case Kind::HardLink: {
            auto target = components(entry.linkName);
            if (!target)
                return target.error();
            if (target->empty())
                return Error{"layer entry " + entry.name + " links to the root directory"};
            auto targetParent = openParent(root, *target);
            if (!targetParent)
                return targetParent.error();
            made = ::linkat(targetParent->get(), target->back().c_str(), dir, last.c_str(), 0);
            break;
        }
        case Kind::CharDevice:
        case Kind::BlockDevice:
        case Kind::Fifo:
            made = ::mknodat(dir, last.c_str(),
                             (entry.kind == Kind::CharDevice    ? S_IFCHR
                              : entry.kind == Kind::BlockDevice ? S_IFBLK
                                                                : S_IFIFO) |
                                 permissions,
                             makedev(entry.major, entry.minor));
            break;
        case Kind::Directory:
            break;
        }
        if (made < 0)
            return errnoError("layer: " + entry.name, errno);
    }
    ::fchownat(dir, last.c_str(), entry.uid, entry.gid, AT_SYMLINK_NOFOLLOW);
    if (entry.kind != Kind::Symlink && entry.kind != Kind::HardLink)
        ::fchmodat(dir, last.c_str(), permissions, 0);
    return Ok{};
}

} // namespace

Status applyLayer(const std::string& tarPath, const std::string& rootfs) {
    LayerReader reader;
    if (auto opened = reader.open(tarPath); !opened)
        return opened;
    UniqueFd root(::open(rootfs.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!root)
        return errnoError("open " + rootfs, errno);
    std::set<std::string> madeHere;
    for (;;) {
        auto entry = reader.next();
        if (!entry)
            return entry.error().context(tarPath);
        if (!*entry)
            return Ok{};
        if (auto written = writeEntry(root.get(), **entry, madeHere, reader); !written)
            return written.error().context(tarPath);
    }
}

} // namespace lab::real
