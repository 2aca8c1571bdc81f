// normalize-transcript FILE...: prints each transcript as the golden tests compare it
// (TranscriptNormalizer.h), so that record-all.sh can diff two recording rounds the same way.
#include "TranscriptNormalizer.h"

#include <QFile>
#include <iostream>

int main(int argc, char* argv[]) {
    if (argc < 2) {
        std::cerr << "usage: normalize-transcript FILE...\n";
        return 2;
    }
    for (int i = 1; i < argc; ++i) {
        QFile file(QString::fromLocal8Bit(argv[i]));
        if (!file.open(QIODevice::ReadOnly)) {
            std::cerr << "normalize-transcript: " << argv[i] << ": "
                      << file.errorString().toStdString() << '\n';
            return 1;
        }
        for (const QString& line :
             lab::test::normalizedTranscript(QString::fromUtf8(file.readAll())))
            std::cout << line.toStdString() << '\n';
    }
    return 0;
}
