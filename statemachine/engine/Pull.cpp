#include "engine/Pull.h"

#include "engine/Registries.h"

#include <algorithm>
#include <map>

namespace lab {
namespace {

constexpr std::size_t kConcurrentDownloads = 3;

Duration transferTime(std::int64_t bytes, double bytesPerSecond) {
    return Duration(static_cast<long long>(double(bytes) / bytesPerSecond * 1e9));
}

} // namespace

PullPlan planPull(const ImageSpec& spec, const ImageStore& store, TimePoint start) {
    PullPlan plan;
    plan.digest = Registries::manifestDigestOf(spec);
    if (store.findById(imageIdOf(spec))) {
        plan.upToDate = true;
        return plan;
    }
    std::map<TimePoint, std::vector<std::string>> lines;
    std::vector<std::size_t> toFetch;
    for (std::size_t i = 0; i < spec.layers.size(); ++i) {
        const std::string digest = layerDigestOf(spec, i);
        const std::string shortId = digest.substr(7, 12);
        if (store.hasLayer(digest)) {
            lines[start].push_back(shortId + ": Already exists");
        } else {
            lines[start].push_back(shortId + ": Pulling fs layer");
            toFetch.push_back(i);
        }
    }
    // Downloads: the first three start at once, each later one when a slot frees up.
    std::vector<TimePoint> slotFree(kConcurrentDownloads, start);
    std::map<std::size_t, TimePoint> downloaded;
    for (std::size_t n = 0; n < toFetch.size(); ++n) {
        const std::size_t layer = toFetch[n];
        const std::string shortId = layerDigestOf(spec, layer).substr(7, 12);
        auto slot = std::min_element(slotFree.begin(), slotFree.end());
        if (n >= kConcurrentDownloads)
            lines[start].push_back(shortId + ": Waiting");
        const TimePoint done = *slot + transferTime(spec.layers[layer].size, kDownloadBytesPerSecond);
        *slot = done;
        downloaded[layer] = done;
        lines[done].push_back(shortId + ": Verifying Checksum");
        lines[done].push_back(shortId + ": Download complete");
    }
    // Extraction: bottom layer first, each once downloaded and its parent extracted.
    TimePoint extracted = start;
    for (std::size_t layer : toFetch) {
        const std::string shortId = layerDigestOf(spec, layer).substr(7, 12);
        extracted = std::max(extracted, downloaded[layer]) +
                    transferTime(spec.layers[layer].size, kExtractBytesPerSecond);
        lines[extracted].push_back(shortId + ": Pull complete");
    }
    for (auto& [at, text] : lines)
        plan.batches.push_back({at, std::move(text)});
    return plan;
}

} // namespace lab
