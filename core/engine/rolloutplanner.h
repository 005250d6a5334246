#pragma once

#include "engine/rolloutop.h"
#include "model/strategyconfig.h"
#include "util/result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace gl {

// Everything a plan depends on, fixed when the rollout starts and stored with it (rollouts.config).
struct PlanContext {
    QString backend;
    StrategyKind strategy = StrategyKind::Canary;
    StrategyConfig config;
    QString version; // the new version
    QString previousVersion; // what the stable slots serve
    QString stableColour;
    QString newColour; // == stableColour for in-place strategies
    QStringList stableSlots; // the serving colour's slots
    QStringList idleSlots; // the other colour's slots
    QHash<QString, int> stableWeights; // each stable slot's weight before the rollout (restored on abort)
    int fullWeight = 100; // a serving slot's weight

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Result<PlanContext> fromJson(const QJsonObject &object);
    [[nodiscard]] bool inPlace() const
    {
        return strategy == StrategyKind::Rolling || strategy == StrategyKind::Recreate;
    }
};

// Turns a strategy into the ordered operations of a rollout (see rolloutop.h), and an abort or rollback into
// the operations that bring traffic back. Pure functions: unit-tested without HAProxy.
class RolloutPlanner final {
public:
    [[nodiscard]] static Result<QList<RolloutOp>> plan(const PlanContext &context);
    // Number of traffic steps the plan shows (canary: its steps; blue-green: 1; in place: slot batches).
    [[nodiscard]] static int stepCount(const PlanContext &context);

    // The operations that bring traffic back to the stable version, given the operations so far (their
    // statuses). The first operation that puts traffic back answers `actionId`.
    // Canary and blue-green: ONE batch, the stable colour raised first, the new slots at weight 0; for a
    // `rollback` that batch plansRemoval (the rollback's critical path ends with it; removalOps follow it).
    // In place: for `rollback`, the previous version redeployed batch by batch; `estimateMs` receives how long
    // that is expected to take.
    [[nodiscard]] static QList<RolloutOp> recoveryOps(const PlanContext &context, const QList<RolloutOp> &ops,
        bool rollback, qint64 actionId, qint64 *estimateMs = nullptr);
    // Canary and blue-green rollback, after its restore batch: drain, maintenance and undeploy of every new slot
    // whose deploy hook has started. Empty when none has.
    [[nodiscard]] static QList<RolloutOp> removalOps(const PlanContext &context, const QList<RolloutOp> &ops);

    // Slots whose deploy hook has started (their version may be the new one).
    [[nodiscard]] static QStringList deployedSlots(const QList<RolloutOp> &ops);
};

} // namespace gl
