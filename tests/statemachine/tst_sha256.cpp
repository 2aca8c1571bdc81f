// SHA-256 against the FIPS 180-2 example messages (appendix B) and the padding boundaries.
#include "base/Sha256.h"

#include <QTest>

class TestSha256 : public QObject {
    Q_OBJECT

private slots:
    void digests_data() {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QString>("digest");
        QTest::newRow("FIPS 180-2 B.1: abc")
            << QByteArray("abc")
            << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("FIPS 180-2 B.2: two blocks")
            << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
        QTest::newRow("FIPS 180-2 B.3: a million a")
            << QByteArray(1000000, 'a')
            << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
        QTest::newRow("the empty message")
            << QByteArray() << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        // The length must fit in the block after 0x80: 55 bytes do, 56 need a second block.
        QTest::newRow("55 bytes: padding fits one block")
            << QByteArray(55, 'a')
            << "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318";
        QTest::newRow("56 bytes: padding needs a second block")
            << QByteArray(56, 'a')
            << "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a";
        QTest::newRow("64 bytes: exactly one block of data")
            << QByteArray(64, 'a')
            << "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb";
    }
    void digests() {
        QFETCH(QByteArray, message);
        QFETCH(QString, digest);
        const std::string_view data(message.constData(), std::size_t(message.size()));
        QCOMPARE(QString::fromStdString(lab::sha256Hex(data)), digest);
    }
};

QTEST_APPLESS_MAIN(TestSha256)
#include "tst_sha256.moc"
