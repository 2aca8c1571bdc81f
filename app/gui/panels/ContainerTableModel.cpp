#include "gui/panels/ContainerTableModel.h"

#include "cli/DockerCli.h"

#include <QFontDatabase>
#include <algorithm>

namespace lab {

ContainerTableModel::ContainerTableModel(EngineSignals& engineSignals, QObject* parent)
    : QAbstractTableModel(parent), m_signals(engineSignals) {
    readAll();
    connect(&engineSignals, &EngineSignals::containerReacted, this,
            &ContainerTableModel::onReacted);
    connect(&engineSignals, &EngineSignals::engineReplaced, this, [this] {
        beginResetModel();
        readAll();
        endResetModel();
    });
}

void ContainerTableModel::readAll() {
    m_ids.clear();
    for (const Container* container : m_signals.engine().containers())
        m_ids.push_back(container->id);
}

int ContainerTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_ids.size());
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
        // Between the reaction that removes a container and its row's removal there is no state.
        if (!dockerState(container->machine.node()))
            return {};
        return QString::fromStdString(psStatus(*container, m_signals.engine().clock().now()));
    case ExitCode:
        // Only a process that ended has an exit code worth showing.
        return container->record.finishedAt == TimePoint{} ? QVariant()
                                                           : QVariant(container->record.exitCode);
    default:
        return {};
    }
}

QString ContainerTableModel::containerId(int row) const {
    return row >= 0 && row < int(m_ids.size()) ? QString::fromStdString(m_ids[std::size_t(row)])
                                               : QString();
}

int ContainerTableModel::rowOf(const QString& containerId) const {
    const auto found = std::find(m_ids.begin(), m_ids.end(), containerId.toStdString());
    return found == m_ids.end() ? -1 : int(found - m_ids.begin());
}

void ContainerTableModel::refreshTimes() {
    if (!m_ids.empty())
        emit dataChanged(index(0, Status), index(rowCount() - 1, Status), {Qt::DisplayRole});
}

void ContainerTableModel::onReacted(const QString& containerId, const Reaction& reaction) {
    const int row = rowOf(containerId);
    if (reaction.to == LifecycleState::Removed) {
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_ids.erase(m_ids.begin() + row);
        endRemoveRows();
        return;
    }
    if (row < 0) {
        // A container the model has not seen: docker ps lists the newest first.
        beginInsertRows({}, 0, 0);
        m_ids.insert(m_ids.begin(), containerId.toStdString());
        endInsertRows();
    } else {
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    const auto& table = LifecycleMachine::table();
    if (reaction.row >= 0 && table[std::size_t(reaction.row)].isCommand())
        emit commanded(containerId);
}

const Container* ContainerTableModel::containerAt(int row) const {
    if (row < 0 || row >= int(m_ids.size()))
        return nullptr;
    return m_signals.engine().byId(m_ids[std::size_t(row)]);
}

} // namespace lab
