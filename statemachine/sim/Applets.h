#pragma once
// busybox applets that finish at once and depend only on their arguments: echo, printf, true,
// false, test/[. The shell runs them as builtins and the container runs them as programs;
// both call runApplet so the two cannot drift apart.

#include <optional>
#include <string>
#include <vector>

namespace lab {

/// What an instant applet wrote and how it ended.
struct AppletResult {
    std::string out;
    std::string err;
    int code = 0;
};

/// Runs argv when argv[0] names an instant applet; nothing otherwise.
/// `prefix` starts error messages: "sh: " for a builtin, "" for the program itself.
std::optional<AppletResult> runApplet(const std::vector<std::string>& argv,
                                      const std::string& prefix);

} // namespace lab
