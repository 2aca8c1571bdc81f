#pragma once
// What one container prints while a command attaches to it (docker run, docker start -a),
// kept even after --rm has removed the container.

#include "base/Limits.h"
#include "cli/Commands.h"
#include "engine/Engine.h"

#include <string>
#include <utility>
#include <vector>

namespace lab::cli {

/// Collects the lines one container prints while it lives.
class OutputRecorder final : public EngineObserver {
public:
    /// Starts listening to the engine; follow() names the container.
    explicit OutputRecorder(Engine& engine) : m_engine(engine) { m_engine.addObserver(*this); }
    ~OutputRecorder() override { m_engine.removeObserver(*this); }
    OutputRecorder(const OutputRecorder&) = delete;
    OutputRecorder& operator=(const OutputRecorder&) = delete;
    /// Records this container's lines from now on.
    void follow(const std::string& id) { m_id = id; }
    void printed(const Container& container, const LogLine& line) override {
        if (container.id != m_id)
            return;
        m_lines.push_back(line);
        m_bytes += line.text.size() + 1;
    }
    /// True once more than limits::kAttachedOutputBytes came: the command stops following.
    bool full() const { return m_bytes > limits::kAttachedOutputBytes; }
    /// The lines recorded so far, forgetting them.
    std::vector<LogLine> take() { return std::exchange(m_lines, {}); }

private:
    Engine& m_engine;
    std::string m_id;
    std::vector<LogLine> m_lines;
    std::size_t m_bytes = 0;
};

/// Writes recorded lines to the command's stdout and stderr, each on its own stream.
inline void printRecorded(CliOutput& output, const std::vector<LogLine>& lines) {
    for (const LogLine& line : lines)
        (line.isStderr ? output.err : output.out).push_back(line.text);
}

/// An attached command's end (docker start -a, docker attach): lets engine time pass until
/// exit finishes, prints what the container printed, and exits with its code; stops following
/// a container that prints too much.
void followToExit(Context& context, OutputRecorder& recorder, const CallHandle& exit,
                  const std::string& container);

} // namespace lab::cli
