#include "database.h"

#include "storage/heldfiles.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace gl {
namespace {

const QString kDriver = QStringLiteral("QSQLITE");
// A connection whose files were detached under it is opened again at most this often (a failing reopen is not
// retried on every statement of a 5 ms poll).
constexpr qint64 kReopenEveryMs = 1000;

// Primary SQLite result codes (sqlite3.h), as reported by QSqlError::nativeErrorCode().
enum SqliteCode {
    SqlitePerm = 3,
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteIoErr = 10,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteConstraint = 19,
    SqliteNotADb = 26,
};

// The translation context of this file's messages; lupdate reads it from Q_DECLARE_TR_FUNCTIONS.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::Database)
};

QString uniqueConnectionName(const QString &purpose)
{
    static std::atomic<quint64> counter {0};
    return QStringLiteral("greenlight-%1-%2").arg(purpose).arg(++counter);
}

int sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

ErrorCode errorCodeFor(const QSqlError &error)
{
    switch (sqliteCode(error)) {
    case SqliteBusy:
    case SqliteLocked:
        return ErrorCode::Locked;
    case SqliteReadOnly:
        return ErrorCode::ReadOnly;
    case SqliteCorrupt:
    case SqliteNotADb:
        return ErrorCode::Corrupt;
    case SqliteConstraint:
        return ErrorCode::Conflict;
    case SqlitePerm:
        return ErrorCode::PermissionDenied;
    default:
        return ErrorCode::Io;
    }
}

QString describe(const QSqlError &error)
{
    return error.text() + u" [sqlite " + error.nativeErrorCode() + u']';
}

// Whether this process may write `path` (for a folder: create files in it).
// root passes access() whatever the mode bits say; the bits are honoured as well so that a file or folder
// someone made read-only on purpose stays untouched even when Greenlight runs as root.
bool isWritable(const QString &path, bool directory)
{
    const QByteArray native = QFile::encodeName(path);
    if (::access(native.constData(), directory ? (W_OK | X_OK) : W_OK) != 0)
        return false;
    struct stat info { };
    if (::stat(native.constData(), &info) != 0)
        return false;
    const mode_t writeBits = info.st_uid == ::geteuid() ? mode_t(S_IWUSR) : mode_t(S_IWUSR | S_IWGRP | S_IWOTH);
    return (info.st_mode & writeBits) != 0;
}

Error readOnlyError(const QString &path, const QString &detail)
{
    return makeError(ErrorCode::ReadOnly,
        Tr::tr("%1 cannot be written: the file or its folder is read-only. Greenlight needs to write the database "
               "and its -wal and -shm files beside it. Nothing was changed.")
            .arg(QDir::toNativeSeparators(path)),
        detail);
}

Error corruptError(const QString &path, const QString &detail)
{
    return makeError(ErrorCode::Corrupt,
        Tr::tr("%1 is damaged and cannot be used. It was left unchanged; restore it from a backup or move it aside.")
            .arg(QDir::toNativeSeparators(path)),
        detail);
}

// Checks that an existing file and everything SQLite will write beside it are writable.
Status checkWritable(const QString &path)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!isWritable(folder, true))
        return readOnlyError(path, QStringLiteral("folder %1 is not writable").arg(folder));
    if (QFileInfo::exists(path) && !isWritable(path, false))
        return readOnlyError(path, QStringLiteral("file is not writable"));
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        const QString companion = path + QLatin1String(suffix);
        if (QFileInfo::exists(companion) && !isWritable(companion, false))
            return readOnlyError(path, QStringLiteral("%1 is not writable").arg(companion));
    }
    return {};
}

// Creates the folder of a new database file, or says why it cannot. The nearest existing ancestor is checked
// first, so that a read-only folder is not written into even by root.
Status preparePath(const QString &path)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QFileInfo(folder).isDir()) {
        QFileInfo ancestor(folder);
        while (!ancestor.exists() && !ancestor.isRoot())
            ancestor.setFile(ancestor.absolutePath());
        if (!ancestor.isDir() || !isWritable(ancestor.absoluteFilePath(), true))
            return readOnlyError(
                path, QStringLiteral("cannot create folder %1 in %2").arg(folder, ancestor.absoluteFilePath()));
        if (!QDir().mkpath(folder))
            return makeError(ErrorCode::Io,
                Tr::tr("Could not create the folder %1 for the database.").arg(QDir::toNativeSeparators(folder)));
    }
    return checkWritable(path);
}

// Looks at an existing, non-empty file without changing it: the header, PRAGMA quick_check on a read-only
// connection, and the schema version it was written with.
//
// Everything is read through SQLite (a wrong header is SQLITE_NOTADB): this process opens no descriptor of its own
// on the file, which would drop every POSIX lock the process holds on it when closed (see docs/storage.md). Only
// called while this process has no connection on the file.
Result<int> inspectExisting(const QString &path)
{
    // Without a -wal file no process has the database open in WAL mode (the last connection to close deletes it),
    // and immutable=1 reads the main file without creating -wal or -shm beside it. With a -wal file, even an
    // empty one (another process has it open and has not written yet, or a crash), a plain read-only connection
    // takes SQLite's locks and reads the committed transactions in it: immutable=1 would read the main file
    // while another process checkpoints into it.
    const bool immutable = !QFileInfo::exists(path + u"-wal");
    QUrl uri = QUrl::fromLocalFile(path);
    uri.setQuery(immutable ? QStringLiteral("mode=ro&immutable=1") : QStringLiteral("mode=ro"));

    const QString name = uniqueConnectionName(QStringLiteral("inspect"));
    Result<int> result = makeError(ErrorCode::Unknown, QString());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(kDriver, name);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=%1")
                                 .arg(Database::kBusyTimeoutMs));
        db.setDatabaseName(QString::fromUtf8(uri.toEncoded()));
        if (!db.open()) {
            result = makeError(ErrorCode::Io, Tr::tr("Could not open %1.").arg(QDir::toNativeSeparators(path)),
                describe(db.lastError()));
        } else {
            result = [&]() -> Result<int> {
                QSqlQuery check(db);
                check.setForwardOnly(true);
                if (!check.exec(QStringLiteral("PRAGMA quick_check"))) {
                    const QSqlError error = check.lastError();
                    if (errorCodeFor(error) == ErrorCode::Corrupt)
                        return corruptError(path, describe(error));
                    return makeError(errorCodeFor(error),
                        Tr::tr("Could not check %1.").arg(QDir::toNativeSeparators(path)), describe(error));
                }
                QStringList problems;
                while (check.next() && problems.size() < 5)
                    problems << check.value(0).toString();
                if (problems != QStringList {QStringLiteral("ok")})
                    return corruptError(path, u"quick_check: " + problems.join(u"; "));
                check.finish();

                QSqlQuery version(db);
                if (!version.exec(QStringLiteral("PRAGMA user_version")) || !version.next())
                    return corruptError(path, describe(version.lastError()));
                return version.value(0).toInt();
            }();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

Error openError(const QString &absolute, const Error &error)
{
    return makeError(error.code,
        error.code == ErrorCode::Locked
            ? Tr::tr("%1 is in use by another program and could not be opened.").arg(QDir::toNativeSeparators(absolute))
            : Tr::tr("Could not open %1.").arg(QDir::toNativeSeparators(absolute)),
        error.detail);
}

Error newerSchemaError(const QString &path, int fileVersion, int knownVersion)
{
    return makeError(ErrorCode::NewerSchema,
        Tr::tr("%1 was written by a newer Greenlight (schema %2, this version knows %3). It was left unchanged; "
               "open it with that newer version.")
            .arg(QDir::toNativeSeparators(path))
            .arg(fileVersion)
            .arg(knownVersion));
}

// This process's files with a connection open on any thread. A file open here was inspected when it was first
// opened; it is not inspected again while open (that would only add a connection).
QMutex &registryMutex()
{
    static QMutex mutex;
    return mutex;
}

QHash<QString, int> &openFiles()
{
    static QHash<QString, int> files;
    return files;
}

bool isOpenInThisProcess(const QString &path)
{
    const QMutexLocker lock(&registryMutex());
    return openFiles().value(path) > 0;
}

void registerOpen(const QString &path, int delta)
{
    const QMutexLocker lock(&registryMutex());
    int &count = openFiles()[path];
    count += delta;
    if (count <= 0)
        openFiles().remove(path);
}

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    if (!db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

} // namespace

namespace detail {

// One QSqlDatabase connection of one thread on one file, shared by every Database handle the thread opened on it.
struct Connection {
    QString name;
    QString path;
    QString schemaName;
    int schemaVersion = 0;
    Durability durability = Durability::Full;
    int transactionDepth = 0;
    FileIdentity identity; // of the database file at the last open
    bool registered = false;
    // verifyFiles() found a file detached: the connection is opened again at its next use outside a transaction.
    bool stale = false;
    Error staleError;
    QElapsedTimer sinceReopen;
    int reopens = 0;

    Connection() = default;
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;
    ~Connection();
};

} // namespace detail

namespace {

// The connections of this thread by absolute path. The flag outlives the pool, for connections that a
// thread-local or static Database still holds while the thread's pool is destroyed.
thread_local bool t_poolGone = false;
struct Pool {
    QHash<QString, std::weak_ptr<detail::Connection>> byPath;
    Pool() = default;
    Pool(const Pool &) = delete;
    Pool &operator=(const Pool &) = delete;
    ~Pool() { t_poolGone = true; }
};

Pool &threadPool()
{
    thread_local Pool pool;
    return pool;
}

// The pragmas every Greenlight connection runs with, applied after it was (re)opened.
Status applyConnectionPragmas(const Database &database, Durability durability)
{
    for (const QString &pragma : {QStringLiteral("PRAGMA busy_timeout = %1").arg(Database::kBusyTimeoutMs),
             durability == Durability::Full ? QStringLiteral("PRAGMA synchronous = FULL")
                                            : QStringLiteral("PRAGMA synchronous = NORMAL"),
             QStringLiteral("PRAGMA foreign_keys = ON")}) {
        if (const Result<QSqlQuery> done = database.exec(pragma); !done)
            return done.error();
    }
    return {};
}

QString describeDetached(const QString &databasePath, const QList<DetachedFile> &detached)
{
    QStringList what;
    for (const DetachedFile &file : detached)
        what << (file.kind == DetachedFile::Kind::Deleted
                ? Tr::tr("%1 was deleted").arg(QFileInfo(file.path).fileName())
                : Tr::tr("%1 was replaced by another file").arg(QFileInfo(file.path).fileName()));
    return Tr::tr("%1 while Greenlight had %2 open; what this process wrote since may be lost. Greenlight stopped "
                  "using those files and opens the database again.")
        .arg(what.join(Tr::tr("; ")), QDir::toNativeSeparators(databasePath));
}

} // namespace

detail::Connection::~Connection()
{
    if (!name.isEmpty()) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (stale) {
                // Never checkpoint a WAL that was deleted under this connection into the file at the path: its
                // pages would overwrite what other processes committed since.
                if (sqlite3 *handle = sqliteHandle(db))
                    sqlite3_db_config(handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    if (registered)
        registerOpen(path, -1);
    if (!t_poolGone) {
        auto &byPath = threadPool().byPath;
        if (const auto found = byPath.constFind(path); found != byPath.cend() && found->expired())
            byPath.erase(found);
    }
}

Database::Database(std::shared_ptr<detail::Connection> connection)
    : m_connection(std::move(connection))
{ }

Database::Database(Database &&other) noexcept
    : m_connection(std::move(other.m_connection))
    , m_ownChanges(std::exchange(other.m_ownChanges, 0))
{ }

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        m_connection = std::move(other.m_connection);
        m_ownChanges = std::exchange(other.m_ownChanges, 0);
    }
    return *this;
}

Database::~Database() = default;

QString Database::path() const
{
    return m_connection ? m_connection->path : QString();
}

QString Database::connectionName() const
{
    return m_connection ? m_connection->name : QString();
}

int Database::schemaVersion() const
{
    return m_connection ? m_connection->schemaVersion : 0;
}

Durability Database::durability() const
{
    return m_connection ? m_connection->durability : Durability::Full;
}

long Database::handleCount() const
{
    return m_connection ? m_connection.use_count() : 0;
}

int Database::reopenCount() const
{
    return m_connection ? m_connection->reopens : 0;
}

QSqlDatabase Database::connection() const
{
    return usable();
}

QSqlDatabase Database::usable() const
{
    if (!m_connection)
        return {};
    detail::Connection &c = *m_connection;
    if (c.stale && c.transactionDepth == 0 && (!c.sinceReopen.isValid() || c.sinceReopen.elapsed() >= kReopenEveryMs)) {
        c.sinceReopen.start();
        {
            QSqlDatabase old = QSqlDatabase::database(c.name, false);
            if (sqlite3 *handle = sqliteHandle(old)) // see ~Connection(): never checkpoint a detached WAL
                sqlite3_db_config(handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
            old.close();
        }
        const FileIdentity now = fileIdentity(c.path);
        if (!now.exists()) {
            qCWarning(lcStorage) << "Cannot reopen" << c.path << ": the file is gone";
        } else {
            QSqlDatabase db = QSqlDatabase::database(c.name, false);
            if (!db.open()) {
                qCWarning(lcStorage) << "Cannot reopen" << c.path << ":" << describe(db.lastError());
            } else {
                c.stale = false; // so that exec() below runs
                const Status pragmas = applyConnectionPragmas(*this, c.durability);
                Result<QSqlQuery> version = exec(QStringLiteral("PRAGMA user_version"));
                const int found = version && version->next() ? version->value(0).toInt() : -1;
                version = makeError(ErrorCode::Unknown, QString()); // release the statement
                if (!pragmas || found != c.schemaVersion) {
                    qCWarning(lcStorage) << "Reopened" << c.path << "is not usable: schema" << found << "expected"
                                         << c.schemaVersion;
                    c.stale = true;
                    db.close();
                } else {
                    c.identity = now;
                    ++c.reopens;
                    qCWarning(lcStorage) << "Reopened" << c.path << "after its files were detached";
                }
            }
        }
    }
    return QSqlDatabase::database(c.name, false);
}

Status Database::verifyFiles() const
{
    if (!m_connection)
        return {};
    detail::Connection &c = *m_connection;
    if (c.stale)
        return c.staleError;
    QList<DetachedFile> detached
        = findDetachedFiles({c.path, c.path + QStringLiteral("-wal"), c.path + QStringLiteral("-shm")});
    if (!std::any_of(detached.cbegin(), detached.cend(), [&](const DetachedFile &f) { return f.path == c.path; })) {
        // Also a database file renamed away and another put in its place (the old one is not "deleted").
        if (const FileIdentity now = fileIdentity(c.path); now != c.identity)
            detached.prepend({c.path, now.exists() ? DetachedFile::Kind::Replaced : DetachedFile::Kind::Deleted});
    }
    if (detached.isEmpty())
        return {};
    c.stale = true;
    c.sinceReopen.invalidate();
    QStringList names;
    for (const DetachedFile &file : detached)
        names << file.path + (file.kind == DetachedFile::Kind::Deleted ? u" deleted" : u" replaced");
    c.staleError = makeError(ErrorCode::Detached, describeDetached(c.path, detached), names.join(u", "));
    qCWarning(lcStorage).noquote() << "Files detached under" << c.name << ":" << c.staleError.detail;
    return c.staleError;
}

qint64 Database::totalChanges() const
{
    if (!m_connection)
        return 0;
    sqlite3 *handle = sqliteHandle(QSqlDatabase::database(m_connection->name, false));
    return handle ? sqlite3_total_changes64(handle) : 0;
}

Result<Database> Database::open(const QString &path, const Schema &schema, Durability durability)
{
    if (path.isEmpty())
        return makeError(ErrorCode::InvalidArgument, Tr::tr("No database file was given."));
    const QString absolute = QFileInfo(path).absoluteFilePath();

    // This thread has the file open already: one more handle on the same connection.
    Pool &pool = threadPool();
    if (std::shared_ptr<detail::Connection> shared = pool.byPath.value(absolute).lock()) {
        if (shared->schemaName != schema.name)
            return makeError(ErrorCode::InvalidArgument,
                Tr::tr("Could not open %1.").arg(QDir::toNativeSeparators(absolute)),
                QStringLiteral("already open as %1, not %2").arg(shared->schemaName, schema.name));
        Database handle(std::move(shared));
        if (durability == Durability::Full && handle.m_connection->durability == Durability::Normal) {
            if (const Result<QSqlQuery> full = handle.exec(QStringLiteral("PRAGMA synchronous = FULL")); !full)
                return full.error();
            handle.m_connection->durability = Durability::Full;
        }
        // Another process (or this one, with a longer schema) may have changed the version since.
        if (const Status migrated = migrate(handle, schema); !migrated)
            return migrated.error();
        handle.m_connection->schemaVersion = std::max(handle.m_connection->schemaVersion, schema.version());
        handle.m_ownChanges = handle.totalChanges();
        return Result<Database>(std::move(handle));
    }

    const QFileInfo info(absolute);
    // Everything that can refuse the file happens before the first write.
    if (info.exists() && !info.isFile())
        return makeError(ErrorCode::Io, Tr::tr("%1 is not a file.").arg(QDir::toNativeSeparators(absolute)));
    if (const Status writable = preparePath(absolute); !writable) {
        qCWarning(lcStorage) << "Refusing" << absolute << ":" << writable.error().detail;
        return writable.error();
    }
    if (info.exists() && info.size() > 0 && !isOpenInThisProcess(absolute)) {
        const Result<int> existing = inspectExisting(absolute);
        if (!existing) {
            qCWarning(lcStorage) << "Refusing" << absolute << ":" << existing.error().detail;
            return existing.error();
        }
        if (*existing > schema.version()) {
            qCWarning(lcStorage) << "Refusing" << absolute << ": schema" << *existing << "is newer than" << schema.name
                                 << schema.version();
            return newerSchemaError(absolute, *existing, schema.version());
        }
    }

    const QString name = uniqueConnectionName(schema.name);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(kDriver, name);
        db.setDatabaseName(absolute);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
        if (!db.open()) {
            const QSqlError error = db.lastError();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return makeError(errorCodeFor(error), Tr::tr("Could not open %1.").arg(QDir::toNativeSeparators(absolute)),
                describe(error));
        }
    }
    auto connection = std::make_shared<detail::Connection>();
    connection->name = name;
    connection->path = absolute;
    connection->schemaName = schema.name;
    connection->durability = durability;
    connection->registered = true;
    registerOpen(absolute, +1);
    Database database(connection);

    const auto fail = [&](const Error &error) { return openError(absolute, error); };

    Result<QSqlQuery> pragma = database.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs));
    if (!pragma)
        return fail(pragma.error());
    // Switching a new file to WAL needs an exclusive lock, and SQLite answers SQLITE_BUSY at once (without its
    // busy handler) while another process opening the same new file holds a lock: retry for the busy timeout.
    QElapsedTimer waited;
    waited.start();
    while (true) {
        pragma = database.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        if (pragma || pragma.error().code != ErrorCode::Locked || waited.elapsed() >= kBusyTimeoutMs)
            break;
        QThread::msleep(5);
    }
    if (!pragma)
        return fail(pragma.error());
    if (!pragma->next() || pragma->value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0)
        return fail(makeError(
            ErrorCode::Io, QString(), QStringLiteral("journal_mode is %1, not wal").arg(pragma->value(0).toString())));
    pragma = makeError(ErrorCode::Unknown, QString()); // release the statement
    if (const Status pragmas = applyConnectionPragmas(database, durability); !pragmas)
        return fail(pragmas.error());

    if (const Status migrated = migrate(database, schema); !migrated)
        return migrated.error();
    connection->schemaVersion = schema.version();
    connection->identity = fileIdentity(absolute);
    pool.byPath.insert(absolute, connection);
    database.m_ownChanges = database.totalChanges();
    qCDebug(lcStorage) << "Opened" << absolute << "as" << name;
    return Result<Database>(std::move(database));
}

Status Database::migrate(Database &database, const Schema &schema)
{
    const QString absolute = database.path();
    Result<QSqlQuery> versionQuery = database.exec(QStringLiteral("PRAGMA user_version"));
    if (!versionQuery || !versionQuery->next())
        return openError(absolute,
            versionQuery ? makeError(ErrorCode::Io, QString(), QStringLiteral("no user_version"))
                         : versionQuery.error());
    const int current = versionQuery->value(0).toInt();
    versionQuery = makeError(ErrorCode::Unknown, QString()); // release the statement
    if (current > schema.version()) // another process upgraded it since inspectExisting()
        return newerSchemaError(absolute, current, schema.version());

    // Each migration runs in its own write transaction (BEGIN IMMEDIATE) that reads user_version again INSIDE
    // it: two processes opening a new file at the same instant take turns, and the second sees the version the
    // first committed instead of running the same migration again ("duplicate column"). A file already at
    // the latest version (the usual case) takes no write lock.
    while (current < schema.version()) {
        int from = -1;
        const Status migrated = database.transaction([&]() -> Status {
            Result<QSqlQuery> inside = database.exec(QStringLiteral("PRAGMA user_version"));
            if (!inside)
                return inside.error();
            if (!inside->next())
                return makeError(ErrorCode::Io, QString(), QStringLiteral("no user_version"));
            from = inside->value(0).toInt();
            inside = makeError(ErrorCode::Unknown, QString()); // release the statement
            if (from >= schema.version())
                return {}; // up to date (or newer: refused below)
            for (const QString &statement : schema.migrations.at(from)) {
                const Result<QSqlQuery> step = database.exec(statement);
                if (!step)
                    return step.error();
            }
            Result<QSqlQuery> violations = database.exec(QStringLiteral("PRAGMA foreign_key_check"));
            if (!violations)
                return violations.error();
            if (violations->next())
                return makeError(ErrorCode::Conflict, QString(),
                    QStringLiteral("foreign key violation in table %1").arg(violations->value(0).toString()));
            violations = makeError(ErrorCode::Unknown, QString());
            const Result<QSqlQuery> bump = database.exec(QStringLiteral("PRAGMA user_version = %1").arg(from + 1));
            if (!bump)
                return bump.error();
            return {};
        });
        if (!migrated) {
            if (from < 0) // could not even read the version
                return openError(absolute, migrated.error());
            qCWarning(lcStorage) << "Migration of" << absolute << "to" << schema.name << from + 1
                                 << "failed:" << migrated.error().detail;
            return makeError(migrated.error().code,
                Tr::tr("Could not update %1 to schema %2; it was left at schema %3.")
                    .arg(QDir::toNativeSeparators(absolute))
                    .arg(from + 1)
                    .arg(from),
                migrated.error().detail);
        }
        if (from > schema.version()) // another process upgraded it since inspectExisting()
            return newerSchemaError(absolute, from, schema.version());
        if (from == schema.version())
            break;
        qCInfo(lcStorage) << "Migrated" << absolute << "to" << schema.name << "schema" << from + 1;
    }
    return {};
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &bind) const
{
    QSqlDatabase db = usable();
    if (!db.isOpen()) {
        if (m_connection && m_connection->stale)
            return m_connection->staleError;
        return makeError(ErrorCode::InvalidArgument, Tr::tr("The database is not open."), sql);
    }
    // The handle of the connection this statement runs on (looked up once, not per count).
    sqlite3 *handle = sqliteHandle(db);
    const qint64 changesBefore = handle ? sqlite3_total_changes64(handle) : 0;
    const auto countOwnChanges = qScopeGuard([&] {
        if (handle)
            m_ownChanges += sqlite3_total_changes64(handle) - changesBefore;
    });
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        const QSqlError error = query.lastError();
        return makeError(errorCodeFor(error),
            Tr::tr("A database operation on %1 failed.").arg(QDir::toNativeSeparators(path())),
            describe(error) + u" in: " + sql);
    }
    for (const QVariant &value : bind)
        query.addBindValue(value);
    if (!query.exec()) {
        // The detail names the statement, never the bound values.
        const QSqlError error = query.lastError();
        return makeError(errorCodeFor(error),
            Tr::tr("A database operation on %1 failed.").arg(QDir::toNativeSeparators(path())),
            describe(error) + u" in: " + sql);
    }
    return Result<QSqlQuery>(std::move(query));
}

Status Database::withoutWaitingForDisk(const std::function<Status()> &work)
{
    const bool relax = durability() == Durability::Full && m_connection && m_connection->transactionDepth == 0;
    if (relax) {
        if (const Result<QSqlQuery> normal = exec(QStringLiteral("PRAGMA synchronous = NORMAL")); !normal)
            return normal.error();
    }
    Status result = work();
    if (relax) {
        if (const Result<QSqlQuery> full = exec(QStringLiteral("PRAGMA synchronous = FULL")); !full)
            return full.error();
    }
    return result;
}

Status Database::transaction(const std::function<Status()> &work)
{
    if (!m_connection)
        return makeError(ErrorCode::InvalidArgument, Tr::tr("The database is not open."));
    int &sharedDepth = m_connection->transactionDepth;
    const int depth = sharedDepth;
    const QString savepoint = QStringLiteral("gl_savepoint_%1").arg(depth);
    if (const Result<QSqlQuery> begin
        = exec(depth == 0 ? QStringLiteral("BEGIN IMMEDIATE") : u"SAVEPOINT " + savepoint);
        !begin)
        return begin.error();

    ++sharedDepth;
    Status result = work();
    --sharedDepth;

    if (result) {
        const Result<QSqlQuery> commit = exec(depth == 0 ? QStringLiteral("COMMIT") : u"RELEASE " + savepoint);
        if (commit)
            return {};
        result = commit.error();
    }
    if (depth == 0) {
        if (const Result<QSqlQuery> rollback = exec(QStringLiteral("ROLLBACK")); !rollback)
            qCWarning(lcStorage) << "Rollback failed on" << path() << ":" << rollback.error().detail;
    } else {
        const Result<QSqlQuery> rollback = exec(u"ROLLBACK TO " + savepoint);
        const Result<QSqlQuery> release = exec(u"RELEASE " + savepoint);
        if (!rollback || !release)
            qCWarning(lcStorage) << "Rollback to savepoint failed on" << path();
    }
    return result;
}

Result<QString> Database::metaValue(const QString &key, const QString &notFoundMessage) const
{
    Result<QSqlQuery> query = exec(QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key});
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::NotFound, notFoundMessage, key);
    return query->value(0).toString();
}

Result<qint64> Database::dataVersion() const
{
    Result<QSqlQuery> query = exec(QStringLiteral("PRAGMA data_version"));
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::Io, QStringLiteral("PRAGMA data_version returned no row"), path());
    const qint64 version = query->value(0).toLongLong();
    query = makeError(ErrorCode::Unknown, QString()); // release the statement
    // Commits by other handles on this thread's connection do not change data_version: count their rows.
    return version + (totalChanges() - m_ownChanges);
}

Status Database::setMetaValue(const QString &key, const QString &value)
{
    const Result<QSqlQuery> query = exec(
        QStringLiteral(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        {key, value});
    if (!query)
        return query.error();
    return {};
}

} // namespace gl
