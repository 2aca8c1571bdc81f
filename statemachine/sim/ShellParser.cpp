// Recursive descent over the lexer's tokens, following the POSIX grammar's shape
// (list -> and_or -> pipeline -> command) for the subset ShellSyntax.h describes.

#include "base/Limits.h"
#include "sim/ShellLexer.h"
#include "sim/ShellSyntax.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>

namespace lab::shell {
namespace {

bool isName(std::string_view text) {
    return !text.empty() && !std::isdigit(static_cast<unsigned char>(text.front())) &&
           std::all_of(text.begin(), text.end(),
                       [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

// Thrown inside the parser only, turned into an Error at its boundary.
struct SyntaxError {
    std::string message;
};

class Parser {
public:
    explicit Parser(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}

    NodePtr program() {
        auto list = parseList({});
        if (current().type != Token::Type::End)
            fail(unexpected(current()));
        return list;
    }

private:
    const Token& current() const { return m_tokens[m_pos]; }
    bool isOp(std::string_view op) const {
        return current().type == Token::Type::Op && current().op == op;
    }
    bool isKeyword(std::string_view word) const {
        return current().type == Token::Type::Text && current().raw == word;
    }
    bool atAnyKeyword(std::initializer_list<std::string_view> words) const {
        return std::any_of(words.begin(), words.end(), [this](auto w) { return isKeyword(w); });
    }

    static std::string unexpected(const Token& token) {
        if (token.type == Token::Type::End)
            return "syntax error: unexpected end of file";
        if (token.type == Token::Type::Text)
            return token.raw.empty() ? "syntax error: unexpected word"
                                     : "syntax error: unexpected \"" + token.raw + "\"";
        return "syntax error: unexpected " +
               (token.op == "\n" ? std::string("newline") : "\"" + token.op + "\"");
    }
    [[noreturn]] static void fail(std::string message) { throw SyntaxError{std::move(message)}; }
    [[noreturn]] static void notSimulated(const std::string& what) {
        fail(what + " is not simulated in Container Lifecycle Lab");
    }

    void expectKeyword(std::string_view word) {
        if (!isKeyword(word))
            fail(unexpected(current()) + " (expecting \"" + std::string(word) + "\")");
        ++m_pos;
    }
    void skipNewlines() {
        while (isOp("\n"))
            ++m_pos;
    }

    // A list ends at a closing keyword (which the caller then expects), `)` or the end.
    NodePtr parseList(std::initializer_list<std::string_view> closers) {
        auto list = std::make_shared<Node>();
        list->kind = Node::Kind::List;
        while (true) {
            skipNewlines();
            // Any closing keyword ends a list; the caller says which one it expected.
            if (current().type == Token::Type::End || isOp(")") || atAnyKeyword(closers) ||
                atAnyKeyword({"do", "done", "then", "elif", "else", "fi", "}"}))
                break;
            list->children.push_back(parseAndOr());
            bool background = false;
            if (isOp("&")) {
                background = true;
                ++m_pos;
            } else if (isOp(";") || isOp("\n")) {
                ++m_pos;
            } else {
                list->flags.push_back(false);
                break;
            }
            list->flags.push_back(background);
        }
        return list;
    }

    // A list that must not be empty: `while ; do` is an error, as in busybox.
    NodePtr parseBody(std::initializer_list<std::string_view> closers) {
        auto list = parseList(closers);
        if (list->children.empty())
            fail(unexpected(current()));
        return list;
    }

    NodePtr parseAndOr() {
        auto first = parsePipeline();
        if (!isOp("&&") && !isOp("||"))
            return first;
        auto node = std::make_shared<Node>();
        node->kind = Node::Kind::AndOr;
        node->children.push_back(std::move(first));
        while (isOp("&&") || isOp("||")) {
            node->flags.push_back(isOp("&&"));
            ++m_pos;
            skipNewlines();
            node->children.push_back(parsePipeline());
        }
        return node;
    }

    // Every nesting (`!`, and the lists inside compound commands) passes here: the depth limit.
    NodePtr parsePipeline() {
        if (m_depth == limits::kShellDepth)
            fail(limits::beyond("syntax error: commands nested too deeply", limits::kShellDepth));
        ++m_depth;
        auto node = parseNegation();
        --m_depth;
        return node;
    }

    NodePtr parseNegation() {
        if (isKeyword("!")) {
            ++m_pos;
            auto node = std::make_shared<Node>();
            node->kind = Node::Kind::Not;
            node->children.push_back(parsePipeline());
            return node;
        }
        auto command = parseCommand();
        if (isOp("|"))
            notSimulated("a pipe (|)");
        return command;
    }

    NodePtr parseCommand() {
        if (isKeyword("while") || isKeyword("until")) {
            auto node = std::make_shared<Node>();
            node->kind = isKeyword("while") ? Node::Kind::While : Node::Kind::Until;
            ++m_pos;
            node->children.push_back(parseBody({"do"}));
            expectKeyword("do");
            node->children.push_back(parseBody({"done"}));
            expectKeyword("done");
            return endCompound(node);
        }
        if (isKeyword("if"))
            return parseIf();
        if (isKeyword("for"))
            return parseFor();
        if (isKeyword("{")) {
            ++m_pos;
            auto node = std::make_shared<Node>();
            node->kind = Node::Kind::Group;
            node->children.push_back(parseBody({"}"}));
            expectKeyword("}");
            return endCompound(node);
        }
        if (isOp("("))
            notSimulated("a subshell ( ... )");
        if (isKeyword("case"))
            notSimulated("case");
        if (atAnyKeyword({"do", "done", "then", "elif", "else", "fi", "}", "in"}))
            fail(unexpected(current()));
        return parseSimple();
    }

    NodePtr endCompound(NodePtr node) {
        if (current().type == Token::Type::Op &&
            (current().op.find_first_of("<>") != std::string::npos))
            notSimulated("a redirection of a compound command");
        return node;
    }

    NodePtr parseIf() {
        auto node = std::make_shared<Node>();
        node->kind = Node::Kind::If;
        ++m_pos;
        node->children.push_back(parseBody({"then"}));
        expectKeyword("then");
        node->children.push_back(parseBody({"elif", "else", "fi"}));
        while (isKeyword("elif")) {
            ++m_pos;
            node->children.push_back(parseBody({"then"}));
            expectKeyword("then");
            node->children.push_back(parseBody({"elif", "else", "fi"}));
        }
        if (isKeyword("else")) {
            ++m_pos;
            node->children.push_back(parseBody({"fi"}));
        }
        expectKeyword("fi");
        return endCompound(node);
    }

    NodePtr parseFor() {
        auto node = std::make_shared<Node>();
        node->kind = Node::Kind::For;
        ++m_pos;
        if (current().type != Token::Type::Text || !isName(current().raw))
            fail("syntax error: bad for loop variable");
        node->name = current().raw;
        ++m_pos;
        skipNewlines();
        if (isKeyword("in")) {
            node->forHasIn = true;
            ++m_pos;
            while (current().type == Token::Type::Text)
                node->words.push_back(current().word), ++m_pos;
        }
        if (isOp(";") || isOp("\n"))
            ++m_pos;
        skipNewlines();
        expectKeyword("do");
        node->children.push_back(parseBody({"done"}));
        expectKeyword("done");
        return endCompound(node);
    }

    static bool splitAssignment(const Word& word, std::pair<std::string, Word>& out) {
        if (word.empty() || word.front().kind != WordPart::Kind::Text || word.front().quoted)
            return false;
        const std::string& head = word.front().text;
        const auto equals = head.find('=');
        if (equals == std::string::npos || !isName(head.substr(0, equals)))
            return false;
        out.first = head.substr(0, equals);
        out.second = word;
        out.second.front().text = head.substr(equals + 1);
        return true;
    }

    NodePtr parseSimple() {
        auto node = std::make_shared<Node>();
        node->kind = Node::Kind::Simple;
        while (true) {
            if (current().type == Token::Type::Text) {
                std::pair<std::string, Word> assignment;
                if (node->words.empty() && splitAssignment(current().word, assignment))
                    node->assignments.push_back(std::move(assignment));
                else
                    node->words.push_back(current().word);
                ++m_pos;
            } else if (isOp(">") || isOp(">>") || isOp(">&")) {
                node->redirects.push_back(parseRedirect());
            } else if (isOp("<") || isOp("<&")) {
                notSimulated("reading standard input from a file (<)");
            } else {
                break;
            }
        }
        if (node->words.empty() && node->assignments.empty() && node->redirects.empty())
            fail(unexpected(current()));
        return node;
    }

    Redirect parseRedirect() {
        Redirect redirect;
        redirect.fd = current().ioNumber == -1 ? 1 : current().ioNumber;
        const bool dup = current().op == ">&";
        redirect.append = current().op == ">>";
        ++m_pos;
        if (current().type != Token::Type::Text)
            fail(unexpected(current()));
        if (dup) {
            if (current().raw != "1" && current().raw != "2")
                notSimulated("a redirection to fd " +
                             (current().raw.empty() ? "?" : current().raw));
            redirect.dupTo = current().raw[0] - '0';
        } else {
            redirect.file = current().word;
        }
        ++m_pos;
        return redirect;
    }

    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    int m_depth = 0;
};

} // namespace

Expected<NodePtr> parse(std::string_view script) {
    auto tokens = tokenize(script);
    if (!tokens)
        return tokens.error();
    try {
        return Parser(std::move(*tokens)).program();
    } catch (const SyntaxError& error) {
        return Error{error.message};
    }
}

const Expected<NodePtr>& ParsedScripts::parse(std::string_view script) {
    auto known = m_parsed.find(script);
    if (known == m_parsed.end())
        known = m_parsed.emplace(std::string(script), shell::parse(script)).first;
    return known->second;
}

} // namespace lab::shell
