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
    // statuses), and for `rollback` also remove the new version (canary, blue-green) or redeploy the previous
    // one (in place, batch by batch). The first operation that puts traffic back answers `actionId`.
    // `estimateMs` receives the expected duration of an in-place rollback.
    [[nodiscard]] static QList<RolloutOp> recoveryOps(const PlanContext &context, const QList<RolloutOp> &ops,
        bool rollback, qint64 actionId, qint64 *estimateMs = nullptr);

    // Slots whose deploy hook has started (their version may be the new one).
    [[nodiscard]] static QStringList deployedSlots(const QList<RolloutOp> &ops);
};

} // namespace gl
