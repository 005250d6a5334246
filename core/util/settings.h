#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>

namespace gl {

// Typed access to the user's settings (QSettings, native format). Never holds a secret: secrets go to the
// CredentialStore (OS keychain).
class Settings final {
public:
    enum class Theme { System, Light, Dark };

    // The default location (~/.config/greenlight/greenlight.conf on Linux).
    Settings();
    // A specific file; for tests and for the CLI's --config.
    explicit Settings(const QString &iniPath);

    // "system", "en" or "ko".
    [[nodiscard]] QString language() const;
    void setLanguage(const QString &language);

    [[nodiscard]] Theme theme() const;
    void setTheme(Theme theme);

    // Environment files opened most recently first; at most 10.
    [[nodiscard]] QStringList recentEnvironments() const;
    void addRecentEnvironment(const QString &path);
    void removeRecentEnvironment(const QString &path);

    // The environment files open in the console when it last changed them (absolute paths, in the order they
    // were opened; paths only, never a secret), and which of them was current. Restored on the next start.
    [[nodiscard]] QStringList openEnvironments() const;
    void setOpenEnvironments(const QStringList &paths);
    [[nodiscard]] QString currentEnvironment() const;
    void setCurrentEnvironment(const QString &path);

    [[nodiscard]] QString fileName() const;
    void sync();

    static QString themeToString(Theme theme);
    static Theme themeFromString(const QString &text);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace gl
