// The pieces of a `docker ps` table: the COMMAND cell (apiCommand, ellipsis, goQuote) and the
// tab writer. Expected texts were recorded from docker CLI 28.2.2 against Engine 20.10.24 with
// the containers named in each row (see the row names).
#include "docker/DisplayWidth.h"
#include "docker/GoQuote.h"
#include "docker/TabWriter.h"

#include <QTest>

using namespace lab::docker;

namespace {
std::vector<std::string> fromList(const QStringList& list) {
    std::vector<std::string> out;
    for (const auto& s : list)
        out.push_back(s.toStdString());
    return out;
}
} // namespace

class TestPsColumns : public QObject {
    Q_OBJECT

private slots:
    void commandColumn_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("truncated");
        QTest::addColumn<QString>("full");
        QTest::newRow("sleep 1000 (transcript 02)")
            << "sleep" << QStringList{"1000"} << "\"sleep 1000\""
            << "\"sleep 1000\"";
        QTest::newRow("no arguments") << "true" << QStringList{} << "\"true\""
                                      << "\"true\"";
        QTest::newRow("exactly 20 columns is kept")
            << "echo" << QStringList{"123456789012345"} << "\"echo 123456789012345\""
            << "\"echo 123456789012345\"";
        QTest::newRow("21 columns is cut to 19 plus ellipsis")
            << "echo" << QStringList{"1234567890123456"} << "\"echo 12345678901234…\""
            << "\"echo 1234567890123456\"";
        QTest::newRow("argument with a space is single-quoted")
            << "sh" << QStringList{"-c", "echo a b; sleep 5"} << "\"sh -c 'echo a b; sl…\""
            << "\"sh -c 'echo a b; sleep 5'\"";
        QTest::newRow("wide characters count two columns")
            << "echo" << QStringList{"日本語日本語日本語日本語"} << "\"echo 日本語日本語日…\""
            << "\"echo 日本語日本語日本語日本語\"";
        QTest::newRow("escapes are quoted after the cut")
            << "echo"
            << QStringList{"tab\tx", "quote\"s", "back\\slash",
                           "\x01"
                           "ctl"}
            << "\"echo tab\\tx quote\\\"s …\""
            << "\"echo tab\\tx quote\\\"s back\\\\slash \\x01ctl\"";
    }
    void commandColumn() {
        QFETCH(QString, path);
        QFETCH(QStringList, args);
        const std::string command = apiCommand(path.toStdString(), fromList(args));
        QTEST(QString::fromStdString(lab::docker::commandColumn(command)), "truncated");
        QTEST(QString::fromStdString(lab::docker::commandColumn(command, true)), "full");
    }

    void goQuote_data() {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("quoted");
        QTest::newRow("plain") << QByteArray("abc") << QByteArray("\"abc\"");
        QTest::newRow("named escapes")
            << QByteArray("\a\b\f\n\r\t\v") << QByteArray("\"\\a\\b\\f\\n\\r\\t\\v\"");
        QTest::newRow("DEL and NUL") << QByteArray("\x7f\0", 2) << QByteArray("\"\\x7f\\x00\"");
        QTest::newRow("invalid UTF-8 byte") << QByteArray("a\xff") << QByteArray("\"a\\xff\"");
        QTest::newRow("printable Unicode kept") << QByteArray("é日") << QByteArray("\"é日\"");
        QTest::newRow("no-break space escaped") << QByteArray("a\xc2\xa0"
                                                              "b")
                                                << QByteArray("\"a\\u00a0b\"");
        QTest::newRow("line separator escaped")
            << QByteArray("\xe2\x80\xa8") << QByteArray("\"\\u2028\"");
    }
    void goQuote() {
        QFETCH(QByteArray, raw);
        QTEST(QByteArray::fromStdString(lab::docker::goQuote(raw.toStdString())), "quoted");
    }

    void ellipsisEdges() {
        QCOMPARE(ellipsis("abc", 0), std::string());
        QCOMPARE(ellipsis("abc", 1), std::string("a"));
        QCOMPARE(ellipsis("abc", 2), std::string("a…"));
        QCOMPARE(ellipsis("abc", 3), std::string("abc"));
        QCOMPARE(ellipsis("日本", 3), std::string("日…"));
    }

    void terminalWidth_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("width");
        QTest::newRow("ASCII") << "busybox" << 7;
        QTest::newRow("ellipsis is narrow") << "a…" << 2;
        QTest::newRow("CJK is wide") << "日本語" << 6;
        QTest::newRow("fullwidth letter") << "Ａ" << 2;
        QTest::newRow("combining accent takes none") << "e\u0301" << 1;
    }
    void terminalWidth() {
        QFETCH(QString, text);
        QTEST(int(lab::docker::terminalWidth(text.toStdString())), "width");
    }

    void alignsLikeDockerPs_data() {
        QTest::addColumn<QStringList>("rows");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("default table")
            << QStringList{"CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES",
                           "abe000f553b1\tbusybox:local\t\"true\"\tLess than a second "
                           "ago\tCreated\t\tnoargs",
                           "707022437a0e\tbusybox:local\t\"echo 日本語日本語日…\"\tLess than a "
                           "second ago\tCreated\t\twide",
                           "01b70592f050\tbusybox:local\t\"sleep 1000\"\tLess than a second "
                           "ago\tUp Less than a second\t\tc1"}
            << QStringList{"CONTAINER ID   IMAGE           COMMAND                  CREATED        "
                           "          STATUS                  PORTS     NAMES",
                           "abe000f553b1   busybox:local   \"true\"                   Less than a "
                           "second ago   Created                           noargs",
                           "707022437a0e   busybox:local   \"echo 日本語日本語日…\"   Less than a "
                           "second ago   Created                           wide",
                           "01b70592f050   busybox:local   \"sleep 1000\"             Less than a "
                           "second ago   Up Less than a second             c1"};
        QTest::newRow("short column gets the minimum width 10")
            << QStringList{"PORTS\tNAMES\tSTATE", "\tqq\tcreated", "\tlonger-name-here\tcreated",
                           "\tc1\texited"}
            << QStringList{
                   "PORTS     NAMES              STATE", "          qq                 created",
                   "          longer-name-here   created", "          c1                 exited"};
        QTest::newRow("empty last cell leaves no blanks")
            << QStringList{"NAMES\tPORTS", "qq\t", "longer-name-here\t"}
            << QStringList{"NAMES              PORTS", "qq                 ",
                           "longer-name-here   "};
        QTest::newRow("single column is untouched") << QStringList{"CONTAINER ID", "c349fb3b7cef"}
                                                    << QStringList{"CONTAINER ID", "c349fb3b7cef"};
    }
    void alignsLikeDockerPs() {
        QFETCH(QStringList, rows);
        QFETCH(QStringList, expected);
        // docker writes the header and every row with a trailing newline, then flushes.
        const std::string out = alignColumns((rows.join('\n') + '\n').toStdString());
        QCOMPARE(QString::fromStdString(out), expected.join('\n') + '\n');
    }

    void blocksEndWhereAColumnStops() {
        // Go's elastic tabstops: "b" and "cccc" are in different columns because the line
        // between them has no cell there.
        const std::string out =
            alignColumns("aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n", {1, 1, ' '});
        QCOMPARE(out, std::string("aaaa bbb d\naa   b   dd\na    \naa   cccc eee\n"));
    }
};

QTEST_APPLESS_MAIN(TestPsColumns)
#include "tst_ps_columns.moc"
