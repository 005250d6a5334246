// Runbook and drill events in the profile's audit log (core/runbooks + core/audit): every drill event (start,
// steps done/skipped/failed, incidents, restore point, service restored, end) and every finished step-through
// is appended to the hash chain, the chain verifies, and `greenlightctl audit verify --profile` checks it.
#include "audit/auditlog.h"
#include "runbooks/drill.h"
#include "runbooks/runbooklibrary.h"
#include "runbooks/runbooksession.h"
#include "storage/profilestore.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace gl;

namespace {

const QByteArray kRunbook = R"(---
id: failover
title: Fail over the database
rto: 15m
rpo: 1m
---
## Declare the incident
Expected: 2m

Verify: ok

Undo: nothing to undo

## Promote the replica
Expected: 5m

Verify: db2 is Leader

Undo: nothing to undo

## Check the application
Expected: 3m

Verify: ok

Undo: nothing to undo
)";

const QDateTime kStart(QDate(2026, 3, 4), QTime(10, 0), Qt::UTC);

} // namespace

class TestRunbookAudit : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_profilePath;
    std::optional<ManualClock> m_clock;
    std::optional<ProfileStore> m_store;
    std::optional<AuditLog> m_audit;
    std::optional<RunbookLibrary> m_library;
    int m_round = 0;

    QString checkpointPath() const { return m_profilePath + u".checkpoint.json"; }

    QStringList actions(const QString &subject = {}) const
    {
        QStringList out;
        const QList<AuditEntry> entries = m_audit->entries(subject).value();
        for (const AuditEntry &e : entries)
            out << e.action;
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_library.reset();
        m_audit.reset();
        m_store.reset();
        m_clock.emplace(kStart);
        m_profilePath = m_dir.filePath(QStringLiteral("profile%1.db").arg(++m_round));
        Result<ProfileStore> store = ProfileStore::open(m_profilePath);
        QVERIFY(store.ok());
        m_store.emplace(std::move(store).value());
        AuditLog::Options options;
        options.checkpointEvery = 4;
        options.externalCheckpointPath = checkpointPath();
        Result<AuditLog> audit = AuditLog::open(RunbookLibrary::auditLogPath(m_profilePath), *m_clock, options);
        QVERIFY2(audit.ok(), qPrintable(audit.ok() ? QString() : audit.error().message));
        m_audit.emplace(std::move(audit).value());
        m_library.emplace(m_store->database(), *m_clock);
        m_library->setAuditLog(&*m_audit, QStringLiteral("ana"));
        const QString src = m_dir.filePath(QStringLiteral("src%1").arg(m_round));
        QDir().mkpath(src);
        QFile file(src + u"/failover.md");
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(kRunbook);
        file.close();
        QVERIFY(m_library->sync({src}).ok());
    }

    // The profile's audit log lives beside the profile database, named like an environment's.
    void pathBesideProfile()
    {
        QCOMPARE(RunbookLibrary::auditLogPath(QStringLiteral("/home/a/.local/share/greenlight/profile.db")),
            QStringLiteral("/home/a/.local/share/greenlight/profile.audit.db"));
    }

    // Every drill event is an audit entry with the drill as subject and the facts in its detail; the chain
    // verifies.
    void drillEventsAreAudited()
    {
        Result<Drill> drill = Drill::start(*m_library, QStringLiteral("failover"),
            {QStringLiteral("Primary lost in zone A"), {QStringLiteral("Ana"), QStringLiteral("Min-jun")}, -1, -1});
        QVERIFY(drill.ok());
        m_clock->advance(60'000);
        QVERIFY(drill->completeStep(StepStatus::Done).ok());
        QVERIFY(drill->markIncident(QStringLiteral("replica lag alert did not fire")).ok());
        QVERIFY(drill->session().setNote(1, QStringLiteral("VPN was slow")).ok());
        m_clock->advance(6 * 60'000);
        QVERIFY(drill->completeStep(StepStatus::Skipped).ok());
        QVERIFY(drill->setRestorePoint(kStart.addSecs(-30)).ok());
        QVERIFY(drill->markServiceRestored().ok());
        QVERIFY(drill->completeStep(StepStatus::Failed).ok());
        m_clock->advance(60'000);
        QVERIFY(drill->end().ok());

        const QString subject = QStringLiteral("drill:%1").arg(drill->record().id);
        QCOMPARE(actions(subject),
            QStringList({"drill.start", "drill.step", "drill.incident", "drill.step", "drill.restore-point",
                "drill.service-restored", "drill.step", "drill.end"}));
        const QList<AuditEntry> entries = m_audit->entries(subject).value();
        QCOMPARE(entries.at(0).actor, QStringLiteral("ana"));
        const QJsonObject start = entries.at(0).detailObject();
        QCOMPARE(start.value("runbook").toString(), QStringLiteral("failover"));
        QCOMPARE(start.value("scenario").toString(), QStringLiteral("Primary lost in zone A"));
        QCOMPARE(start.value("rto_target_s").toInt(), 900);
        const QJsonObject step1 = entries.at(1).detailObject();
        QCOMPARE(step1.value("step").toInt(), 1);
        QCOMPARE(step1.value("step_title").toString(), QStringLiteral("Declare the incident"));
        QCOMPARE(step1.value("status").toString(), QStringLiteral("done"));
        QCOMPARE(step1.value("elapsed_ms").toInteger(), 60'000);
        QCOMPARE(
            entries.at(2).detailObject().value("text").toString(), QStringLiteral("replica lag alert did not fire"));
        QCOMPARE(entries.at(2).detailObject().value("step").toInt(), 2);
        QCOMPARE(entries.at(3).detailObject().value("status").toString(), QStringLiteral("skipped"));
        QCOMPARE(entries.at(3).detailObject().value("note").toString(), QStringLiteral("VPN was slow"));
        QCOMPARE(entries.at(6).detailObject().value("status").toString(), QStringLiteral("failed"));
        const QJsonObject end = entries.at(7).detailObject();
        QCOMPARE(end.value("rto_s").toInt(), 7 * 60);
        QCOMPARE(end.value("rto_met").toBool(), true);
        QCOMPARE(end.value("rpo_s").toInt(), 30);
        QCOMPARE(end.value("rpo_met").toBool(), true);
        QCOMPARE(end.value("done").toInt(), 1);
        QCOMPARE(end.value("skipped").toInt(), 1);
        QCOMPARE(end.value("failed").toInt(), 1);
        // The drill's own step-through ending is not a second entry.
        QVERIFY(!actions().contains(QStringLiteral("runbook.stepthrough.complete")));

        const Result<AuditVerifyReport> report = m_audit->verify({});
        QVERIFY(report.ok());
        QVERIFY2(report->ok, qPrintable(report->reason));
        QCOMPARE(report->entries, 8);
    }

    // A step-through that finishes (all steps marked, or finished early) is one audit entry with its counts.
    void stepThroughCompletionIsAudited()
    {
        Result<RunbookSession> session = RunbookSession::start(*m_library, QStringLiteral("failover"));
        QVERIFY(session.ok());
        QVERIFY(session->complete(StepStatus::Done).ok());
        QVERIFY(session->complete(StepStatus::Skipped).ok());
        QVERIFY(actions().isEmpty()); // nothing until it finishes
        m_clock->advance(5 * 60'000);
        QVERIFY(session->complete(StepStatus::Done).ok());
        QVERIFY(session->isFinished());
        QCOMPARE(actions(QStringLiteral("runbook:failover")), QStringList {"runbook.stepthrough.complete"});
        const QJsonObject detail = m_audit->entries().value().at(0).detailObject();
        QCOMPARE(detail.value("done").toInt(), 2);
        QCOMPARE(detail.value("skipped").toInt(), 1);
        QCOMPARE(detail.value("not_reached").toInt(), 0);
        QCOMPARE(detail.value("duration_s").toInt(), 300);
        QCOMPARE(detail.value("version").toInt(), 1);

        Result<RunbookSession> early = RunbookSession::start(*m_library, QStringLiteral("failover"));
        QVERIFY(early.ok());
        QVERIFY(early->finish().ok());
        QVERIFY(early->finish().ok()); // once
        QCOMPARE(actions(QStringLiteral("runbook:failover")).size(), 2);
        QCOMPARE(m_audit->entries().value().at(1).detailObject().value("not_reached").toInt(), 3);
    }

    // Without an audit log nothing is recorded and drills work as before.
    void noAuditLogNoEntries()
    {
        m_library->setAuditLog(nullptr);
        Result<Drill> drill = Drill::start(*m_library, QStringLiteral("failover"), {});
        QVERIFY(drill.ok());
        QVERIFY(drill->end().ok());
        QVERIFY(actions().isEmpty());
    }

    // greenlightctl audit verify --profile FILE checks the profile's log (exit 0), and finds a rewritten entry
    // (exit 1).
    void cliVerifiesProfileLog()
    {
        const QString ctl = test::builtExecutable(QStringLiteral("greenlightctl"));
        QVERIFY2(!ctl.isEmpty(), "greenlightctl is not built (tst_runbookaudit depends on it)");
        Result<Drill> drill
            = Drill::start(*m_library, QStringLiteral("failover"), {QStringLiteral("drill"), {}, -1, -1});
        QVERIFY(drill.ok());
        QVERIFY(drill->completeStep(StepStatus::Done).ok());
        QVERIFY(drill->markIncident(QStringLiteral("pager silent")).ok());
        QVERIFY(drill->end().ok());
        QVERIFY(m_audit->checkpoint().ok());
        const QString auditPath = m_audit->path();
        m_library.reset();
        m_audit.reset();

        const auto runVerify = [&](QString *output) {
            QProcess process;
            process.start(ctl,
                {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--profile"), m_profilePath,
                    QStringLiteral("--checkpoint"), checkpointPath(), QStringLiteral("--json")});
            if (!process.waitForFinished(60'000))
                return -1;
            *output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
            return process.exitCode();
        };
        QString output;
        QCOMPARE(runVerify(&output), 0);
        QVERIFY2(output.contains(QStringLiteral("\"entries\": 4")), qPrintable(output));

        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(auditPath);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DROP TRIGGER audit_entries_no_update")));
            QVERIFY(q.exec(QStringLiteral(
                "UPDATE audit_entries SET detail = replace(detail, 'pager silent', 'all fine') WHERE seq = 3")));
            q = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        QCOMPARE(runVerify(&output), 1);
        QVERIFY2(output.contains(QStringLiteral("\"firstBrokenSeq\": 3")), qPrintable(output));
    }
};

QTEST_GUILESS_MAIN(TestRunbookAudit)
#include "tst_runbookaudit.moc"
