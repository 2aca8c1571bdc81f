#pragma once
// Command-line flags as docker's CLI reads them (spf13/pflag under cobra): --long, --long=value,
// -s value, -svalue, -s=value, bundled boolean shorthands (-aq), `--` ends the flags. run and
// create stop at the first argument that is not a flag, so the container's command keeps its own.

#include "base/Expected.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lab::cli {

/// What a flag holds.
enum class FlagKind {
    Bool,
    String,
    Int,
    StringList,
    FilterList, ///< -f/--filter: repeatable name=value, checked as docker's FilterOpt does
    Bytes,      ///< a memory size as docker's MemBytes reads it ("64m"); -1 only for
                ///< --memory-swap (MemSwapBytes: unlimited)
    NanoCpus,   ///< --cpus: a decimal number of CPUs, kept as billionths (NanoCPUs)
};

/// One flag a command accepts.
struct FlagSpec {
    std::string name;   ///< long name, without dashes
    char shorthand = 0; ///< 0 when none
    FlagKind kind = FlagKind::Bool;
};

/// The parsed command line.
class ParsedFlags {
public:
    /// True when the flag was given (for Bool flags: and set to true).
    bool isSet(const std::string& name) const;
    /// The last value given to a String or Int flag.
    std::optional<std::string> value(const std::string& name) const;
    /// An Int flag's value (already validated), or fallback.
    long long intValue(const std::string& name, long long fallback) const;
    /// A timeout in seconds (stop -t, --stop-timeout; negative waits forever), held within an
    /// int (68 years either way) so that engine time, in nanoseconds, cannot overflow.
    int secondsValue(const std::string& name, int fallback) const;
    /// A Bytes flag's value (already validated) in bytes, 0 when not given.
    std::int64_t bytesValue(const std::string& name) const;
    /// A NanoCpus flag's value (already validated) in billionths of a CPU, 0 when not given.
    std::int64_t nanoCpusValue(const std::string& name) const;
    /// Every value given to a StringList or FilterList flag, in order.
    std::vector<std::string> values(const std::string& name) const;
    /// The arguments that are not flags.
    std::vector<std::string> arguments;

    /// Records a value (parser use).
    void add(const std::string& name, std::string value) {
        m_values[name].push_back(std::move(value));
    }

private:
    std::map<std::string, std::vector<std::string>> m_values;
};

/// FilterList values by name, values in the order given.
using FilterArgs = std::map<std::string, std::vector<std::string>>;
/// The name=value pairs given to a FilterList flag.
FilterArgs filterArgs(const ParsedFlags& flags, const std::string& name);

/// Parses args by specs. interspersed: flags may follow arguments (false for run/create).
/// The error text is pflag's ("unknown flag: --bogus", "flag needs an argument: 's' in -s").
Expected<ParsedFlags> parseFlags(const std::vector<std::string>& args,
                                 const std::vector<FlagSpec>& specs, bool interspersed);

} // namespace lab::cli
