#pragma once
// View > Language: System, English, 中文 and bilingual, switchable while the window runs. On
// QEvent::LanguageChange the menu translates again every text the window's widgets, actions,
// tabs, headers and drawings show (see retranslateTree), so panels need no code of their own.

#include "gui/i18n/Language.h"

#include <QMenu>

class QActionGroup;

namespace lab {

class LanguageMenu final : public QMenu {
    Q_OBJECT
public:
    /// A menu whose switches apply to window (its tree is translated again after each).
    explicit LanguageMenu(QWidget* window);

    /// The action that chooses language.
    QAction* action(UiLanguage language) const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* m_window;
    QActionGroup* m_choices;
};

/// Translates again, in the language now in effect, every text under root that came from the
/// catalogue: window titles, tool tips, accessible names, labels, buttons, actions (menus'
/// titles included), tab texts, item views' headers, charts' titles and drawn texts.
void retranslateTree(QWidget& root);

} // namespace lab
