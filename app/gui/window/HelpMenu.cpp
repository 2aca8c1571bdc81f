#include "gui/window/HelpMenu.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>
#include <set>

namespace lab {
namespace {

QString plain(QString text) {
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    return text.replace(QStringLiteral("&&"), QStringLiteral("&")).remove(u'…');
}

void collect(const QList<QAction*>& actions, std::set<const QAction*>& seen,
             QList<std::pair<QString, QString>>& found) {
    for (const QAction* action : actions) {
        if (action->menu())
            collect(action->menu()->actions(), seen, found);
        if (action->shortcuts().isEmpty() || !seen.insert(action).second)
            continue;
        QStringList keys;
        for (const QKeySequence& keySequence : action->shortcuts())
            keys << keySequence.toString(QKeySequence::NativeText);
        found.emplace_back(plain(action->text()), keys.join(QStringLiteral("  or  ")));
    }
}

} // namespace

HelpMenu::HelpMenu(QMainWindow& window, const QString& backend)
    : QObject(&window), m_window(window), m_backend(backend),
      m_menu(new QMenu(tr("&Help"), &window)),
      m_shortcuts(new QAction(tr("&Keyboard shortcuts"), this)),
      m_glossary(new QAction(tr("&Glossary"), this)), m_about(new QAction(tr("&About"), this)) {
    m_shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    m_shortcuts->setToolTip(tr("A card of every key the window knows"));
    connect(m_shortcuts, &QAction::triggered, this, &HelpMenu::showShortcuts);
    m_glossary->setToolTip(tr("The words of the lab and of Docker, explained"));
    m_glossary->setVisible(false);
    connect(m_about, &QAction::triggered, this, [this] {
        QMessageBox::about(&m_window, tr("About Container Lifecycle Lab"), aboutText());
    });
    m_menu->addAction(m_shortcuts);
    m_menu->addAction(m_glossary);
    m_menu->addSeparator();
    m_menu->addAction(m_about);
    window.addAction(m_shortcuts);
}

void HelpMenu::setGlossary(std::function<void()> show) {
    connect(m_glossary, &QAction::triggered, this, std::move(show));
    m_glossary->setVisible(true);
}

QList<std::pair<QString, QString>> HelpMenu::shortcuts() const {
    std::set<const QAction*> seen;
    QList<std::pair<QString, QString>> found;
    collect(m_window.menuBar()->actions(), seen, found);
    collect(m_window.actions(), seen, found); // those of no menu: the window's own
    return found;
}

QString HelpMenu::aboutText() const {
    return tr("<h3>Container Lifecycle Lab %1</h3>"
              "<p>How a Docker container lives: the lifecycle diagram is drawn from the "
              "lifecycle machine's transition table (Boost.MSM), and every command runs on "
              "Docker's own rules.</p>"
              "<p>Backend in use: <b>%2</b></p>"
              "<p>The simulation behaves as Docker Engine 20.10 on a virtual clock; the real "
              "backend runs containers as processes in namespaces and cgroups.</p>")
        .arg(QStringLiteral(LAB_VERSION), m_backend.toHtmlEscaped());
}

void HelpMenu::showShortcuts() {
    auto* card = new QDialog(&m_window);
    card->setAttribute(Qt::WA_DeleteOnClose);
    card->setWindowTitle(tr("Keyboard shortcuts"));
    const auto rows = shortcuts();
    auto* table = new QTableWidget(int(rows.size()), 2, card);
    table->setHorizontalHeaderLabels({tr("What"), tr("Keys")});
    table->setAccessibleName(tr("Keyboard shortcuts"));
    for (int row = 0; row < int(rows.size()); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(rows[row].first));
        table->setItem(row, 1, new QTableWidgetItem(rows[row].second));
    }
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, card);
    connect(buttons, &QDialogButtonBox::rejected, card, &QDialog::reject);
    auto* layout = new QVBoxLayout(card);
    layout->addWidget(table);
    layout->addWidget(buttons);
    card->resize(560, 640);
    card->open();
}

} // namespace lab
