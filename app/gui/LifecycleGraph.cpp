#include "gui/LifecycleGraph.h"

#include <algorithm>

namespace lab {
namespace {

void addDistinct(QStringList& list, const QString& word) {
    if (!list.contains(word))
        list << word;
}

std::vector<LifecycleEdge> readEdges() {
    std::vector<LifecycleEdge> edges;
    const std::vector<TableRow>& table = LifecycleMachine::table();
    for (int row = 0; row < int(table.size()); ++row) {
        const TableRow& entry = table[std::size_t(row)];
        if (entry.source == entry.target)
            continue;
        auto edge = std::find_if(edges.begin(), edges.end(), [&](const LifecycleEdge& e) {
            return e.source == entry.source && e.target == entry.target;
        });
        if (edge == edges.end())
            edge = edges.insert(edges.end(),
                                LifecycleEdge{entry.source, entry.target, {}, {}, {}, {}});
        addDistinct(entry.isCommand ? edge->commands : edge->outcomes,
                    QString::fromStdString(entry.event));
        for (DockerAction action : entry.publishes)
            addDistinct(edge->events, QString::fromUtf8(actionName(action).data(),
                                                        qsizetype(actionName(action).size())));
        edge->rows.push_back(row);
    }
    return edges;
}

} // namespace

const std::vector<LifecycleEdge>& lifecycleEdges() {
    static const std::vector<LifecycleEdge> edges = readEdges();
    return edges;
}

int edgeOfRow(int row) {
    const std::vector<LifecycleEdge>& edges = lifecycleEdges();
    for (std::size_t i = 0; i < edges.size(); ++i)
        if (std::find(edges[i].rows.begin(), edges[i].rows.end(), row) != edges[i].rows.end())
            return int(i);
    return -1;
}

std::vector<int> edgesOfCommand(const QString& command) {
    std::vector<int> found;
    const std::vector<LifecycleEdge>& edges = lifecycleEdges();
    for (std::size_t i = 0; i < edges.size(); ++i)
        if (edges[i].commands.contains(command) || edges[i].events.contains(command))
            found.push_back(int(i));
    return found;
}

QString edgeTrigger(const LifecycleEdge& edge) {
    return (edge.commands + edge.outcomes).join(QStringLiteral(" · "));
}

} // namespace lab
