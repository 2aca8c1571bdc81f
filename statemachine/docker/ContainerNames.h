#pragma once
// Container names: the daemon's validity rule for names users choose, and its generator of
// "adjective_surname" names for containers created without --name (daemon/names.go,
// pkg/namesgenerator). The word lists are this project's own.

#include "base/Expected.h"

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace lab::docker {

/// True when Docker accepts the name: [a-zA-Z0-9][a-zA-Z0-9_.-]+ (so at least two characters),
/// after dropping one leading '/'.
bool isValidContainerName(std::string_view name);

/// The daemon's check, quoting the name as given: "Invalid container name (a), only
/// [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed".
Status validateContainerName(std::string_view name);

/// Draws Docker-style names from a random source the caller owns, so that one engine seed
/// replays the same names.
class ContainerNameGenerator {
public:
    /// Uses (and advances) the given random source; it must outlive the generator.
    explicit ContainerNameGenerator(std::mt19937_64& random) : m_random(random) {}

    /// One name: "adjective_surname", never "boring_wozniak"; with retry > 0 a random digit
    /// 0-9 is appended ("keen_noether7"), as GetRandomName(retry) does.
    std::string randomName(int retry);

    /// A free name for a new container: up to six draws (the first without a digit), then the
    /// 12-character ID prefix, as generateNewName does. Names are returned without '/'.
    std::string nameFor(std::string_view containerId,
                        const std::function<bool(std::string_view)>& isTaken);

private:
    std::size_t below(std::size_t bound);

    std::mt19937_64& m_random;
};

/// The adjective list the generator draws from.
const std::vector<std::string_view>& nameAdjectives();
/// The surname list the generator draws from (scientists, engineers and hackers).
const std::vector<std::string_view>& nameSurnames();

} // namespace lab::docker
