#include "TarWriter.h"

#include <archive.h>
#include <archive_entry.h>

namespace lab::real {

TarWriter::TarWriter(Format format) : m_archive(archive_write_new()), m_entry(archive_entry_new()) {
    if (format == Format::Ustar)
        archive_write_set_format_ustar(m_archive);
    else
        archive_write_set_format_pax_restricted(m_archive);
    archive_write_set_bytes_in_last_block(m_archive, 1);
    archive_write_open(m_archive, this, nullptr, &TarWriter::append, nullptr);
}

TarWriter::~TarWriter() {
    archive_entry_free(m_entry);
    archive_write_free(m_archive);
}

void TarWriter::directory(const std::string& name, mode_t mode, const TarOwner& owner) {
    add(name, AE_IFDIR, mode, {}, {}, owner);
}

void TarWriter::file(const std::string& name, mode_t mode, const std::string& content,
                     const TarOwner& owner) {
    add(name, AE_IFREG, mode, content, {}, owner);
}

void TarWriter::symlink(const std::string& name, const std::string& target, const TarOwner& owner) {
    add(name, AE_IFLNK, 0777, {}, target, owner);
}

Expected<std::string> TarWriter::finish() {
    if (archive_write_close(m_archive) != ARCHIVE_OK || !m_failure.empty())
        return Error{"writing a layer: " + (m_failure.empty() ? why() : m_failure)};
    return std::move(m_bytes);
}

ssize_t TarWriter::append(archive*, void* self, const void* bytes, std::size_t size) {
    static_cast<TarWriter*>(self)->m_bytes.append(static_cast<const char*>(bytes), size);
    return ssize_t(size);
}

void TarWriter::add(const std::string& name, mode_t type, mode_t mode, const std::string& content,
                    const std::string& linkTarget, const TarOwner& owner) {
    archive_entry_clear(m_entry);
    archive_entry_set_pathname(m_entry, name.c_str());
    archive_entry_set_filetype(m_entry, type);
    archive_entry_set_perm(m_entry, mode);
    archive_entry_set_size(m_entry, la_int64_t(content.size()));
    archive_entry_set_uid(m_entry, owner.uid);
    archive_entry_set_gid(m_entry, owner.gid);
    archive_entry_set_mtime(m_entry, owner.mtime, 0);
    if (!linkTarget.empty())
        archive_entry_set_symlink(m_entry, linkTarget.c_str());
    if (archive_write_header(m_archive, m_entry) != ARCHIVE_OK ||
        (!content.empty() && archive_write_data(m_archive, content.data(), content.size()) !=
                                 la_ssize_t(content.size())))
        if (m_failure.empty())
            m_failure = name + ": " + why();
}

std::string TarWriter::why() const {
    const char* text = archive_error_string(m_archive);
    return text ? text : "unknown error";
}

} // namespace lab::real
