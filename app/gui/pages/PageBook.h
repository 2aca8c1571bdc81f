#pragma once
// The reference pages: one for every state, every edge of the lifecycle diagram, every refusal
// and every glossary term, in every language, as data in lessons/pages/<language>/<kind>.json
// (built in under :/pages; the format is in lessons/README.md). Keys are the core's own
// identifiers, so a state, edge or refusal added to the core without a page is reported.

#include "base/Expected.h"
#include "machines/Lifecycle.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace lab {

/// What a page is about: states (dockerName), edges ("running->paused", nodeName), refusals
/// (refusalName), glossary terms.
enum class PageKind { State, Edge, Refusal, Glossary };
/// The kind's file name and link prefix: "state", "edge", "refusal", "glossary".
QString pageKindName(PageKind kind);
/// The kind of that name, if any.
std::optional<PageKind> pageKindNamed(const QString& name);

struct Page {
    QString title;
    QString text; ///< paragraphs separated by blank lines; `code`; [[kind:id|shown]] links
};

/// The languages pages are written in ("en", "zh_CN").
QStringList pageLanguages();
/// The page key of an edge between two places: "running->paused".
QString edgePageKey(LifecycleState source, LifecycleState target);
/// Every key the core asks a page for, for one kind (the glossary's are the files' own).
QStringList requiredPageKeys(PageKind kind);

/// Every page of every language.
class PageBook {
public:
    /// Reads directory/<language>/<kind>.json for every language and kind; the first file that
    /// is not valid JSON or has a page without title or text gives an error naming file and page.
    static Expected<PageBook> load(const QString& directory = QStringLiteral(":/pages"));

    /// The page, or nullptr.
    const Page* find(const QString& language, PageKind kind, const QString& key) const;
    /// Every page key of a kind in a language.
    QStringList keys(const QString& language, PageKind kind) const;
    /// What is wrong with the book as a whole, one line each (empty when nothing): a page the
    /// core needs but a language lacks, a key the core does not know, a link to no page.
    QStringList problems() const;

private:
    // language -> kind -> key -> page
    QMap<QString, QMap<PageKind, QMap<QString, Page>>> m_pages;
};

/// Text to HTML: paragraphs, `code`, and [[kind:id|shown]] links as <a href="page:kind:id">
/// ([[id]] and [[id|shown]] name a glossary term).
QString pageHtml(const Page& page);
/// The link targets of a text, as "kind:id".
QStringList pageLinks(const QString& text);

} // namespace lab
