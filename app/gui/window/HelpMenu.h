#pragma once
// The Help menu: a card of every keyboard shortcut (read from the window's own actions, so it
// never goes out of date), the glossary when a glossary is provided, and the About box, which
// names the backend in use and the version.

#include <QObject>
#include <QString>
#include <functional>

class QAction;
class QMainWindow;
class QMenu;

namespace lab {

/// The Help menu of one window.
class HelpMenu final : public QObject {
    Q_OBJECT
public:
    /// backend: the engine in use, as the status bar names it ("simulation", "real (root)").
    HelpMenu(QMainWindow& window, const QString& backend);

    QMenu* menu() const { return m_menu; }
    QAction* shortcutsAction() const { return m_shortcuts; }
    QAction* glossaryAction() const { return m_glossary; }
    QAction* aboutAction() const { return m_about; }
    /// Shows the glossary action, which then calls show. Until then the menu has no glossary.
    void setGlossary(std::function<void()> show);
    /// Every action of the window with a shortcut: its words (without the & of its mnemonic)
    /// and its keys, in menu order; the card's contents.
    QList<std::pair<QString, QString>> shortcuts() const;
    /// The About box's words.
    QString aboutText() const;

private:
    void showShortcuts();

    QMainWindow& m_window;
    QString m_backend;
    QMenu* m_menu;
    QAction* m_shortcuts;
    QAction* m_glossary;
    QAction* m_about;
};

} // namespace lab
