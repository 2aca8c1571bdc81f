// docker tag, rmi, diff, commit and container prune: images, and what containers wrote
// (docs/DOCKER-BEHAVIOUR.md §10.4).
#include "cli/Commands.h"
#include "docker/HumanSize.h"
#include "docker/ImageReference.h"
#include "engine/Engine.h"

namespace lab::cli {
namespace {

void failWith(Context& context, const std::string& line) {
    context.output.err.push_back(line);
    context.output.status = 1;
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
    if (flags.arguments.size() > 1) {
        auto reference = docker::parseImageReference(flags.arguments[1]);
        if (!reference)
            return failWith(context, reference.error().message);
        tag = *reference;
    }
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

} // namespace lab::cli
