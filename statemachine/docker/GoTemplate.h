#pragma once
// The part of Go's text/template that docker users type in --format and inspect -f, with
// docker's template functions (json, join, split, lower, upper, title, pad, truncate) and
// Go's builtins (printf, print, println, len, index, eq, ne, lt, le, gt, ge, not, and, or).
// Actions: {{pipeline}}, {{if}}/{{else if}}/{{else}}/{{end}}, {{range}} (with $i, $v :=),
// {{with}}, variables, parentheses, {{/* comments */}} and {{- trim markers -}}.
// Errors carry Go's text: "template: :1: unclosed action",
// "template: :1:2: executing \"\" at <.Nope>: can't evaluate field Nope in type T".
// The "table" prefix and docker's "\t" replacement are the caller's business.

#include "base/Expected.h"
#include "docker/TemplateValue.h"

#include <memory>
#include <string>
#include <string_view>

namespace lab::docker {

struct TemplateTree;

/// How a template reacts to a missing map key.
enum class MissingKey {
    Default, ///< prints "<no value>" (docker ps, and inspect on typed data)
    Error,   ///< fails with `map has no entry for key "K"` (inspect's raw-JSON fallback)
};

/// Execution settings.
struct TemplateOptions {
    MissingKey missingKey = MissingKey::Default; ///< missing map keys
    /// docker's HeaderFunctions: json, join, split, lower, upper, title and truncate return
    /// their first argument unchanged (pad still pads), for rendering a table's header row.
    bool headerFunctions = false;
};

/// A parsed template, ready to run on any number of values.
class GoTemplate {
public:
    /// Parses Go template text; parse errors read "template: :LINE: message".
    static Expected<GoTemplate> parse(std::string_view text);

    /// Runs the template on `data` (the dot); execution errors read
    /// "template: :LINE:COL: executing \"\" at <NODE>: message".
    Expected<std::string> execute(const TemplateValue& data,
                                  const TemplateOptions& options = {}) const;

    /// Moves and destroys as usual.
    GoTemplate(GoTemplate&&) noexcept;
    GoTemplate& operator=(GoTemplate&&) noexcept;
    ~GoTemplate();

private:
    explicit GoTemplate(std::unique_ptr<TemplateTree> tree);
    std::unique_ptr<TemplateTree> m_tree;
};

} // namespace lab::docker
