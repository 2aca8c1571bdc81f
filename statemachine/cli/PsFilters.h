#pragma once
// docker ps -f: the daemon's filters (daemon/list.go), with its exact refusals.

#include "base/Expected.h"
#include "cli/Flags.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lab {
class Container;
class Engine;
} // namespace lab

namespace lab::cli {

/// A label filter as the daemon reads it: "key" needs the key, "key=value" also the value.
bool labelFilterMatches(const std::string& filter,
                        const std::map<std::string, std::string>& labels);

/// The daemon's container filter, checked and ready to apply.
class PsFilter {
public:
    /// Checks keys and values as Engine 20.10 does ("Invalid filter 'status=bogus'").
    static Expected<PsFilter> make(const FilterArgs& args, Engine& engine);
    /// True when the container passes every filter.
    bool accepts(const Container& container) const;
    /// status= lists stopped containers without -a.
    bool impliesAll() const { return m_args.contains("status"); }

private:
    FilterArgs m_args;
    std::vector<std::string> m_ancestorImageIds;
    std::vector<std::string> m_idMatches; ///< containers id= resolved to (unique prefixes)
    std::uint64_t m_before = 0;           ///< before=: only containers created earlier
    std::uint64_t m_since = 0;            ///< since=: only containers created later
};

/// The daemon's list (daemon/list.go): newest first, running ones only unless all, a status
/// filter or a limit asks for stopped ones too; at most limit when limit >= 0.
std::vector<const Container*> listContainers(const Engine& engine, const PsFilter& filter, bool all,
                                             long long limit);

} // namespace lab::cli
