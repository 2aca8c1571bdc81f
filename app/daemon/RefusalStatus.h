#pragma once
// Docker's HTTP status for a refusal of the lifecycle machine (409 for a conflict with the
// container's state, 500 where the runtime failed, 400 where it cannot exec the command), for the
// daemon's answers and for the window's drawing of the requests a console command stands for.
// Kept free of Boost and JSON headers: the window includes it.

#include "machines/Lifecycle.h"

namespace lab::daemon {

/// The status the daemon answers a call the machine refused with.
int statusFor(Refusal refusal);

} // namespace lab::daemon
