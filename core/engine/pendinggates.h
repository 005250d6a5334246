#pragma once

#include "analysis/measurementstore.h"
#include "approvals/approvalledger.h"
#include "approvals/rolloutpolicy.h"
#include "engine/rolloutstore.h"
#include "model/environment.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace gl {

// Where an active rollout waits for approvals: before it starts, before a canary step (the step whose percent
// the gate names, i.e. the share the rollout would move to) or before the blue-green switch.
struct GateWait {
    GateStage stage = GateStage::BeforeStart;
    int stepPercent = 0; // CanaryStep: the percent of the step the gate guards
    int stepIndex = -1; // CanaryStep: 0-based index of that step
    QDateTime openedAt; // when the rollout reached this point (gate timeouts run from here)
};

// One signed decision about a gate as the console shows it, with whether it counts and why not.
struct GateVote {
    QString person;
    QStringList groups; // the signer's groups that are among the gate's groups
    Decision decision = Decision::Approve;
    QDateTime time;
    QString comment;
    QMap<QString, QString> inputs;
    bool counted = false;
    QString refusal; // why it does not count; empty when it counts (or is a rejection that rejected the gate)
};

// A gate a rollout waits at, evaluated now against the ledger's statements.
struct PendingGate {
    RolloutRecord rollout;
    GateWait wait;
    GateConfig config;
    GateContext context;
    GateStatus status;
    QList<GateVote> votes;
    std::optional<AnalysisRunRecord> analysis; // the rollout's latest analysis run, if any
};

// The point an active rollout waits at for its gates, read from the rollout row and its operations as the engine
// decides it (RolloutEngine::gatePointAt): paused for a gate with nothing started waits before its start (a
// Pending rollout too); paused for a gate before a canary traffic step waits before that step (its percent);
// a blue-green paused for a gate before its switch waits there. nullopt otherwise. `openedAt` here is the
// row's time; pendingGates() uses the engine's "gate.wait" audit entry when there is one.
[[nodiscard]] std::optional<GateWait> gateWaitOf(const RolloutRecord &rollout, const QList<RolloutOp> &ops);

// The decisions of `statements` about `gate`, each verified against `context` and marked counted or refused
// with core's reason (from GateEvaluator's result `status`); older decisions of a person are marked superseded.
[[nodiscard]] QList<GateVote> gateVotes(const GateConfig &gate, const GateStatus &status,
    const QList<SignedStatement> &statements, const QList<Identity> &approvers, const GateContext &context);

// What the audit log says about a rollout's gates: the person who started it (the "rollout.start" entry's
// person, else its actor up to '@') and when the engine began waiting at each point (point key -> time).
struct GateFacts {
    QString starter;
    QMap<QString, QDateTime> openedAt;
};
[[nodiscard]] GateFacts gateFactsOf(const AuditLog &log, const RolloutRecord &rollout);

// The gates the environment's active rollout waits at now (only the latest rollout can be active: a start is
// refused while it is not finished), each with its status, votes and the rollout's latest analysis verdict,
// evaluated against the decisions in `log` (the ledger). Empty when nothing waits or the environment has no gates.
[[nodiscard]] Result<QList<PendingGate>> pendingGates(
    const Environment &environment, RolloutStore &rollouts, AuditLog &log, const QDateTime &now);

// Every gate that applies to `rollout` (before_start; canary_step for canaries; before_switch for blue-green),
// in the order the rollout meets them, evaluated now. `reached` is false for gates of points the rollout has
// not come to yet (their status is then Pending with no deadline).
struct RolloutGate {
    GateConfig config;
    GateStatus status;
    bool reached = false;
    bool current = false; // the rollout waits at this gate now
};
[[nodiscard]] Result<QList<RolloutGate>> rolloutGates(const Environment &environment, RolloutStore &rollouts,
    AuditLog &log, const RolloutRecord &rollout, const QDateTime &now);

} // namespace gl
