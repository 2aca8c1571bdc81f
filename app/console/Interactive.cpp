#include "console/Interactive.h"

#include "console/ConsoleInput.h"
#include "console/ScriptRunner.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cwchar>
#include <histedit.h>
#include <iostream>
#include <memory>
#include <string>
#include <unistd.h>

namespace lab {
namespace {

// Set by readCharacter when Ctrl-C cancelled the line being typed.
bool interruptedLine = false;

char* prompt(EditLine*) {
    static char text[] = "docker> ";
    return text;
}

using Editor = std::unique_ptr<EditLine, decltype(&el_end)>;
using Entries = std::unique_ptr<History, decltype(&history_end)>;

// libedit reads each character through here: the engine runs while the learner thinks. A signal
// makes el_gets() give up on the line (-1, EINTR); the caller asks the input which one it was.
int readCharacter(EditLine* editor, wchar_t* character) {
    ConsoleInput* input = nullptr;
    el_get(editor, EL_CLIENTDATA, &input);
    static std::mbstate_t state{};
    for (;;) {
        switch (input->wait()) {
        case ConsoleInput::Wake::Resized:
            el_resize(editor);
            continue;
        case ConsoleInput::Wake::Interrupted:
            interruptedLine = true;
            [[fallthrough]];
        case ConsoleInput::Wake::Leaving:
            errno = EINTR;
            return -1;
        case ConsoleInput::Wake::Input:
            break;
        }
        char byte = 0;
        const ssize_t got = ::read(input->fd(), &byte, 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return int(got);
        const std::size_t decoded = std::mbrtowc(character, &byte, 1, &state);
        if (decoded == static_cast<std::size_t>(-2)) // the middle of a multibyte character
            continue;
        if (decoded == static_cast<std::size_t>(-1)) { // not in this locale: the byte itself
            state = {};
            *character = wchar_t(static_cast<unsigned char>(byte));
        }
        return 1;
    }
}

} // namespace

int runInteractive(Session& session, const char* programName, std::ostream* trace) {
    Editor editor(el_init(programName, stdin, stdout, stderr), &el_end);
    Entries entries(history_init(), &history_end);
    if (!editor || !entries) {
        std::cerr << programName << ": cannot start line editing on this terminal\n";
        return 2;
    }
    HistEvent event;
    history(entries.get(), &event, H_SETSIZE, 1000);
    history(entries.get(), &event, H_SETUNIQUE, 1);
    el_set(editor.get(), EL_EDITOR, "emacs");
    el_set(editor.get(), EL_PROMPT, &prompt);
    el_set(editor.get(), EL_HIST, history, entries.get());
    // No EL_SIGNAL: its handlers re-send each signal to the whole process group. ConsoleInput
    // takes them instead, and el_gets() restores the terminal whenever it returns.
    el_source(editor.get(), nullptr); // the user's ~/.editrc, if any
    ConsoleInput input(session, STDIN_FILENO);
    el_set(editor.get(), EL_CLIENTDATA, &input);
    el_set(editor.get(), EL_GETCFN, &readCharacter);

    CommandLoop loop(session, std::cout, std::cerr, trace);
    for (;;) {
        interruptedLine = false;
        int count = 0;
        const char* raw = el_gets(editor.get(), &count);
        if (input.leavingSignal() != 0) { // SIGTERM, SIGHUP: leave as exit does
            std::cout << std::endl;
            return 128 + input.leavingSignal();
        }
        if (interruptedLine) { // Ctrl-C: the line is dropped, a new prompt comes
            std::cout << "^C" << std::endl;
            continue;
        }
        if (raw == nullptr || count <= 0) { // Ctrl-D or a read error: leave on a fresh line
            std::cout << std::endl;
            break;
        }
        std::string line(raw, static_cast<std::size_t>(count));
        if (line.find_first_not_of(" \t\r\n") != std::string::npos)
            history(entries.get(), &event, H_ENTER, raw);
        if (!loop.feed(line))
            break;
        if (input.leavingSignal() != 0)
            return 128 + input.leavingSignal();
        input.takeInterrupt(); // Ctrl-C during the command ended its wait; the prompt is back
    }
    return loop.status();
}

} // namespace lab
