#pragma once
// Tab completion for the console dock, as a shell does it: the word under the cursor completes
// to a docker command first, then to container names, or to image names after run, create and
// pull.

#include <QString>
#include <QStringList>

namespace lab {

class Engine;
class Session;

/// The words a console line may complete to.
struct CompletionWords {
    QStringList commands;   ///< "run", "stop", ...
    QStringList containers; ///< container names
    QStringList images;     ///< "busybox", "busybox:latest", ...
};

/// The words offered now: the session's commands, the engine's containers and images.
CompletionWords completionWords(const Session& session, Engine& engine);

/// The candidates for the last word of line (a leading "docker" is skipped), sorted.
QStringList completionsFor(const QString& line, const CompletionWords& words);

/// line with its last word completed: the one candidate and a space, or the candidates' longest
/// common prefix; line itself when nothing fits.
QString completeLine(const QString& line, const QStringList& candidates);

} // namespace lab
