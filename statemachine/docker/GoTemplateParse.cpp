// The parser of GoTemplate: text/template's grammar for the actions listed in GoTemplate.h,
// with its error texts.
#include "base/DeepStack.h"
#include "base/Limits.h"
#include "docker/DisplayWidth.h"
#include "docker/GoQuote.h"
#include "docker/GoTemplate.h"
#include "docker/GoTemplateLexer.h"
#include "docker/GoTemplateTree.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

namespace lab::docker {
namespace {

using Type = TemplateToken::Type;

// A parse failure: Go's message and where it happened.
struct ParseError {
    std::string message;
    std::size_t pos;
};

// Go's item.String(), used in "unexpected X in Y".
std::string describe(const TemplateToken& t) {
    switch (t.type) {
    case Type::Eof:
        return "EOF";
    case Type::Keyword:
    case Type::Dot:
    case Type::Nil:
        return "<" + t.value + ">";
    default:
        break;
    }
    const auto runes = decodeUtf8(t.value);
    if (runes.size() <= 10)
        return goQuote(t.value);
    std::string head;
    for (std::size_t i = 0; i < 10; ++i)
        appendUtf8(head, runes[i]);
    return goQuote(head) + "...";
}

// Go's strconv.Unquote for "..." literals (the escapes template users write).
std::string unquote(std::string_view quoted) {
    std::string out;
    for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
        char c = quoted[i];
        if (c == '\\' && i + 2 < quoted.size()) {
            c = quoted[++i];
            switch (c) {
            case 'n':
                c = '\n';
                break;
            case 't':
                c = '\t';
                break;
            case 'r':
                c = '\r';
                break;
            case 'a':
                c = '\a';
                break;
            case 'b':
                c = '\b';
                break;
            case 'f':
                c = '\f';
                break;
            case 'v':
                c = '\v';
                break;
            default:
                break; // \\ \" \' stand for themselves
            }
        }
        out += c;
    }
    return out;
}

class Parser {
public:
    explicit Parser(std::vector<TemplateToken> tokens) : m_tokens(std::move(tokens)) {}

    std::vector<TemplateNode> parseBody() {
        std::vector<TemplateNode> body;
        const Type end = itemList(body, /*topLevel=*/true);
        (void)end;
        return body;
    }

private:
    const TemplateToken& peek() const { return m_tokens[m_at]; }
    const TemplateToken& next() { return m_tokens[std::min(m_at++, m_tokens.size() - 1)]; }
    const TemplateToken& peekNonSpace() {
        while (peek().type == Type::Space)
            ++m_at;
        return peek();
    }
    const TemplateToken& nextNonSpace() {
        peekNonSpace();
        return next();
    }
    [[noreturn]] void fail(std::string message, std::size_t pos) {
        throw ParseError{std::move(message), pos};
    }
    [[noreturn]] void unexpected(const TemplateToken& t, const std::string& context) {
        fail("unexpected " + describe(t) + " in " + context, t.pos);
    }

    // Parses nodes until {{end}} / {{else}} (returned) or EOF (only at top level).
    Type itemList(std::vector<TemplateNode>& out, bool topLevel) {
        for (;;) {
            const TemplateToken& t = next();
            if (t.type == Type::Eof) {
                if (!topLevel)
                    fail("unexpected EOF", t.pos);
                return Type::Eof;
            }
            if (t.type == Type::Text) {
                out.push_back({TemplateNode::Kind::Text, t.value, nullptr, {}, {}});
                continue;
            }
            // LeftDelim: an action.
            const TemplateToken& first = peekNonSpace();
            if (first.type == Type::Keyword) {
                const std::string word = first.value;
                next();
                if (word == "end" || word == "else") {
                    if (topLevel)
                        fail("unexpected {{" + word + "}}", first.pos);
                    m_lastKeyword = word;
                    return Type::Keyword;
                }
                if (word == "if" || word == "range" || word == "with") {
                    out.push_back(control(word));
                    continue;
                }
                fail("{{" + word + "}} is not supported here", first.pos);
            }
            TemplateNode action{
                TemplateNode::Kind::Action, {}, pipeline("command", Type::RightDelim), {}, {}};
            out.push_back(std::move(action));
        }
    }

    // Go bounds only parenthesized pipelines; nested blocks share the bound here, so that
    // parsing and executing fit the deep stack.
    void enter(std::size_t pos, const std::string& message) {
        if (m_depth == limits::kTemplateDepth)
            fail(message, pos);
        ++m_depth;
    }

    TemplateNode control(const std::string& word) {
        enter(peek().pos,
              limits::beyond("{{" + word + "}} nested too deeply", limits::kTemplateDepth));
        const std::size_t scope = m_vars.size();
        TemplateNode node;
        node.kind = word == "if"      ? TemplateNode::Kind::If
                    : word == "range" ? TemplateNode::Kind::Range
                                      : TemplateNode::Kind::With;
        node.pipe = pipeline(word, Type::RightDelim);
        itemList(node.body, false);
        if (m_lastKeyword == "else") {
            // "{{else if ...}}" is an if nested in the else branch, closed by the same {{end}}.
            if (peekNonSpace().type == Type::Keyword && peek().value == word && word != "range") {
                next();
                node.elseBody.push_back(control(word));
                m_vars.resize(scope);
                --m_depth;
                return node;
            }
            if (nextNonSpace().type != Type::RightDelim)
                fail("unexpected " + describe(m_tokens[m_at - 1]) + " in else",
                     m_tokens[m_at - 1].pos);
            itemList(node.elseBody, false);
            if (m_lastKeyword != "end")
                fail("expected end; found {{else}}", peek().pos);
        }
        if (nextNonSpace().type != Type::RightDelim)
            fail("unexpected " + describe(m_tokens[m_at - 1]) + " in end", m_tokens[m_at - 1].pos);
        m_vars.resize(scope);
        --m_depth;
        return node;
    }

    std::shared_ptr<TemplatePipeline> pipeline(const std::string& context, Type end) {
        auto pipe = std::make_shared<TemplatePipeline>();
        pipe->pos = peekNonSpace().pos;
        declarations(*pipe, context);
        for (;;) {
            const TemplateToken& t = nextNonSpace();
            if (t.type == end) {
                if (pipe->commands.empty())
                    fail("missing value for " + context, t.pos);
                for (std::size_t i = 1; i < pipe->commands.size(); ++i) {
                    const auto kind = pipe->commands[i].args.front().kind;
                    if (kind == TemplateArg::Kind::Constant || kind == TemplateArg::Kind::Dot ||
                        kind == TemplateArg::Kind::Nil)
                        fail("non executable command in pipeline stage " + std::to_string(i + 1),
                             pipe->commands[i].pos);
                }
                return pipe;
            }
            switch (t.type) {
            case Type::Bool:
            case Type::CharConstant:
            case Type::Dot:
            case Type::Field:
            case Type::Identifier:
            case Type::Number:
            case Type::Nil:
            case Type::RawString:
            case Type::String:
            case Type::Variable:
            case Type::LeftParen:
                --m_at;
                pipe->commands.push_back(command());
                break;
            default:
                unexpected(t, context);
            }
        }
    }

    void declarations(TemplatePipeline& pipe, const std::string& context) {
        const std::size_t mark = m_at;
        if (peekNonSpace().type != Type::Variable)
            return;
        const TemplateToken first = next();
        const TemplateToken& after = peekNonSpace();
        if (after.type == Type::Declare) {
            next();
            pipe.declarations.push_back(first.value);
        } else if (after.type == Type::Char && after.value == ",") {
            next();
            const TemplateToken& second = nextNonSpace();
            if (context != "range" || second.type != Type::Variable)
                fail(context == "range" ? "range can only initialize variables"
                                        : "too many declarations in " + context,
                     second.pos);
            if (nextNonSpace().type != Type::Declare)
                fail("missing := after range variables", second.pos);
            pipe.declarations = {first.value, second.value};
        } else {
            m_at = mark;
            return;
        }
        m_vars.insert(m_vars.end(), pipe.declarations.begin(), pipe.declarations.end());
    }

    TemplateCommand command() {
        TemplateCommand cmd;
        cmd.pos = peekNonSpace().pos;
        for (;;) {
            peekNonSpace();
            if (auto arg = operand())
                cmd.args.push_back(std::move(*arg));
            const TemplateToken& t = next();
            if (t.type == Type::Space)
                continue;
            if (t.type == Type::RightDelim || t.type == Type::RightParen)
                --m_at;
            else if (t.type != Type::Pipe)
                unexpected(t, "operand");
            break;
        }
        if (cmd.args.empty())
            fail("empty command", cmd.pos);
        return cmd;
    }

    std::optional<TemplateArg> operand() {
        std::optional<TemplateArg> arg = term();
        if (!arg || peek().type != Type::Field)
            return arg;
        const std::size_t chainPos = peek().pos; // Go reports a chain at its second element
        const std::string term = arg->text;
        while (peek().type == Type::Field) {
            arg->chain.push_back(peek().value.substr(1));
            arg->text += next().value;
        }
        if (arg->kind == TemplateArg::Kind::Field || arg->kind == TemplateArg::Kind::Variable)
            arg->pos = chainPos;
        else if (arg->kind != TemplateArg::Kind::Pipeline)
            fail("unexpected . after term " + goQuote(term), chainPos);
        return arg;
    }

    std::optional<TemplateArg> term() {
        const TemplateToken& t = next();
        TemplateArg arg;
        arg.text = t.value;
        arg.pos = t.pos;
        switch (t.type) {
        case Type::Identifier:
            if (!isTemplateFunction(t.value))
                fail("function \"" + t.value + "\" not defined", t.pos);
            arg.kind = TemplateArg::Kind::Identifier;
            arg.name = t.value;
            return arg;
        case Type::Dot:
            arg.kind = TemplateArg::Kind::Dot;
            return arg;
        case Type::Nil:
            arg.kind = TemplateArg::Kind::Nil;
            return arg;
        case Type::Field:
            arg.kind = TemplateArg::Kind::Field;
            arg.chain.push_back(t.value.substr(1));
            return arg;
        case Type::Variable: {
            const std::string name = t.value.substr(0, t.value.find('.', 1));
            if (std::find(m_vars.begin(), m_vars.end(), name) == m_vars.end())
                fail("undefined variable \"" + name + "\"", t.pos);
            arg.kind = TemplateArg::Kind::Variable;
            arg.name = name;
            return arg;
        }
        case Type::Bool:
            arg.kind = TemplateArg::Kind::Constant;
            arg.constant = TemplateValue(t.value == "true");
            return arg;
        case Type::String:
        case Type::RawString:
            arg.kind = TemplateArg::Kind::Constant;
            arg.constant = TemplateValue(
                t.type == Type::String ? unquote(t.value) : t.value.substr(1, t.value.size() - 2));
            return arg;
        case Type::CharConstant: {
            arg.kind = TemplateArg::Kind::Constant;
            const std::string ch = unquote(t.value);
            arg.constant =
                TemplateValue(std::int64_t{static_cast<unsigned char>(ch.empty() ? 0 : ch[0])});
            return arg;
        }
        case Type::Number: {
            // Integers in Go's bases (0x, 0o, 0b, leading 0) with '_' separators; floats
            // and complex constants are outside this subset.
            std::string digits;
            for (char c : t.value)
                if (c != '_')
                    digits += c;
            const bool negative = digits.front() == '-';
            std::string_view body(digits);
            if (body.front() == '-' || body.front() == '+')
                body.remove_prefix(1);
            int base = 10;
            if (body.size() > 1 && body[0] == '0') {
                const char b = static_cast<char>(std::tolower(static_cast<unsigned char>(body[1])));
                base = b == 'x' ? 16 : b == 'o' ? 8 : b == 'b' ? 2 : 8;
                body.remove_prefix(b == 'x' || b == 'o' || b == 'b' ? 2 : 1);
            }
            std::uint64_t magnitude = 0;
            const auto [end, ec] =
                std::from_chars(body.data(), body.data() + body.size(), magnitude, base);
            if (body.empty() || ec != std::errc{} || end != body.data() + body.size() ||
                magnitude > std::uint64_t(INT64_MAX))
                fail("bad number syntax: \"" + t.value + "\"", t.pos);
            arg.kind = TemplateArg::Kind::Constant;
            arg.constant =
                TemplateValue(negative ? -std::int64_t(magnitude) : std::int64_t(magnitude));
            return arg;
        }
        case Type::LeftParen:
            enter(t.pos, "max expression depth exceeded"); // Go's maxStackDepth
            arg.kind = TemplateArg::Kind::Pipeline;
            arg.pipe = pipeline("parenthesized pipeline", Type::RightParen);
            --m_depth;
            arg.text = "(" + arg.pipe->text() + ")";
            return arg;
        default:
            --m_at;
            return std::nullopt;
        }
    }

    std::vector<TemplateToken> m_tokens;
    std::size_t m_at = 0;
    std::vector<std::string> m_vars{"$"};
    std::string m_lastKeyword;
    int m_depth = 0;
};

// How deep the tokens nest, counted before parsing: a deep template is parsed and run on a
// deep stack.
int nesting(const std::vector<TemplateToken>& tokens) {
    int depth = 0, deepest = 0;
    for (const TemplateToken& t : tokens) {
        if (t.type == Type::LeftParen ||
            (t.type == Type::Keyword &&
             (t.value == "if" || t.value == "range" || t.value == "with")))
            deepest = std::max(deepest, ++depth);
        else if (t.type == Type::RightParen || (t.type == Type::Keyword && t.value == "end"))
            --depth;
    }
    return deepest;
}

std::size_t lineOf(std::string_view text, std::size_t pos) {
    return 1 + static_cast<std::size_t>(
                   std::count(text.begin(), text.begin() + std::min(pos, text.size()), '\n'));
}

} // namespace

std::string TemplateCommand::text() const {
    std::string out;
    for (const TemplateArg& arg : args)
        out += (out.empty() ? "" : " ") + arg.text;
    return out;
}

std::string TemplatePipeline::text() const {
    std::string out;
    for (std::size_t i = 0; i < declarations.size(); ++i)
        out += (i ? ", " : "") + declarations[i];
    if (!declarations.empty())
        out += " := ";
    for (std::size_t i = 0; i < commands.size(); ++i)
        out += (i ? " | " : "") + commands[i].text();
    return out;
}

Expected<GoTemplate> GoTemplate::parse(std::string_view text) {
    const auto located = [&](const std::string& message, std::size_t pos) {
        return Error{"template: :" + std::to_string(lineOf(text, pos)) + ": " + message,
                     ErrorCode::TemplateParse};
    };
    std::size_t errorPos = 0;
    auto tokens = lexTemplate(text, errorPos);
    if (!tokens.has_value())
        return located(tokens.error().message, errorPos);
    auto tree = std::make_unique<TemplateTree>();
    tree->source = std::string(text);
    tree->nesting = nesting(*tokens);
    try {
        if (tree->nesting > TemplateTree::kShallow)
            tree->body = onDeepStack([&] { return Parser(std::move(*tokens)).parseBody(); });
        else
            tree->body = Parser(std::move(*tokens)).parseBody();
    } catch (const ParseError& e) {
        return located(e.message, e.pos);
    }
    return GoTemplate(std::move(tree));
}

} // namespace lab::docker
