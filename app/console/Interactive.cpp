#include "console/Interactive.h"

#include "console/ScriptRunner.h"

#include <cstdio>
#include <histedit.h>
#include <iostream>
#include <memory>
#include <string>

namespace lab {
namespace {

char* prompt(EditLine*) {
    static char text[] = "docker> ";
    return text;
}

using Editor = std::unique_ptr<EditLine, decltype(&el_end)>;
using Entries = std::unique_ptr<History, decltype(&history_end)>;

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
    el_set(editor.get(), EL_SIGNAL, 1); // follow terminal resizes, restore the tty on signals
    el_source(editor.get(), nullptr);   // the user's ~/.editrc, if any

    CommandLoop loop(session, std::cout, std::cerr, trace);
    for (;;) {
        int count = 0;
        const char* raw = el_gets(editor.get(), &count);
        if (raw == nullptr || count <= 0) { // Ctrl-D or a read error: leave on a fresh line
            std::cout << std::endl;
            break;
        }
        std::string line(raw, static_cast<std::size_t>(count));
        if (line.find_first_not_of(" \t\r\n") != std::string::npos)
            history(entries.get(), &event, H_ENTER, raw);
        if (!loop.feed(line))
            break;
    }
    return loop.status();
}

} // namespace lab
