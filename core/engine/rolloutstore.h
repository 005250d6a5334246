#pragma once

#include "engine/rolloutop.h"
#include "engine/rolloutstatemachine.h"
#include "storage/statestore.h"
#include "util/clock.h"
#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace gl {

// A rollout as stored in the state database (table rollouts). `revision` grows with every write, so an
// observer polling the row sees each change.
struct RolloutRecord {
    qint64 id = 0;
    QString versionFrom;
    QString versionTo;
    QString strategy; // canary, blue-green, rolling, recreate
    RolloutState state = RolloutState::Pending;
    RolloutGoal goal = RolloutGoal::Complete;
    PauseReason pauseReason = PauseReason::None;
    QString stableColour;
    QString newColour;
    int stepIndex = -1; // 0-based; -1 before the first traffic step
    int stepCount = 0;
    double desiredShare = 0; // percent of traffic meant for the new version
    double actualShare = -1; // percent HAProxy gives it (from its effective weights); -1 unknown
    QString message; // what is happening or what went wrong, for people
    QJsonObject plan; // PlanContext::toJson()
    QString startedAt;
    QString startedBy;
    QString reason;
    QString updatedAt;
    QString finishedAt;
    qint64 revision = 0;
    qint64 retryOf = 0;

    [[nodiscard]] QJsonObject toJson() const; // the `rollout` object of `status --json`
};

// An action another process (or the GUI) asks the engine to take, waiting in table rollout_actions.
struct ActionRecord {
    qint64 id = 0;
    qint64 rolloutId = 0; // 0: the latest rollout (or none, for start)
    QString action; // RolloutAction as text
    QString actor;
    QString reason;
    QJsonObject params;
    QString requestedAt;
    QString status; // pending, done, refused
    QString answeredAt;
    QString answer;
    qint64 answerRollout = 0; // the rollout the action created or acted on
};

struct EventRecord {
    qint64 id = 0;
    qint64 rolloutId = 0;
    QString at;
    QString actor;
    QString kind; // action, state, op, reconcile, error, note
    QString detail;
};

// SQL over the state database for the rollout engine and its observers. Every method is one statement or
// one transaction; the engine writes an operation's intent and its result in separate committed
// transactions (synchronous=FULL; the intent of a rollback's restore batch without waiting for the disk), so a
// SIGKILL between them leaves the intent visible.
class RolloutStore final {
public:
    RolloutStore(StateStore &store, const Clock &clock);

    [[nodiscard]] Database &database() { return m_store.database(); }
    [[nodiscard]] QString now() const;

    // The latest rollout, if any.
    [[nodiscard]] Result<std::optional<RolloutRecord>> latest() const;
    [[nodiscard]] Result<std::optional<RolloutRecord>> rollout(qint64 id) const;
    [[nodiscard]] Result<QList<RolloutRecord>> history(int limit = 50) const;

    // Inserts the rollout (id, revision and updated_at are set) and its operations.
    [[nodiscard]] Result<qint64> createRollout(RolloutRecord record, QList<RolloutOp> ops);
    // Writes every field of `record`; bumps revision and updated_at (in `record` too).
    [[nodiscard]] Status updateRollout(RolloutRecord &record);

    [[nodiscard]] Result<QList<RolloutOp>> ops(qint64 rolloutId) const;
    // Writes status, attempts, timing and result of `op`.
    [[nodiscard]] Status updateOp(const RolloutOp &op);
    // Appends operations after the last one (seq continues), with their status and timing as given (an intent
    // can be written with them); sets each one's id and seq in `ops`.
    [[nodiscard]] Status appendOps(qint64 rolloutId, QList<RolloutOp> &ops);
    // Abort and rollback: in ONE statement, every operation that is pending or failed, and every pause or wait
    // still running, becomes skipped (finished at `at`, with `result`); as RolloutEngine marks them in memory.
    [[nodiscard]] Status skipUnfinishedOps(qint64 rolloutId, const QString &at, const QString &result);

    [[nodiscard]] Status addEvent(qint64 rolloutId, const QString &actor, const QString &kind, const QString &detail);
    [[nodiscard]] Result<QList<EventRecord>> events(qint64 rolloutId) const;

    // The action queue. The request is committed with synchronous=NORMAL (no fsync of its own): the engine's
    // next synchronous=FULL commit on the same WAL file makes it durable with the engine's own writes, so that
    // no fsync lies between a rollback and HAProxy (docs/engine.md, "Rollback latency"). A request lost to a
    // power cut before the engine took it was never answered.
    [[nodiscard]] Result<qint64> enqueueAction(const ActionRecord &action);
    [[nodiscard]] Result<QList<ActionRecord>> pendingActions() const;
    [[nodiscard]] Result<std::optional<ActionRecord>> action(qint64 id) const;
    [[nodiscard]] Status answerAction(qint64 id, bool done, const QString &answer, qint64 rolloutId);

private:
    StateStore &m_store;
    const Clock &m_clock;
};

} // namespace gl
