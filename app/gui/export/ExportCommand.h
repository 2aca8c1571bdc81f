#pragma once
// `lifecycle-lab export SESSION --format gif|webm|mp4 --out FILE ...`: a session file as an
// animation, from a script, with no display (Qt's offscreen platform unless QT_QPA_PLATFORM
// names another). Exit status 0 when written; 2 for a bad command line, session file or step
// range; 1 when the file cannot be written.

#include <QStringList>

namespace lab {

/// Runs the export command; arguments are those after "export". Returns the exit status.
int runExportCommand(const QStringList& arguments);

} // namespace lab
