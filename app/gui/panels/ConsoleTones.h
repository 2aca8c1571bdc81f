#pragma once
// The console's colours by meaning, not by value: each piece of the history remembers its tone,
// so a theme switch recolours what is already written; and a pull's progress on stderr is shown
// as progress, not in the red of an error.

#include <QPalette>
#include <QString>

class QTextDocument;
class QTextCharFormat;

namespace lab {

/// What a piece of console history is.
enum class Tone {
    Command,  ///< the line typed, "docker> ..."
    Output,   ///< stdout
    Error,    ///< stderr: an error
    Progress, ///< stderr: a pull's progress ("Pulling from", "Pull complete", "Digest:")
    Note,     ///< the lab's own remarks and traces
};

/// The colour of a tone in a palette (readable on its Base colour, in either theme).
QColor toneColour(Tone tone, const QPalette& palette);
/// A character format in that colour, which remembers its tone.
QTextCharFormat toneFormat(Tone tone, const QPalette& palette);
/// Docker's stderr line: progress (Tone::Progress) or an error (Tone::Error).
Tone stderrTone(const QString& line);
/// Colours every piece of the document again, by its tone, in palette.
void recolour(QTextDocument& document, const QPalette& palette);

} // namespace lab
