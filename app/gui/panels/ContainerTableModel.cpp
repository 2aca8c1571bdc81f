#include "gui/panels/ContainerTableModel.h"

#include "cli/DockerCli.h"

#include <QFontDatabase>
#include <algorithm>

namespace lab {

ContainerTableModel::ContainerTableModel(StepTimeline& timeline, QObject* parent)
    : QAbstractTableModel(parent), m_timeline(timeline), m_rows(timeline.shownContainers()) {
    connect(&timeline, &StepTimeline::stepShown, this, &ContainerTableModel::onStepShown);
    connect(&timeline, &StepTimeline::rewound, this, [this] {
        beginResetModel();
        m_rows = m_timeline.shownContainers();
        endResetModel();
    });
}

int ContainerTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ContainerTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContainerTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("NAMES");
    case Id:
        return tr("CONTAINER ID");
    case Image:
        return tr("IMAGE");
    case CommandColumn:
        return tr("COMMAND");
    case Status:
        return tr("STATUS");
    case ExitCode:
        return tr("EXIT CODE");
    default:
        return {};
    }
}

QVariant ContainerTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Container* container = containerAt(index.row());
    if (!container)
        return {};
    if (role == Qt::FontRole && (index.column() == Id || index.column() == CommandColumn))
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (role == Qt::ToolTipRole && index.column() == Id)
        return QString::fromStdString(container->id);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return QString::fromStdString(container->name);
    case Id:
        return QString::fromStdString(container->shortId());
    case Image:
        return QString::fromStdString(container->config.image);
    case CommandColumn:
        return QString::fromStdString(psCommand(*container));
    case Status:
        return QString::fromStdString(psStatus(*container, m_timeline.shownTime()));
    case ExitCode:
        // Only a process that ended has an exit code worth showing.
        return container->record.finishedAt == TimePoint{} ? QVariant()
                                                           : QVariant(container->record.exitCode);
    default:
        return {};
    }
}

QString ContainerTableModel::containerId(int row) const {
    const Container* container = containerAt(row);
    return container ? QString::fromStdString(container->id) : QString();
}

int ContainerTableModel::rowOf(const QString& containerId) const {
    const std::string id = containerId.toStdString();
    const auto found = std::find_if(m_rows.begin(), m_rows.end(),
                                    [&](const ContainerRow& row) { return row->id == id; });
    return found == m_rows.end() ? -1 : int(found - m_rows.begin());
}

void ContainerTableModel::refreshTimes() {
    if (!m_rows.empty())
        emit dataChanged(index(0, Status), index(rowCount() - 1, Status), {Qt::DisplayRole});
}

void ContainerTableModel::onStepShown(const EngineStep& step) {
    // The timeline has the step in its shown containers already: bring the rows in line.
    const std::vector<ContainerRow>& shown = m_timeline.shownContainers();
    const int row = rowOf(step.containerId);
    const std::string id = step.containerId.toStdString();
    const auto now = std::find_if(shown.begin(), shown.end(),
                                  [&](const ContainerRow& shownRow) { return shownRow->id == id; });
    if (now == shown.end()) {
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_rows.erase(m_rows.begin() + row);
        endRemoveRows();
        return;
    }
    if (row < 0) {
        const int place = int(now - shown.begin());
        beginInsertRows({}, place, place);
        m_rows.insert(m_rows.begin() + place, *now);
        endInsertRows();
    } else {
        m_rows[std::size_t(row)] = *now;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    const auto& table = LifecycleMachine::table();
    if (step.reaction.row >= 0 && table[std::size_t(step.reaction.row)].isCommand())
        emit commanded(step.containerId);
}

const Container* ContainerTableModel::containerAt(int row) const {
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)].get() : nullptr;
}

} // namespace lab
