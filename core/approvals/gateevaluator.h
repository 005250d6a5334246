#pragma once

#include "approvals/signedstatement.h"
#include "model/approvalsconfig.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace gl {

// What a gate is evaluated against.
struct GateContext {
    QString environment;
    QString rolloutId;
    QString startedBy; // the person who started the rollout: never counts as an approver (separation of duties)
    QDateTime openedAt; // when the rollout reached the gate; the timeout runs from here
    QDateTime now;
};

enum class GateState { Pending, Approved, Rejected, TimedOut };

struct GateStatus {
    QString gate;
    GateState state = GateState::Pending;
    int quorum = 1;
    QStringList counted; // people whose approval counts, in the order they were counted
    QMap<QString, QString> inputs; // inputs of the counted approvals (first one wins per name)
    QStringList refused; // "person: why", for statements that did not count
    QString reason; // one line for the user: why it is pending/rejected/timed out
    QDateTime deadline; // invalid when there is no timeout

    [[nodiscard]] bool satisfied() const { return state == GateState::Approved; }
};

// Applies a gate's rules to signed statements: each is verified (signature, approvers list, environment,
// rollout); the rollout's starter never counts; a person counts once (their latest decision wins); only
// members of the gate's groups count; every required input must be present and match its pattern; with
// distinctGroups the approvals must be assignable to different groups; one rejection by an eligible approver
// rejects the gate; past the timeout a gate still short of its quorum is rejected (TimedOut).
// `counted` selects the decision that counts as a yes (Override for the calendar's override gate).
class GateEvaluator final {
public:
    explicit GateEvaluator(QList<Identity> approvers);

    [[nodiscard]] GateStatus evaluate(const GateConfig &gate, const GateContext &context,
        const QList<SignedStatement> &statements, Decision counted = Decision::Approve) const;

private:
    QList<Identity> m_approvers;
};

} // namespace gl
