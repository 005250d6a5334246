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
            // 2: runbooks (core/runbooks): the local copy of the configured source folders, every imported
            // version, a full-text index, step-through sessions and DR drills. Sessions and drills name their
            // runbook by id and version and are never touched by a sync.
            {
                QStringLiteral("CREATE TABLE runbook_sources (path TEXT PRIMARY KEY NOT NULL, added_at TEXT NOT NULL)"),
                QStringLiteral("CREATE TABLE runbooks (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
                               " title TEXT NOT NULL, service TEXT NOT NULL DEFAULT '', owner TEXT NOT NULL DEFAULT '',"
                               " language TEXT NOT NULL DEFAULT 'en', tags TEXT NOT NULL DEFAULT '',"
                               " rto_s INTEGER NOT NULL DEFAULT 0, rpo_s INTEGER NOT NULL DEFAULT 0,"
                               " step_count INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL, path TEXT NOT NULL,"
                               " content_hash TEXT NOT NULL, version INTEGER NOT NULL, imported_at TEXT NOT NULL)"),
                QStringLiteral("CREATE TABLE runbook_versions (id TEXT NOT NULL, version INTEGER NOT NULL,"
                               " content_hash TEXT NOT NULL, file_name TEXT NOT NULL, content BLOB NOT NULL,"
                               " imported_at TEXT NOT NULL, PRIMARY KEY (id, version))"),
                QStringLiteral("CREATE VIRTUAL TABLE runbook_fts USING fts5(title, tags, body,"
                               " tokenize = 'porter unicode61 remove_diacritics 2')"),
                QStringLiteral(
                    "CREATE TABLE runbook_sessions (session_id INTEGER PRIMARY KEY, runbook_id TEXT NOT NULL,"
                    " version INTEGER NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,"
                    " current_step INTEGER NOT NULL DEFAULT 0, drill_id INTEGER)"),
                QStringLiteral("CREATE INDEX runbook_sessions_open ON runbook_sessions (runbook_id, finished_at)"),
                QStringLiteral("CREATE TABLE runbook_step_progress (session_id INTEGER NOT NULL"
                               " REFERENCES runbook_sessions (session_id) ON DELETE CASCADE, step INTEGER NOT NULL,"
                               " status TEXT NOT NULL DEFAULT 'pending', started_at TEXT, finished_at TEXT,"
                               " note TEXT NOT NULL DEFAULT '', checklist TEXT NOT NULL DEFAULT '',"
                               " PRIMARY KEY (session_id, step))"),
                QStringLiteral(
                    "CREATE TABLE drills (drill_id INTEGER PRIMARY KEY, runbook_id TEXT NOT NULL,"
                    " runbook_title TEXT NOT NULL, version INTEGER NOT NULL, session_id INTEGER,"
                    " scenario TEXT NOT NULL DEFAULT '', participants TEXT NOT NULL DEFAULT '',"
                    " rto_target_s INTEGER NOT NULL DEFAULT 0, rpo_target_s INTEGER NOT NULL DEFAULT 0,"
                    " started_at TEXT NOT NULL, ended_at TEXT, service_restored_at TEXT, restore_point TEXT)"),
                QStringLiteral("CREATE INDEX drills_runbook ON drills (runbook_id, started_at)"),
                QStringLiteral("CREATE TABLE drill_events (drill_id INTEGER NOT NULL REFERENCES drills (drill_id)"
                               " ON DELETE CASCADE, seq INTEGER NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL,"
                               " step INTEGER, status TEXT NOT NULL DEFAULT '', text TEXT NOT NULL DEFAULT '',"
                               " PRIMARY KEY (drill_id, seq))"),
            },
            // 3: a second, small full-text index over what identifies a runbook (title; tags, service, owner
            // and id; the step headings), ranked first by search (docs/runbooks.md, Search). Filled here from
            // what migration 2 stored; the headings are only in the stored files, so the next sync parses them
            // in (RunbookLibrary::sync, meta key runbook_headings_pending) - until then the title and tags rank.
            {
                QStringLiteral("CREATE VIRTUAL TABLE runbook_head_fts USING fts5(title, tags, headings,"
                               " tokenize = 'porter unicode61 remove_diacritics 2')"),
                QStringLiteral("INSERT INTO runbook_head_fts (rowid, title, tags, headings) SELECT rid, title,"
                               " tags || ' ' || service || ' ' || owner || ' ' || id, '' FROM runbooks"),
                QStringLiteral("INSERT INTO meta (key, value) SELECT 'runbook_headings_pending', '1'"
                               " WHERE EXISTS (SELECT 1 FROM runbooks)"),
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
    return m_database.metaValue(
        key, QCoreApplication::translate("gl::ProfileStore", "The profile has no value for %1.").arg(key));
}

Status ProfileStore::setMeta(const QString &key, const QString &value)
{
    return m_database.setMetaValue(key, value);
}

Status ProfileStore::touchRecentEnvironment(const QString &path, const QDateTime &at)
{
    const Result<QSqlQuery> query
        = m_database.exec(QStringLiteral("INSERT INTO recent_environments (path, opened_at) VALUES (?, ?)"
                                         " ON CONFLICT (path) DO UPDATE SET opened_at = excluded.opened_at"),
            {path, at.toUTC().toString(Qt::ISODateWithMs)});
    if (!query)
        return query.error();
    return {};
}

Result<QStringList> ProfileStore::recentEnvironments(int limit) const
{
    Result<QSqlQuery> query = m_database.exec(
        QStringLiteral("SELECT path FROM recent_environments ORDER BY opened_at DESC, path LIMIT ?"), {limit});
    if (!query)
        return query.error();
    QStringList paths;
    while (query->next())
        paths << query->value(0).toString();
    return paths;
}

} // namespace gl
