#include "storage/database.h"
#include "storage/heldfiles.h"
#include "storage/profilestore.h"
#include "storage/statestore.h"
#include "storage/walcheckpointer.h"
#include "testpaths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <optional>

using namespace gl;

namespace {

// A file's bytes and modification time, to prove a refused open left it alone.
struct Snapshot {
    QByteArray sha256;
    qint64 size = -1;
    QDateTime modified;

    bool operator==(const Snapshot &other) const = default;
};

Snapshot snapshot(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return {hash.result(), file.size(), QFileInfo(path).lastModified()};
}

// Moves a file's mtime into the past so that any write would show as a different mtime.
void ageFile(const QString &path)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.setFileTime(
        QDateTime(QDate(2020, 1, 2), QTime(3, 4, 5, 678), Qt::UTC), QFileDevice::FileModificationTime));
}

// A schema whose migration i creates table t<i+1> and records i+1 in `steps`, so the order can be checked.
Schema countingSchema(int migrations)
{
    Schema schema {QStringLiteral("test"), {}};
    schema.migrations.append(Migration {QStringLiteral("CREATE TABLE steps (n INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE t1 (id INTEGER PRIMARY KEY, value TEXT)"),
        QStringLiteral("INSERT INTO steps (n) VALUES (1)")});
    for (int i = 2; i <= migrations; ++i) {
        schema.migrations.append(
            Migration {QStringLiteral("CREATE TABLE t%1 (id INTEGER PRIMARY KEY, value TEXT)").arg(i),
                QStringLiteral("INSERT INTO steps (n) VALUES (%1)").arg(i)});
    }
    return schema;
}

QList<int> steps(const Database &db)
{
    QList<int> result;
    Result<QSqlQuery> query = db.exec(QStringLiteral("SELECT n FROM steps ORDER BY rowid"));
    if (!query)
        return {-1};
    while (query->next())
        result << query->value(0).toInt();
    return result;
}

QVariant pragma(const Database &db, const QString &name)
{
    Result<QSqlQuery> query = db.exec(u"PRAGMA " + name);
    if (!query || !query->next())
        return {};
    return query->value(0);
}

bool tableExists(const Database &db, const QString &table)
{
    Result<QSqlQuery> query
        = db.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?"), {table});
    return query && query->next() && query->value(0).toInt() == 1;
}

// user_version of a file read without Greenlight's open() (and without changing the file).
int fileUserVersion(const QString &path)
{
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
                version = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    return version;
}

// Creates a database at `path` with `schema` and some rows, then closes it (WAL checkpointed, -wal removed).
void createDatabase(const QString &path, const Schema &schema, int rows = 0)
{
    Result<Database> db = Database::open(path, schema, Durability::Full);
    QVERIFY2(db.ok(), qPrintable(db ? QString() : db.error().toString()));
    const Status filled = db->transaction([&]() -> Status {
        for (int i = 0; i < rows; ++i) {
            const Result<QSqlQuery> insert = db->exec(
                QStringLiteral("INSERT INTO t1 (value) VALUES (?)"), {QStringLiteral("row %1 ").arg(i).repeated(8)});
            if (!insert)
                return insert.error();
        }
        return {};
    });
    QVERIFY(filled.ok());
}

} // namespace

class TestDatabase : public QObject {
    Q_OBJECT

private slots:
    // A missing file is created (with its folders) and every migration runs once, in order, ending at user_version.
    void freshCreateAppliesMigrationsInOrder();
    // Reopening runs nothing again; a longer schema applies only the new migrations.
    void reopenIsIdempotentAndUpgradesIncrementally();
    // A failing migration rolls back entirely and the file stays at the previous version.
    void failingMigrationRollsBack_data();
    void failingMigrationRollsBack();
    // WAL, foreign keys, busy timeout and the requested synchronous level are really in effect.
    void pragmasAreSet_data();
    void pragmasAreSet();
    // A file that is not a sound SQLite database is refused as Corrupt and left byte for byte unchanged.
    void corruptFileIsRefusedUnchanged_data();
    void corruptFileIsRefusedUnchanged();
    // A file from a newer Greenlight is refused as NewerSchema, named in the message, and left unchanged.
    void newerSchemaIsRefusedUnchanged();
    // A newer version committed only to the -wal (another connection still open, or a crash) is still seen.
    void newerSchemaInWalIsSeen();
    // A read-only file is refused as ReadOnly before any write, even when the tests run as root.
    void readOnlyFileIsRefusedUnchanged();
    // A database in a read-only folder (no room for -wal/-shm) is refused as ReadOnly and left unchanged.
    void readOnlyDirectoryIsRefusedUnchanged();
    // A new database cannot be created in a read-only folder, and nothing is left behind.
    void readOnlyDirectoryRefusesNewFile();
    // transaction() commits on success, rolls back on error, and nested calls roll back only their part.
    void transactionCommitsAndRollsBack();
    // withoutWaitingForDisk() runs its work at synchronous=NORMAL and goes back to FULL, after an error too;
    // on a NORMAL database it changes nothing.
    void withoutWaitingForDiskRestoresFull();
    // Values go through bindings, never into SQL text; errors come back as values naming the file.
    void execBindsValuesAndReportsErrors();
    // One connection per file per thread: handles share it, moves hand it over, the last handle removes it; another
    // thread gets a connection of its own.
    void connectionsAreSharedPerThreadAndRemoved();
    // The root of the "one truth" bug: opening the same file again in a process that has it open (same thread,
    // another thread, a handle opened and dropped) never drops the process's locks, so another process closing its
    // last connection never checkpoints and deletes the -wal and -shm under it, and both see each other's commits.
    void anotherProcessNeverDeletesTheWalUnderUs_data();
    void anotherProcessNeverDeletesTheWalUnderUs();
    // dataVersion() changes for commits by another process and by another handle on the shared connection, not
    // for the handle's own.
    void dataVersionSeesOtherHandlesAndProcesses();
    // A -wal/-shm deleted or a database file replaced under the process is reported (Detached, naming the file)
    // and the connection opens the files at the path again at its next use; nothing is written to the old ones.
    void detachedFilesAreReportedAndReopened_data();
    void detachedFilesAreReportedAndReopened();
    // The checkpoint thread keeps one connection and checkpoints the WAL into the file.
    void walCheckpointerCheckpoints();
    // The state store creates its tables, uses FULL sync, and deleting a rollout cascades to its events.
    void stateStoreSchemaAndCascade();
    // The profile store lives under the user's data folder, uses NORMAL sync and keeps recent environments.
    void profileStoreSchemaAndRecents();
};

void TestDatabase::withoutWaitingForDiskRestoresFull()
{
    QTemporaryDir dir;
    Result<Database> db = Database::open(dir.filePath(QStringLiteral("sync.db")), countingSchema(1), Durability::Full);
    QVERIFY(db.ok());
    QCOMPARE(pragma(*db, QStringLiteral("synchronous")).toInt(), 2);
    int inside = -1;
    QVERIFY(db->withoutWaitingForDisk([&]() -> Status {
                  inside = pragma(*db, QStringLiteral("synchronous")).toInt();
                  return db->transaction([&]() -> Status {
                      return db->exec(QStringLiteral("INSERT INTO t1 DEFAULT VALUES")).ok()
                          ? Status {}
                          : makeError(ErrorCode::Io, QStringLiteral("insert"));
                  });
              }).ok());
    QCOMPARE(inside, 1);
    QCOMPARE(pragma(*db, QStringLiteral("synchronous")).toInt(), 2);
    const Status failed
        = db->withoutWaitingForDisk([&]() -> Status { return makeError(ErrorCode::Refused, QStringLiteral("no")); });
    QCOMPARE(failed.error().code, ErrorCode::Refused);
    QCOMPARE(pragma(*db, QStringLiteral("synchronous")).toInt(), 2);

    Result<Database> normal
        = Database::open(dir.filePath(QStringLiteral("normal.db")), countingSchema(1), Durability::Normal);
    QVERIFY(normal.ok());
    QVERIFY(normal
                ->withoutWaitingForDisk([&]() -> Status {
                    inside = pragma(*normal, QStringLiteral("synchronous")).toInt();
                    return {};
                })
                .ok());
    QCOMPARE(inside, 1);
    QCOMPARE(pragma(*normal, QStringLiteral("synchronous")).toInt(), 1);
}

void TestDatabase::freshCreateAppliesMigrationsInOrder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("nested/folders/fresh.db"));
    Result<Database> db = Database::open(path, countingSchema(3), Durability::Full);
    QVERIFY2(db.ok(), qPrintable(db ? QString() : db.error().toString()));
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(db->schemaVersion(), 3);
    QCOMPARE(pragma(*db, QStringLiteral("user_version")).toInt(), 3);
    QCOMPARE(steps(*db), (QList<int> {1, 2, 3}));
    QVERIFY(tableExists(*db, QStringLiteral("t3")));
    QCOMPARE(db->path(), QFileInfo(path).absoluteFilePath());
}

void TestDatabase::reopenIsIdempotentAndUpgradesIncrementally()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("reopen.db"));
    createDatabase(path, countingSchema(2));
    {
        Result<Database> again = Database::open(path, countingSchema(2), Durability::Full);
        QVERIFY(again.ok());
        QCOMPARE(steps(*again), (QList<int> {1, 2}));
    }
    {
        Result<Database> upgraded = Database::open(path, countingSchema(4), Durability::Full);
        QVERIFY(upgraded.ok());
        QCOMPARE(upgraded->schemaVersion(), 4);
        QCOMPARE(steps(*upgraded), (QList<int> {1, 2, 3, 4}));
    }
    Result<Database> last = Database::open(path, countingSchema(4), Durability::Normal);
    QVERIFY(last.ok());
    QCOMPARE(steps(*last), (QList<int> {1, 2, 3, 4}));
    QCOMPARE(pragma(*last, QStringLiteral("user_version")).toInt(), 4);
}

void TestDatabase::failingMigrationRollsBack_data()
{
    QTest::addColumn<QString>("failingStatement");
    QTest::addColumn<ErrorCode>("expectedCode");
    QTest::newRow("syntax error") << QStringLiteral("CREATE TABLEX broken (id)") << ErrorCode::Io;
    QTest::newRow("missing table") << QStringLiteral("INSERT INTO nowhere (n) VALUES (1)") << ErrorCode::Io;
    QTest::newRow("constraint") << QStringLiteral("INSERT INTO t2 (id, value) VALUES (1, 'again')")
                                << ErrorCode::Conflict;
    QTest::newRow("foreign key") << QStringLiteral("INSERT INTO child (parent) VALUES (42)") << ErrorCode::Conflict;
}

void TestDatabase::failingMigrationRollsBack()
{
    QFETCH(QString, failingStatement);
    QFETCH(ErrorCode, expectedCode);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rollback.db"));
    createDatabase(path, countingSchema(1));

    Schema schema = countingSchema(1);
    schema.migrations.append(Migration {QStringLiteral("CREATE TABLE t2 (id INTEGER PRIMARY KEY, value TEXT)"),
        QStringLiteral("CREATE TABLE child (parent INTEGER REFERENCES t2(id))"),
        QStringLiteral("INSERT INTO t2 (id, value) VALUES (1, 'first')"),
        QStringLiteral("INSERT INTO steps (n) VALUES (2)"), failingStatement});
    schema.migrations.append(countingSchema(3).migrations.at(2));

    const Result<Database> failed = Database::open(path, schema, Durability::Full);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, expectedCode);
    QVERIFY2(failed.error().message.contains(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())),
        qPrintable(failed.error().message));
    QVERIFY(failed.error().message.contains(u"schema 1"));

    QCOMPARE(fileUserVersion(path), 1);
    Result<Database> previous = Database::open(path, countingSchema(1), Durability::Full);
    QVERIFY(previous.ok());
    QCOMPARE(steps(*previous), (QList<int> {1}));
    QVERIFY(!tableExists(*previous, QStringLiteral("t2")));
    QVERIFY(!tableExists(*previous, QStringLiteral("child")));
}

void TestDatabase::pragmasAreSet_data()
{
    QTest::addColumn<Durability>("durability");
    QTest::addColumn<int>("synchronous");
    QTest::newRow("full") << Durability::Full << 2;
    QTest::newRow("normal") << Durability::Normal << 1;
}

void TestDatabase::pragmasAreSet()
{
    QFETCH(Durability, durability);
    QFETCH(int, synchronous);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pragmas.db"));
    Result<Database> db = Database::open(path, countingSchema(1), durability);
    QVERIFY(db.ok());
    QCOMPARE(db->durability(), durability);
    QCOMPARE(pragma(*db, QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(pragma(*db, QStringLiteral("foreign_keys")).toInt(), 1);
    QCOMPARE(pragma(*db, QStringLiteral("synchronous")).toInt(), synchronous);
    QCOMPARE(pragma(*db, QStringLiteral("busy_timeout")).toInt(), Database::kBusyTimeoutMs);
    // WAL really writes beside the file.
    QVERIFY(db->exec(QStringLiteral("INSERT INTO t1 (value) VALUES ('x')")).ok());
    QVERIFY(QFileInfo::exists(path + u"-wal"));
}

void TestDatabase::corruptFileIsRefusedUnchanged_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("random bytes") << QStringLiteral("random");
    QTest::newRow("text file") << QStringLiteral("text");
    QTest::newRow("truncated header") << QStringLiteral("truncated");
    QTest::newRow("damaged page") << QStringLiteral("page");
}

void TestDatabase::corruptFileIsRefusedUnchanged()
{
    QFETCH(QString, kind);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("corrupt.db"));
    QRandomGenerator random(20260101);
    if (kind == u"page") {
        createDatabase(path, countingSchema(2), 400);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const QByteArray header = file.read(100);
        QCOMPARE(header.left(16), QByteArray("SQLite format 3\0", 16));
        const int pageSize = (quint8(header.at(16)) << 8) | quint8(header.at(17));
        QVERIFY(file.size() >= 4 * pageSize);
        QByteArray garbage(pageSize, '\0');
        for (char &byte : garbage)
            byte = char(random.bounded(256));
        QVERIFY(file.seek(2 * pageSize)); // page 3: a b-tree page of the data
        QCOMPARE(file.write(garbage), qint64(pageSize));
    } else {
        QByteArray bytes;
        if (kind == u"random") {
            bytes.resize(8192);
            for (char &byte : bytes)
                byte = char(random.bounded(256));
        } else if (kind == u"text") {
            bytes = "name: production\nruntime_api: /run/haproxy.sock\n";
        } else {
            bytes = QByteArray("SQLite form");
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), qint64(bytes.size()));
    }
    ageFile(path);
    const Snapshot before = snapshot(path);
    const QStringList entriesBefore = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);

    const Result<Database> db = Database::open(path, countingSchema(3), Durability::Full);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, ErrorCode::Corrupt);
    QVERIFY2(db.error().message.contains(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())),
        qPrintable(db.error().message));
    QCOMPARE(snapshot(path), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), entriesBefore);
}

void TestDatabase::newerSchemaIsRefusedUnchanged()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("newer.db"));
    createDatabase(path, countingSchema(3));
    {
        Result<Database> db = Database::open(path, countingSchema(3), Durability::Full);
        QVERIFY(db.ok());
        QVERIFY(db->exec(QStringLiteral("PRAGMA user_version = 7")).ok());
    }
    QCOMPARE(fileUserVersion(path), 7);
    ageFile(path);
    const Snapshot before = snapshot(path);
    const QStringList entriesBefore = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);

    const Result<Database> db = Database::open(path, countingSchema(3), Durability::Full);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, ErrorCode::NewerSchema);
    QVERIFY2(db.error().message.contains(u"schema 7, this version knows 3"), qPrintable(db.error().message));
    QVERIFY(db.error().message.contains(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
    QCOMPARE(snapshot(path), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), entriesBefore);
}

void TestDatabase::newerSchemaInWalIsSeen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("walnewer.db"));
    createDatabase(path, countingSchema(3));
    const Snapshot mainBefore = snapshot(path);
    Result<Database> newer = Database::open(path, countingSchema(3), Durability::Full);
    QVERIFY(newer.ok());
    QVERIFY(newer->exec(QStringLiteral("PRAGMA user_version = 5")).ok());
    QVERIFY(QFileInfo(path + u"-wal").size() > 0);
    QCOMPARE(snapshot(path).sha256, mainBefore.sha256); // committed to the -wal only

    const Result<Database> db = Database::open(path, countingSchema(3), Durability::Full);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, ErrorCode::NewerSchema);
    QVERIFY2(db.error().message.contains(u"schema 5, this version knows 3"), qPrintable(db.error().message));
}

void TestDatabase::readOnlyFileIsRefusedUnchanged()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("readonly.db"));
    createDatabase(path, countingSchema(1), 10);
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther)); // 0444
    const auto restore = qScopeGuard([&] { QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner); });
    ageFile(path);
    const Snapshot before = snapshot(path);

    // As root, SQLite itself could write this file: only Greenlight's own check keeps it unchanged. Opening
    // with a longer schema would migrate (write) the file if the check let it through.
    const Result<Database> db = Database::open(path, countingSchema(2), Durability::Full);
    QVERIFY2(!db.ok(), "a 0444 file was opened for writing");
    QCOMPARE(db.error().code, ErrorCode::ReadOnly);
    QVERIFY(db.error().message.contains(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
    QCOMPARE(snapshot(path), before);
    QCOMPARE(fileUserVersion(path), 1);
}

void TestDatabase::readOnlyDirectoryIsRefusedUnchanged()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + u"/state.db";
    createDatabase(path, countingSchema(1), 10);
    QVERIFY(!QFileInfo::exists(path + u"-wal"));
    const QFile::Permissions readOnlyFolder
        = QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
    QVERIFY(QFile::setPermissions(folder, readOnlyFolder)); // 0555
    const auto restore
        = qScopeGuard([&] { QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner); });
    ageFile(path);
    const Snapshot before = snapshot(path);
    const QStringList entriesBefore = QDir(folder).entryList(QDir::Files | QDir::Hidden);

    const Result<Database> db = Database::open(path, countingSchema(2), Durability::Full);
    QVERIFY2(!db.ok(), "a database in a 0555 folder was opened for writing");
    QCOMPARE(db.error().code, ErrorCode::ReadOnly);
    QCOMPARE(snapshot(path), before);
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), entriesBefore);
}

void TestDatabase::readOnlyDirectoryRefusesNewFile()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
    const auto restore
        = qScopeGuard([&] { QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner); });

    const Result<Database> direct = Database::open(folder + u"/new.db", countingSchema(1), Durability::Normal);
    QVERIFY(!direct.ok());
    QCOMPARE(direct.error().code, ErrorCode::ReadOnly);
    const Result<Database> nested = Database::open(folder + u"/sub/new.db", countingSchema(1), Durability::Normal);
    QVERIFY(!nested.ok());
    QCOMPARE(nested.error().code, ErrorCode::ReadOnly);
    QVERIFY(QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
}

void TestDatabase::transactionCommitsAndRollsBack()
{
    QTemporaryDir dir;
    Result<Database> db = Database::open(dir.filePath(QStringLiteral("tx.db")), countingSchema(1), Durability::Full);
    QVERIFY(db.ok());
    const auto count = [&] {
        Result<QSqlQuery> query = db->exec(QStringLiteral("SELECT count(*) FROM t1"));
        return query && query->next() ? query->value(0).toInt() : -1;
    };
    const auto insert = [&](const QString &value) -> Status {
        const Result<QSqlQuery> query = db->exec(QStringLiteral("INSERT INTO t1 (value) VALUES (?)"), {value});
        if (!query)
            return query.error();
        return {};
    };

    QVERIFY(db->transaction([&] { return insert(QStringLiteral("kept")); }).ok());
    QCOMPARE(count(), 1);

    const Status failed = db->transaction([&]() -> Status {
        if (const Status s = insert(QStringLiteral("dropped")); !s)
            return s;
        return makeError(ErrorCode::Cancelled, QStringLiteral("stop"));
    });
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::Cancelled);
    QCOMPARE(count(), 1);

    const Status outer = db->transaction([&]() -> Status {
        if (const Status s = insert(QStringLiteral("outer")); !s)
            return s;
        const Status inner = db->transaction([&]() -> Status {
            if (const Status s = insert(QStringLiteral("inner")); !s)
                return s;
            return makeError(ErrorCode::Conflict, QStringLiteral("inner fails"));
        });
        return inner.ok() ? makeError(ErrorCode::Unknown, QStringLiteral("inner should fail")) : Status();
    });
    QVERIFY2(outer.ok(), qPrintable(outer ? QString() : outer.error().toString()));
    QCOMPARE(count(), 2);
    Result<QSqlQuery> values = db->exec(QStringLiteral("SELECT value FROM t1 ORDER BY id"));
    QVERIFY(values.ok());
    QStringList seen;
    while (values->next())
        seen << values->value(0).toString();
    QCOMPARE(seen, (QStringList {QStringLiteral("kept"), QStringLiteral("outer")}));
}

void TestDatabase::execBindsValuesAndReportsErrors()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bind.db"));
    Result<Database> db = Database::open(path, countingSchema(1), Durability::Full);
    QVERIFY(db.ok());
    const QString hostile = QStringLiteral("x'); DROP TABLE t1; -- \u2603");
    QVERIFY(db->exec(QStringLiteral("INSERT INTO t1 (value) VALUES (?)"), {hostile}).ok());
    Result<QSqlQuery> back = db->exec(QStringLiteral("SELECT value FROM t1 WHERE value = ?"), {hostile});
    QVERIFY(back.ok());
    QVERIFY(back->next());
    QCOMPARE(back->value(0).toString(), hostile);
    QVERIFY(tableExists(*db, QStringLiteral("t1")));

    const Result<QSqlQuery> bad = db->exec(QStringLiteral("SELECT nope FROM nowhere"));
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().message.contains(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
    QVERIFY(bad.error().detail.contains(u"nowhere"));

    const Result<QSqlQuery> duplicate = db->exec(QStringLiteral("INSERT INTO t1 (id, value) VALUES (1, 'a')"));
    QVERIFY(!duplicate.ok());
    QCOMPARE(duplicate.error().code, ErrorCode::Conflict);
}

void TestDatabase::connectionsAreSharedPerThreadAndRemoved()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("connections.db"));
    QString firstName;
    {
        Result<Database> first = Database::open(path, countingSchema(1), Durability::Full);
        Result<Database> second = Database::open(path, countingSchema(1), Durability::Full);
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(first->connectionName(), second->connectionName());
        QCOMPARE(first->handleCount(), 2);
        QVERIFY(QSqlDatabase::contains(first->connectionName()));
        firstName = first->connectionName();

        // Another thread opens a connection of its own on the same file.
        QString otherThreadName;
        bool otherThreadSawRow = false;
        QThread *other = QThread::create([&] {
            Result<Database> there = Database::open(path, countingSchema(1), Durability::Full);
            if (!there)
                return;
            otherThreadName = there->connectionName();
            (void)there->exec(QStringLiteral("INSERT INTO t1 (value) VALUES ('other thread')"));
            Result<QSqlQuery> count = there->exec(QStringLiteral("SELECT count(*) FROM t1"));
            otherThreadSawRow = count && count->next() && count->value(0).toInt() == 1;
        });
        other->start();
        QVERIFY(other->wait(10000));
        delete other;
        QVERIFY(!otherThreadName.isEmpty());
        QVERIFY(otherThreadName != firstName);
        QVERIFY(otherThreadSawRow);
        QVERIFY(!QSqlDatabase::contains(otherThreadName)); // removed with the thread's last handle
        QVERIFY(first->exec(QStringLiteral("DELETE FROM t1")).ok());

        // Both handles see each other's commits (one connection).
        QVERIFY(first->exec(QStringLiteral("INSERT INTO t1 (value) VALUES ('shared')")).ok());
        Result<QSqlQuery> seen = second->exec(QStringLiteral("SELECT count(*) FROM t1"));
        QVERIFY(seen.ok() && seen->next());
        QCOMPARE(seen->value(0).toInt(), 1);

        Database moved = std::move(first).value();
        QCOMPARE(moved.connectionName(), firstName);
        QVERIFY(first->connectionName().isEmpty());
        QVERIFY(moved.exec(QStringLiteral("SELECT 1")).ok());
        QVERIFY(!first->exec(QStringLiteral("SELECT 1")).ok());
        QCOMPARE(moved.handleCount(), 2);

        // A nested transaction through the other handle is a savepoint of the same transaction.
        const Status nested = moved.transaction([&]() -> Status {
            (void)moved.exec(QStringLiteral("INSERT INTO t1 (value) VALUES ('outer')"));
            return second->transaction([&]() -> Status {
                (void)second->exec(QStringLiteral("INSERT INTO t1 (value) VALUES ('inner')"));
                return makeError(ErrorCode::Conflict, QStringLiteral("inner fails"));
            });
        });
        QVERIFY(!nested.ok());
        Result<QSqlQuery> rows = moved.exec(QStringLiteral("SELECT count(*) FROM t1"));
        QVERIFY(rows && rows->next());
        QCOMPARE(rows->value(0).toInt(), 1); // 'shared' only: the inner failure rolled back the whole transaction
        rows = makeError(ErrorCode::Unknown, QString());
        second = makeError(ErrorCode::Unknown, QString()); // one handle left
        QVERIFY(QSqlDatabase::contains(firstName));
        QCOMPARE(moved.handleCount(), 1);
    }
    QVERIFY(!QSqlDatabase::contains(firstName));
    QVERIFY(QSqlDatabase::connectionNames().isEmpty());
}

void TestDatabase::stateStoreSchemaAndCascade()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("env/state.db"));
    Result<StateStore> store = StateStore::open(path);
    QVERIFY2(store.ok(), qPrintable(store ? QString() : store.error().toString()));
    Database &db = store->database();
    QCOMPARE(db.schemaVersion(), StateStore::schema().version());
    QCOMPARE(pragma(db, QStringLiteral("synchronous")).toInt(), 2);
    for (const QString &table : {QStringLiteral("meta"), QStringLiteral("rollouts"), QStringLiteral("rollout_events")})
        QVERIFY2(tableExists(db, table), qPrintable(table));

    QVERIFY(store->setMeta(QStringLiteral("environment"), QStringLiteral("staging")).ok());
    QVERIFY(store->setMeta(QStringLiteral("environment"), QStringLiteral("production")).ok());
    QCOMPARE(store->meta(QStringLiteral("environment")).valueOr(QString()), QStringLiteral("production"));
    QCOMPARE(store->meta(QStringLiteral("missing")).error().code, ErrorCode::NotFound);

    Result<QSqlQuery> rollout
        = db.exec(QStringLiteral(
                      "INSERT INTO rollouts (version_from, version_to, strategy, state, started_at, started_by, reason)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            {QStringLiteral("1.4.2"), QStringLiteral("1.5.0"), QStringLiteral("canary"), QStringLiteral("running"),
                QStringLiteral("2026-01-01T00:00:00.000Z"), QStringLiteral("alice"), QStringLiteral("weekly release")});
    QVERIFY2(rollout.ok(), qPrintable(rollout ? QString() : rollout.error().toString()));
    QVERIFY(rollout->next());
    const qint64 id = rollout->value(0).toLongLong();
    rollout = makeError(ErrorCode::Unknown, QString());
    for (const QString &kind : {QStringLiteral("started"), QStringLiteral("step")}) {
        QVERIFY(db.exec(QStringLiteral("INSERT INTO rollout_events (rollout_id, at, actor, kind) VALUES (?, ?, ?, ?)"),
                      {id, QStringLiteral("2026-01-01T00:00:01.000Z"), QStringLiteral("alice"), kind})
                    .ok());
    }
    // Foreign keys are enforced: an event for a rollout that does not exist is refused.
    const Result<QSqlQuery> orphan = db.exec(
        QStringLiteral("INSERT INTO rollout_events (rollout_id, at, actor, kind) VALUES (999, 'now', 'bob', 'x')"));
    QVERIFY(!orphan.ok());
    QCOMPARE(orphan.error().code, ErrorCode::Conflict);

    QVERIFY(db.exec(QStringLiteral("DELETE FROM rollouts WHERE id = ?"), {id}).ok());
    Result<QSqlQuery> left = db.exec(QStringLiteral("SELECT count(*) FROM rollout_events"));
    QVERIFY(left.ok() && left->next());
    QCOMPARE(left->value(0).toInt(), 0);
}

void TestDatabase::profileStoreSchemaAndRecents()
{
    QVERIFY(defaultProfilePath().endsWith(u"/greenlight/profile.db"));

    QTemporaryDir dir;
    Result<ProfileStore> store = ProfileStore::open(dir.filePath(QStringLiteral("profile.db")));
    QVERIFY(store.ok());
    QCOMPARE(store->database().schemaVersion(), ProfileStore::schema().version());
    QCOMPARE(pragma(store->database(), QStringLiteral("synchronous")).toInt(), 1);
    QVERIFY(tableExists(store->database(), QStringLiteral("recent_environments")));

    const QDateTime start(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC);
    QVERIFY(store->touchRecentEnvironment(QStringLiteral("/srv/a.yaml"), start).ok());
    QVERIFY(store->touchRecentEnvironment(QStringLiteral("/srv/b.yaml"), start.addSecs(60)).ok());
    QVERIFY(store->touchRecentEnvironment(QStringLiteral("/srv/a.yaml"), start.addSecs(120)).ok());
    QCOMPARE(store->recentEnvironments().valueOr({}),
        (QStringList {QStringLiteral("/srv/a.yaml"), QStringLiteral("/srv/b.yaml")}));
    QCOMPARE(store->recentEnvironments(1).valueOr({}), QStringList {QStringLiteral("/srv/a.yaml")});
}

namespace {

// Runs gl-sqlite-peer on `path` (another process using the file the way any SQLite program does).
QString runPeer(const QString &path, bool write)
{
    const QString peer = gl::test::builtExecutable(QStringLiteral("gl-sqlite-peer"));
    if (peer.isEmpty())
        return QStringLiteral("gl-sqlite-peer was not built");
    QProcess process;
    process.start(peer, write ? QStringList {path, QStringLiteral("write")} : QStringList {path});
    if (!process.waitForFinished(15000))
        return QStringLiteral("gl-sqlite-peer did not finish");
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QStringLiteral("gl-sqlite-peer failed: ") + QString::fromLocal8Bit(process.readAllStandardError());
    return {};
}

QString detachedText(const QString &path)
{
    QStringList names;
    for (const DetachedFile &file :
        findDetachedFiles({path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}))
        names << file.path + (file.kind == DetachedFile::Kind::Deleted ? u" (deleted)" : u" (replaced)");
    return names.join(u", ");
}

int countRows(const Database &db, const QString &table)
{
    Result<QSqlQuery> query = db.exec(QStringLiteral("SELECT count(*) FROM ") + table);
    return query && query->next() ? query->value(0).toInt() : -1;
}

} // namespace

void TestDatabase::anotherProcessNeverDeletesTheWalUnderUs_data()
{
    QTest::addColumn<QString>("secondOpen");
    QTest::newRow("second handle on this thread") << QStringLiteral("same thread");
    QTest::newRow("handle opened and dropped") << QStringLiteral("dropped");
    QTest::newRow("another thread opens it") << QStringLiteral("other thread");
}

void TestDatabase::anotherProcessNeverDeletesTheWalUnderUs()
{
    QFETCH(QString, secondOpen);
    QTemporaryDir dir;
    const QString path = QFileInfo(dir.filePath(QStringLiteral("shared.db"))).absoluteFilePath();
    createDatabase(path, countingSchema(1), 3);

    Result<Database> held = Database::open(path, countingSchema(1), Durability::Full);
    QVERIFY(held.ok());
    QVERIFY(held->exec(QStringLiteral("INSERT INTO t1 (value) VALUES ('before')")).ok());
    std::optional<Result<Database>> second;
    if (secondOpen == u"same thread") {
        second = Database::open(path, countingSchema(1), Durability::Full);
        QVERIFY(second->ok());
    } else if (secondOpen == u"dropped") {
        for (int i = 0; i < 3; ++i)
            QVERIFY(Database::open(path, countingSchema(1), Durability::Full).ok());
    } else {
        bool opened = false;
        QThread *other = QThread::create([&] {
            Result<Database> there = Database::open(path, countingSchema(1), Durability::Full);
            opened = there.ok() && countRows(*there, QStringLiteral("t1")) == 4;
        });
        other->start();
        QVERIFY(other->wait(10000));
        delete other;
        QVERIFY(opened);
    }

    // Another process opens, reads, writes and closes: its close must see that this process still has the file.
    QCOMPARE(runPeer(path, false), QString());
    QCOMPARE(runPeer(path, true), QString());
    QVERIFY2(QFileInfo::exists(path + u"-wal"), "the -wal was deleted while this process had the file open");
    QVERIFY2(QFileInfo::exists(path + u"-shm"), "the -shm was deleted while this process had the file open");
    QCOMPARE(detachedText(path), QString());
    QVERIFY(held->verifyFiles().ok());

    // One truth: the peer's row is here, and this process's next commit lands in the file the peer reads.
    QCOMPARE(countRows(*held, QStringLiteral("peer_rows")), 1);
    QVERIFY(held->exec(QStringLiteral("INSERT INTO t1 (value) VALUES ('after')")).ok());
    QCOMPARE(runPeer(path, true), QString());
    QCOMPARE(countRows(*held, QStringLiteral("peer_rows")), 2);
    QCOMPARE(countRows(*held, QStringLiteral("t1")), 5);
    QCOMPARE(held->reopenCount(), 0);
}

void TestDatabase::dataVersionSeesOtherHandlesAndProcesses()
{
    QTemporaryDir dir;
    const QString path = QFileInfo(dir.filePath(QStringLiteral("version.db"))).absoluteFilePath();
    Result<Database> mine = Database::open(path, countingSchema(1), Durability::Full);
    Result<Database> other = Database::open(path, countingSchema(1), Durability::Full);
    QVERIFY(mine.ok() && other.ok());
    const qint64 start = mine->dataVersion().valueOr(-1);
    QVERIFY(start >= 0);
    QVERIFY(mine->exec(QStringLiteral("INSERT INTO t1 (value) VALUES ('mine')")).ok());
    QCOMPARE(mine->dataVersion().valueOr(-1), start); // its own commit
    QVERIFY(other->exec(QStringLiteral("INSERT INTO t1 (value) VALUES ('other handle')")).ok());
    const qint64 afterHandle = mine->dataVersion().valueOr(-1);
    QVERIFY(afterHandle != start);
    QCOMPARE(runPeer(path, true), QString());
    QVERIFY(mine->dataVersion().valueOr(-1) != afterHandle);
}

void TestDatabase::detachedFilesAreReportedAndReopened_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("named");
    QTest::newRow("-wal and -shm deleted") << QStringLiteral("wal") << QStringLiteral("-wal");
    QTest::newRow("file replaced by rename") << QStringLiteral("replace") << QStringLiteral("detached.db");
}

void TestDatabase::detachedFilesAreReportedAndReopened()
{
    QFETCH(QString, what);
    QFETCH(QString, named);
    QTemporaryDir dir;
    const QString path = QFileInfo(dir.filePath(QStringLiteral("detached.db"))).absoluteFilePath();
    createDatabase(path, countingSchema(1), 2);
    Result<Database> db = Database::open(path, countingSchema(1), Durability::Full);
    QVERIFY(db.ok());
    QVERIFY(db->exec(QStringLiteral("INSERT INTO t1 (value) VALUES ('x')")).ok());
    QVERIFY(db->verifyFiles().ok());

    if (what == u"wal") {
        // What a careless script or another program's last close does.
        QVERIFY(QFile::remove(path + u"-wal"));
        QVERIFY(QFile::remove(path + u"-shm"));
    } else {
        const QString copy = dir.filePath(QStringLiteral("copy.db"));
        createDatabase(copy, countingSchema(1), 7);
        // A backup restored over the file while it is open: the file and its -wal/-shm replaced as a set.
        QVERIFY(::rename(QFile::encodeName(copy).constData(), QFile::encodeName(path).constData()) == 0);
        QVERIFY(QFile::remove(path + u"-wal"));
        QVERIFY(QFile::remove(path + u"-shm"));
    }
    const Status files = db->verifyFiles();
    QVERIFY(!files.ok());
    QCOMPARE(files.error().code, ErrorCode::Detached);
    QVERIFY2(files.error().message.contains(named), qPrintable(files.error().message));
    QVERIFY2(files.error().message.contains(u"stopped using"), qPrintable(files.error().message));

    // The next use opens the files at the path again; what it writes is what any other process reads there.
    QVERIFY(db->exec(QStringLiteral("INSERT INTO t1 (value) VALUES ('after')")).ok());
    QCOMPARE(db->reopenCount(), 1);
    QVERIFY(db->verifyFiles().ok());
    QCOMPARE(detachedText(path), QString());
    QCOMPARE(runPeer(path, true), QString());
    QCOMPARE(countRows(*db, QStringLiteral("peer_rows")), 1);
    if (what == u"replace")
        QCOMPARE(countRows(*db, QStringLiteral("t1")), 8); // the new file's 7 rows and 'after'
}

void TestDatabase::walCheckpointerCheckpoints()
{
    QTemporaryDir dir;
    const QString path = QFileInfo(dir.filePath(QStringLiteral("checkpoint.db"))).absoluteFilePath();
    Result<Database> db = Database::open(path, countingSchema(1), Durability::Full);
    QVERIFY(db.ok());
    QVERIFY(db->exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0")).ok());
    for (int i = 0; i < 50; ++i)
        QVERIFY(db->exec(QStringLiteral("INSERT INTO t1 (value) VALUES (?)"), {QString(500, u'x')}).ok());
    const qint64 mainBefore = QFileInfo(path).size();
    {
        WalCheckpointer checkpointer(path, countingSchema(1));
        checkpointer.request();
        checkpointer.request(); // ignored while one runs, or a second one
        QTRY_VERIFY_WITH_TIMEOUT(checkpointer.done() >= 1 && !checkpointer.busy(), 10000);
    }
    QVERIFY(QFileInfo(path).size() > mainBefore); // the pages went from the WAL into the file
    QCOMPARE(detachedText(path), QString());
    QCOMPARE(countRows(*db, QStringLiteral("t1")), 50);
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
