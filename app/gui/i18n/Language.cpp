#include "gui/i18n/Language.h"

#include <QCoreApplication>
#include <QHash>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTranslator>
#include <memory>

namespace lab {
namespace {

const QString kSettingsKey = QStringLiteral("language");

// The application's translator: it asks the loaded catalogue (none for English) and notes, for
// every text it hands out, which source it came from, so that a switch can translate again
// what widgets already show.
class RecordingTranslator final : public QTranslator {
public:
    void setCatalogue(std::unique_ptr<QTranslator> catalogue) {
        m_catalogue = std::move(catalogue);
    }

    QString translate(const char* context, const char* source, const char* disambiguation,
                      int n) const override {
        const QString translated =
            m_catalogue ? m_catalogue->translate(context, source, disambiguation, n) : QString();
        if (n < 0 && source)
            m_sources.insert(translated.isEmpty() ? QString::fromUtf8(source) : translated,
                             {context, source, disambiguation});
        return translated;
    }

    QString retranslate(const QString& shown) const {
        const auto found = m_sources.constFind(shown);
        if (found == m_sources.constEnd())
            return {};
        // A copy: translating notes the source again, which replaces the entry found.
        const Source source = *found;
        return QCoreApplication::translate(
            source.context.constData(), source.source.constData(),
            source.disambiguation.isEmpty() ? nullptr : source.disambiguation.constData());
    }

    bool isEmpty() const override { return false; } // it must be asked even for English

private:
    struct Source {
        QByteArray context, source, disambiguation;
    };
    std::unique_ptr<QTranslator> m_catalogue;
    mutable QHash<QString, Source> m_sources;
};

QPointer<RecordingTranslator> g_translator; // owned by the application: gone with it
std::unique_ptr<QTranslator> g_qtCatalogue; // Qt's own dialogs and buttons
UiLanguage g_current = UiLanguage::English;

std::unique_ptr<QTranslator> loaded(const QString& name, const QString& directory) {
    auto catalogue = std::make_unique<QTranslator>();
    if (!catalogue->load(name, directory))
        return nullptr;
    return catalogue;
}

} // namespace

QString languageKey(UiLanguage language) {
    switch (language) {
    case UiLanguage::System:
        return QStringLiteral("system");
    case UiLanguage::English:
        return QStringLiteral("en");
    case UiLanguage::Chinese:
        return QStringLiteral("zh_CN");
    case UiLanguage::Bilingual:
        return QStringLiteral("bilingual");
    }
    return {};
}

UiLanguage savedLanguage() {
    const QString key = QSettings().value(kSettingsKey).toString();
    for (UiLanguage language :
         {UiLanguage::System, UiLanguage::English, UiLanguage::Chinese, UiLanguage::Bilingual})
        if (languageKey(language) == key)
            return language;
    return UiLanguage::System;
}

UiLanguage resolvedLanguage(UiLanguage language) {
    if (language != UiLanguage::System)
        return language;
    return QLocale().language() == QLocale::Chinese ? UiLanguage::Chinese : UiLanguage::English;
}

void saveLanguage(UiLanguage language) {
    QSettings().setValue(kSettingsKey, languageKey(language));
}

void applyLanguage(UiLanguage language) {
    // What the rest of the window reads the language from (the lessons' texts, number formats)
    // is QLocale: a choice other than System becomes the default locale, System restores the
    // one the application started with.
    static const QLocale startingLocale;
    QLocale::setDefault(startingLocale);
    g_current = resolvedLanguage(language);
    if (language != UiLanguage::System)
        QLocale::setDefault(g_current == UiLanguage::English
                                ? QLocale(QLocale::English, QLocale::UnitedStates)
                                : QLocale(QLocale::Chinese, QLocale::China));
    const bool chinese = g_current != UiLanguage::English;
    if (!g_translator) {
        g_translator = new RecordingTranslator;
        g_translator->setParent(QCoreApplication::instance());
    }
    // Removing and installing again makes Qt post QEvent::LanguageChange to every widget.
    QCoreApplication::removeTranslator(g_translator);
    if (g_qtCatalogue)
        QCoreApplication::removeTranslator(g_qtCatalogue.get());
    g_translator->setCatalogue(
        chinese ? loaded(QStringLiteral("lifecycle-lab_zh_CN"), QStringLiteral(":/translations"))
                : nullptr);
    g_qtCatalogue = chinese ? loaded(QStringLiteral("qtbase_zh_CN"),
                                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))
                            : nullptr;
    if (g_qtCatalogue)
        QCoreApplication::installTranslator(g_qtCatalogue.get());
    QCoreApplication::installTranslator(g_translator);
}

UiLanguage currentLanguage() {
    return g_current;
}

QString retranslated(const QString& shown) {
    return g_translator ? g_translator->retranslate(shown) : QString();
}

} // namespace lab
