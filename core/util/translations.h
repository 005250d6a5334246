#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace gl {

// The languages Greenlight ships, by code ("en", "ko").
[[nodiscard]] QStringList availableLanguages();

// The language to use for a setting: "system" picks the first shipped language in the system's
// preferred UI languages, falling back to English.
[[nodiscard]] QString resolveLanguage(const QString &setting, const QLocale &system = QLocale::system());

// Installs Greenlight's and Qt's own translations for `language` into the running application,
// replacing any installed before. Returns the language actually installed.
QString installTranslations(const QString &language);

} // namespace gl
