// The executor of GoTemplate: walks the parse tree over a TemplateValue, as text/template's
// exec.go does, with its error texts and positions.
#include "base/DeepStack.h"
#include "base/Limits.h"
#include "docker/GoTemplate.h"
#include "docker/GoTemplateFunctions.h"
#include "docker/GoTemplateTree.h"

#include <algorithm>
#include <optional>

namespace lab::docker {
namespace {

using Kind = TemplateValue::Kind;
// Go's invalid reflect.Value ("<no value>") is an empty optional.
using Result = std::optional<TemplateValue>;

struct ExecError {
    std::string message;
    std::size_t pos;
    std::string node;
};

TemplateValue orNil(const Result& r) {
    return r.value_or(TemplateValue());
}

class Executor {
public:
    // $ is the root: looked up last, so a template run per row never copies its row.
    Executor(const TemplateTree& tree, const TemplateOptions& options, const TemplateValue& root)
        : m_tree(tree), m_options(options), m_root(root) {}

    std::string run(const TemplateValue& root) {
        walk(m_tree.body, root);
        return std::move(m_out);
    }

private:
    [[noreturn]] void fail(std::string message, std::size_t pos, std::string node) {
        throw ExecError{std::move(message), pos, std::move(node)};
    }

    // The budgets of one run: Go would go on for as long as the machine lasts.
    void spend(const TemplatePipeline& at) {
        if (++m_steps > limits::kTemplateSteps)
            fail(limits::beyond("template stopped after too many steps", limits::kTemplateSteps),
                 at.pos, at.text());
        if (m_out.size() > limits::kOutputBytes)
            fail(limits::beyond("template output too large", limits::kOutputBytes), at.pos,
                 at.text());
    }

    void walk(const std::vector<TemplateNode>& nodes, const TemplateValue& dot) {
        for (const TemplateNode& node : nodes) {
            if (node.pipe)
                spend(*node.pipe);
            const std::size_t scope = m_vars.size();
            switch (node.kind) {
            case TemplateNode::Kind::Text:
                m_out += node.text;
                break;
            case TemplateNode::Kind::Action: {
                const Result value = pipeline(*node.pipe, dot);
                if (node.pipe->declarations.empty()) {
                    if (value && value->kind() == Kind::String)
                        m_out += value->asString(); // the common case, without a copy
                    else
                        m_out += value ? value->print() : "<no value>";
                }
                continue; // declared variables live on to the end of the enclosing block
            }
            case TemplateNode::Kind::If:
            case TemplateNode::Kind::With: {
                const Result value = pipeline(*node.pipe, dot);
                const bool truth = value && value->truthy();
                const bool with = node.kind == TemplateNode::Kind::With;
                walk(truth ? node.body : node.elseBody, truth && with ? *value : dot);
                break;
            }
            case TemplateNode::Kind::Range:
                range(node, dot);
                break;
            }
            m_vars.resize(scope);
        }
    }

    void range(const TemplateNode& node, const TemplateValue& dot) {
        const Result value = pipeline(*node.pipe, dot, /*declare=*/false);
        const auto& names = node.pipe->declarations;
        const auto each = [&](const TemplateValue& key, const TemplateValue& element) {
            const std::size_t scope = m_vars.size();
            if (names.size() == 1)
                m_vars.emplace_back(names[0], element);
            if (names.size() == 2) {
                m_vars.emplace_back(names[0], key);
                m_vars.emplace_back(names[1], element);
            }
            spend(*node.pipe);
            walk(node.body, element);
            m_vars.resize(scope);
        };
        const Kind kind = value ? value->kind() : Kind::Null;
        if (kind == Kind::List && !value->items().empty()) {
            for (std::size_t i = 0; i < value->items().size(); ++i)
                each(TemplateValue(std::int64_t(i)), value->items()[i]);
        } else if (kind == Kind::Map && !value->entries().empty()) {
            for (const auto& [key, element] : value->entries())
                each(TemplateValue(key), element);
        } else if (kind == Kind::Int && value->asInt() > 0) { // Go 1.22: range over an int
            if (names.size() > 1)
                fail("can't use " + value->print() + " to iterate over more than one variable",
                     node.pipe->pos, node.pipe->text());
            for (std::int64_t i = 0; i < value->asInt(); ++i)
                each(TemplateValue(i), TemplateValue(i));
        } else if (kind == Kind::List || kind == Kind::Map || kind == Kind::Null ||
                   kind == Kind::Int) {
            walk(node.elseBody, dot);
        } else {
            fail("range can't iterate over " + value->print(), node.pipe->pos, node.pipe->text());
        }
    }

    Result pipeline(const TemplatePipeline& pipe, const TemplateValue& dot, bool declare = true) {
        Result value;
        bool first = true;
        for (const TemplateCommand& cmd : pipe.commands) {
            value = command(cmd, dot, first ? std::nullopt : std::optional<Result>(value));
            first = false;
        }
        if (declare)
            for (const std::string& name : pipe.declarations)
                m_vars.emplace_back(name, orNil(value));
        return value;
    }

    // `final` is the previous pipeline stage's result, passed as the last argument.
    Result command(const TemplateCommand& cmd, const TemplateValue& dot,
                   const std::optional<Result>& final) {
        const TemplateArg& head = cmd.args.front();
        std::vector<TemplateValue> args;
        for (std::size_t i = 1; i < cmd.args.size(); ++i)
            args.push_back(orNil(operand(cmd.args[i], dot)));
        if (final)
            args.push_back(orNil(*final));
        switch (head.kind) {
        case TemplateArg::Kind::Identifier: {
            auto called = callTemplateFunction(head.name, args, m_options.headerFunctions);
            if (!called) {
                const TemplateCallError& e = called.error();
                fail(e.wrapped ? "error calling " + head.name + ": " + e.message : e.message,
                     cmd.pos, cmd.text());
            }
            return *called;
        }
        case TemplateArg::Kind::Field:
        case TemplateArg::Kind::Variable:
        case TemplateArg::Kind::Pipeline:
            if (!head.chain.empty())
                return chain(head, dot, args, cmd.args.size() > 1 || final.has_value());
            [[fallthrough]];
        default:
            if (head.kind == TemplateArg::Kind::Nil)
                fail("nil is not a command", cmd.pos, cmd.text());
            if (!args.empty())
                fail("can't give argument to non-function " + head.text, head.pos, head.text);
            return operand(head, dot);
        }
    }

    Result operand(const TemplateArg& arg, const TemplateValue& dot) {
        if (!arg.chain.empty() && arg.kind != TemplateArg::Kind::Identifier)
            return chain(arg, dot, {}, false);
        switch (arg.kind) {
        case TemplateArg::Kind::Dot:
            return dot;
        case TemplateArg::Kind::Nil:
            return TemplateValue();
        case TemplateArg::Kind::Constant:
            return arg.constant;
        case TemplateArg::Kind::Variable:
            return variable(arg);
        case TemplateArg::Kind::Pipeline:
            return pipeline(*arg.pipe, dot, false);
        case TemplateArg::Kind::Identifier:
            return command({{arg}, arg.pos}, dot, std::nullopt);
        case TemplateArg::Kind::Field:
            break; // always has a chain
        }
        return std::nullopt;
    }

    TemplateValue variable(const TemplateArg& arg) {
        const auto found = std::find_if(m_vars.rbegin(), m_vars.rend(),
                                        [&](const auto& v) { return v.first == arg.name; });
        // The parser rejected undefined variables, so what is not declared is $.
        return found != m_vars.rend() ? found->second : m_root;
    }

    // Walks ".A.B.C" from the operand's value; only the last field may take arguments. The walk
    // starts from dot in place (no copy): ps runs a template once per row of thousands.
    Result chain(const TemplateArg& arg, const TemplateValue& dot,
                 const std::vector<TemplateValue>& args, bool hasArgs) {
        Result value;
        if (arg.kind == TemplateArg::Kind::Variable)
            value = variable(arg);
        else if (arg.kind != TemplateArg::Kind::Field)
            value = pipeline(*arg.pipe, dot, false);
        const TemplateValue* receiver =
            arg.kind == TemplateArg::Kind::Field ? &dot : (value ? &*value : nullptr);
        for (std::size_t i = 0; i < arg.chain.size(); ++i) {
            const bool last = i + 1 == arg.chain.size();
            // field() reads receiver before the assignment replaces what it points into.
            value = field(receiver, arg.chain[i], arg, last ? args : std::vector<TemplateValue>{},
                          last && hasArgs);
            receiver = value ? &*value : nullptr;
        }
        return value;
    }

    Result field(const TemplateValue* receiver, const std::string& name, const TemplateArg& at,
                 const std::vector<TemplateValue>& args, bool hasArgs) {
        const bool strict = m_options.missingKey == MissingKey::Error;
        if (!receiver || receiver->kind() == Kind::Null) {
            if (strict)
                fail("nil data; no entry for key \"" + name + "\"", at.pos, at.text);
            return std::nullopt;
        }
        if (receiver->kind() == Kind::Struct) {
            for (const auto& [fieldName, value] : receiver->fields()) {
                if (fieldName != name)
                    continue;
                // docker's contexts expose columns as Go methods, so a plain field given
                // arguments fails the way a zero-argument method does.
                if (args.size() != value.arity() || (hasArgs && value.kind() != Kind::Method))
                    fail("wrong number of args for " + name + ": want " +
                             std::to_string(value.arity()) + " got " + std::to_string(args.size()),
                         at.pos, at.text);
                if (value.kind() == Kind::Method) {
                    const auto r = value.call(args);
                    if (!r.has_value())
                        fail("error calling " + name + ": " + r.error().message, at.pos, at.text);
                    return *r;
                }
                return value;
            }
        } else if (receiver->kind() == Kind::Map) {
            if (hasArgs)
                fail(name + " is not a method but has arguments", at.pos, at.text);
            const auto found = receiver->entries().find(name);
            if (found != receiver->entries().end())
                return found->second;
            if (strict)
                fail("map has no entry for key \"" + name + "\"", at.pos, at.text);
            return std::nullopt;
        }
        fail("can't evaluate field " + name + " in type " + receiver->typeName(), at.pos, at.text);
    }

    const TemplateTree& m_tree;
    const TemplateOptions& m_options;
    const TemplateValue& m_root;
    std::vector<std::pair<std::string, TemplateValue>> m_vars;
    std::string m_out;
    std::int64_t m_steps = 0;
};

} // namespace

GoTemplate::GoTemplate(std::unique_ptr<TemplateTree> tree) : m_tree(std::move(tree)) {}
GoTemplate::GoTemplate(GoTemplate&&) noexcept = default;
GoTemplate& GoTemplate::operator=(GoTemplate&& other) noexcept {
    GoTemplate replaced(std::move(*this)); // its destructor frees a deep tree on a deep stack
    m_tree = std::move(other.m_tree);
    return *this;
}
GoTemplate::~GoTemplate() {
    if (m_tree && m_tree->nesting > TemplateTree::kShallow) // freeing recurses as deep
        runOnDeepStack([this] { m_tree.reset(); });
}

Expected<std::string> GoTemplate::execute(const TemplateValue& data,
                                          const TemplateOptions& options) const {
    try {
        if (m_tree->nesting > TemplateTree::kShallow)
            return onDeepStack([&] { return Executor(*m_tree, options, data).run(data); });
        return Executor(*m_tree, options, data).run(data);
    } catch (const ExecError& e) {
        // Go's ErrorContext: 1-based line, 0-based byte column within that line.
        const std::string_view text = m_tree->source;
        const std::size_t pos = std::min(e.pos, text.size());
        const std::size_t lineStart = text.rfind('\n', pos == 0 ? 0 : pos - 1);
        const std::size_t line = 1 + std::count(text.begin(), text.begin() + pos, '\n');
        const std::size_t column =
            lineStart == std::string_view::npos || pos == 0 ? pos : pos - lineStart - 1;
        return Error{"template: :" + std::to_string(line) + ":" + std::to_string(column) +
                         ": executing \"\" at <" + e.node + ">: " + e.message,
                     ErrorCode::TemplateExec};
    }
}

} // namespace lab::docker
