#include "gui/diagram/LifecycleGraph.h"

#include <algorithm>
#include <set>

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
        const std::string_view trigger = triggerName(entry.trigger);
        addDistinct(entry.isCommand() ? edge->commands : edge->outcomes,
                    QString::fromUtf8(trigger.data(), qsizetype(trigger.size())));
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

std::vector<int> edgesOfCommand(Command command) {
    const std::vector<TableRow>& table = LifecycleMachine::table();
    std::set<Outcome> answers; // the outcomes that answer the command's calls
    for (const TableRow& row : table)
        if (row.trigger == Trigger{command})
            answers.insert(row.answeredBy.begin(), row.answeredBy.end());
    const auto taken = [&](int index) {
        const Trigger& trigger = table[std::size_t(index)].trigger;
        const Outcome* outcome = std::get_if<Outcome>(&trigger);
        return trigger == Trigger{command} || (outcome && answers.count(*outcome) > 0);
    };
    std::vector<int> found;
    const std::vector<LifecycleEdge>& edges = lifecycleEdges();
    for (std::size_t i = 0; i < edges.size(); ++i)
        if (std::any_of(edges[i].rows.begin(), edges[i].rows.end(), taken))
            found.push_back(int(i));
    return found;
}

QString edgeTrigger(const LifecycleEdge& edge) {
    return (edge.commands + edge.outcomes).join(QStringLiteral(" · "));
}

} // namespace lab
