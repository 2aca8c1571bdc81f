#include "gui/panels/ConsoleCompletion.h"

#include "engine/Engine.h"
#include "session/Session.h"

#include <QRegularExpression>

namespace lab {
namespace {

const QStringList kImageCommands = {QStringLiteral("run"), QStringLiteral("create"),
                                    QStringLiteral("pull")};

QString lastWord(const QString& line) {
    const qsizetype space = line.lastIndexOf(u' ');
    return line.mid(space + 1);
}

} // namespace

CompletionWords completionWords(const Session& session, Engine& engine) {
    CompletionWords words;
    for (const std::string& usage : session.commands()) {
        const QString command = QString::fromStdString(usage).section(u' ', 0, 0);
        if (!words.commands.contains(command))
            words.commands << command;
    }
    for (const Container* container : engine.containers())
        words.containers << QString::fromStdString(container->name);
    for (const Image* image : engine.images().images())
        for (const ImageReference& tag : image->tags)
            for (const std::string& name : {tag.familiarName(), tag.familiar()})
                if (!words.images.contains(QString::fromStdString(name)))
                    words.images << QString::fromStdString(name);
    return words;
}

QStringList completionsFor(const QString& line, const CompletionWords& words) {
    QStringList before = line.split(u' ', Qt::SkipEmptyParts);
    const QString word = lastWord(line);
    if (!word.isEmpty())
        before.removeLast();
    if (!before.isEmpty() && before.front() == QStringLiteral("docker"))
        before.removeFirst();
    if (word.startsWith(u'-'))
        return {}; // flags are the command's own business
    const QStringList& pool = before.isEmpty()                          ? words.commands
                              : kImageCommands.contains(before.front()) ? words.images
                                                                        : words.containers;
    QStringList found =
        pool.filter(QRegularExpression(QStringLiteral("^") + QRegularExpression::escape(word)));
    found.sort();
    found.removeDuplicates();
    return found;
}

QString completeLine(const QString& line, const QStringList& candidates) {
    if (candidates.isEmpty())
        return line;
    const QString stem = line.left(line.size() - lastWord(line).size());
    if (candidates.size() == 1)
        return stem + candidates.front() + u' ';
    QString common = candidates.front();
    for (const QString& candidate : candidates)
        while (!candidate.startsWith(common))
            common.chop(1);
    return stem + common;
}

} // namespace lab
