// docker images: one row per tag of each local image (or <none>), newest first, through docker's
// formatter.
#include "cli/Commands.h"
#include "docker/Formatter.h"
#include "docker/GoTime.h"
#include "docker/HumanDuration.h"
#include "docker/HumanSize.h"
#include "docker/ImageReference.h"
#include "engine/Engine.h"

#include <algorithm>

namespace lab::cli {
namespace {

using docker::TemplateValue;

constexpr const char* kImagesTable =
    "table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{.CreatedSince}}\\t{{.Size}}";
constexpr const char* kImageContext = "*formatter.imageContext";

TemplateValue imageRow(const Image& image, const std::string& repository, const std::string& tag,
                       TimePoint now, bool noTrunc) {
    TemplateValue::Fields fields = {
        {"Containers", "N/A"},
        {"CreatedAt", docker::formatGoTimeString(image.created)},
        {"CreatedSince", docker::humanDuration(now - image.created) + " ago"},
        {"Digest", image.repoDigest.empty() ? "<none>" : image.repoDigest},
        {"ID", noTrunc ? image.id : image.id.substr(7, 12)},
        {"Repository", repository},
        {"SharedSize", "N/A"},
        {"Size", docker::humanSize(double(image.size()))},
        {"Tag", tag},
        {"UniqueSize", "N/A"},
        {"VirtualSize", docker::humanSize(double(image.size()), 4)},
    };
    std::map<std::string, TemplateValue> view(fields.begin(), fields.end());
    return TemplateValue::structure(kImageContext, std::move(fields))
        .withJsonView(TemplateValue::map(view));
}

TemplateValue imageHeader() {
    return TemplateValue::structure(kImageContext, {{"Containers", "CONTAINERS"},
                                                    {"CreatedAt", "CREATED AT"},
                                                    {"CreatedSince", "CREATED"},
                                                    {"Digest", "DIGEST"},
                                                    {"ID", "IMAGE ID"},
                                                    {"Repository", "REPOSITORY"},
                                                    {"SharedSize", "SHARED SIZE"},
                                                    {"Size", "SIZE"},
                                                    {"Tag", "TAG"},
                                                    {"UniqueSize", "UNIQUE SIZE"},
                                                    {"VirtualSize", "VIRTUAL SIZE"}});
}

} // namespace

void runImages(Context& context, const ParsedFlags& flags) {
    const std::string pattern = flags.arguments.empty() ? "" : flags.arguments.front();
    const bool noTrunc = flags.isSet("no-trunc");
    std::vector<const Image*> images = context.engine.images().images();
    std::stable_sort(images.begin(), images.end(),
                     [](const Image* a, const Image* b) { return a->created > b->created; });
    const TimePoint now = context.engine.clock().now();
    std::vector<TemplateValue> rows;
    const ImageStore& store = context.engine.images();
    for (const Image* image : images) {
        // An image without names shows as <none> (a parent of other images only with -a).
        if (image->tags.empty() && pattern.empty() &&
            (flags.isSet("all") || store.children(image->id).empty()))
            rows.push_back(imageRow(*image, "<none>", "<none>", now, noTrunc));
        // The daemon lists an image's names in lexical order.
        std::vector<docker::ImageReference> tags = image->tags;
        std::sort(tags.begin(), tags.end(),
                  [](const auto& a, const auto& b) { return a.familiar() < b.familiar(); });
        for (const auto& tag : tags)
            if (docker::matchesImagePattern(tag, pattern))
                rows.push_back(imageRow(*image, tag.familiarName(), tag.tag, now, noTrunc));
    }
    std::string format = flags.value("format").value_or(kImagesTable);
    if (flags.isSet("quiet"))
        format = "{{.ID}}";
    printFormatted(context, format, imageHeader(), rows);
}

} // namespace lab::cli
