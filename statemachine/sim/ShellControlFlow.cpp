// The control flow of the shell: one step of the frame at the top of the stack. Frames stand for
// the nodes being run (lists, loops, conditionals) and for traps; a step either finishes its
// node or pushes the next child, so the interpreter can stop at any command that blocks (a
// foreground child, `wait`) and resume when engine time reaches it.

#include "sim/Shell.h"

namespace lab {

using shell::Node;

void Shell::step(Sink& sink) {
    Frame& f = m_stack.back();
    if (f.role != Role::Run) {
        if (f.phase == 0) {
            f.phase = 1;
            if (f.node)
                push(f.node, false);
            return;
        }
        const int saved = f.saved;
        const Role role = f.role;
        m_stack.pop_back();
        if (role == Role::Trap)
            m_status = saved; // a trap leaves $? as it found it
        else
            finish(saved, m_now);
        return;
    }

    const shell::NodePtr node = f.node;
    const bool tail = f.tail;
    const auto count = node->children.size();
    switch (node->kind) {
    case Node::Kind::Simple:
        m_stack.pop_back();
        runSimple(*node, tail, sink);
        return;
    case Node::Kind::List:
        if (f.index == count) {
            m_stack.pop_back();
            return;
        }
        if (node->flags[f.index]) {
            ++f.index;
            startBackground(node->children[f.index - 1], sink);
            m_status = 0;
            return;
        }
        ++f.index;
        push(node->children[f.index - 1], tail && f.index == count);
        return;
    case Node::Kind::AndOr:
        if (f.index == 0) {
            f.index = 1;
            push(node->children[0], false);
            return;
        }
        if (f.index == count) {
            m_stack.pop_back();
            return;
        }
        if (node->flags[f.index - 1] == (m_status == 0)) {
            ++f.index;
            push(node->children[f.index - 1], tail && f.index == count);
        } else {
            ++f.index;
        }
        return;
    case Node::Kind::Not:
        if (f.phase == 0) {
            f.phase = 1;
            push(node->children[0], false);
            return;
        }
        m_status = m_status == 0 ? 1 : 0;
        m_stack.pop_back();
        return;
    case Node::Kind::While:
    case Node::Kind::Until:
        if (f.phase == 0) {
            f.phase = 1;
            push(node->children[0], false);
        } else if (f.phase == 1) {
            if ((m_status == 0) == (node->kind == Node::Kind::While)) {
                f.phase = 2;
                push(node->children[1], false);
            } else {
                m_status = f.saved;
                m_stack.pop_back();
            }
        } else {
            f.saved = m_status;
            f.phase = 0;
        }
        return;
    case Node::Kind::If:
        if (f.phase == 0) {
            if (f.index + 1 < count) {
                f.phase = 1;
                push(node->children[f.index], false);
            } else if (f.index < count) {
                f.phase = 2;
                push(node->children[f.index], tail);
            } else {
                m_status = 0;
                m_stack.pop_back();
            }
        } else if (f.phase == 1) {
            if (m_status == 0) {
                f.phase = 2;
                push(node->children[f.index + 1], tail);
            } else {
                f.index += 2;
                f.phase = 0;
            }
        } else {
            m_stack.pop_back();
        }
        return;
    case Node::Kind::For:
        if (f.phase == 0) {
            f.phase = 1;
            if (node->forHasIn) {
                auto items = shell::expandFields(node->words, parameters());
                if (!items) {
                    error(sink, items.error().message, m_context.streams);
                    beginExit(2);
                    return;
                }
                f.items = std::move(*items);
            } else {
                f.items.assign(m_args.begin() + 1, m_args.end());
            }
            m_status = 0;
            return;
        }
        if (f.index == f.items.size()) {
            m_stack.pop_back();
            return;
        }
        m_vars[node->name] = f.items[f.index++];
        push(node->children[0], false);
        return;
    case Node::Kind::Group:
        if (f.phase == 0) {
            f.phase = 1;
            push(node->children[0], tail);
            return;
        }
        m_stack.pop_back();
        return;
    }
}

void Shell::input(const std::string& bytes, bool ended, TimePoint now, Sink& sink) {
    if (!m_readsStdin || exitCode())
        return;
    m_typed += bytes;
    m_stdinEnded = m_stdinEnded || ended;
    m_now = std::max(m_now, now);
    run(sink);
}

bool Shell::takeInputLine(Sink& sink) {
    const std::size_t newline = m_typed.find('\n');
    if (newline == std::string::npos && (!m_stdinEnded || m_typed.empty()))
        return false;
    const std::size_t taken = newline == std::string::npos ? m_typed.size() : newline + 1;
    const std::string line = m_typed.substr(0, taken);
    m_typed.erase(0, taken);
    auto parsed = shell::parse(line);
    if (!parsed) { // ash says so and reads the next line
        error(sink, parsed.error().message, m_context.streams);
        m_status = 2;
    } else if (*parsed) {
        push(*parsed, false);
    }
    return true;
}

} // namespace lab
