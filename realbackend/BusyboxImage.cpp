// OciStore::makeBusybox: busybox:latest from Debian's busybox-static, offline. Its root
// filesystem (the binary at /bin/busybox, a symlink per applet from `busybox --list-full`,
// /proc /dev /sys /tmp /etc /root, /etc/passwd, /etc/group) is written as one ustar layer (by
// libarchive) and
// stored with its config and manifest like any imported image.
#include "OciStore.h"
#include "Syscalls.h"
#include "TarWriter.h"
#include "base/Sha256.h"

#include <algorithm>
#include <cerrno>
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
    TarWriter archive;
    for (const char* dir : {"bin/", "dev/", "etc/", "proc/", "root/", "sbin/", "sys/", "usr/",
                            "usr/bin/", "usr/sbin/"})
        archive.directory(dir, 0755);
    archive.directory("tmp/", 01777);
    archive.file("bin/busybox", 0755, content.str());
    for (const std::string& applet : *applets)
        if (applet != "bin/busybox")
            archive.symlink(applet, "/bin/busybox");
    archive.file("etc/passwd", 0644,
                 "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n");
    archive.file("etc/group", 0644, "root:x:0:\nnogroup:x:65534:\n");
    auto layer = archive.finish();
    if (!layer)
        return layer.error().context("the busybox layer");
    return layer;
}

} // namespace

Status OciStore::makeBusybox(const std::string& busyboxBinary) const {
    if (find(kBusybox))
        return Ok{};
    auto layer = busyboxLayer(busyboxBinary);
    if (!layer)
        return layer.error();
    const std::string config =
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"" + kPath +
        "\"],\"Cmd\":[\"sh\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:" +
        sha256Hex(*layer) + "\"]}}";
    return store(config, {*layer}, {kBusybox});
}

} // namespace lab::real
