// RolloutSession, the console's view of one environment, against a real SQLite state database in a temporary
// directory (no HAProxy: slot polling is off). HAProxy and a real rollout are covered by tst_rolloutsview_sandbox.
#include "engine/enginelock.h"
#include "engine/rolloutsession.h"
#include "engine/rolloutstore.h"
#include "rolloutfixtures.h"
#include "storage/statestore.h"

#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace gl;

namespace {

RolloutSession::Options quietOptions(bool runEngine)
{
    RolloutSession::Options options;
    options.pollMs = 20;
    options.slotsPollMs = 0;
    options.runEngine = runEngine;
    return options;
}

} // namespace

class TestRolloutSession : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // A new environment opens with no rollout: Start is allowed, every other action is refused with the state
    // machine's reason, and the slots come from the environment file (not reported by HAProxy).
    void opensEmptyEnvironment()
    {
        QTemporaryDir dir;
        RolloutSession session(test::environmentIn(dir), SystemClock::instance(), quietOptions(false));
        QVERIFY(session.open().ok());
        QVERIFY(session.isOpen());
        QVERIFY(!session.latest().has_value());
        QVERIFY(session.rollouts().isEmpty());
        QVERIFY(session.decide(RolloutAction::Start).allowed);
        for (const RolloutAction action : {RolloutAction::Promote, RolloutAction::Pause, RolloutAction::Abort,
                 RolloutAction::Rollback, RolloutAction::Retry}) {
            const RolloutDecision decision = session.decide(action);
            QVERIFY(!decision.allowed);
            QVERIFY(!decision.reason.isEmpty());
        }
        QCOMPARE(session.slotStates().size(), 2);
        QCOMPARE(session.slotStates().first().version, QStringLiteral("v1"));
        QVERIFY(!session.slotStates().first().reported);
    }

    // A session that is not open refuses every action with a reason instead of crashing.
    void closedSessionRefuses()
    {
        QTemporaryDir dir;
        RolloutSession session(test::environmentIn(dir), SystemClock::instance(), quietOptions(false));
        QVERIFY(!session.decide(RolloutAction::Start).allowed);
        QVERIFY(!session.request(RolloutAction::Start, QString()).ok());
    }

    // Rollouts written by another connection (an engine in another process) are seen by polling: a new rollout
    // emits rolloutsChanged + rolloutChanged, a revision bump rolloutChanged, a new event eventsAdded(id);
    // decide() follows the latest state.
    void pollsChangesFromAnotherConnection()
    {
        QTemporaryDir dir;
        const Environment env = test::environmentIn(dir);
        RolloutSession session(env, SystemClock::instance(), quietOptions(false));
        QVERIFY(session.open().ok());
        QSignalSpy listChanged(&session, &RolloutSession::rolloutsChanged);
        QSignalSpy changed(&session, &RolloutSession::rolloutChanged);
        QSignalSpy events(&session, &RolloutSession::eventsAdded);

        Result<StateStore> other = StateStore::open(env.stateDatabase);
        QVERIFY(other.ok());
        RolloutStore store(other.value(), SystemClock::instance());
        const Result<qint64> id = store.createRollout(test::runningCanary(), {});
        QVERIFY(id.ok());
        QTRY_COMPARE(listChanged.size(), 1);
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(session.latest()->id, *id);
        QCOMPARE(session.rollouts().size(), 1);
        QVERIFY(!session.decide(RolloutAction::Start).allowed);
        QVERIFY(session.decide(RolloutAction::Rollback).allowed);
        QVERIFY(session.decide(RolloutAction::Pause).allowed);

        RolloutRecord record = (*store.latest()).value();
        record.state = RolloutState::Paused;
        record.pauseReason = PauseReason::User;
        QVERIFY(store.updateRollout(record).ok());
        QTRY_COMPARE(changed.size(), 2);
        QCOMPARE(changed.last().first().value<RolloutRecord>().revision, record.revision);
        QVERIFY(session.latest()->state == RolloutState::Paused);
        QVERIFY(session.decide(RolloutAction::Resume).allowed);
        QCOMPARE(listChanged.size(), 1); // a revision is not a new rollout

        QVERIFY(store.addEvent(*id, QStringLiteral("bo@vm"), QStringLiteral("note"), QStringLiteral("hello")).ok());
        QTRY_COMPARE(events.size(), 1);
        QCOMPARE(events.first().first().toLongLong(), *id);
        QCOMPARE(session.events(*id)->size(), 1);
        QCOMPARE(session.events(*id)->first().actor, QStringLiteral("bo@vm"));

        // A terminal rollout allows a new start again.
        record.state = RolloutState::RolledBack;
        QVERIFY(store.updateRollout(record).ok());
        QTRY_VERIFY(session.latest()->state == RolloutState::RolledBack);
        QVERIFY(session.decide(RolloutAction::Start).allowed);
        QVERIFY(session.decide(RolloutAction::Retry).allowed);
        QVERIFY(!session.decide(RolloutAction::Rollback).allowed);
    }

    // request() queues the action with who (GREENLIGHT_PERSON), why, the parameters and the latest rollout,
    // and reports the answer an engine writes (here another connection plays the engine).
    void requestQueuesAndReportsTheAnswer()
    {
        QTemporaryDir dir;
        const Environment env = test::environmentIn(dir);
        qputenv("GREENLIGHT_PERSON", "ana");
        RolloutSession session(env, SystemClock::instance(), quietOptions(false));
        QVERIFY(session.open().ok());
        Result<StateStore> other = StateStore::open(env.stateDatabase);
        QVERIFY(other.ok());
        RolloutStore store(other.value(), SystemClock::instance());
        const qint64 rolloutId = store.createRollout(test::runningCanary(), {}).valueOr(0);
        QTRY_VERIFY(session.latest().has_value());

        QSignalSpy answered(&session, &RolloutSession::actionAnswered);
        const Result<qint64> id = session.request(RolloutAction::Rollback, QStringLiteral(" 5xx up "),
            QJsonObject {{QStringLiteral("note"), QStringLiteral("x")}});
        qunsetenv("GREENLIGHT_PERSON");
        QVERIFY(id.ok());
        const auto queued = store.action(*id);
        QVERIFY(queued.ok() && queued->has_value());
        QCOMPARE((*queued)->action, QStringLiteral("rollback"));
        QCOMPARE((*queued)->actor, QStringLiteral("ana@") + QSysInfo::machineHostName());
        QCOMPARE((*queued)->reason, QStringLiteral("5xx up"));
        QCOMPARE((*queued)->rolloutId, rolloutId);
        QCOMPARE((*queued)->params.value(u"note").toString(), QStringLiteral("x"));
        QTest::qWait(60);
        QCOMPARE(answered.size(), 0); // nobody answered yet

        QVERIFY(store.answerAction(*id, false, QStringLiteral("refused: reasons"), rolloutId).ok());
        QTRY_COMPARE(answered.size(), 1);
        QCOMPARE(answered.first().at(0).toLongLong(), *id);
        QCOMPARE(answered.first().at(1).toBool(), false);
        QCOMPARE(answered.first().at(2).toString(), QStringLiteral("refused: reasons"));
    }

    // With no engine anywhere the session drives the environment itself and its engine answers actions
    // (a promote with no rollout is refused with the state machine's reason).
    void drivesTheEngineWhenNoneRuns()
    {
        QTemporaryDir dir;
        RolloutSession session(test::environmentIn(dir), SystemClock::instance(), quietOptions(true));
        QVERIFY(session.open().ok());
        QVERIFY(session.drivesEngine());
        QVERIFY(session.engineHolder().isEmpty());
        QSignalSpy answered(&session, &RolloutSession::actionAnswered);
        const Result<qint64> id = session.request(RolloutAction::Promote, QString());
        QVERIFY(id.ok());
        QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 5000);
        QCOMPARE(answered.first().at(1).toBool(), false);
        QCOMPARE(answered.first().at(2).toString(),
            RolloutStateMachine::decide(std::nullopt, RolloutAction::Promote).reason);
    }

    // When another engine holds the lock the session observes and says who drives.
    void observesWhenAnotherEngineHoldsTheLock()
    {
        QTemporaryDir dir;
        const Environment env = test::environmentIn(dir);
        Result<StateStore> other = StateStore::open(env.stateDatabase);
        QVERIFY(other.ok());
        EngineLock lock(other.value(), SystemClock::instance(), QStringLiteral("other"));
        QVERIFY(lock.acquire().ok());
        RolloutSession session(env, SystemClock::instance(), quietOptions(true));
        QVERIFY(session.open().ok());
        QVERIFY(!session.drivesEngine());
        QVERIFY2(session.engineHolder().contains(QString::number(QCoreApplication::applicationPid())),
            qPrintable(session.engineHolder()));

        // Released: the session takes over at its next try.
        QSignalSpy engine(&session, &RolloutSession::engineChanged);
        lock.release();
        QTRY_VERIFY_WITH_TIMEOUT(session.drivesEngine(), 8000);
        QVERIFY(session.engineHolder().isEmpty());
        QVERIFY(!engine.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRolloutSession)
#include "tst_rolloutsession.moc"
