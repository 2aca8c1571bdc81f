#include "docker/ContainerNames.h"

#include <algorithm>
#include <vector>

namespace lab::docker {
namespace {

bool isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool isNameChar(char c) {
    return isNameStart(c) || c == '_' || c == '.' || c == '-';
}

} // namespace

bool isValidContainerName(std::string_view name) {
    if (name.starts_with('/'))
        name.remove_prefix(1);
    return name.size() >= 2 && isNameStart(name.front()) &&
           std::all_of(name.begin() + 1, name.end(), isNameChar);
}

Status validateContainerName(std::string_view name) {
    if (isValidContainerName(name))
        return Ok{};
    return Error{"Invalid container name (" + std::string(name) +
                 "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"};
}

const std::vector<std::string_view>& nameAdjectives() {
    static const std::vector<std::string_view> words{
        "able",    "agile",   "amused",   "ardent",  "astute",   "blissful", "bold",     "boring",
        "bright",  "brisk",   "calm",     "candid",  "cheerful", "clever",   "cosmic",   "curious",
        "daring",  "deft",    "diligent", "dreamy",  "eager",    "earnest",  "eloquent", "fearless",
        "fond",    "frank",   "gallant",  "gentle",  "gleeful",  "graceful", "hardy",    "honest",
        "humble",  "jolly",   "keen",     "kind",    "lively",   "loyal",    "lucid",    "merry",
        "mindful", "nimble",  "noble",    "patient", "placid",   "plucky",   "polite",   "proud",
        "quick",   "radiant", "sincere",  "steady",  "sunny",    "swift",    "tender",   "tidy",
        "upbeat",  "vivid",   "witty",    "zany",    "zealous",
    };
    return words;
}

const std::vector<std::string_view>& nameSurnames() {
    static const std::vector<std::string_view> words{
        "adleman",  "agnesi",   "allen",      "ampere",    "anning",     "babbage",  "backus",
        "bardeen",  "bartik",   "bohr",       "boole",     "borg",       "cantor",   "carson",
        "cerf",     "chadwick", "cray",       "curie",     "darwin",     "diffie",   "dijkstra",
        "dirac",    "edison",   "einstein",   "engelbart", "erdos",      "euclid",   "euler",
        "faraday",  "fermat",   "fermi",      "feynman",   "franklin",   "galileo",  "gauss",
        "germain",  "godel",    "goldwasser", "goodall",   "hamilton",   "hamming",  "hellman",
        "hennessy", "herschel", "hertz",      "hilbert",   "hoare",      "hodgkin",  "hollerith",
        "hopper",   "hubble",   "hypatia",    "jennings",  "joule",      "kahn",     "kay",
        "kelvin",   "kepler",   "kernighan",  "kilby",     "knuth",      "lamarr",   "lamport",
        "leavitt",  "leibniz",  "liskov",     "lovelace",  "maxwell",    "mccarthy", "mcclintock",
        "meitner",  "mendel",   "micali",     "minsky",    "mirzakhani", "morse",    "nash",
        "noether",  "noyce",    "ohm",        "pascal",    "pasteur",    "pauling",  "perlman",
        "pike",     "planck",   "ramanujan",  "riemann",   "ritchie",    "rivest",   "shamir",
        "shannon",  "stallman", "sutherland", "tesla",     "thompson",   "torvalds", "turing",
        "wozniak",  "zuse",
    };
    return words;
}

// Unbiased draw in [0, bound) by rejection; std::uniform_int_distribution is not specified
// precisely enough to replay the same names on every standard library.
std::size_t ContainerNameGenerator::below(std::size_t bound) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    std::uint64_t draw = m_random();
    while (draw >= limit)
        draw = m_random();
    return static_cast<std::size_t>(draw % bound);
}

std::string ContainerNameGenerator::randomName(int retry) {
    const auto& adjectives = nameAdjectives();
    const auto& surnames = nameSurnames();
    std::string name;
    do {
        name = std::string(adjectives[below(adjectives.size())]) + "_" +
               std::string(surnames[below(surnames.size())]);
    } while (name == "boring_wozniak"); // Steve Wozniak is not boring.
    if (retry > 0)
        name += static_cast<char>('0' + below(10));
    return name;
}

std::string ContainerNameGenerator::nameFor(std::string_view containerId,
                                            const std::function<bool(std::string_view)>& isTaken) {
    for (int attempt = 0; attempt < 6; ++attempt) {
        std::string name = randomName(attempt);
        if (!isTaken(name))
            return name;
    }
    return std::string(containerId.substr(0, 12));
}

} // namespace lab::docker
