#include "ImageDirectory.h"

#include "Syscalls.h"
#include "docker/ImageReference.h"

#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace lab::real {
namespace {

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

} // namespace

Expected<std::string> ImageDirectory::directoryName(const std::string& reference) const {
    auto parsed = docker::parseImageReference(reference, docker::ReferenceGrammar::Engine);
    if (!parsed)
        return parsed.error();
    if (parsed->domain != "docker.io" || !parsed->digest.empty())
        return Error{"No such image: " + reference};
    std::string name = parsed->path + "_" + parsed->tag;
    for (char& c : name)
        if (c == '/')
            c = '+';
    return name;
}

Expected<std::string> ImageDirectory::rootfs(const std::string& reference) const {
    auto name = directoryName(reference);
    if (!name)
        return name.error();
    const std::string path = m_root + "/" + *name + "/rootfs";
    std::error_code error;
    if (!fs::is_directory(path, error))
        return Error{"No such image: " + reference};
    return path;
}

Status ImageDirectory::makeBusybox(const std::string& busyboxBinary) const {
    const std::string image = m_root + "/library+busybox_latest";
    std::error_code error;
    if (fs::is_directory(image + "/rootfs", error))
        return Ok{};
    auto applets = listApplets(busyboxBinary);
    if (!applets)
        return applets.error().context("making the busybox image");
    // Built aside and renamed into place: a half-made image is never found.
    const std::string building = image + ".building";
    fs::remove_all(building, error);
    const std::string rootfs = building + "/rootfs";
    for (const char* dir :
         {"bin", "sbin", "usr/bin", "usr/sbin", "proc", "dev", "sys", "tmp", "etc", "root"})
        if (fs::create_directories(rootfs + "/" + dir, error); error)
            return Error{"mkdir " + rootfs + "/" + dir + ": " + error.message()};
    fs::permissions(rootfs + "/tmp", fs::perms::all | fs::perms::sticky_bit, error);
    if (fs::copy_file(busyboxBinary, rootfs + "/bin/busybox", error); error)
        return Error{"copying " + busyboxBinary + ": " + error.message()};
    for (const std::string& applet : *applets) {
        const std::string link = rootfs + "/" + applet;
        if (applet == "bin/busybox" || fs::exists(fs::symlink_status(link, error)))
            continue;
        fs::create_directories(fs::path(link).parent_path(), error);
        if (fs::create_symlink("/bin/busybox", link, error); error)
            return Error{"symlink " + link + ": " + error.message()};
    }
    std::ofstream(rootfs + "/etc/passwd") << "root:x:0:0:root:/root:/bin/sh\n"
                                             "nobody:x:65534:65534:nobody:/home:/bin/false\n";
    std::ofstream(rootfs + "/etc/group") << "root:x:0:\nnogroup:x:65534:\n";
    if (fs::rename(building, image, error); error)
        return Error{"rename " + building + ": " + error.message()};
    return Ok{};
}

} // namespace lab::real
