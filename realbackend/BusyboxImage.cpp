// OciStore::makeBusybox: busybox:latest from Debian's busybox-static, offline. Its root
// filesystem (the binary at /bin/busybox, a symlink per applet from `busybox --list-full`,
// /proc /dev /sys /tmp /etc /root, /etc/passwd, /etc/group) is written as one ustar layer and
// stored with its config and manifest like any imported image.
#include "OciStore.h"
#include "Syscalls.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace lab::real {
namespace {

const std::string kBusybox = "docker.io/library/busybox:latest";
const std::string kPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

// `busybox --list-full`: "bin/sh", "usr/bin/env", ... one applet path per line.
Expected<std::vector<std::string>> listApplets(const std::string& binary) {
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) < 0)
        return errnoError("pipe2", errno);
    UniqueFd readEnd(pipeFds[0]), writeEnd(pipeFds[1]);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, writeEnd.get(), 1);
    std::string arg0 = binary, arg1 = "--list-full";
    char* argv[] = {arg0.data(), arg1.data(), nullptr};
    char* envp[] = {nullptr};
    pid_t pid = 0;
    const int spawned = ::posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv, envp);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return errnoError("posix_spawn " + binary, spawned);
    writeEnd.reset();
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = ::read(readEnd.get(), buffer, sizeof buffer)) != 0;) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;
        text.append(buffer, std::size_t(n));
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return Error{binary + " --list-full failed"};
    std::vector<std::string> applets;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty() && line.find("..") == std::string::npos && line[0] != '/')
            applets.push_back(line);
    return applets;
}

// One ustar header block.
std::string tarHeader(const std::string& name, char type, mode_t mode, std::uint64_t size,
                      const std::string& linkName) {
    char block[512] = {};
    std::string prefix, base = name;
    if (base.size() > 100) { // ustar: the directories part into the 155-byte prefix
        const std::size_t slash = base.rfind('/', base.size() - 2);
        prefix = base.substr(0, slash);
        base = base.substr(slash + 1);
    }
    std::memcpy(block, base.data(), std::min<std::size_t>(base.size(), 100));
    std::snprintf(block + 100, 8, "%07o", unsigned(mode & 07777));
    std::snprintf(block + 108, 8, "%07o", 0U);
    std::snprintf(block + 116, 8, "%07o", 0U);
    std::snprintf(block + 124, 12, "%011llo", static_cast<unsigned long long>(size));
    std::snprintf(block + 136, 12, "%011o", 0U);
    block[156] = type;
    std::memcpy(block + 157, linkName.data(), std::min<std::size_t>(linkName.size(), 100));
    std::memcpy(block + 257, "ustar", 6);
    std::memcpy(block + 263, "00", 2);
    std::memcpy(block + 345, prefix.data(), std::min<std::size_t>(prefix.size(), 155));
    std::memset(block + 148, ' ', 8);
    unsigned sum = 0;
    for (unsigned char c : block)
        sum += c;
    std::snprintf(block + 148, 8, "%06o", sum);
    return std::string(block, sizeof block);
}

// Appends one entry to a tar archive: a directory (name ends in '/'), a symlink, or a file.
void addEntry(std::string& archive, const std::string& name, char type, mode_t mode,
              const std::string& content = "", const std::string& linkName = "") {
    archive += tarHeader(name, type, mode, content.size(), linkName);
    archive += content + std::string((512 - content.size() % 512) % 512, '\0');
}

// busybox's root filesystem as one layer, written straight into the archive: /bin/busybox, a
// symlink per applet, the mount points, /etc/passwd and /etc/group.
Expected<std::string> busyboxLayer(const std::string& binary) {
    auto applets = listApplets(binary);
    if (!applets)
        return applets.error().context("making the busybox image");
    std::ifstream file(binary, std::ios::binary);
    std::stringstream content;
    if (!(content << file.rdbuf()))
        return Error{"cannot read " + binary};
    std::string archive;
    for (const char* dir : {"bin/", "dev/", "etc/", "proc/", "root/", "sbin/", "sys/", "usr/",
                            "usr/bin/", "usr/sbin/"})
        addEntry(archive, dir, '5', 0755);
    addEntry(archive, "tmp/", '5', 01777);
    addEntry(archive, "bin/busybox", '0', 0755, content.str());
    for (const std::string& applet : *applets)
        if (applet != "bin/busybox")
            addEntry(archive, applet, '2', 0777, "", "/bin/busybox");
    addEntry(archive, "etc/passwd", '0', 0644,
             "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n");
    addEntry(archive, "etc/group", '0', 0644, "root:x:0:\nnogroup:x:65534:\n");
    return archive + std::string(1024, '\0');
}

} // namespace

Status OciStore::makeBusybox(const std::string& busyboxBinary) const {
    if (find(kBusybox))
        return Ok{};
    auto layer = busyboxLayer(busyboxBinary);
    if (!layer)
        return layer.error();
    auto layerDigest = storeBlob(*layer);
    if (!layerDigest)
        return layerDigest.error();
    const std::string config =
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"" + kPath +
        "\"],\"Cmd\":[\"sh\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + *layerDigest +
        "\"]}}";
    auto configDigest = storeBlob(config);
    if (!configDigest)
        return configDigest.error();
    const std::string manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" +
        *configDigest + "\",\"size\":" + std::to_string(config.size()) +
        "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"" +
        *layerDigest + "\",\"size\":" + std::to_string(layer->size()) + "}]}";
    auto manifestDigest = storeBlob(manifest);
    if (!manifestDigest)
        return manifestDigest.error();
    return addToIndex(kBusybox, *manifestDigest, std::int64_t(manifest.size()));
}

} // namespace lab::real
