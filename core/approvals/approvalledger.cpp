#include "approvalledger.h"

#include <QCoreApplication>

namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::Approvals)
};

} // namespace

ApprovalLedger::ApprovalLedger(AuditLog &log, QString environment, QList<Identity> approvers)
    : m_log(&log)
    , m_environment(std::move(environment))
    , m_approvers(std::move(approvers))
{ }

Result<AuditEntry> ApprovalLedger::record(
    const SignedStatement &statement, const QString &recordedBy, const QString &expectedRollout)
{
    const Result<Identity> signer = statement.verify(m_approvers, m_environment, expectedRollout);
    if (!signer)
        return signer.error();
    const Statement &s = statement.statement();
    AuditRecord record;
    record.actor = s.signer;
    record.action = u"approval." + toString(s.decision);
    record.subject = subjectFor(s.rolloutId);
    record.detail = QJsonObject {
        {QStringLiteral("gate"), s.gate},
        {QStringLiteral("token"), statement.toToken()},
        {QStringLiteral("recorded_by"), recordedBy},
    };
    record.uniqueKey = u"statement-nonce:" + s.nonce;
    Result<AuditEntry> entry = m_log->append(record);
    if (!entry && entry.error().code == ErrorCode::Conflict)
        return makeError(ErrorCode::Conflict,
            Tr::tr("Refused: this decision was already recorded (a replayed token is not counted twice)."));
    return entry;
}

Result<SignedStatement> ApprovalLedger::importToken(
    const QString &token, const QString &recordedBy, const QString &expectedRollout)
{
    Result<SignedStatement> parsed = SignedStatement::fromToken(token);
    if (!parsed)
        return parsed.error();
    const Result<AuditEntry> recorded = record(*parsed, recordedBy, expectedRollout);
    if (!recorded)
        return recorded.error();
    return parsed;
}

Result<QList<SignedStatement>> ApprovalLedger::statementsFor(const QString &rolloutId) const
{
    const Result<QList<AuditEntry>> entries = m_log->entries(subjectFor(rolloutId), QStringLiteral("approval."));
    if (!entries)
        return entries.error();
    QList<SignedStatement> statements;
    for (const AuditEntry &entry : *entries) {
        const Result<SignedStatement> parsed
            = SignedStatement::fromToken(entry.detailObject().value(QStringLiteral("token")).toString());
        if (parsed)
            statements << *parsed;
    }
    return statements;
}

} // namespace gl
