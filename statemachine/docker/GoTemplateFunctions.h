#pragma once
// The functions a docker template may call (internal to GoTemplate): Go's builtins that make
// sense on docker's data, and docker's own (templates/templates.go).

#include "base/Expected.h"
#include "docker/TemplateValue.h"

#include <string>
#include <vector>

namespace lab::docker {

/// Why a call failed: Go's error text. `wrapped` errors are reported as "error calling NAME:
/// text"; the others (arity, argument types) as they are.
struct TemplateCallError {
    std::string message;
    bool wrapped = true; ///< prefix "error calling NAME: "
};

/// Calls function `name` on evaluated arguments; `header` selects docker's HeaderFunctions.
Expected<TemplateValue, TemplateCallError>
callTemplateFunction(const std::string& name, const std::vector<TemplateValue>& args, bool header);

/// Go's fmt.Sprintf for the verbs %v %s %d %q %t %x %X %% with flags, width and precision;
/// mismatches print as Go does ("%!d(string=c1)", "%!s(MISSING)").
std::string goSprintf(const std::string& format, const std::vector<TemplateValue>& args);

} // namespace lab::docker
