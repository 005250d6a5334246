// Signed decisions, tokens and gate rules: what an approval must be before the engine counts it.
#include "approvals/approvalledger.h"
#include "approvals/gateevaluator.h"
#include "approvals/rolloutpolicy.h"
#include "approvals/signedstatement.h"
#include "audit/auditlog.h"
#include "util/clock.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gl;

namespace {

const QString kEnv = QStringLiteral("prod");
const QDateTime kOpened(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC); // a Monday

struct Person {
    QString name;
    QStringList groups;
    SigningKey key;
};

} // namespace

class TestApprovals : public QObject {
    Q_OBJECT

private:
    QList<Person> m_people;
    QList<Identity> m_approvers;

    const Person &person(const QString &name) const
    {
        for (const Person &p : m_people) {
            if (p.name == name)
                return p;
        }
        qFatal("no person %s", qPrintable(name));
    }

    SignedStatement make(const QString &who, const QString &gate, Decision decision = Decision::Approve,
        QMap<QString, QString> inputs = {}, int minutesAfterOpen = 1, const QString &rollout = QStringLiteral("7"))
    {
        Statement s;
        s.environment = kEnv;
        s.rolloutId = rollout;
        s.gate = gate;
        s.decision = decision;
        s.inputs = inputs;
        s.time = kOpened.addSecs(60 * minutesAfterOpen);
        s.signer = who;
        s.nonce = Statement::newNonce();
        return SignedStatement::sign(s, person(who).key).value();
    }

    GateContext context(int minutesAfterOpen = 5) const
    {
        return GateContext {
            kEnv, QStringLiteral("7"), QStringLiteral("alice"), kOpened, kOpened.addSecs(60 * minutesAfterOpen)};
    }

private slots:
    void initTestCase()
    {
        const QList<QPair<QString, QStringList>> people {
            {QStringLiteral("alice"), {QStringLiteral("release")}},
            {QStringLiteral("bob"), {QStringLiteral("release")}},
            {QStringLiteral("carol"), {QStringLiteral("release"), QStringLiteral("sre")}},
            {QStringLiteral("dave"), {QStringLiteral("sre")}},
            {QStringLiteral("erin"), {QStringLiteral("security")}},
        };
        for (const auto &[name, groups] : people) {
            Person p {name, groups, SigningKey::generate().value()};
            m_people << p;
            m_approvers << Identity {name, groups, p.key.publicKey()};
        }
    }

    // A token survives the text round trip and verifies; it stays short enough to paste.
    void tokenRoundTrip()
    {
        const SignedStatement original = make(QStringLiteral("bob"), QStringLiteral("prod-approval"), Decision::Approve,
            {{QStringLiteral("ticket"), QStringLiteral("CHG-1234")}});
        const QString token = original.toToken();
        QVERIFY(token.startsWith(u"glt1."));
        QVERIFY2(token.size() < 400, qPrintable(QString::number(token.size())));
        const Result<SignedStatement> parsed = SignedStatement::fromToken(token);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->statement().inputs.value(QStringLiteral("ticket")), QStringLiteral("CHG-1234"));
        const Result<Identity> signer = parsed->verify(m_approvers, kEnv, QStringLiteral("7"));
        QVERIFY2(signer.ok(), qPrintable(signer ? QString() : signer.error().message));
        QCOMPARE(signer->person, QStringLiteral("bob"));
    }

    // Forged, altered and replayed tokens are refused with a reason naming what is wrong.
    void badTokensRefused_data()
    {
        QTest::addColumn<QString>("mutation");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("payload byte flipped")
            << QStringLiteral("payload") << QStringLiteral("signature does not match");
        QTest::newRow("signature byte flipped")
            << QStringLiteral("signature") << QStringLiteral("signature does not match");
        QTest::newRow("unknown key") << QStringLiteral("unknown-key") << QStringLiteral("signature does not match");
        QTest::newRow("unknown signer") << QStringLiteral("unknown-signer")
                                        << QStringLiteral("not in this environment's approvers");
        QTest::newRow("replayed for another rollout")
            << QStringLiteral("other-rollout") << QStringLiteral("not rollout 8");
        QTest::newRow("other environment") << QStringLiteral("other-env") << QStringLiteral("environment");
        QTest::newRow("truncated token") << QStringLiteral("truncated")
                                         << QStringLiteral("not a Greenlight decision token");
    }
    void badTokensRefused()
    {
        QFETCH(QString, mutation);
        QFETCH(QString, reasonPart);
        QString token = make(QStringLiteral("bob"), QStringLiteral("prod-approval")).toToken();
        QString expectRollout = QStringLiteral("7");
        QString env = kEnv;
        const QStringList parts = token.split(u'.');
        const auto flip = [](const QString &part, int index) {
            QByteArray bytes = QByteArray::fromBase64(part.toLatin1(), QByteArray::Base64UrlEncoding);
            bytes[index] = char(bytes[index] ^ 0x01);
            return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        };
        if (mutation == u"payload") {
            // Flip one bit inside the nonce's characters: still valid JSON, different bytes.
            const QByteArray payload = QByteArray::fromBase64(parts[1].toLatin1(), QByteArray::Base64UrlEncoding);
            token = parts[0] + u'.' + flip(parts[1], int(payload.indexOf("\"n\":\"") + 6)) + u'.' + parts[2];
        } else if (mutation == u"signature") {
            token = parts[0] + u'.' + parts[1] + u'.' + flip(parts[2], 10);
        } else if (mutation == u"unknown-key") {
            Statement s = SignedStatement::fromToken(token)->statement();
            token = SignedStatement::sign(s, SigningKey::generate().value())->toToken(); // claims to be bob
        } else if (mutation == u"unknown-signer") {
            Statement s = SignedStatement::fromToken(token)->statement();
            s.signer = QStringLiteral("mallory");
            token = SignedStatement::sign(s, SigningKey::generate().value())->toToken();
        } else if (mutation == u"other-rollout") {
            expectRollout = QStringLiteral("8");
        } else if (mutation == u"other-env") {
            env = QStringLiteral("staging");
        } else if (mutation == u"truncated") {
            token.chop(5);
            token = token.left(20);
        }
        const Result<SignedStatement> parsed = SignedStatement::fromToken(token);
        QString message;
        if (!parsed) {
            message = parsed.error().message;
        } else {
            const Result<Identity> signer = parsed->verify(m_approvers, env, expectRollout);
            QVERIFY(!signer.ok());
            QCOMPARE(signer.error().code, ErrorCode::PermissionDenied);
            message = signer.error().message;
        }
        QVERIFY2(message.contains(reasonPart), qPrintable(message));
    }

    // The ledger records a token once: importing the same token again (same nonce) is refused, and a token for
    // rollout 7 is refused when rollout 8 is expected.
    void ledgerRefusesReplay()
    {
        QTemporaryDir dir;
        ManualClock clock;
        AuditLog::Options options;
        options.externalCheckpointPath = dir.filePath(QStringLiteral("cp.json"));
        Result<AuditLog> log = AuditLog::open(dir.filePath(QStringLiteral("a.audit.db")), clock, options);
        QVERIFY(log.ok());
        ApprovalLedger ledger(*log, kEnv, m_approvers);
        const QString token = make(QStringLiteral("bob"), QStringLiteral("prod-approval")).toToken();
        QVERIFY(ledger.importToken(token, QStringLiteral("alice")).ok());
        const Result<SignedStatement> again = ledger.importToken(token, QStringLiteral("alice"));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        const QString other = make(QStringLiteral("carol"), QStringLiteral("prod-approval")).toToken();
        const Result<SignedStatement> wrongRollout
            = ledger.importToken(other, QStringLiteral("alice"), QStringLiteral("8"));
        QVERIFY(!wrongRollout.ok());
        QCOMPARE(wrongRollout.error().code, ErrorCode::PermissionDenied);
        const Result<QList<SignedStatement>> recorded = ledger.statementsFor(QStringLiteral("7"));
        QVERIFY(recorded.ok());
        QCOMPARE(recorded->size(), 1);
        QCOMPARE(log->entries()->size(), 1);
        QCOMPARE(log->entries()->first().action, QStringLiteral("approval.approve"));
    }

    // Quorum, separation of duties, counting once, groups, distinct groups, inputs, rejection and timeout.
    void gateRules_data()
    {
        QTest::addColumn<int>("quorum");
        QTest::addColumn<bool>("distinct");
        QTest::addColumn<QStringList>("decisions"); // "person:decision:minute[:ticket]"
        QTest::addColumn<int>("nowMinute");
        QTest::addColumn<int>("expected"); // GateState
        QTest::addColumn<int>("countedCount");

        const int P = int(GateState::Pending), A = int(GateState::Approved), R = int(GateState::Rejected),
                  T = int(GateState::TimedOut);
        QTest::newRow("no decisions: pending") << 2 << false << QStringList {} << 5 << P << 0;
        QTest::newRow("2 of 2: approved")
            << 2 << false << QStringList {"bob:approve:1:CHG-1", "carol:approve:2:CHG-2"} << 5 << A << 2;
        QTest::newRow("1 of 2: pending") << 2 << false << QStringList {"bob:approve:1:CHG-1"} << 5 << P << 1;
        QTest::newRow("starter cannot approve")
            << 2 << false << QStringList {"alice:approve:1:CHG-1", "bob:approve:2:CHG-2"} << 5 << P << 1;
        QTest::newRow("nobody counts twice")
            << 2 << false << QStringList {"bob:approve:1:CHG-1", "bob:approve:2:CHG-1"} << 5 << P << 1;
        QTest::newRow("outside the groups") << 1 << false << QStringList {"erin:approve:1:CHG-1"} << 5 << P << 0;
        QTest::newRow("missing ticket not counted") << 1 << false << QStringList {"bob:approve:1"} << 5 << P << 0;
        QTest::newRow("bad ticket not counted") << 1 << false << QStringList {"bob:approve:1:TICKET-1"} << 5 << P << 0;
        QTest::newRow("one rejection rejects")
            << 1 << false << QStringList {"bob:approve:1:CHG-1", "dave:reject:2"} << 5 << R << 1;
        QTest::newRow("latest decision wins")
            << 1 << false << QStringList {"bob:reject:1", "bob:approve:3:CHG-1"} << 5 << A << 1;
        QTest::newRow("same group twice, distinct required")
            << 2 << true << QStringList {"bob:approve:1:CHG-1", "carol:approve:2:CHG-1"} << 5 << A
            << 2; // carol can be sre
        QTest::newRow("distinct impossible")
            << 2 << true << QStringList {"bob:approve:1:CHG-1", "alice:approve:2:CHG-1"} << 5 << P << 1;
        QTest::newRow("distinct groups: release + sre")
            << 2 << true << QStringList {"bob:approve:1:CHG-1", "dave:approve:2:CHG-1"} << 5 << A << 2;
        QTest::newRow("timeout rejects") << 2 << false << QStringList {"bob:approve:1:CHG-1"} << 61 << T << 1;
        QTest::newRow("approval after timeout ignored")
            << 1 << false << QStringList {"bob:approve:70:CHG-1"} << 71 << T << 0;
        QTest::newRow("quorum met before timeout")
            << 1 << false << QStringList {"bob:approve:59:CHG-1"} << 90 << A << 1;
    }
    void gateRules()
    {
        QFETCH(int, quorum);
        QFETCH(bool, distinct);
        QFETCH(QStringList, decisions);
        QFETCH(int, nowMinute);
        QFETCH(int, expected);
        QFETCH(int, countedCount);
        GateConfig gate;
        gate.name = QStringLiteral("prod-approval");
        gate.groups = {QStringLiteral("release"), QStringLiteral("sre")};
        gate.quorum = quorum;
        gate.distinctGroups = distinct;
        gate.inputs = {RequiredInput {QStringLiteral("ticket"), QStringLiteral("CHG-[0-9]+")}};
        gate.timeoutMs = 60 * 60000;
        QList<SignedStatement> statements;
        for (const QString &d : decisions) {
            const QStringList f = d.split(u':');
            QMap<QString, QString> inputs;
            if (f.size() > 3)
                inputs.insert(QStringLiteral("ticket"), f[3]);
            statements << make(f[0], gate.name, *decisionFromString(f[1]), inputs, f[2].toInt());
        }
        const GateStatus status = GateEvaluator(m_approvers).evaluate(gate, context(nowMinute), statements);
        QVERIFY2(int(status.state) == expected, qPrintable(status.reason + u" | " + status.refused.join(u"; ")));
        QCOMPARE(int(status.counted.size()), countedCount);
    }

    // A statement for another gate, or a forged one, never counts towards this gate.
    void forgedStatementDoesNotCount()
    {
        GateConfig gate;
        gate.name = QStringLiteral("g");
        gate.groups = {QStringLiteral("release")};
        const SignedStatement good = make(QStringLiteral("bob"), QStringLiteral("g"));
        Statement forged = good.statement();
        forged.signer = QStringLiteral("carol");
        forged.nonce = Statement::newNonce();
        const SignedStatement forgedSigned(forged, good.signature()); // bob's signature on carol's name
        const GateStatus status
            = GateEvaluator(m_approvers)
                  .evaluate(gate, context(), {forgedSigned, make(QStringLiteral("bob"), QStringLiteral("other"))});
        QCOMPARE(status.state, GateState::Pending);
        QCOMPARE(status.refused.size(), 1);
    }

    // The policy: a block stops a start; outside a window a start needs an override with a reason by the
    // override group (not the starter); before_start gates must be approved.
    void policyStart()
    {
        ApprovalsConfig config;
        config.approvers = m_approvers;
        GateConfig gate;
        gate.name = QStringLiteral("go");
        gate.groups = {QStringLiteral("release")};
        config.gates << gate;
        config.calendar.timeZone = "Europe/Berlin";
        config.calendar.windows << ChangeWindow {{1, 2, 3, 4}, QTime(9, 0), QTime(17, 0)};
        config.calendar.overrideGroups = {QStringLiteral("sre")};
        const RolloutPolicy policy(kEnv, config);
        const SignedStatement approval = make(QStringLiteral("bob"), QStringLiteral("go"));

        GateContext inWindow = context(); // Monday 10:05 UTC = 11:05 Berlin
        QVERIFY(!policy.mayStart(inWindow, {}).allowed);
        QVERIFY(policy.mayStart(inWindow, {approval}).allowed);
        const SignedStatement block = make(QStringLiteral("erin"), QLatin1String(Statement::kReleaseGate),
            Decision::Block, {{QStringLiteral("reason"), QStringLiteral("CVE in v2")}});
        const PolicyDecision blocked = policy.mayStart(inWindow, {approval, block});
        QVERIFY(!blocked.allowed);
        QVERIFY(blocked.blocked);
        QVERIFY(blocked.reasons.join(u' ').contains(QStringLiteral("CVE in v2")));

        GateContext evening = inWindow;
        evening.now = QDateTime(QDate(2026, 3, 2), QTime(18, 30), Qt::UTC); // 19:30 Berlin
        QVERIFY(!policy.mayStart(evening, {approval}).allowed);
        const SignedStatement noReason
            = make(QStringLiteral("dave"), QLatin1String(Statement::kCalendarGate), Decision::Override);
        QVERIFY(!policy.mayStart(evening, {approval, noReason}).allowed);
        const QMap<QString, QString> reason {{QStringLiteral("reason"), QStringLiteral("hotfix for INC-9")}};
        const SignedStatement byStarter
            = make(QStringLiteral("alice"), QLatin1String(Statement::kCalendarGate), Decision::Override, reason);
        QVERIFY(!policy.mayStart(evening, {approval, byStarter}).allowed);
        const SignedStatement override_
            = make(QStringLiteral("dave"), QLatin1String(Statement::kCalendarGate), Decision::Override, reason);
        const PolicyDecision overridden = policy.mayStart(evening, {approval, override_});
        QVERIFY2(overridden.allowed, qPrintable(overridden.reasons.join(u"; ")));
        QVERIFY(overridden.overridden);
    }
};

QTEST_GUILESS_MAIN(TestApprovals)
#include "tst_approvals.moc"
