// Actions bound to what was confirmed (docs/engine.md): the engine compares the rollout a person confirmed an action
// on (RolloutExpectation: rollout, step, state, pause reason; a revision when given) with the rollout as it is when
// it takes the action. A stale promote or promote-full is refused with where the rollout is now ("the rollout moved
// to step 2 (50 %, waiting at gate cab) since you confirmed") and nothing moves; a stale pause, abort or rollback
// goes ahead and its event says so; a matching expectation executes; a malformed one is refused. Against a fake
// HAProxy Runtime API (tests/support), as tst_rolloutrollback.
#include "engine/rolloutengine.h"
#include "engine/rolloutexpectation.h"
#include "fakehaproxy.h"
#include "identity/identity.h"
#include "identity/signingkey.h"
#include "storage/statestore.h"
#include "util/clock.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(gl::RolloutState)
Q_DECLARE_METATYPE(gl::RolloutAction)

using namespace gl;
using namespace gl::test;

class TestConfirmedActions : public QObject {
    Q_OBJECT

    QTemporaryDir m_stateHome;

    struct Rig {
        QTemporaryDir dir;
        std::unique_ptr<FakeHaproxy> haproxy;
        std::optional<StateStore> state;
        std::unique_ptr<RolloutEngine> engine;
    };

    // blue1 serves v1, green1 idle; `approvals` as the environment file would give them.
    static std::unique_ptr<Rig> rig(const ApprovalsConfig &approvals = {})
    {
        auto r = std::make_unique<Rig>();
        r->haproxy = blueGreenHaproxy(r->dir);
        if (!r->haproxy)
            return nullptr;
        Environment env = blueGreenEnvironment(QStringLiteral("cas"), r->dir, *r->haproxy);
        env.approvals = approvals;
        Result<StateStore> state = StateStore::open(env.stateDatabase);
        if (!state)
            return nullptr;
        r->state.emplace(std::move(state).value());
        RolloutEngine::Options options;
        options.tickMs = 20;
        options.actor = QStringLiteral("engine@test");
        r->engine = std::make_unique<RolloutEngine>(env, *r->state, SystemClock::instance(), options);
        if (!r->engine->start())
            return nullptr;
        return r;
    }

    // Queues `kind` (a canary of v2 for start, over `steps`), with `expected` when given; returns the action id.
    static qint64 enqueue(Rig &r, RolloutAction kind, const std::optional<RolloutExpectation> &expected = std::nullopt,
        const QList<CanaryStep> &steps = {})
    {
        ActionRecord a;
        a.action = toString(kind);
        a.actor = kind == RolloutAction::Start ? QStringLiteral("ana@vm") : QStringLiteral("bob@vm");
        a.reason = QStringLiteral("INC-7 error rate up");
        if (kind == RolloutAction::Start) {
            StrategyConfig config;
            config.canarySteps = steps;
            a.params = {{QStringLiteral("version"), QStringLiteral("v2")},
                {QStringLiteral("strategy"), toString(StrategyKind::Canary)},
                {QStringLiteral("overrides"),
                    QJsonObject {{QStringLiteral("canarySteps"), config.toJson().value(u"canarySteps")},
                        {QStringLiteral("canaryUndeployDelayMs"), 0}}}};
        } else if (r.engine->current()) {
            a.rolloutId = r.engine->current()->id;
        }
        if (expected)
            a.params.insert(QStringLiteral("expect"), expected->toJson());
        const qint64 id = r.engine->store().enqueueAction(a).valueOr(0);
        r.engine->wake();
        return id;
    }

    static std::optional<ActionRecord> waitAnswer(Rig &r, qint64 id)
    {
        std::optional<ActionRecord> answer;
        (void)QTest::qWaitFor(
            [&] {
                const Result<std::optional<ActionRecord>> row = r.engine->store().action(id);
                if (row && row->has_value() && (*row)->status != u"pending")
                    answer = **row;
                return answer.has_value();
            },
            10000);
        return answer;
    }

    static bool at(Rig &r, int stepIndex, RolloutState state, PauseReason reason = PauseReason::None)
    {
        const std::optional<RolloutRecord> c = r.engine->current();
        return c && c->stepIndex == stepIndex && c->state == state && c->pauseReason == reason;
    }

    static QString lastActionEvent(Rig &r)
    {
        QString detail;
        for (const EventRecord &e : r.engine->store().events(r.engine->current()->id).valueOr({})) {
            if (e.kind == u"action" && e.actor == u"bob@vm")
                detail = e.detail;
        }
        return detail;
    }

    // 25 % waiting for a promote (the confirmation is written there), then 50 % for 10 minutes, then 100 %.
    static const QList<CanaryStep> &gateThenTimedSteps()
    {
        static const QList<CanaryStep> steps {CanaryStep {25, StepPause {PauseKind::Gate, 0}},
            CanaryStep {50, StepPause {PauseKind::Duration, 600000}}, CanaryStep {100, {}}};
        return steps;
    }

    // Starts a canary, takes what a confirmation at its 25 % gate describes, and lets someone else promote it to 50 %
    // (running its 10-minute pause): the confirmation is stale from then on.
    static std::optional<RolloutExpectation> confirmAtGateThenMove(Rig &r)
    {
        enqueue(r, RolloutAction::Start, std::nullopt, gateThenTimedSteps());
        if (!QTest::qWaitFor([&] { return at(r, 0, RolloutState::Paused, PauseReason::Gate); }, 10000))
            return std::nullopt;
        const RolloutExpectation confirmed = RolloutExpectation::of(*r.engine->current());
        const std::optional<ActionRecord> other = waitAnswer(r, enqueue(r, RolloutAction::Promote));
        if (!other || other->status != u"done"
            || !QTest::qWaitFor([&] { return at(r, 1, RolloutState::Running); }, 10000))
            return std::nullopt;
        return confirmed;
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_STATE_HOME", m_stateHome.path().toUtf8()); // the engine's audit checkpoints
    }

    // A stale promote or promote-full is refused with the step (as people count), its share and what it waits for,
    // and the rollout stays where it is; pause, abort and rollback confirmed on the same stale view go ahead (they
    // only make things safer) and their event says the rollout had moved.
    void staleActions_data()
    {
        QTest::addColumn<RolloutAction>("action");
        QTest::addColumn<bool>("done");
        QTest::addColumn<RolloutState>("after");
        QTest::newRow("promote refused") << RolloutAction::Promote << false << RolloutState::Running;
        QTest::newRow("promote-full refused") << RolloutAction::PromoteFull << false << RolloutState::Running;
        QTest::newRow("pause executes") << RolloutAction::Pause << true << RolloutState::Paused;
        QTest::newRow("abort executes") << RolloutAction::Abort << true << RolloutState::Aborted;
        QTest::newRow("rollback executes") << RolloutAction::Rollback << true << RolloutState::RolledBack;
    }
    void staleActions()
    {
        QFETCH(RolloutAction, action);
        QFETCH(bool, done);
        QFETCH(RolloutState, after);
        auto r = rig();
        QVERIFY(r);
        const std::optional<RolloutExpectation> confirmed = confirmAtGateThenMove(*r);
        QVERIFY(confirmed);
        const std::optional<ActionRecord> answer = waitAnswer(*r, enqueue(*r, action, confirmed));
        QVERIFY(answer);
        QCOMPARE(answer->status == u"done", done);
        const QString moved = QStringLiteral("the rollout moved to step 2 (50 %, running) since you confirmed");
        if (!done) {
            QCOMPARE(answer->answer, moved);
            QTest::qWait(200); // a few ticks: nothing moved
            QVERIFY(at(*r, 1, RolloutState::Running));
            QCOMPARE(r->engine->current()->desiredShare, 50.0);
            return;
        }
        QVERIFY2(lastActionEvent(*r).contains(moved), qPrintable(lastActionEvent(*r)));
        QVERIFY2(lastActionEvent(*r).contains(u"INC-7 error rate up"), qPrintable(lastActionEvent(*r)));
        QVERIFY(QTest::qWaitFor([&] { return r->engine->current()->state == after; }, 10000));
        if (action != RolloutAction::Pause)
            QCOMPARE(r->haproxy->servers.value(QStringLiteral("green1")).weight, 0);
    }

    // The refusal names the approval gate the rollout now waits at: "waiting at gate cab".
    void staleRefusalNamesTheApprovalGate()
    {
        ApprovalsConfig approvals;
        const SigningKey key = SigningKey::generate().value();
        approvals.approvers << Identity {QStringLiteral("carol"), {QStringLiteral("release")}, key.publicKey()};
        GateConfig cab;
        cab.name = QStringLiteral("cab");
        cab.stage = GateStage::CanaryStep;
        cab.step = 100;
        cab.groups = {QStringLiteral("release")};
        cab.quorum = 1;
        approvals.gates << cab;
        auto r = rig(approvals);
        QVERIFY(r);
        enqueue(*r, RolloutAction::Start, std::nullopt,
            {CanaryStep {25, StepPause {PauseKind::Gate, 0}}, CanaryStep {50, {}}, CanaryStep {100, {}}});
        QVERIFY(QTest::qWaitFor([&] { return at(*r, 0, RolloutState::Paused, PauseReason::Gate); }, 10000));
        const RolloutExpectation confirmed = RolloutExpectation::of(*r->engine->current());
        QCOMPARE(waitAnswer(*r, enqueue(*r, RolloutAction::Promote))->status, QStringLiteral("done"));
        // 50 %, then waiting before 100 % for cab.
        QVERIFY(QTest::qWaitFor([&] { return at(*r, 1, RolloutState::Paused, PauseReason::Gate); }, 10000));
        const std::optional<ActionRecord> answer = waitAnswer(*r, enqueue(*r, RolloutAction::Promote, confirmed));
        QVERIFY(answer);
        QCOMPARE(answer->status, QStringLiteral("refused"));
        QCOMPARE(answer->answer,
            QStringLiteral("the rollout moved to step 2 (50 %, waiting at gate cab) since you confirmed"));
    }

    // A promote whose expectation still matches executes (the compare-and-set is not a refusal of everything), and a
    // strict revision that no longer matches is refused even at the same step.
    void matchingExpectationExecutes()
    {
        auto r = rig();
        QVERIFY(r);
        enqueue(*r, RolloutAction::Start, std::nullopt, gateThenTimedSteps());
        QVERIFY(QTest::qWaitFor([&] { return at(*r, 0, RolloutState::Paused, PauseReason::Gate); }, 10000));
        RolloutExpectation strict = RolloutExpectation::of(*r->engine->current());
        strict.revision = r->engine->current()->revision - 1;
        const std::optional<ActionRecord> refused = waitAnswer(*r, enqueue(*r, RolloutAction::Promote, strict));
        QVERIFY(refused);
        QCOMPARE(refused->status, QStringLiteral("refused"));
        QVERIFY2(refused->answer.startsWith(u"the rollout changed since you confirmed (revision"),
            qPrintable(refused->answer));

        const RolloutExpectation confirmed = RolloutExpectation::of(*r->engine->current());
        const std::optional<ActionRecord> answer = waitAnswer(*r, enqueue(*r, RolloutAction::Promote, confirmed));
        QVERIFY(answer);
        QCOMPARE(answer->status, QStringLiteral("done"));
        QVERIFY(QTest::qWaitFor([&] { return at(*r, 1, RolloutState::Running); }, 10000));
    }

    // An expectation from outside is validated: a malformed one refuses the action and names the field.
    void malformedExpectationRefused_data()
    {
        QTest::addColumn<QJsonValue>("expect");
        QTest::addColumn<QString>("field");
        QTest::newRow("not an object") << QJsonValue(QStringLiteral("step 2")) << QStringLiteral("not an object");
        QTest::newRow("fractional step") << QJsonValue(QJsonObject {{QStringLiteral("stepIndex"), 1.5}})
                                         << QStringLiteral("stepIndex");
        QTest::newRow("huge step") << QJsonValue(QJsonObject {{QStringLiteral("stepIndex"), 1e9}})
                                   << QStringLiteral("stepIndex");
        QTest::newRow("unknown state") << QJsonValue(QJsonObject {{QStringLiteral("state"), QStringLiteral("flying")}})
                                       << QStringLiteral("flying");
        QTest::newRow("unknown field") << QJsonValue(QJsonObject {{QStringLiteral("colour"), 1}})
                                       << QStringLiteral("colour");
    }
    void malformedExpectationRefused()
    {
        QFETCH(QJsonValue, expect);
        QFETCH(QString, field);
        const Result<RolloutExpectation> parsed = RolloutExpectation::fromJson(expect);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().message.contains(field), qPrintable(parsed.error().message));
    }
};

QTEST_GUILESS_MAIN(TestConfirmedActions)
#include "tst_confirmedactions.moc"
