#include "sim/Programs.h"

#include "sim/Applets.h"
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
// busybox applets modelled here (Applets.h has the instant ones).
constexpr std::array<std::string_view, 10> kBusybox = {"sh",     "ash",  "sleep", "cat",  "echo",
                                                       "printf", "true", "false", "test", "["};
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

// "./x", "x/", "/bin//sleep" -> an absolute path without redundant slashes.
std::string normalise(std::string_view name) {
    std::string path = name.substr(0, 2) == "./" ? std::string(name.substr(1)) : std::string(name);
    if (path.empty() || path[0] != '/')
        path.insert(path.begin(), '/');
    std::string out;
    for (char c : path)
        if (c != '/' || out.empty() || out.back() != '/')
            out += c;
    while (out.size() > 1 && out.back() == '/')
        out.pop_back();
    return out;
}

std::string basename(const std::string& path) {
    return path.substr(path.rfind('/') + 1);
}
std::string dirname(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == 0 ? "/" : path.substr(0, slash);
}

bool isBusyboxPath(const std::string& path) {
    return contains(kPath, dirname(path)) && contains(kBusybox, basename(path));
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
// Files the world gives content to print it; the image's other files read as empty.
std::unique_ptr<Process> catProgram(const std::vector<std::string>& argv, ProcessContext context,
                                    TimePoint now) {
    const auto files = context.files;
    auto program = std::make_unique<Program>(std::move(context), now);
    int code = 0;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string path = normalise(argv[i]);
        if (files && files->contains(path)) {
            program->print(now, Stream::Stdout, files->at(path));
        } else if (contains(kDirectories, path)) {
            program->print(now, Stream::Stderr, "cat: read error: Is a directory\n");
            code = 1;
        } else if (!contains(kPlainFiles, path) && lookupProgram(path) != Lookup::Found) {
            program->print(now, Stream::Stderr,
                           "cat: can't open '" + argv[i] + "': No such file or directory\n");
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

} // namespace

Lookup lookupProgram(std::string_view name) {
    if (name.find('/') == std::string_view::npos) {
        const std::string bare(name);
        return contains(kBusybox, bare) || isImageProgramName(bare) ? Lookup::Found
                                                                    : Lookup::NotInPath;
    }
    const std::string path = normalise(name);
    if (isBusyboxPath(path) || isImageProgramPath(path))
        return Lookup::Found;
    if (contains(kDirectories, path) || contains(kPlainFiles, path))
        return Lookup::PermissionDenied;
    return Lookup::NoSuchFile;
}

std::unique_ptr<Process> launchProgram(const std::vector<std::string>& argv, ProcessContext context,
                                       TimePoint now) {
    const bool bare = argv[0].find('/') == std::string::npos;
    const std::string path = bare ? std::string() : normalise(argv[0]);
    const std::string name = bare ? argv[0] : basename(path);
    if (auto image = launchImageProgram(bare ? name : path, argv, context, now))
        return image;
    if (name == "sh" || name == "ash")
        return shellProgram(argv, std::move(context), now);
    if (name == "sleep")
        return sleepProgram(argv, std::move(context), now);
    if (name == "cat")
        return catProgram(argv, std::move(context), now);
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
