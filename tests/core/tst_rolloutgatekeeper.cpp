// RolloutGatekeeper: what the engine asks at each gate point (separation of duties, quorum, rejection,
// timeout, calendar and its override, block) from statements recorded in a real audit log.
#include "approvals/approvalledger.h"
#include "engine/rolloutgatekeeper.h"
#include "util/clock.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace gl;

namespace {

const QString kEnv = QStringLiteral("prod");
const QDateTime kMonday(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC); // inside the 09-17 window
const QDateTime kSaturday(QDate(2026, 3, 7), QTime(10, 0), Qt::UTC); // outside it

} // namespace

class TestRolloutGatekeeper : public QObject {
    Q_OBJECT

private:
    QMap<QString, SigningKey> m_keys;
    ApprovalsConfig m_config;

    SignedStatement make(const QString &who, const QString &gate, Decision decision, const QDateTime &time)
    {
        Statement s;
        s.environment = kEnv;
        s.rolloutId = QStringLiteral("7");
        s.gate = gate;
        s.decision = decision;
        if (decision == Decision::Override || decision == Decision::Block)
            s.inputs.insert(QStringLiteral("reason"), QStringLiteral("INC-9 hotfix"));
        s.time = time;
        s.signer = who;
        s.nonce = Statement::newNonce();
        return SignedStatement::sign(s, m_keys.value(who)).value();
    }

private slots:
    void initTestCase()
    {
        for (const QString &name : {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")}) {
            m_keys.insert(name, SigningKey::generate().value());
            m_config.approvers << Identity {name, {QStringLiteral("release")}, m_keys.value(name).publicKey()};
        }
        GateConfig gate;
        gate.name = QStringLiteral("prod-approval");
        gate.stage = GateStage::CanaryStep;
        gate.step = 50;
        gate.groups = {QStringLiteral("release")};
        gate.quorum = 2;
        gate.timeoutMs = 3600 * 1000;
        m_config.gates << gate;
        m_config.calendar.timeZone = "UTC";
        m_config.calendar.windows << ChangeWindow {{1, 2, 3, 4, 5}, QTime(9, 0), QTime(17, 0)};
        m_config.calendar.overrideGroups = {QStringLiteral("release")};
        m_config.calendar.overrideQuorum = 1;
    }

    // Each rule the engine relies on gives the outcome it acts on: wait, go on, or roll back.
    void check_data()
    {
        QTest::addColumn<QString>("point");
        QTest::addColumn<QStringList>("statements"); // "person:decision"
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<int>("approvals");
        QTest::addColumn<bool>("timedOut");
        QTest::addColumn<bool>("blocked");
        QTest::addColumn<QString>("reasonPart");

        const int open = int(GateCheck::Outcome::Open);
        const int waiting = int(GateCheck::Outcome::Waiting);
        const int rejected = int(GateCheck::Outcome::Rejected);
        const QDateTime later = kMonday.addSecs(300);
        QTest::newRow("no approval yet: waits")
            << "canary_step:50" << QStringList {} << later << waiting << 0 << false << false << "Waiting for 2 more";
        QTest::newRow("starter's self-approval does not count (SoD)")
            << "canary_step:50" << QStringList {"alice:approve", "bob:approve"} << later << waiting << 1 << false
            << false << "Waiting for 1 more";
        QTest::newRow("quorum reached: goes on") << "canary_step:50" << QStringList {"bob:approve", "carol:approve"}
                                                 << later << open << 2 << false << false << "";
        QTest::newRow("one rejection rejects") << "canary_step:50" << QStringList {"bob:approve", "carol:reject"}
                                               << later << rejected << 1 << false << false << "Rejected by carol";
        QTest::newRow("timeout rejects") << "canary_step:50" << QStringList {"bob:approve"} << kMonday.addSecs(7200)
                                         << rejected << 1 << true << false << "Timed out";
        QTest::newRow("another step has no gate")
            << "canary_step:25" << QStringList {} << later << open << 0 << false << false << "";
        QTest::newRow("an ungated step outside the window waits")
            << "canary_step:25" << QStringList {} << kSaturday << waiting << 0 << false << false << "window";
        QTest::newRow("an override lets an ungated step go on outside the window")
            << "canary_step:25" << QStringList {"bob:override"} << kSaturday << open << 0 << false << false << "";
        QTest::newRow("block stops an ungated step too") << "canary_step:25" << QStringList {"bob:block"} << later
                                                         << waiting << 0 << false << true << "Blocked by bob";
        QTest::newRow("calendar refuses a start outside the window")
            << "before_start" << QStringList {} << kSaturday << waiting << 0 << false << false << "window";
        QTest::newRow("the starter cannot override the calendar")
            << "before_start" << QStringList {"alice:override"} << kSaturday << waiting << 0 << false << false
            << "override";
        QTest::newRow("a signed override with a reason lets it start")
            << "before_start" << QStringList {"bob:override"} << kSaturday << open << 0 << false << false << "";
    }
    void check()
    {
        QFETCH(QString, point);
        QFETCH(QStringList, statements);
        QFETCH(QDateTime, now);
        QFETCH(int, outcome);
        QFETCH(int, approvals);
        QFETCH(bool, timedOut);
        QFETCH(bool, blocked);
        QFETCH(QString, reasonPart);

        QTemporaryDir dir;
        ManualClock clock(kMonday);
        RolloutGatekeeper keeper(kEnv, m_config, clock);
        QVERIFY(keeper.enforces());
        QVERIFY(keeper.open(dir.filePath(QStringLiteral("state.audit.db"))).ok());
        ApprovalLedger ledger(*keeper.log(), kEnv, m_config.approvers);
        for (const QString &spec : statements) {
            const QString who = spec.section(u':', 0, 0);
            const Decision decision = *decisionFromString(spec.section(u':', 1));
            const QString gate = decision == Decision::Override ? QLatin1String(Statement::kCalendarGate)
                : decision == Decision::Block                   ? QLatin1String(Statement::kReleaseGate)
                                                                : QStringLiteral("prod-approval");
            QVERIFY(ledger.record(make(who, gate, decision, kMonday.addSecs(60)), QStringLiteral("test")).ok());
        }
        clock.setNow(now);
        const std::optional<GatePoint> gatePoint = GatePoint::fromKey(point);
        QVERIFY(gatePoint);
        const Result<GateCheck> result = keeper.check(7, QStringLiteral("alice"), *gatePoint, kMonday);
        QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().message));
        QCOMPARE(int(result->outcome), outcome);
        QCOMPARE(result->timedOut, timedOut);
        QCOMPARE(result->decision.blocked, blocked);
        QCOMPARE(int(result->approvedBy().size()), approvals);
        if (!reasonPart.isEmpty())
            QVERIFY2(result->summary().contains(reasonPart), qPrintable(result->summary()));
        // status --json's gate object says the same.
        const QJsonObject json = result->toJson();
        QCOMPARE(json.value(u"point").toString(), point);
        if (gatePoint->stage == GateStage::CanaryStep && result->gated) {
            const QJsonObject gate = json.value(u"gates").toArray().first().toObject();
            QCOMPARE(gate.value(u"quorum").toInt(), 2);
            QCOMPARE(gate.value(u"approvals").toInt(), approvals);
            QCOMPARE(gate.value(u"deadline").toString(), kMonday.addSecs(3600).toString(Qt::ISODate));
        }
    }

    // Without approvers, gates or a calendar nothing is enforced: every point is open, no log is read.
    void notEnforcedWithoutConfig()
    {
        ManualClock clock(kSaturday);
        RolloutGatekeeper keeper(kEnv, ApprovalsConfig {}, clock);
        QVERIFY(!keeper.enforces());
        const Result<GateCheck> result
            = keeper.check(1, QStringLiteral("alice"), GatePoint {GateStage::BeforeStart, 0}, kSaturday);
        QVERIFY(result.ok());
        QCOMPARE(result->outcome, GateCheck::Outcome::Open);
    }

    // After an engine restart the audit log tells when a gate was reached (its timeout keeps running from
    // there), which points were passed, and who started the rollout.
    void historySurvivesRestart()
    {
        QTemporaryDir dir;
        ManualClock clock(kMonday);
        const QString path = dir.filePath(QStringLiteral("state.audit.db"));
        {
            RolloutGatekeeper keeper(kEnv, m_config, clock);
            QVERIFY(keeper.open(path).ok());
            const auto append = [&](const QString &action, const QJsonObject &detail) {
                QVERIFY(
                    keeper.append({QStringLiteral("engine@vm"), action, RolloutGatekeeper::subjectFor(7), detail, {}})
                        .ok());
            };
            append(QStringLiteral("rollout.start"), {{QStringLiteral("person"), QStringLiteral("alice")}});
            append(QStringLiteral("gate.wait"),
                {{QStringLiteral("point"), QStringLiteral("before_start")},
                    {QStringLiteral("opened_at"), kMonday.toString(Qt::ISODateWithMs)}});
            append(QStringLiteral("gate.satisfied"), {{QStringLiteral("point"), QStringLiteral("before_start")}});
            append(QStringLiteral("gate.wait"),
                {{QStringLiteral("point"), QStringLiteral("canary_step:50")},
                    {QStringLiteral("opened_at"), kMonday.addSecs(600).toString(Qt::ISODateWithMs)}});
        }
        RolloutGatekeeper keeper(kEnv, m_config, clock);
        QVERIFY(keeper.open(path).ok());
        const Result<GateHistory> history = keeper.history(7);
        QVERIFY(history.ok());
        QCOMPARE(history->starter, QStringLiteral("alice"));
        QCOMPARE(history->resolved.value(QStringLiteral("before_start")), QStringLiteral("gate.satisfied"));
        QCOMPARE(history->lastWaitingPoint, QStringLiteral("canary_step:50"));
        QCOMPARE(history->openedAt.value(QStringLiteral("canary_step:50")), kMonday.addSecs(600));

        // waitingCheck: the paused rollout's gate, evaluated now, with the timeout counted from the first wait.
        RolloutRecord record;
        record.id = 7;
        record.state = RolloutState::Paused;
        record.pauseReason = PauseReason::Gate;
        record.startedBy = QStringLiteral("alice@vm");
        clock.setNow(kMonday.addSecs(1200));
        const Result<std::optional<GateCheck>> waiting = keeper.waitingCheck(record);
        QVERIFY(waiting.ok() && waiting->has_value());
        QCOMPARE((*waiting)->outcome, GateCheck::Outcome::Waiting);
        QCOMPARE(
            (*waiting)->toJson().value(u"gates").toArray().first().toObject().value(u"secondsLeft").toInteger(), 3000);
        record.pauseReason = PauseReason::User;
        QVERIFY(!keeper.waitingCheck(record)->has_value());
    }

    // A block signed on a rollout that this one retries (directly or through another retry) stops this one too.
    void retriedRolloutsBlock()
    {
        QTemporaryDir dir;
        ManualClock clock(kMonday);
        RolloutGatekeeper keeper(kEnv, m_config, clock);
        QVERIFY(keeper.open(dir.filePath(QStringLiteral("state.audit.db"))).ok());
        ApprovalLedger ledger(*keeper.log(), kEnv, m_config.approvers);
        QVERIFY(ledger
                    .record(make(QStringLiteral("bob"), QLatin1String(Statement::kReleaseGate), Decision::Block,
                                kMonday.addSecs(60)),
                        QStringLiteral("test"))
                    .ok()); // on rollout 7
        const GatePoint point {GateStage::CanaryStep, 25};
        QCOMPARE(keeper.check(9, QStringLiteral("alice"), point, kMonday)->outcome, GateCheck::Outcome::Open);
        const Result<GateCheck> retried = keeper.check(9, QStringLiteral("alice"), point, kMonday, {8, 7});
        QVERIFY(retried.ok());
        QCOMPARE(retried->outcome, GateCheck::Outcome::Waiting);
        QVERIFY(retried->decision.blocked);
        QVERIFY2(retried->summary().contains(u"Blocked by bob") && retried->summary().contains(u"#7"),
            qPrintable(retried->summary()));
        QCOMPARE(keeper.blocks(7)->size(), 1);
        QVERIFY(keeper.blocks(8)->isEmpty());
    }

    // The person behind an actor: the explicit person wins, else the actor up to '@'.
    void personOf()
    {
        QCOMPARE(RolloutGatekeeper::personOf(QStringLiteral("ana@vm")), QStringLiteral("ana"));
        QCOMPARE(RolloutGatekeeper::personOf(QStringLiteral("ana@vm"), QStringLiteral("bob")), QStringLiteral("bob"));
        QCOMPARE(RolloutGatekeeper::personOf(QStringLiteral("ana")), QStringLiteral("ana"));
    }
};

QTEST_GUILESS_MAIN(TestRolloutGatekeeper)
#include "tst_rolloutgatekeeper.moc"
