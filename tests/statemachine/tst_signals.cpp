// docker kill -s parsing. Rows were recorded with `docker kill -s SIG c1` on Engine 20.10.24
// (Invalid signal: router; "does not support": daemon, wrapped by the caller in
// "Cannot kill container: NAME: ").
#include "docker/Signals.h"

#include <QTest>

using namespace lab::docker;

class TestSignals : public QObject {
    Q_OBJECT

private slots:
    void parsesLikeTheDaemon_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("number"); // 0 = rejected by the parser
        QTest::addColumn<QString>("error");
        QTest::newRow("KILL") << "KILL" << qint64(9) << "";
        QTest::newRow("SIGKILL") << "SIGKILL" << qint64(9) << "";
        QTest::newRow("lower case") << "sigusr1" << qint64(10) << "";
        QTest::newRow("mixed case") << "SigUsr2" << qint64(12) << "";
        QTest::newRow("bare lower") << "usr1" << qint64(10) << "";
        QTest::newRow("number") << "9" << qint64(9) << "";
        QTest::newRow("leading zero") << "010" << qint64(10) << "";
        QTest::newRow("plus sign") << "+3" << qint64(3) << "";
        QTest::newRow("negative passes the parser") << "-5" << qint64(-5) << "";
        QTest::newRow("realtime offset") << "SIGRTMIN+3" << qint64(37) << "";
        QTest::newRow("realtime from the top") << "RTMAX-1" << qint64(63) << "";
        QTest::newRow("rtmin") << "rtmin" << qint64(34) << "";
        QTest::newRow("alias CLD") << "CLD" << qint64(17) << "";
        QTest::newRow("alias IOT") << "IOT" << qint64(6) << "";
        QTest::newRow("alias POLL") << "POLL" << qint64(29) << "";
        QTest::newRow("BOGUS (transcript 02)") << "BOGUS" << qint64(0) << "Invalid signal: BOGUS";
        QTest::newRow("zero") << "0" << qint64(0) << "Invalid signal: 0";
        QTest::newRow("SIG alone") << "SIG" << qint64(0) << "Invalid signal: SIG";
        QTest::newRow("leading blank kept in message")
            << " HUP" << qint64(0) << "Invalid signal:  HUP";
        QTest::newRow("trailing digit") << "HUP1" << qint64(0) << "Invalid signal: HUP1";
        QTest::newRow("number with letters") << "1x" << qint64(0) << "Invalid signal: 1x";
        QTest::newRow("UNUSED is not linux's") << "UNUSED" << qint64(0) << "Invalid signal: UNUSED";
        QTest::newRow("SIG prefix stripped once")
            << "SIGSIGHUP" << qint64(0) << "Invalid signal: SIGSIGHUP";
        QTest::newRow("RTMIN+16 is not in the table")
            << "RTMIN+16" << qint64(0) << "Invalid signal: RTMIN+16";
    }
    void parsesLikeTheDaemon() {
        QFETCH(QString, text);
        QFETCH(qint64, number);
        const auto parsed = parseSignal(text.toStdString());
        if (number == 0) {
            QVERIFY(!parsed.has_value());
            QTEST(QString::fromStdString(parsed.error().message), "error");
        } else {
            QVERIFY2(parsed.has_value(), parsed.has_value() ? "" : parsed.error().message.c_str());
            QCOMPARE(qint64(*parsed), number);
        }
    }

    void linuxTable_data() {
        QTest::addColumn<qint64>("number");
        QTest::addColumn<QString>("error");
        QTest::newRow("31 SYS") << qint64(31) << "";
        QTest::newRow("34 RTMIN") << qint64(34) << "";
        QTest::newRow("64 RTMAX") << qint64(64) << "";
        QTest::newRow("32 kept by glibc")
            << qint64(32) << "The linux daemon does not support signal 32";
        QTest::newRow("65") << qint64(65) << "The linux daemon does not support signal 65";
        QTest::newRow("99") << qint64(99) << "The linux daemon does not support signal 99";
        QTest::newRow("-5 printed as uint64")
            << qint64(-5) << "The linux daemon does not support signal 18446744073709551611";
    }
    void linuxTable() {
        QFETCH(qint64, number);
        QFETCH(QString, error);
        const auto status = checkLinuxSignal(number);
        QCOMPARE(status.has_value(), error.isEmpty());
        if (!status.has_value())
            QCOMPARE(QString::fromStdString(status.error().message), error);
    }

    void namesForNumbers() {
        QCOMPARE(signalName(9), std::string("KILL"));
        QCOMPARE(signalName(15), std::string("TERM"));
        QCOMPARE(signalName(17), std::string("CHLD"));
        QCOMPARE(signalName(6), std::string("ABRT"));
        QCOMPARE(signalName(37), std::string("RTMIN+3"));
        QCOMPARE(signalName(63), std::string("RTMAX-1"));
        QCOMPARE(signalName(32), std::string());
        // Every name we print parses back to its number.
        for (int n = 1; n <= 64; ++n) {
            const std::string name = signalName(n);
            if (name.empty())
                continue;
            const auto parsed = parseSignal(name);
            QVERIFY2(parsed.has_value() && *parsed == n, name.c_str());
        }
    }
};

QTEST_APPLESS_MAIN(TestSignals)
#include "tst_signals.moc"
