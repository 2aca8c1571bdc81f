#include "OciStore.h"

#include "Json.h"
#include "LayerTar.h"
#include "base/Sha256.h"
#include "docker/ImageReference.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace lab::real {
namespace {

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

bool isSha256Digest(const std::string& digest) {
    if (digest.size() != 71 || digest.rfind("sha256:", 0) != 0)
        return false;
    return digest.find_first_not_of("0123456789abcdef", 7) == std::string::npos;
}

// The blob of a descriptor in the layout at root, checked against its digest and size.
Expected<std::string> readBlob(const std::string& root, const JsonValue& descriptor) {
    const std::string digest = descriptor["digest"].string();
    if (!isSha256Digest(digest))
        return Error{"unsupported digest \"" + digest + "\" (only sha256 is read)"};
    auto content = readWhole(root + "/blobs/sha256/" + digest.substr(7));
    if (!content)
        return Error{"blob " + digest + " is missing from " + root};
    const std::string actual = "sha256:" + sha256Hex(*content);
    if (actual != digest)
        return Error{"blob " + digest + " is corrupt: its content hashes to " + actual};
    const double size = descriptor["size"].number(-1);
    if (size >= 0 && std::size_t(size) != content->size())
        return Error{"blob " + digest + " has " + std::to_string(content->size()) +
                     " bytes, its descriptor says " + std::to_string(std::int64_t(size))};
    return content;
}

Expected<JsonValue> readJsonBlob(const std::string& root, const JsonValue& descriptor) {
    auto content = readBlob(root, descriptor);
    if (!content)
        return content.error();
    auto parsed = parseJson(*content);
    if (!parsed)
        return parsed.error().context("blob " + descriptor["digest"].string());
    return parsed;
}

std::string quote(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            out += escaped;
            continue;
        }
        out += c;
    }
    return out + "\"";
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

Expected<JsonValue> readIndex(const std::string& root) {
    auto text = readWhole(root + "/index.json");
    if (!text)
        return Error{root + " is not an OCI image layout: no index.json"};
    auto index = parseJson(*text);
    if (!index)
        return index.error().context(root + "/index.json");
    return index;
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
    std::string manifests;
    for (const JsonValue& entry : (*index)["manifests"].array()) {
        const std::string name = entry["annotations"][kRefName].string();
        if (name == reference || !isSha256Digest(entry["digest"].string()))
            continue; // the tag moves to the new image, as docker tag does
        manifests += (manifests.empty() ? "" : ",") + std::string("{\"mediaType\":") +
                     quote(entry["mediaType"].string()) +
                     ",\"digest\":" + quote(entry["digest"].string()) +
                     ",\"size\":" + std::to_string(std::int64_t(entry["size"].number())) +
                     ",\"annotations\":{" + quote(kRefName) + ":" + quote(name) + "}}";
    }
    manifests += (manifests.empty() ? "" : ",") + std::string("{\"mediaType\":") +
                 quote(kManifestType) + ",\"digest\":" + quote(manifestDigest) +
                 ",\"size\":" + std::to_string(manifestSize) + ",\"annotations\":{" +
                 quote(kRefName) + ":" + quote(reference) + "}}";
    return writeAtomically(m_root + "/index.json",
                           "{\"schemaVersion\":2,\"manifests\":[" + manifests + "]}");
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
    const JsonValue::Array& manifests = (*index)["manifests"].array();
    const JsonValue* chosen = manifests.size() == 1 ? &manifests[0] : nullptr;
    std::string names;
    for (const JsonValue& entry : manifests) {
        const std::string name = entry["annotations"][kRefName].string();
        names += (names.empty() ? "" : ", ") + name;
        if (!chosen &&
            (name == wanted->tag || name == wanted->full() || name == wanted->familiar()))
            chosen = &entry;
    }
    if (!chosen)
        return Error{"no image " + wanted->tag + " in " + layoutDir + " (it has: " + names + ")"};
    if ((*chosen)["mediaType"].string() == "application/vnd.oci.image.index.v1+json")
        return Error{"an image index (several platforms) in " + layoutDir +
                     ": import one platform's manifest"};
    auto manifestText = readBlob(layoutDir, *chosen);
    if (!manifestText)
        return manifestText.error();
    auto manifest = parseJson(*manifestText);
    if (!manifest)
        return manifest.error().context("manifest");
    std::vector<const JsonValue*> blobs = {&(*manifest)["config"]};
    for (const JsonValue& layer : (*manifest)["layers"].array()) {
        const std::string type = layer["mediaType"].string();
        if (type.find("tar") == std::string::npos || type.find("zstd") != std::string::npos)
            return Error{"layer " + layer["digest"].string() + " has media type " + type +
                         ": only tar and tar+gzip layers are read"};
        blobs.push_back(&layer);
    }
    for (const JsonValue* descriptor : blobs) {
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
    for (const JsonValue& entry : (*index)["manifests"].array())
        if (entry["annotations"][kRefName].string() == fullReference)
            return entry["digest"].string();
    return Error{"No such image: " + fullReference};
}

Expected<StoredImage> OciStore::describe(const std::string& reference,
                                         const std::string& manifestDigest) const {
    JsonValue descriptor;
    descriptor.content = JsonValue::Object{{"digest", JsonValue{manifestDigest}}};
    auto manifest = readJsonBlob(m_root, descriptor);
    if (!manifest)
        return manifest.error().context(reference);
    auto config = readJsonBlob(m_root, (*manifest)["config"]);
    if (!config)
        return config.error().context(reference);
    StoredImage image;
    image.reference = reference;
    image.manifestDigest = manifestDigest;
    const JsonValue& settings = (*config)["config"];
    image.config = ImageConfig{settings["Cmd"].strings(), settings["Entrypoint"].strings(),
                               settings["Env"].strings(), settings["WorkingDir"].string(),
                               settings["StopSignal"].string()};
    for (const JsonValue& layer : (*manifest)["layers"].array())
        image.layerSizes.push_back(std::int64_t(layer["size"].number()));
    return image;
}

Expected<StoredImage> OciStore::find(const std::string& reference) const {
    auto wanted = normalized(reference);
    if (!wanted)
        return wanted.error();
    auto digest = manifestDigestOf(wanted->full());
    if (!digest)
        return Error{"No such image: " + reference};
    return describe(wanted->full(), *digest);
}

std::vector<StoredImage> OciStore::images() const {
    std::vector<StoredImage> found;
    auto index = readIndex(m_root);
    if (!index)
        return found;
    for (const JsonValue& entry : (*index)["manifests"].array())
        if (auto image =
                describe(entry["annotations"][kRefName].string(), entry["digest"].string()))
            found.push_back(std::move(*image));
    return found;
}

Expected<std::string> OciStore::rootfs(const std::string& reference) const {
    auto image = find(reference);
    if (!image)
        return image.error();
    const std::string target = m_root + "/rootfs/" + image->manifestDigest.substr(7);
    std::error_code error;
    if (fs::is_directory(target, error))
        return target;
    // Unpacked aside and renamed into place: a half-unpacked image is never used.
    const std::string building = target + ".building";
    fs::remove_all(building, error);
    if (fs::create_directories(building, error); error)
        return Error{"mkdir " + building + ": " + error.message()};
    JsonValue descriptor;
    descriptor.content = JsonValue::Object{{"digest", JsonValue{image->manifestDigest}}};
    auto manifest = readJsonBlob(m_root, descriptor);
    if (!manifest)
        return manifest.error();
    for (const JsonValue& layer : (*manifest)["layers"].array()) {
        // Checked again: a blob may have been damaged on disk since it was imported.
        Status applied = Ok{};
        if (auto checked = readBlob(m_root, layer); !checked)
            applied = checked.error();
        else
            applied = applyLayer(m_root + "/blobs/sha256/" + layer["digest"].string().substr(7),
                                 building);
        if (!applied) {
            fs::remove_all(building, error);
            return applied.error().context("unpacking " + image->reference);
        }
    }
    if (fs::rename(building, target, error); error)
        return Error{"rename " + building + ": " + error.message()};
    return target;
}

} // namespace lab::real
