// Docker's reference grammar. Expected values were recorded from docker CLI 28.2.2 against
// Engine 20.10.24 ("docker create --pull never REF" prints the daemon's "No such image:
// <familiar>", or the CLI's own parse error), plus transcript 02-illegal-ops.
#include "docker/ImageReference.h"

#include <QTest>

using lab::docker::ImageReference;
using lab::docker::parseImageReference;
using lab::docker::ReferenceGrammar;

Q_DECLARE_METATYPE(ReferenceGrammar)

namespace {
QString hex(char c, int n) {
    return QString(n, QChar(c));
}
} // namespace

class TestImageReference : public QObject {
    Q_OBJECT

private slots:
    void parsesValidReferences_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("familiar");
        QTest::addColumn<QString>("full");
        QTest::addColumn<QString>("path");
        const QString digest = "sha256:" + hex('a', 64);
        QTest::newRow("bare name gets library/ and latest") << "busybox"
                                                            << "busybox:latest"
                                                            << "docker.io/library/busybox:latest"
                                                            << "library/busybox";
        QTest::newRow("tag kept") << "busybox:1.36"
                                  << "busybox:1.36"
                                  << "docker.io/library/busybox:1.36"
                                  << "library/busybox";
        QTest::newRow("library/ prefix is familiar-stripped") << "library/busybox"
                                                              << "busybox:latest"
                                                              << "docker.io/library/busybox:latest"
                                                              << "library/busybox";
        QTest::newRow("fully qualified") << "docker.io/library/busybox:latest"
                                         << "busybox:latest"
                                         << "docker.io/library/busybox:latest"
                                         << "library/busybox";
        QTest::newRow("legacy index domain") << "index.docker.io/busybox"
                                             << "busybox:latest"
                                             << "docker.io/library/busybox:latest"
                                             << "library/busybox";
        QTest::newRow("docker.io without library/") << "docker.io/busybox"
                                                    << "busybox:latest"
                                                    << "docker.io/library/busybox:latest"
                                                    << "library/busybox";
        QTest::newRow("local registry with port") << "127.0.0.1:5000/busybox:1.35"
                                                  << "127.0.0.1:5000/busybox:1.35"
                                                  << "127.0.0.1:5000/busybox:1.35"
                                                  << "busybox";
        QTest::newRow("localhost registry, nested path") << "localhost:5000/a/b:t"
                                                         << "localhost:5000/a/b:t"
                                                         << "localhost:5000/a/b:t"
                                                         << "a/b";
        QTest::newRow("bare localhost is a domain") << "localhost/x"
                                                    << "localhost/x:latest"
                                                    << "localhost/x:latest"
                                                    << "x";
        QTest::newRow("localhost alone is a name") << "localhost"
                                                   << "localhost:latest"
                                                   << "docker.io/library/localhost:latest"
                                                   << "library/localhost";
        QTest::newRow("digest without tag")
            << "busybox@" + digest << "busybox@" + digest << "docker.io/library/busybox@" + digest
            << "library/busybox";
        QTest::newRow("tag and digest both kept")
            << "busybox:1.36@" + digest << "busybox:1.36@" + digest
            << "docker.io/library/busybox:1.36@" + digest << "library/busybox";
        QTest::newRow("name:port without slash is a tag") << "a:5000"
                                                          << "a:5000"
                                                          << "docker.io/library/a:5000"
                                                          << "library/a";
        QTest::newRow("upper-case tag allowed") << "busybox:UP"
                                                << "busybox:UP"
                                                << "docker.io/library/busybox:UP"
                                                << "library/busybox";
        QTest::newRow("repeated dashes") << "bu--sy"
                                         << "bu--sy:latest"
                                         << "docker.io/library/bu--sy:latest"
                                         << "library/bu--sy";
        QTest::newRow("double underscore") << "a__b"
                                           << "a__b:latest"
                                           << "docker.io/library/a__b:latest"
                                           << "library/a__b";
        QTest::newRow("nested library path keeps library/") << "library/a/b"
                                                            << "library/a/b:latest"
                                                            << "docker.io/library/a/b:latest"
                                                            << "library/a/b";
        QTest::newRow("IPv4 host") << "1.2.3.4/x:y"
                                   << "1.2.3.4/x:y"
                                   << "1.2.3.4/x:y"
                                   << "x";
        QTest::newRow("dotted host with port") << "ex-ample.com:80/a"
                                               << "ex-ample.com:80/a:latest"
                                               << "ex-ample.com:80/a:latest"
                                               << "a";
        QTest::newRow("host keeps its case") << "Example.com/foo:T"
                                             << "Example.com/foo:T"
                                             << "Example.com/foo:T"
                                             << "foo";
        QTest::newRow("upper-case first component is a host (CLI)") << "A:5000/b"
                                                                    << "A:5000/b:latest"
                                                                    << "A:5000/b:latest"
                                                                    << "b";
        QTest::newRow("dotted non-host makes a domainless name") << "a.b_c/x"
                                                                 << "a.b_c/x:latest"
                                                                 << "a.b_c/x:latest"
                                                                 << "a.b_c/x";
        QTest::newRow("IPv6 host (CLI)") << "[::1]:5000/foo"
                                         << "[::1]:5000/foo:latest"
                                         << "[::1]:5000/foo:latest"
                                         << "foo";
        QTest::newRow("path of 252 characters (CLI limit is the path)")
            << "x/" + hex('a', 250) << "x/" + hex('a', 250) + ":latest"
            << "docker.io/x/" + hex('a', 250) + ":latest"
            << "x/" + hex('a', 250);
    }
    void parsesValidReferences() {
        QFETCH(QString, input);
        const auto ref = parseImageReference(input.toStdString());
        QVERIFY2(ref.has_value(), ref.has_value() ? "" : ref.error().message.c_str());
        QTEST(QString::fromStdString(ref->familiar()), "familiar");
        QTEST(QString::fromStdString(ref->full()), "full");
        QTEST(QString::fromStdString(ref->path), "path");
    }

    void rejectsWithDockersText_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<ReferenceGrammar>("grammar");
        QTest::addColumn<QString>("error");
        const auto cli = ReferenceGrammar::Cli;
        const auto engine = ReferenceGrammar::Engine;
        const QString bad = "invalid reference format";
        QTest::newRow("upper-case name (transcript 02)")
            << "Busybox:Local" << cli
            << "invalid reference format: repository name (library/Busybox) must be lowercase";
        QTest::newRow("upper-case path component")
            << "a/B" << cli << "invalid reference format: repository name (a/B) must be lowercase";
        QTest::newRow("upper-case library name")
            << "UPPER" << cli
            << "invalid reference format: repository name (library/UPPER) must be lowercase";
        QTest::newRow("upper-case first component (engine)")
            << "Foo/bar:x" << engine
            << "invalid reference format: repository name must be lowercase";
        QTest::newRow("empty tag") << "busybox:" << cli << bad;
        QTest::newRow("tag only") << ":tag" << cli << bad;
        QTest::newRow("empty") << "" << cli << bad;
        QTest::newRow("triple underscore") << "a___b" << cli << bad;
        QTest::newRow("double dot") << "a..b" << cli << bad;
        QTest::newRow("dash then dot") << "a-.b" << cli << bad;
        QTest::newRow("trailing dash") << "abc-" << cli << bad;
        QTest::newRow("tag starting with dash") << "busybox:-x" << cli << bad;
        QTest::newRow("tag of 129 characters") << "busybox:" + hex('a', 129) << cli << bad;
        QTest::newRow("two colons") << "a:b:c" << cli << bad;
        QTest::newRow("non-numeric port") << "host:port/foo" << cli << bad;
        QTest::newRow("empty path component") << "aa//bb" << cli << bad;
        QTest::newRow("short digest") << "busybox@sha256:abc" << cli << bad;
        QTest::newRow("non-hex digest") << "busybox@sha256:" + hex('g', 64) << cli << bad;
        QTest::newRow("IPv6 zone") << "[fe80::1%eth0]:5000/foo" << cli << bad;
        QTest::newRow("IPv6 host (engine)") << "[::1]:5000/foo" << engine << bad;
        QTest::newRow("digest of wrong length")
            << "busybox@sha256:" + hex('a', 63) << cli << "invalid checksum digest length";
        QTest::newRow("sha512 with 64 hex")
            << "busybox@sha512:" + hex('a', 64) << cli << "invalid checksum digest length";
        QTest::newRow("unknown algorithm")
            << "busybox@md5:" + hex('a', 32) << cli << "unsupported digest algorithm";
        QTest::newRow("algorithm with a suffix")
            << "busybox@sha256+b64:" + hex('a', 64) << cli << "unsupported digest algorithm";
        QTest::newRow("upper-case hex")
            << "busybox@sha256:" + hex('A', 64) << cli << "invalid checksum digest format";
        QTest::newRow("upper-case algorithm after a tag")
            << "busybox:1.36@SHA256:" + hex('a', 64) << cli << "invalid checksum digest format";
        QTest::newRow("upper-case algorithm without tag")
            << "busybox@SHA256:" + hex('a', 64) << cli
            << "invalid reference format: repository name (library/busybox@SHA256) must be "
               "lowercase";
        QTest::newRow("64 hex is an ID, not a name")
            << hex('a', 64) << cli
            << "invalid repository name (" + hex('a', 64) +
                   "), cannot specify 64-byte hexadecimal strings";
        QTest::newRow("path over 255 characters")
            << "x/" + hex('a', 254) << cli
            << "repository name must not be more than 255 characters";
        QTest::newRow("name over 255 characters (engine counts the domain)")
            << "x/" + hex('a', 250) << engine
            << "repository name must not be more than 255 characters";
        QTest::newRow("localhost name over 255 characters (engine)")
            << "localhost:5000/" + hex('a', 250) << engine
            << "repository name must not be more than 255 characters";
    }
    void rejectsWithDockersText() {
        QFETCH(QString, input);
        QFETCH(ReferenceGrammar, grammar);
        const auto ref = parseImageReference(input.toStdString(), grammar);
        QVERIFY2(!ref.has_value(), ref.has_value() ? ref->full().c_str() : "");
        QTEST(QString::fromStdString(ref.error().message), "error");
    }

    void engineReadsUpperCaseHostLikeTheCli() {
        // Both read "Example.com/foo" alike: the dot makes it a host whatever its case.
        const auto cli = parseImageReference("Example.com/foo", ReferenceGrammar::Cli);
        const auto engine = parseImageReference("Example.com/foo", ReferenceGrammar::Engine);
        QVERIFY(cli.has_value() && engine.has_value());
        QCOMPARE(*cli, *engine);
        QCOMPARE(engine->domain, std::string("Example.com"));
    }

    void longInvalidNameFailsQuickly() {
        // A backtracking regex takes exponential time here; the parser must not.
        const std::string evil = std::string(5000, 'a') + "!";
        QVERIFY(!parseImageReference(evil).has_value());
    }
};

QTEST_APPLESS_MAIN(TestImageReference)
#include "tst_image_reference.moc"
