#pragma once

#include "approvals/approvalledger.h"
#include "approvals/rolloutpolicy.h"
#include "audit/auditlog.h"
#include "engine/rolloutstore.h"
#include "model/approvalsconfig.h"
#include "util/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>
#include <optional>

namespace gl {

class Clock;

// A point of a rollout where approvals (docs/approvals.md) may hold it: before anything moves, before a canary
// traffic step (its percent), before the blue-green switch.
struct GatePoint {
    GateStage stage = GateStage::BeforeStart;
    int stepPercent = 0; // CanaryStep: the percent of the step about to be applied

    // "before_start", "canary_step:25", "before_switch": how the audit entries name it.
    [[nodiscard]] QString key() const;
    [[nodiscard]] static std::optional<GatePoint> fromKey(const QString &key);
    friend bool operator==(const GatePoint &a, const GatePoint &b)
    {
        return a.stage == b.stage && a.stepPercent == b.stepPercent;
    }
};

// What a gate point says right now.
struct GateCheck {
    enum class Outcome {
        Open, // traffic may move (nothing configured here, or every rule satisfied)
        Waiting, // a gate short of its quorum, a block, or the calendar (without override)
        Rejected, // a gate was rejected or timed out: the rollout goes back
    };
    Outcome outcome = Outcome::Open;
    GatePoint point;
    bool gated = false; // gates are configured at this point (an Open check is then worth recording)
    bool timedOut = false; // Rejected by a timeout
    QString rejectedGate;
    PolicyDecision decision;
    QDateTime openedAt;
    QDateTime now;

    // One line for people: "prod-approval 1/2 (bob), 3h 59m left" or the reasons.
    [[nodiscard]] QString summary() const;
    // Who approved, over every gate of the point, in order, without repetition.
    [[nodiscard]] QStringList approvedBy() const;
    // The `gate` object of `greenlightctl status --json` (docs/approvals.md).
    [[nodiscard]] QJsonObject toJson() const;
};

// What the audit log remembers of a rollout's gates (survives an engine restart): when each point was reached
// and which points were passed or rejected.
struct GateHistory {
    QMap<QString, QDateTime> openedAt; // point key -> first "gate.wait"
    QMap<QString, QString> resolved; // point key -> "gate.satisfied" | "gate.rejected" | "gate.timed_out"
    QString starter; // the person in "rollout.start" (empty when not recorded)
    QString lastWaitingPoint; // the point of the latest "gate.wait" still unresolved (empty when none)
};

// The engine's view of approvals and its audit log, in one place: RolloutPolicy + ApprovalLedger over the
// environment's AuditLog (opened once per engine). Evaluates gate points for a rollout from the statements
// the ledger holds (re-verified each time), and appends the engine's own audit entries.
//
// An environment without approvers, gates, windows or freezes is not enforced (enforces() is false): every
// point is Open and the engine behaves as it did before approvals existed; its actions are still audited.
class RolloutGatekeeper final {
public:
    RolloutGatekeeper(QString environment, ApprovalsConfig config, const Clock &clock);
    ~RolloutGatekeeper();

    // Opens the audit log (once; a second call does nothing when it is open).
    [[nodiscard]] Status open(const QString &auditPath, const AuditLog::Options &options = {});
    [[nodiscard]] bool isOpen() const { return m_log != nullptr; }
    [[nodiscard]] AuditLog *log() { return m_log.get(); }
    void setSigner(const SigningKey &key);
    // The environment file changed: later checks follow it.
    void setConfig(ApprovalsConfig config);
    [[nodiscard]] const ApprovalsConfig &config() const { return m_policy.config(); }
    [[nodiscard]] bool enforces() const { return !m_policy.config().isEmpty(); }
    // Gates are configured at `point` (calendar and blocks aside).
    [[nodiscard]] bool hasGatesAt(const GatePoint &point) const;
    // The names of the gates configured at `point`, in the file's order (no audit log read).
    [[nodiscard]] QStringList gateNamesAt(const GatePoint &point) const;

    [[nodiscard]] Result<AuditEntry> append(const AuditRecord &record);

    // May traffic move at `point` of rollout `rolloutId`, started by `starter` (a person; never counts as an
    // approver)? `openedAt` is when the rollout reached the point (the gates' timeouts run from there). Blocks,
    // the change calendar (and its override) and the gates at the point all apply, at every point: an automatic
    // canary step (a duration pause) does not move into a freeze or outside a window any more than a promote.
    // `retried` are the rollouts this one retries (its retryOf, theirs, ...): a block signed on any of them
    // stops this one too (a blocked release stays blocked when retried).
    [[nodiscard]] Result<GateCheck> check(qint64 rolloutId, const QString &starter, const GatePoint &point,
        const QDateTime &openedAt, const QList<qint64> &retried = {}) const;
    // The blocks in force on rollout `rolloutId`, one line each ("Blocked by bob: CVE in v2"), verified.
    [[nodiscard]] Result<QStringList> blocks(qint64 rolloutId) const;

    [[nodiscard]] Result<GateHistory> history(qint64 rolloutId) const;

    // The approval gate rollout `record` waits at now (paused, reason gate, a "gate.wait" in the audit log not
    // yet resolved), evaluated now; nullopt when it waits at none. For `status` and `approvals list`.
    // `retried` as for check().
    [[nodiscard]] Result<std::optional<GateCheck>> waitingCheck(
        const RolloutRecord &record, const QList<qint64> &retried = {}) const;

    // The person behind an action's actor: the `person` given with the action, else the actor up to '@'
    // ("ana@vm" -> "ana").
    [[nodiscard]] static QString personOf(const QString &actor, const QString &person = {});
    [[nodiscard]] static QString subjectFor(qint64 rolloutId)
    {
        return ApprovalLedger::subjectFor(QString::number(rolloutId));
    }

private:
    QString m_environment;
    RolloutPolicy m_policy;
    const Clock *m_clock;
    std::unique_ptr<AuditLog> m_log;
    std::unique_ptr<ApprovalLedger> m_ledger;
};

} // namespace gl
