#include "engine/Pull.h"

#include "engine/Registries.h"

#include <algorithm>
#include <map>

namespace lab {
namespace {

constexpr std::size_t kConcurrentDownloads = 3;

// Held at a year per layer, so that even 125 layers of 2^53 bytes end within engine time's
// range (an int64 of nanoseconds) instead of overflowing it.
Duration transferTime(std::int64_t bytes, double bytesPerSecond) {
    constexpr double kLongest = 365.0 * 24 * 3600 * 1e9;
    return Duration(
        static_cast<long long>(std::min(double(bytes) / bytesPerSecond * 1e9, kLongest)));
}

double fractionBetween(TimePoint from, TimePoint to, TimePoint now) {
    if (to <= from)
        return 1;
    return std::clamp(double((now - from).count()) / double((to - from).count()), 0.0, 1.0);
}

// How much of layer's bytes had come by now: linear between the samples around now, from none at
// downloadStart.
double receivedFraction(const LayerPull& layer, TimePoint now) {
    if (layer.size <= 0)
        return 1;
    ByteSample before{layer.downloadStart, 0};
    for (const ByteSample& sample : layer.received) {
        if (sample.at > now) {
            const double bytes = double(before.bytes) + fractionBetween(before.at, sample.at, now) *
                                                            double(sample.bytes - before.bytes);
            return std::clamp(bytes / double(layer.size), 0.0, 1.0);
        }
        before = sample;
    }
    return std::clamp(double(before.bytes) / double(layer.size), 0.0, 1.0);
}

// When each layer to fetch downloads and extracts: the first three downloads start at once, each
// later one when a slot frees up; extraction goes bottom first, each layer once downloaded and
// its parent extracted.
void schedule(std::vector<LayerPull>& layers, TimePoint start) {
    std::vector<TimePoint> slotFree(kConcurrentDownloads, start);
    TimePoint extracted = start;
    for (LayerPull& layer : layers) {
        if (layer.alreadyExists)
            continue;
        auto slot = std::min_element(slotFree.begin(), slotFree.end());
        layer.downloadStart = *slot;
        layer.downloaded = *slot = *slot + transferTime(layer.size, kDownloadBytesPerSecond);
    }
    for (LayerPull& layer : layers) {
        if (layer.alreadyExists)
            continue;
        layer.extractStart = std::max(extracted, layer.downloaded);
        layer.extracted = extracted =
            layer.extractStart + transferTime(layer.size, kExtractBytesPerSecond);
    }
}

// The daemon's progress stream, rendered from the schedule.
std::vector<PullBatch> progressLines(const std::vector<LayerPull>& layers, TimePoint start) {
    std::map<TimePoint, std::vector<std::string>> lines;
    for (const LayerPull& layer : layers)
        lines[start].push_back(layer.shortId +
                               (layer.alreadyExists ? ": Already exists" : ": Pulling fs layer"));
    std::size_t fetching = 0;
    for (const LayerPull& layer : layers)
        if (!layer.alreadyExists && fetching++ >= kConcurrentDownloads)
            lines[start].push_back(layer.shortId + ": Waiting");
    for (const LayerPull& layer : layers) {
        if (layer.alreadyExists)
            continue;
        lines[layer.downloaded].push_back(layer.shortId + ": Verifying Checksum");
        lines[layer.downloaded].push_back(layer.shortId + ": Download complete");
    }
    for (const LayerPull& layer : layers)
        if (!layer.alreadyExists)
            lines[layer.extracted].push_back(layer.shortId + ": Pull complete");
    std::vector<PullBatch> batches;
    for (auto& [at, text] : lines)
        batches.push_back({at, std::move(text)});
    return batches;
}

} // namespace

PullPlan planPull(const ImageSpec& spec, const ImageStore& store, TimePoint start) {
    PullPlan plan;
    plan.start = start;
    plan.digest = Registries::manifestDigestOf(spec);
    if (store.findById(imageIdOf(spec))) {
        plan.upToDate = true;
        return plan;
    }
    for (std::size_t i = 0; i < spec.layers.size(); ++i) {
        const std::string digest = layerDigestOf(spec, i);
        LayerPull layer{digest.substr(7, 12), spec.layers[i].size, store.hasLayer(digest)};
        layer.downloadStart = layer.downloaded = layer.extractStart = layer.extracted = start;
        plan.layers.push_back(std::move(layer));
    }
    schedule(plan.layers, start);
    plan.batches = progressLines(plan.layers, start);
    return plan;
}

LayerProgress progressAt(const LayerPull& layer, TimePoint now) {
    if (layer.alreadyExists)
        return {LayerPhase::AlreadyExists, 1};
    if (now >= layer.extracted)
        return {LayerPhase::Complete, 1};
    if (now >= layer.extractStart)
        return {LayerPhase::Extracting, fractionBetween(layer.extractStart, layer.extracted, now)};
    if (now >= layer.downloadStart) // downloading, or downloaded and waiting for its parent
        return {LayerPhase::Downloading,
                layer.received.empty() ? fractionBetween(layer.downloadStart, layer.downloaded, now)
                                       : receivedFraction(layer, now)};
    return {LayerPhase::Waiting, 0};
}

} // namespace lab
