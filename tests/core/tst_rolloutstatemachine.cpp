// Unit tests of the rollout state machine (core/engine/rolloutstatemachine), the plans each strategy makes
// (rolloutplanner), their storage (rolloutstore on a real SQLite file) and the engine lock.
#include "engine/enginelock.h"
#include "engine/rolloutplanner.h"
#include "engine/rolloutstatemachine.h"
#include "engine/rolloutstore.h"
#include "model/environmentfile.h"
#include "storage/statestore.h"
#include "util/clock.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace gl;

Q_DECLARE_METATYPE(gl::RolloutState)
Q_DECLARE_METATYPE(gl::RolloutAction)
Q_DECLARE_METATYPE(gl::PauseReason)
Q_DECLARE_METATYPE(gl::RolloutGoal)

namespace {

PlanContext context(StrategyKind strategy, int stable = 4, int idle = 4)
{
    PlanContext c;
    c.backend = QStringLiteral("be_app");
    c.strategy = strategy;
    c.version = QStringLiteral("v2");
    c.previousVersion = QStringLiteral("v1");
    c.stableColour = QStringLiteral("blue");
    c.newColour = strategy == StrategyKind::Rolling || strategy == StrategyKind::Recreate ? QStringLiteral("blue")
                                                                                          : QStringLiteral("green");
    for (int i = 1; i <= stable; ++i) {
        c.stableSlots << QStringLiteral("blue%1").arg(i);
        c.stableWeights.insert(QStringLiteral("blue%1").arg(i), 100);
    }
    if (!c.inPlace()) {
        for (int i = 1; i <= idle; ++i)
            c.idleSlots << QStringLiteral("green%1").arg(i);
    }
    c.config.canarySteps = {{5, {PauseKind::Duration, 1000}}, {50, {PauseKind::Gate, 0}}, {100, {}}};
    return c;
}

// The total weight of the backend after applying `ops` (SetServers only) from the initial stable weights.
// Servers in drain or maint count 0. Returns the minimum total seen after each single change.
int minimumTotalWeight(const PlanContext &c, const QList<RolloutOp> &ops)
{
    QHash<QString, int> weight;
    QHash<QString, ServerAdminState> state;
    for (const QString &s : c.stableSlots) {
        weight[s] = 100;
        state[s] = ServerAdminState::Ready;
    }
    for (const QString &s : c.idleSlots) {
        weight[s] = 0;
        state[s] = ServerAdminState::Maint;
    }
    const auto total = [&] {
        int sum = 0;
        for (auto it = weight.cbegin(); it != weight.cend(); ++it)
            sum += state.value(it.key()) == ServerAdminState::Ready ? it.value() : 0;
        return sum;
    };
    int minimum = total();
    for (const RolloutOp &op : ops) {
        if (op.kind != OpKind::SetServers)
            continue;
        for (const ServerChange &change : op.changes) {
            // forChange applies the state first, then the weight.
            if (change.state) {
                state[change.server] = *change.state;
                minimum = std::min(minimum, total());
            }
            if (change.weight) {
                weight[change.server] = *change.weight;
                minimum = std::min(minimum, total());
            }
        }
    }
    return minimum;
}

// A valid environment file plus `strategies` (YAML text, appended as is).
QByteArray environmentWith(const QByteArray &strategies)
{
    return QByteArray("name: t\n"
                      "haproxy:\n"
                      "  runtime_api: /tmp/admin.sock\n"
                      "  backend: be_app\n"
                      "  slots:\n"
                      "    - {name: blue1, colour: blue, address: \"127.0.0.1:8001\", version: v1}\n"
                      "    - {name: green1, colour: green, address: \"127.0.0.1:8002\"}\n"
                      "prometheus:\n"
                      "  url: http://127.0.0.1:9090\n"
                      "hooks:\n"
                      "  deploy: \"d {slot} {version}\"\n"
                      "  undeploy: \"u {slot}\"\n")
        + strategies;
}

} // namespace

class TestRolloutStateMachine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decide_data()
    {
        QTest::addColumn<bool>("hasRollout");
        QTest::addColumn<RolloutState>("state");
        QTest::addColumn<PauseReason>("pauseReason");
        QTest::addColumn<RolloutGoal>("goal");
        QTest::addColumn<bool>("pastNoReturn");
        QTest::addColumn<RolloutAction>("action");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<RolloutState>("next");

        using S = RolloutState;
        using A = RolloutAction;
        using P = PauseReason;
        using G = RolloutGoal;
        QTest::newRow("start with no rollout")
            << false << S::Pending << P::None << G::Complete << false << A::Start << true << S::Pending;
        QTest::newRow("start while one runs")
            << true << S::Running << P::None << G::Complete << false << A::Start << false << S::Running;
        QTest::newRow("start after completed")
            << true << S::Completed << P::None << G::Complete << false << A::Start << true << S::Pending;
        QTest::newRow("start while held")
            << true << S::Held << P::None << G::Complete << false << A::Start << false << S::Held;
        QTest::newRow("pause running") << true << S::Running << P::None << G::Complete << false << A::Pause << true
                                       << S::Paused;
        QTest::newRow("pause paused") << true << S::Paused << P::User << G::Complete << false << A::Pause << false
                                      << S::Paused;
        QTest::newRow("pause aborting") << true << S::Aborting << P::None << G::Abort << false << A::Pause << false
                                        << S::Aborting;
        QTest::newRow("resume user pause")
            << true << S::Paused << P::User << G::Complete << false << A::Resume << true << S::Running;
        QTest::newRow("resume at a gate is refused")
            << true << S::Paused << P::Gate << G::Complete << false << A::Resume << false << S::Paused;
        QTest::newRow("resume held forward")
            << true << S::Held << P::None << G::Complete << false << A::Resume << true << S::Running;
        QTest::newRow("resume held rollback")
            << true << S::Held << P::None << G::Rollback << false << A::Resume << true << S::RollingBack;
        QTest::newRow("resume held abort")
            << true << S::Held << P::None << G::Abort << false << A::Resume << true << S::Aborting;
        QTest::newRow("promote at gate") << true << S::Paused << P::Gate << G::Complete << false << A::Promote << true
                                         << S::Running;
        QTest::newRow("promote at analysis")
            << true << S::Paused << P::Analysis << G::Complete << false << A::Promote << true << S::Running;
        QTest::newRow("promote running") << true << S::Running << P::None << G::Complete << false << A::Promote << true
                                         << S::Running;
        QTest::newRow("promote user pause")
            << true << S::Paused << P::User << G::Complete << false << A::Promote << false << S::Paused;
        QTest::newRow("promote-full running")
            << true << S::Running << P::None << G::Complete << false << A::PromoteFull << true << S::Running;
        QTest::newRow("promote while aborting")
            << true << S::Aborting << P::None << G::Abort << false << A::Promote << false << S::Aborting;
        QTest::newRow("promote completed")
            << true << S::Completed << P::None << G::Complete << false << A::Promote << false << S::Completed;
        QTest::newRow("abort running") << true << S::Running << P::None << G::Complete << false << A::Abort << true
                                       << S::Aborting;
        QTest::newRow("abort paused") << true << S::Paused << P::Gate << G::Complete << false << A::Abort << true
                                      << S::Aborting;
        QTest::newRow("abort held") << true << S::Held << P::None << G::Complete << false << A::Abort << true
                                    << S::Aborting;
        QTest::newRow("abort past no return")
            << true << S::Running << P::None << G::Complete << true << A::Abort << false << S::Running;
        QTest::newRow("abort aborted") << true << S::Aborted << P::None << G::Abort << false << A::Abort << false
                                       << S::Aborted;
        QTest::newRow("abort completed") << true << S::Completed << P::None << G::Complete << false << A::Abort << false
                                         << S::Completed;
        QTest::newRow("rollback running")
            << true << S::Running << P::None << G::Complete << false << A::Rollback << true << S::RollingBack;
        QTest::newRow("rollback aborted")
            << true << S::Aborted << P::None << G::Abort << false << A::Rollback << true << S::RollingBack;
        QTest::newRow("rollback aborting")
            << true << S::Aborting << P::None << G::Abort << false << A::Rollback << true << S::RollingBack;
        QTest::newRow("rollback held abort")
            << true << S::Held << P::None << G::Abort << false << A::Rollback << true << S::RollingBack;
        QTest::newRow("rollback rolled back")
            << true << S::RolledBack << P::None << G::Rollback << false << A::Rollback << false << S::RolledBack;
        QTest::newRow("rollback completed")
            << true << S::Completed << P::None << G::Complete << false << A::Rollback << false << S::Completed;
        QTest::newRow("rollback past no return")
            << true << S::Paused << P::User << G::Complete << true << A::Rollback << false << S::Paused;
        QTest::newRow("retry aborted") << true << S::Aborted << P::None << G::Abort << false << A::Retry << true
                                       << S::Pending;
        QTest::newRow("retry rolled back")
            << true << S::RolledBack << P::None << G::Rollback << false << A::Retry << true << S::Pending;
        QTest::newRow("retry running") << true << S::Running << P::None << G::Complete << false << A::Retry << false
                                       << S::Running;
        QTest::newRow("retry completed") << true << S::Completed << P::None << G::Complete << false << A::Retry << false
                                         << S::Completed;
        QTest::newRow("resume with no rollout")
            << false << S::Pending << P::None << G::Complete << false << A::Resume << false << S::Pending;
    }

    void strategiesSection_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("error"); // empty: valid
        QTest::newRow("absent: defaults") << QByteArray() << QString();
        QTest::newRow("full") << QByteArray("strategies:\n  default: blue-green\n  canary:\n    slots: 2\n"
                                            "    steps: [10, {percent: 50, pause: gate}, 100]\n    pause: 5s\n"
                                            "    undeploy_delay: 2m\n  blue_green:\n    keep_old_for: 500ms\n"
                                            "  rolling:\n    max_unavailable: 2\n  drain_timeout: 1s\n")
                              << QString();
        QTest::newRow("unknown key") << QByteArray("strategies:\n  canary:\n    stepz: [5, 100]\n")
                                     << QStringLiteral(":15: strategies.canary.stepz: unknown key");
        QTest::newRow("steps not ending at 100")
            << QByteArray("strategies:\n  canary:\n    steps: [5, 50]\n")
            << QStringLiteral(":15: strategies.canary.steps: the last step must be 100");
        QTest::newRow("steps decreasing") << QByteArray("strategies:\n  canary:\n    steps: [50, 5, 100]\n")
                                          << QStringLiteral("strategies.canary.steps: step 5 % after 50 %");
        QTest::newRow("bad pause") << QByteArray("strategies:\n  canary:\n    pause: soon\n")
                                   << QStringLiteral(":15: strategies.canary.pause: expected none, gate");
        QTest::newRow("bad strategy") << QByteArray("strategies:\n  default: yolo\n")
                                      << QStringLiteral(":14: strategies.default: expected canary");
        QTest::newRow("bad duration") << QByteArray("strategies:\n  blue_green:\n    keep_old_for: forever\n")
                                      << QStringLiteral(":15: strategies.blue_green.keep_old_for: expected a duration");
        QTest::newRow("max_unavailable 0")
            << QByteArray("strategies:\n  rolling:\n    max_unavailable: 0\n")
            << QStringLiteral(":15: strategies.rolling.max_unavailable: expected a whole number");
    }

    // The environment file's strategies: section: values are read, defaults fill the rest, and every error
    // names the file, the line and the field.
    void strategiesSection()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, error);
        const Result<Environment> env = parseEnvironment(environmentWith(yaml), QStringLiteral("env.yaml"));
        if (!error.isEmpty()) {
            QVERIFY(!env.ok());
            QVERIFY2(env.error().message.contains(error), qPrintable(env.error().message));
            QVERIFY(env.error().message.startsWith(u"env.yaml:"));
            return;
        }
        QVERIFY2(env.ok(), env.ok() ? "" : qPrintable(env.error().message));
        if (yaml.isEmpty()) {
            QCOMPARE(env->strategies, StrategyConfig());
            return;
        }
        const StrategyConfig &c = env->strategies;
        QVERIFY(c.defaultStrategy == StrategyKind::BlueGreen);
        QCOMPARE(c.canarySlots, 2);
        QCOMPARE(c.canarySteps.size(), 3);
        QCOMPARE(c.canarySteps.at(0).percent, 10);
        QCOMPARE(c.canarySteps.at(0).pause, (StepPause {PauseKind::Duration, 5000}));
        QCOMPARE(c.canarySteps.at(1).pause, (StepPause {PauseKind::Gate, 0}));
        QCOMPARE(c.canarySteps.at(2).pause, StepPause {});
        QCOMPARE(c.canaryUndeployDelayMs, qint64(120000));
        QCOMPARE(c.keepOldForMs, qint64(500));
        QCOMPARE(c.maxUnavailable, 2);
        QCOMPARE(c.drainTimeoutMs, qint64(1000));
        QCOMPARE(c.healthTimeoutMs, StrategyConfig().healthTimeoutMs);
    }

    void stepsOption_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("count");
        QTest::newRow("plain") << "5,25,50,100" << true << 4;
        QTest::newRow("with pauses") << "5:gate,50:10s,100" << true << 3;
        QTest::newRow("percent signs") << "10%,100%" << true << 2;
        QTest::newRow("not ending at 100") << "5,50" << false << 0;
        QTest::newRow("garbage") << "five,100" << false << 0;
        QTest::newRow("bad pause") << "5:later,100" << false << 0;
    }

    // --steps on the command line: the same rules as the file; the pause after ':' overrides --pause.
    void stepsOption()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(int, count);
        const Result<QList<CanaryStep>> steps = parseCanarySteps(text, StepPause {PauseKind::Duration, 1000});
        QCOMPARE(steps.ok(), valid);
        if (valid) {
            QCOMPARE(steps->size(), count);
            QCOMPARE(steps->last().pause, StepPause {});
        }
    }

    // Which operator action is allowed in which state, and the state it leads to; refusals say why.
    void decide()
    {
        QFETCH(bool, hasRollout);
        QFETCH(RolloutState, state);
        QFETCH(PauseReason, pauseReason);
        QFETCH(RolloutGoal, goal);
        QFETCH(bool, pastNoReturn);
        QFETCH(RolloutAction, action);
        QFETCH(bool, allowed);
        QFETCH(RolloutState, next);
        const std::optional<RolloutFacts> facts = hasRollout
            ? std::optional<RolloutFacts>(RolloutFacts {state, pauseReason, goal, pastNoReturn})
            : std::nullopt;
        const RolloutDecision d = RolloutStateMachine::decide(facts, action);
        QCOMPARE(d.allowed, allowed);
        QCOMPARE(toString(d.next), toString(next));
        QCOMPARE(d.reason.isEmpty(), allowed);
    }

    // States, actions, goals and pause reasons survive their text form (the database and --json use it).
    void namesRoundTrip()
    {
        for (RolloutState s : {RolloutState::Pending, RolloutState::Running, RolloutState::Paused, RolloutState::Held,
                 RolloutState::Aborting, RolloutState::RollingBack, RolloutState::Completed, RolloutState::Aborted,
                 RolloutState::RolledBack})
            QVERIFY(rolloutStateFromString(toString(s)) == s);
        for (RolloutAction a :
            {RolloutAction::Start, RolloutAction::Pause, RolloutAction::Resume, RolloutAction::Promote,
                RolloutAction::PromoteFull, RolloutAction::Abort, RolloutAction::Rollback, RolloutAction::Retry})
            QVERIFY(rolloutActionFromString(toString(a)) == a);
        QVERIFY(!rolloutStateFromString(QStringLiteral("nonsense")));
        QVERIFY(RolloutStateMachine::finishedState(RolloutGoal::Abort) == RolloutState::Aborted);
        QVERIFY(RolloutStateMachine::movingState(RolloutGoal::Rollback) == RolloutState::RollingBack);
    }

    void planKeepsWeight_data()
    {
        QTest::addColumn<int>("strategy");
        QTest::addColumn<int>("stable");
        QTest::addColumn<int>("idle");
        QTest::newRow("canary 4+4") << int(StrategyKind::Canary) << 4 << 4;
        QTest::newRow("canary 1+1") << int(StrategyKind::Canary) << 1 << 1;
        QTest::newRow("canary 20+20") << int(StrategyKind::Canary) << 20 << 20;
        QTest::newRow("blue-green 4+4") << int(StrategyKind::BlueGreen) << 4 << 4;
        QTest::newRow("rolling 4") << int(StrategyKind::Rolling) << 4 << 0;
        QTest::newRow("rolling 2") << int(StrategyKind::Rolling) << 2 << 0;
    }

    // Every batch of every strategy but recreate (and of their abort and rollback) keeps the backend's
    // total weight above 0 after each single command; recreate is the one that does not (downtime).
    void planKeepsWeight()
    {
        QFETCH(int, strategy);
        QFETCH(int, stable);
        QFETCH(int, idle);
        PlanContext c = context(StrategyKind(strategy), stable, idle);
        c.config.maxUnavailable = 3;
        Result<QList<RolloutOp>> ops = RolloutPlanner::plan(c);
        QVERIFY2(ops.ok(), ops.ok() ? "" : qPrintable(ops.error().message));
        QVERIFY(minimumTotalWeight(c, *ops) > 0);

        // Abort/rollback after each prefix of the plan: the recovery never empties the backend either.
        for (int done = 0; done <= ops->size(); ++done) {
            QList<RolloutOp> progress = *ops;
            for (int i = 0; i < done; ++i)
                progress[i].status = OpStatus::Done;
            QList<RolloutOp> applied = progress.mid(0, done);
            if (std::any_of(applied.cbegin(), applied.cend(), [](const RolloutOp &o) { return o.noReturn; }))
                break;
            for (bool rollback : {false, true}) {
                QList<RolloutOp> recovery = RolloutPlanner::recoveryOps(c, progress, rollback, 7);
                for (RolloutOp &op : recovery)
                    op.status = OpStatus::Done;
                // A rollback of canary or blue-green plans the removal once its restore batch is done.
                const bool plans = !recovery.isEmpty() && recovery.last().plansRemoval;
                const QList<RolloutOp> removal
                    = plans ? RolloutPlanner::removalOps(c, progress + recovery) : QList<RolloutOp> {};
                QCOMPARE(plans, rollback && !c.inPlace() && !RolloutPlanner::deployedSlots(progress).isEmpty());
                QCOMPARE(plans, !removal.isEmpty());
                QVERIFY2(minimumTotalWeight(c, applied + recovery + removal) > 0,
                    qPrintable(QStringLiteral("after %1 ops").arg(done)));
            }
        }

        PlanContext recreate = context(StrategyKind::Recreate, stable, 0);
        QCOMPARE(minimumTotalWeight(recreate, RolloutPlanner::plan(recreate).value()), 0);
    }

    // Canary: deploy before enabling, enable at weight 0 then wait for the health check, steps in order with
    // the new side raised first, the old colour undeployed last and only after the undeploy delay.
    void canaryPlanOrder()
    {
        PlanContext c = context(StrategyKind::Canary, 4, 4);
        c.config.canarySlots = 1;
        const QList<RolloutOp> ops = RolloutPlanner::plan(c).value();
        QStringList kinds;
        for (const RolloutOp &op : ops)
            kinds << toString(op.kind) + (op.role.isEmpty() ? QString() : u':' + op.role);
        const QStringList expected {QStringLiteral("deploy"), QStringLiteral("set-servers:enable"),
            QStringLiteral("wait-healthy"), QStringLiteral("set-servers:step"), QStringLiteral("pause:step"),
            QStringLiteral("set-servers:step"), QStringLiteral("pause:step"), QStringLiteral("deploy"),
            QStringLiteral("deploy"), QStringLiteral("deploy"), QStringLiteral("set-servers:enable"),
            QStringLiteral("wait-healthy"), QStringLiteral("set-servers:step"), QStringLiteral("pause:undeploy-delay"),
            QStringLiteral("set-servers:drain"), QStringLiteral("wait-drained"), QStringLiteral("set-servers:maint"),
            QStringLiteral("undeploy"), QStringLiteral("undeploy"), QStringLiteral("undeploy"),
            QStringLiteral("undeploy")};
        QCOMPARE(kinds, expected);
        // enable: weight 0 before state ready
        QCOMPARE(ops.at(1).changes.first().weight, std::optional<int>(0));
        QCOMPARE(ops.at(1).changes.last().state, std::optional<ServerAdminState>(ServerAdminState::Ready));
        // step 1: 5 % -> green1 first
        QCOMPARE(ops.at(3).changes.first().server, QStringLiteral("green1"));
        QCOMPARE(ops.at(3).percent, 5.0);
        QVERIFY(ops.at(3).skippable);
        QVERIFY(ops.at(6).pause.kind == PauseKind::Gate);
        // 100 %: every green slot raised before any blue slot is lowered
        const RolloutOp &full = ops.at(12);
        QCOMPARE(full.percent, 100.0);
        QCOMPARE(full.changes.size(), 8);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(full.changes.at(i).weight, std::optional<int>(100));
        for (int i = 4; i < 8; ++i)
            QCOMPARE(full.changes.at(i).weight, std::optional<int>(0));
        QVERIFY(!full.skippable);
        QVERIFY(ops.last().noReturn);
        QCOMPARE(RolloutPlanner::stepCount(c), 3);
    }

    // Blue-green: one switch batch (green raised first), the old colour kept for the delay, then undeployed.
    void blueGreenPlan()
    {
        PlanContext c = context(StrategyKind::BlueGreen, 2, 2);
        c.config.keepOldForMs = 5000;
        const QList<RolloutOp> ops = RolloutPlanner::plan(c).value();
        int switches = 0;
        for (int i = 0; i < ops.size(); ++i) {
            if (ops.at(i).role == u"step") {
                ++switches;
                QCOMPARE(ops.at(i).changes.at(0).server, QStringLiteral("green1"));
                QCOMPARE(ops.at(i).changes.at(0).weight, std::optional<int>(100));
                QCOMPARE(ops.at(i).changes.at(3).weight, std::optional<int>(0));
                QVERIFY(ops.at(i + 1).kind == OpKind::Pause);
                QCOMPARE(ops.at(i + 1).pause.durationMs, qint64(5000));
            }
        }
        QCOMPARE(switches, 1);
    }

    // Rolling: batches of maxUnavailable, capped so that one slot always serves; a single slot is refused.
    void rollingBatches()
    {
        PlanContext c = context(StrategyKind::Rolling, 4, 0);
        c.config.maxUnavailable = 10;
        QCOMPARE(RolloutPlanner::stepCount(c), 2); // batches of 3 (4 - 1), then 1
        c.config.maxUnavailable = 1;
        QCOMPARE(RolloutPlanner::stepCount(c), 4);
        const QList<RolloutOp> ops = RolloutPlanner::plan(c).value();
        QCOMPARE(ops.first().changes.first().state, std::optional<ServerAdminState>(ServerAdminState::Drain));
        QVERIFY(ops.at(1).kind == OpKind::WaitDrained);
        QCOMPARE(ops.at(2).changes.first().state, std::optional<ServerAdminState>(ServerAdminState::Maint));
        QVERIFY(ops.at(3).kind == OpKind::Deploy);
        QVERIFY(!RolloutPlanner::plan(context(StrategyKind::Rolling, 1, 0)));
    }

    // Rollback of a rolling deployment redeploys the previous version on exactly the slots that got the new
    // one, and says how long it will take from what the forward batches took.
    void rollingRollback()
    {
        PlanContext c = context(StrategyKind::Rolling, 3, 0);
        QList<RolloutOp> ops = RolloutPlanner::plan(c).value();
        // First batch (blue1) done, taking 2 s; second batch drained but not deployed yet.
        for (RolloutOp &op : ops) {
            if (op.group == 0) {
                op.status = OpStatus::Done;
                op.startedMs = 1000;
                op.finishedAt = QDateTime::fromMSecsSinceEpoch(3000, Qt::UTC).toString(Qt::ISODateWithMs);
            }
            if (op.group == 1 && op.kind == OpKind::SetServers && op.role == u"drain")
                op.status = OpStatus::Done;
        }
        qint64 estimate = 0;
        const QList<RolloutOp> recovery = RolloutPlanner::recoveryOps(c, ops, true, 9, &estimate);
        QCOMPARE(recovery.first().role, QStringLiteral("restore")); // blue2 back in service, still v1
        QCOMPARE(recovery.first().changes.first().server, QStringLiteral("blue2"));
        QStringList redeployed;
        for (const RolloutOp &op : recovery) {
            if (op.kind == OpKind::Deploy) {
                redeployed << op.slotNames;
                QCOMPARE(op.version, QStringLiteral("v1"));
            }
        }
        QCOMPARE(redeployed, QStringList {QStringLiteral("blue1")});
        QCOMPARE(estimate, qint64(2000));
    }

    // Canary abort: one batch, stable raised first (ready + old weights), deployed new slots to weight 0;
    // rollback adds drain, maintenance and undeploy of exactly the deployed new slots.
    void canaryRecovery()
    {
        PlanContext c = context(StrategyKind::Canary, 2, 2);
        QList<RolloutOp> ops = RolloutPlanner::plan(c).value();
        for (int i = 0; i < 5; ++i) // deploy, enable, wait, 5 %, pause
            ops[i].status = OpStatus::Done;
        const QList<RolloutOp> abort = RolloutPlanner::recoveryOps(c, ops, false, 3);
        QCOMPARE(abort.size(), 1);
        QCOMPARE(abort.first().answersAction, qint64(3));
        QCOMPARE(abort.first().changes.size(), 3);
        QCOMPARE(abort.first().changes.at(0).server, QStringLiteral("blue1"));
        QCOMPARE(abort.first().changes.at(0).state, std::optional<ServerAdminState>(ServerAdminState::Ready));
        QCOMPARE(abort.first().changes.at(2).server, QStringLiteral("green1"));
        QCOMPARE(abort.first().changes.at(2).weight, std::optional<int>(0));
        QVERIFY(!abort.first().plansRemoval); // abort keeps the new version for inspection
        // Rollback: the same single batch ahead of HAProxy; the removal is planned after it.
        QList<RolloutOp> rollback = RolloutPlanner::recoveryOps(c, ops, true, 3);
        QCOMPARE(rollback.size(), 1);
        QCOMPARE(rollback.first().changes.size(), 3);
        QVERIFY(rollback.first().plansRemoval);
        RolloutOp stored; // the flag survives the state database, with every other parameter
        stored.kind = rollback.first().kind;
        stored.setParamsJson(QJsonDocument::fromJson(rollback.first().paramsText()).object());
        QVERIFY(stored.plansRemoval);
        QCOMPARE(stored.paramsText(), rollback.first().paramsText());
        QCOMPARE(stored.changes.size(), 3);
        rollback.first().status = OpStatus::Done;
        const QList<RolloutOp> removal = RolloutPlanner::removalOps(c, ops + rollback);
        QStringList kinds;
        for (const RolloutOp &op : removal)
            kinds << toString(op.kind) + u':' + op.role;
        QCOMPARE(kinds,
            (QStringList {QStringLiteral("set-servers:drain"), QStringLiteral("wait-drained:"),
                QStringLiteral("set-servers:maint"), QStringLiteral("undeploy:")}));
        QCOMPARE(removal.last().slotNames, QStringList {QStringLiteral("green1")});
    }

    // The plan context and the operations survive the state database; op updates and the action queue work.
    void storeRoundTrip()
    {
        QTemporaryDir dir;
        Result<StateStore> state = StateStore::open(dir.filePath(QStringLiteral("state.db")));
        QVERIFY(state.ok());
        ManualClock clock;
        RolloutStore store(state.value(), clock);
        const PlanContext c = context(StrategyKind::Canary, 2, 2);
        const QList<RolloutOp> ops = RolloutPlanner::plan(c).value();
        RolloutRecord record;
        record.versionFrom = QStringLiteral("v1");
        record.versionTo = QStringLiteral("v2");
        record.strategy = QStringLiteral("canary");
        record.state = RolloutState::Running;
        record.plan = c.toJson();
        record.startedAt = store.now();
        record.startedBy = QStringLiteral("ana");
        const Result<qint64> id = store.createRollout(record, ops);
        QVERIFY2(id.ok(), id.ok() ? "" : qPrintable(id.error().toString()));

        Result<QList<RolloutOp>> loaded = store.ops(*id);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->size(), ops.size());
        for (int i = 0; i < ops.size(); ++i) {
            QVERIFY(loaded->at(i).kind == ops.at(i).kind);
            QCOMPARE(loaded->at(i).changes, ops.at(i).changes);
            QCOMPARE(loaded->at(i).slotNames, ops.at(i).slotNames);
            QCOMPARE(loaded->at(i).pause, ops.at(i).pause);
        }
        const Result<PlanContext> back = PlanContext::fromJson((*store.latest())->plan);
        QVERIFY(back.ok());
        QCOMPARE(back->stableSlots, c.stableSlots);
        QCOMPARE(back->config, c.config);

        RolloutOp first = loaded->first();
        first.status = OpStatus::Running;
        first.attempts = 1;
        QVERIFY(store.updateOp(first).ok());
        QVERIFY(store.ops(*id)->first().status == OpStatus::Running);

        RolloutRecord latest = **store.latest();
        const qint64 revision = latest.revision;
        latest.state = RolloutState::Paused;
        QVERIFY(store.updateRollout(latest).ok());
        QCOMPARE((*store.latest())->revision, revision + 1);
        QVERIFY((*store.latest())->state == RolloutState::Paused);

        ActionRecord action;
        action.action = QStringLiteral("abort");
        action.actor = QStringLiteral("bo");
        action.reason = QStringLiteral("5xx");
        const Result<qint64> actionId = store.enqueueAction(action);
        QVERIFY(actionId.ok());
        QCOMPARE(store.pendingActions()->size(), 1);
        QVERIFY(store.answerAction(*actionId, true, QStringLiteral("ok"), *id).ok());
        QCOMPARE(store.pendingActions()->size(), 0);
        QCOMPARE((*store.action(*actionId))->status, QStringLiteral("done"));
        QCOMPARE((*store.action(*actionId))->reason, QStringLiteral("5xx"));
    }

    // One engine per environment: a second owner is refused while the heartbeat is fresh, takes over once it
    // is stale, and the first then learns it lost the lock.
    void engineLock()
    {
        QTemporaryDir dir;
        Result<StateStore> state = StateStore::open(dir.filePath(QStringLiteral("state.db")));
        QVERIFY(state.ok());
        ManualClock clock(QDateTime::currentDateTimeUtc());
        EngineLock first(state.value(), clock, QStringLiteral("first"));
        EngineLock second(state.value(), clock, QStringLiteral("second"));
        QVERIFY(first.acquire().ok());
        QCOMPARE(second.acquire().error().code, ErrorCode::Locked);
        clock.setNow(clock.now().addMSecs(1000));
        QVERIFY(first.heartbeat().ok());
        QVERIFY(second.liveHolder()->has_value());
        clock.setNow(clock.now().addMSecs(EngineLock::DefaultStaleAfterMs + 1));
        QVERIFY(!second.liveHolder()->has_value());
        QVERIFY(second.acquire().ok());
        QCOMPARE(first.heartbeat().error().code, ErrorCode::Locked);
        second.release();
        QVERIFY(!first.liveHolder()->has_value());
    }
};

QTEST_GUILESS_MAIN(TestRolloutStateMachine)
#include "tst_rolloutstatemachine.moc"
