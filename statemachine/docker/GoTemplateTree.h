#pragma once
// The parse tree shared by the template parser and executor (internal to GoTemplate).

#include "docker/TemplateValue.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace lab::docker {

struct TemplatePipeline;

/// One operand of a command, with the field chain that follows it (".A.B", "$x.A", "(p).A").
struct TemplateArg {
    /// What the operand is.
    enum class Kind { Dot, Field, Variable, Identifier, Nil, Constant, Pipeline } kind = Kind::Dot;
    std::string name;                       ///< variable or function name
    std::vector<std::string> chain;         ///< field names after the operand
    TemplateValue constant;                 ///< Constant: the literal's value
    std::shared_ptr<TemplatePipeline> pipe; ///< Pipeline: the parenthesized pipeline
    std::string text;                       ///< source text, for error context
    std::size_t pos = 0;                    ///< byte offset Go reports for this node
};

/// A function or value with its arguments; in a pipeline the previous result is appended.
struct TemplateCommand {
    std::vector<TemplateArg> args; ///< first is the function or value
    std::size_t pos = 0;           ///< byte offset of the command
    std::string text() const;      ///< "printf \"%s\" .X", for error context
};

/// Commands joined by '|', optionally declaring variables ("$k, $v :=").
struct TemplatePipeline {
    std::vector<std::string> declarations; ///< declared variable names, with '$'
    std::vector<TemplateCommand> commands; ///< at least one
    std::size_t pos = 0;                   ///< byte offset
    std::string text() const;              ///< source-like text for error context
};

/// A node of the template body.
struct TemplateNode {
    /// What the node does.
    enum class Kind { Text, Action, If, Range, With } kind = Kind::Text;
    std::string text;                       ///< Text: the literal text
    std::shared_ptr<TemplatePipeline> pipe; ///< Action/If/Range/With: the pipeline
    std::vector<TemplateNode> body;         ///< If/Range/With: the main branch
    std::vector<TemplateNode> elseBody;     ///< If/Range/With: the {{else}} branch
};

/// A whole parsed template: its body and its source (for line and column numbers).
struct TemplateTree {
    std::vector<TemplateNode> body; ///< top-level nodes
    std::string source;             ///< the template text
    int nesting = 0;                ///< how deep parentheses and blocks nest
    /// Nesting up to this runs on the caller's stack; deeper runs on a deep stack.
    static constexpr int kShallow = 64;
};

/// Function names known at parse time (Go checks them then).
bool isTemplateFunction(const std::string& name);

} // namespace lab::docker
