#pragma once

#include "backends/haproxy/haproxytypes.h"
#include "model/strategyconfig.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace gl {

// One operation of a rollout's plan. The plan is stored (table rollout_ops) when the rollout starts; the
// engine runs the operations in order and records each twice: `running` (the intent) before the HAProxy
// command or hook runs, `done` or `failed` (the result) after. After a restart a `running` operation is
// reconciled: HAProxy batches (absolute weights and states) are applied again, waits go on, and a hook that
// never reported is run again (hooks must be idempotent); a `done` operation is never run again.
enum class OpKind {
    Deploy, // deploy hook: slots[0] gets `version`
    Undeploy, // undeploy hook for slots[0]
    SetServers, // one HAProxy batch (`changes`, raise first), verified with `show servers state`
    WaitHealthy, // until HAProxy's health checks pass on `slots` (bounded by healthTimeoutMs)
    WaitDrained, // until `slots` have no session and no queue (bounded by drainTimeoutMs; then goes on)
    Pause, // a step pause (duration, gate, analysis) or a delay
};

enum class OpStatus { Pending, Running, Done, Failed, Skipped };

[[nodiscard]] QString toString(OpKind kind);
[[nodiscard]] std::optional<OpKind> opKindFromString(const QString &text);
[[nodiscard]] QString toString(OpStatus status);
[[nodiscard]] OpStatus opStatusFromString(const QString &text);

struct RolloutOp {
    qint64 id = 0;
    int seq = 0;
    OpKind kind = OpKind::Pause;
    OpStatus status = OpStatus::Pending;

    // parameters (stored as JSON)
    QStringList slotNames;
    QString version;
    QList<ServerChange> changes;
    int step = -1; // canary step index this operation belongs to (-1: none)
    double percent = -1; // desired new share after this SetServers (-1: not a traffic step)
    StepPause pause; // Pause: what ends it
    QString role; // Pause: "step", "keep-old", "undeploy-delay"; SetServers: "step", "switch", "restore", ...
    bool skippable = false; // promote-full may skip it (intermediate steps and their pauses)
    bool noReturn = false; // once it runs, abort and rollback are refused (undeploying the old version)
    int group = -1; // in-place strategies: the batch of slots it belongs to
    qint64 answersAction = 0; // the action answered when this operation is done (rollback returns then)
    // A rollback's restore batch: the removal of the new version (RolloutPlanner::removalOps) is planned once it
    // is done, so that nothing but this batch's intent lies between the rollback and HAProxy.
    bool plansRemoval = false;
    QString label; // for people: "deploy v2 to green1"

    // bookkeeping
    int attempts = 0;
    qint64 startedMs = 0; // wall clock, ms since the epoch (pauses survive a restart)
    QString startedAt;
    QString finishedAt;
    QString result; // what happened, or the error

    // The parameters as compact JSON text, as stored in rollout_ops.params; setParamsJson() reads them back.
    [[nodiscard]] QByteArray paramsText() const;
    void setParamsJson(const QJsonObject &object);
    [[nodiscard]] bool isFinished() const { return status == OpStatus::Done || status == OpStatus::Skipped; }
};

} // namespace gl
