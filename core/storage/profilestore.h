#pragma once

#include "storage/database.h"
#include "util/result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace gl {

// Where the user's profile database lives: $XDG_DATA_HOME/greenlight/profile.db
// (~/.local/share/greenlight/profile.db).
[[nodiscard]] QString defaultProfilePath();

// The per-user profile database: things about the user rather than an environment (recently opened
// environments, later UI state worth keeping). Rebuildable, so it runs with Durability::Normal.
// Later issues add tables by appending migrations to schema().
class ProfileStore final {
public:
    [[nodiscard]] static Result<ProfileStore> open(const QString &path);
    [[nodiscard]] static const Schema &schema();

    [[nodiscard]] Database &database() { return m_database; }
    [[nodiscard]] const Database &database() const { return m_database; }

    [[nodiscard]] Result<QString> meta(const QString &key) const;
    [[nodiscard]] Status setMeta(const QString &key, const QString &value);

    // Records that the environment file at `path` was opened at `at` (UTC).
    [[nodiscard]] Status touchRecentEnvironment(const QString &path, const QDateTime &at);
    // Environment files, most recently opened first.
    [[nodiscard]] Result<QStringList> recentEnvironments(int limit = 10) const;

private:
    explicit ProfileStore(Database database);

    Database m_database;
};

} // namespace gl
