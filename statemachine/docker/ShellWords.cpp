#include "docker/ShellWords.h"

namespace lab::docker {
namespace {

bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Inside double quotes a backslash keeps its special meaning only before these.
bool escapableInDoubleQuotes(char c) {
    return c == '$' || c == '`' || c == '"' || c == '\\' || c == '\n';
}

} // namespace

Expected<std::vector<std::string>> splitShellWords(std::string_view line) {
    std::vector<std::string> words;
    std::string word;
    // A word exists once anything, even an empty pair of quotes, was read for it.
    bool inWord = false;
    std::size_t i = 0;
    const auto finishWord = [&] {
        if (inWord)
            words.push_back(std::move(word));
        word.clear();
        inWord = false;
    };
    while (i < line.size()) {
        const char c = line[i];
        if (isBlank(c)) {
            finishWord();
            ++i;
        } else if (c == '\'') {
            const std::size_t close = line.find('\'', i + 1);
            if (close == std::string_view::npos)
                return Error{"unexpected EOF while looking for matching `''"};
            word.append(line.substr(i + 1, close - i - 1));
            inWord = true;
            i = close + 1;
        } else if (c == '"') {
            inWord = true;
            ++i;
            for (;;) {
                if (i >= line.size())
                    return Error{"unexpected EOF while looking for matching `\"'"};
                const char d = line[i];
                if (d == '"') {
                    ++i;
                    break;
                }
                if (d == '\\' && i + 1 < line.size() && escapableInDoubleQuotes(line[i + 1])) {
                    if (line[i + 1] != '\n') // backslash-newline joins lines
                        word += line[i + 1];
                    i += 2;
                    continue;
                }
                word += d;
                ++i;
            }
        } else if (c == '\\') {
            if (i + 1 >= line.size()) { // a final lone backslash stays, as in bash -c
                word += c;
                inWord = true;
                ++i;
            } else {
                if (line[i + 1] != '\n') { // backslash-newline joins lines
                    word += line[i + 1];
                    inWord = true;
                }
                i += 2;
            }
        } else {
            word += c;
            inWord = true;
            ++i;
        }
    }
    finishWord();
    return words;
}

} // namespace lab::docker
