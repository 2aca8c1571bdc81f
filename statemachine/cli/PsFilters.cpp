#include "cli/PsFilters.h"

#include "docker/ImageReference.h"
#include "engine/Engine.h"

#include <algorithm>
#include <regex>

namespace lab::cli {
namespace {

const std::vector<std::string> kKnownKeys = {
    "ancestor", "before", "exited", "id",      "isolation", "label",   "name",  "status",
    "health",   "since",  "volume", "network", "is-task",   "publish", "expose"};

bool anyOf(const std::vector<std::string>& values,
           const std::function<bool(const std::string&)>& test) {
    return std::any_of(values.begin(), values.end(), test);
}

// name= is a regular expression searched in the name, with and without its slash. Go's RE2
// syntax for simple patterns reads the same in ECMAScript; a pattern that does not compile
// matches nothing, as the daemon skips it.
bool nameMatches(const std::string& pattern, const std::string& name) {
    try {
        const std::regex expression(pattern);
        return std::regex_search(name, expression) || std::regex_search("/" + name, expression);
    } catch (const std::regex_error&) {
        return false;
    }
}

} // namespace

bool labelFilterMatches(const std::string& filter,
                        const std::map<std::string, std::string>& labels) {
    const auto equals = filter.find('=');
    const auto found = labels.find(filter.substr(0, equals));
    return found != labels.end() &&
           (equals == std::string::npos || found->second == filter.substr(equals + 1));
}

Expected<PsFilter> PsFilter::make(const FilterArgs& args, Engine& engine) {
    PsFilter filter;
    filter.m_args = args;
    for (const auto& [key, values] : args) {
        if (std::find(kKnownKeys.begin(), kKnownKeys.end(), key) == kKnownKeys.end())
            return Error{"Invalid filter '" + key + "'"};
        for (const std::string& value : values) {
            if (key == "status") {
                const auto& states = kContainerStates;
                if (std::none_of(states.begin(), states.end(),
                                 [&](ContainerState state) { return dockerName(state) == value; }))
                    return Error{"Invalid filter 'status=" + value + "'"};
            } else if (key == "exited") {
                if (value.empty() || value.find_first_not_of("-0123456789") != std::string::npos)
                    return Error{"strconv.Atoi: parsing \"" + value + "\": invalid syntax"};
            } else if (key == "health") {
                if (value != "starting" && value != "healthy" && value != "unhealthy" &&
                    value != "none")
                    return Error{"Unrecognised filter value for health: " + value};
            } else if (key == "is-task") {
                if (value != "true" && value != "false")
                    return Error{"Invalid filter 'is-task=[" + value + "]'"};
            } else if (key == "ancestor") {
                auto reference =
                    docker::parseImageReference(value, docker::ReferenceGrammar::Engine);
                const Image* image = reference ? engine.images().find(*reference) : nullptr;
                if (!image)
                    image = engine.images().findById(value);
                if (image)
                    filter.m_ancestorImageIds.push_back(image->id);
            } else if (key == "before" || key == "since") {
                auto found = engine.find(value);
                if (!found)
                    return found.error();
                (key == "before" ? filter.m_before : filter.m_since) = (*found)->sequence;
            } else if (key == "id") {
                // The daemon resolves id= through its prefix index: unique prefixes only.
                if (auto found = engine.find(value); found && (*found)->id.starts_with(value))
                    filter.m_idMatches.push_back((*found)->id);
            }
        }
    }
    return filter;
}

bool PsFilter::accepts(const Container& container) const {
    for (const auto& [key, values] : m_args) {
        bool passes = true;
        if (key == "status")
            passes = anyOf(
                values, [&](const std::string& v) { return dockerName(container.state()) == v; });
        else if (key == "name")
            passes =
                anyOf(values, [&](const std::string& v) { return nameMatches(v, container.name); });
        else if (key == "id")
            passes = std::find(m_idMatches.begin(), m_idMatches.end(), container.id) !=
                     m_idMatches.end();
        else if (key == "exited")
            passes = !container.machine.isRunning() && container.record.hasBeenStarted &&
                     anyOf(values, [&](const std::string& v) {
                         return std::stoi(v) == container.record.exitCode;
                     });
        else if (key == "ancestor")
            passes = std::find(m_ancestorImageIds.begin(), m_ancestorImageIds.end(),
                               container.config.imageId) != m_ancestorImageIds.end();
        else if (key == "label") // every label filter must match
            passes = std::all_of(values.begin(), values.end(), [&](const std::string& v) {
                return labelFilterMatches(v, container.config.labels);
            });
        else if (key == "health") // no container of the lab has a healthcheck
            passes = anyOf(values, [](const std::string& v) { return v == "none"; });
        else if (key == "before")
            passes = container.sequence < m_before;
        else if (key == "since")
            passes = container.sequence > m_since;
        else if (key == "is-task")
            passes = anyOf(values, [](const std::string& v) { return v == "false"; });
        if (!passes)
            return false;
    }
    return true;
}

std::vector<const Container*> listContainers(const Engine& engine, const PsFilter& filter, bool all,
                                             long long limit) {
    all = all || filter.impliesAll() || limit > 0;
    std::vector<const Container*> listed;
    for (const Container* container : engine.containers()) {
        if (limit >= 0 && listed.size() >= std::size_t(limit))
            break;
        if ((all || container->machine.isRunning()) && filter.accepts(*container))
            listed.push_back(container);
    }
    return listed;
}

} // namespace lab::cli
