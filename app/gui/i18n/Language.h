#pragma once
// The language of the window: English (the source), Simplified Chinese from Qt Linguist's
// catalogue (app/translations/, built into the program), or bilingual: Chinese, with Docker's
// own state words kept and glossed ("paused（已暂停）"). Docker's output stays in English.

#include <QString>

namespace lab {

/// What View > Language offers. System follows the system locale (Chinese or English).
enum class UiLanguage { System, English, Chinese, Bilingual };

/// The language as QSettings keeps it: "system", "en", "zh_CN", "bilingual".
QString languageKey(UiLanguage language);
/// The language chosen last (QSettings), System when none or unknown.
UiLanguage savedLanguage();
/// What System means here: Chinese when the locale (the system's unless the program set
/// another) is Chinese, English otherwise.
UiLanguage resolvedLanguage(UiLanguage language);

/// Remembers language in QSettings for the next start.
void saveLanguage(UiLanguage language);

/// Installs the catalogue for language (once installed, later calls replace it) and lets Qt
/// send QEvent::LanguageChange to every widget. Needs a QCoreApplication.
void applyLanguage(UiLanguage language);
/// The language in effect (never System).
UiLanguage currentLanguage();

/// The text a widget shows for a string the catalogue translated (or passed through), in the
/// language now in effect; an empty string when shown came from no translated source (a name,
/// a number, Docker's output). Lets widgets built before a switch follow it.
QString retranslated(const QString& shown);

} // namespace lab
