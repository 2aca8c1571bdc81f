#pragma once
// The engine's containers as a table, in `docker ps -a` order (newest first), with docker ps's
// own words for COMMAND and STATUS. Rows follow the engine's reactions: a create inserts, a
// removal removes, anything else changes the row; refreshTimes() renews the relative times of
// STATUS as engine time passes. It also says which container a command was last aimed at.

#include "gui/window/EngineSignals.h"

#include <QAbstractTableModel>
#include <string>
#include <vector>

namespace lab {

/// An item model over one engine's containers.
class ContainerTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Id, Image, CommandColumn, Status, ExitCode, ColumnCount };

    explicit ContainerTableModel(EngineSignals& engineSignals, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The full ID of the container on row, empty when out of range.
    QString containerId(int row) const;
    /// The row of the container with this full ID, or -1.
    int rowOf(const QString& containerId) const;

    /// STATUS says "Up 3 seconds": tell the views that engine time moved.
    void refreshTimes();

signals:
    /// A command reached this container's machine (accepted or refused): the learner is
    /// looking at it now.
    void commanded(const QString& containerId);

private:
    void onReacted(const QString& containerId, const Reaction& reaction);
    void readAll();
    const Container* containerAt(int row) const;

    EngineSignals& m_signals;
    std::vector<std::string> m_ids; // newest first, as docker ps -a
};

} // namespace lab
