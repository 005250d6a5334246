// Where a rollout waits for approvals (gateWaitOf, as RolloutEngine::gatePointAt decides it) and what the
// Approvals place lists (pendingGates) over real SQLite files: a canary paused before a traffic step and a
// blue-green paused before its switch, each with the engine's gate.wait time, the starter from rollout.start,
// counted and refused decisions, n/N and the deadline.
#include "approvals/approvalledger.h"
#include "audit/auditlog.h"
#include "engine/pendinggates.h"
#include "engine/rolloutstore.h"
#include "storage/statestore.h"
#include "util/clock.h"

#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace gl;

namespace {

const QDateTime kStart(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);

RolloutOp op(OpKind kind, OpStatus status, const QString &role = {}, int step = -1, double percent = -1)
{
    RolloutOp o;
    o.kind = kind;
    o.status = status;
    o.role = role;
    o.step = step;
    o.percent = percent;
    return o;
}

// A canary plan: deploy, step 10 %, its gate pause, step 50 %, step 100 %; the first `done` operations finished.
QList<RolloutOp> canaryOps(int done)
{
    QList<RolloutOp> ops {op(OpKind::Deploy, OpStatus::Pending),
        op(OpKind::SetServers, OpStatus::Pending, QStringLiteral("step"), 0, 10),
        op(OpKind::Pause, OpStatus::Pending, QStringLiteral("step"), 0),
        op(OpKind::SetServers, OpStatus::Pending, QStringLiteral("step"), 1, 50),
        op(OpKind::SetServers, OpStatus::Pending, QStringLiteral("step"), 2, 100)};
    for (int i = 0; i < done; ++i)
        ops[i].status = OpStatus::Done;
    return ops;
}

// A blue-green plan: deploy, enable (not a traffic step), switch, keep-old pause.
QList<RolloutOp> blueGreenOps(int done)
{
    QList<RolloutOp> ops {op(OpKind::Deploy, OpStatus::Pending), op(OpKind::SetServers, OpStatus::Pending),
        op(OpKind::SetServers, OpStatus::Pending, QStringLiteral("step"), 0, 100),
        op(OpKind::Pause, OpStatus::Pending, QStringLiteral("keep-old"))};
    for (int i = 0; i < done; ++i)
        ops[i].status = OpStatus::Done;
    return ops;
}

RolloutRecord rollout(const QString &strategy, RolloutState state, PauseReason pause)
{
    RolloutRecord r;
    r.versionFrom = QStringLiteral("v1");
    r.versionTo = QStringLiteral("v2");
    r.strategy = strategy;
    r.state = state;
    r.pauseReason = pause;
    r.stableColour = QStringLiteral("blue");
    r.newColour = QStringLiteral("green");
    r.startedAt = kStart.toString(Qt::ISODateWithMs);
    r.startedBy = QStringLiteral("alice@desk1");
    r.updatedAt = kStart.addSecs(120).toString(Qt::ISODateWithMs);
    return r;
}

} // namespace

class TestPendingGates : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QMap<QString, SigningKey> m_keys;
    ManualClock m_clock {kStart.addSecs(3600)};
    int m_envCount = 0;

    Environment environment()
    {
        Environment env;
        env.name = QStringLiteral("prod");
        env.stateDatabase = m_dir.filePath(QStringLiteral("env%1/state.db").arg(++m_envCount));
        QDir().mkpath(QFileInfo(env.stateDatabase).path());
        const QList<QPair<QString, QStringList>> people {{QStringLiteral("alice"), {QStringLiteral("release")}},
            {QStringLiteral("bob"), {QStringLiteral("release")}}, {QStringLiteral("carol"), {QStringLiteral("sre")}},
            {QStringLiteral("dave"), {QStringLiteral("qa")}}};
        for (const auto &[name, groups] : people)
            env.approvals.approvers << Identity {name, groups, m_keys.value(name).publicKey()};
        GateConfig step;
        step.name = QStringLiteral("half-traffic");
        step.stage = GateStage::CanaryStep;
        step.step = 50;
        step.groups = {QStringLiteral("release"), QStringLiteral("sre")};
        step.quorum = 2;
        step.timeoutMs = 2 * 3600 * 1000;
        GateConfig other;
        other.name = QStringLiteral("full-traffic");
        other.stage = GateStage::CanaryStep;
        other.step = 100;
        other.groups = step.groups;
        GateConfig sw;
        sw.name = QStringLiteral("switch");
        sw.stage = GateStage::BeforeSwitch;
        sw.groups = {QStringLiteral("sre")};
        sw.quorum = 1;
        sw.timeoutMs = 3600 * 1000;
        env.approvals.gates << step << other << sw;
        return env;
    }

    void sign(AuditLog &log, const Environment &env, const QString &person, const QString &gate, Decision decision,
        int minutes)
    {
        Statement s;
        s.environment = env.name;
        s.rolloutId = QStringLiteral("1");
        s.gate = gate;
        s.decision = decision;
        s.time = kStart.addSecs(60 * minutes);
        s.signer = person;
        s.nonce = Statement::newNonce();
        const Result<AuditEntry> recorded = ApprovalLedger(log, env.name, env.approvals.approvers)
                                                .record(*SignedStatement::sign(s, m_keys.value(person)), person);
        QVERIFY2(recorded.ok(), qPrintable(recorded ? QString() : recorded.error().message));
    }

    // Stores rollout #1 with `ops`, audits its start by alice and the engine's wait at `point` from 10:30.
    void store(const Environment &env, const RolloutRecord &record, const QList<RolloutOp> &ops, const QString &point)
    {
        StateStore state = StateStore::open(env.stateDatabase).value();
        RolloutStore rollouts(state, m_clock);
        const Result<qint64> id = rollouts.createRollout(record, ops);
        QVERIFY(id.ok());
        QCOMPARE(*id, 1);
        // createRollout writes every operation Pending: mark the finished ones.
        QList<RolloutOp> stored = rollouts.ops(1).value();
        for (qsizetype i = 0; i < stored.size(); ++i) {
            stored[i].status = ops[i].status;
            QVERIFY(rollouts.updateOp(stored[i]).ok());
        }
        RolloutRecord again = *rollouts.rollout(1).value();
        again.state = record.state;
        again.pauseReason = record.pauseReason;
        QVERIFY(rollouts.updateRollout(again).ok());
        AuditLog log = AuditLog::open(AuditLog::pathForStateDatabase(env.stateDatabase), m_clock).value();
        QVERIFY(log.append({QStringLiteral("alice@desk1"), QStringLiteral("rollout.start"), QStringLiteral("rollout:1"),
                               QJsonObject {{QStringLiteral("person"), QStringLiteral("alice")}}, {}})
                    .ok());
        QVERIFY(log.append({QStringLiteral("engine@desk1"), QStringLiteral("gate.wait"), QStringLiteral("rollout:1"),
                               QJsonObject {{QStringLiteral("point"), point},
                                   {QStringLiteral("opened_at"), kStart.addSecs(1800).toString(Qt::ISODateWithMs)}},
                               {}})
                    .ok());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        qputenv("XDG_STATE_HOME", m_dir.filePath(QStringLiteral("state")).toUtf8());
        for (const char *name : {"alice", "bob", "carol", "dave"})
            m_keys.insert(QString::fromLatin1(name), SigningKey::generate().value());
    }

    // gateWaitOf names the point the engine holds the rollout at, and nothing for a rollout that is not waiting
    // for approvals (running, paused by a person, at a step pause of kind gate, finished).
    void gateWaitOf_data()
    {
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("pause");
        QTest::addColumn<int>("done"); // operations finished
        QTest::addColumn<bool>("stepPauseRunning");
        QTest::addColumn<int>("stage"); // -1: not waiting
        QTest::addColumn<int>("percent");
        QTest::addColumn<int>("stepIndex");
        const int paused = int(RolloutState::Paused);
        const int gate = int(PauseReason::Gate);
        const int start = int(GateStage::BeforeStart);
        const int canary = int(GateStage::CanaryStep);
        const int sw = int(GateStage::BeforeSwitch);
        QTest::newRow("pending") << "canary" << int(RolloutState::Pending) << int(PauseReason::None) << 0 << false
                                 << start << 0 << -1;
        QTest::newRow("paused before anything") << "canary" << paused << gate << 0 << false << start << 0 << -1;
        QTest::newRow("canary before 10 %") << "canary" << paused << gate << 1 << false << canary << 10 << 0;
        QTest::newRow("canary before 50 %") << "canary" << paused << gate << 3 << false << canary << 50 << 1;
        QTest::newRow("canary step pause of kind gate") << "canary" << paused << gate << 2 << true << -1 << 0 << 0;
        QTest::newRow("canary running") << "canary" << int(RolloutState::Running) << int(PauseReason::None) << 3
                                        << false << -1 << 0 << 0;
        QTest::newRow("canary paused by a person")
            << "canary" << paused << int(PauseReason::User) << 3 << false << -1 << 0 << 0;
        QTest::newRow("canary completed")
            << "canary" << int(RolloutState::Completed) << int(PauseReason::None) << 5 << false << -1 << 0 << 0;
        QTest::newRow("blue-green before switch") << "blue-green" << paused << gate << 2 << false << sw << 0 << -1;
        QTest::newRow("blue-green before enable") << "blue-green" << paused << gate << 1 << false << -1 << 0 << 0;
    }
    void gateWaitOf()
    {
        QFETCH(QString, strategy);
        QFETCH(int, state);
        QFETCH(int, pause);
        QFETCH(int, done);
        QFETCH(bool, stepPauseRunning);
        QFETCH(int, stage);
        QFETCH(int, percent);
        QFETCH(int, stepIndex);
        const RolloutRecord r = rollout(strategy, RolloutState(state), PauseReason(pause));
        QList<RolloutOp> ops = strategy == u"canary" ? canaryOps(done) : blueGreenOps(done);
        if (stepPauseRunning)
            ops[done].status = OpStatus::Running;
        const std::optional<GateWait> wait = gl::gateWaitOf(r, ops);
        QCOMPARE(wait.has_value(), stage >= 0);
        if (!wait)
            return;
        QCOMPARE(int(wait->stage), stage);
        QCOMPARE(wait->stepPercent, percent);
        QCOMPARE(wait->stepIndex, stepIndex);
        QVERIFY(wait->openedAt.isValid());
    }

    // A canary paused before its 50 % step lists the 50 % gate only (not the 100 % one): opened when the engine
    // said (gate.wait), deadline 2 h later, bob's approval counted, the starter alice refused with core's
    // reason, dave (not in the groups) refused; 1/2 and still pending.
    void pendingCanaryStepGate()
    {
        const Environment env = environment();
        store(env, rollout(QStringLiteral("canary"), RolloutState::Paused, PauseReason::Gate), canaryOps(3),
            QStringLiteral("canary_step:50"));
        AuditLog log = AuditLog::open(AuditLog::pathForStateDatabase(env.stateDatabase), m_clock).value();
        sign(log, env, QStringLiteral("bob"), QStringLiteral("half-traffic"), Decision::Approve, 35);
        sign(log, env, QStringLiteral("alice"), QStringLiteral("half-traffic"), Decision::Approve, 36);
        sign(log, env, QStringLiteral("dave"), QStringLiteral("half-traffic"), Decision::Approve, 37);
        sign(log, env, QStringLiteral("carol"), QStringLiteral("full-traffic"), Decision::Approve, 38);
        StateStore state = StateStore::open(env.stateDatabase).value();
        RolloutStore rollouts(state, m_clock);
        const Result<QList<PendingGate>> pending = gl::pendingGates(env, rollouts, log, m_clock.now());
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), 1);
        const PendingGate &gate = pending->first();
        QCOMPARE(gate.config.name, QStringLiteral("half-traffic"));
        QCOMPARE(gate.rollout.id, 1);
        QVERIFY(gate.wait.stage == GateStage::CanaryStep);
        QCOMPARE(gate.wait.stepPercent, 50);
        QCOMPARE(gate.wait.stepIndex, 1);
        QCOMPARE(gate.wait.openedAt, kStart.addSecs(1800));
        QCOMPARE(gate.context.startedBy, QStringLiteral("alice"));
        QVERIFY(gate.status.state == GateState::Pending);
        QCOMPARE(gate.status.quorum, 2);
        QCOMPARE(gate.status.counted, QStringList {QStringLiteral("bob")});
        QCOMPARE(gate.status.deadline, kStart.addSecs(1800 + 7200));
        QCOMPARE(gate.votes.size(), 3); // carol's decision is about another gate
        QVERIFY(gate.votes[0].counted);
        QCOMPARE(gate.votes[0].groups, QStringList {QStringLiteral("release")});
        QVERIFY(!gate.votes[1].counted);
        QVERIFY2(gate.votes[1].refusal.contains(u"started this rollout"), qPrintable(gate.votes[1].refusal));
        QVERIFY(!gate.votes[2].counted);
        QVERIFY2(gate.votes[2].refusal.contains(u"not in the gate's groups"), qPrintable(gate.votes[2].refusal));
        QVERIFY(!gate.analysis.has_value());
    }

    // A blue-green paused before its switch lists the before_switch gate; carol's approval (sre) meets the quorum
    // of 1 and the gate reads Approved; after the timeout without approvals it reads TimedOut.
    void pendingBlueGreenSwitchGate()
    {
        const Environment env = environment();
        store(env, rollout(QStringLiteral("blue-green"), RolloutState::Paused, PauseReason::Gate), blueGreenOps(2),
            QStringLiteral("before_switch"));
        AuditLog log = AuditLog::open(AuditLog::pathForStateDatabase(env.stateDatabase), m_clock).value();
        StateStore state = StateStore::open(env.stateDatabase).value();
        RolloutStore rollouts(state, m_clock);

        Result<QList<PendingGate>> pending = gl::pendingGates(env, rollouts, log, kStart.addSecs(1800 + 3601));
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->first().config.name, QStringLiteral("switch"));
        QVERIFY(pending->first().wait.stage == GateStage::BeforeSwitch);
        QVERIFY(pending->first().status.state == GateState::TimedOut);

        sign(log, env, QStringLiteral("carol"), QStringLiteral("switch"), Decision::Approve, 40);
        pending = gl::pendingGates(env, rollouts, log, m_clock.now());
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), 1);
        QVERIFY(pending->first().status.state == GateState::Approved);
        QCOMPARE(pending->first().status.counted, QStringList {QStringLiteral("carol")});
        QCOMPARE(pending->first().status.deadline, kStart.addSecs(1800 + 3600));
    }

    // Nothing is listed when the rollout is not at a gate point (running) or the environment has no gates.
    void nothingPending()
    {
        Environment env = environment();
        store(env, rollout(QStringLiteral("canary"), RolloutState::Running, PauseReason::None), canaryOps(3),
            QStringLiteral("canary_step:50"));
        AuditLog log = AuditLog::open(AuditLog::pathForStateDatabase(env.stateDatabase), m_clock).value();
        StateStore state = StateStore::open(env.stateDatabase).value();
        RolloutStore rollouts(state, m_clock);
        QVERIFY(gl::pendingGates(env, rollouts, log, m_clock.now())->isEmpty());
        env.approvals.gates.clear();
        QVERIFY(gl::pendingGates(env, rollouts, log, m_clock.now())->isEmpty());
    }
};

QTEST_MAIN(TestPendingGates)
#include "tst_pendinggates.moc"
