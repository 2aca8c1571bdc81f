#include "session/WorldFile.h"

#include "base/Limits.h"
#include "docker/ImageReference.h"
#include "session/InputFile.h"
#include "session/JsonReader.h"
#include "session/StrictJson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>

// A static library's resources are registered only when asked for, and Q_INIT_RESOURCE must be
// used outside any namespace.
static void initWorldsResource() {
    Q_INIT_RESOURCE(worlds);
}

namespace lab {
namespace {

// Doubles hold every integer up to 2^53 exactly; a larger "size" would silently change.
constexpr double kLargestExactInteger = 9007199254740992.0;

// Docker Hub's official images live under library/: "busybox" there is "library/busybox",
// which is the path the engine's reference parser produces.
std::string repositoryPath(const std::string& host, const std::string& path) {
    if (host == "docker.io" && path.find('/') == std::string::npos)
        return "library/" + path;
    return path;
}

class WorldReader : public JsonReader {
public:
    // base: where the world sits in its document (empty: it is the whole file).
    WorldReader(QString source, QString base)
        : JsonReader(std::move(source)), m_base(std::move(base)) {}

    Expected<World> world(const QJsonValue& root) const {
        auto top = object(root, m_base, {"images", "registries"}, {});
        if (!top)
            return top.error();
        World result;
        const QString imagesPath = jsonMember(m_base, QStringLiteral("images"));
        auto images = array(top->value(QStringLiteral("images")), imagesPath, true);
        if (!images)
            return images.error();
        for (qsizetype i = 0; i < images->size(); ++i) {
            auto image = localImage(images->at(i), jsonElement(imagesPath, i));
            if (!image)
                return image.error();
            result.images.push_back(std::move(*image));
        }
        const QString registriesPath = jsonMember(m_base, QStringLiteral("registries"));
        auto registries = array(top->value(QStringLiteral("registries")), registriesPath, true);
        if (!registries)
            return registries.error();
        for (qsizetype i = 0; i < registries->size(); ++i) {
            const QString path = jsonElement(registriesPath, i);
            auto registry = this->registry(registries->at(i), path);
            if (!registry)
                return registry.error();
            for (qsizetype j = 0; j < i; ++j)
                if (result.registries[j].host == registry->host)
                    return fail(jsonMember(path, QStringLiteral("host")),
                                QStringLiteral("registry \"%1\" is already declared at %2")
                                    .arg(QString::fromStdString(registry->host),
                                         jsonElement(registriesPath, j)));
            result.registries.push_back(std::move(*registry));
        }
        return result;
    }

private:
    // An absent key reads as an empty array when optional.
    Expected<QJsonArray> array(const QJsonValue& value, const QString& path, bool optional) const {
        if (optional && value.isUndefined())
            return QJsonArray{};
        if (!value.isArray())
            return wrongType(value, path, "an array");
        return value.toArray();
    }

    Expected<std::string> text(const QJsonValue& value, const QString& path) const {
        if (!value.isString())
            return wrongType(value, path, "a string");
        if (value.toString().isEmpty())
            return fail(path, QStringLiteral("must not be empty"));
        return value.toString().toStdString();
    }

    // An array of strings; the strings themselves may be empty (an argument can be "").
    Expected<std::vector<std::string>> words(const QJsonValue& value, const QString& path) const {
        auto items = array(value, path, true);
        if (!items)
            return items.error();
        std::vector<std::string> result;
        for (qsizetype i = 0; i < items->size(); ++i) {
            const QJsonValue item = items->at(i);
            if (!item.isString())
                return wrongType(item, jsonElement(path, i), "a string");
            result.push_back(item.toString().toStdString());
        }
        return result;
    }

    Expected<std::int64_t> bytes(const QJsonValue& value, const QString& path) const {
        if (!value.isDouble())
            return wrongType(value, path, "a number of bytes");
        const double number = value.toDouble();
        if (number < 0)
            return fail(path, QStringLiteral("must not be negative, got %1").arg(number));
        if (std::floor(number) != number)
            return fail(path,
                        QStringLiteral("must be a whole number of bytes, got %1").arg(number));
        if (number > kLargestExactInteger)
            return fail(path, QStringLiteral("is too large, got %1").arg(number));
        return static_cast<std::int64_t>(number);
    }

    // STOPSIGNAL as Docker keeps it: a name ("SIGQUIT") or a number ("3"), as text.
    Expected<std::string> stopSignal(const QJsonValue& value, const QString& path) const {
        if (value.isDouble()) {
            const double number = value.toDouble();
            if (number < 1 || std::floor(number) != number || number > 64)
                return fail(path, QStringLiteral("a signal number must be a whole number from 1 "
                                                 "to 64, got %1")
                                      .arg(number));
            return std::to_string(static_cast<int>(number));
        }
        if (!value.isString())
            return wrongType(value, path, "a signal name or number");
        return text(value, path);
    }

    // files: absolute paths to their content, as text.
    Expected<std::map<std::string, std::string>> fileContents(const QJsonValue& value,
                                                              const QString& path) const {
        if (!value.isObject())
            return wrongType(value, path, "an object of file paths to contents");
        std::map<std::string, std::string> files;
        const QJsonObject json = value.toObject();
        for (auto it = json.begin(); it != json.end(); ++it) {
            const QString filePath = jsonMember(path, it.key());
            if (!it.key().startsWith(QLatin1Char('/')))
                return fail(filePath, QStringLiteral("must be an absolute path"));
            if (!it.value().isString())
                return wrongType(it.value(), filePath, "the file's content as a string");
            files[it.key().toStdString()] = it.value().toString().toStdString();
        }
        return files;
    }

    // created: an RFC 3339 date and time, as docker inspect shows it.
    Expected<TimePoint> date(const QJsonValue& value, const QString& path) const {
        if (!value.isString())
            return wrongType(value, path, "an RFC 3339 date such as \"2023-05-19T17:15:23Z\"");
        const QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
        if (!parsed.isValid())
            return fail(path, QStringLiteral("is not an RFC 3339 date: %1").arg(value.toString()));
        // Engine time counts nanoseconds in an int64: 1677-09-21 to 2262-04-11.
        const qint64 ms = parsed.toMSecsSinceEpoch();
        constexpr qint64 kLimit = std::numeric_limits<Duration::rep>::max() / 1000000;
        if (ms < -kLimit || ms > kLimit)
            return fail(path, QStringLiteral("%1 is outside the dates the engine holds (1678 "
                                             "to 2262)")
                                  .arg(value.toString()));
        return TimePoint(std::chrono::milliseconds(ms));
    }

    // The keys a local image shares with a registry's: cmd, entrypoint, stopSignal, layers, files,
    // created.
    Expected<ImageSpec> image(const QJsonObject& json, const QString& path) const {
        ImageSpec result;
        auto cmd =
            words(json.value(QStringLiteral("cmd")), jsonMember(path, QStringLiteral("cmd")));
        if (!cmd)
            return cmd.error();
        result.cmd = std::move(*cmd);
        const QString entrypointPath = jsonMember(path, QStringLiteral("entrypoint"));
        auto entrypoint = words(json.value(QStringLiteral("entrypoint")), entrypointPath);
        if (!entrypoint)
            return entrypoint.error();
        result.entrypoint = std::move(*entrypoint);
        if (json.contains(QStringLiteral("stopSignal"))) {
            auto signal = stopSignal(json.value(QStringLiteral("stopSignal")),
                                     jsonMember(path, QStringLiteral("stopSignal")));
            if (!signal)
                return signal.error();
            result.stopSignal = std::move(*signal);
        }
        if (json.contains(QStringLiteral("files"))) {
            auto files = fileContents(json.value(QStringLiteral("files")),
                                      jsonMember(path, QStringLiteral("files")));
            if (!files)
                return files.error();
            result.files = std::move(*files);
        }
        if (json.contains(QStringLiteral("created"))) {
            auto created = date(json.value(QStringLiteral("created")),
                                jsonMember(path, QStringLiteral("created")));
            if (!created)
                return created.error();
            result.created = *created;
        }
        if (!json.contains(QStringLiteral("layers"))) {
            result.layers = {LayerSpec{}};
            return result;
        }
        const QString layersPath = jsonMember(path, QStringLiteral("layers"));
        auto layers = array(json.value(QStringLiteral("layers")), layersPath, false);
        if (!layers)
            return layers.error();
        if (layers->size() > qsizetype(limits::kImageLayers))
            return fail(layersPath, QStringLiteral("max depth exceeded (Docker's layer store "
                                                   "chains at most %1 layers, got %2)")
                                        .arg(limits::kImageLayers)
                                        .arg(layers->size()));
        for (qsizetype i = 0; i < layers->size(); ++i) {
            const QString layerPath = jsonElement(layersPath, i);
            auto layer = object(layers->at(i), layerPath, {"size"}, {"size"});
            if (!layer)
                return layer.error();
            auto size = bytes(layer->value(QStringLiteral("size")),
                              jsonMember(layerPath, QStringLiteral("size")));
            if (!size)
                return size.error();
            result.layers.push_back(LayerSpec{*size});
        }
        return result;
    }

    Expected<LocalImageSpec> localImage(const QJsonValue& value, const QString& path) const {
        auto json = object(
            value, path, {"tags", "cmd", "entrypoint", "stopSignal", "layers", "files", "created"},
            {"tags"});
        if (!json)
            return json.error();
        const QString tagsPath = jsonMember(path, QStringLiteral("tags"));
        auto tags = array(json->value(QStringLiteral("tags")), tagsPath, false);
        if (!tags)
            return tags.error();
        if (tags->isEmpty())
            return fail(tagsPath, QStringLiteral("must name at least one reference"));
        LocalImageSpec result;
        for (qsizetype i = 0; i < tags->size(); ++i) {
            auto tag = text(tags->at(i), jsonElement(tagsPath, i));
            if (!tag)
                return tag.error();
            // The engine would refuse the name: say so in its words, not drop the image.
            auto reference = docker::parseImageReference(*tag, docker::ReferenceGrammar::Engine);
            if (!reference)
                return fail(jsonElement(tagsPath, i),
                            QString::fromStdString(reference.error().message));
            result.tags.push_back(std::move(*tag));
        }
        auto spec = image(*json, path);
        if (!spec)
            return spec.error();
        result.image = std::move(*spec);
        return result;
    }

    Expected<RegistrySpec> registry(const QJsonValue& value, const QString& path) const {
        auto json = object(value, path,
                           {"host", "repositories", "unreachable", "missingRepository"}, {"host"});
        if (!json)
            return json.error();
        RegistrySpec result;
        auto host =
            text(json->value(QStringLiteral("host")), jsonMember(path, QStringLiteral("host")));
        if (!host)
            return host.error();
        result.host = std::move(*host);
        if (json->contains(QStringLiteral("unreachable"))) {
            auto reason = text(json->value(QStringLiteral("unreachable")),
                               jsonMember(path, QStringLiteral("unreachable")));
            if (!reason)
                return reason.error();
            result.unreachable = std::move(*reason);
        }
        auto missing = missingRepository(*json, path, result.host);
        if (!missing)
            return missing.error();
        result.missingRepository = *missing;
        auto repositories = this->repositories(*json, path, result.host);
        if (!repositories)
            return repositories.error();
        result.repositories = std::move(*repositories);
        return result;
    }

    Expected<MissingRepositoryAnswer>
    missingRepository(const QJsonObject& json, const QString& path, const std::string& host) const {
        const QString key = QStringLiteral("missingRepository");
        if (!json.contains(key))
            return host == "docker.io" ? MissingRepositoryAnswer::Denied
                                       : MissingRepositoryAnswer::ManifestUnknown;
        auto answer = text(json.value(key), jsonMember(path, key));
        if (!answer)
            return answer.error();
        if (*answer == "denied")
            return MissingRepositoryAnswer::Denied;
        if (*answer == "manifest unknown")
            return MissingRepositoryAnswer::ManifestUnknown;
        return fail(jsonMember(path, key),
                    QStringLiteral("expected \"manifest unknown\" or \"denied\", got \"%1\"")
                        .arg(QString::fromStdString(*answer)));
    }

    using Repositories = std::map<std::string, std::map<std::string, ImageSpec>>;

    Expected<Repositories> repositories(const QJsonObject& json, const QString& registryPath,
                                        const std::string& host) const {
        const QString path = jsonMember(registryPath, QStringLiteral("repositories"));
        const QJsonValue value = json.value(QStringLiteral("repositories"));
        if (value.isUndefined())
            return Repositories{};
        if (!value.isObject())
            return wrongType(value, path, "an object");
        Repositories result;
        const QJsonObject repositories = value.toObject();
        for (auto it = repositories.begin(); it != repositories.end(); ++it) {
            const QString repositoryPath = jsonMember(path, it.key());
            if (it.key().isEmpty())
                return fail(repositoryPath, QStringLiteral("a repository path must not be empty"));
            auto tags = tagged(it.value(), repositoryPath);
            if (!tags)
                return tags.error();
            const std::string name = lab::repositoryPath(host, it.key().toStdString());
            if (!result.emplace(name, std::move(*tags)).second)
                return fail(repositoryPath, QStringLiteral("the repository \"%1\" is listed twice")
                                                .arg(QString::fromStdString(name)));
        }
        return result;
    }

    // One repository: tag -> image.
    Expected<std::map<std::string, ImageSpec>> tagged(const QJsonValue& value,
                                                      const QString& path) const {
        if (!value.isObject())
            return wrongType(value, path, "an object of tags");
        std::map<std::string, ImageSpec> result;
        const QJsonObject tags = value.toObject();
        for (auto it = tags.begin(); it != tags.end(); ++it) {
            const QString tagPath = jsonMember(path, it.key());
            if (it.key().isEmpty())
                return fail(tagPath, QStringLiteral("a tag must not be empty"));
            auto json =
                object(it.value(), tagPath,
                       {"cmd", "entrypoint", "stopSignal", "layers", "files", "created"}, {});
            if (!json)
                return json.error();
            auto spec = image(*json, tagPath);
            if (!spec)
                return spec.error();
            result.emplace(it.key().toStdString(), std::move(*spec));
        }
        return result;
    }

    QString m_base;
};

} // namespace

Expected<World> loadWorldJson(const QByteArray& json, const QString& sourceName) {
    if (json.trimmed().isEmpty())
        return Error{(sourceName + QStringLiteral(": the file is empty (expected a JSON object)"))
                         .toStdString()};
    const auto root = parseStrictJson(json, sourceName);
    if (!root)
        return root.error();
    return readWorld(*root, sourceName, QString());
}

Expected<World> readWorld(const QJsonValue& json, const QString& sourceName, const QString& place) {
    return WorldReader(sourceName, place).world(json);
}

Expected<World> loadWorldFile(const QString& path) {
    const auto content = readInputFile(path, QStringLiteral("world file"));
    if (!content)
        return content.error();
    return loadWorldJson(*content, path);
}

QString defaultWorldPath() {
    initWorldsResource();
    return QStringLiteral(":/worlds/default.json");
}

Expected<World> loadDefaultWorld() {
    return loadWorldFile(defaultWorldPath());
}

} // namespace lab
