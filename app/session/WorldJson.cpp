#include "session/WorldJson.h"

#include <QDateTime>
#include <QJsonArray>
#include <chrono>

namespace lab {
namespace {

QJsonArray words(const std::vector<std::string>& list) {
    QJsonArray result;
    for (const std::string& word : list)
        result.append(QString::fromStdString(word));
    return result;
}

// The keys a local image shares with a registry's.
QJsonObject imageToJson(const ImageSpec& image) {
    QJsonObject json;
    json.insert(QStringLiteral("cmd"), words(image.cmd));
    json.insert(QStringLiteral("entrypoint"), words(image.entrypoint));
    if (!image.stopSignal.empty())
        json.insert(QStringLiteral("stopSignal"), QString::fromStdString(image.stopSignal));
    QJsonArray layers;
    for (const LayerSpec& layer : image.layers)
        layers.append(QJsonObject{{QStringLiteral("size"), double(layer.size)}});
    json.insert(QStringLiteral("layers"), layers);
    if (!image.files.empty()) {
        QJsonObject files;
        for (const auto& [path, content] : image.files)
            files.insert(QString::fromStdString(path), QString::fromStdString(content));
        json.insert(QStringLiteral("files"), files);
    }
    if (image.created) {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
            image.created->time_since_epoch());
        json.insert(
            QStringLiteral("created"),
            QDateTime::fromMSecsSinceEpoch(ms.count(), Qt::UTC).toString(Qt::ISODateWithMs));
    }
    return json;
}

QJsonObject registryToJson(const RegistrySpec& registry) {
    QJsonObject json;
    json.insert(QStringLiteral("host"), QString::fromStdString(registry.host));
    if (registry.unreachable)
        json.insert(QStringLiteral("unreachable"), QString::fromStdString(*registry.unreachable));
    json.insert(QStringLiteral("missingRepository"),
                registry.missingRepository == MissingRepositoryAnswer::Denied
                    ? QStringLiteral("denied")
                    : QStringLiteral("manifest unknown"));
    QJsonObject repositories;
    for (const auto& [path, tags] : registry.repositories) {
        QJsonObject images;
        for (const auto& [tag, image] : tags)
            images.insert(QString::fromStdString(tag), imageToJson(image));
        repositories.insert(QString::fromStdString(path), images);
    }
    json.insert(QStringLiteral("repositories"), repositories);
    return json;
}

} // namespace

QJsonObject worldToJson(const World& world) {
    QJsonArray images;
    for (const LocalImageSpec& local : world.images) {
        QJsonObject image = imageToJson(local.image);
        image.insert(QStringLiteral("tags"), words(local.tags));
        images.append(image);
    }
    QJsonArray registries;
    for (const RegistrySpec& registry : world.registries)
        registries.append(registryToJson(registry));
    return {{QStringLiteral("images"), images}, {QStringLiteral("registries"), registries}};
}

} // namespace lab
