#include "translations.h"

#include "logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace gl {
namespace {

std::unique_ptr<QTranslator> g_app;
std::unique_ptr<QTranslator> g_qt;

} // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("ko")};
}

QString resolveLanguage(const QString &setting, const QLocale &system)
{
    const QStringList shipped = availableLanguages();
    if (shipped.contains(setting))
        return setting;
    for (const QString &ui : system.uiLanguages()) {
        const QString code = ui.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
        if (shipped.contains(code))
            return code;
    }
    return QStringLiteral("en");
}

QString installTranslations(const QString &language)
{
    const QString lang = availableLanguages().contains(language) ? language : QStringLiteral("en");
    if (g_app)
        QCoreApplication::removeTranslator(g_app.get());
    if (g_qt)
        QCoreApplication::removeTranslator(g_qt.get());
    g_app = std::make_unique<QTranslator>();
    g_qt = std::make_unique<QTranslator>();

    if (g_app->load(QStringLiteral(":/i18n/greenlight_%1.qm").arg(lang)))
        QCoreApplication::installTranslator(g_app.get());
    else
        qCWarning(lcApp) << "no Greenlight translation for" << lang;

    if (lang != u"en") {
        const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        if (g_qt->load(QStringLiteral("qtbase_%1").arg(lang), qtDir))
            QCoreApplication::installTranslator(g_qt.get());
        else
            qCInfo(lcApp) << "Qt's own translation qtbase_" << lang << "not found in" << qtDir;
    }
    return lang;
}

} // namespace gl
