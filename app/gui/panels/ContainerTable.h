#pragma once
// The container list under the diagram: the model's rows, one selected at a time. Selecting a
// row picks the container the diagram follows and the buttons act on; a command, typed or
// pressed, selects the container it was aimed at.

#include "gui/panels/ContainerTableModel.h"

#include <QTableView>

namespace lab {

/// A view of the containers that reports which one is selected.
class ContainerTable final : public QTableView {
    Q_OBJECT
public:
    explicit ContainerTable(ContainerTableModel& model, QWidget* parent = nullptr);

    /// The selected container's full ID, empty when none.
    QString selectedContainer() const;
    /// Selects the container with this full ID (or clears the selection).
    void selectContainer(const QString& containerId);

signals:
    void containerSelected(const QString& containerId);

private:
    void onCurrentChanged(const QModelIndex& current);

    ContainerTableModel& m_model;
};

} // namespace lab
