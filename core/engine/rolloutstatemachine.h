#pragma once

#include <QString>

#include <optional>

namespace gl {

// Where a rollout is. Stored as text (toString) in the state database and in `status --json`.
enum class RolloutState {
    Pending, // requested; no engine has planned it yet
    Running, // moving towards its goal
    Paused, // stopped by an operator (reason "user") or waiting at a step gate ("gate", "analysis")
    Held, // an operation failed; nothing moves until resume (retry the failed operation), abort or rollback
    Aborting, // traffic going back to the stable version
    RollingBack, // traffic back to stable, then the new version removed (or, in place, the old one redeployed)
    Completed,
    Aborted, // traffic on stable; the new version is kept for inspection (rollback removes it, retry retries)
    RolledBack,
};

// What an operator (or CI) asks for. Every action records who, when and why.
enum class RolloutAction { Start, Pause, Resume, Promote, PromoteFull, Abort, Rollback, Retry };

// Why a Paused rollout waits.
enum class PauseReason { None, User, Gate, Analysis };

// What the rollout is heading for; decides the state it ends in and the state `resume` returns to.
enum class RolloutGoal { Complete, Abort, Rollback };

[[nodiscard]] QString toString(RolloutState state);
[[nodiscard]] std::optional<RolloutState> rolloutStateFromString(const QString &text);
[[nodiscard]] QString toString(RolloutAction action);
[[nodiscard]] std::optional<RolloutAction> rolloutActionFromString(const QString &text);
[[nodiscard]] QString toString(PauseReason reason);
[[nodiscard]] PauseReason pauseReasonFromString(const QString &text);
[[nodiscard]] QString toString(RolloutGoal goal);
[[nodiscard]] RolloutGoal rolloutGoalFromString(const QString &text);

// What the state machine allows, as a pure function of the current facts (unit-tested as a table).
struct RolloutFacts {
    RolloutState state = RolloutState::Pending;
    PauseReason pauseReason = PauseReason::None;
    RolloutGoal goal = RolloutGoal::Complete;
    bool pastPointOfNoReturn = false; // the old version has begun to be undeployed: no way back
};

struct RolloutDecision {
    bool allowed = false;
    RolloutState next = RolloutState::Pending; // the state right after the action (when allowed)
    QString reason; // translated; why not (when refused)
};

class RolloutStateMachine final {
public:
    [[nodiscard]] static bool isTerminal(RolloutState state);
    // The rollout still needs an engine (not terminal).
    [[nodiscard]] static bool isActive(RolloutState state) { return !isTerminal(state); }
    // An operator action on a rollout described by `facts`. Start and Retry are about a new rollout: Start
    // is allowed when there is no active one (`facts` of the latest rollout, or Pending-less defaults when there
    // is none: pass std::nullopt), Retry when the latest ended aborted or rolled back.
    [[nodiscard]] static RolloutDecision decide(const std::optional<RolloutFacts> &facts, RolloutAction action);
    // The state after all planned operations succeeded.
    [[nodiscard]] static RolloutState finishedState(RolloutGoal goal);
    // The moving state for a goal (what resume returns to).
    [[nodiscard]] static RolloutState movingState(RolloutGoal goal);
};

} // namespace gl
