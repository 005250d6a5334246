#pragma once

#include "util/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>
#include <memory>

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

namespace detail {
struct Connection;
}

// An open SQLite database file (QSQLITE driver) at the schema's latest version, in WAL mode with foreign keys on.
//
// One connection per file per thread: every Database a thread opens on the same file is a handle on one shared,
// uniquely named QSqlDatabase connection, which is removed when the thread's last handle goes. Like every
// QSqlDatabase connection it may only be used from the thread that opened it: a thread that needs the same file
// opens its own Database (and so gets its own connection). Queries returned by exec() must not outlive the
// Database. The rules every process follows with these files are in docs/storage.md.
//
// No descriptor on a database, -wal or -shm file is ever opened by Greenlight itself: on Linux, closing ANY
// descriptor of a file drops all of the process's POSIX locks on it, after which another process's SQLite takes
// itself for the last connection and checkpoints and deletes the WAL under this one. The header and the schema
// version of an existing file are read through SQLite, on a read-only connection, and only when this process
// does not have the file open yet.
//
// open() never modifies a file it refuses: a damaged file (Corrupt), a file from a newer Greenlight
// (NewerSchema) or a file or folder that cannot be written (ReadOnly) is left byte for byte as it was.
class Database final {
public:
    static constexpr int kBusyTimeoutMs = 5000;

    [[nodiscard]] static Result<Database> open(const QString &path, const Schema &schema, Durability durability);

    // Whether the files SQLite holds open for this database are still the ones at its path: none of the database,
    // its -wal or its -shm was deleted or replaced under this process (another program removed the WAL, a backup
    // tool renamed a copy over the file). A failure says which file and what that means, and marks the connection
    // to be closed and opened again at its next use (on this thread, outside a transaction), so that it reads and
    // writes the files at the path again. Reads /proc/self/fd: call it about once a second, not per statement.
    [[nodiscard]] Status verifyFiles() const;
    // How many times the connection was opened again after verifyFiles() failed.
    [[nodiscard]] int reopenCount() const;

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
    // Changes whenever somebody other than this handle commits to the file: another process or thread (SQLite's
    // PRAGMA data_version), or another Database handle on this thread's shared connection (the rows it changed,
    // sqlite3_total_changes64, less this handle's own). Cheap enough to poll every few milliseconds.
    [[nodiscard]] Result<qint64> dataVersion() const;

    [[nodiscard]] QString path() const;
    [[nodiscard]] QString connectionName() const;
    [[nodiscard]] int schemaVersion() const;
    [[nodiscard]] Durability durability() const;
    // The underlying connection, for code that needs QSqlDatabase directly (e.g. a QSqlQueryModel, an SQLite
    // function registered on the handle). A connection opened again after verifyFiles() failed is a new
    // QSqlDatabase under the same name: take it again rather than keeping it.
    [[nodiscard]] QSqlDatabase connection() const;
    // How many Database handles this thread has on this file's connection (1 for a handle alone on it).
    [[nodiscard]] long handleCount() const;

private:
    explicit Database(std::shared_ptr<detail::Connection> connection);
    // Brings the file to `schema`'s latest version (one transaction per migration), or says why not.
    [[nodiscard]] static Status migrate(Database &database, const Schema &schema);
    [[nodiscard]] QSqlDatabase usable() const;
    [[nodiscard]] qint64 totalChanges() const;

    std::shared_ptr<detail::Connection> m_connection;
    // Rows this handle changed (sqlite3_total_changes64 deltas around its own statements): dataVersion() counts
    // only the other handles' changes.
    mutable qint64 m_ownChanges = 0;
};

} // namespace gl
