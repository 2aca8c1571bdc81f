#pragma once
// A tar archive built in memory by libarchive's writer: image layers the lab makes (busybox's,
// docker commit's). Each entry's owner and time are given; an entry that cannot be written is
// the error finish() answers.

#include "base/Expected.h"

#include <ctime>
#include <string>
#include <sys/types.h>

struct archive;
struct archive_entry;

namespace lab::real {

/// Who owns an entry and when it was last changed (root and 0 unless given).
struct TarOwner {
    uid_t uid = 0;
    gid_t gid = 0;
    std::time_t mtime = 0;
};

/// A tar archive being written.
class TarWriter {
public:
    /// ustar: plain and reproducible, names up to 255 bytes; pax: any name, owner and size (as
    /// Docker writes layers).
    enum class Format { Ustar, Pax };
    explicit TarWriter(Format format = Format::Ustar);
    ~TarWriter();
    TarWriter(const TarWriter&) = delete;
    TarWriter& operator=(const TarWriter&) = delete;

    void directory(const std::string& name, mode_t mode, const TarOwner& owner = {});
    void file(const std::string& name, mode_t mode, const std::string& content,
              const TarOwner& owner = {});
    void symlink(const std::string& name, const std::string& target, const TarOwner& owner = {});
    /// The archive with its end marker, or the first entry that could not be written.
    Expected<std::string> finish();

private:
    static ssize_t append(archive*, void* self, const void* bytes, std::size_t size);
    void add(const std::string& name, mode_t type, mode_t mode, const std::string& content,
             const std::string& linkTarget, const TarOwner& owner);
    std::string why() const;

    archive* m_archive;
    archive_entry* m_entry;
    std::string m_bytes, m_failure;
};

} // namespace lab::real
