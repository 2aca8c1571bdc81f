// RealBackend: docker diff, read from what overlayfs keeps of a container's writes. Its upper
// directory holds every file the container added or changed (copied up whole) and a whiteout
// (a character device 0:0) for every file of the image it deleted; a path that is also in the
// image (the lower directory) was changed, one that is not was added. As Docker's overlay2
// driver reports them (docs/DOCKER-BEHAVIOUR.md §10.4): a directory whose entries changed is C,
// the contents of an added directory are A each, nothing below a deleted path is listed.
// docker commit writes the upper directory as a layer (UpperLayer.h) on the container's image in
// the store (LocalImages.h); docker rmi deletes what the store no longer needs.
#include "ContainerSandbox.h"
#include "UpperLayer.h"
#include "docker/GoTime.h"
#include "engine/Container.h"

#include <algorithm>
#include <filesystem>
#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace lab::real {
namespace {

namespace fs = std::filesystem;

bool isWhiteout(const struct stat& entry) {
    return S_ISCHR(entry.st_mode) && entry.st_rdev == makedev(0, 0);
}

// The changes below upper/relative, against lower/relative; never follows a symbolic link.
void collect(const std::string& upper, const std::string& lower, const std::string& relative,
             LayerChanges& layer, std::int64_t& bytes) {
    std::error_code error;
    for (const fs::directory_entry& entry : fs::directory_iterator(upper + relative, error)) {
        const std::string path = relative + "/" + entry.path().filename().string();
        struct stat found {};
        if (::lstat((upper + path).c_str(), &found) != 0)
            continue;
        struct stat below {};
        const bool inImage = ::lstat((lower + path).c_str(), &below) == 0;
        if (isWhiteout(found)) {
            if (inImage) {
                layer.changes.push_back({FileChange::Kind::Deleted, path});
                layer.deleted.insert(path);
            }
            continue;
        }
        layer.changes.push_back(
            {inImage ? FileChange::Kind::Changed : FileChange::Kind::Added, path});
        if (S_ISDIR(found.st_mode))
            collect(upper, lower, path, layer, bytes);
        else if (S_ISREG(found.st_mode))
            bytes += found.st_size;
    }
}

} // namespace

Expected<LayerChanges> RealBackend::writableLayer(const Container& container) const {
    ContainerSandbox* found = sandbox(container.id);
    if (!found)
        return Error{"RWLayer of container " + container.name + " is unexpectedly nil"};
    if (found->lowerDir.empty())
        return Error{"docker diff needs the container's writes in an overlay's upper directory: " +
                     m_rootfsDescription};
    LayerChanges layer;
    std::int64_t bytes = 0;
    collect(found->dir + "/upper", found->lowerDir, "", layer, bytes);
    std::sort(layer.changes.begin(), layer.changes.end(),
              [](const FileChange& a, const FileChange& b) { return a.path < b.path; });
    layer.measuredBytes = bytes;
    return layer;
}

Expected<std::optional<CommittedImage>>
RealBackend::commitImage(const Container& container, const ImageSpec& spec, bool addsLayer) {
    ContainerSandbox* found = sandbox(container.id);
    if (!found)
        return Error{"RWLayer of container " + container.name + " is unexpectedly nil"};
    if (found->lowerDir.empty())
        return Error{"docker commit needs the container's writes in an overlay's upper "
                     "directory: " +
                     m_rootfsDescription};
    std::optional<std::string> layer;
    if (addsLayer) {
        auto written = layerOfUpperDir(found->dir + "/upper");
        if (!written)
            return written.error();
        layer = std::move(*written);
    }
    const CommitSettings settings{
        container.id,    spec.cmd,
        spec.entrypoint, mergeEnv(container.config.env, found->imageConfig.env),
        spec.stopSignal, docker::formatRfc3339Nano(spec.created.value_or(m_clock.now()))};
    auto committed = m_images.commit(container.config.imageId, layer, settings);
    if (!committed)
        return committed.error();
    std::string line = "commit: config " + committed->id + ", ";
    if (layer)
        line += "layer " + committed->diffId + " (" + std::to_string(layer->size()) +
                " bytes of tar from " + found->dir + "/upper)";
    else
        line += "no layer (an empty diff)";
    m_traces[container.id].push_back(std::move(line));
    return std::optional<CommittedImage>(std::move(*committed));
}

std::set<std::string> RealBackend::rootfsInUse() const {
    std::set<std::string> inUse;
    for (const auto& [id, box] : m_sandboxes)
        for (const std::string& rootfs : {box->lowerDir, box->imageRootfs})
            if (!rootfs.empty())
                inUse.insert(rootfs);
    return inUse;
}

void RealBackend::imageDeleted(const std::string& id) {
    m_images.deleted(id, rootfsInUse());
}

} // namespace lab::real
