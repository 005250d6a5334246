#include "approvals/decisionrecorder.h"

#include "approvals/approvalledger.h"
#include "util/clock.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::DecisionRecorder)
};

std::optional<GateConfig> gateNamed(const Environment &environment, const QString &name)
{
    for (const GateConfig &gate : environment.approvals.gates) {
        if (gate.name == name)
            return gate;
    }
    return std::nullopt;
}

} // namespace

DecisionRecorder::DecisionRecorder(const Environment &environment, AuditLog &log, const Clock &clock)
    : m_environment(environment)
    , m_log(log)
    , m_clock(clock)
{ }

Result<QMap<QString, QString>> DecisionRecorder::checkInputs(
    const GateConfig &gate, const QMap<QString, QString> &inputs)
{
    QMap<QString, QString> checked;
    for (const RequiredInput &input : gate.inputs) {
        const QString value = inputs.value(input.name).trimmed();
        if (!QRegularExpression(QRegularExpression::anchoredPattern(input.pattern)).match(value).hasMatch()) {
            return makeError(ErrorCode::InvalidArgument,
                value.isEmpty() ? Tr::tr("The gate needs %1 (matching %2).").arg(input.name, input.pattern)
                                : Tr::tr("%1 \"%2\" does not match %3.").arg(input.name, value, input.pattern),
                input.name);
        }
        checked.insert(input.name, value);
    }
    return checked;
}

Result<SignedStatement> DecisionRecorder::sign(
    const DecisionRequest &request, const SigningKey &key, const std::optional<GateContext> &context) const
{
    Statement statement;
    statement.environment = m_environment.name;
    statement.rolloutId = request.rolloutId;
    statement.gate = request.gate;
    statement.decision = request.decision;
    statement.comment = request.comment.trimmed();
    statement.inputs = request.inputs;
    statement.signer = request.person;
    statement.time = QDateTime::fromSecsSinceEpoch(m_clock.now().toSecsSinceEpoch(), Qt::UTC);
    statement.nonce = Statement::newNonce();
    Result<SignedStatement> signedStatement = SignedStatement::sign(statement, key);
    if (!signedStatement)
        return signedStatement.error();
    // What the engine would refuse, refused here before anything is recorded: not an approver, another key.
    const QList<Identity> &approvers = m_environment.approvals.approvers;
    if (const Result<Identity> check = signedStatement->verify(approvers, m_environment.name, statement.rolloutId);
        !check)
        return makeError(check.error().code, Tr::tr("Not recorded: %1").arg(check.error().message));
    const bool onGate = statement.decision == Decision::Approve || statement.decision == Decision::Reject;
    const std::optional<GateConfig> gate = gateNamed(m_environment, statement.gate);
    if (onGate && context && gate) {
        // Would core count it? The gate evaluated with this decision added says why not (the rollout's starter,
        // not in the gate's groups, after the timeout).
        const ApprovalLedger ledger(m_log, m_environment.name, approvers);
        const Result<QList<SignedStatement>> statements = ledger.statementsFor(statement.rolloutId);
        if (!statements)
            return statements.error();
        QList<SignedStatement> withMine = *statements;
        withMine << *signedStatement;
        GateContext now = *context;
        now.now = m_clock.now();
        const GateStatus status = GateEvaluator(approvers).evaluate(*gate, now, withMine);
        const QString prefix = statement.signer + u": ";
        for (const QString &refused : status.refused) {
            if (refused.startsWith(prefix))
                return makeError(ErrorCode::PermissionDenied, Tr::tr("Not recorded: %1").arg(refused));
        }
    }
    return signedStatement;
}

Result<AuditEntry> DecisionRecorder::record(const SignedStatement &statement, const QString &recordedBy)
{
    ApprovalLedger ledger(m_log, m_environment.name, m_environment.approvals.approvers);
    const Result<AuditEntry> recorded = ledger.record(statement, recordedBy, statement.statement().rolloutId);
    if (!recorded)
        return recorded.error();
    (void)m_log.checkpoint(); // truncation is detectable from this entry on; a failure here is not the user's
    return recorded;
}

Result<AuditEntry> DecisionRecorder::signAndRecord(
    const DecisionRequest &request, const SigningKey &key, const std::optional<GateContext> &context)
{
    const Result<SignedStatement> signedStatement = sign(request, key, context);
    if (!signedStatement)
        return signedStatement.error();
    return record(*signedStatement, request.person);
}

Result<SignedStatement> DecisionRecorder::importToken(const QString &token, const QString &recordedBy)
{
    ApprovalLedger ledger(m_log, m_environment.name, m_environment.approvals.approvers);
    Result<SignedStatement> imported = ledger.importToken(token.trimmed(), recordedBy);
    if (!imported)
        return imported.error();
    (void)m_log.checkpoint();
    return imported;
}

} // namespace gl
