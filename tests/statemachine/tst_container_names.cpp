// Container names. Validity rows were recorded with "docker create --name NAME" on Engine 20.10.24;
// the generator's rules are those of pkg/namesgenerator and daemon/names.go.
#include "docker/ContainerNames.h"

#include <QTest>
#include <set>

using lab::docker::ContainerNameGenerator;
using lab::docker::isValidContainerName;
using lab::docker::validateContainerName;

class TestContainerNames : public QObject {
    Q_OBJECT

private slots:
    void validity_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("one character is too short") << "a" << false;
        QTest::newRow("two characters") << "ab" << true;
        QTest::newRow("leading slash is dropped") << "/ab" << true;
        QTest::newRow("slash plus space") << "/bad name" << false;
        QTest::newRow("leading underscore") << "_ab" << false;
        QTest::newRow("leading dot") << ".ab" << false;
        QTest::newRow("leading dash") << "-ab" << false;
        QTest::newRow("inner dash") << "a-b" << true;
        QTest::newRow("inner underscore") << "a_b" << true;
        QTest::newRow("inner dot") << "a.b" << true;
        QTest::newRow("space") << "a b" << false;
        QTest::newRow("trailing slash") << "ab/" << false;
        QTest::newRow("upper case and digits") << "Ab9" << true;
        QTest::newRow("two leading slashes") << "//ab" << false;
        QTest::newRow("non-ASCII letter") << "ä1" << false;
        QTest::newRow("slash inside (transcript BAD/NAME)") << "BAD/NAME" << false;
        QTest::newRow("empty") << "" << false;
    }
    void validity() {
        QFETCH(QString, name);
        QTEST(isValidContainerName(name.toStdString()), "valid");
    }

    void errorQuotesTheNameAsGiven_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("error");
        QTest::newRow("one character")
            << "a"
            << "Invalid container name (a), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed";
        QTest::newRow("slash kept in the message")
            << "/bad name"
            << "Invalid container name (/bad name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed";
    }
    void errorQuotesTheNameAsGiven() {
        QFETCH(QString, name);
        const auto status = validateContainerName(name.toStdString());
        QVERIFY(!status.has_value());
        QTEST(QString::fromStdString(status.error().message), "error");
    }

    void sameSeedSameNames() {
        std::mt19937_64 first(42), second(42), other(43);
        ContainerNameGenerator a(first), b(second), c(other);
        QStringList fromA, fromB, fromC;
        for (int i = 0; i < 20; ++i) {
            fromA << QString::fromStdString(a.randomName(0));
            fromB << QString::fromStdString(b.randomName(0));
            fromC << QString::fromStdString(c.randomName(0));
        }
        QCOMPARE(fromA, fromB);
        QVERIFY(fromA != fromC);
    }

    void namesHaveDockersShape() {
        std::mt19937_64 random(7);
        ContainerNameGenerator generator(random);
        std::set<std::string> seen;
        for (int i = 0; i < 200000; ++i) {
            const std::string name = generator.randomName(0);
            QVERIFY2(name != "boring_wozniak", "Steve Wozniak is not boring");
            seen.insert(name);
        }
        // Every other pairing of the lists shows up: the draw is not stuck on a few words.
        const std::size_t pairs =
            lab::docker::nameAdjectives().size() * lab::docker::nameSurnames().size();
        QCOMPARE(seen.size(), pairs - 1);
        for (const std::string& name : seen) {
            QVERIFY2(isValidContainerName(name), name.c_str());
            QCOMPARE(std::count(name.begin(), name.end(), '_'), 1);
        }
    }

    void retriesAppendOneDigit() {
        std::mt19937_64 random(1);
        ContainerNameGenerator generator(random);
        std::set<char> digits;
        for (int i = 0; i < 500; ++i) {
            const std::string name = generator.randomName(1 + i % 5);
            QVERIFY(name.back() >= '0' && name.back() <= '9');
            QVERIFY(!(name[name.size() - 2] >= '0' && name[name.size() - 2] <= '9'));
            digits.insert(name.back());
        }
        QCOMPARE(digits.size(), std::size_t(10));
    }

    void takenNamesAreRetriedThenTheShortIdIsUsed() {
        std::mt19937_64 random(3);
        ContainerNameGenerator generator(random);
        const std::string id = "280427eebfcdeee8e86ce9de900e096dc19a4f9d05cd8ec05cf247871903b7a2";
        std::vector<std::string> asked;
        const auto allTaken = [&](std::string_view name) {
            asked.emplace_back(name);
            return true;
        };
        QCOMPARE(generator.nameFor(id, allTaken), std::string("280427eebfcd"));
        QCOMPARE(asked.size(), std::size_t(6));
        QVERIFY(!std::isdigit(static_cast<unsigned char>(asked.front().back())));
        for (std::size_t i = 1; i < asked.size(); ++i)
            QVERIFY(std::isdigit(static_cast<unsigned char>(asked[i].back())));

        int calls = 0;
        const auto firstTaken = [&](std::string_view) { return ++calls == 1; };
        const std::string second = generator.nameFor(id, firstTaken);
        QCOMPARE(calls, 2);
        QVERIFY(std::isdigit(static_cast<unsigned char>(second.back())));
    }
};

QTEST_APPLESS_MAIN(TestContainerNames)
#include "tst_container_names.moc"
