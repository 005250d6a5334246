#include "settings.h"

#include <QFileInfo>

namespace gl {
namespace {
constexpr int kMaxRecent = 10;
const QString kLanguage = QStringLiteral("ui/language");
const QString kTheme = QStringLiteral("ui/theme");
const QString kRecent = QStringLiteral("environments/recent");
const QString kOpen = QStringLiteral("environments/open");
const QString kCurrent = QStringLiteral("environments/current");
} // namespace

Settings::Settings()
    : m_settings(std::make_unique<QSettings>(QStringLiteral("greenlight"), QStringLiteral("greenlight")))
{ }

Settings::Settings(const QString &iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{ }

QString Settings::language() const
{
    const QString value = m_settings->value(kLanguage, QStringLiteral("system")).toString();
    return (value == u"en" || value == u"ko") ? value : QStringLiteral("system");
}

void Settings::setLanguage(const QString &language)
{
    m_settings->setValue(kLanguage, language);
}

Settings::Theme Settings::theme() const
{
    return themeFromString(m_settings->value(kTheme).toString());
}

void Settings::setTheme(Theme theme)
{
    m_settings->setValue(kTheme, themeToString(theme));
}

QStringList Settings::recentEnvironments() const
{
    return m_settings->value(kRecent).toStringList();
}

void Settings::addRecentEnvironment(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList recent = recentEnvironments();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    m_settings->setValue(kRecent, recent);
}

void Settings::removeRecentEnvironment(const QString &path)
{
    QStringList recent = recentEnvironments();
    recent.removeAll(QFileInfo(path).absoluteFilePath());
    m_settings->setValue(kRecent, recent);
}

QStringList Settings::openEnvironments() const
{
    return m_settings->value(kOpen).toStringList();
}

void Settings::setOpenEnvironments(const QStringList &paths)
{
    QStringList absolute;
    for (const QString &path : paths) {
        const QString file = QFileInfo(path).absoluteFilePath();
        if (!absolute.contains(file))
            absolute << file;
    }
    if (absolute.isEmpty())
        m_settings->remove(kOpen);
    else
        m_settings->setValue(kOpen, absolute);
}

QString Settings::currentEnvironment() const
{
    return m_settings->value(kCurrent).toString();
}

void Settings::setCurrentEnvironment(const QString &path)
{
    if (path.isEmpty())
        m_settings->remove(kCurrent);
    else
        m_settings->setValue(kCurrent, QFileInfo(path).absoluteFilePath());
}

QString Settings::fileName() const
{
    return m_settings->fileName();
}

void Settings::sync()
{
    m_settings->sync();
}

QString Settings::themeToString(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

Settings::Theme Settings::themeFromString(const QString &text)
{
    if (text == u"light")
        return Theme::Light;
    if (text == u"dark")
        return Theme::Dark;
    return Theme::System;
}

} // namespace gl
