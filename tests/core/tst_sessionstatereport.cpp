// SessionStateReport, the console's --state-report: what one process believes about an environment, read through
// its own connections, written atomically as JSON (docs/integrity.md). Real SQLite files in a temporary directory.
#include "audit/auditlog.h"
#include "engine/enginelock.h"
#include "engine/rolloutsession.h"
#include "engine/rolloutstore.h"
#include "engine/sessionstatereport.h"
#include "rolloutfixtures.h"
#include "storage/statestore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace gl;

class TestSessionStateReport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // With no rollout, no engine and no audit log yet the report says so (null rollout, no holder, head 0) and
    // names no error.
    void emptyEnvironment()
    {
        QTemporaryDir dir;
        RolloutSession::Options options;
        options.slotsPollMs = 0;
        options.runEngine = false;
        RolloutSession session(test::environmentIn(dir), SystemClock::instance(), options);
        QVERIFY(session.open().ok());
        SessionStateReport report(session, dir.filePath(QStringLiteral("report.json")), SystemClock::instance());
        const QJsonObject o = report.snapshot();
        QCOMPARE(o.value(u"pid").toInteger(), QCoreApplication::applicationPid());
        QVERIFY(o.value(u"rollout").isNull());
        QVERIFY(!o.value(u"engine").toObject().contains(u"holderPid"));
        QCOMPARE(o.value(u"engine").toObject().value(u"drives").toBool(), false);
        QCOMPARE(o.value(u"auditHeadSeq").toInteger(), 0);
        QVERIFY(o.value(u"errors").toArray().isEmpty());
    }

    // What another process wrote (a rollout, the engine lock, audit entries) shows in the report, and write()
    // replaces the file with that JSON, readable by the owner only.
    void reportsWhatTheFilesHoldAndWritesIt()
    {
        QTemporaryDir dir;
        const Environment env = test::environmentIn(dir);
        RolloutSession::Options options;
        options.slotsPollMs = 0;
        options.runEngine = false;
        RolloutSession session(env, SystemClock::instance(), options);
        QVERIFY(session.open().ok());

        Result<StateStore> other = StateStore::open(env.stateDatabase);
        QVERIFY(other.ok());
        RolloutStore store(other.value(), SystemClock::instance());
        const Result<qint64> id = store.createRollout(test::runningCanary(), {});
        QVERIFY(id.ok());
        EngineLock lock(other.value(), SystemClock::instance(), QStringLiteral("other-engine"));
        QVERIFY(lock.acquire().ok());
        Result<AuditLog> log
            = AuditLog::open(AuditLog::pathForStateDatabase(env.stateDatabase), SystemClock::instance());
        QVERIFY(log.ok());
        for (int i = 0; i < 3; ++i)
            QVERIFY(log->append(AuditRecord {QStringLiteral("bob"), QStringLiteral("note"), QStringLiteral("rollout:1"),
                                    QJsonObject {}, QString()})
                        .ok());

        const QString path = dir.filePath(QStringLiteral("report.json"));
        SessionStateReport report(session, path, SystemClock::instance());
        QVERIFY(report.write().ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        QCOMPARE(o.value(u"rollout").toObject().value(u"id").toInteger(), *id);
        QCOMPARE(o.value(u"rollout").toObject().value(u"state").toString(), QStringLiteral("running"));
        QCOMPARE(o.value(u"engine").toObject().value(u"holderPid").toInteger(), QCoreApplication::applicationPid());
        QCOMPARE(o.value(u"auditHeadSeq").toInteger(), 3);
        QCOMPARE(o.value(u"environment").toString(), env.filePath);

        // The next report follows a new entry and a new revision (read again, not cached).
        QVERIFY(log->append(AuditRecord {QStringLiteral("bob"), QStringLiteral("note"), QStringLiteral("rollout:1"),
                                QJsonObject {}, QString()})
                    .ok());
        RolloutRecord record = (*store.latest()).value();
        record.state = RolloutState::Paused;
        record.pauseReason = PauseReason::User;
        QVERIFY(store.updateRollout(record).ok());
        const QJsonObject next = report.snapshot();
        QCOMPARE(next.value(u"auditHeadSeq").toInteger(), 4);
        QCOMPARE(next.value(u"rollout").toObject().value(u"state").toString(), QStringLiteral("paused"));
        QVERIFY(next.value(u"rollout").toObject().value(u"revision").toInteger()
            > o.value(u"rollout").toObject().value(u"revision").toInteger());
    }
};

QTEST_GUILESS_MAIN(TestSessionStateReport)
#include "tst_sessionstatereport.moc"
