#include "gui/pages/PageDock.h"

#include "gui/diagram/DiagramItems.h"
#include "gui/diagram/LifecycleDiagram.h"
#include "gui/i18n/Language.h"
#include "gui/window/StepTimeline.h"

#include <QEvent>
#include <QMouseEvent>
#include <QTextBrowser>

namespace lab {

PageDock::PageDock(LifecycleDiagram& diagram, StepTimeline& timeline, QWidget* parent)
    : QDockWidget(tr("Reference"), parent), m_diagram(diagram), m_browser(new QTextBrowser(this)),
      m_book(PageBook::load()) {
    setObjectName(QStringLiteral("reference"));
    m_browser->setAccessibleName(tr("Reference page"));
    m_browser->setOpenLinks(false);
    setWidget(m_browser);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        showLink(url.toString().section(u':', 1)); // page:kind:key
    });
    // When the pictures show the refusal, not before: a played session keeps its surprise.
    connect(&timeline, &StepTimeline::stepShown, this, [this](const EngineStep& step) {
        if (step.reaction.refusal)
            showPage(PageKind::Refusal,
                     QString::fromUtf8(refusalName(*step.reaction.refusal).data()));
    });
    diagram.viewport()->installEventFilter(this);
    showIndex();
}

QString PageDock::language() const {
    return currentLanguage() == UiLanguage::English ? QStringLiteral("en")
                                                    : QStringLiteral("zh_CN");
}

void PageDock::showPage(PageKind kind, const QString& key) {
    if (!m_book) {
        m_browser->setPlainText(QString::fromStdString(m_book.error().message));
        return;
    }
    const Page* page = m_book->find(language(), kind, key);
    if (!page) {
        showIndex();
        return;
    }
    m_shown = pageKindName(kind) + u':' + key;
    m_browser->setHtml(pageHtml(*page) + QStringLiteral("<p><a href=\"page:glossary:\">%1</a></p>")
                                             .arg(tr("Glossary").toHtmlEscaped()));
    raise();
}

// The home page: every glossary term, by its title.
void PageDock::showIndex() {
    m_shown = QStringLiteral("glossary:");
    if (!m_book) {
        m_browser->setPlainText(QString::fromStdString(m_book.error().message));
        return;
    }
    QString html = QStringLiteral("<h3>%1</h3><p>%2</p><ul>")
                       .arg(tr("Glossary").toHtmlEscaped(),
                            tr("Click a state or an arrow of the lifecycle diagram to read about "
                               "it; a refused command opens its reason here.")
                                .toHtmlEscaped());
    for (const QString& key : m_book->keys(language(), PageKind::Glossary))
        html += QStringLiteral("<li><a href=\"page:glossary:%1\">%2</a></li>")
                    .arg(key, m_book->find(language(), PageKind::Glossary, key)->title);
    m_browser->setHtml(html + QStringLiteral("</ul>"));
}

// A click on a place or an arrow of the diagram opens its page.
bool PageDock::eventFilter(QObject* watched, QEvent* event) {
    // The type first: the diagram may be going away while other events still pass by.
    if (event->type() == QEvent::MouseButtonRelease && watched == m_diagram.viewport()) {
        const QPoint at = static_cast<QMouseEvent*>(event)->position().toPoint();
        for (QGraphicsItem* item : m_diagram.items(at)) {
            const auto* node = dynamic_cast<const NodeItem*>(item);
            // The two ends of a life are no state: the arrow under them may be meant.
            if (const auto state = node ? dockerState(node->node()) : std::nullopt) {
                showPage(PageKind::State, QString::fromUtf8(dockerName(*state).data()));
                break;
            }
            if (const auto* edge = dynamic_cast<const EdgeItem*>(item)) {
                showPage(PageKind::Edge, edgePageKey(edge->edge().source, edge->edge().target));
                break;
            }
        }
    }
    return QDockWidget::eventFilter(watched, event);
}

void PageDock::changeEvent(QEvent* event) {
    QDockWidget::changeEvent(event);
    if (event->type() != QEvent::LanguageChange)
        return;
    showLink(m_shown);
}

void PageDock::showLink(const QString& target) {
    const auto kind = pageKindNamed(target.section(u':', 0, 0));
    const QString key = target.section(u':', 1);
    if (kind && !key.isEmpty())
        showPage(*kind, key);
    else
        showIndex();
}

} // namespace lab
