#pragma once

#include "engine/rolloutstatemachine.h"
#include "engine/rolloutstore.h"
#include "util/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace gl {

// What a person saw when they confirmed an action on a rollout: the console's confirmation, or `greenlightctl
// rollout ... --expect-step N --expect-revision R`. It travels with the action (its params' "expect" object) and
// the engine compares it with the rollout as it is when it takes the action (compare-and-set, docs/engine.md,
// "Actions bound to what was confirmed"): promote, promote-full, resume and retry are refused when the rollout
// moved meanwhile; pause, abort and rollback go ahead (they only stop traffic or return it to the stable version)
// and say so. Every field is optional; only the fields given are compared.
struct RolloutExpectation {
    qint64 rolloutId = 0; // 0: not compared
    std::optional<int> stepIndex; // 0-based as stored; -1 before the first step
    std::optional<RolloutState> state;
    std::optional<PauseReason> pauseReason;
    // Strict: grows with every write to the rollout row (also a new actual share or the next hook of the same
    // step), so only scripts that want exactly one revision pass it (--expect-revision); the console does not.
    std::optional<qint64> revision;

    // What a confirmation of `record` describes: its id, step, state and pause reason (not its revision).
    [[nodiscard]] static RolloutExpectation of(const RolloutRecord &record);
    [[nodiscard]] bool isEmpty() const;
    [[nodiscard]] QJsonObject toJson() const;
    // From an action's params["expect"] (outside input: every field checked); an error names the bad field.
    [[nodiscard]] static Result<RolloutExpectation> fromJson(const QJsonValue &value);
    // `current` is still what was expected (rollout id included).
    [[nodiscard]] bool matches(const RolloutRecord &current) const;
    // Same step as expected (or no step expected): the rollout changed in place rather than moving on.
    [[nodiscard]] bool sameStep(const RolloutRecord &current) const;
};

// Pause, abort and rollback: carried out even when the rollout moved since they were confirmed (a person must
// always be able to stop traffic); every other action is refused when stale.
[[nodiscard]] bool isSafetyAction(RolloutAction action);

// Where `record` is, as a person counts and reads it: "step 3 (50 %, waiting at gate cab)". `approvalGates`: the
// approval gates it waits at now (names; an empty list when it waits at an approval point without named gates);
// nullopt when it waits at none (a step's own gate then reads "waiting for a promote").
[[nodiscard]] QString rolloutPositionText(
    const RolloutRecord &record, const std::optional<QStringList> &approvalGates = std::nullopt);

// The engine's refusal (and a safety action's note) when `current` is not what `expected` described: "the rollout
// moved to step 3 (50 %, waiting at gate cab) since you confirmed".
[[nodiscard]] QString rolloutMovedText(const RolloutExpectation &expected, const RolloutRecord &current,
    const std::optional<QStringList> &approvalGates = std::nullopt);

} // namespace gl
