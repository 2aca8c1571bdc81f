#include "UpperLayer.h"

#include "Syscalls.h"
#include "TarWriter.h"

#include <algorithm>
#include <cerrno>
#include <dirent.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <vector>

namespace lab::real {
namespace {

bool isWhiteout(const struct stat& entry) {
    return S_ISCHR(entry.st_mode) && entry.st_rdev == makedev(0, 0);
}

bool isOpaque(const std::string& dir) {
    char value = 0;
    return ::lgetxattr(dir.c_str(), "trusted.overlay.opaque", &value, 1) == 1 && value == 'y';
}

// overlayfs's redirect_dir and metacopy features keep a renamed directory or a file whose
// metadata alone changed as a pointer into the lower layers, not as content.
bool pointsBelow(const std::string& path) {
    for (const char* name : {"trusted.overlay.redirect", "trusted.overlay.metacopy"})
        if (::lgetxattr(path.c_str(), name, nullptr, 0) >= 0)
            return true;
    return false;
}

Expected<std::vector<std::string>> sortedNames(const std::string& dir) {
    DIR* stream = ::opendir(dir.c_str());
    if (!stream)
        return errnoError("opendir " + dir, errno);
    std::vector<std::string> names;
    while (const dirent* found = ::readdir(stream))
        if (std::string name = found->d_name; name != "." && name != "..")
            names.push_back(std::move(name));
    ::closedir(stream);
    std::sort(names.begin(), names.end());
    return names;
}

// The entries below upperDir/relative ("" or "etc/"), in name order, depth first.
Status addTree(TarWriter& tar, const std::string& upperDir, const std::string& relative) {
    auto names = sortedNames(upperDir + "/" + relative);
    if (!names)
        return names.error();
    for (const std::string& name : *names) {
        const std::string path = relative + name, host = upperDir + "/" + path;
        struct stat found {};
        if (::lstat(host.c_str(), &found) != 0)
            return errnoError("lstat " + host, errno);
        if (pointsBelow(host))
            return Error{"/" + path +
                         " is kept by overlayfs as a pointer into the image (redirect_dir or "
                         "metacopy is on): docker commit cannot write it as a layer"};
        const TarOwner owner{found.st_uid, found.st_gid, found.st_mtime};
        const mode_t mode = found.st_mode & 07777;
        if (isWhiteout(found)) {
            tar.file(relative + ".wh." + name, 0, {}, owner);
        } else if (S_ISDIR(found.st_mode)) {
            tar.directory(path + "/", mode, owner);
            if (isOpaque(host))
                tar.file(path + "/.wh..wh..opq", 0, {}, owner);
            if (Status below = addTree(tar, upperDir, path + "/"); !below)
                return below;
        } else if (S_ISLNK(found.st_mode)) {
            std::string target(std::size_t(found.st_size) + 1, '\0');
            const ssize_t length = ::readlink(host.c_str(), target.data(), target.size());
            if (length < 0)
                return errnoError("readlink " + host, errno);
            target.resize(std::size_t(length));
            tar.symlink(path, target, owner);
        } else if (S_ISREG(found.st_mode)) {
            std::ifstream file(host, std::ios::binary);
            std::stringstream content;
            content << file.rdbuf(); // an empty file inserts nothing
            if (!file || content.str().size() != std::size_t(found.st_size))
                return Error{"cannot read " + host};
            tar.file(path, mode, content.str(), owner);
        } else {
            return Error{"/" + path +
                         " is a device node, a FIFO or a socket: docker commit on the real "
                         "backend keeps files, directories and symbolic links only"};
        }
    }
    return Ok{};
}

} // namespace

Expected<std::string> layerOfUpperDir(const std::string& upperDir) {
    TarWriter tar(TarWriter::Format::Pax);
    if (Status added = addTree(tar, upperDir, ""); !added)
        return added.error().context("docker commit");
    return tar.finish();
}

} // namespace lab::real
