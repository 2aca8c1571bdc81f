#include "sim/Programs.h"

#include "sim/Applets.h"
#include "sim/Filesystem.h"
#include "sim/ImagePrograms.h"
#include "sim/Program.h"
#include "sim/Shell.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace lab {
namespace {

constexpr std::array<std::string_view, 6> kPath = {"/usr/local/sbin", "/usr/local/bin", "/usr/sbin",
                                                   "/usr/bin",        "/sbin",          "/bin"};
// busybox applets modelled here (Applets.h has the instant ones), and busybox itself.
constexpr std::array<std::string_view, 12> kBusybox = {
    "sh", "ash", "sleep", "cat", "rm", "echo", "printf", "true", "false", "test", "[", "busybox"};
// What else exists in an image's filesystem, for exec's "permission denied".
constexpr std::array<std::string_view, 18> kDirectories = {
    "/",        "/bin",       "/dev",           "/etc",      "/home",    "/proc",
    "/root",    "/sbin",      "/sys",           "/tmp",      "/usr",     "/var",
    "/usr/bin", "/usr/local", "/usr/local/bin", "/usr/sbin", "/var/log", "/run"};
constexpr std::array<std::string_view, 6> kPlainFiles = {
    "/etc/passwd", "/etc/group", "/etc/hosts", "/etc/hostname", "/etc/resolv.conf", "/etc/shadow"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

std::string basename(const std::string& path) {
    return path.substr(path.rfind('/') + 1);
}

bool isBusyboxPath(const std::string& path) {
    return contains(kPath, parentPath(path)) && contains(kBusybox, basename(path));
}

// busybox sleep: each argument a decimal number with an optional s/m/h/d suffix, summed;
// "inf" sleeps forever.
std::unique_ptr<Process> sleepProgram(const std::vector<std::string>& argv, ProcessContext context,
                                      TimePoint now) {
    auto program = std::make_unique<Program>(std::move(context), now);
    if (argv.size() < 2) {
        program->print(now, Stream::Stderr,
                       "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n"
                       "Usage: sleep [N]...\n\n"
                       "Pause for a time equal to the total of the args given, where each arg can\n"
                       "have an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n");
        program->exitAt(now, 1);
        return program;
    }
    double seconds = 0;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        std::string arg = argv[i];
        if (arg.rfind("inf", 0) == 0)
            return program; // no timetable: it sleeps until a signal ends it
        double scale = 1;
        if (!arg.empty() && std::string_view("smhd").find(arg.back()) != std::string_view::npos) {
            scale = arg.back() == 's'   ? 1
                    : arg.back() == 'm' ? 60
                    : arg.back() == 'h' ? 3600
                                        : 86400;
            arg.pop_back();
        }
        const bool valid = !arg.empty() &&
                           arg.find_first_not_of("0123456789.") == std::string::npos &&
                           std::count(arg.begin(), arg.end(), '.') <= 1 && arg != ".";
        if (!valid) {
            program->print(now, Stream::Stderr, "sleep: invalid number '" + argv[i] + "'\n");
            program->exitAt(now, 1);
            return program;
        }
        seconds += std::stod(arg) * scale;
    }
    // Past a century the sleep outlasts engine time (nanoseconds in an int64): it is forever.
    constexpr double kCentury = 100.0 * 365 * 86400;
    if (seconds > kCentury)
        return program;
    program->exitAt(now + Duration(std::llround(seconds * 1e9)), 0);
    return program;
}

// cat: with no arguments it reads stdin, which is at end of file without `docker run -i`.
// Files the world gives content or the container wrote print it; other files read as empty.
std::unique_ptr<Process> catProgram(const std::vector<std::string>& argv, ProcessContext context,
                                    TimePoint now) {
    const auto files = context.files;
    auto program = std::make_unique<Program>(std::move(context), now);
    int code = 0;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string path = normalisePath(argv[i]);
        if (const auto content = files->read(path)) {
            program->print(now, Stream::Stdout, *content);
        } else if (files->entry(path) == Filesystem::Entry::Directory) {
            program->print(now, Stream::Stderr, "cat: read error: Is a directory\n");
            code = 1;
        } else {
            program->print(now, Stream::Stderr,
                           "cat: can't open '" + argv[i] + "': No such file or directory\n");
            code = 1;
        }
    }
    program->exitAt(now, code);
    return program;
}

// rm [-f] FILE...: unlinks files from the container's filesystem (-f: a missing one is no
// error). Directories are refused as busybox does without -r; -r itself is not simulated.
std::unique_ptr<Process> rmProgram(const std::vector<std::string>& argv, ProcessContext context,
                                   TimePoint now) {
    const auto files = context.files;
    auto program = std::make_unique<Program>(std::move(context), now);
    bool force = false;
    std::size_t first = 1;
    for (; first < argv.size() && argv[first].size() > 1 && argv[first][0] == '-'; ++first) {
        if (argv[first] == "--") {
            ++first;
            break;
        }
        if (argv[first].find_first_not_of('f', 1) != std::string::npos) {
            program->print(now, Stream::Stderr,
                           "rm: only -f is simulated, not " + argv[first] + "\n");
            program->exitAt(now, 1);
            return program;
        }
        force = true;
    }
    int code = 0;
    for (std::size_t i = first; i < argv.size(); ++i) {
        const Status removed = files->remove(normalisePath(argv[i]));
        if (!removed &&
            !(force && files->entry(normalisePath(argv[i])) == Filesystem::Entry::None)) {
            program->print(now, Stream::Stderr,
                           "rm: can't remove '" + argv[i] + "': " + removed.error().message + "\n");
            code = 1;
        }
    }
    program->exitAt(now, code);
    return program;
}

std::unique_ptr<Process> shellProgram(const std::vector<std::string>& argv, ProcessContext context,
                                      TimePoint now) {
    const bool commandString = argv.size() > 1 && argv[1] == "-c";
    if (argv.size() > 1 && !commandString) {
        auto program = std::make_unique<Program>(std::move(context), now);
        program->print(now, Stream::Stderr,
                       "sh: can't open '" + argv[1] + "': No such file or directory\n");
        program->exitAt(now, 2);
        return program;
    }
    if (!commandString && context.stdinOpen) // sh with stdin open (-i): reads commands from it
        return std::make_unique<Shell>(std::move(context), nullptr,
                                       std::vector<std::string>{argv[0]}, false, now);
    if (!commandString || argv.size() < 3) {
        auto program = std::make_unique<Program>(std::move(context), now);
        if (commandString)
            program->print(now, Stream::Stderr, "sh: -c requires an argument\n");
        program->exitAt(now, commandString ? 2 : 0); // no stdin: the interactive loop sees EOF
        return program;
    }
    auto script = parseProgram(context, argv[2]);
    if (!script) {
        auto program = std::make_unique<Program>(std::move(context), now);
        program->print(now, Stream::Stderr, "sh: " + script.error().message + "\n");
        program->exitAt(now, 2);
        return program;
    }
    // sh -c SCRIPT [NAME [ARG...]]: NAME becomes $0, the rest $1...
    std::vector<std::string> args = argv.size() > 3
                                        ? std::vector<std::string>(argv.begin() + 3, argv.end())
                                        : std::vector<std::string>{argv[0]};
    return std::make_unique<Shell>(std::move(context), *script, std::move(args), true, now);
}

// busybox without an applet it models: its banner, or which applet it does not know.
std::unique_ptr<Process> busyboxProgram(const std::vector<std::string>& argv,
                                        ProcessContext context, TimePoint now) {
    auto program = std::make_unique<Program>(std::move(context), now);
    if (argv.size() > 1) {
        program->print(now, Stream::Stderr, argv[1] + ": applet not found\n");
        program->exitAt(now, 127);
        return program;
    }
    program->print(now, Stream::Stdout,
                   "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n");
    program->exitAt(now, 0);
    return program;
}

} // namespace

Lookup lookupProgram(std::string_view name) {
    if (name.find('/') == std::string_view::npos) {
        const std::string bare(name);
        return contains(kBusybox, bare) || isImageProgramName(bare) ? Lookup::Found
                                                                    : Lookup::NotInPath;
    }
    const std::string path = normalisePath(name);
    if (isBusyboxPath(path) || isImageProgramPath(path))
        return Lookup::Found;
    if (contains(kDirectories, path) || contains(kPlainFiles, path))
        return Lookup::PermissionDenied;
    return Lookup::NoSuchFile;
}

BaseEntry baseTreeEntry(const std::string& path) {
    if (contains(kDirectories, path))
        return BaseEntry::Directory;
    if (contains(kPlainFiles, path) || isBusyboxPath(path) || isImageProgramPath(path))
        return BaseEntry::File;
    return BaseEntry::None;
}

std::unique_ptr<Process> launchProgram(const std::vector<std::string>& argv, ProcessContext context,
                                       TimePoint now) {
    const bool bare = argv[0].find('/') == std::string::npos;
    const std::string path = bare ? std::string() : normalisePath(argv[0]);
    const std::string name = bare ? argv[0] : basename(path);
    if (auto image = launchImageProgram(bare ? name : path, argv, context, now))
        return image;
    if (name == "busybox" && argv.size() > 1 && contains(kBusybox, argv[1]) &&
        argv[1] != "busybox") // busybox APPLET ARG...: the applet runs with its own name
        return launchProgram({argv.begin() + 1, argv.end()}, std::move(context), now);
    if (name == "busybox")
        return busyboxProgram(argv, std::move(context), now);
    if (name == "sh" || name == "ash")
        return shellProgram(argv, std::move(context), now);
    if (name == "sleep")
        return sleepProgram(argv, std::move(context), now);
    if (name == "cat")
        return catProgram(argv, std::move(context), now);
    if (name == "rm")
        return rmProgram(argv, std::move(context), now);
    std::vector<std::string> appletArgv = argv;
    appletArgv[0] = name;
    const auto result = runApplet(appletArgv, name + ": ").value_or(AppletResult{{}, {}, 127});
    auto program = std::make_unique<Program>(std::move(context), now);
    if (!result.out.empty())
        program->print(now, Stream::Stdout, result.out);
    if (!result.err.empty())
        program->print(now, Stream::Stderr, result.err);
    program->exitAt(now, result.code);
    return program;
}

} // namespace lab
