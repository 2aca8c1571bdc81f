#include "gui/panels/ContainerTable.h"

#include <QHeaderView>

namespace lab {

ContainerTable::ContainerTable(ContainerTableModel& model, QWidget* parent)
    : QTableView(parent), m_model(model) {
    setModel(&model);
    setAccessibleName(tr("Containers"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setShowGrid(false);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setSectionResizeMode(ContainerTableModel::Status, QHeaderView::Stretch);
    setColumnWidth(ContainerTableModel::Name, 130);
    setColumnWidth(ContainerTableModel::Id, 130);
    setColumnWidth(ContainerTableModel::Image, 110);
    setColumnWidth(ContainerTableModel::CommandColumn, 190);
    setColumnWidth(ContainerTableModel::ExitCode, 90);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ContainerTable::onCurrentChanged);
    connect(&model, &ContainerTableModel::commanded, this, &ContainerTable::selectContainer);
}

QString ContainerTable::selectedContainer() const {
    return currentIndex().isValid() ? m_model.containerId(currentIndex().row()) : QString();
}

void ContainerTable::selectContainer(const QString& containerId) {
    const int row = m_model.rowOf(containerId);
    if (row < 0) {
        selectionModel()->clear();
        return;
    }
    selectionModel()->setCurrentIndex(m_model.index(row, 0), QItemSelectionModel::ClearAndSelect |
                                                                 QItemSelectionModel::Rows);
}

void ContainerTable::onCurrentChanged(const QModelIndex& current) {
    emit containerSelected(current.isValid() ? m_model.containerId(current.row()) : QString());
}

} // namespace lab
