#include "engine/Container.h"

#include "base/Limits.h"

namespace lab {

std::vector<std::string> Container::argv() const {
    std::vector<std::string> all = config.entrypoint;
    all.insert(all.end(), config.cmd.begin(), config.cmd.end());
    return all;
}

void Container::appendLog(LogLine line) {
    logBytes += line.text.size() + 1;
    logs.push_back(std::move(line));
    if (logBytes <= limits::kLogBytesPerContainer)
        return;
    // Drop a quarter at once, so that a chatty container costs amortized constant time.
    auto keep = logs.begin();
    while (logBytes > limits::kLogBytesPerContainer / 4 * 3)
        logBytes -= (keep++)->text.size() + 1;
    logs.erase(logs.begin(), keep);
}

} // namespace lab
