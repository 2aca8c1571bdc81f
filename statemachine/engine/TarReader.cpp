#include "engine/TarReader.h"

#include "base/Limits.h"

#include <archive.h>
#include <archive_entry.h>

namespace lab {
namespace {

constexpr std::size_t kTarBlock = 512;
constexpr std::size_t kChunk = 64 * 1024;

// Reads what the archive's current entry holds, up to limit bytes.
Expected<std::string> readData(archive* reader, std::size_t limit, const std::string& what) {
    std::string content;
    char chunk[kChunk];
    for (;;) {
        const la_ssize_t got = archive_read_data(reader, chunk, sizeof chunk);
        if (got < 0)
            return Error{"unexpected EOF"};
        if (got == 0)
            return content;
        if (content.size() + std::size_t(got) > limit)
            return Error{limits::beyond(what + " is too large", std::int64_t(limit))};
        content.append(chunk, std::size_t(got));
    }
}

} // namespace

TarReader::TarReader(std::string_view bytes)
    : m_archive(archive_read_new()), m_inputBytes(bytes.size()) {
    archive_read_support_filter_all(m_archive);
    archive_read_support_format_tar(m_archive);
    archive_read_support_format_empty(m_archive);
    archive_read_open_memory(m_archive, bytes.data(), bytes.size());
}

TarReader::~TarReader() {
    archive_read_free(m_archive);
}

Error TarReader::failure() const {
    // Go reads the first block whole: a short input is an early end, a long one a bad header.
    if (m_entries == 0 && m_inputBytes >= kTarBlock)
        return Error{"archive/tar: invalid tar header"};
    return Error{"unexpected EOF"};
}

Expected<bool> TarReader::next() {
    const int status = archive_read_next_header(m_archive, &m_entry);
    if (status == ARCHIVE_EOF)
        return false;
    if (status < ARCHIVE_WARN)
        return failure();
    if (++m_entries > limits::kImageArchiveEntries)
        return Error{limits::beyond("the archive has too many entries",
                                    std::int64_t(limits::kImageArchiveEntries))};
    return true;
}

std::string TarReader::name() const {
    // libarchive answers null for a name it could not read (a damaged header): no name.
    const char* name = archive_entry_pathname(m_entry);
    return name ? name : "";
}

std::string TarReader::symlinkTarget() const {
    const char* target = archive_entry_symlink(m_entry);
    return target ? target : "";
}

Expected<std::string> TarReader::content(std::size_t limit) {
    return readData(m_archive, limit, name());
}

Expected<std::string> insidePath(const std::string& name, const std::string& what) {
    if (name.starts_with('/'))
        return Error{what + " " + name + " is an absolute path"};
    std::string path;
    for (std::size_t begin = 0; begin <= name.size();) {
        const std::size_t end = std::min(name.find('/', begin), name.size());
        const std::string part = name.substr(begin, end - begin);
        if (part == "..")
            return Error{what + " " + name + " reaches outside the image (..)"};
        if (!part.empty() && part != ".")
            path += "/" + part;
        begin = end + 1;
    }
    return path.empty() ? std::string("/") : path;
}

Expected<std::string> decompressed(std::string_view bytes, std::size_t limit) {
    archive* reader = archive_read_new();
    archive_read_support_filter_all(reader);
    archive_read_support_format_raw(reader);
    archive_read_support_format_empty(reader);
    archive_read_open_memory(reader, bytes.data(), bytes.size());
    archive_entry* entry = nullptr;
    Expected<std::string> content = std::string();
    const int status = archive_read_next_header(reader, &entry);
    if (status == ARCHIVE_OK || status == ARCHIVE_WARN)
        content = readData(reader, limit, "a layer");
    else if (status != ARCHIVE_EOF)
        content = Error{"unexpected EOF"};
    archive_read_free(reader);
    return content;
}

} // namespace lab
