// Console lines split as a POSIX shell splits them. Each row's expectation is also checked
// against /bin/sh itself (shIsTheJudge), so the table cannot drift from real shell behaviour.
#include "docker/ShellWords.h"

#include <QProcess>
#include <QTest>

using lab::docker::splitShellWords;

namespace {
void addRows() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("plain words") << "docker ps -a" << QStringList{"docker", "ps", "-a"};
    QTest::newRow("runs of blanks and tabs")
        << "  docker \t stop   c1  " << QStringList{"docker", "stop", "c1"};
    QTest::newRow("transcript --format in single quotes")
        << "docker ps -a --format '{{.Names}} {{.State}} {{.Status}}'"
        << QStringList{"docker", "ps", "-a", "--format", "{{.Names}} {{.State}} {{.Status}}"};
    QTest::newRow("inspect -f with a pipe inside quotes")
        << "docker inspect -f '{{.State.Status}} | {{json .State}}' c2"
        << QStringList{"docker", "inspect", "-f", "{{.State.Status}} | {{json .State}}", "c2"};
    QTest::newRow("double quotes keep blanks")
        << "sh -c \"sleep 1000\"" << QStringList{"sh", "-c", "sleep 1000"};
    QTest::newRow("backslash escapes in double quotes")
        << "x \"a\\\"b\\\\c\\d\"" << QStringList{"x", "a\"b\\c\\d"};
    QTest::newRow("single quotes keep backslashes")
        << "'a\\b' 'c\"d'" << QStringList{"a\\b", "c\"d"};
    QTest::newRow("backslash blank outside quotes") << "a\\ b c" << QStringList{"a b", "c"};
    QTest::newRow("adjacent parts join") << "x\"y\"'z'w"
                                         << QStringList{"xyz"
                                                        "w"};
    QTest::newRow("empty quotes make empty words")
        << "a '' \"\" b" << QStringList{"a", "", "", "b"};
    QTest::newRow("lone final backslash stays") << "a\\" << QStringList{"a\\"};
    QTest::newRow("backslash-newline joins") << "ab\\\ncd \\\n e" << QStringList{"abcd", "e"};
    QTest::newRow("hash is not a comment here") << "echo a#b" << QStringList{"echo", "a#b"};
    QTest::newRow("empty line") << "" << QStringList{};
    QTest::newRow("blanks only") << "   " << QStringList{};
}
} // namespace

class TestShellWords : public QObject {
    Q_OBJECT

private slots:
    void splitsLikeAShell_data() { addRows(); }
    void splitsLikeAShell() {
        QFETCH(QString, line);
        const auto words = splitShellWords(line.toStdString());
        QVERIFY2(words.has_value(), words.has_value() ? "" : words.error().message.c_str());
        QStringList got;
        for (const auto& w : *words)
            got << QString::fromStdString(w);
        QTEST(got, "words");
    }

    void shIsTheJudge_data() { addRows(); }
    void shIsTheJudge() {
        QFETCH(QString, line);
        QFETCH(QStringList, words);
        QProcess sh;
        // The line ends the script, as it would end a typed command.
        sh.start("/bin/sh",
                 {"-c", "f() { for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }; f " + line});
        if (!sh.waitForFinished(10000))
            QSKIP("/bin/sh is not available here");
        QStringList got = QString::fromUtf8(sh.readAllStandardOutput()).split(QChar(0));
        got.removeLast(); // after the last terminator
        QCOMPARE(got, words);
    }

    void unterminatedQuotesAreErrors_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("error");
        QTest::newRow("single") << "docker ps --format '{{.Names}}"
                                << "unexpected EOF while looking for matching `''";
        QTest::newRow("double") << "sh -c \"sleep"
                                << "unexpected EOF while looking for matching `\"'";
        QTest::newRow("escaped closing double quote")
            << "x \"a\\\""
            << "unexpected EOF while looking for matching `\"'";
    }
    void unterminatedQuotesAreErrors() {
        QFETCH(QString, line);
        const auto words = splitShellWords(line.toStdString());
        QVERIFY(!words.has_value());
        QTEST(QString::fromStdString(words.error().message), "error");
    }
};

QTEST_APPLESS_MAIN(TestShellWords)
#include "tst_shell_words.moc"
