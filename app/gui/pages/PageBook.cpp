#include "gui/pages/PageBook.h"

#include "gui/diagram/LifecycleGraph.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace lab {
namespace {

constexpr PageKind kKinds[] = {PageKind::State, PageKind::Edge, PageKind::Refusal,
                               PageKind::Glossary};

// [[target]] or [[target|shown]]; a target without "kind:" is a glossary term.
const QRegularExpression& linkPattern() {
    static const QRegularExpression pattern(QStringLiteral(R"(\[\[([^\]|]+)(?:\|([^\]]+))?\]\])"));
    return pattern;
}

QString qualified(const QString& target) {
    return target.contains(u':') ? target : QStringLiteral("glossary:") + target;
}

QString fromCore(std::string_view words) {
    return QString::fromUtf8(words.data(), qsizetype(words.size()));
}

Expected<QMap<QString, Page>> readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{path.toStdString() + ": cannot be read"};
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{QStringLiteral("%1: offset %2: %3")
                         .arg(path)
                         .arg(parseError.offset)
                         .arg(parseError.errorString())
                         .toStdString()};
    if (!document.isObject())
        return Error{path.toStdString() + ": expected an object of pages, keyed by identifier"};
    QMap<QString, Page> pages;
    const QJsonObject object = document.object();
    for (auto entry = object.begin(); entry != object.end(); ++entry) {
        const QJsonObject fields = entry.value().toObject();
        const QString title = fields.value(QStringLiteral("title")).toString();
        const QString text = fields.value(QStringLiteral("text")).toString();
        if (!entry.value().isObject() || title.isEmpty() || text.isEmpty())
            return Error{
                QStringLiteral("%1: page \"%2\": expected {\"title\": text, \"text\": text}")
                    .arg(path, entry.key())
                    .toStdString()};
        pages.insert(entry.key(), Page{title, text});
    }
    return pages;
}

} // namespace

QString pageKindName(PageKind kind) {
    switch (kind) {
    case PageKind::State:
        return QStringLiteral("state");
    case PageKind::Edge:
        return QStringLiteral("edge");
    case PageKind::Refusal:
        return QStringLiteral("refusal");
    case PageKind::Glossary:
        return QStringLiteral("glossary");
    }
    return {};
}

std::optional<PageKind> pageKindNamed(const QString& name) {
    for (PageKind kind : kKinds)
        if (pageKindName(kind) == name)
            return kind;
    return std::nullopt;
}

QStringList pageLanguages() {
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString edgePageKey(LifecycleState source, LifecycleState target) {
    return fromCore(nodeName(source)) + QStringLiteral("->") + fromCore(nodeName(target));
}

QStringList requiredPageKeys(PageKind kind) {
    QStringList keys;
    switch (kind) {
    case PageKind::State:
        for (ContainerState state : kContainerStates)
            keys << fromCore(dockerName(state));
        break;
    case PageKind::Edge:
        for (const LifecycleEdge& edge : lifecycleEdges())
            keys << edgePageKey(edge.source, edge.target);
        break;
    case PageKind::Refusal:
        for (Refusal refusal : kRefusals)
            keys << fromCore(refusalName(refusal));
        break;
    case PageKind::Glossary:
        break;
    }
    return keys;
}

Expected<PageBook> PageBook::load(const QString& directory) {
    PageBook book;
    for (const QString& language : pageLanguages())
        for (PageKind kind : kKinds) {
            auto pages = readFile(
                QStringLiteral("%1/%2/%3.json").arg(directory, language, pageKindName(kind)));
            if (!pages)
                return tl::unexpected(pages.error());
            book.m_pages[language][kind] = *std::move(pages);
        }
    return book;
}

const Page* PageBook::find(const QString& language, PageKind kind, const QString& key) const {
    const auto byLanguage = m_pages.constFind(language);
    if (byLanguage == m_pages.constEnd())
        return nullptr;
    const auto byKind = byLanguage->constFind(kind);
    if (byKind == byLanguage->constEnd())
        return nullptr;
    const auto page = byKind->constFind(key);
    return page == byKind->constEnd() ? nullptr : &*page;
}

QStringList PageBook::keys(const QString& language, PageKind kind) const {
    return m_pages.value(language).value(kind).keys();
}

QStringList PageBook::problems() const {
    QStringList problems;
    const QStringList glossary = keys(QStringLiteral("en"), PageKind::Glossary);
    for (const QString& language : pageLanguages())
        for (PageKind kind : kKinds) {
            const QString file = QStringLiteral("%1/%2.json").arg(language, pageKindName(kind));
            const QStringList wanted =
                kind == PageKind::Glossary ? glossary : requiredPageKeys(kind);
            for (const QString& key : wanted)
                if (!find(language, kind, key))
                    problems << QStringLiteral("%1: no page for \"%2\"").arg(file, key);
            for (const QString& key : keys(language, kind)) {
                if (!wanted.contains(key))
                    problems << QStringLiteral("%1: \"%2\" is no %3 the lab knows")
                                    .arg(file, key, pageKindName(kind));
                for (const QString& link : pageLinks(find(language, kind, key)->text)) {
                    const auto target = pageKindNamed(link.section(u':', 0, 0));
                    if (!target || !find(language, *target, link.section(u':', 1)))
                        problems << QStringLiteral("%1: page \"%2\" links to [[%3]], no page")
                                        .arg(file, key, link);
                }
            }
        }
    return problems;
}

QStringList pageLinks(const QString& text) {
    QStringList links;
    for (auto match = linkPattern().globalMatch(text); match.hasNext();)
        links << qualified(match.next().captured(1).trimmed());
    return links;
}

QString pageHtml(const Page& page) {
    static const QRegularExpression code(QStringLiteral("`([^`]+)`"));
    const auto escaped = [](const QString& text) {
        QString html = text.toHtmlEscaped();
        html.replace(code, QStringLiteral("<code>\\1</code>"));
        return html;
    };
    QString body;
    qsizetype done = 0;
    for (auto match = linkPattern().globalMatch(page.text); match.hasNext();) {
        const QRegularExpressionMatch link = match.next();
        const QString target = qualified(link.captured(1).trimmed());
        const QString shown =
            link.captured(2).isEmpty() ? target.section(u':', 1) : link.captured(2);
        body += escaped(page.text.mid(done, link.capturedStart() - done)) +
                QStringLiteral("<a href=\"page:%1\">%2</a>")
                    .arg(target.toHtmlEscaped(), shown.toHtmlEscaped());
        done = link.capturedEnd();
    }
    body += escaped(page.text.mid(done));
    body.replace(QStringLiteral("\n\n"), QStringLiteral("</p><p>"));
    return QStringLiteral("<h3>%1</h3><p>%2</p>").arg(page.title.toHtmlEscaped(), body);
}

} // namespace lab
