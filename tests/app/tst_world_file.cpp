// The world loader: the documented example and the built-in world load as written, and every
// kind of bad input is refused with the file, the JSON path and the reason.
#include "session/WorldFile.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <numeric>

using namespace lab;

namespace {

const QString kSource = QStringLiteral("world.json");

const ImageSpec* served(const World& world, const std::string& host, const std::string& repository,
                        const std::string& tag) {
    for (const auto& registry : world.registries) {
        if (registry.host != host)
            continue;
        const auto found = registry.repositories.find(repository);
        if (found == registry.repositories.end())
            return nullptr;
        const auto image = found->second.find(tag);
        return image == found->second.end() ? nullptr : &image->second;
    }
    return nullptr;
}

std::int64_t totalSize(const ImageSpec& image) {
    return std::accumulate(
        image.layers.begin(), image.layers.end(), std::int64_t{0},
        [](std::int64_t sum, const LayerSpec& layer) { return sum + layer.size; });
}

using Words = std::vector<std::string>;

} // namespace

class TestWorldFile : public QObject {
    Q_OBJECT

private slots:
    void documentedExampleLoads();
    void defaultsFillWhatIsLeftOut();
    void filesAndBuildDateAreRead();
    void repositoriesOfDockerHubLiveUnderLibrary();
    void defaultWorld();
    void defaultWorldFileMatchesTheResource();
    void missingFileIsNamed();
    void badInputIsRefused_data();
    void badInputIsRefused();
    void keysRepeatedInOtherObjectsAreFine();
};

// docs/WORLD.md shows one world file; it must stay a valid one.
void TestWorldFile::documentedExampleLoads() {
    QFile doc(QStringLiteral(LAB_SOURCE_DIR "/docs/WORLD.md"));
    QVERIFY2(doc.open(QIODevice::ReadOnly), qPrintable(doc.errorString()));
    const QString text = QString::fromUtf8(doc.readAll());
    const auto match = QRegularExpression(QStringLiteral("```json\\n(.*?)```"),
                                          QRegularExpression::DotMatchesEverythingOption)
                           .match(text);
    QVERIFY2(match.hasMatch(), "docs/WORLD.md has no ```json example");

    const Expected<World> world =
        loadWorldJson(match.captured(1).toUtf8(), QStringLiteral("WORLD.md"));
    QVERIFY2(world.has_value(), world.has_value() ? "" : world.error().message.c_str());
    QCOMPARE(world->images.size(), 1u);
    QCOMPARE(world->images[0].tags, Words{"busybox:latest"});
    QCOMPARE(world->images[0].image.cmd, Words{"sh"});
    QCOMPARE(world->images[0].image.stopSignal, std::string("SIGTERM"));
    QCOMPARE(world->images[0].image.layers.size(), 1u);
    QCOMPARE(world->images[0].image.layers[0].size, std::int64_t{2231050});

    QCOMPARE(world->registries.size(), 2u);
    QCOMPARE(world->registries[0].host, std::string("docker.io"));
    QVERIFY(!world->registries[0].unreachable);
    QVERIFY(served(*world, "docker.io", "library/busybox", "1.36"));
    QCOMPARE(world->registries[1].host, std::string("quay.io"));
    QCOMPARE(world->registries[1].unreachable.value_or(""),
             std::string("Get \"https://quay.io/v2/\": dial tcp: lookup quay.io: no such host"));
}

// WORLD.md's defaults: no entrypoint, no stop signal, one layer of 1 MB; Docker Hub answers
// "denied" for unknown repositories, other registries (registry:2) "manifest unknown".
void TestWorldFile::defaultsFillWhatIsLeftOut() {
    const Expected<World> world = loadWorldJson(R"({
        "images": [{ "tags": ["a:1", "b"] }],
        "registries": [{ "host": "docker.io" }, { "host": "127.0.0.1:5000" },
                       { "host": "quay.io", "missingRepository": "denied" }]
    })",
                                                kSource);
    QVERIFY2(world.has_value(), world.has_value() ? "" : world.error().message.c_str());
    const ImageSpec& image = world->images[0].image;
    QCOMPARE(world->images[0].tags, (Words{"a:1", "b"}));
    QVERIFY(image.cmd.empty());
    QVERIFY(image.entrypoint.empty());
    QVERIFY(image.stopSignal.empty());
    QCOMPARE(image.layers.size(), 1u);
    QCOMPARE(image.layers[0].size, std::int64_t{1'000'000});
    QCOMPARE(world->registries[0].missingRepository, MissingRepositoryAnswer::Denied);
    QCOMPARE(world->registries[1].missingRepository, MissingRepositoryAnswer::ManifestUnknown);
    QCOMPARE(world->registries[2].missingRepository, MissingRepositoryAnswer::Denied);

    const Expected<World> numbered = loadWorldJson(
        R"({"images": [{"tags": ["x"], "stopSignal": 3, "layers": [], "cmd": ["sh", ""]}]})",
        kSource);
    QVERIFY2(numbered.has_value(), numbered.has_value() ? "" : numbered.error().message.c_str());
    QCOMPARE(numbered->images[0].image.stopSignal, std::string("3"));
    QVERIFY(numbered->images[0].image.layers.empty());
    QCOMPARE(numbered->images[0].image.cmd, (Words{"sh", ""}));
    QVERIFY(loadWorldJson("{}", kSource).has_value());
}

void TestWorldFile::filesAndBuildDateAreRead() {
    const Expected<World> world =
        loadWorldJson(R"({"images": [{"tags": ["motd"], "cmd": ["cat", "/etc/motd"],
        "files": {"/etc/motd": "hello\n"}, "created": "2023-05-19T17:15:23Z"}]})",
                      kSource);
    QVERIFY2(world.has_value(), world.has_value() ? "" : world.error().message.c_str());
    const ImageSpec& image = world->images[0].image;
    QCOMPARE(image.files.at("/etc/motd"), std::string("hello\n"));
    QVERIFY(image.created.has_value());
    // 2023-05-19T17:15:23Z is 1684516523 seconds after the Unix epoch.
    QCOMPARE(
        std::chrono::duration_cast<std::chrono::seconds>(image.created->time_since_epoch()).count(),
        1684516523LL);
    QVERIFY(!loadWorldJson(R"({"images": [{"tags": ["x"]}]})", kSource)->images[0].image.created);
}

// WORLD.md allows "busybox" for Docker Hub's "library/busybox"; elsewhere a path is kept as is.
void TestWorldFile::repositoriesOfDockerHubLiveUnderLibrary() {
    const Expected<World> world = loadWorldJson(R"({"registries": [
        { "host": "docker.io", "repositories": { "busybox": { "latest": {} }, "bitnami/redis": { "7": {} } } },
        { "host": "127.0.0.1:5000", "repositories": { "busybox": { "1.35": {} } } }
    ]})",
                                                kSource);
    QVERIFY2(world.has_value(), world.has_value() ? "" : world.error().message.c_str());
    QVERIFY(served(*world, "docker.io", "library/busybox", "latest"));
    QVERIFY(served(*world, "docker.io", "bitnami/redis", "7"));
    QVERIFY(served(*world, "127.0.0.1:5000", "busybox", "1.35"));
}

// The built-in world as the project promises it (images, commands, signals, realistic layers).
void TestWorldFile::defaultWorld() {
    const Expected<World> world = loadDefaultWorld();
    QVERIFY2(world.has_value(), world.has_value() ? "" : world.error().message.c_str());

    QCOMPARE(world->images.size(), 1u);
    QCOMPARE(world->images[0].tags, Words{"busybox:latest"});
    QCOMPARE(world->registries.size(), 1u);
    const RegistrySpec& hub = world->registries[0];
    QCOMPARE(hub.host, std::string("docker.io"));
    QCOMPARE(hub.missingRepository, MissingRepositoryAnswer::Denied);
    QVERIFY(!hub.unreachable);

    std::vector<std::string> references;
    for (const auto& [repository, tags] : hub.repositories)
        for (const auto& [tag, image] : tags)
            references.push_back(repository + ":" + tag);
    QCOMPARE(references,
             (Words{"library/alpine:latest", "library/busybox:1.36", "library/busybox:latest",
                    "library/hello-world:latest", "library/nginx:latest", "library/redis:latest",
                    "library/tomcat:8.5.38"}));

    const ImageSpec* hello = served(*world, "docker.io", "library/hello-world", "latest");
    QCOMPARE(hello->cmd, Words{"/hello"});
    const ImageSpec* busybox = served(*world, "docker.io", "library/busybox", "latest");
    QCOMPARE(busybox->cmd, Words{"sh"});
    QCOMPARE(busybox->layers.size(), 1u);
    QVERIFY(busybox->layers[0].size > 2'000'000 && busybox->layers[0].size < 2'500'000);
    QCOMPARE(served(*world, "docker.io", "library/busybox", "1.36")->cmd, Words{"sh"});
    // What is on disk is what the hub serves, so `docker pull busybox` finds it up to date.
    QCOMPARE(world->images[0].image.cmd, busybox->cmd);
    QCOMPARE(world->images[0].image.layers.size(), busybox->layers.size());
    QCOMPARE(world->images[0].image.layers[0].size, busybox->layers[0].size);
    QCOMPARE(served(*world, "docker.io", "library/alpine", "latest")->cmd, Words{"/bin/sh"});

    const ImageSpec* nginx = served(*world, "docker.io", "library/nginx", "latest");
    QCOMPARE(nginx->entrypoint, Words{"/docker-entrypoint.sh"});
    QCOMPARE(nginx->cmd, (Words{"nginx", "-g", "daemon off;"}));
    QCOMPARE(nginx->stopSignal, std::string("SIGQUIT"));
    QCOMPARE(nginx->layers.size(), 6u);
    QVERIFY(totalSize(*nginx) > 45'000'000 && totalSize(*nginx) < 55'000'000);

    const ImageSpec* redis = served(*world, "docker.io", "library/redis", "latest");
    QCOMPARE(redis->entrypoint, Words{"docker-entrypoint.sh"});
    QCOMPARE(redis->cmd, Words{"redis-server"});

    const ImageSpec* tomcat = served(*world, "docker.io", "library/tomcat", "8.5.38");
    QCOMPARE(tomcat->cmd, (Words{"catalina.sh", "run"}));
    QCOMPARE(tomcat->layers.size(), 10u);
    QVERIFY(totalSize(*tomcat) > 160'000'000 && totalSize(*tomcat) < 180'000'000);
}

// The resource is built from app/worlds/default.json; both load to the same world.
void TestWorldFile::defaultWorldFileMatchesTheResource() {
    QFile resource(defaultWorldPath());
    QFile source(QStringLiteral(LAB_SOURCE_DIR "/app/worlds/default.json"));
    QVERIFY(resource.open(QIODevice::ReadOnly));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QCOMPARE(resource.readAll(), source.readAll());
}

void TestWorldFile::missingFileIsNamed() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nowhere.json"));
    const Expected<World> world = loadWorldFile(path);
    QVERIFY(!world.has_value());
    QCOMPARE(QString::fromStdString(world.error().message),
             QStringLiteral("cannot read world file %1: No such file or directory").arg(path));

    // A file on disk reports its own path in shape errors.
    QFile file(dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"images": [{"tags": []}]})");
    file.close();
    const Expected<World> bad = loadWorldFile(file.fileName());
    QVERIFY(!bad.has_value());
    QCOMPARE(QString::fromStdString(bad.error().message),
             file.fileName() +
                 QStringLiteral(": images[0].tags: must name at least one reference"));
}

void TestWorldFile::badInputIsRefused_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");

    QTest::newRow("an empty file")
        << QByteArray("  \n") << "world.json: the file is empty (expected a JSON object)";
    QTest::newRow("a missing comma gives line and column")
        << QByteArray("{\n  \"images\": []\n  \"registries\": []\n}")
        << "world.json:3:4: invalid JSON: unterminated object";
    QTest::newRow("an unterminated string") << QByteArray("{\"images\": [{\"tags\": [\"busybox]}]}")
                                            << "world.json:1:35: invalid JSON: unterminated string";
    QTest::newRow("the top level is an array")
        << QByteArray("[]") << "world.json: top level: expected an object, got an array";
    QTest::newRow("an unknown top-level key")
        << QByteArray(R"({"image": []})")
        << "world.json: image: unknown key (allowed here: images, registries)";
    QTest::newRow("images is an object") << QByteArray(R"({"images": {}})")
                                         << "world.json: images: expected an array, got an object";
    QTest::newRow("an image is a string")
        << QByteArray(R"({"images": ["busybox"]})")
        << "world.json: images[0]: expected an object, got a string";
    QTest::newRow("an image without tags") << QByteArray(R"({"images": [{"cmd": ["sh"]}]})")
                                           << "world.json: images[0]: missing key \"tags\"";
    QTest::newRow("an empty tags array")
        << QByteArray(R"({"images": [{"tags": []}]})")
        << "world.json: images[0].tags: must name at least one reference";
    QTest::newRow("tags is a string")
        << QByteArray(R"({"images": [{"tags": "busybox"}]})")
        << "world.json: images[0].tags: expected an array, got a string";
    QTest::newRow("the third image's first tag is a number")
        << QByteArray(R"({"images": [{"tags": ["a"]}, {"tags": ["b"]}, {"tags": [7]}]})")
        << "world.json: images[2].tags[0]: expected a string, got a number";
    QTest::newRow("an empty tag") << QByteArray(R"({"images": [{"tags": ["a", ""]}]})")
                                  << "world.json: images[0].tags[1]: must not be empty";
    QTest::newRow("an unknown image key")
        << QByteArray(R"({"images": [{"tags": ["a"], "command": []}]})")
        << "world.json: images[0].command: unknown key (allowed here: tags, cmd, entrypoint, "
           "stopSignal, layers, files, created)";
    QTest::newRow("cmd is a string")
        << QByteArray(R"({"images": [{"tags": ["a"], "cmd": "sh"}]})")
        << "world.json: images[0].cmd: expected an array, got a string";
    QTest::newRow("an entrypoint word is null")
        << QByteArray(R"({"images": [{"tags": ["a"], "entrypoint": ["x", null]}]})")
        << "world.json: images[0].entrypoint[1]: expected a string, got null";
    QTest::newRow("stopSignal is a boolean")
        << QByteArray(R"({"images": [{"tags": ["a"], "stopSignal": true}]})")
        << "world.json: images[0].stopSignal: expected a signal name or number, got a boolean";
    QTest::newRow("stopSignal is zero")
        << QByteArray(R"({"images": [{"tags": ["a"], "stopSignal": 0}]})")
        << "world.json: images[0].stopSignal: a signal number must be a whole number from 1 to 64, "
           "got 0";
    QTest::newRow("layers is an object")
        << QByteArray(R"({"images": [{"tags": ["a"], "layers": {}}]})")
        << "world.json: images[0].layers: expected an array, got an object";
    QTest::newRow("a layer without size")
        << QByteArray(R"({"images": [{"tags": ["a"], "layers": [{}]}]})")
        << "world.json: images[0].layers[0]: missing key \"size\"";
    QTest::newRow("a layer with a digest")
        << QByteArray(R"({"images": [{"tags": ["a"], "layers": [{"size": 1, "digest": "x"}]}]})")
        << "world.json: images[0].layers[0].digest: unknown key (allowed here: size)";
    QTest::newRow("a negative layer size")
        << QByteArray(R"({"images": [{"tags": ["a"], "layers": [{"size": 5}, {"size": -5}]}]})")
        << "world.json: images[0].layers[1].size: must not be negative, got -5";
    QTest::newRow("a fractional layer size")
        << QByteArray(R"({"images": [{"tags": ["a"], "layers": [{"size": 1.5}]}]})")
        << "world.json: images[0].layers[0].size: must be a whole number of bytes, got 1.5";
    QTest::newRow("a layer size as text")
        << QByteArray(R"({"images": [{"tags": ["a"], "layers": [{"size": "2MB"}]}]})")
        << "world.json: images[0].layers[0].size: expected a number of bytes, got a string";
    QTest::newRow("a layer size beyond exact doubles")
        << QByteArray(R"({"images": [{"tags": ["a"], "layers": [{"size": 1e300}]}]})")
        << "world.json: images[0].layers[0].size: is too large, got 1e+300";
    QTest::newRow("registries is an object")
        << QByteArray(R"({"registries": {"host": "docker.io"}})")
        << "world.json: registries: expected an array, got an object";
    QTest::newRow("a registry without host")
        << QByteArray(R"({"registries": [{"repositories": {}}]})")
        << "world.json: registries[0]: missing key \"host\"";
    QTest::newRow("an empty host") << QByteArray(R"({"registries": [{"host": ""}]})")
                                   << "world.json: registries[0].host: must not be empty";
    QTest::newRow("an unknown registry key")
        << QByteArray(R"({"registries": [{"host": "a", "images": []}]})")
        << "world.json: registries[0].images: unknown key (allowed here: host, repositories, "
           "unreachable, missingRepository)";
    QTest::newRow("a registry declared twice")
        << QByteArray(
               R"({"registries": [{"host": "docker.io"}, {"host": "q"}, {"host": "docker.io"}]})")
        << "world.json: registries[2].host: registry \"docker.io\" is already declared at "
           "registries[0]";
    QTest::newRow("unreachable is a boolean")
        << QByteArray(R"({"registries": [{"host": "q", "unreachable": true}]})")
        << "world.json: registries[0].unreachable: expected a string, got a boolean";
    QTest::newRow("an unknown missingRepository answer")
        << QByteArray(R"({"registries": [{"host": "q", "missingRepository": "not found"}]})")
        << "world.json: registries[0].missingRepository: expected \"manifest unknown\" or "
           "\"denied\", got \"not found\"";
    QTest::newRow("repositories is an array")
        << QByteArray(R"({"registries": [{"host": "q", "repositories": []}]})")
        << "world.json: registries[0].repositories: expected an object, got an array";
    QTest::newRow("a repository is a list of tags")
        << QByteArray(
               R"({"registries": [{"host": "q", "repositories": {"library/busybox": ["latest"]}}]})")
        << "world.json: registries[0].repositories[\"library/busybox\"]: expected an object of "
           "tags, got an array";
    QTest::newRow("a served image is a string")
        << QByteArray(
               R"({"registries": [{"host": "q", "repositories": {"busybox": {"1.36": "sh"}}}]})")
        << "world.json: registries[0].repositories.busybox[\"1.36\"]: expected an object, got a "
           "string";
    QTest::newRow("a served image with tags")
        << QByteArray(
               R"({"registries": [{"host": "q", "repositories": {"busybox": {"latest": {"tags": ["x"]}}}}]})")
        << "world.json: registries[0].repositories.busybox.latest.tags: unknown key (allowed here: "
           "cmd, entrypoint, stopSignal, layers, files, created)";
    QTest::newRow("a served image with a negative layer")
        << QByteArray(
               R"({"registries": [{"host": "q", "repositories": {"busybox": {"latest": {"layers": [{"size": -1}]}}}}]})")
        << "world.json: registries[0].repositories.busybox.latest.layers[0].size: must not be "
           "negative, got -1";
    QTest::newRow("a file with a relative path")
        << QByteArray(R"({"images": [{"tags": ["x"], "files": {"etc/motd": "hi"}}]})")
        << "world.json: images[0].files[\"etc/motd\"]: must be an absolute path";
    QTest::newRow("a file whose content is not text")
        << QByteArray(R"({"images": [{"tags": ["x"], "files": {"/etc/motd": 3}}]})")
        << "world.json: images[0].files[\"/etc/motd\"]: expected the file's content as a string, "
           "got a number";
    QTest::newRow("a build date that is not a date")
        << QByteArray(R"({"images": [{"tags": ["x"], "created": "yesterday"}]})")
        << "world.json: images[0].created: is not an RFC 3339 date: yesterday";
    QTest::newRow("an empty repository path")
        << QByteArray(R"({"registries": [{"host": "q", "repositories": {"": {}}}]})")
        << "world.json: registries[0].repositories[\"\"]: a repository path must not be empty";
    QTest::newRow("an empty tag of a repository")
        << QByteArray(R"({"registries": [{"host": "q", "repositories": {"busybox": {"": {}}}}]})")
        << "world.json: registries[0].repositories.busybox[\"\"]: a tag must not be empty";
    QTest::newRow("busybox and library/busybox on Docker Hub")
        << QByteArray(
               R"({"registries": [{"host": "docker.io", "repositories": {"busybox": {}, "library/busybox": {}}}]})")
        << "world.json: registries[0].repositories[\"library/busybox\"]: the repository "
           "\"library/busybox\" is listed twice";
    // Each of these used to pass, wrap around or be misnamed.
    QTest::newRow("a tag Docker would refuse")
        << QByteArray(R"({"images": [{"tags": ["Busybox"]}]})")
        << "world.json: images[0].tags[0]: invalid reference format: repository name must be "
           "lowercase";
    QTest::newRow("a duplicate key") << QByteArray("{\"images\": [],\n \"images\": []}")
                                     << "world.json:2:2: invalid JSON: duplicate key \"images\"";
    QTest::newRow("a duplicate key inside an image")
        << QByteArray(R"({"images": [{"tags": ["a"], "cmd": [], "cmd": ["x"]}]})")
        << "world.json:1:40: invalid JSON: duplicate key \"cmd\"";
    QTest::newRow("the top level is null")
        << QByteArray("null") << "world.json: top level: expected an object, got null";
    QTest::newRow("the top level is a number")
        << QByteArray(" 3 ") << "world.json: top level: expected an object, got a number";
    QTest::newRow("a build date before 1678")
        << QByteArray(R"({"images": [{"tags": ["a"], "created": "1600-01-01T00:00:00Z"}]})")
        << "world.json: images[0].created: 1600-01-01T00:00:00Z is outside the dates the engine "
           "holds (1678 to 2262)";
    QTest::newRow("a build date after 2262")
        << QByteArray(R"({"images": [{"tags": ["a"], "created": "2300-01-01T00:00:00Z"}]})")
        << "world.json: images[0].created: 2300-01-01T00:00:00Z is outside the dates the engine "
           "holds (1678 to 2262)";
    QByteArray layers = R"({"images": [{"tags": ["a"], "layers": [)";
    for (int i = 0; i < 126; ++i)
        layers += QByteArray(i ? "," : "") + R"({"size": 1})";
    QTest::newRow("more layers than Docker chains")
        << layers + "]}]}"
        << "world.json: images[0].layers: max depth exceeded (Docker's layer store chains at "
           "most 125 layers, got 126)";
}

// Strings holding braces, quotes and colons are not keys; equal keys in different objects are
// no duplicates.
void TestWorldFile::keysRepeatedInOtherObjectsAreFine() {
    const Expected<World> world = loadWorldJson(
        R"({"images": [{"tags": ["a"], "cmd": ["{\"x\": 1, \"x\": 2}", "tags:"]},
                       {"tags": ["b"], "cmd": []}]})",
        kSource);
    QVERIFY2(world.has_value(), world.has_value() ? "" : world.error().message.c_str());
    QCOMPARE(world->images.size(), std::size_t(2));
}

void TestWorldFile::badInputIsRefused() {
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const Expected<World> world = loadWorldJson(json, kSource);
    QVERIFY2(!world.has_value(), "the world was accepted");
    QCOMPARE(QString::fromStdString(world.error().message), error);
}

QTEST_GUILESS_MAIN(TestWorldFile)
#include "tst_world_file.moc"
