#include "OciStore.h"

#include "LayerTar.h"
#include "base/Sha256.h"
#include "docker/ImageReference.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace lab::real {
namespace {

using Json = nlohmann::json;

const std::string kRefName = "org.opencontainers.image.ref.name";
const std::string kManifestType = "application/vnd.oci.image.manifest.v1+json";

Expected<std::string> readWhole(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return Error{"cannot read " + path};
    std::stringstream content;
    content << file.rdbuf();
    return content.str();
}

// Parses a whole document; a bad one is an Invalid error with nlohmann's reason (line,
// column, what it expected). A repeated key keeps its last value, as Go's encoding/json does.
Expected<Json> parseJson(const std::string& text) {
    try {
        return Json::parse(text);
    } catch (const Json::exception& e) {
        std::string_view reason = e.what(); // "[json.exception.parse_error.101] parse error at..."
        if (const std::size_t tag = reason.find("] "); tag != std::string_view::npos)
            reason.remove_prefix(tag + 2);
        return Error{"JSON: " + std::string(reason), ErrorCode::Invalid};
    }
}

// The documents are read leniently, as the image-spec asks of unknown fields: a member that is
// absent or of another type reads as empty, and the checks that follow name what is missing.
const Json& member(const Json& object, const std::string& name) {
    static const Json none;
    if (!object.is_object())
        return none;
    const auto found = object.find(name);
    return found == object.end() ? none : *found;
}
std::string text(const Json& value) {
    return value.is_string() ? value.get<std::string>() : std::string();
}
const Json& elements(const Json& value) {
    static const Json none = Json::array();
    return value.is_array() ? value : none;
}
std::vector<std::string> strings(const Json& value) {
    std::vector<std::string> out;
    for (const Json& element : elements(value))
        out.push_back(text(element));
    return out;
}
std::int64_t number(const Json& value, std::int64_t fallback = 0) {
    return value.is_number() ? value.get<std::int64_t>() : fallback;
}
std::string refName(const Json& descriptor) {
    return text(member(member(descriptor, "annotations"), kRefName));
}

bool isSha256Digest(const std::string& digest) {
    if (digest.size() != 71 || digest.rfind("sha256:", 0) != 0)
        return false;
    return digest.find_first_not_of("0123456789abcdef", 7) == std::string::npos;
}

// The blob of a descriptor in the layout at root, checked against its digest and size.
Expected<std::string> readBlob(const std::string& root, const Json& descriptor) {
    const std::string digest = text(member(descriptor, "digest"));
    if (!isSha256Digest(digest))
        return Error{"unsupported digest \"" + digest + "\" (only sha256 is read)"};
    auto content = readWhole(root + "/blobs/sha256/" + digest.substr(7));
    if (!content)
        return Error{"blob " + digest + " is missing from " + root};
    const std::string actual = "sha256:" + sha256Hex(*content);
    if (actual != digest)
        return Error{"blob " + digest + " is corrupt: its content hashes to " + actual};
    const std::int64_t size = number(member(descriptor, "size"), -1);
    if (size >= 0 && std::size_t(size) != content->size())
        return Error{"blob " + digest + " has " + std::to_string(content->size()) +
                     " bytes, its descriptor says " + std::to_string(size)};
    return content;
}

Expected<Json> readJsonBlob(const std::string& root, const Json& descriptor) {
    auto content = readBlob(root, descriptor);
    if (!content)
        return content.error();
    auto parsed = parseJson(*content);
    if (!parsed)
        return parsed.error().context("blob " + text(member(descriptor, "digest")));
    return parsed;
}

Expected<docker::ImageReference> normalized(const std::string& reference) {
    auto parsed = docker::parseImageReference(reference, docker::ReferenceGrammar::Engine);
    if (!parsed)
        return parsed.error();
    if (!parsed->digest.empty())
        return Error{"No such image: " + reference + " (the local store finds images by tag)"};
    return parsed;
}

Status writeAtomically(const std::string& path, const std::string& content) {
    const std::string building = path + ".building";
    {
        std::ofstream file(building, std::ios::binary | std::ios::trunc);
        if (!(file << content))
            return Error{"cannot write " + building};
    }
    std::error_code error;
    if (fs::rename(building, path, error); error)
        return Error{"rename " + building + ": " + error.message()};
    return Ok{};
}

Expected<Json> readIndex(const std::string& root) {
    auto text = readWhole(root + "/index.json");
    if (!text)
        return Error{root + " is not an OCI image layout: no index.json"};
    auto index = parseJson(*text);
    if (!index)
        return index.error().context(root + "/index.json");
    return index;
}

// One entry of index.json; an image without a name has no ref.name annotation. ordered_json:
// the members stay in the image-spec's order, as other tools write them.
nlohmann::ordered_json indexEntry(const std::string& digest, std::int64_t size,
                                  const std::string& name) {
    nlohmann::ordered_json entry{{"mediaType", kManifestType}, {"digest", digest}, {"size", size}};
    if (!name.empty())
        entry["annotations"] = {{kRefName, name}};
    return entry;
}

// Writes index anew: the entries keep(name, digest) accepts, then added (when not null).
Status rewriteIndex(const std::string& root, const Json& index,
                    const std::function<bool(const std::string&, const std::string&)>& keep,
                    const nlohmann::ordered_json& added) {
    auto manifests = nlohmann::ordered_json::array();
    for (const Json& kept : elements(member(index, "manifests"))) {
        const std::string digest = text(member(kept, "digest"));
        if (!isSha256Digest(digest) || !keep(refName(kept), digest))
            continue;
        nlohmann::ordered_json entry =
            indexEntry(digest, number(member(kept, "size")), refName(kept));
        entry["mediaType"] = text(member(kept, "mediaType"));
        manifests.push_back(std::move(entry));
    }
    if (!added.is_null())
        manifests.push_back(added);
    const nlohmann::ordered_json written{{"schemaVersion", 2}, {"manifests", manifests}};
    return writeAtomically(root + "/index.json",
                           written.dump(-1, ' ', false, Json::error_handler_t::replace));
}
} // namespace

Status OciStore::init() const {
    std::error_code error;
    if (fs::create_directories(m_root + "/blobs/sha256", error); error)
        return Error{"mkdir " + m_root + "/blobs/sha256: " + error.message()};
    if (!fs::exists(m_root + "/oci-layout"))
        if (auto written =
                writeAtomically(m_root + "/oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}");
            !written)
            return written;
    if (!fs::exists(m_root + "/index.json"))
        return writeAtomically(m_root + "/index.json", "{\"schemaVersion\":2,\"manifests\":[]}");
    return Ok{};
}

Expected<std::string> OciStore::storeBlob(const std::string& content) const {
    const std::string digest = "sha256:" + sha256Hex(content);
    const std::string path = m_root + "/blobs/sha256/" + digest.substr(7);
    if (!fs::exists(path))
        if (auto written = writeAtomically(path, content); !written)
            return written.error();
    return digest;
}

Status OciStore::addToIndex(const std::string& reference, const std::string& manifestDigest,
                            std::int64_t manifestSize) const {
    auto index = readIndex(m_root);
    if (!index)
        return index.error();
    const Json& entries = elements(member(*index, "manifests"));
    if (reference.empty() && std::any_of(entries.begin(), entries.end(), [&](const Json& entry) {
            return text(member(entry, "digest")) == manifestDigest;
        }))
        return Ok{}; // kept already, under a name or without one
    return rewriteIndex(
        m_root, *index,
        [&](const std::string& name, const std::string& digest) {
            // The tag moves to the new image, as docker tag does; a name replaces "no name".
            return reference.empty()
                       ? true
                       : name != reference && !(name.empty() && digest == manifestDigest);
        },
        indexEntry(manifestDigest, manifestSize, reference));
}

Status OciStore::store(const std::string& config, const std::vector<std::string>& layers,
                       const std::vector<std::string>& references, const StoredImage* below) const {
    const auto descriptor = [](const std::string& mediaType, const std::string& digest,
                               std::size_t size) {
        return nlohmann::ordered_json{
            {"mediaType", mediaType}, {"digest", digest}, {"size", std::int64_t(size)}};
    };
    auto layerDescriptors = nlohmann::ordered_json::array();
    if (below) {
        auto manifest = readJsonBlob(m_root, Json{{"digest", below->manifestDigest}});
        if (!manifest)
            return manifest.error();
        for (const Json& layer : elements(member(*manifest, "layers")))
            layerDescriptors.push_back(descriptor(text(member(layer, "mediaType")),
                                                  text(member(layer, "digest")),
                                                  std::size_t(number(member(layer, "size")))));
    }
    for (const std::string& layer : layers) {
        auto digest = storeBlob(layer);
        if (!digest)
            return digest.error();
        layerDescriptors.push_back(
            descriptor("application/vnd.oci.image.layer.v1.tar", *digest, layer.size()));
    }
    auto configDigest = storeBlob(config);
    if (!configDigest)
        return configDigest.error();
    const std::string manifest = nlohmann::ordered_json{
        {"schemaVersion", 2},
        {"mediaType", kManifestType},
        {"config",
         descriptor("application/vnd.oci.image.config.v1+json", *configDigest, config.size())},
        {"layers", layerDescriptors}}.dump();
    auto manifestDigest = storeBlob(manifest);
    if (!manifestDigest)
        return manifestDigest.error();
    // An image without a name is kept too, by an entry without one (docker load of an ID).
    for (const std::string& reference :
         references.empty() ? std::vector<std::string>{""} : references)
        if (Status added = addToIndex(reference, *manifestDigest, std::int64_t(manifest.size()));
            !added)
            return added;
    return Ok{};
}

Status OciStore::importLayout(const std::string& layoutDir, const std::string& reference) const {
    auto wanted = normalized(reference);
    if (!wanted)
        return wanted.error();
    if (!fs::exists(layoutDir + "/oci-layout"))
        return Error{layoutDir + " is not an OCI image layout: no oci-layout file"};
    auto index = readIndex(layoutDir);
    if (!index)
        return index.error();
    const Json& manifests = elements(member(*index, "manifests"));
    const Json* chosen = manifests.size() == 1 ? &manifests[0] : nullptr;
    std::string names;
    for (const Json& entry : manifests) {
        const std::string name = refName(entry);
        names += (names.empty() ? "" : ", ") + name;
        if (!chosen &&
            (name == wanted->tag || name == wanted->full() || name == wanted->familiar()))
            chosen = &entry;
    }
    if (!chosen)
        return Error{"no image " + wanted->tag + " in " + layoutDir + " (it has: " + names + ")"};
    if (text(member(*chosen, "mediaType")) == "application/vnd.oci.image.index.v1+json")
        return Error{"an image index (several platforms) in " + layoutDir +
                     ": import one platform's manifest"};
    auto manifestText = readBlob(layoutDir, *chosen);
    if (!manifestText)
        return manifestText.error();
    auto manifest = parseJson(*manifestText);
    if (!manifest)
        return manifest.error().context("manifest");
    std::vector<const Json*> blobs = {&member(*manifest, "config")};
    for (const Json& layer : elements(member(*manifest, "layers"))) {
        const std::string type = text(member(layer, "mediaType"));
        if (type.find("tar") == std::string::npos || type.find("zstd") != std::string::npos)
            return Error{"layer " + text(member(layer, "digest")) + " has media type " + type +
                         ": only tar and tar+gzip layers are read"};
        blobs.push_back(&layer);
    }
    for (const Json* descriptor : blobs) {
        auto content = readBlob(layoutDir, *descriptor);
        if (!content)
            return content.error();
        if (auto stored = storeBlob(*content); !stored)
            return stored.error();
    }
    auto stored = storeBlob(*manifestText);
    if (!stored)
        return stored.error();
    return addToIndex(wanted->full(), *stored, std::int64_t(manifestText->size()));
}

Expected<std::string> OciStore::manifestDigestOf(const std::string& fullReference) const {
    auto index = readIndex(m_root);
    if (!index)
        return index.error();
    for (const Json& entry : elements(member(*index, "manifests")))
        if (refName(entry) == fullReference)
            return text(member(entry, "digest"));
    return Error{"No such image: " + fullReference, ErrorCode::NotFound};
}

Expected<StoredImage> OciStore::describe(const std::string& reference,
                                         const std::string& manifestDigest) const {
    auto manifest = readJsonBlob(m_root, Json{{"digest", manifestDigest}});
    if (!manifest)
        return manifest.error().context(reference);
    auto config = readJsonBlob(m_root, member(*manifest, "config"));
    if (!config)
        return config.error().context(reference);
    StoredImage image;
    image.reference = reference;
    image.manifestDigest = manifestDigest;
    image.configDigest = text(member(member(*manifest, "config"), "digest"));
    const Json& settings = member(*config, "config");
    image.config =
        ImageConfig{strings(member(settings, "Cmd")), strings(member(settings, "Entrypoint")),
                    strings(member(settings, "Env")), text(member(settings, "WorkingDir")),
                    text(member(settings, "StopSignal"))};
    for (const Json& layer : elements(member(*manifest, "layers")))
        image.layerSizes.push_back(number(member(layer, "size")));
    return image;
}

Expected<StoredImage> OciStore::find(const std::string& reference) const {
    auto wanted = normalized(reference);
    if (!wanted)
        return wanted.error();
    auto digest = manifestDigestOf(wanted->full());
    if (!digest)
        return Error{"No such image: " + reference, ErrorCode::NotFound};
    return describe(wanted->full(), *digest);
}

std::vector<StoredImage> OciStore::images() const {
    std::vector<StoredImage> found;
    auto index = readIndex(m_root);
    if (!index)
        return found;
    for (const Json& entry : elements(member(*index, "manifests")))
        if (auto image = describe(refName(entry), text(member(entry, "digest"))))
            found.push_back(std::move(*image));
    return found;
}

Expected<StoredImage> OciStore::findById(const std::string& id) const {
    for (StoredImage& image : images())
        if (image.configDigest == id)
            return std::move(image);
    return Error{"No such image: " + id, ErrorCode::NotFound};
}

Expected<std::string> OciStore::config(const StoredImage& image) const {
    return readBlob(m_root, Json{{"digest", image.configDigest}});
}

Status OciStore::forget(const std::string& manifestDigest) const {
    auto index = readIndex(m_root);
    if (!index)
        return index.error();
    return rewriteIndex(
        m_root, *index,
        [&](const std::string&, const std::string& digest) { return digest != manifestDigest; },
        nullptr);
}

std::vector<std::string> OciStore::collectGarbage(const std::set<std::string>& rootfsInUse) const {
    // What the index still needs; a document that cannot be read keeps everything.
    std::set<std::string> neededBlobs, neededRootfs;
    auto index = readIndex(m_root);
    if (!index)
        return {};
    for (const Json& entry : elements(member(*index, "manifests"))) {
        const std::string digest = text(member(entry, "digest"));
        auto manifest = readJsonBlob(m_root, entry);
        if (!isSha256Digest(digest) || !manifest)
            return {};
        neededBlobs.insert(digest.substr(7));
        neededRootfs.insert(digest.substr(7));
        neededBlobs.insert(text(member(member(*manifest, "config"), "digest")).substr(7));
        for (const Json& layer : elements(member(*manifest, "layers")))
            if (const std::string layerDigest = text(member(layer, "digest"));
                isSha256Digest(layerDigest))
                neededBlobs.insert(layerDigest.substr(7));
    }
    // Only names the store gives (64 hex digits) are candidates: nothing else is the lab's.
    std::vector<std::string> removed;
    const auto sweep = [&](const std::string& dir, const std::set<std::string>& needed) {
        std::vector<std::string> unneeded; // listed whole first: nothing goes while listing
        std::error_code error;
        for (auto it = fs::directory_iterator(dir, error); !error && it != fs::directory_iterator();
             it.increment(error)) {
            const std::string name = it->path().filename().string();
            if (isSha256Digest("sha256:" + name) && !needed.count(name) &&
                !rootfsInUse.count(it->path().string()))
                unneeded.push_back(it->path().string());
        }
        for (const std::string& path : unneeded)
            if (fs::remove_all(path, error) > 0 && !error)
                removed.push_back(path);
    };
    sweep(m_root + "/blobs/sha256", neededBlobs);
    sweep(m_root + "/rootfs", neededRootfs);
    return removed;
}

Expected<std::string> OciStore::rootfs(const std::string& reference) const {
    auto image = find(reference);
    if (!image)
        return image.error();
    return rootfs(*image);
}

Expected<std::string> OciStore::rootfs(const StoredImage& image) const {
    const std::string target = m_root + "/rootfs/" + image.manifestDigest.substr(7);
    std::error_code error;
    if (fs::is_directory(target, error))
        return target;
    // Unpacked aside and renamed into place: a half-unpacked image is never used.
    const std::string building = target + ".building";
    fs::remove_all(building, error);
    if (fs::create_directories(building, error); error)
        return Error{"mkdir " + building + ": " + error.message()};
    auto manifest = readJsonBlob(m_root, Json{{"digest", image.manifestDigest}});
    if (!manifest)
        return manifest.error();
    for (const Json& layer : elements(member(*manifest, "layers"))) {
        // Checked again: a blob may have been damaged on disk since it was imported.
        Status applied = Ok{};
        if (auto checked = readBlob(m_root, layer); !checked)
            applied = checked.error();
        else
            applied = applyLayer(
                m_root + "/blobs/sha256/" + text(member(layer, "digest")).substr(7), building);
        if (!applied) {
            fs::remove_all(building, error);
            return applied.error().context(
                "unpacking " + (image.reference.empty() ? image.configDigest : image.reference));
        }
    }
    if (fs::rename(building, target, error); error)
        return Error{"rename " + building + ": " + error.message()};
    return target;
}

} // namespace lab::real
