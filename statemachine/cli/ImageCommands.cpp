// docker tag, rmi, diff, commit, container prune, load and import: images, and what containers
// wrote (docs/DOCKER-BEHAVIOUR.md §10.4, §10.6). load and import read the archive the user
// names and send it to the daemon, which checks it whole before it stores anything.
#include "base/Limits.h"
#include "cli/Commands.h"
#include "docker/HumanSize.h"
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

// A name for a new image, the handler's argument index if given (commit, import); false when it
// is not a valid one (the error is printed).
bool optionalName(Context& context, const ParsedFlags& flags, std::size_t index,
                  std::optional<ImageReference>& name) {
    if (flags.arguments.size() <= index)
        return true;
    auto reference = docker::parseImageReference(flags.arguments[index]);
    if (!reference) {
        failWith(context, reference.error().message);
        return false;
    }
    name = *reference;
    return true;
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

void runTag(Context& context, const ParsedFlags& flags) {
    // The client parses the new name before it asks the daemon.
    const std::string& target = flags.arguments[1];
    auto reference = docker::parseImageReference(target);
    if (!reference)
        return failWith(context,
                        "Error parsing reference: \"" + target +
                            "\" is not a valid repository/tag: " + reference.error().message);
    if (Status tagged = context.engine.tag(flags.arguments[0], *reference); !tagged)
        failWith(context, fromDaemon(tagged.error().message));
}

void runRmi(Context& context, const ParsedFlags& flags) {
    // Each image in turn; the errors come together at the end.
    std::vector<std::string> errors;
    for (const std::string& image : flags.arguments) {
        auto lines = context.engine.removeImage(image, flags.isSet("force"));
        if (!lines) {
            errors.push_back(fromDaemon(lines.error().message));
            continue;
        }
        context.output.out.insert(context.output.out.end(), lines->begin(), lines->end());
    }
    for (const std::string& error : errors)
        failWith(context, error);
}

void runDiff(Context& context, const ParsedFlags& flags) {
    auto container = context.engine.find(flags.arguments[0]);
    if (!container)
        return failWith(context, fromDaemon(container.error().message));
    auto changes = context.engine.changes(**container);
    if (!changes)
        return failWith(context, fromDaemon(changes.error().message));
    for (const FileChange& change : *changes)
        context.output.out.push_back(std::string(1, change.letter()) + " " + change.path);
}

void runCommit(Context& context, const ParsedFlags& flags) {
    std::optional<ImageReference> tag;
    if (!optionalName(context, flags, 1, tag))
        return;
    auto container = context.engine.find(flags.arguments[0]);
    if (!container)
        return failWith(context, fromDaemon(container.error().message));
    auto image = context.engine.commit(**container, tag);
    if (!image)
        return failWith(context, fromDaemon(image.error().message));
    context.output.out.push_back((*image)->id);
}

void runContainerPrune(Context& context, const ParsedFlags& flags) {
    if (!flags.isSet("force"))
        return failWith(context, "docker container prune asks for confirmation, which the lab "
                                 "cannot read: give -f");
    const Engine::PruneReport report = context.engine.pruneContainers();
    if (!report.deleted.empty()) {
        context.output.out.push_back("Deleted Containers:");
        context.output.out.insert(context.output.out.end(), report.deleted.begin(),
                                  report.deleted.end());
        context.output.out.emplace_back();
    }
    context.output.out.push_back("Total reclaimed space: " +
                                 docker::humanSize(double(report.reclaimed)));
}

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
    if (!optionalName(context, flags, 1, tag))
        return;
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
