#include "console/ScriptRunner.h"

#include "console/ConsoleLine.h"

#include <istream>
#include <ostream>

namespace lab {
namespace {

// The status bash gives a line it cannot parse; the transcripts record such lines with it.
constexpr int kUsageStatus = 2;

// CliOutput promises one line per entry; an entry with newlines is still shown line by line.
std::vector<std::string> splitLines(const std::vector<std::string>& entries) {
    std::vector<std::string> lines;
    for (const auto& entry : entries) {
        std::size_t start = 0;
        for (std::size_t end; (end = entry.find('\n', start)) != std::string::npos; start = end + 1)
            lines.push_back(entry.substr(start, end - start));
        lines.push_back(entry.substr(start));
    }
    return lines;
}

void writeRecord(const CliOutput& output, std::ostream& transcript) {
    std::vector<std::string> out = splitLines(output.out);
    // record.sh captures stdout with $(...), which drops trailing newlines; stderr is kept whole.
    while (!out.empty() && out.back().empty())
        out.pop_back();
    for (const auto& line : out)
        transcript << "> " << line << '\n';
    for (const auto& line : splitLines(output.err))
        transcript << "! " << line << '\n';
    transcript << "[rc=" << output.status << "]\n";
}

std::string withoutCarriageReturn(std::string line) {
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

} // namespace

void printKernelTrace(Session& session, std::ostream& trace) {
    for (const auto& line : session.takeKernelTrace())
        trace << "  [kernel] " << line << '\n';
    trace.flush();
}

Status runScript(std::istream& script, Session& session, std::ostream& transcript,
                 std::ostream* trace) {
    std::string raw;
    while (std::getline(script, raw)) {
        const std::string text = withoutCarriageReturn(std::move(raw));
        const ConsoleLine line = readConsoleLine(text);
        switch (line.kind) {
        case ConsoleLine::Kind::Nothing:
            break;
        case ConsoleLine::Kind::Sleep:
            session.sleep(line.sleep);
            transcript << "@ sleep " << line.sleepText << '\n';
            break;
        case ConsoleLine::Kind::Docker: {
            transcript << "$ " << text << std::endl; // shown even if the command never returns
            const CliOutput output = session.run(line.args);
            if (!output.unfinished.empty())
                return Error{output.unfinished + " (the script stops here)"};
            writeRecord(output, transcript);
            break;
        }
        case ConsoleLine::Kind::Invalid:
            transcript << "$ " << text << '\n';
            writeRecord(CliOutput{{}, {line.error}, kUsageStatus}, transcript);
            break;
        }
        // Streamed line by line: what ran before a crash or a stop is not lost.
        transcript.flush();
        if (trace)
            printKernelTrace(session, *trace); // the trace of a line follows its record
    }
    if (script.bad())
        return Error{"reading the script failed"};
    transcript.flush();
    return Ok{};
}

bool CommandLoop::feed(std::string_view text) {
    const ConsoleLine line = readConsoleLine(text);
    switch (line.kind) {
    case ConsoleLine::Kind::Nothing:
        return true;
    case ConsoleLine::Kind::Sleep:
        m_session.sleep(line.sleep);
        m_status = 0;
        printTrace();
        return true;
    case ConsoleLine::Kind::Invalid:
        m_err << line.error << std::endl;
        m_status = kUsageStatus;
        return true;
    case ConsoleLine::Kind::Docker:
        break;
    }
    // The console's own words, only when typed alone: "docker help" stays docker's.
    if (line.args.size() == 1 && !line.saidDocker) {
        if (line.args.front() == "exit" || line.args.front() == "quit")
            return false;
        if (line.args.front() == "help") {
            printHelp();
            m_status = 0;
            return true;
        }
    }
    const CliOutput output = m_session.run(line.args);
    for (const auto& out : output.out)
        m_out << out << '\n';
    m_out.flush(); // stdout before stderr, as a terminal would show them
    for (const auto& err : output.err)
        m_err << err << '\n';
    if (!output.unfinished.empty())
        m_err << "lifecycle-lab: " << output.unfinished << '\n';
    m_err.flush();
    m_status = output.status;
    printTrace();
    return true;
}

void CommandLoop::printTrace() {
    if (m_trace)
        printKernelTrace(m_session, *m_trace);
}

void CommandLoop::feedAll(std::istream& input) {
    std::string raw;
    while (std::getline(input, raw))
        if (!feed(withoutCarriageReturn(std::move(raw))))
            return;
}

void CommandLoop::printHelp() {
    m_out
        << "Type docker command lines (the leading \"docker\" is optional), quoted as in a shell.\n"
           "  @sleep SECONDS   let engine time pass (fractions allowed: @sleep 0.5)\n"
           "  help             this list\n"
           "  exit, quit       leave (so does Ctrl-D)\n"
           "Docker commands:\n";
    for (const auto& usage : m_session.commands())
        m_out << "  docker " << usage << '\n';
    m_out.flush();
}

} // namespace lab
