#include "engine/Container.h"

namespace lab {

std::vector<std::string> Container::argv() const {
    std::vector<std::string> all = config.entrypoint;
    all.insert(all.end(), config.cmd.begin(), config.cmd.end());
    return all;
}

} // namespace lab
