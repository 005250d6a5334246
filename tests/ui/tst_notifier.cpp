// The desktop notifications of the Rollouts place (Notifier), driven by a real RolloutSession polling a temporary
// state database that another connection writes as an engine would: analysis failed, an automatic rollback, a
// gate waiting for approval, a rollout finished; no tray is needed (last() and count() record what was shown).
#include "analysis/measurementstore.h"
#include "engine/rolloutsession.h"
#include "engine/rolloutstore.h"
#include "notifier.h"
#include "rolloutfixtures.h"
#include "storage/statestore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace gl;
using namespace gl::ui;

class TstNotifier : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void firstSightIsSilent();
    void gateWaitingNotifiesOnce();
    void analysisFailureRollsBackAutomatically();
    void operatorRollbackIsNotAutomatic();
    void finishedSaysHow_data();
    void finishedSaysHow();

private:
    // Writes `record` (as the engine in another process would) and waits until the session has seen it.
    void write(RolloutRecord &record);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RolloutSession> m_session;
    std::optional<StateStore> m_other;
    std::unique_ptr<RolloutStore> m_store;
    std::unique_ptr<Notifier> m_notifier;
};

void TstNotifier::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    RolloutSession::Options options;
    options.pollMs = 20;
    options.slotsPollMs = 0;
    options.runEngine = false; // this test plays the engine
    m_session = std::make_unique<RolloutSession>(test::environmentIn(*m_dir), SystemClock::instance(), options);
    QVERIFY(m_session->open().ok());
    Result<StateStore> other = StateStore::open(m_session->environment().stateDatabase);
    QVERIFY(other.ok());
    m_other.emplace(std::move(other).value());
    m_store = std::make_unique<RolloutStore>(*m_other, SystemClock::instance());
    m_notifier = std::make_unique<Notifier>();
    m_notifier->watch(m_session.get());
}

void TstNotifier::cleanup()
{
    m_notifier.reset();
    m_store.reset();
    m_other.reset();
    m_session.reset();
    m_dir.reset();
}

void TstNotifier::write(RolloutRecord &record)
{
    if (record.id == 0) {
        const Result<qint64> id = m_store->createRollout(record, {});
        QVERIFY(id.ok());
        record = (*m_store->rollout(*id)).value();
    } else {
        QVERIFY(m_store->updateRollout(record).ok());
    }
    QTRY_VERIFY(m_session->latest() && m_session->latest()->id == record.id
        && m_session->latest()->revision == record.revision);
}

// Opening the console does not replay history: a rollout seen for the first time (even a finished or failed one)
// notifies nothing.
void TstNotifier::firstSightIsSilent()
{
    RolloutRecord record = test::runningCanary();
    record.state = RolloutState::RolledBack;
    write(record);
    RolloutRecord gated = test::runningCanary();
    gated.state = RolloutState::Paused;
    gated.pauseReason = PauseReason::Gate;
    write(gated);
    QTest::qWait(100);
    QCOMPARE(m_notifier->count(), 0);
    QVERIFY(!m_notifier->last().has_value());
}

// A running rollout that stops at a gate notifies once ("Approval needed", with the step and the share); further
// revisions while it still waits do not repeat it.
void TstNotifier::gateWaitingNotifiesOnce()
{
    RolloutRecord record = test::runningCanary();
    write(record);
    QCOMPARE(m_notifier->count(), 0);
    QSignalSpy notified(m_notifier.get(), &Notifier::notified);
    record.state = RolloutState::Paused;
    record.pauseReason = PauseReason::Gate;
    record.stepIndex = 1;
    record.desiredShare = 25;
    record.actualShare = 25;
    write(record);
    QTRY_COMPARE(m_notifier->count(), 1);
    QCOMPARE(notified.count(), 1);
    const Notifier::Notification last = *m_notifier->last();
    QCOMPARE(last.kind, Notifier::Kind::GateWaiting);
    QCOMPARE(last.rolloutId, record.id);
    QVERIFY2(last.title.contains(u"v2") && last.title.contains(u"staging"), qPrintable(last.title));
    QVERIFY2(last.text.contains(u"2 of 4") && last.text.contains(u"25 %"), qPrintable(last.text));

    record.message = QStringLiteral("still waiting for 1 more approval");
    write(record);
    QTest::qWait(100);
    QCOMPARE(m_notifier->count(), 1);
}

// The analysis failing (its verdict in analysis_runs) and the rollback it causes (actor "analysis") are two
// notifications, then the rollback's end is a third: "Rollout rolled back".
void TstNotifier::analysisFailureRollsBackAutomatically()
{
    RolloutRecord record = test::runningCanary();
    write(record);
    MeasurementStore measurements(m_other->database());
    const Result<qint64> run = measurements.beginRun(
        record.id, QStringLiteral("v2"), QStringLiteral("v1"), QDateTime::currentDateTimeUtc(), AnalysisConfig {});
    QVERIFY(run.ok());
    QVERIFY(measurements
                .finishRun(
                    *run, Verdict::Failed, QStringLiteral("error ratio 0.31 > 0.05"), QDateTime::currentDateTimeUtc())
                .ok());
    QVERIFY(m_store
                ->addEvent(record.id, QStringLiteral("analysis"), QStringLiteral("rollback"),
                    QStringLiteral("error ratio 0.31 > 0.05"))
                .ok());
    record.state = RolloutState::RollingBack;
    record.goal = RolloutGoal::Rollback;
    record.message = QStringLiteral("Analysis failed: error ratio 0.31 > 0.05");
    write(record);
    QTRY_COMPARE(m_notifier->count(), 2);
    QCOMPARE(m_notifier->last()->kind, Notifier::Kind::AutomaticRollback);
    QVERIFY2(m_notifier->last()->text.contains(u"v1"), qPrintable(m_notifier->last()->text));

    record.state = RolloutState::RolledBack;
    write(record);
    QTRY_COMPARE(m_notifier->count(), 3);
    QCOMPARE(m_notifier->last()->kind, Notifier::Kind::Finished);
    QVERIFY2(m_notifier->last()->title.contains(u"rolled back"), qPrintable(m_notifier->last()->title));
}

// A rollback an operator asked for is not called automatic, and no analysis failure is claimed; only its end is
// notified.
void TstNotifier::operatorRollbackIsNotAutomatic()
{
    RolloutRecord record = test::runningCanary();
    write(record);
    QVERIFY(
        m_store->addEvent(record.id, QStringLiteral("bo@vm"), QStringLiteral("rollback"), QStringLiteral("5xx")).ok());
    record.state = RolloutState::RollingBack;
    record.goal = RolloutGoal::Rollback;
    write(record);
    QTest::qWait(100);
    QCOMPARE(m_notifier->count(), 0);
    record.state = RolloutState::RolledBack;
    write(record);
    QTRY_COMPARE(m_notifier->count(), 1);
    QCOMPARE(m_notifier->last()->kind, Notifier::Kind::Finished);
}

void TstNotifier::finishedSaysHow_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("title");
    QTest::newRow("completed") << int(RolloutState::Completed) << QStringLiteral("Rollout completed: v2 in staging");
    QTest::newRow("aborted") << int(RolloutState::Aborted) << QStringLiteral("Rollout aborted: v2 in staging");
    QTest::newRow("rolled back") << int(RolloutState::RolledBack)
                                 << QStringLiteral("Rollout rolled back: v2 in staging");
}

// A rollout reaching an end state notifies once, with a title that says which end, the version and where.
void TstNotifier::finishedSaysHow()
{
    QFETCH(int, state);
    QFETCH(QString, title);
    RolloutRecord record = test::runningCanary();
    write(record);
    record.state = RolloutState(state);
    record.message = QStringLiteral("done");
    write(record);
    QTRY_COMPARE(m_notifier->count(), 1);
    QCOMPARE(m_notifier->last()->kind, Notifier::Kind::Finished);
    QCOMPARE(m_notifier->last()->title, title);
    QCOMPARE(m_notifier->last()->text, QStringLiteral("done"));
    write(record);
    QTest::qWait(60);
    QCOMPARE(m_notifier->count(), 1);
}

QTEST_MAIN(TstNotifier)
#include "tst_notifier.moc"
