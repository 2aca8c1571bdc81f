#include "engine/Container.h"

namespace lab {

std::vector<std::string> Container::argv() const {
    std::vector<std::string> all = config.entrypoint;
    all.insert(all.end(), config.cmd.begin(), config.cmd.end());
    return all;
}

std::string Container::commandLine() const {
    std::string line;
    for (const std::string& word : argv()) {
        if (!line.empty())
            line += ' ';
        line += word;
    }
    return line;
}

} // namespace lab
