// The rollback's critical path in RolloutEngine, against a fake HAProxy Runtime API (to stop the engine at an exact
// instant): a canary at a gate is rolled back with ONE batch ahead of HAProxy (its intent the only operation
// written before it); the removal of the new version (drain, maintenance, undeploy) is planned only once HAProxy
// reported the batch; an engine stopped between the two plans the removal when it starts again, and every hook
// runs exactly once. The same on the real sandbox under load: tests/integration (tst_rollout_canary).
#include "engine/rolloutengine.h"
#include "fakehaproxy.h"
#include "storage/statestore.h"
#include "util/clock.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gl;
using namespace gl::test;

class TestRolloutRollback : public QObject {
    Q_OBJECT

    // blue1 serves v1, green1 idle; hooks append "deploy green1 v2" / "undeploy green1" to hooks.log.
    struct Rig {
        QTemporaryDir dir;
        std::unique_ptr<FakeHaproxy> haproxy;
        Environment env;
        std::optional<StateStore> state;
        std::unique_ptr<RolloutEngine> engine;

        [[nodiscard]] QStringList hookRuns() const
        {
            QFile log(dir.filePath(QStringLiteral("hooks.log")));
            if (!log.open(QIODevice::ReadOnly))
                return {};
            return QString::fromUtf8(log.readAll()).split(u'\n', Qt::SkipEmptyParts);
        }
    };

    static std::unique_ptr<Rig> rig()
    {
        auto r = std::make_unique<Rig>();
        r->haproxy = blueGreenHaproxy(r->dir);
        if (!r->haproxy)
            return nullptr;
        r->env = blueGreenEnvironment(QStringLiteral("rollback"), r->dir, *r->haproxy);
        Environment &env = r->env;
        const QString log = r->dir.filePath(QStringLiteral("hooks.log"));
        env.deployHook = QStringLiteral("/bin/sh -c \"echo deploy {slot} {version} >> '%1'\"").arg(log);
        env.undeployHook = QStringLiteral("/bin/sh -c \"echo undeploy {slot} >> '%1'\"").arg(log);
        Result<StateStore> state = StateStore::open(env.stateDatabase);
        if (!state)
            return nullptr;
        r->state.emplace(std::move(state).value());
        return r;
    }

    static bool startEngine(Rig &r)
    {
        RolloutEngine::Options options;
        options.tickMs = 20;
        options.actor = QStringLiteral("engine@test");
        r.engine = std::make_unique<RolloutEngine>(r.env, *r.state, SystemClock::instance(), options);
        return r.engine->start().ok();
    }

    static qint64 enqueue(Rig &r, RolloutAction kind)
    {
        ActionRecord a;
        a.action = toString(kind);
        a.actor = QStringLiteral("alice@vm");
        a.reason = QStringLiteral("INC-42");
        if (kind == RolloutAction::Start) {
            StrategyConfig config;
            config.canarySteps = {CanaryStep {50, StepPause {PauseKind::Gate, 0}}, CanaryStep {100, {}}};
            a.params = {{QStringLiteral("version"), QStringLiteral("v2")},
                {QStringLiteral("strategy"), toString(StrategyKind::Canary)},
                {QStringLiteral("overrides"),
                    QJsonObject {{QStringLiteral("canarySteps"), config.toJson().value(u"canarySteps")},
                        {QStringLiteral("canaryUndeployDelayMs"), 0}}}};
        } else if (r.engine->current()) {
            a.rolloutId = r.engine->current()->id;
        }
        const qint64 id = r.engine->store().enqueueAction(a).valueOr(0);
        r.engine->wake();
        return id;
    }

    static bool atGate(Rig &r)
    {
        const std::optional<RolloutRecord> c = r.engine->current();
        return c && c->state == RolloutState::Paused && c->pauseReason == PauseReason::Gate;
    }

    static QStringList kinds(const QList<RolloutOp> &ops, qsizetype from)
    {
        QStringList result;
        for (qsizetype i = from; i < ops.size(); ++i)
            result << toString(ops.at(i).kind) + u':' + ops.at(i).role + u':' + toString(ops.at(i).status);
        return result;
    }

    // Starts a canary, waits at its 50 % gate, enqueues a rollback; `onAnswer` runs when the rollback is answered.
    // Returns the number of operations before the rollback's own.
    static qsizetype rollBackAtGate(Rig &r, const std::function<void()> &onAnswer, qint64 *rolloutId)
    {
        enqueue(r, RolloutAction::Start);
        if (!QTest::qWaitFor([&] { return atGate(r); }, 10000))
            return -1;
        *rolloutId = r.engine->current()->id;
        const qsizetype before = r.engine->store().ops(*rolloutId).value().size();
        auto rollbackId = std::make_shared<qint64>(-1);
        QObject::connect(r.engine.get(), &RolloutEngine::actionAnswered, r.engine.get(),
            [rollbackId, onAnswer](qint64 id, bool done, const QString &) {
                if (id == *rollbackId && done)
                    onAnswer();
            });
        *rollbackId = enqueue(r, RolloutAction::Rollback);
        return before;
    }

private slots:
    // The answer comes when HAProxy reports stable alone; at that instant the state database holds the restore
    // batch and nothing after it; the removal follows, and the rollout ends rolled back.
    void removalPlannedAfterTheBatch()
    {
        auto r = rig();
        QVERIFY(r && startEngine(*r));
        qint64 id = 0;
        QStringList atAnswer;
        QMap<QString, int> weightsAtAnswer;
        qsizetype before = 0;
        before = rollBackAtGate(
            *r,
            [&] {
                atAnswer = kinds(r->engine->store().ops(id).value(), before);
                for (auto it = r->haproxy->servers.cbegin(); it != r->haproxy->servers.cend(); ++it)
                    weightsAtAnswer.insert(it.key(), it->weight);
            },
            &id);
        QVERIFY(before > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!atAnswer.isEmpty(), 5000);
        QCOMPARE(atAnswer, QStringList {QStringLiteral("set-servers:restore:done")});
        QCOMPARE(weightsAtAnswer.value(QStringLiteral("blue1")), 100);
        QCOMPARE(weightsAtAnswer.value(QStringLiteral("green1")), 0);

        QTRY_VERIFY_WITH_TIMEOUT(r->engine->current()->state == RolloutState::RolledBack, 10000);
        QCOMPARE(kinds(r->engine->store().ops(id).value(), before),
            (QStringList {QStringLiteral("set-servers:restore:done"), QStringLiteral("set-servers:drain:done"),
                QStringLiteral("wait-drained::done"), QStringLiteral("set-servers:maint:done"),
                QStringLiteral("undeploy::done")}));
        QCOMPARE(r->hookRuns(), (QStringList {QStringLiteral("deploy green1 v2"), QStringLiteral("undeploy green1")}));
        QVERIFY(r->haproxy->servers.value(QStringLiteral("green1")).admin & 0x01);
        // The intent commit ahead of HAProxy skipped the fsync; the connection is back to FULL after it.
        Result<QSqlQuery> sync = r->state->database().exec(QStringLiteral("PRAGMA synchronous"));
        QVERIFY(sync && sync->next());
        QCOMPARE(sync->value(0).toInt(), 2);
    }

    // The engine stops right after HAProxy reported the batch, before it planned the removal: the next engine
    // plans it, and green1's undeploy hook runs once.
    void stoppedBeforeTheRemoval()
    {
        auto r = rig();
        QVERIFY(r && startEngine(*r));
        qint64 id = 0;
        bool stopped = false;
        const qsizetype before = rollBackAtGate(
            *r,
            [&] {
                r->engine->stop();
                stopped = true;
            },
            &id);
        QVERIFY(before > 0);
        QTRY_VERIFY_WITH_TIMEOUT(stopped, 5000);
        QTest::qWait(100);
        QCOMPARE(
            kinds(r->state ? RolloutStore(*r->state, SystemClock::instance()).ops(id).value() : QList<RolloutOp> {},
                before),
            QStringList {QStringLiteral("set-servers:restore:done")});
        QCOMPARE(r->hookRuns(), QStringList {QStringLiteral("deploy green1 v2")});

        r->engine.reset();
        QVERIFY(startEngine(*r));
        QTRY_VERIFY_WITH_TIMEOUT(r->engine->current()->state == RolloutState::RolledBack, 10000);
        QCOMPARE(kinds(r->engine->store().ops(id).value(), before).size(), 5);
        QCOMPARE(r->hookRuns(), (QStringList {QStringLiteral("deploy green1 v2"), QStringLiteral("undeploy green1")}));
        QCOMPARE(r->haproxy->servers.value(QStringLiteral("blue1")).weight, 100);
    }

    // Stopping while the restore batch is on its way to HAProxy (the console closing, Ctrl-C) waits for HAProxy's
    // answer and records it before the lock goes: the next engine finds the batch done, not half-known, and can
    // take the lock at once.
    void stopWaitsForTheBatchInFlight()
    {
        auto r = rig();
        QVERIFY(r && startEngine(*r));
        enqueue(*r, RolloutAction::Start);
        QTRY_VERIFY_WITH_TIMEOUT(atGate(*r), 10000);
        const qint64 id = r->engine->current()->id;
        r->haproxy->changeReplyDelayMs = 500;
        enqueue(*r, RolloutAction::Rollback);
        const auto restore = [&]() -> std::optional<RolloutOp> {
            for (const RolloutOp &op : RolloutStore(*r->state, SystemClock::instance()).ops(id).valueOr({})) {
                if (op.kind == OpKind::SetServers && op.role == u"restore")
                    return op;
            }
            return std::nullopt;
        };
        QTRY_VERIFY_WITH_TIMEOUT(restore() && restore()->status == OpStatus::Running, 5000);
        QTest::qWait(50); // the batch is on the wire; HAProxy answers in ~450 ms
        QVERIFY(r->engine->isRunning());
        r->engine->stop();
        QVERIFY(!r->engine->isRunning());
        QCOMPARE(toString(restore()->status), toString(OpStatus::Done));
        QCOMPARE(r->haproxy->servers.value(QStringLiteral("blue1")).weight, 100);
        EngineLock next(*r->state, SystemClock::instance());
        const Status taken = next.acquire();
        QVERIFY2(taken.ok(), qPrintable(taken ? QString() : taken.error().message));
        next.release();
    }
};

QTEST_GUILESS_MAIN(TestRolloutRollback)
#include "tst_rolloutrollback.moc"
