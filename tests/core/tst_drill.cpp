// DR drills (core/runbooks/drill, drillreport) on a ManualClock: the drill clock, a timestamp per step,
// incident markers, the measured RTO and RPO against the targets, the Markdown report's step table,
// deviations and timeline, and the drill history of a runbook.
#include "runbooks/drill.h"
#include "runbooks/drillreport.h"
#include "runbooks/runbooklibrary.h"
#include "storage/profilestore.h"

#include <QDir>
#include <QFile>
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
```sh
patronictl failover orders --candidate db2 --force
```

Expected: 5m

Verify: db2 is Leader

Undo: nothing to undo

## Check the application | writes
Expected: 3m

Verify: ok

Undo: nothing to undo
)";

const QDateTime kStart(QDate(2026, 3, 4), QTime(10, 0), Qt::UTC);

} // namespace

class TestDrill : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::optional<ProfileStore> m_store;
    std::optional<RunbookLibrary> m_library;
    std::optional<ManualClock> m_clock;

private Q_SLOTS:
    void init()
    {
        m_library.reset();
        m_store.reset();
        m_clock.emplace(kStart);
        Result<ProfileStore> store
            = ProfileStore::open(m_dir.filePath(QStringLiteral("p%1.db").arg(QDateTime::currentMSecsSinceEpoch())));
        QVERIFY(store.ok());
        m_store.emplace(std::move(store).value());
        m_library.emplace(m_store->database(), *m_clock);
        const QString src = m_dir.filePath(QStringLiteral("src"));
        QDir().mkpath(src);
        QFile file(src + u"/failover.md");
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(kRunbook);
        file.close();
        QVERIFY(m_library->sync({src}).ok());
    }

    // The drill clock, step timestamps, the measured RTO (start to service restored) and RPO (start minus
    // restore point) follow the injected clock exactly; targets default to the runbook's.
    void timingsFollowTheClock()
    {
        Result<Drill> drill = Drill::start(*m_library, QStringLiteral("failover"),
            {QStringLiteral("Primary lost in zone A"), {QStringLiteral("Ana"), QStringLiteral("Min-jun")}, -1, -1});
        QVERIFY(drill.ok());
        QCOMPARE(drill->record().rtoTargetSeconds, 900);
        QCOMPARE(drill->record().rpoTargetSeconds, 60);
        QCOMPARE(drill->clockMs(), 0);

        m_clock->advance(90'000); // step 1: 1m30s of 2m
        QVERIFY(drill->completeStep(StepStatus::Done).ok());
        m_clock->advance(60'000);
        QVERIFY(drill->markIncident(QStringLiteral("replica lag alert did not fire")).ok());
        m_clock->advance(7 * 60'000); // step 2: 8m of 5m
        QVERIFY(drill->session().setNote(1, QStringLiteral("waited for the VPN")).ok());
        QVERIFY(drill->completeStep(StepStatus::Done).ok());
        QVERIFY(drill->setRestorePoint(kStart.addSecs(-40)).ok());
        m_clock->advance(2 * 60'000);
        QVERIFY(drill->markServiceRestored().ok());
        m_clock->advance(60'000);
        QVERIFY(drill->completeStep(StepStatus::Failed).ok());
        QCOMPARE(drill->clockMs(), 12 * 60'000 + 30'000);
        m_clock->advance(30'000);
        QVERIFY(drill->end().ok());
        m_clock->advance(3600'000);
        QCOMPARE(drill->clockMs(), 13 * 60'000); // frozen at the end

        const DrillRecord &r = drill->record();
        QCOMPARE(r.measuredRtoSeconds().value_or(-1), 90 + 60 + 420 + 120);
        QCOMPARE(r.measuredRpoSeconds().value_or(-1), 40);
        QStringList kinds;
        QList<qint64> at;
        for (const DrillEvent &e : r.events) {
            kinds << drillEventKindKey(e.kind);
            at << e.elapsedMs / 1000;
        }
        QCOMPARE(kinds,
            QStringList({"started", "step", "incident", "step", "restore-point", "service-restored", "step", "ended"}));
        QCOMPARE(at, QList<qint64>({0, 90, 150, 570, 570, 690, 750, 780}));
        QCOMPARE(r.events.at(3).text, QStringLiteral("waited for the VPN"));
        QCOMPARE(r.events.at(2).step, 1);

        // The same from the database.
        Result<Drill> loaded = Drill::load(*m_library, r.id);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->record().events.size(), r.events.size());
        QCOMPARE(loaded->record().measuredRtoSeconds(), r.measuredRtoSeconds());
        QCOMPARE(loaded->record().measuredRpoSeconds(), r.measuredRpoSeconds());
        QCOMPARE(loaded->record().participants, r.participants);
        QCOMPARE(loaded->session().stepElapsedMs(1), 8 * 60'000);
        QVERIFY(!loaded->completeStep(StepStatus::Done).ok()); // ended
    }

    // Without "service restored" the RTO runs to the end of the drill; a missed target, an overrun step, a
    // skipped step and an unreached step are deviations in the report.
    void reportShowsStepsDeviationsAndTimeline()
    {
        Result<Drill> drill
            = Drill::start(*m_library, QStringLiteral("failover"), {QStringLiteral("Zone A | lost"), {}, 600, 30});
        QVERIFY(drill.ok());
        m_clock->advance(60'000);
        QVERIFY(drill->completeStep(StepStatus::Skipped).ok());
        m_clock->advance(11 * 60'000);
        QVERIFY(drill->completeStep(StepStatus::Done).ok());
        QVERIFY(drill->setRestorePoint(kStart.addSecs(-120)).ok());
        QVERIFY(drill->end().ok());
        QCOMPARE(drill->record().measuredRtoSeconds().value_or(-1), 720);

        const QString md = drillReportMarkdown(*drill);
        QVERIFY(md.startsWith(u"# DR drill report: Fail over the database"));
        QVERIFY(md.contains(u"| Scenario | Zone A \\| lost |"));
        QVERIFY(md.contains(u"| RTO (time to restore service) | 10m | 12m | **missed** by 2m |"));
        QVERIFY(md.contains(u"| RPO (data lost) | 30s | 2m | **missed** by 1m 30s |"));
        QVERIFY(md.contains(u"| 1 | Declare the incident | skipped | T+00:00:00 | 1m | 2m | — |  |"));
        QVERIFY(md.contains(u"| 2 | Promote the replica | done | T+00:01:00 | 11m | 5m | +6m |  |"));
        QVERIFY(md.contains(u"| 3 | Check the application \\| writes | pending | T+00:12:00 |"));
        QVERIFY(md.contains(u"- Step 2 \"Promote the replica\" took 11m, 6m longer than the expected 5m."));
        QVERIFY(md.contains(u"- Step 1 \"Declare the incident\" was skipped."));
        QVERIFY(md.contains(u"was not reached"));
        QVERIFY(md.contains(u"The RTO target of 10m was missed"));
        QVERIFY(md.contains(u"| T+00:12:00 | 2026-03-04 10:12:00 UTC | Drill ended |"));
    }

    // The restore point must be a real past time.
    void restorePointValidated()
    {
        Result<Drill> drill = Drill::start(*m_library, QStringLiteral("failover"), {});
        QVERIFY(!drill->setRestorePoint(QDateTime()).ok());
        QVERIFY(!drill->setRestorePoint(kStart.addSecs(60)).ok());
        QVERIFY(!drill->record().measuredRpoSeconds());
        QVERIFY(drillReportMarkdown(*drill).contains(u"No restore point was entered"));
    }

    // The history of a runbook lists its drills newest first; a running drill is found for resuming.
    void historyAndRunning()
    {
        Result<Drill> first
            = Drill::start(*m_library, QStringLiteral("failover"), {QStringLiteral("first"), {}, -1, -1});
        QVERIFY(first->end().ok());
        m_clock->advance(86'400'000);
        Result<Drill> second
            = Drill::start(*m_library, QStringLiteral("failover"), {QStringLiteral("second"), {}, -1, -1});
        QVERIFY(second.ok());
        Result<QList<DrillRecord>> history = Drill::history(*m_library, QStringLiteral("failover"));
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).scenario, QStringLiteral("second"));
        QCOMPARE(history->at(1).scenario, QStringLiteral("first"));
        QCOMPARE(Drill::running(*m_library, QStringLiteral("failover"))->value_or(-1), second->record().id);
        // A drill's step-through is not offered as a plain step-through.
        QVERIFY(!RunbookSession::openSession(*m_library, QStringLiteral("failover"))->has_value());
    }
};

QTEST_GUILESS_MAIN(TestDrill)
#include "tst_drill.moc"
