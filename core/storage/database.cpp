#include "database.h"

#include "util/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace gl {
namespace {

const QString kDriver = QStringLiteral("QSQLITE");
const QByteArray kSqliteHeader("SQLite format 3\0", 16);

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
Result<int> inspectExisting(const QString &path)
{
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(
                ErrorCode::Io, Tr::tr("Could not read %1.").arg(QDir::toNativeSeparators(path)), file.errorString());
        if (file.read(kSqliteHeader.size()) != kSqliteHeader)
            return corruptError(path, QStringLiteral("not an SQLite 3 file (header mismatch)"));
    }

    // Without a -wal file nothing else has the database open in WAL mode, and immutable=1 reads the main file
    // without creating -wal or -shm beside it. With a -wal file (another process, or a crash) a plain read-only
    // connection reads the committed transactions in it; the -wal/-shm files already belong to SQLite then.
    const QFileInfo wal(path + u"-wal");
    const bool immutable = !wal.exists() || wal.size() == 0;
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

Error newerSchemaError(const QString &path, int fileVersion, int knownVersion)
{
    return makeError(ErrorCode::NewerSchema,
        Tr::tr("%1 was written by a newer Greenlight (schema %2, this version knows %3). It was left unchanged; "
               "open it with that newer version.")
            .arg(QDir::toNativeSeparators(path))
            .arg(fileVersion)
            .arg(knownVersion));
}

} // namespace

Database::Database(QString connectionName, QString path, int schemaVersion, Durability durability)
    : m_connectionName(std::move(connectionName))
    , m_path(std::move(path))
    , m_schemaVersion(schemaVersion)
    , m_durability(durability)
{ }

Database::Database(Database &&other) noexcept
    : m_connectionName(std::exchange(other.m_connectionName, QString()))
    , m_path(std::move(other.m_path))
    , m_schemaVersion(other.m_schemaVersion)
    , m_durability(other.m_durability)
    , m_transactionDepth(std::exchange(other.m_transactionDepth, 0))
{ }

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_connectionName = std::exchange(other.m_connectionName, QString());
        m_path = std::move(other.m_path);
        m_schemaVersion = other.m_schemaVersion;
        m_durability = other.m_durability;
        m_transactionDepth = std::exchange(other.m_transactionDepth, 0);
    }
    return *this;
}

Database::~Database()
{
    close();
}

void Database::close()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<Database> Database::open(const QString &path, const Schema &schema, Durability durability)
{
    if (path.isEmpty())
        return makeError(ErrorCode::InvalidArgument, Tr::tr("No database file was given."));
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QFileInfo info(absolute);

    // Everything that can refuse the file happens before the first write.
    if (info.exists() && !info.isFile())
        return makeError(ErrorCode::Io, Tr::tr("%1 is not a file.").arg(QDir::toNativeSeparators(absolute)));
    if (info.exists() && info.size() > 0) {
        QFile header(absolute);
        if (header.open(QIODevice::ReadOnly) && header.read(kSqliteHeader.size()) != kSqliteHeader) {
            qCWarning(lcStorage) << "Refusing" << absolute << ": not an SQLite 3 file";
            return corruptError(absolute, QStringLiteral("not an SQLite 3 file (header mismatch)"));
        }
    }
    if (const Status writable = preparePath(absolute); !writable) {
        qCWarning(lcStorage) << "Refusing" << absolute << ":" << writable.error().detail;
        return writable.error();
    }
    if (info.exists() && info.size() > 0) {
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
    Database database(name, absolute, 0, durability);

    const auto fail = [&](const Error &error) {
        return makeError(error.code,
            error.code == ErrorCode::Locked ? Tr::tr("%1 is in use by another program and could not be opened.")
                                                  .arg(QDir::toNativeSeparators(absolute))
                                            : Tr::tr("Could not open %1.").arg(QDir::toNativeSeparators(absolute)),
            error.detail);
    };

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
    pragma = database.exec(durability == Durability::Full ? QStringLiteral("PRAGMA synchronous = FULL")
                                                          : QStringLiteral("PRAGMA synchronous = NORMAL"));
    if (!pragma)
        return fail(pragma.error());
    pragma = database.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    if (!pragma)
        return fail(pragma.error());

    Result<QSqlQuery> versionQuery = database.exec(QStringLiteral("PRAGMA user_version"));
    if (!versionQuery || !versionQuery->next())
        return fail(versionQuery ? makeError(ErrorCode::Io, QString(), QStringLiteral("no user_version"))
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
                return fail(migrated.error());
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
    database.m_schemaVersion = schema.version();
    qCDebug(lcStorage) << "Opened" << absolute << "as" << database.m_connectionName;
    return Result<Database>(std::move(database));
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &bind) const
{
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return makeError(ErrorCode::InvalidArgument, Tr::tr("The database is not open."), sql);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        const QSqlError error = query.lastError();
        return makeError(errorCodeFor(error),
            Tr::tr("A database operation on %1 failed.").arg(QDir::toNativeSeparators(m_path)),
            describe(error) + u" in: " + sql);
    }
    for (const QVariant &value : bind)
        query.addBindValue(value);
    if (!query.exec()) {
        // The detail names the statement, never the bound values.
        const QSqlError error = query.lastError();
        return makeError(errorCodeFor(error),
            Tr::tr("A database operation on %1 failed.").arg(QDir::toNativeSeparators(m_path)),
            describe(error) + u" in: " + sql);
    }
    return Result<QSqlQuery>(std::move(query));
}

Status Database::withoutWaitingForDisk(const std::function<Status()> &work)
{
    const bool relax = m_durability == Durability::Full && m_transactionDepth == 0;
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
    const int depth = m_transactionDepth;
    const QString savepoint = QStringLiteral("gl_savepoint_%1").arg(depth);
    if (const Result<QSqlQuery> begin
        = exec(depth == 0 ? QStringLiteral("BEGIN IMMEDIATE") : u"SAVEPOINT " + savepoint);
        !begin)
        return begin.error();

    ++m_transactionDepth;
    Status result = work();
    --m_transactionDepth;

    if (result) {
        const Result<QSqlQuery> commit = exec(depth == 0 ? QStringLiteral("COMMIT") : u"RELEASE " + savepoint);
        if (commit)
            return {};
        result = commit.error();
    }
    if (depth == 0) {
        if (const Result<QSqlQuery> rollback = exec(QStringLiteral("ROLLBACK")); !rollback)
            qCWarning(lcStorage) << "Rollback failed on" << m_path << ":" << rollback.error().detail;
    } else {
        const Result<QSqlQuery> rollback = exec(u"ROLLBACK TO " + savepoint);
        const Result<QSqlQuery> release = exec(u"RELEASE " + savepoint);
        if (!rollback || !release)
            qCWarning(lcStorage) << "Rollback to savepoint failed on" << m_path;
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
        return makeError(ErrorCode::Io, QStringLiteral("PRAGMA data_version returned no row"), m_path);
    return query->value(0).toLongLong();
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
