#include "rolloutplanner.h"

#include "engine/weightplan.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

namespace gl {
namespace {

// The translation context of this file's messages; lupdate reads it from Q_DECLARE_TR_FUNCTIONS.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::RolloutPlanner)
};

ServerChange change(const QString &backend, const QString &server, std::optional<int> weight,
    std::optional<ServerAdminState> state = std::nullopt)
{
    ServerChange c;
    c.backend = backend;
    c.server = server;
    c.weight = weight;
    c.state = state;
    return c;
}

RolloutOp op(OpKind kind, QString label)
{
    RolloutOp o;
    o.kind = kind;
    o.label = std::move(label);
    return o;
}

RolloutOp deployOp(const QString &slot, const QString &version)
{
    RolloutOp o
        = op(OpKind::Deploy, QCoreApplication::translate("gl::RolloutPlanner", "deploy %1 to %2").arg(version, slot));
    o.slotNames = {slot};
    o.version = version;
    return o;
}

RolloutOp undeployOp(const QString &slot)
{
    RolloutOp o = op(OpKind::Undeploy, QCoreApplication::translate("gl::RolloutPlanner", "undeploy %1").arg(slot));
    o.slotNames = {slot};
    return o;
}

RolloutOp setOp(QList<ServerChange> changes, QString label, QString role = {})
{
    RolloutOp o = op(OpKind::SetServers, std::move(label));
    o.changes = std::move(changes);
    o.role = std::move(role);
    return o;
}

RolloutOp waitOp(OpKind kind, const QStringList &slotNames)
{
    RolloutOp o = op(kind,
        kind == OpKind::WaitHealthy
            ? QCoreApplication::translate("gl::RolloutPlanner", "wait until %1 pass the health check")
                  .arg(slotNames.join(u", "))
            : QCoreApplication::translate("gl::RolloutPlanner", "wait until %1 have no session and no queue")
                  .arg(slotNames.join(u", ")));
    o.slotNames = slotNames;
    return o;
}

RolloutOp pauseOp(const StepPause &pause, QString role, QString label)
{
    RolloutOp o = op(OpKind::Pause, std::move(label));
    o.pause = pause;
    o.role = std::move(role);
    return o;
}

// Enables `slots` with weight 0 (weight first: a server leaving maintenance counts as up before its first
// check) and waits for their health checks.
void appendEnable(QList<RolloutOp> &ops, const PlanContext &c, const QStringList &slotNames, int group = -1)
{
    QList<ServerChange> changes;
    for (const QString &slot : slotNames)
        changes << change(c.backend, slot, 0);
    for (const QString &slot : slotNames)
        changes << change(c.backend, slot, std::nullopt, ServerAdminState::Ready);
    RolloutOp enable = setOp(changes,
        QCoreApplication::translate("gl::RolloutPlanner", "enable %1 with weight 0").arg(slotNames.join(u", ")),
        QStringLiteral("enable"));
    enable.group = group;
    ops << enable;
    RolloutOp wait = waitOp(OpKind::WaitHealthy, slotNames);
    wait.group = group;
    ops << wait;
}

// Drain -> wait until no session and no queue (bounded) -> maint.
void appendDrain(QList<RolloutOp> &ops, const PlanContext &c, const QStringList &slotNames, int group = -1)
{
    QList<ServerChange> drain;
    QList<ServerChange> maint;
    for (const QString &slot : slotNames) {
        drain << change(c.backend, slot, std::nullopt, ServerAdminState::Drain);
        maint << change(c.backend, slot, std::nullopt, ServerAdminState::Maint);
    }
    RolloutOp d = setOp(drain, QCoreApplication::translate("gl::RolloutPlanner", "drain %1").arg(slotNames.join(u", ")),
        QStringLiteral("drain"));
    RolloutOp w = waitOp(OpKind::WaitDrained, slotNames);
    RolloutOp m = setOp(maint,
        QCoreApplication::translate("gl::RolloutPlanner", "put %1 in maintenance").arg(slotNames.join(u", ")),
        QStringLiteral("maint"));
    d.group = w.group = m.group = group;
    ops << d << w << m;
}

// In place: slot batches of maxUnavailable (recreate: all at once) get `version`.
void appendInPlace(QList<RolloutOp> &ops, const PlanContext &c, const QStringList &slotNames, const QString &version,
    int batch, int firstGroup)
{
    int group = firstGroup;
    for (qsizetype i = 0; i < slotNames.size(); i += batch, ++group) {
        const QStringList batchSlots = slotNames.mid(i, batch);
        appendDrain(ops, c, batchSlots, group);
        for (const QString &slot : batchSlots) {
            RolloutOp d = deployOp(slot, version);
            d.group = group;
            ops << d;
        }
        appendEnable(ops, c, batchSlots, group);
        QList<ServerChange> weights;
        for (const QString &slot : batchSlots)
            weights << change(c.backend, slot, c.stableWeights.value(slot, c.fullWeight));
        RolloutOp ready = setOp(weights,
            QCoreApplication::translate("gl::RolloutPlanner", "give %1 traffic again").arg(batchSlots.join(u", ")),
            QStringLiteral("step"));
        ready.group = group;
        ready.step = group;
        ready.percent = 100.0 * double(std::min<qsizetype>(i + batch, slotNames.size())) / double(slotNames.size());
        ops << ready;
    }
}

int inPlaceBatch(const PlanContext &c)
{
    if (c.strategy == StrategyKind::Recreate)
        return int(c.stableSlots.size());
    return std::clamp(c.config.maxUnavailable, 1, int(std::max<qsizetype>(1, c.stableSlots.size() - 1)));
}

// The operations of the rollout's forward plan (not those of its abort or rollback: a rollback's own
// redeploys carry the old version).
QList<RolloutOp> forwardOps(const QList<RolloutOp> &ops)
{
    QList<RolloutOp> forward;
    for (const RolloutOp &o : ops) {
        if (o.answersAction == 0 && o.role != u"restore" && o.role != u"redeploy")
            forward << o;
    }
    return forward;
}

// Slots whose deploy of the new version has started.
QStringList touchedSlots(const PlanContext &c, const QList<RolloutOp> &forward)
{
    QStringList touched;
    for (const RolloutOp &o : forward) {
        if (o.kind == OpKind::Deploy && o.version == c.version && o.status != OpStatus::Pending
            && o.status != OpStatus::Skipped && !touched.contains(o.slotNames.value(0)))
            touched << o.slotNames.value(0);
    }
    return touched;
}

} // namespace

QJsonObject PlanContext::toJson() const
{
    QJsonObject weights;
    for (auto it = stableWeights.cbegin(); it != stableWeights.cend(); ++it)
        weights.insert(it.key(), it.value());
    return QJsonObject {
        {QStringLiteral("backend"), backend},
        {QStringLiteral("strategy"), gl::toString(strategy)},
        {QStringLiteral("config"), config.toJson()},
        {QStringLiteral("version"), version},
        {QStringLiteral("previousVersion"), previousVersion},
        {QStringLiteral("stableColour"), stableColour},
        {QStringLiteral("newColour"), newColour},
        {QStringLiteral("stableSlots"), QJsonArray::fromStringList(stableSlots)},
        {QStringLiteral("idleSlots"), QJsonArray::fromStringList(idleSlots)},
        {QStringLiteral("stableWeights"), weights},
        {QStringLiteral("fullWeight"), fullWeight},
    };
}

Result<PlanContext> PlanContext::fromJson(const QJsonObject &object)
{
    PlanContext c;
    c.backend = object.value(u"backend").toString();
    const auto strategy = strategyFromString(object.value(u"strategy").toString());
    if (!strategy || c.backend.isEmpty())
        return makeError(ErrorCode::Corrupt,
            QCoreApplication::translate("gl::RolloutPlanner", "The stored rollout plan is damaged."));
    c.strategy = *strategy;
    Result<StrategyConfig> config = StrategyConfig::fromJson(object.value(u"config").toObject());
    if (!config)
        return config.error();
    c.config = config.value();
    c.version = object.value(u"version").toString();
    c.previousVersion = object.value(u"previousVersion").toString();
    c.stableColour = object.value(u"stableColour").toString();
    c.newColour = object.value(u"newColour").toString();
    for (const QJsonValue &v : object.value(u"stableSlots").toArray())
        c.stableSlots << v.toString();
    for (const QJsonValue &v : object.value(u"idleSlots").toArray())
        c.idleSlots << v.toString();
    const QJsonObject weights = object.value(u"stableWeights").toObject();
    for (auto it = weights.begin(); it != weights.end(); ++it)
        c.stableWeights.insert(it.key(), it.value().toInt());
    c.fullWeight = object.value(u"fullWeight").toInt(100);
    return c;
}

int RolloutPlanner::stepCount(const PlanContext &c)
{
    switch (c.strategy) {
    case StrategyKind::Canary:
        return int(c.config.canarySteps.size());
    case StrategyKind::BlueGreen:
        return 1;
    case StrategyKind::Rolling:
    case StrategyKind::Recreate: {
        const int batch = inPlaceBatch(c);
        return int((c.stableSlots.size() + batch - 1) / batch);
    }
    }
    return 0;
}

Result<QList<RolloutOp>> RolloutPlanner::plan(const PlanContext &c)
{
    QList<RolloutOp> ops;
    if (c.stableSlots.isEmpty())
        return makeError(
            ErrorCode::InvalidArgument, Tr::tr("No slot serves traffic: there is no stable colour to start from."));

    switch (c.strategy) {
    case StrategyKind::Canary: {
        if (c.idleSlots.isEmpty())
            return makeError(
                ErrorCode::InvalidArgument, Tr::tr("The %1 colour has no slot for the canary.").arg(c.newColour));
        if (const Status valid = validateCanarySteps(c.config.canarySteps); !valid)
            return valid.error();
        const int k = std::clamp(c.config.canarySlots, 1, int(c.idleSlots.size()));
        const QStringList canary = c.idleSlots.mid(0, k);
        const QStringList rest = c.idleSlots.mid(k);
        for (const QString &slot : canary)
            ops << deployOp(slot, c.version);
        appendEnable(ops, c, canary);
        for (int i = 0; i < c.config.canarySteps.size(); ++i) {
            const CanaryStep &step = c.config.canarySteps.at(i);
            QList<ServerChange> changes;
            RolloutOp set;
            if (step.percent >= 100) {
                // Full capacity on the new colour before it takes everything.
                for (const QString &slot : rest)
                    ops << deployOp(slot, c.version);
                if (!rest.isEmpty())
                    appendEnable(ops, c, rest);
                for (const QString &slot : c.idleSlots) // raise the new colour first...
                    changes << change(c.backend, slot, c.fullWeight);
                for (const QString &slot : c.stableSlots) // ...then lower the old one, in the same batch
                    changes << change(c.backend, slot, 0);
                set = setOp(changes, Tr::tr("step %1: 100 % to %2").arg(i + 1).arg(c.version), QStringLiteral("step"));
                set.percent = 100;
            } else {
                const WeightSplit split
                    = WeightPlan::split(int(canary.size()), int(c.stableSlots.size()), step.percent, c.fullWeight);
                for (const QString &slot : canary) // the side that grows first
                    changes << change(c.backend, slot, split.newWeight);
                for (const QString &slot : c.stableSlots)
                    changes << change(c.backend, slot, split.stableWeight);
                set = setOp(changes,
                    Tr::tr("step %1: %2 % to %3 (weights %4 new, %5 stable)")
                        .arg(i + 1)
                        .arg(step.percent)
                        .arg(c.version)
                        .arg(split.newWeight)
                        .arg(split.stableWeight),
                    QStringLiteral("step"));
                set.percent = step.percent;
                set.skippable = true;
            }
            set.step = i;
            ops << set;
            if (step.pause.kind != PauseKind::None) {
                RolloutOp pause = pauseOp(step.pause, QStringLiteral("step"),
                    Tr::tr("step %1: pause (%2)").arg(i + 1).arg(step.pause.toString()));
                pause.step = i;
                pause.skippable = step.percent < 100;
                ops << pause;
            }
        }
        if (c.config.canaryUndeployDelayMs > 0)
            ops << pauseOp(StepPause {PauseKind::Duration, c.config.canaryUndeployDelayMs},
                QStringLiteral("undeploy-delay"),
                Tr::tr("keep %1 running for %2")
                    .arg(c.previousVersion, formatDurationMs(c.config.canaryUndeployDelayMs)));
        appendDrain(ops, c, c.stableSlots);
        for (const QString &slot : c.stableSlots) {
            RolloutOp u = undeployOp(slot);
            u.noReturn = true;
            ops << u;
        }
        break;
    }
    case StrategyKind::BlueGreen: {
        if (c.idleSlots.isEmpty())
            return makeError(ErrorCode::InvalidArgument, Tr::tr("The %1 colour has no slot.").arg(c.newColour));
        for (const QString &slot : c.idleSlots)
            ops << deployOp(slot, c.version);
        appendEnable(ops, c, c.idleSlots);
        QList<ServerChange> changes;
        for (const QString &slot : c.idleSlots)
            changes << change(c.backend, slot, c.fullWeight);
        for (const QString &slot : c.stableSlots)
            changes << change(c.backend, slot, 0);
        RolloutOp sw = setOp(
            changes, Tr::tr("switch all traffic to %1 (%2)").arg(c.newColour, c.version), QStringLiteral("step"));
        sw.step = 0;
        sw.percent = 100;
        ops << sw;
        if (c.config.keepOldForMs > 0)
            ops << pauseOp(StepPause {PauseKind::Duration, c.config.keepOldForMs}, QStringLiteral("keep-old"),
                Tr::tr("keep %1 running for %2 (rollback is instant)")
                    .arg(c.stableColour, formatDurationMs(c.config.keepOldForMs)));
        appendDrain(ops, c, c.stableSlots);
        for (const QString &slot : c.stableSlots) {
            RolloutOp u = undeployOp(slot);
            u.noReturn = true;
            ops << u;
        }
        break;
    }
    case StrategyKind::Rolling:
        if (c.stableSlots.size() < 2)
            return makeError(ErrorCode::InvalidArgument,
                Tr::tr("A rolling deployment needs at least 2 serving slots (one keeps serving); use blue-green."));
        appendInPlace(ops, c, c.stableSlots, c.version, inPlaceBatch(c), 0);
        break;
    case StrategyKind::Recreate:
        appendInPlace(ops, c, c.stableSlots, c.version, inPlaceBatch(c), 0);
        break;
    }
    for (int i = 0; i < ops.size(); ++i)
        ops[i].seq = i;
    return ops;
}

QStringList RolloutPlanner::deployedSlots(const QList<RolloutOp> &ops)
{
    QStringList slotNames;
    for (const RolloutOp &o : ops) {
        if (o.kind == OpKind::Deploy && o.status != OpStatus::Pending && o.status != OpStatus::Skipped
            && o.version.size() && !slotNames.contains(o.slotNames.value(0)))
            slotNames << o.slotNames.value(0);
    }
    return slotNames;
}

QList<RolloutOp> RolloutPlanner::removalOps(const PlanContext &c, const QList<RolloutOp> &ops)
{
    QList<RolloutOp> result;
    const QStringList touched = touchedSlots(c, forwardOps(ops));
    if (c.inPlace() || touched.isEmpty())
        return result;
    appendDrain(result, c, touched);
    for (const QString &slot : touched)
        result << undeployOp(slot);
    return result;
}

QList<RolloutOp> RolloutPlanner::recoveryOps(
    const PlanContext &c, const QList<RolloutOp> &ops, bool rollback, qint64 actionId, qint64 *estimateMs)
{
    QList<RolloutOp> result;
    if (estimateMs)
        *estimateMs = 0;
    const QList<RolloutOp> forward = forwardOps(ops);
    const QStringList touched = touchedSlots(c, forward);

    if (!c.inPlace()) {
        // One batch: the stable colour back up first (ready, its weights), then the new slots to weight 0.
        QList<ServerChange> changes;
        for (const QString &slot : c.stableSlots)
            changes << change(c.backend, slot, c.stableWeights.value(slot, c.fullWeight), ServerAdminState::Ready);
        for (const QString &slot : touched)
            changes << change(c.backend, slot, 0);
        RolloutOp restore = setOp(changes, Tr::tr("all traffic back to %1 (%2)").arg(c.stableColour, c.previousVersion),
            QStringLiteral("restore"));
        restore.percent = 0;
        restore.answersAction = actionId;
        restore.plansRemoval = rollback && !touched.isEmpty();
        result << restore;
    } else {
        // The batch in progress: if its deploy has not started, the old version is still there: bring it back.
        int current = -1;
        for (const RolloutOp &o : forward) {
            if (!o.isFinished()) {
                current = o.group;
                break;
            }
        }
        if (current >= 0) {
            bool deployStarted = false;
            QStringList slotNames;
            for (const RolloutOp &o : forward) {
                if (o.group != current)
                    continue;
                if (o.kind == OpKind::Deploy) {
                    slotNames << o.slotNames;
                    deployStarted = deployStarted || o.status != OpStatus::Pending;
                }
            }
            if (!deployStarted && !slotNames.isEmpty()) {
                QList<ServerChange> changes;
                for (const QString &slot : slotNames)
                    changes << change(
                        c.backend, slot, c.stableWeights.value(slot, c.fullWeight), ServerAdminState::Ready);
                RolloutOp restore = setOp(changes,
                    Tr::tr("give %1 traffic again (still %2)").arg(slotNames.join(u", "), c.previousVersion),
                    QStringLiteral("restore"));
                restore.answersAction = actionId;
                result << restore;
            }
        }
        if (rollback && !touched.isEmpty()) {
            // Slot by slot (maxUnavailable at a time) back to the previous version. Slots already out of
            // service (drained or in maintenance by the forward plan and not restored above) go first, as one
            // batch of their own, so that no batch takes a serving slot out while they are out as well.
            QHash<QString, ServerAdminState> state;
            QHash<QString, int> weight;
            for (const QString &slot : c.stableSlots) {
                state[slot] = ServerAdminState::Ready;
                weight[slot] = c.stableWeights.value(slot, c.fullWeight);
            }
            const auto apply = [&](const RolloutOp &o) {
                for (const ServerChange &ch : o.changes) {
                    if (ch.state)
                        state[ch.server] = *ch.state;
                    if (ch.weight)
                        weight[ch.server] = *ch.weight;
                }
            };
            for (const RolloutOp &o : forward) {
                if (o.kind == OpKind::SetServers && o.status == OpStatus::Done)
                    apply(o);
            }
            for (const RolloutOp &o : result)
                apply(o);
            const auto serving = [&](const QString &slot) {
                return state.value(slot) == ServerAdminState::Ready && weight.value(slot) > 0;
            };
            QStringList out;
            QStringList in;
            for (const QString &slot : touched)
                (serving(slot) ? in : out) << slot;
            const int batch = inPlaceBatch(c);
            QList<RolloutOp> redeploy;
            if (!out.isEmpty())
                appendInPlace(redeploy, c, out, c.previousVersion, int(out.size()), 1000);
            if (!in.isEmpty())
                appendInPlace(redeploy, c, in, c.previousVersion, batch, 2000);
            for (RolloutOp &o : redeploy) {
                o.role = o.role == u"step" ? QStringLiteral("redeploy") : o.role;
                o.step = -1;
                o.percent = -1;
            }
            qint64 spent = 0;
            int groups = 0;
            QHash<int, std::pair<qint64, qint64>> spans;
            for (const RolloutOp &o : forward) {
                if (o.group < 0 || o.status != OpStatus::Done || o.finishedAt.isEmpty())
                    continue;
                const qint64 end = QDateTime::fromString(o.finishedAt, Qt::ISODateWithMs).toMSecsSinceEpoch();
                auto &span = spans[o.group];
                if (span.first == 0 || o.startedMs < span.first)
                    span.first = o.startedMs;
                span.second = std::max(span.second, end);
            }
            for (const auto &span : std::as_const(spans)) {
                if (span.first > 0 && span.second > span.first) {
                    spent += span.second - span.first;
                    ++groups;
                }
            }
            const qint64 perBatch = groups > 0 ? spent / groups : 5000;
            const qint64 batches = (touched.size() + batch - 1) / batch;
            if (estimateMs)
                *estimateMs = perBatch * batches;
            if (result.isEmpty() && !redeploy.isEmpty())
                redeploy.first().answersAction = actionId;
            result << redeploy;
        }
    }
    return result;
}

} // namespace gl
