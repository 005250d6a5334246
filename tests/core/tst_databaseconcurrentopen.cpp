// Database::open from several PROCESSES at the same instant on a file that does not exist yet: the migrations
// run once, in order, and every process opens the file at the latest schema (none fails with "duplicate
// column" or "table already exists"). The test runs copies of itself as the competing processes.
#include "storage/database.h"
#include "storage/statestore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdio>

using namespace gl;

namespace {

const char kChildVariable[] = "GL_TST_CONCURRENT_OPEN_CHILD";

// A schema whose second migration fails when it runs twice (ADD COLUMN of a column that exists), like the
// state database's migration 2; `log` records every migration that ran, to count them.
Schema alteringSchema()
{
    return Schema {QStringLiteral("race"),
        {Migration {QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY)"),
             QStringLiteral("CREATE TABLE log (n INTEGER NOT NULL)"), QStringLiteral("INSERT INTO log VALUES (1)")},
            Migration {
                QStringLiteral("ALTER TABLE t ADD COLUMN extra TEXT"), QStringLiteral("INSERT INTO log VALUES (2)")},
            Migration {
                QStringLiteral("CREATE INDEX t_extra ON t (extra)"), QStringLiteral("INSERT INTO log VALUES (3)")}}};
}

// Child mode: waits until the given instant (ms since the epoch), opens the file, prints the outcome.
int runChild(const QString &kind, const QString &path, qint64 startAtMs)
{
    while (QDateTime::currentMSecsSinceEpoch() < startAtMs)
        QThread::usleep(200);
    if (kind == u"state") {
        const Result<StateStore> store = StateStore::open(path);
        std::printf("%s\n", store ? "ok" : qPrintable(store.error().toString()));
        return store ? 0 : 1;
    }
    const Result<Database> db = Database::open(path, alteringSchema(), Durability::Full);
    std::printf("%s\n", db ? "ok" : qPrintable(db.error().toString()));
    return db ? 0 : 1;
}

} // namespace

class TestDatabaseConcurrentOpen : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void concurrentOpen_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("schema with ALTER TABLE") << QStringLiteral("altering");
        QTest::newRow("the real state database") << QStringLiteral("state");
    }

    // Several processes opening the same NEW database at the same instant all succeed, and every migration ran
    // exactly once (repeated on fresh files, so that the processes really collide in the migrations).
    void concurrentOpen()
    {
        QFETCH(QString, kind);
        constexpr int Rounds = 8;
        constexpr int Processes = 4;
        for (int round = 0; round < Rounds; ++round) {
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            const QString path = dir.filePath(QStringLiteral("new.db"));
            const qint64 startAt = QDateTime::currentMSecsSinceEpoch() + 300;
            QList<QProcess *> children;
            const auto reap = qScopeGuard([&] {
                for (QProcess *child : std::as_const(children)) {
                    if (!child->waitForFinished(30000))
                        child->kill();
                    child->waitForFinished(2000);
                    delete child;
                }
            });
            for (int i = 0; i < Processes; ++i) {
                auto *child = new QProcess;
                QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
                env.insert(QString::fromLatin1(kChildVariable), QStringLiteral("1"));
                child->setProcessEnvironment(env);
                child->start(QCoreApplication::applicationFilePath(), {kind, path, QString::number(startAt)});
                children << child;
            }
            for (QProcess *child : std::as_const(children)) {
                QVERIFY(child->waitForFinished(30000));
                const QByteArray out = child->readAllStandardOutput().trimmed();
                QVERIFY2(child->exitCode() == 0, qPrintable(QStringLiteral("round %1: %2").arg(round).arg(out)));
                QCOMPARE(out, QByteArray("ok"));
            }
            if (kind == u"altering") {
                const Result<Database> db = Database::open(path, alteringSchema(), Durability::Full);
                QVERIFY(db.ok());
                Result<QSqlQuery> log = db->exec(QStringLiteral("SELECT n FROM log ORDER BY rowid"));
                QVERIFY(log.ok());
                QList<int> ran;
                while (log->next())
                    ran << log->value(0).toInt();
                QCOMPARE(ran, (QList<int> {1, 2, 3}));
            } else {
                const Result<StateStore> store = StateStore::open(path);
                QVERIFY(store.ok());
                QCOMPARE(store->database().schemaVersion(), StateStore::schema().version());
            }
        }
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet(kChildVariable)) {
        QCoreApplication app(argc, argv);
        const QStringList args = app.arguments();
        if (args.size() != 4)
            return 2;
        return runChild(args.at(1), args.at(2), args.at(3).toLongLong());
    }
    QCoreApplication app(argc, argv);
    TestDatabaseConcurrentOpen test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_databaseconcurrentopen.moc"
