// RolloutEngine at approval gates and the change calendar, driven through its action queue against a fake HAProxy
// Runtime API with a ManualClock (hours pass in milliseconds): a rejected or timed-out gate rolls the rollout back
// (actor `approvals`, the reason recorded and audited); before_start and before_switch gates hold until their
// quorum; an automatic canary step does not move into a closed window (it waits, says why, and goes on when the
// window opens or an override arrives); a retry obeys a block signed on the rollout it retries; a gate added to
// the environment while a rollout runs is enforced at once, and a removed one no longer holds; the engine's
// audit checkpoint lands under $XDG_STATE_HOME.
#include "approvals/approvalledger.h"
#include "audit/auditlog.h"
#include "engine/rolloutengine.h"
#include "fakehaproxy.h"
#include "storage/statestore.h"
#include "util/clock.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace gl;
using namespace gl::test;

namespace {

const QString kEnv = QStringLiteral("prod");
const QDateTime kMonday(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);

CanaryStep step(int percent, StepPause pause = {})
{
    return CanaryStep {percent, pause};
}

StepPause minutes(int n)
{
    return StepPause {PauseKind::Duration, qint64(n) * 60 * 1000};
}

} // namespace

class TestRolloutEngineGates : public QObject {
    Q_OBJECT

    QTemporaryDir m_stateHome;
    QMap<QString, SigningKey> m_keys;
    QList<Identity> m_approvers;

    // One engine on a fake HAProxy with blue1 serving v1 and green1 idle, in its own folder.
    struct Rig {
        QTemporaryDir dir;
        ManualClock clock {kMonday};
        std::unique_ptr<FakeHaproxy> haproxy;
        std::optional<StateStore> state;
        std::unique_ptr<RolloutEngine> engine;
        std::unique_ptr<ApprovalLedger> ledger;
    };

    std::unique_ptr<Rig> rig(const ApprovalsConfig &approvals, const QDateTime &start = kMonday)
    {
        auto r = std::make_unique<Rig>();
        r->clock.setNow(start);
        r->haproxy = blueGreenHaproxy(r->dir);
        if (!r->haproxy)
            return nullptr;
        Environment env = blueGreenEnvironment(kEnv, r->dir, *r->haproxy);
        env.approvals = approvals;
        Result<StateStore> state = StateStore::open(env.stateDatabase);
        if (!state)
            return nullptr;
        r->state.emplace(std::move(state).value());
        RolloutEngine::Options options;
        options.tickMs = 20;
        r->engine = std::make_unique<RolloutEngine>(env, *r->state, r->clock, options);
        if (!r->engine->start() || !r->engine->gatekeeper().log())
            return nullptr;
        r->ledger = std::make_unique<ApprovalLedger>(*r->engine->gatekeeper().log(), kEnv, m_approvers);
        return r;
    }

    static qint64 enqueue(Rig &r, const QString &action, const QJsonObject &params = {}, const QString &reason = {})
    {
        ActionRecord a;
        a.action = action;
        a.actor = QStringLiteral("alice@vm");
        a.reason = reason;
        a.params = params;
        a.params.insert(QStringLiteral("person"), QStringLiteral("alice"));
        if (action != u"start" && r.engine->current())
            a.rolloutId = r.engine->current()->id;
        return r.engine->store().enqueueAction(a).valueOr(0);
    }

    static QJsonObject startParams(const QList<CanaryStep> &steps, StrategyKind strategy = StrategyKind::Canary)
    {
        StrategyConfig config;
        config.canarySteps = steps;
        return {{QStringLiteral("version"), QStringLiteral("v2")}, {QStringLiteral("strategy"), toString(strategy)},
            {QStringLiteral("overrides"),
                QJsonObject {{QStringLiteral("canarySteps"), config.toJson().value(u"canarySteps")},
                    {QStringLiteral("canaryUndeployDelayMs"), 0}, {QStringLiteral("keepOldForMs"), 0}}}};
    }

    static std::optional<ActionRecord> answered(Rig &r, qint64 id)
    {
        const Result<std::optional<ActionRecord>> row = r.engine->store().action(id);
        if (!row || !row->has_value() || (*row)->status == u"pending")
            return std::nullopt;
        return **row;
    }

    // Records `who`'s signed decision on rollout `rollout`.
    bool sign(Rig &r, const QString &who, qint64 rollout, const QString &gate, Decision decision)
    {
        Statement s;
        s.environment = kEnv;
        s.rolloutId = QString::number(rollout);
        s.gate = gate;
        s.decision = decision;
        if (decision == Decision::Override || decision == Decision::Block)
            s.inputs.insert(QStringLiteral("reason"), QStringLiteral("INC-9"));
        s.time = r.clock.now();
        s.signer = who;
        s.nonce = Statement::newNonce();
        const Result<SignedStatement> signedStatement = SignedStatement::sign(s, m_keys.value(who));
        return signedStatement && r.ledger->record(*signedStatement, QStringLiteral("test")).ok();
    }

    static QStringList auditActions(Rig &r, qint64 rollout)
    {
        QStringList actions;
        const Result<QList<AuditEntry>> entries
            = r.engine->gatekeeper().log()->entries(RolloutGatekeeper::subjectFor(rollout));
        for (const AuditEntry &entry : entries.valueOr({}))
            actions << entry.action;
        return actions;
    }

    static std::optional<AuditEntry> lastAudit(Rig &r, qint64 rollout, const QString &action)
    {
        const Result<QList<AuditEntry>> entries
            = r.engine->gatekeeper().log()->entries(RolloutGatekeeper::subjectFor(rollout), action);
        if (!entries || entries->isEmpty())
            return std::nullopt;
        return entries->last();
    }

    // A step's duration pause has started (its clock runs from the ManualClock's now).
    static bool pausing(Rig &r)
    {
        if (!r.engine->current())
            return false;
        const QList<RolloutOp> ops = r.engine->store().ops(r.engine->current()->id).valueOr({});
        return std::any_of(ops.cbegin(), ops.cend(),
            [](const RolloutOp &o) { return o.kind == OpKind::Pause && o.status == OpStatus::Running; });
    }

    static bool state(Rig &r, RolloutState s) { return r.engine->current() && r.engine->current()->state == s; }
    static bool waitsAtGate(Rig &r)
    {
        return state(r, RolloutState::Paused) && r.engine->current()->pauseReason == PauseReason::Gate;
    }

    GateConfig gate(const QString &name, GateStage stage, int quorum, int step = 0, qint64 timeoutMs = 0) const
    {
        GateConfig g;
        g.name = name;
        g.stage = stage;
        g.step = step;
        g.groups = {QStringLiteral("release")};
        g.quorum = quorum;
        g.timeoutMs = timeoutMs;
        return g;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Outside checkpoints go here, never to the real home.
        qputenv("XDG_STATE_HOME", m_stateHome.path().toUtf8());
        for (const QString &name : {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")}) {
            m_keys.insert(name, SigningKey::generate().value());
            m_approvers << Identity {name, {QStringLiteral("release")}, m_keys.value(name).publicKey()};
        }
    }

    void rejectionRollsBack_data()
    {
        QTest::addColumn<bool>("timeout");
        QTest::addColumn<QString>("auditAction");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("rejected") << false << QStringLiteral("gate.rejected") << QStringLiteral("Rejected by bob");
        QTest::newRow("timed out") << true << QStringLiteral("gate.timed_out") << QStringLiteral("Timed out");
    }
    // A canary gate that is rejected, or whose timeout passes short of its quorum, rolls the rollout back through
    // the normal rollback path: actor `approvals` with the reason, audited, traffic back on the stable version.
    void rejectionRollsBack()
    {
        QFETCH(bool, timeout);
        QFETCH(QString, auditAction);
        QFETCH(QString, reasonPart);
        ApprovalsConfig config;
        config.approvers = m_approvers;
        config.gates << gate(QStringLiteral("prod-approval"), GateStage::CanaryStep, 1, 50, 3600 * 1000);
        const auto r = rig(config);
        QVERIFY(r);
        const qint64 started = enqueue(*r, QStringLiteral("start"), startParams({step(10), step(50), step(100)}));
        QTRY_VERIFY_WITH_TIMEOUT(waitsAtGate(*r), 10000);
        QCOMPARE(r->engine->current()->desiredShare, 10.0);
        QVERIFY(answered(*r, started)->status == u"done");
        const qint64 id = r->engine->current()->id;
        QVERIFY2(r->engine->current()->message.contains(u"prod-approval"), qPrintable(r->engine->current()->message));

        if (timeout)
            r->clock.advance(3601 * 1000);
        else
            QVERIFY(sign(*r, QStringLiteral("bob"), id, QStringLiteral("prod-approval"), Decision::Reject));

        QTRY_VERIFY_WITH_TIMEOUT(state(*r, RolloutState::RolledBack), 10000);
        QCOMPARE(r->haproxy->servers.value(QStringLiteral("blue1")).weight, 100);
        QCOMPARE(r->haproxy->servers.value(QStringLiteral("green1")).admin, 0x01);
        // Never moved past the gate.
        QVERIFY(r->engine->current()->desiredShare <= 10.0);

        // The rollback is an action of `approvals`, with the reason as why, in the rollout's history...
        const QList<EventRecord> events = r->engine->store().events(id).value();
        const auto rollback = std::find_if(events.cbegin(), events.cend(),
            [](const EventRecord &e) { return e.actor == u"approvals" && e.kind == u"action"; });
        QVERIFY(rollback != events.cend());
        QVERIFY2(rollback->detail.contains(reasonPart), qPrintable(rollback->detail));

        // ... and in the audit log: the gate's decision, the automatic rollback with its reason, the end.
        QTRY_VERIFY(auditActions(*r, id).contains(QStringLiteral("rollout.rolled_back")));
        const QStringList actions = auditActions(*r, id);
        QVERIFY2(actions.indexOf(QStringLiteral("gate.wait")) < actions.indexOf(auditAction),
            qPrintable(actions.join(u' ')));
        QVERIFY(actions.indexOf(auditAction) < actions.indexOf(QStringLiteral("rollout.auto_rollback")));
        const std::optional<AuditEntry> automatic = lastAudit(*r, id, QStringLiteral("rollout.auto_rollback"));
        QVERIFY(automatic);
        QCOMPARE(automatic->actor, QStringLiteral("approvals"));
        QCOMPARE(automatic->detailObject().value(u"source").toString(), QStringLiteral("approvals"));
        QVERIFY2(
            automatic->detailObject().value(u"verdict").toString().contains(reasonPart), automatic->detail.constData());
        QCOMPARE(lastAudit(*r, id, auditAction)->detailObject().value(u"point").toString(),
            QStringLiteral("canary_step:50"));
    }

    // The environment file edited while a canary runs (RolloutEngine::setEnvironment, as the console's and
    // `greenlightctl engine`'s EnvironmentWatcher call it): a gate added at a later step holds the rollout there;
    // once the file no longer configures approvals, nothing holds it and it goes on by itself.
    void gateAddedMidRolloutIsEnforced()
    {
        const auto r = rig(ApprovalsConfig {});
        QVERIFY(r);
        QVERIFY(!r->engine->gatekeeper().enforces());
        enqueue(*r, QStringLiteral("start"), startParams({step(10, minutes(5)), step(50), step(100)}));
        QTRY_VERIFY_WITH_TIMEOUT(pausing(*r), 10000);
        QCOMPARE(r->engine->current()->desiredShare, 10.0);

        Environment edited = r->engine->environment();
        edited.approvals.approvers = m_approvers;
        edited.approvals.gates << gate(QStringLiteral("cab"), GateStage::CanaryStep, 1, 50);
        edited.stateDatabase = r->dir.filePath(QStringLiteral("elsewhere.db")); // only reopening changes this
        r->engine->setEnvironment(edited);
        QVERIFY(r->engine->gatekeeper().enforces());
        QCOMPARE(r->engine->environment().stateDatabase, r->dir.filePath(QStringLiteral("state.db")));

        r->clock.advance(5 * 60 * 1000 + 1);
        QTRY_VERIFY_WITH_TIMEOUT(waitsAtGate(*r), 10000);
        QCOMPARE(r->engine->current()->desiredShare, 10.0);
        QVERIFY2(r->engine->current()->message.contains(u"cab"), qPrintable(r->engine->current()->message));
        QTest::qWait(200);
        QVERIFY(waitsAtGate(*r)); // it holds

        edited.approvals = ApprovalsConfig {};
        r->engine->setEnvironment(edited);
        QTRY_VERIFY_WITH_TIMEOUT(state(*r, RolloutState::Completed), 10000);
        QCOMPARE(r->haproxy->servers.value(QStringLiteral("green1")).weight, 100);
    }

    // A before_start gate holds a new rollout before anything moves until its quorum (2 of release) is reached,
    // then the rollout goes on by itself and records who approved.
    void beforeStartHoldsUntilQuorum()
    {
        ApprovalsConfig config;
        config.approvers = m_approvers;
        config.gates << gate(QStringLiteral("start-approval"), GateStage::BeforeStart, 2);
        const auto r = rig(config);
        QVERIFY(r);
        const qint64 started = enqueue(*r, QStringLiteral("start"), startParams({step(50), step(100)}));
        QTRY_VERIFY_WITH_TIMEOUT(waitsAtGate(*r), 10000);
        QCOMPARE(answered(*r, started)->status, QStringLiteral("done")); // created, not refused
        const qint64 id = r->engine->current()->id;
        QVERIFY2(r->engine->current()->message.contains(u"before_start"), qPrintable(r->engine->current()->message));
        // Nothing moved: no hook ran, green1 is still in maintenance.
        const QList<RolloutOp> ops = r->engine->store().ops(id).value();
        QVERIFY(
            std::all_of(ops.cbegin(), ops.cend(), [](const RolloutOp &o) { return o.status == OpStatus::Pending; }));
        QCOMPARE(r->haproxy->servers.value(QStringLiteral("green1")).admin, 0x01);

        // One approval of two: still waiting; alice started it, so hers never counts.
        QVERIFY(sign(*r, QStringLiteral("alice"), id, QStringLiteral("start-approval"), Decision::Approve));
        QVERIFY(sign(*r, QStringLiteral("bob"), id, QStringLiteral("start-approval"), Decision::Approve));
        QTest::qWait(300);
        QVERIFY(waitsAtGate(*r));
        QCOMPARE(r->haproxy->servers.value(QStringLiteral("green1")).admin, 0x01);

        QVERIFY(sign(*r, QStringLiteral("carol"), id, QStringLiteral("start-approval"), Decision::Approve));
        QTRY_VERIFY_WITH_TIMEOUT(state(*r, RolloutState::Completed), 10000);
        QCOMPARE(r->haproxy->servers.value(QStringLiteral("green1")).weight, 100);
        const std::optional<AuditEntry> satisfied = lastAudit(*r, id, QStringLiteral("gate.satisfied"));
        QVERIFY(satisfied);
        QCOMPARE(satisfied->detailObject().value(u"point").toString(), QStringLiteral("before_start"));
        QCOMPARE(satisfied->detailObject().value(u"gates").toArray().first().toObject().value(u"approvedBy").toArray(),
            (QJsonArray {QStringLiteral("bob"), QStringLiteral("carol")}));
    }

    // A before_switch gate holds a blue-green rollout with the new colour deployed and healthy but taking no
    // traffic until the quorum is reached; then the switch happens by itself.
    void beforeSwitchHoldsBlueGreen()
    {
        ApprovalsConfig config;
        config.approvers = m_approvers;
        config.gates << gate(QStringLiteral("switch-approval"), GateStage::BeforeSwitch, 1);
        const auto r = rig(config);
        QVERIFY(r);
        enqueue(*r, QStringLiteral("start"), startParams({step(100)}, StrategyKind::BlueGreen));
        QTRY_VERIFY_WITH_TIMEOUT(waitsAtGate(*r), 10000);
        const qint64 id = r->engine->current()->id;
        QVERIFY2(r->engine->current()->message.contains(u"before_switch"), qPrintable(r->engine->current()->message));
        QCOMPARE(r->haproxy->servers.value(QStringLiteral("blue1")).weight, 100);
        QCOMPARE(r->haproxy->servers.value(QStringLiteral("green1")).weight, 0);
        QVERIFY(lastAudit(*r, id, QStringLiteral("gate.wait")));

        QVERIFY(sign(*r, QStringLiteral("bob"), id, QStringLiteral("switch-approval"), Decision::Approve));
        QTRY_VERIFY_WITH_TIMEOUT(state(*r, RolloutState::Completed), 10000);
        QVERIFY(r->haproxy->servers.value(QStringLiteral("green1")).weight > 0);
        QCOMPARE(r->haproxy->servers.value(QStringLiteral("blue1")).weight, 0);
        QCOMPARE(lastAudit(*r, id, QStringLiteral("gate.satisfied"))->detailObject().value(u"point").toString(),
            QStringLiteral("before_switch"));
    }

    void calendarHoldsAutomaticStep_data()
    {
        QTest::addColumn<bool>("override");
        QTest::newRow("the window opens") << false;
        QTest::newRow("an override arrives") << true;
    }
    // A canary whose steps advance by duration, with no gate anywhere, does not move into the closed hours of the
    // change window: it waits before the step, says why, and goes on when the window opens or an override arrives.
    void calendarHoldsAutomaticStep()
    {
        QFETCH(bool, override);
        ApprovalsConfig config;
        config.approvers = m_approvers;
        config.calendar.windows << ChangeWindow {{1, 2, 3, 4, 5}, QTime(9, 0), QTime(17, 0)};
        config.calendar.overrideGroups = {QStringLiteral("release")};
        const QDateTime beforeClosing(QDate(2026, 3, 2), QTime(16, 58), Qt::UTC); // Monday
        const auto r = rig(config, beforeClosing);
        QVERIFY(r);
        enqueue(*r, QStringLiteral("start"), startParams({step(10, minutes(5)), step(50, minutes(5)), step(100)}));
        QTRY_VERIFY_WITH_TIMEOUT(pausing(*r) && r->engine->current()->desiredShare == 10.0, 10000);
        const qint64 id = r->engine->current()->id;

        r->clock.advance(5 * 60 * 1000); // 17:03: the pause is over, the window closed
        QTRY_VERIFY_WITH_TIMEOUT(waitsAtGate(*r), 10000);
        const QString message = r->engine->current()->message;
        QVERIFY2(message.contains(u"canary_step:50") && message.contains(u"--override"), qPrintable(message));
        QTest::qWait(300);
        QCOMPARE(r->engine->current()->desiredShare, 10.0);
        QCOMPARE(
            lastAudit(*r, id, QStringLiteral("gate.wait"))->detailObject().value(u"calendarAllowed").toBool(), false);

        if (override)
            QVERIFY(sign(*r, QStringLiteral("bob"), id, QLatin1String(Statement::kCalendarGate), Decision::Override));
        else
            r->clock.setNow(QDateTime(QDate(2026, 3, 3), QTime(9, 0), Qt::UTC)); // Tuesday 09:00
        QTRY_VERIFY_WITH_TIMEOUT(pausing(*r) && r->engine->current()->desiredShare == 50.0, 10000);
        QVERIFY(!waitsAtGate(*r));
        const std::optional<AuditEntry> satisfied = lastAudit(*r, id, QStringLiteral("gate.satisfied"));
        QVERIFY(satisfied);
        QCOMPARE(satisfied->detailObject().value(u"overridden").toBool(), override);

        r->clock.advance(5 * 60 * 1000); // the next step: still overridden, or inside the window
        QTRY_VERIFY_WITH_TIMEOUT(state(*r, RolloutState::Completed), 10000);
        QCOMPARE(r->haproxy->servers.value(QStringLiteral("green1")).weight, 100);
    }

    // A block signed on a rollout stays in force for its retries: a retry of a blocked release is refused, and a
    // retry already running stops before its next step when the rollout it retries gets blocked.
    void retryObeysBlock()
    {
        ApprovalsConfig config;
        config.approvers = m_approvers;
        const auto r = rig(config);
        QVERIFY(r);
        enqueue(*r, QStringLiteral("start"), startParams({step(50, minutes(10)), step(100)}));
        QTRY_VERIFY_WITH_TIMEOUT(r->engine->current() && r->engine->current()->desiredShare == 50.0, 10000);
        const qint64 first = r->engine->current()->id;
        enqueue(*r, QStringLiteral("rollback"), {}, QStringLiteral("errors"));
        QTRY_VERIFY_WITH_TIMEOUT(state(*r, RolloutState::RolledBack), 10000);

        // A retry runs (no block yet); then bob blocks the original release: the retry stops before 100 %.
        const qint64 retry = enqueue(*r, QStringLiteral("retry"));
        QTRY_VERIFY_WITH_TIMEOUT(
            r->engine->current()->id != first && r->engine->current()->desiredShare == 50.0 && pausing(*r), 10000);
        QCOMPARE(answered(*r, retry)->status, QStringLiteral("done"));
        const qint64 second = r->engine->current()->id;
        QVERIFY(sign(*r, QStringLiteral("bob"), first, QLatin1String(Statement::kReleaseGate), Decision::Block));
        r->clock.advance(10 * 60 * 1000);
        QTRY_VERIFY_WITH_TIMEOUT(waitsAtGate(*r), 10000);
        QVERIFY2(r->engine->current()->message.contains(u"Blocked by bob"), qPrintable(r->engine->current()->message));
        QTest::qWait(300);
        QCOMPARE(r->engine->current()->desiredShare, 50.0);
        enqueue(*r, QStringLiteral("rollback"), {}, QStringLiteral("blocked"));
        QTRY_VERIFY_WITH_TIMEOUT(state(*r, RolloutState::RolledBack), 10000);

        // Retrying the retry is refused: the block on the first rollout is named.
        const qint64 again = enqueue(*r, QStringLiteral("retry"));
        QTRY_VERIFY_WITH_TIMEOUT(answered(*r, again), 10000);
        const ActionRecord refused = *answered(*r, again);
        QCOMPARE(refused.status, QStringLiteral("refused"));
        QVERIFY2(
            refused.answer.contains(u"Blocked by bob") && refused.answer.contains(QStringLiteral("#%1").arg(first)),
            qPrintable(refused.answer));
        QCOMPARE(r->engine->current()->id, second);
        QTRY_VERIFY(lastAudit(*r, second, QStringLiteral("rollout.refused")));
    }

    // The engine's checkpoint of what it appended is copied outside the database under $XDG_STATE_HOME.
    void checkpointUnderStateHome()
    {
        const auto r = rig(ApprovalsConfig {});
        QVERIFY(r);
        enqueue(*r, QStringLiteral("pause"));
        QTRY_VERIFY(r->engine->gatekeeper().log()->entries().valueOr({}).size() > 0);
        const QString outside = r->engine->gatekeeper().log()->externalCheckpointPath();
        r->engine->stop();
        QVERIFY2(outside.startsWith(m_stateHome.path() + QStringLiteral("/greenlight/audit/")), qPrintable(outside));
        QVERIFY(QFileInfo::exists(outside));
    }
};

QTEST_GUILESS_MAIN(TestRolloutEngineGates)
#include "tst_rolloutenginegates.moc"
