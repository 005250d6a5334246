#include "profilestore.h"

#include <QCoreApplication>
#include <QStandardPaths>

namespace gl {

QString defaultProfilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/greenlight/profile.db";
}

const Schema &ProfileStore::schema()
{
    static const Schema schema {
        QStringLiteral("profile"),
        {
            // 1: meta and recently opened environment files. Times are ISO 8601 UTC text.
            {
                QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT)"),
                QStringLiteral(
                    "CREATE TABLE recent_environments (path TEXT PRIMARY KEY NOT NULL, opened_at TEXT NOT NULL)"),
            },
        },
    };
    return schema;
}

ProfileStore::ProfileStore(Database database)
    : m_database(std::move(database))
{ }

Result<ProfileStore> ProfileStore::open(const QString &path)
{
    Result<Database> database = Database::open(path, schema(), Durability::Normal);
    if (!database)
        return database.error();
    return Result<ProfileStore>(ProfileStore(std::move(database).value()));
}

Result<QString> ProfileStore::meta(const QString &key) const
{
    Result<QSqlQuery> query = m_database.exec(QStringLiteral("SELECT value FROM meta WHERE key = ?"), { key });
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::NotFound,
            QCoreApplication::translate("gl::ProfileStore", "The profile has no value for %1.").arg(key));
    return query->value(0).toString();
}

Status ProfileStore::setMeta(const QString &key, const QString &value)
{
    const Result<QSqlQuery> query = m_database.exec(
        QStringLiteral(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        { key, value });
    if (!query)
        return query.error();
    return {};
}

Status ProfileStore::touchRecentEnvironment(const QString &path, const QDateTime &at)
{
    const Result<QSqlQuery> query
        = m_database.exec(QStringLiteral("INSERT INTO recent_environments (path, opened_at) VALUES (?, ?)"
                                         " ON CONFLICT (path) DO UPDATE SET opened_at = excluded.opened_at"),
            { path, at.toUTC().toString(Qt::ISODateWithMs) });
    if (!query)
        return query.error();
    return {};
}

Result<QStringList> ProfileStore::recentEnvironments(int limit) const
{
    Result<QSqlQuery> query = m_database.exec(
        QStringLiteral("SELECT path FROM recent_environments ORDER BY opened_at DESC, path LIMIT ?"), { limit });
    if (!query)
        return query.error();
    QStringList paths;
    while (query->next())
        paths << query->value(0).toString();
    return paths;
}

} // namespace gl
