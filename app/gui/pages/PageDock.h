#pragma once
// The Reference dock: the page of a state or an edge when it is clicked on the lifecycle
// diagram, of a refusal when the pictures show Docker refusing a command, and the glossary its
// texts link to, in the language of the window (English, or Chinese in the Chinese and bilingual
// modes).

#include "gui/pages/PageBook.h"

#include <QDockWidget>

class QTextBrowser;

namespace lab {

class LifecycleDiagram;
class StepTimeline;

class PageDock final : public QDockWidget {
    Q_OBJECT
public:
    PageDock(LifecycleDiagram& diagram, StepTimeline& timeline, QWidget* parent = nullptr);

    /// Shows a page (raising the dock); the glossary's index when key names none.
    void showPage(PageKind kind, const QString& key);
    /// What is shown, as "kind:key" ("glossary:" for the index).
    QString shownPage() const { return m_shown; }
    QTextBrowser& browser() const { return *m_browser; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QString language() const;
    void showIndex();
    /// Shows "kind:key", or the index when that names no page.
    void showLink(const QString& target);

    LifecycleDiagram& m_diagram;
    QTextBrowser* m_browser;
    Expected<PageBook> m_book;
    QString m_shown;
};

} // namespace lab
