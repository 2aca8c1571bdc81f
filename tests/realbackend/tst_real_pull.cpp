// docker pull and docker run of an image that is not local, on the real backend, from Debian's
// docker-registry started on 127.0.0.1: Docker's progress lines and digest, a real process from
// the pulled image, the flowchart's layer bars from the bytes received, Docker's words for a
// missing tag and a closed port, a damaged blob refused with nothing stored, and no thread or
// descriptor left behind. Needs root and docker-registry; skips with the reason.
#include "LocalRegistry.h"
#include "RealFixture.h"
#include "engine/Pull.h"

#include <QProcess>
#include <QtTest>
#include <filesystem>

using lab::real::CgroupMode;
using lab::test::LocalRegistry;
using lab::test::RealFixture;
namespace fs = std::filesystem;

namespace {

constexpr const char* kIndexType = "application/vnd.oci.image.index.v1+json";

int threadCount() {
    return int(std::distance(fs::directory_iterator("/proc/self/task"), fs::directory_iterator()));
}
int fdCount() {
    return int(std::distance(fs::directory_iterator("/proc/self/fd"), fs::directory_iterator()));
}

// The pull the run flowchart would draw: the latest one the engine reported.
class ShownPull final : public lab::EngineObserver {
public:
    explicit ShownPull(lab::Engine& engine) : m_engine(engine) { m_engine.addObserver(*this); }
    ~ShownPull() override { m_engine.removeObserver(*this); }
    void runFlowMoved(const lab::RunFlowReport& report) override {
        if (report.pull)
            pull = *report.pull;
    }
    std::optional<lab::PullPlan> pull;

private:
    lab::Engine& m_engine;
};

} // namespace

class RealPullTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void pullShowsDockersProgressAndRunsTheImage();
    void runPullsAMissingImageThroughAnIndex();
    void eachLayersBarFollowsItsBytes();
    void aMissingTagIsManifestUnknown();
    void aClosedPortIsTheDialError();
    void aDamagedBlobIsRefusedAndNothingIsStored();
    void onlyTheLoopbackAddressIsPulledFrom();

private:
    lab::test::PushedImage push(const std::string& repository, const std::string& tag,
                                const std::string& words, std::size_t noiseLayers = 0) {
        return m_registry->pushBusyboxImage(
            repository, tag, words, m_work.filePath(QString::fromStdString(tag)).toStdString(),
            noiseLayers);
    }

    std::unique_ptr<LocalRegistry> m_registry;
    std::unique_ptr<RealFixture> m_lab;
    QTemporaryDir m_work;
    QString m_whyNot;
};

void RealPullTest::initTestCase() {
    if (::geteuid() != 0)
        QSKIP("the real backend's image store and containers need root here");
    if (!fs::exists(LocalRegistry::kProgram))
        QSKIP("Debian's docker-registry is not installed (scripts/install-deps.sh installs it)");
    m_registry = std::make_unique<LocalRegistry>();
    if (!m_registry->start(m_whyNot))
        QSKIP(qPrintable(m_whyNot));
}

void RealPullTest::init() {
    m_lab = RealFixture::open(CgroupMode::Auto, m_whyNot);
    if (!m_lab)
        QSKIP(qPrintable("the real backend cannot run here: " + m_whyNot));
}

void RealPullTest::cleanup() {
    m_lab.reset();
}

void RealPullTest::pullShowsDockersProgressAndRunsTheImage() {
    const lab::test::PushedImage pushed = push("lab/hello", "1", "hello from the registry");
    QVERIFY(!pushed.manifestDigest.empty());
    const std::string reference = m_registry->host() + "/lab/hello:1";
    const int threads = threadCount(), fds = fdCount();

    const lab::CliOutput pulled = m_lab->docker("pull " + reference);
    QCOMPARE(pulled.status, 0);
    const std::string layer = pushed.layerDigest.substr(7, 12);
    const std::vector<std::string> expected{"1: Pulling from lab/hello",
                                            layer + ": Pulling fs layer",
                                            layer + ": Verifying Checksum",
                                            layer + ": Download complete",
                                            layer + ": Pull complete",
                                            "Digest: " + pushed.manifestDigest,
                                            "Status: Downloaded newer image for " + reference,
                                            reference};
    QCOMPARE(pulled.out, expected);
    QCOMPARE(threadCount(), threads); // the worker was joined, its sockets closed
    QCOMPARE(fdCount(), fds);
    // The clock watches nothing more either: only the backend's inotify instance, as before.
    // (leftovers() would count docker-registry, a child of this process.)
    QCOMPARE(m_lab->clock->watchedCount(), std::size_t(1));

    const lab::CliOutput ran = m_lab->docker("run --rm " + reference);
    QCOMPARE(ran.status, 0);
    QCOMPARE(ran.out, std::vector<std::string>{"hello from the registry"});
    QVERIFY(
        m_lab->out("images").contains(QString::fromStdString(m_registry->host() + "/lab/hello")));

    const lab::CliOutput again = m_lab->docker("pull " + reference);
    QCOMPARE(again.out, (std::vector<std::string>{
                            "1: Pulling from lab/hello", "Digest: " + pushed.manifestDigest,
                            "Status: Image is up to date for " + reference, reference}));
}

void RealPullTest::runPullsAMissingImageThroughAnIndex() {
    const lab::test::PushedImage pushed = push("lab/multi", "amd64", "picked from the index");
    QVERIFY(!pushed.manifestDigest.empty());
    // An index whose linux/amd64 entry is the image; an arm64 entry before it names the same
    // manifest (the registry wants every entry to exist), so only the platform picks.
    const std::string manifest = lab::test::readBytes(m_registry->blobFile(pushed.manifestDigest));
    const auto entry = [&](const std::string& architecture) {
        return lab::test::descriptor(
            lab::test::kManifestType, pushed.manifestDigest, manifest.size(),
            ",\"platform\":{\"architecture\":\"" + architecture + "\",\"os\":\"linux\"}");
    };
    const std::string index = "{\"schemaVersion\":2,\"mediaType\":\"" + std::string(kIndexType) +
                              "\",\"manifests\":[" + entry("arm64") + "," + entry("amd64") + "]}";
    const std::string indexDigest = m_registry->pushManifest("lab/multi", "1", kIndexType, index);
    QVERIFY(!indexDigest.empty());
    const std::string reference = m_registry->host() + "/lab/multi:1";

    const lab::CliOutput ran = m_lab->docker("run --rm " + reference);
    QCOMPARE(ran.status, 0);
    QCOMPARE(ran.out, std::vector<std::string>{"picked from the index"});
    QCOMPARE(ran.err.front(), "Unable to find image '" + reference + "' locally");
    QVERIFY(std::find(ran.err.begin(), ran.err.end(), "Digest: " + indexDigest) != ran.err.end());
    QCOMPARE(ran.err.back(), "Status: Downloaded newer image for " + reference);
}

void RealPullTest::eachLayersBarFollowsItsBytes() {
    using lab::LayerPhase;
    const lab::test::PushedImage pushed = push("lab/layers", "3", "three layers", 2);
    QVERIFY(!pushed.manifestDigest.empty());
    QCOMPARE(pushed.layerDigests.size(), std::size_t(3));
    const ShownPull shown(*m_lab->engine);

    QCOMPARE(m_lab->docker("pull " + m_registry->host() + "/lab/layers:3").status, 0);
    QVERIFY2(shown.pull, "the run flow showed no pull");
    QCOMPARE(shown.pull->digest, pushed.manifestDigest);
    QCOMPARE(shown.pull->layers.size(), std::size_t(3));
    lab::TimePoint previousEnd{};
    for (std::size_t i = 0; i < 3; ++i) {
        const lab::LayerPull& layer = shown.pull->layers[i];
        QCOMPARE(layer.shortId, pushed.layerDigests[i].substr(7, 12));
        QCOMPARE(layer.size,
                 std::int64_t(fs::file_size(m_registry->blobFile(pushed.layerDigests[i]))));
        // The bytes came in order, up to the whole layer, all while it downloaded.
        QVERIFY(!layer.received.empty());
        lab::ByteSample before{layer.downloadStart, 0};
        for (const lab::ByteSample& sample : layer.received) {
            QVERIFY(sample.bytes > before.bytes);
            QVERIFY(sample.at >= before.at);
            before = sample;
        }
        QCOMPARE(layer.received.back().bytes, layer.size);
        // One layer after the other, each downloaded, verified and extracted in time order.
        QVERIFY(layer.downloadStart >= previousEnd);
        QVERIFY(layer.received.back().at <= layer.downloaded);
        QVERIFY(layer.downloaded <= layer.extractStart);
        QVERIFY(layer.extractStart <= layer.extracted);
        QVERIFY(layer.extracted != lab::kNotYet);
        previousEnd = layer.downloaded;

        // The bar: waiting, then part-way through at some moment of its download, then complete.
        const auto at = [&](lab::TimePoint when) { return lab::progressAt(layer, when); };
        QCOMPARE(at(layer.downloadStart - lab::Duration(1)).phase, LayerPhase::Waiting);
        const lab::ByteSample first = layer.received.front();
        const lab::LayerProgress partWay =
            at(layer.downloadStart + (first.at - layer.downloadStart) / 2);
        QCOMPARE(partWay.phase, LayerPhase::Downloading);
        QVERIFY2(partWay.fraction > 0 && partWay.fraction < 1,
                 qPrintable(QString::number(partWay.fraction)));
        QCOMPARE(at(layer.received.back().at).fraction, 1.0);
        QCOMPARE(at(layer.extracted).phase, LayerPhase::Complete);
    }
}

void RealPullTest::aMissingTagIsManifestUnknown() {
    const std::string reference = m_registry->host() + "/lab/hello:9.9";
    const lab::CliOutput pulled = m_lab->docker("pull " + reference);
    QCOMPARE(pulled.status, 1);
    QCOMPARE(pulled.err,
             std::vector<std::string>{"Error response from daemon: manifest for " + reference +
                                      " not found: manifest unknown: manifest unknown"});
}

void RealPullTest::aClosedPortIsTheDialError() {
    const std::string host = "127.0.0.1:" + std::to_string(lab::test::unusedPort());
    const lab::CliOutput pulled = m_lab->docker("pull " + host + "/lab/hello:1");
    QCOMPARE(pulled.status, 1);
    QCOMPARE(pulled.err, std::vector<std::string>{"Error response from daemon: Get \"http://" +
                                                  host + "/v2/\": dial tcp " + host +
                                                  ": connect: connection refused"});
}

void RealPullTest::aDamagedBlobIsRefusedAndNothingIsStored() {
    const lab::test::PushedImage pushed = push("lab/damaged", "1", "never printed");
    QVERIFY(!pushed.manifestDigest.empty());
    const std::string blob = m_registry->blobFile(pushed.layerDigest);
    std::string bytes = lab::test::readBytes(blob);
    QVERIFY(bytes.size() > 100);
    bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0xff); // same size, other bytes
    std::ofstream(blob, std::ios::binary | std::ios::trunc) << bytes;
    const std::string store = m_lab->backend->stateDir() + "/images";
    const std::string indexBefore = lab::test::readBytes(store + "/index.json");

    const std::string reference = m_registry->host() + "/lab/damaged:1";
    const lab::CliOutput pulled = m_lab->docker("pull " + reference);
    QCOMPARE(pulled.status, 1);
    QCOMPARE(pulled.err, std::vector<std::string>{"filesystem layer verification failed for "
                                                  "digest " +
                                                  pushed.layerDigest});
    QCOMPARE(lab::test::readBytes(store + "/index.json"), indexBefore);
    QVERIFY(!fs::exists(store + "/blobs/sha256/" + pushed.layerDigest.substr(7)));
    QVERIFY(!m_lab->out("images").contains("damaged"));
    QCOMPARE(m_lab->docker("run " + reference).status, 125);
}

void RealPullTest::onlyTheLoopbackAddressIsPulledFrom() {
    const lab::CliOutput pulled = m_lab->docker("pull alpine:3.19");
    QCOMPARE(pulled.status, 1);
    QCOMPARE(pulled.err.size(), std::size_t(1));
    QVERIFY(QString::fromStdString(pulled.err[0]).contains("loopback address over plain HTTP"));
}

QTEST_GUILESS_MAIN(RealPullTest)
#include "tst_real_pull.moc"
