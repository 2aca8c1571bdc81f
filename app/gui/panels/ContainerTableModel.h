#pragma once
// The containers as of the step the window shows, in `docker ps -a` order (newest first), with
// docker ps's own words for COMMAND and STATUS. Rows follow the shown steps: a create inserts, a
// removal removes, anything else changes the row, a rewind re-reads them all; refreshTimes()
// renews the relative times of STATUS as shown time passes. It also says which container a
// shown command was aimed at.

#include "gui/window/StepTimeline.h"

#include <QAbstractTableModel>
#include <vector>

namespace lab {

/// An item model over one engine's containers.
class ContainerTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Id, Image, CommandColumn, Status, ExitCode, ColumnCount };

    explicit ContainerTableModel(StepTimeline& timeline, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The full ID of the container on row, empty when out of range.
    QString containerId(int row) const;
    /// The row of the container with this full ID, or -1.
    int rowOf(const QString& containerId) const;

    /// STATUS says "Up 3 seconds": tell the views that shown time moved.
    void refreshTimes();

signals:
    /// The step shown is a command that reached this container's machine (accepted or
    /// refused): the learner is looking at it now.
    void commanded(const QString& containerId);

private:
    void onStepShown(const EngineStep& step);
    const Container* containerAt(int row) const;

    StepTimeline& m_timeline;
    std::vector<ContainerRow> m_rows; // the timeline's shown containers, as the views know them
};

} // namespace lab
