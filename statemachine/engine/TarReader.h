#pragma once
// A tar archive in memory, read entry by entry with libarchive (any compression it knows). Its
// errors are Go's archive/tar words, which Docker prints: a first block that is no tar header
// is "archive/tar: invalid tar header", an archive that ends early "unexpected EOF".

#include "base/Expected.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

struct archive;
struct archive_entry;

namespace lab {

class TarReader {
public:
    explicit TarReader(std::string_view bytes);
    ~TarReader();
    TarReader(const TarReader&) = delete;
    TarReader& operator=(const TarReader&) = delete;

    /// The next entry: true, false at the end, or an error.
    Expected<bool> next();
    /// The entry next() moved to.
    archive_entry* entry() const { return m_entry; }
    /// Its name as the archive spells it (empty when it has none).
    std::string name() const;
    /// Where it links to, symbolically (empty for an entry that is no symbolic link).
    std::string symlinkTarget() const;
    /// Its content, at most limit bytes (more is an error).
    Expected<std::string> content(std::size_t limit);

private:
    Error failure() const;

    archive* m_archive;
    archive_entry* m_entry = nullptr;
    std::size_t m_inputBytes;
    std::size_t m_entries = 0;
};

/// An archive member's name as an absolute path inside the archive ("./etc//motd" ->
/// "/etc/motd"); an absolute name or a ".." component is refused, the error starting with what.
Expected<std::string> insidePath(const std::string& name, const std::string& what);

/// bytes with their compression (gzip, bzip2, xz, zstd) undone, at most limit bytes.
Expected<std::string> decompressed(std::string_view bytes, std::size_t limit);

} // namespace lab
