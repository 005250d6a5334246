#pragma once

#include "approvals/gateevaluator.h"
#include "approvals/signedstatement.h"
#include "audit/auditlog.h"
#include "identity/signingkey.h"
#include "model/environment.h"
#include "util/result.h"

#include <QMap>
#include <QString>

#include <optional>

namespace gl {

class Clock;

// What a person decides about a rollout: approve or reject a gate, or block the release (gate
// Statement::kReleaseGate, the reason in inputs["reason"]).
struct DecisionRequest {
    QString person; // the signer, as in the approvers list
    QString rolloutId;
    QString gate;
    Decision decision = Decision::Approve;
    QString comment;
    QMap<QString, QString> inputs;
};

// Signs a person's decision, refuses before anything is recorded what core would not count, and records it in
// the environment's ledger (the audit log), as the console's Approvals place and greenlightctl do:
//   1. checkInputs(): the gate's required inputs (a ticket id) match their patterns (approvals only);
//   2. sign(): the statement (signer, time in whole seconds, a fresh nonce) signed with the person's key, checked
//      against the approvers list; for a gate decision with the gate's context, the gate evaluated with it
//      added must not refuse it (the rollout's starter, someone outside the gate's groups, after the timeout);
//   3. record(): appended to the ledger (a replay is refused), then a checkpoint so truncation is detectable
//      from this entry on.
// GUI-free: questions to the person (confirm, a reason) stay with the caller, between sign() and record().
class DecisionRecorder final {
public:
    DecisionRecorder(const Environment &environment, AuditLog &log, const Clock &clock);

    // The values of the gate's required inputs, trimmed, each matching its pattern. The error's detail names
    // the first input that does not.
    [[nodiscard]] static Result<QMap<QString, QString>> checkInputs(
        const GateConfig &gate, const QMap<QString, QString> &inputs);

    // Signs `request` with `key` and checks it. `context` (the gate's rollout, starter, opening time) enables the
    // check that the gate would count the decision; pass it for approvals and rejections of a gate.
    [[nodiscard]] Result<SignedStatement> sign(const DecisionRequest &request, const SigningKey &key,
        const std::optional<GateContext> &context = std::nullopt) const;
    // Records a statement from sign(); `recordedBy` is the audit entry's actor.
    [[nodiscard]] Result<AuditEntry> record(const SignedStatement &statement, const QString &recordedBy);
    // sign() then record().
    [[nodiscard]] Result<AuditEntry> signAndRecord(const DecisionRequest &request, const SigningKey &key,
        const std::optional<GateContext> &context = std::nullopt);
    // Verifies and records a glt1 token from another desk.
    [[nodiscard]] Result<SignedStatement> importToken(const QString &token, const QString &recordedBy);

private:
    const Environment &m_environment;
    AuditLog &m_log;
    const Clock &m_clock;
};

} // namespace gl
