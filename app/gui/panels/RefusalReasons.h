#pragma once
// Why Docker refused a command, in plain words for a learner: one sentence per Refusal, next to
// Docker's exact message (refusalText), which stays as Docker writes it.

#include "machines/Lifecycle.h"

#include <QString>

namespace lab {

/// The plain-words reason for a refusal.
QString refusalReason(Refusal refusal);

} // namespace lab
