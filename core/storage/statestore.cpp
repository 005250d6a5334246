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
            // 2: the rollout engine (core/engine): a rollout's live state and plan, its operations (intent and
            // result of every HAProxy batch and hook), the action queue other processes write to, and the
            // engine lock (one engine per environment; a stale heartbeat lets the next engine take over).
            {
                QStringLiteral("ALTER TABLE rollouts ADD COLUMN goal TEXT NOT NULL DEFAULT 'complete'"),
                QStringLiteral("ALTER TABLE rollouts ADD COLUMN pause_reason TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("ALTER TABLE rollouts ADD COLUMN stable_colour TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("ALTER TABLE rollouts ADD COLUMN new_colour TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("ALTER TABLE rollouts ADD COLUMN step_index INTEGER NOT NULL DEFAULT -1"),
                QStringLiteral("ALTER TABLE rollouts ADD COLUMN step_count INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("ALTER TABLE rollouts ADD COLUMN desired_share REAL NOT NULL DEFAULT 0"),
                QStringLiteral("ALTER TABLE rollouts ADD COLUMN actual_share REAL NOT NULL DEFAULT -1"),
                QStringLiteral("ALTER TABLE rollouts ADD COLUMN message TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("ALTER TABLE rollouts ADD COLUMN plan TEXT NOT NULL DEFAULT '{}'"),
                QStringLiteral("ALTER TABLE rollouts ADD COLUMN updated_at TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("ALTER TABLE rollouts ADD COLUMN finished_at TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("ALTER TABLE rollouts ADD COLUMN revision INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("ALTER TABLE rollouts ADD COLUMN retry_of INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("CREATE TABLE rollout_ops ("
                               " id INTEGER PRIMARY KEY,"
                               " rollout_id INTEGER NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,"
                               " seq INTEGER NOT NULL,"
                               " kind TEXT NOT NULL,"
                               " params TEXT NOT NULL DEFAULT '{}',"
                               " status TEXT NOT NULL DEFAULT 'pending',"
                               " attempts INTEGER NOT NULL DEFAULT 0,"
                               " started_ms INTEGER NOT NULL DEFAULT 0,"
                               " started_at TEXT NOT NULL DEFAULT '',"
                               " finished_at TEXT NOT NULL DEFAULT '',"
                               " result TEXT NOT NULL DEFAULT '',"
                               " UNIQUE (rollout_id, seq))"),
                QStringLiteral("CREATE TABLE rollout_actions ("
                               " id INTEGER PRIMARY KEY,"
                               " rollout_id INTEGER NOT NULL DEFAULT 0,"
                               " action TEXT NOT NULL,"
                               " actor TEXT NOT NULL,"
                               " reason TEXT NOT NULL DEFAULT '',"
                               " params TEXT NOT NULL DEFAULT '{}',"
                               " requested_at TEXT NOT NULL,"
                               " status TEXT NOT NULL DEFAULT 'pending',"
                               " answered_at TEXT NOT NULL DEFAULT '',"
                               " answer TEXT NOT NULL DEFAULT '',"
                               " answer_rollout INTEGER NOT NULL DEFAULT 0)"),
                QStringLiteral("CREATE INDEX rollout_actions_pending ON rollout_actions (status, id)"),
                QStringLiteral("CREATE TABLE engine_lock ("
                               " id INTEGER PRIMARY KEY CHECK (id = 1),"
                               " owner TEXT NOT NULL,"
                               " pid INTEGER NOT NULL,"
                               " host TEXT NOT NULL,"
                               " acquired_at TEXT NOT NULL,"
                               " heartbeat_ms INTEGER NOT NULL)"),
            },
            // 3: SLI analysis (core/analysis): one row per analysis run (a rollout step's analysis or an
            // `analysis check`; rollout_id 0 when no rollout) and one per rule per evaluation, so users see why a
            // rollout passed or failed. NaN values are stored as NULL; +Inf/-Inf as SQLite's infinities.
            {
                QStringLiteral("CREATE TABLE analysis_runs ("
                               " id INTEGER PRIMARY KEY,"
                               " rollout_id INTEGER NOT NULL DEFAULT 0,"
                               " new_version TEXT NOT NULL,"
                               " stable_version TEXT NOT NULL DEFAULT '',"
                               " started_at TEXT NOT NULL,"
                               " finished_at TEXT NOT NULL DEFAULT '',"
                               " verdict TEXT NOT NULL DEFAULT 'pending',"
                               " reason TEXT NOT NULL DEFAULT '',"
                               " config TEXT NOT NULL DEFAULT '{}')"),
                QStringLiteral("CREATE INDEX analysis_runs_by_rollout ON analysis_runs (rollout_id, id)"),
                QStringLiteral("CREATE TABLE analysis_measurements ("
                               " id INTEGER PRIMARY KEY,"
                               " run_id INTEGER NOT NULL REFERENCES analysis_runs(id) ON DELETE CASCADE,"
                               " seq INTEGER NOT NULL,"
                               " at TEXT NOT NULL,"
                               " rule TEXT NOT NULL,"
                               " sli TEXT NOT NULL,"
                               " version TEXT NOT NULL,"
                               " stable_version TEXT NOT NULL DEFAULT '',"
                               " value REAL,"
                               " stable_value REAL,"
                               " threshold REAL,"
                               " comparison TEXT NOT NULL DEFAULT '',"
                               " requests REAL,"
                               " outcome TEXT NOT NULL,"
                               " verdict TEXT NOT NULL,"
                               " failures INTEGER NOT NULL DEFAULT 0,"
                               " reason TEXT NOT NULL DEFAULT '')"),
                QStringLiteral("CREATE INDEX analysis_measurements_by_run ON analysis_measurements (run_id, seq)"),
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
    return m_database.metaValue(
        key, QCoreApplication::translate("gl::StateStore", "The state database has no value for %1.").arg(key));
}

Status StateStore::setMeta(const QString &key, const QString &value)
{
    return m_database.setMetaValue(key, value);
}

} // namespace gl
