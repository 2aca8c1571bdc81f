#pragma once
// Debian's docker-registry (the distribution project's registry:2) on the loopback address, in
// a temporary storage directory, for the tests of docker pull; images are pushed into it with
// the distribution protocol's own uploads (POST, then PUT with the digest) over Boost.Beast.

#include "base/Sha256.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <arpa/inet.h>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <filesystem>
#include <fstream>
#include <netinet/in.h>
#include <sstream>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace lab::test {

/// A TCP port on 127.0.0.1 that nothing listens on now (the kernel's pick, released).
inline int unusedPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

inline constexpr const char* kManifestType = "application/vnd.docker.distribution.manifest.v2+json";

/// A file's bytes ("" when it cannot be read).
inline std::string readBytes(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

/// A content descriptor's JSON; extra adds members (",\"platform\":{...}").
inline std::string descriptor(const std::string& mediaType, const std::string& digest,
                              std::size_t size, const std::string& extra = "") {
    return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest +
           "\",\"size\":" + std::to_string(size) + extra + "}";
}

/// What a pushed image is: its manifest's digest and its layer's (empty when refused).
struct PushedImage {
    std::string manifestDigest;
    std::string layerDigest;               ///< the bottom layer's (busybox)
    std::vector<std::string> layerDigests; ///< every layer's, bottom first
};

/// One HTTP exchange's answer.
struct PushAnswer {
    unsigned status = 0;
    std::string location;
};

/// A docker-registry process; stopped with the object.
class LocalRegistry {
public:
    static constexpr const char* kProgram = "/usr/bin/docker-registry";

    /// Starts it; false (with why) when it does not answer.
    bool start(QString& whyNot) {
        if (!m_storage.isValid()) {
            whyNot = "no temporary directory";
            return false;
        }
        m_port = unusedPort();
        const QString config = m_storage.filePath("config.yml");
        std::ofstream(config.toStdString())
            << "version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: "
            << m_storage.filePath("data").toStdString() << "\nhttp:\n  addr: 127.0.0.1:" << m_port
            << "\n";
        m_process.setProgram(kProgram);
        m_process.setArguments({"serve", config});
        m_process.setStandardOutputFile(QProcess::nullDevice()); // its log of refused requests
        m_process.setStandardErrorFile(QProcess::nullDevice());
        m_process.start();
        if (!m_process.waitForStarted()) {
            whyNot = "docker-registry did not start: " + m_process.errorString();
            return false;
        }
        // It answers once it listens: until then a connection is refused.
        if (!QTest::qWaitFor([&] { return request("GET", "/v2/", "", "").status == 200; }, 10000)) {
            whyNot = "docker-registry did not answer on 127.0.0.1:" + QString::number(m_port);
            return false;
        }
        return true;
    }
    ~LocalRegistry() {
        m_process.kill();
        m_process.waitForFinished();
    }

    /// "127.0.0.1:<port>".
    std::string host() const { return "127.0.0.1:" + std::to_string(m_port); }
    /// Where it keeps a blob's bytes (to damage one).
    std::string blobFile(const std::string& digest) const {
        const std::string hex = digest.substr(7);
        return m_storage.filePath("data").toStdString() + "/docker/registry/v2/blobs/sha256/" +
               hex.substr(0, 2) + "/" + hex + "/data";
    }

    /// Uploads content as a blob of repository; its digest ("" when refused).
    std::string pushBlob(const std::string& repository, const std::string& content) {
        const std::string digest = "sha256:" + sha256Hex(content);
        const PushAnswer started = request("POST", "/v2/" + repository + "/blobs/uploads/", "", "");
        if (started.status != 202)
            return "";
        std::string target = started.location;
        if (const auto path = target.find("/v2/"); path != std::string::npos)
            target = target.substr(path);
        target +=
            (target.find('?') == std::string::npos ? "?" : "&") + std::string("digest=") + digest;
        return request("PUT", target, "application/octet-stream", content).status == 201 ? digest
                                                                                         : "";
    }
    /// Puts a manifest (or index) under tag; its digest ("" when refused).
    std::string pushManifest(const std::string& repository, const std::string& tag,
                             const std::string& mediaType, const std::string& manifest) {
        const PushAnswer answer =
            request("PUT", "/v2/" + repository + "/manifests/" + tag, mediaType, manifest);
        return answer.status == 201 ? "sha256:" + sha256Hex(manifest) : "";
    }

    /// Pushes, as repository:tag, an image (made in tree with GNU tar and gzip) of a static
    /// busybox whose command prints words, with noiseLayers layers of 512 KiB of random bytes
    /// each on top (a download long enough to be seen in parts).
    PushedImage pushBusyboxImage(const std::string& repository, const std::string& tag,
                                 const std::string& words, const std::string& tree,
                                 std::size_t noiseLayers = 0) {
        namespace fs = std::filesystem;
        for (const char* sub : {"bin", "proc", "dev", "sys", "tmp"})
            fs::create_directories(tree + "/" + sub);
        fs::copy_file("/bin/busybox", tree + "/bin/busybox", fs::copy_options::overwrite_existing);
        if (!fs::exists(tree + "/bin/sh"))
            fs::create_symlink("busybox", tree + "/bin/sh");
        std::vector<std::string> trees{tree};
        for (std::size_t i = 1; i <= noiseLayers; ++i) {
            trees.push_back(tree + "-noise" + std::to_string(i));
            fs::create_directories(trees.back());
            std::ifstream random("/dev/urandom", std::ios::binary);
            std::string noise(512u << 10, '\0');
            random.read(noise.data(), std::streamsize(noise.size()));
            std::ofstream(trees.back() + "/noise", std::ios::binary) << noise;
        }
        PushedImage pushed;
        std::string diffIds, layers;
        for (const std::string& layerTree : trees) {
            const std::string tar = layerTree + ".tar";
            if (QProcess::execute("tar", {"-C", QString::fromStdString(layerTree), "-cf",
                                          QString::fromStdString(tar), "."}) != 0 ||
                QProcess::execute("gzip", {"-nkf", QString::fromStdString(tar)}) != 0)
                return {};
            const std::string layer = readBytes(tar + ".gz");
            pushed.layerDigests.push_back(pushBlob(repository, layer));
            diffIds += std::string(diffIds.empty() ? "" : ",") +
                       "\"sha256:" + sha256Hex(readBytes(tar)) + "\"";
            layers += std::string(layers.empty() ? "" : ",") +
                      descriptor("application/vnd.docker.image.rootfs.diff.tar.gzip",
                                 pushed.layerDigests.back(), layer.size());
        }
        pushed.layerDigest = pushed.layerDigests.front();
        const std::string config =
            "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/bin/sh\",\"-c\","
            "\"echo " +
            words + "\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + diffIds + "]}}";
        const std::string configDigest = pushBlob(repository, config);
        const std::string manifest = "{\"schemaVersion\":2,\"mediaType\":\"" +
                                     std::string(kManifestType) + "\",\"config\":" +
                                     descriptor("application/vnd.docker.container.image.v1+json",
                                                configDigest, config.size()) +
                                     ",\"layers\":[" + layers + "]}";
        pushed.manifestDigest = pushManifest(repository, tag, kManifestType, manifest);
        return pushed;
    }

private:
    PushAnswer request(const std::string& method, const std::string& target,
                       const std::string& contentType, const std::string& body) {
        namespace beast = boost::beast;
        namespace http = beast::http;
        boost::asio::io_context io;
        beast::tcp_stream stream(io);
        boost::system::error_code error;
        stream.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"),
                                                      static_cast<unsigned short>(m_port)),
                       error);
        if (error)
            return {};
        http::request<http::string_body> message{http::string_to_verb(method), target, 11};
        message.set(http::field::host, host());
        if (!contentType.empty())
            message.set(http::field::content_type, contentType);
        message.body() = body;
        message.prepare_payload();
        http::write(stream, message, error);
        beast::flat_buffer buffer;
        http::response<http::string_body> response;
        if (!error)
            http::read(stream, buffer, response, error);
        if (error)
            return {};
        return {response.result_int(), std::string(response[http::field::location])};
    }

    QTemporaryDir m_storage;
    QProcess m_process;
    int m_port = 0;
};

} // namespace lab::test
