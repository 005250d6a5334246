// DecisionRecorder over a real audit log: required inputs checked against their patterns, a decision core would
// not count (the rollout's starter, someone outside the gate's groups, a signer whose key is not theirs) refused
// before anything is recorded, a counted approval recorded once (a replay refused), a block recorded, a token
// from another desk imported after verification.
#include "approvals/approvalledger.h"
#include "approvals/decisionrecorder.h"
#include "audit/auditlog.h"
#include "util/clock.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace gl;

namespace {

const QDateTime kStart(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);

} // namespace

class TestDecisionRecorder : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QMap<QString, SigningKey> m_keys;
    ManualClock m_clock {kStart.addSecs(600)};
    Environment m_env;
    int m_logs = 0;

    AuditLog openLog()
    {
        return AuditLog::open(m_dir.filePath(QStringLiteral("a%1.audit.db").arg(++m_logs)), m_clock).value();
    }

    GateContext context() const
    {
        return GateContext {m_env.name, QStringLiteral("1"), QStringLiteral("alice"), kStart, m_clock.now()};
    }

    DecisionRequest approval(const QString &person) const
    {
        DecisionRequest request;
        request.person = person;
        request.rolloutId = QStringLiteral("1");
        request.gate = QStringLiteral("prod-approval");
        request.inputs.insert(QStringLiteral("ticket"), QStringLiteral("CHG-1"));
        return request;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        qputenv("XDG_STATE_HOME", m_dir.filePath(QStringLiteral("state")).toUtf8());
        m_env.name = QStringLiteral("prod");
        const QList<QPair<QString, QStringList>> people {{QStringLiteral("alice"), {QStringLiteral("release")}},
            {QStringLiteral("bob"), {QStringLiteral("release")}}, {QStringLiteral("dave"), {QStringLiteral("qa")}}};
        for (const auto &[name, groups] : people) {
            m_keys.insert(name, SigningKey::generate().value());
            m_env.approvals.approvers << Identity {name, groups, m_keys.value(name).publicKey()};
        }
        GateConfig gate;
        gate.name = QStringLiteral("prod-approval");
        gate.groups = {QStringLiteral("release")};
        gate.quorum = 2;
        gate.inputs = {RequiredInput {QStringLiteral("ticket"), QStringLiteral("CHG-[0-9]+")}};
        m_env.approvals.gates << gate;
    }

    // Inputs are trimmed and must match their pattern whole; the error names the input.
    void checkInputs_data()
    {
        QTest::addColumn<QString>("ticket");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("message");
        QTest::newRow("valid") << " CHG-12 " << true << "";
        QTest::newRow("missing") << "" << false << "The gate needs ticket (matching CHG-[0-9]+).";
        QTest::newRow("partial match") << "CHG-12x" << false << "ticket \"CHG-12x\" does not match CHG-[0-9]+.";
    }
    void checkInputs()
    {
        QFETCH(QString, ticket);
        QFETCH(bool, ok);
        QFETCH(QString, message);
        const Result<QMap<QString, QString>> inputs
            = DecisionRecorder::checkInputs(m_env.approvals.gates.first(), {{QStringLiteral("ticket"), ticket}});
        QCOMPARE(inputs.ok(), ok);
        if (ok) {
            QCOMPARE(inputs->value(QStringLiteral("ticket")), ticket.trimmed());
        } else {
            QCOMPARE(inputs.error().message, message);
            QCOMPARE(inputs.error().detail, QStringLiteral("ticket"));
        }
    }

    // What core would not count is refused with its reason and nothing is recorded.
    void refusedBeforeRecording_data()
    {
        QTest::addColumn<QString>("person");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("starter") << "alice"
                                 << "alice"
                                 << "started this rollout";
        QTest::newRow("other group") << "dave"
                                     << "dave"
                                     << "not in the gate's groups";
        QTest::newRow("another key") << "bob"
                                     << "dave"
                                     << "signature";
    }
    void refusedBeforeRecording()
    {
        QFETCH(QString, person);
        QFETCH(QString, key);
        QFETCH(QString, reasonPart);
        AuditLog log = openLog();
        DecisionRecorder recorder(m_env, log, m_clock);
        const Result<AuditEntry> recorded = recorder.signAndRecord(approval(person), m_keys.value(key), context());
        QVERIFY(!recorded.ok());
        QVERIFY2(recorded.error().message.startsWith(u"Not recorded: "), qPrintable(recorded.error().message));
        QVERIFY2(recorded.error().message.contains(reasonPart), qPrintable(recorded.error().message));
        QVERIFY(ApprovalLedger(log, m_env.name, m_env.approvals.approvers).statementsFor("1")->isEmpty());
    }

    // A counted approval is recorded with its inputs and comment, time in whole seconds; the same statement again
    // is a replay and refused; a block and an imported token are recorded too.
    void recordsApprovalBlockAndToken()
    {
        AuditLog log = openLog();
        DecisionRecorder recorder(m_env, log, m_clock);
        DecisionRequest request = approval(QStringLiteral("bob"));
        request.comment = QStringLiteral("  fine  ");
        const Result<SignedStatement> signedStatement
            = recorder.sign(request, m_keys.value(QStringLiteral("bob")), context());
        QVERIFY(signedStatement.ok());
        QCOMPARE(signedStatement->statement().comment, QStringLiteral("fine"));
        QCOMPARE(signedStatement->statement().time, m_clock.now());
        const Result<AuditEntry> entry = recorder.record(*signedStatement, QStringLiteral("bob"));
        QVERIFY(entry.ok());
        QCOMPARE(entry->action, QStringLiteral("approval.approve"));
        QCOMPARE(entry->subject, QStringLiteral("rollout:1"));
        QCOMPARE(recorder.record(*signedStatement, QStringLiteral("bob")).error().code, ErrorCode::Conflict);

        DecisionRequest block;
        block.person = QStringLiteral("dave");
        block.rolloutId = QStringLiteral("1");
        block.gate = QLatin1String(Statement::kReleaseGate);
        block.decision = Decision::Block;
        block.inputs.insert(QStringLiteral("reason"), QStringLiteral("CVE"));
        QVERIFY(recorder.signAndRecord(block, m_keys.value(QStringLiteral("dave"))).ok());

        Statement s;
        s.environment = m_env.name;
        s.rolloutId = QStringLiteral("1");
        s.gate = QStringLiteral("prod-approval");
        s.signer = QStringLiteral("alice");
        s.time = kStart;
        s.nonce = Statement::newNonce();
        const QString token = SignedStatement::sign(s, m_keys.value(QStringLiteral("alice")))->toToken();
        QVERIFY(recorder.importToken(u"  " + token + u"\n", QStringLiteral("bob")).ok());
        QVERIFY(!recorder.importToken(token.left(token.size() - 4) + u"AAAA", QStringLiteral("bob")).ok());
        QCOMPARE(ApprovalLedger(log, m_env.name, m_env.approvals.approvers).statementsFor("1")->size(), 3);
    }
};

QTEST_MAIN(TestDecisionRecorder)
#include "tst_decisionrecorder.moc"
