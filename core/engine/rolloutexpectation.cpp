#include "rolloutexpectation.h"

#include <QCoreApplication>

#include <cmath>

namespace gl {
namespace {

// The translation context of this file's messages; lupdate reads it from Q_DECLARE_TR_FUNCTIONS.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::RolloutExpectation)
};

constexpr int kMaxStepIndex = 10000; // far beyond any plan (canary steps are percentages)
constexpr double kMaxInteger = 9007199254740991.0; // 2^53 - 1: what a JSON number holds exactly

QString shareText(double value)
{
    return value < 0 ? QStringLiteral("? %")
                     : QStringLiteral("%1 %").arg(QString::number(value, 'f', value == int(value) ? 0 : 1));
}

// A whole number in [min, max] at `key`, or an error naming the field.
Result<std::optional<qint64>> integerField(const QJsonObject &object, QLatin1String key, double min, double max)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<qint64>();
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || std::isnan(number) || number != std::floor(number) || number < min || number > max)
        return makeError(ErrorCode::InvalidArgument,
            Tr::tr("the action's expectation is malformed: \"%1\" must be a whole number from %2 to %3")
                .arg(key)
                .arg(qint64(min))
                .arg(qint64(max)));
    return std::optional<qint64>(qint64(number));
}

QString conditionText(const RolloutRecord &record, const std::optional<QStringList> &approvalGates)
{
    switch (record.state) {
    case RolloutState::Pending:
        return Tr::tr("not started yet");
    case RolloutState::Running:
        return Tr::tr("running");
    case RolloutState::Paused:
        switch (record.pauseReason) {
        case PauseReason::User:
            return Tr::tr("paused by an operator");
        case PauseReason::Analysis:
            return Tr::tr("waiting for the analysis");
        case PauseReason::Gate:
            if (!approvalGates)
                return Tr::tr("waiting for a promote");
            if (approvalGates->isEmpty())
                return Tr::tr("waiting for approval");
            if (approvalGates->size() == 1)
                return Tr::tr("waiting at gate %1").arg(approvalGates->first());
            return Tr::tr("waiting at gates %1").arg(approvalGates->join(u", "));
        case PauseReason::None:
            break;
        }
        return Tr::tr("paused");
    case RolloutState::Held:
        return Tr::tr("held after a failure");
    case RolloutState::Aborting:
        return Tr::tr("aborting");
    case RolloutState::RollingBack:
        return Tr::tr("rolling back");
    case RolloutState::Completed:
        return Tr::tr("completed");
    case RolloutState::Aborted:
        return Tr::tr("aborted");
    case RolloutState::RolledBack:
        return Tr::tr("rolled back");
    }
    return toString(record.state);
}

} // namespace

RolloutExpectation RolloutExpectation::of(const RolloutRecord &record)
{
    RolloutExpectation e;
    e.rolloutId = record.id;
    e.stepIndex = record.stepIndex;
    e.state = record.state;
    e.pauseReason = record.pauseReason;
    return e;
}

bool RolloutExpectation::isEmpty() const
{
    return rolloutId <= 0 && !stepIndex && !state && !pauseReason && !revision;
}

QJsonObject RolloutExpectation::toJson() const
{
    QJsonObject object;
    if (rolloutId > 0)
        object.insert(QStringLiteral("rollout"), rolloutId);
    if (stepIndex)
        object.insert(QStringLiteral("stepIndex"), *stepIndex);
    if (state)
        object.insert(QStringLiteral("state"), toString(*state));
    if (pauseReason)
        object.insert(QStringLiteral("pauseReason"), toString(*pauseReason));
    if (revision)
        object.insert(QStringLiteral("revision"), *revision);
    return object;
}

Result<RolloutExpectation> RolloutExpectation::fromJson(const QJsonValue &value)
{
    RolloutExpectation e;
    if (value.isUndefined() || value.isNull())
        return e;
    if (!value.isObject())
        return makeError(ErrorCode::InvalidArgument, Tr::tr("the action's expectation is malformed: not an object"));
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        static const QStringList known {QStringLiteral("rollout"), QStringLiteral("stepIndex"), QStringLiteral("state"),
            QStringLiteral("pauseReason"), QStringLiteral("revision")};
        if (!known.contains(it.key()))
            return makeError(ErrorCode::InvalidArgument,
                Tr::tr("the action's expectation is malformed: unknown field \"%1\"").arg(it.key().left(40)));
    }
    const Result<std::optional<qint64>> rollout = integerField(object, QLatin1String("rollout"), 0, kMaxInteger);
    if (!rollout)
        return rollout.error();
    e.rolloutId = rollout->value_or(0);
    const Result<std::optional<qint64>> step = integerField(object, QLatin1String("stepIndex"), -1, kMaxStepIndex);
    if (!step)
        return step.error();
    if (*step)
        e.stepIndex = int(**step);
    const Result<std::optional<qint64>> revision = integerField(object, QLatin1String("revision"), 0, kMaxInteger);
    if (!revision)
        return revision.error();
    e.revision = *revision;
    if (const QJsonValue state = object.value(u"state"); !state.isUndefined()) {
        const std::optional<RolloutState> parsed = rolloutStateFromString(state.toString());
        if (!parsed)
            return makeError(ErrorCode::InvalidArgument,
                Tr::tr("the action's expectation is malformed: unknown state \"%1\"").arg(state.toString().left(40)));
        e.state = parsed;
    }
    if (const QJsonValue reason = object.value(u"pauseReason"); !reason.isUndefined()) {
        const QString text = reason.toString();
        const PauseReason parsed = pauseReasonFromString(text);
        if (!reason.isString() || (parsed == PauseReason::None && !text.isEmpty()))
            return makeError(ErrorCode::InvalidArgument,
                Tr::tr("the action's expectation is malformed: unknown pause reason \"%1\"").arg(text.left(40)));
        e.pauseReason = parsed;
    }
    return e;
}

bool RolloutExpectation::sameStep(const RolloutRecord &current) const
{
    return !stepIndex || *stepIndex == current.stepIndex;
}

bool RolloutExpectation::matches(const RolloutRecord &current) const
{
    if (rolloutId > 0 && rolloutId != current.id)
        return false;
    if (!sameStep(current))
        return false;
    if (state && *state != current.state)
        return false;
    if (pauseReason && *pauseReason != current.pauseReason)
        return false;
    return !revision || *revision == current.revision;
}

bool isSafetyAction(RolloutAction action)
{
    return action == RolloutAction::Pause || action == RolloutAction::Abort || action == RolloutAction::Rollback;
}

QString rolloutPositionText(const RolloutRecord &record, const std::optional<QStringList> &approvalGates)
{
    const QString condition = conditionText(record, approvalGates);
    if (record.stepIndex < 0)
        return Tr::tr("the start (%1, %2)").arg(shareText(record.desiredShare), condition);
    return Tr::tr("step %1 (%2, %3)").arg(record.stepIndex + 1).arg(shareText(record.desiredShare), condition);
}

QString rolloutMovedText(
    const RolloutExpectation &expected, const RolloutRecord &current, const std::optional<QStringList> &approvalGates)
{
    if (expected.rolloutId > 0 && expected.rolloutId != current.id)
        return Tr::tr("rollout #%1 is no longer the latest: #%2 is, at %3")
            .arg(expected.rolloutId)
            .arg(current.id)
            .arg(rolloutPositionText(current, approvalGates));
    const QString position = rolloutPositionText(current, approvalGates);
    if (!expected.sameStep(current))
        return Tr::tr("the rollout moved to %1 since you confirmed").arg(position);
    if (expected.revision && *expected.revision != current.revision
        && (!expected.state || *expected.state == current.state)
        && (!expected.pauseReason || *expected.pauseReason == current.pauseReason))
        return Tr::tr("the rollout changed since you confirmed (revision %1, not %2): it is at %3")
            .arg(current.revision)
            .arg(*expected.revision)
            .arg(position);
    return Tr::tr("the rollout changed since you confirmed: it is now at %1").arg(position);
}

} // namespace gl
