#include "rolloutstatemachine.h"

#include <QCoreApplication>

namespace gl {
namespace {

// The translation context of this file's messages; lupdate reads it from Q_DECLARE_TR_FUNCTIONS.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::RolloutStateMachine)
};

struct StateName {
    RolloutState state;
    const char *name;
};
constexpr StateName kStates[] = {
    {RolloutState::Pending, "pending"},
    {RolloutState::Running, "running"},
    {RolloutState::Paused, "paused"},
    {RolloutState::Held, "held"},
    {RolloutState::Aborting, "aborting"},
    {RolloutState::RollingBack, "rolling-back"},
    {RolloutState::Completed, "completed"},
    {RolloutState::Aborted, "aborted"},
    {RolloutState::RolledBack, "rolled-back"},
};

struct ActionName {
    RolloutAction action;
    const char *name;
};
constexpr ActionName kActions[] = {
    {RolloutAction::Start, "start"},
    {RolloutAction::Pause, "pause"},
    {RolloutAction::Resume, "resume"},
    {RolloutAction::Promote, "promote"},
    {RolloutAction::PromoteFull, "promote-full"},
    {RolloutAction::Abort, "abort"},
    {RolloutAction::Rollback, "rollback"},
    {RolloutAction::Retry, "retry"},
};

RolloutDecision allow(RolloutState next)
{
    return {true, next, {}};
}

RolloutDecision refuse(RolloutState current, QString reason)
{
    return {false, current, std::move(reason)};
}

} // namespace

QString toString(RolloutState state)
{
    for (const StateName &entry : kStates) {
        if (entry.state == state)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<RolloutState> rolloutStateFromString(const QString &text)
{
    for (const StateName &entry : kStates) {
        if (text == QLatin1String(entry.name))
            return entry.state;
    }
    return std::nullopt;
}

QString toString(RolloutAction action)
{
    for (const ActionName &entry : kActions) {
        if (entry.action == action)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<RolloutAction> rolloutActionFromString(const QString &text)
{
    for (const ActionName &entry : kActions) {
        if (text == QLatin1String(entry.name))
            return entry.action;
    }
    return std::nullopt;
}

QString toString(PauseReason reason)
{
    switch (reason) {
    case PauseReason::None:
        return {};
    case PauseReason::User:
        return QStringLiteral("user");
    case PauseReason::Gate:
        return QStringLiteral("gate");
    case PauseReason::Analysis:
        return QStringLiteral("analysis");
    }
    return {};
}

PauseReason pauseReasonFromString(const QString &text)
{
    if (text == u"user")
        return PauseReason::User;
    if (text == u"gate")
        return PauseReason::Gate;
    if (text == u"analysis")
        return PauseReason::Analysis;
    return PauseReason::None;
}

QString toString(RolloutGoal goal)
{
    switch (goal) {
    case RolloutGoal::Complete:
        return QStringLiteral("complete");
    case RolloutGoal::Abort:
        return QStringLiteral("abort");
    case RolloutGoal::Rollback:
        return QStringLiteral("rollback");
    }
    return {};
}

RolloutGoal rolloutGoalFromString(const QString &text)
{
    if (text == u"abort")
        return RolloutGoal::Abort;
    if (text == u"rollback")
        return RolloutGoal::Rollback;
    return RolloutGoal::Complete;
}

bool RolloutStateMachine::isTerminal(RolloutState state)
{
    return state == RolloutState::Completed || state == RolloutState::Aborted || state == RolloutState::RolledBack;
}

RolloutState RolloutStateMachine::finishedState(RolloutGoal goal)
{
    switch (goal) {
    case RolloutGoal::Complete:
        return RolloutState::Completed;
    case RolloutGoal::Abort:
        return RolloutState::Aborted;
    case RolloutGoal::Rollback:
        return RolloutState::RolledBack;
    }
    return RolloutState::Completed;
}

RolloutState RolloutStateMachine::movingState(RolloutGoal goal)
{
    switch (goal) {
    case RolloutGoal::Complete:
        return RolloutState::Running;
    case RolloutGoal::Abort:
        return RolloutState::Aborting;
    case RolloutGoal::Rollback:
        return RolloutState::RollingBack;
    }
    return RolloutState::Running;
}

RolloutDecision RolloutStateMachine::decide(const std::optional<RolloutFacts> &facts, RolloutAction action)
{
    if (action == RolloutAction::Start) {
        if (facts && isActive(facts->state))
            return refuse(facts->state,
                Tr::tr("another rollout is %1; finish, abort or roll it back first").arg(toString(facts->state)));
        return allow(RolloutState::Pending);
    }
    if (!facts)
        return refuse(RolloutState::Pending, Tr::tr("there is no rollout in this environment"));
    const RolloutState s = facts->state;
    if (s == RolloutState::Pending && action != RolloutAction::Abort && action != RolloutAction::Rollback)
        return refuse(s, Tr::tr("the rollout has not started yet (no engine has picked it up)"));

    switch (action) {
    case RolloutAction::Start:
        break;
    case RolloutAction::Retry:
        if (s == RolloutState::Aborted || s == RolloutState::RolledBack)
            return allow(RolloutState::Pending);
        return refuse(
            s, Tr::tr("only an aborted or rolled-back rollout can be retried (this one is %1)").arg(toString(s)));
    case RolloutAction::Pause:
        if (s == RolloutState::Running)
            return allow(RolloutState::Paused);
        if (s == RolloutState::Paused)
            return refuse(s, Tr::tr("the rollout is already paused"));
        return refuse(s, Tr::tr("only a running rollout can be paused (this one is %1)").arg(toString(s)));
    case RolloutAction::Resume:
        if (s == RolloutState::Paused && facts->pauseReason == PauseReason::User)
            return allow(movingState(facts->goal));
        if (s == RolloutState::Paused)
            return refuse(s, Tr::tr("the rollout waits at a step gate: promote it to go on"));
        if (s == RolloutState::Held)
            return allow(movingState(facts->goal));
        return refuse(s, Tr::tr("only a paused or held rollout can be resumed (this one is %1)").arg(toString(s)));
    case RolloutAction::Promote:
    case RolloutAction::PromoteFull:
        if (facts->goal != RolloutGoal::Complete)
            return refuse(s, Tr::tr("the rollout is going back to the stable version; it cannot be promoted"));
        if (s == RolloutState::Running)
            return allow(RolloutState::Running);
        if (s == RolloutState::Paused && facts->pauseReason != PauseReason::User)
            return allow(RolloutState::Running);
        if (s == RolloutState::Paused)
            return refuse(s, Tr::tr("the rollout was paused by an operator: resume it first"));
        return refuse(s, Tr::tr("only a running or waiting rollout can be promoted (this one is %1)").arg(toString(s)));
    case RolloutAction::Abort:
        if (facts->pastPointOfNoReturn && facts->goal == RolloutGoal::Complete)
            return refuse(
                s, Tr::tr("the previous version is already being undeployed; start a new rollout to go back"));
        if (s == RolloutState::Running || s == RolloutState::Paused || s == RolloutState::Pending
            || (s == RolloutState::Held && facts->goal == RolloutGoal::Complete))
            return allow(RolloutState::Aborting);
        if (s == RolloutState::Aborting || s == RolloutState::Aborted)
            return refuse(s, Tr::tr("the rollout is already %1").arg(toString(s)));
        return refuse(s, Tr::tr("a %1 rollout cannot be aborted").arg(toString(s)));
    case RolloutAction::Rollback:
        if (facts->pastPointOfNoReturn && facts->goal == RolloutGoal::Complete)
            return refuse(
                s, Tr::tr("the previous version is already being undeployed; start a new rollout to go back"));
        if (s == RolloutState::Running || s == RolloutState::Paused || s == RolloutState::Pending
            || s == RolloutState::Aborting || s == RolloutState::Aborted
            || (s == RolloutState::Held && facts->goal != RolloutGoal::Rollback))
            return allow(RolloutState::RollingBack);
        if (s == RolloutState::RollingBack || s == RolloutState::RolledBack)
            return refuse(s, Tr::tr("the rollout is already %1").arg(toString(s)));
        return refuse(s, Tr::tr("a %1 rollout cannot be rolled back").arg(toString(s)));
    }
    return refuse(s, Tr::tr("unknown action"));
}

} // namespace gl
