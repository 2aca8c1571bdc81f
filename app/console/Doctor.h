#pragma once
// `lifecycle-lab doctor`: which of the lab's features work on this machine, each checked by
// doing it (the simulated engine and the real backend each run a container), and for each one
// that does not, why and what would make it work.

#include <QString>
#include <QStringList>
#include <vector>

namespace lab {

/// One feature and what the check found.
struct DoctorFinding {
    QString feature;     ///< "real backend"
    bool works = false;  ///< the check succeeded
    QStringList details; ///< what was found, or why not and what to do
};

/// Runs every check. The real backend's runs in a fresh state directory under the system's
/// temporary directory, removed afterwards.
std::vector<DoctorFinding> examineMachine();

/// The findings as the terminal shows them: one "feature: yes|no" line each, details indented.
QString doctorReport(const std::vector<DoctorFinding>& findings);

/// `lifecycle-lab doctor`: prints the report; 0 when every check ran (whatever it found).
int runDoctor();

} // namespace lab
