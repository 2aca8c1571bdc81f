#include "engine/Container.h"

#include "base/Limits.h"

#include <algorithm>
#include <cstdlib>

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

std::vector<std::string> Container::env() const {
    return mergeEnv(config.env,
                    {"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"});
}

std::vector<std::string> mergeEnv(const std::vector<std::string>& user,
                                  const std::vector<std::string>& image) {
    auto nameOf = [](const std::string& variable) {
        return variable.substr(0, variable.find('='));
    };
    std::vector<std::string> env = user;
    for (const std::string& variable : image)
        if (std::none_of(user.begin(), user.end(), [&](const std::string& given) {
                return nameOf(given) == nameOf(variable);
            }))
            env.push_back(variable);
    return env;
}

std::size_t Container::tailStart(std::string_view tail) const {
    const std::string text(tail);
    char* end = nullptr;
    const long long count = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || count < 0 || std::size_t(count) >= logs.size())
        return 0;
    return logs.size() - std::size_t(count);
}

} // namespace lab
