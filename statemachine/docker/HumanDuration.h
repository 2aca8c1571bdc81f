#pragma once
// go-units' HumanDuration, the words docker puts in STATUS ("Up 3 minutes") and CREATED
// ("2 hours ago"). Its thresholds truncate, except hours, which round half up.

#include "base/Time.h"

#include <string>

namespace lab::docker {

/// "Less than a second", "1 second", "N seconds", "About a minute", "N minutes",
/// "About an hour", "N hours", "N days", "N weeks", "N months", "N years"; negative spans
/// read "Less than a second", as in Go.
std::string humanDuration(Duration d);

} // namespace lab::docker
