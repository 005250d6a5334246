#pragma once

#include "util/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>

namespace gl {

// One schema step: SQL statements run in order inside a single transaction that also bumps user_version.
using Migration = QStringList;

// What a database file should look like: a name (for logs and connection names) and the ordered migrations.
// Migration i (0-based) takes the file from user_version i to i + 1. Never edit or reorder a released
// migration; append a new one.
struct Schema {
    QString name;
    QList<Migration> migrations;

    [[nodiscard]] int version() const { return int(migrations.size()); }
};

// How hard SQLite works to keep the last commit across a power cut.
enum class Durability {
    Full, // synchronous=FULL: audit trail and rollout state, where losing the last commit matters
    Normal, // synchronous=NORMAL: caches and preferences; WAL keeps the file consistent either way
};

// An open SQLite database file (QSQLITE driver) at the schema's latest version, in WAL mode with foreign keys on.
//
// Each instance owns one uniquely named QSqlDatabase connection, removed when the instance is destroyed. Like
// every QSqlDatabase connection it may only be used from the thread that opened it: a thread that needs the
// same file opens its own Database. Queries returned by exec() must not outlive the Database.
//
// open() never modifies a file it refuses: a damaged file (Corrupt), a file from a newer Greenlight
// (NewerSchema) or a file or folder that cannot be written (ReadOnly) is left byte for byte as it was.
class Database final {
public:
    static constexpr int kBusyTimeoutMs = 5000;

    [[nodiscard]] static Result<Database> open(const QString &path, const Schema &schema, Durability durability);

    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    // Prepares `sql`, binds `bind` positionally (`?` placeholders) and runs it. Values always go through
    // `bind`, never into the SQL text. The query is forward-only; iterate with next().
    [[nodiscard]] Result<QSqlQuery> exec(const QString &sql, const QVariantList &bind = {}) const;

    // Runs `work` inside a transaction (BEGIN IMMEDIATE; a SAVEPOINT when nested) and commits when it returns
    // success; rolls back when it fails and returns its error.
    [[nodiscard]] Status transaction(const std::function<Status()> &work);
    // Runs `work` (statements or a transaction) with synchronous=NORMAL on a Durability::Full connection: its
    // commits do not wait for the disk. In WAL mode they survive a kill -9 of this process at once (the
    // frames are in the WAL file) and a power cut from the next synchronous=FULL commit on this file on, which
    // fsyncs the WAL with them. Back to FULL afterwards, whatever `work` returned (an error if that fails: the
    // connection must not be used for FULL work then).
    [[nodiscard]] Status withoutWaitingForDisk(const std::function<Status()> &work);

    // The key/value table `meta` that every Greenlight schema has. A missing key is ErrorCode::NotFound with
    // `notFoundMessage` (already translated) as the message.
    [[nodiscard]] Result<QString> metaValue(const QString &key, const QString &notFoundMessage) const;
    [[nodiscard]] Status setMetaValue(const QString &key, const QString &value);
    // SQLite's PRAGMA data_version: changes whenever ANOTHER connection (another process, or another connection
    // in this one) commits to the file. Cheap enough to poll every few milliseconds.
    [[nodiscard]] Result<qint64> dataVersion() const;

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QString connectionName() const { return m_connectionName; }
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }
    [[nodiscard]] Durability durability() const { return m_durability; }
    // The underlying connection, for code that needs QSqlDatabase directly (e.g. a QSqlQueryModel).
    [[nodiscard]] QSqlDatabase connection() const;

private:
    Database(QString connectionName, QString path, int schemaVersion, Durability durability);
    void close();

    QString m_connectionName;
    QString m_path;
    int m_schemaVersion = 0;
    Durability m_durability = Durability::Full;
    int m_transactionDepth = 0;
};

} // namespace gl
