#pragma once
// The daemon's event log as clients see it: which events a filter lets through, and one event
// as Docker's events.Message (the CLI's --format data; its JSON is what the Engine API sends).

#include "cli/Flags.h"
#include "docker/TemplateValue.h"
#include "engine/DockerEvent.h"

namespace lab::cli {

/// daemon/events/filter.go: keys combine with AND, repeated values of a key with OR, except
/// label, where every value must match.
bool eventMatches(const DockerEvent& event, const FilterArgs& filters);
/// events.Message for event; json() gives the Engine API's event object.
docker::TemplateValue eventMessage(const DockerEvent& event);

} // namespace lab::cli
