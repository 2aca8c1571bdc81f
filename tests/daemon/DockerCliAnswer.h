#pragma once
// The real docker CLI (/usr/local/bin/docker) as the daemon tests run it: what it answered.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace lab::test {

inline constexpr const char* kDocker = "/usr/local/bin/docker";
inline constexpr int kPatience = 30'000; // ms

/// A command's stdout and stderr lines and exit status.
struct Answer {
    QStringList out;
    QStringList err;
    int status = 0;
};

/// A stream's text as lines (a last newline ends the last line).
inline QStringList lines(QByteArray text) {
    if (text.endsWith('\n'))
        text.chop(1);
    return text.isEmpty() ? QStringList() : QString::fromUtf8(text).split('\n');
}

} // namespace lab::test
