// docker save's format and the OCI image layout, read from one archive and checked
// (engine/ImageArchive.h); moby's image/tarexport/load.go for the order of the checks and the
// words Docker has for them (docs/DOCKER-BEHAVIOUR.md §10.6).
#include "engine/ImageArchive.h"

#include "base/Limits.h"
#include "base/Sha256.h"
#include "docker/GoTime.h"
#include "engine/TarReader.h"

#include <archive_entry.h>
#include <nlohmann/json.hpp>

namespace lab {
namespace {

using Json = nlohmann::json;

constexpr int kLinkHops = 8;

// Go's archive/tar errors in a layer reach the CLI through Docker's layer applier, which
// prefixes them; the lab's own checks keep their words.
Error appliedLayerError(const Error& error) {
    const bool goWords =
        error.message == "unexpected EOF" || error.message == "archive/tar: invalid tar header";
    return Error{goWords ? "ApplyLayer exit status 1 stdout:  stderr: " + error.message
                         : error.message};
}

// The members of the archive: regular files and the symbolic links between them.
struct Members {
    std::map<std::string, std::string> files; ///< path (no leading slash) -> content
    std::map<std::string, std::string> links; ///< path -> the path it points to

    // The content at name, through links that stay inside the archive.
    Expected<const std::string*> open(std::string name) const {
        for (int hop = 0; hop <= kLinkHops; ++hop) {
            if (const auto file = files.find(name); file != files.end())
                return &file->second;
            const auto link = links.find(name);
            if (link == links.end())
                break;
            name = link->second;
        }
        return Error{"open " + name + ": no such file or directory"};
    }
};

Expected<Members> membersOf(std::string_view bytes) {
    TarReader reader(bytes);
    Members members;
    std::size_t total = 0;
    for (;;) {
        auto more = reader.next();
        if (!more)
            return Error{"Error processing tar file(exit status 1): " + more.error().message};
        if (!*more)
            return members;
        archive_entry* entry = reader.entry();
        auto path = insidePath(reader.name(), "archive entry");
        if (!path)
            return path.error();
        const std::string name = path->substr(1);
        if (archive_entry_filetype(entry) == AE_IFLNK) {
            const std::string target = reader.symlinkTarget();
            const std::string directory = name.substr(0, name.rfind('/') + 1);
            auto resolved =
                insidePath(target.starts_with('/') ? target.substr(1) : directory + target,
                           "archive link " + name + " ->");
            if (!resolved)
                return resolved.error();
            members.links[name] = resolved->substr(1);
        } else if (archive_entry_filetype(entry) == AE_IFREG) {
            auto content = reader.content(limits::kImageLayerBytes - total);
            if (!content)
                return Error{"Error processing tar file(exit status 1): " +
                             content.error().message};
            total += content->size();
            members.files[name] = std::move(*content);
        }
    }
}

const Json& member(const Json& object, const char* key) {
    static const Json null;
    if (!object.is_object())
        return null;
    const auto found = object.find(key);
    return found == object.end() ? null : *found;
}

std::vector<std::string> strings(const Json& list) {
    std::vector<std::string> words;
    if (list.is_array())
        for (const Json& word : list)
            if (word.is_string())
                words.push_back(word.get<std::string>());
    return words;
}

const Json& items(const Json& list) {
    static const Json none = Json::array();
    return list.is_array() ? list : none;
}

std::string text(const Json& value) {
    return value.is_string() ? value.get<std::string>() : std::string();
}

Expected<Json> parsed(const std::string& document, const std::string& what) {
    Json value = Json::parse(document, nullptr, false);
    if (value.is_discarded())
        return Error{"invalid JSON in " + what};
    return value;
}

// A blob named by its digest ("blobs/sha256/<hex>", or docker save's "<hex>.json") must hash to
// it.
Status checkNamedDigest(const std::string& name, const std::string& content) {
    std::string hex = name.substr(name.rfind('/') + 1);
    if (hex.ends_with(".json"))
        hex.resize(hex.size() - 5);
    const bool named =
        hex.size() == 64 && hex.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (!named || (name.find('/') != std::string::npos && !name.starts_with("blobs/sha256/")))
        return Ok{};
    const std::string actual = sha256Hex(content);
    if (actual != hex)
        return Error{"invalid digest for " + name + ": its content hashes to sha256:" + actual};
    return Ok{};
}

// The image of a config and its layers' archive members, checked against each other.
Expected<ArchiveImage> imageOf(const Members& members, const std::string& configName,
                               const std::vector<std::string>& layerNames) {
    auto config = members.open(configName);
    if (!config)
        return config.error();
    if (Status named = checkNamedDigest(configName, **config); !named)
        return named.error();
    auto document = parsed(**config, configName);
    if (!document)
        return document.error();
    ArchiveImage image;
    image.config = **config;
    image.id = "sha256:" + sha256Hex(image.config);
    const Json& settings = member(*document, "config");
    image.spec.cmd = strings(member(settings, "Cmd"));
    image.spec.entrypoint = strings(member(settings, "Entrypoint"));
    image.spec.stopSignal = text(member(settings, "StopSignal"));
    if (auto created = docker::parseEventTime(text(member(*document, "created")), TimePoint{}))
        image.spec.created = *created;
    const std::vector<std::string> diffIds =
        strings(member(member(*document, "rootfs"), "diff_ids"));
    if (diffIds.size() != layerNames.size())
        return Error{"invalid manifest, layers length mismatch: expected " +
                     std::to_string(diffIds.size()) + ", got " + std::to_string(layerNames.size())};
    if (layerNames.size() > limits::kImageLayers)
        return Error{"max depth exceeded"};
    std::size_t unpacked = 0;
    for (std::size_t i = 0; i < layerNames.size(); ++i) {
        auto blob = members.open(layerNames[i]);
        if (!blob)
            return blob.error();
        if (Status named = checkNamedDigest(layerNames[i], **blob); !named)
            return named.error();
        auto layer = readLayer(**blob);
        if (!layer)
            return appliedLayerError(layer.error());
        if ((unpacked += layer->tar.size()) > limits::kImageLayerBytes)
            return Error{limits::beyond("the image's layers are too large once decompressed",
                                        std::int64_t(limits::kImageLayerBytes))};
        if (layer->diffId != diffIds[i])
            return Error{"invalid diffID for layer " + std::to_string(i) + ": expected \"" +
                         diffIds[i] + "\", got \"" + layer->diffId + "\""};
        image.spec.layers.push_back(LayerSpec{layer->size});
        for (const std::string& path : layer->deleted)
            image.spec.files.erase(path);
        for (const auto& [path, content] : layer->files)
            image.spec.files[path] = content;
        image.layers.push_back(std::move(*layer));
    }
    return image;
}

Status addTag(ArchiveImage& image, const std::string& name) {
    auto tag = docker::parseImageReference(name);
    if (!tag)
        return Error{"invalid reference format: " + name};
    image.tags.push_back(*tag);
    return Ok{};
}

// docker save: manifest.json lists each image's config, names and layers.
Expected<std::vector<ArchiveImage>> dockerSaveImages(const Members& members) {
    auto manifest = parsed(members.files.at("manifest.json"), "manifest.json");
    if (!manifest)
        return manifest.error();
    std::vector<ArchiveImage> images;
    for (const Json& entry : items(*manifest)) {
        auto image =
            imageOf(members, text(member(entry, "Config")), strings(member(entry, "Layers")));
        if (!image)
            return image.error();
        for (const std::string& name : strings(member(entry, "RepoTags")))
            if (Status tagged = addTag(*image, name); !tagged)
                return tagged.error();
        images.push_back(std::move(*image));
    }
    return images;
}

// A descriptor's blob, which must have the size the descriptor says.
Expected<std::string> blobName(const Members& members, const Json& descriptor) {
    const std::string digest = text(member(descriptor, "digest"));
    if (!digest.starts_with("sha256:"))
        return Error{"unsupported digest \"" + digest + "\" (only sha256 is read)"};
    const std::string name = "blobs/sha256/" + digest.substr(7);
    auto content = members.open(name);
    if (!content)
        return content.error();
    const Json& size = member(descriptor, "size");
    if (size.is_number_integer() && size.get<std::int64_t>() != std::int64_t((*content)->size()))
        return Error{"invalid size for " + name + ": " + std::to_string((*content)->size()) +
                     " bytes, its descriptor says " + std::to_string(size.get<std::int64_t>())};
    if (Status named = checkNamedDigest(name, **content); !named)
        return named.error();
    return name;
}

// The OCI image layout: index.json -> manifests -> config and layers, all blobs by digest.
Expected<std::vector<ArchiveImage>> ociImages(const Members& members) {
    auto index = parsed(members.files.at("index.json"), "index.json");
    if (!index)
        return index.error();
    std::vector<ArchiveImage> images;
    for (const Json& descriptor : items(member(*index, "manifests"))) {
        if (text(member(descriptor, "mediaType")).find("index") != std::string::npos)
            return Error{"an image index (several platforms) is not loaded: save one platform"};
        auto manifestName = blobName(members, descriptor);
        if (!manifestName)
            return manifestName.error();
        auto manifest = parsed(**members.open(*manifestName), *manifestName);
        if (!manifest)
            return manifest.error();
        auto configName = blobName(members, member(*manifest, "config"));
        if (!configName)
            return configName.error();
        std::vector<std::string> layerNames;
        for (const Json& layer : items(member(*manifest, "layers"))) {
            auto name = blobName(members, layer);
            if (!name)
                return name.error();
            layerNames.push_back(*name);
        }
        auto image = imageOf(members, *configName, layerNames);
        if (!image)
            return image.error();
        const Json& annotations = member(descriptor, "annotations");
        std::string name = text(member(annotations, "io.containerd.image.name"));
        if (const std::string ref = text(member(annotations, "org.opencontainers.image.ref.name"));
            name.empty() && ref.find_first_of(":/") != std::string::npos)
            name = ref; // a bare tag ("latest") names no repository
        if (!name.empty())
            if (Status tagged = addTag(*image, name); !tagged)
                return tagged.error();
        images.push_back(std::move(*image));
    }
    return images;
}

} // namespace

Expected<ArchiveImage> imageOfBlobs(std::string config, std::vector<std::string> layerBlobs) {
    Members members;
    members.files["config"] = std::move(config);
    std::vector<std::string> layerNames;
    for (std::size_t i = 0; i < layerBlobs.size(); ++i) {
        layerNames.push_back("layer " + std::to_string(i));
        members.files[layerNames.back()] = std::move(layerBlobs[i]);
    }
    return imageOf(members, "config", layerNames);
}

Expected<std::vector<ArchiveImage>> readImageArchive(std::string_view bytes) {
    auto members = membersOf(bytes);
    if (!members)
        return members.error();
    if (members->files.contains("manifest.json"))
        return dockerSaveImages(*members);
    if (members->files.contains("index.json"))
        return ociImages(*members);
    return Error{"the archive has neither manifest.json (docker save) nor index.json (an OCI "
                 "image layout): it holds no image"};
}

Expected<ArchiveImage> importRootfs(std::string_view bytes, TimePoint created) {
    auto layer = readLayer(bytes);
    if (!layer)
        return appliedLayerError(layer.error());
    // The config Docker 20.10's daemon writes for an import, member for member (Go's order).
    const nlohmann::ordered_json empty{
        {"Hostname", ""},       {"Domainname", ""},      {"User", ""},
        {"AttachStdin", false}, {"AttachStdout", false}, {"AttachStderr", false},
        {"Tty", false},         {"OpenStdin", false},    {"StdinOnce", false},
        {"Env", nullptr},       {"Cmd", nullptr},        {"Image", ""},
        {"Volumes", nullptr},   {"WorkingDir", ""},      {"Entrypoint", nullptr},
        {"OnBuild", nullptr},   {"Labels", nullptr}};
    const std::string when = docker::formatRfc3339Nano(created);
    const nlohmann::ordered_json config{
        {"architecture", "amd64"},
        {"comment", "Imported from -"},
        {"config", empty},
        {"container_config", empty},
        {"created", when},
        {"docker_version", "20.10.24+dfsg1"},
        {"history", {{{"created", when}, {"comment", "Imported from -"}}}},
        {"os", "linux"},
        {"rootfs", {{"type", "layers"}, {"diff_ids", {layer->diffId}}}}};
    ArchiveImage image;
    image.config = config.dump();
    image.id = "sha256:" + sha256Hex(image.config);
    image.spec.created = created;
    image.spec.layers.push_back(LayerSpec{layer->size});
    image.spec.files = layer->files;
    image.layers.push_back(std::move(*layer));
    return image;
}

} // namespace lab
