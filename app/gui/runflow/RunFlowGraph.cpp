#include "gui/runflow/RunFlowGraph.h"

#include "gui/i18n/CoreWords.h"

#include <algorithm>
#include <map>

namespace lab {
namespace {

void addDistinct(QStringList& list, const QString& word) {
    if (!word.isEmpty() && !list.contains(word))
        list << word;
}

// The edges, and for every row of the table the edge it belongs to (-1: onto its own step).
struct Graph {
    std::vector<RunFlowEdge> edges;
    std::vector<int> edgeOfRow;
};

Graph readGraph() {
    Graph graph;
    for (const RunFlowRow& entry : RunFlowMachine::table()) {
        const int row = int(graph.edgeOfRow.size());
        if (entry.source == entry.target) {
            graph.edgeOfRow.push_back(-1);
            continue;
        }
        auto edge = std::find_if(graph.edges.begin(), graph.edges.end(), [&](const RunFlowEdge& e) {
            return e.source == entry.source && e.target == entry.target;
        });
        if (edge == graph.edges.end())
            edge = graph.edges.insert(graph.edges.end(), {entry.source, entry.target, {}, {}, {}});
        if (entry.outcome)
            addDistinct(edge->outcomes, QString::fromUtf8(outcomeName(*entry.outcome).data()));
        addDistinct(edge->guards, guardWords(entry.guard));
        edge->rows.push_back(row);
        graph.edgeOfRow.push_back(int(edge - graph.edges.begin()));
    }
    return graph;
}

const Graph& graph() {
    static const Graph read = readGraph();
    return read;
}

} // namespace

const std::vector<RunFlowEdge>& runFlowEdges() {
    return graph().edges;
}

int runFlowEdgeOfRow(int row) {
    const std::vector<int>& edgeOfRow = graph().edgeOfRow;
    return row >= 0 && row < int(edgeOfRow.size()) ? edgeOfRow[std::size_t(row)] : -1;
}

QString guardWords(const std::string& guard) {
    // The guards' names are the table's; the words are what a learner typed to get there.
    static const std::map<std::string, QString> words = {
        {"IsPull", QStringLiteral("pull")},
        {"!IsPull", QStringLiteral("run, create")},
        {"IsCreate", QStringLiteral("create")},
        {"DetachedRun", QStringLiteral("run -d")},
        {"AttachedRun", QStringLiteral("run")},
        {"PullsFirst", QStringLiteral("pull, --pull always")},
        {"!PullsFirst", QStringLiteral("--pull missing | never")},
        {"MayPullMissing", QStringLiteral("--pull missing")},
        {"!MayPullMissing", QStringLiteral("--pull never, or an ID")},
        {"AutoRemoves", QStringLiteral("--rm")},
        {"!AutoRemoves", QString()},
        {"FailureHeld", QStringLiteral("start had failed")},
        {"!FailureHeld", QString()},
    };
    if (guard.empty())
        return {};
    const auto found = words.find(guard);
    return found != words.end() ? found->second : QString::fromStdString(guard);
}

QString flowText(std::string_view words) {
    return coreWord(words);
}

} // namespace lab
