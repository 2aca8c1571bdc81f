// docker load and docker import: the CLI reads the archive the user names and sends it to the
// daemon, which checks it whole before it stores anything (docs/DOCKER-BEHAVIOUR.md §10.6).
#include "base/Limits.h"
#include "cli/Commands.h"
#include "docker/ImageReference.h"
#include "engine/Engine.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

namespace lab::cli {
namespace {

void failWith(Context& context, const std::string& line) {
    context.output.err.push_back(line);
    context.output.status = 1;
}

// The file as Go's os.Open and io.Copy would report it ("open x.tar: no such file or
// directory"), bounded.
Expected<std::string> readArchive(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        std::string why = std::strerror(errno);
        why[0] = char(std::tolower(static_cast<unsigned char>(why[0])));
        return Error{"open " + path + ": " + why};
    }
    struct stat status {};
    if (::stat(path.c_str(), &status) == 0 && S_ISDIR(status.st_mode))
        return Error{"read " + path + ": is a directory"};
    std::string bytes;
    char chunk[64 * 1024];
    while (file.read(chunk, sizeof chunk) || file.gcount() > 0) {
        if (bytes.size() + std::size_t(file.gcount()) > limits::kImageArchiveBytes)
            return Error{limits::beyond(path + " is too large to load",
                                        std::int64_t(limits::kImageArchiveBytes))};
        bytes.append(chunk, std::size_t(file.gcount()));
    }
    return bytes;
}

} // namespace

void runLoad(Context& context, const ParsedFlags& flags) {
    const std::string input = flags.value("input").value_or("");
    // The console is a terminal: there is nothing to read from standard input.
    if (input.empty())
        return failWith(context, "requested load from stdin, but stdin is empty");
    auto bytes = readArchive(input);
    if (!bytes)
        return failWith(context, bytes.error().message);
    auto lines = context.engine.load(*bytes);
    if (!lines) // the daemon's error comes in the progress stream: no "Error response" prefix
        return failWith(context, lines.error().message);
    context.output.out.insert(context.output.out.end(), lines->begin(), lines->end());
}

void runImport(Context& context, const ParsedFlags& flags) {
    std::optional<ImageReference> tag;
    if (flags.arguments.size() > 1) {
        auto reference = docker::parseImageReference(flags.arguments[1]);
        if (!reference)
            return failWith(context, reference.error().message);
        tag = *reference;
    }
    if (flags.arguments[0] == "-")
        return failWith(context, "docker import - reads standard input, which the console "
                                 "does not have: name a file");
    auto bytes = readArchive(flags.arguments[0]);
    if (!bytes)
        return failWith(context, bytes.error().message);
    auto image = context.engine.importImage(*bytes, tag);
    if (!image)
        return failWith(context, fromDaemon(image.error().message));
    context.output.out.push_back((*image)->id);
}

} // namespace lab::cli
