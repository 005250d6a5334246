#pragma once

#include "approvals/signedstatement.h"
#include "audit/auditlog.h"
#include "identity/identity.h"

#include <QList>
#include <QString>

namespace gl {

// Signed decisions as the audit log holds them: recording one verifies it first and appends an
// "approval.<decision>" entry for subject "rollout:<id>" whose detail carries the token; its nonce is the
// entry's unique key, so the same decision cannot be recorded twice (a replay is refused with Conflict).
// Reading them back returns the statements as recorded; callers (RolloutPolicy) verify them again before use.
class ApprovalLedger final {
public:
    ApprovalLedger(AuditLog &log, QString environment, QList<Identity> approvers);

    // Verifies `statement` (and that it is about `expectedRollout` when given) and records it.
    [[nodiscard]] Result<AuditEntry> record(
        const SignedStatement &statement, const QString &recordedBy, const QString &expectedRollout = {});
    // Parses and records a token (greenlightctl approvals import, or a paste in the GUI).
    [[nodiscard]] Result<SignedStatement> importToken(
        const QString &token, const QString &recordedBy, const QString &expectedRollout = {});
    [[nodiscard]] Result<QList<SignedStatement>> statementsFor(const QString &rolloutId) const;

    [[nodiscard]] static QString subjectFor(const QString &rolloutId) { return u"rollout:" + rolloutId; }

private:
    AuditLog *m_log;
    QString m_environment;
    QList<Identity> m_approvers;
};

} // namespace gl
