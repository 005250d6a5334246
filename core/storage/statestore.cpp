#include "statestore.h"

#include <QCoreApplication>

namespace gl {

const Schema &StateStore::schema()
{
    static const Schema schema {
        QStringLiteral("state"),
        {
            // 1: meta, rollouts and their event trail. Times are ISO 8601 UTC text.
            {
                QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT)"),
                QStringLiteral("CREATE TABLE rollouts ("
                               " id INTEGER PRIMARY KEY,"
                               " version_from TEXT NOT NULL DEFAULT '',"
                               " version_to TEXT NOT NULL,"
                               " strategy TEXT NOT NULL,"
                               " state TEXT NOT NULL,"
                               " started_at TEXT NOT NULL,"
                               " started_by TEXT NOT NULL,"
                               " reason TEXT NOT NULL DEFAULT '')"),
                QStringLiteral("CREATE TABLE rollout_events ("
                               " id INTEGER PRIMARY KEY,"
                               " rollout_id INTEGER NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,"
                               " at TEXT NOT NULL,"
                               " actor TEXT NOT NULL,"
                               " kind TEXT NOT NULL,"
                               " detail TEXT NOT NULL DEFAULT '')"),
                QStringLiteral("CREATE INDEX rollout_events_by_rollout ON rollout_events (rollout_id, id)"),
            },
        },
    };
    return schema;
}

StateStore::StateStore(Database database)
    : m_database(std::move(database))
{ }

Result<StateStore> StateStore::open(const QString &path)
{
    Result<Database> database = Database::open(path, schema(), Durability::Full);
    if (!database)
        return database.error();
    return Result<StateStore>(StateStore(std::move(database).value()));
}

Result<QString> StateStore::meta(const QString &key) const
{
    Result<QSqlQuery> query = m_database.exec(QStringLiteral("SELECT value FROM meta WHERE key = ?"), { key });
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::NotFound,
            QCoreApplication::translate("gl::StateStore", "The state database has no value for %1.").arg(key));
    return query->value(0).toString();
}

Status StateStore::setMeta(const QString &key, const QString &value)
{
    const Result<QSqlQuery> query = m_database.exec(
        QStringLiteral(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        { key, value });
    if (!query)
        return query.error();
    return {};
}

} // namespace gl
