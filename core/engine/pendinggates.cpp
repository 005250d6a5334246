#include "engine/pendinggates.h"

#include "engine/rolloutgatekeeper.h"
#include "engine/rolloutstatemachine.h"
#include "model/strategyconfig.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>

#include <cmath>

namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::PendingGates)
};

QDateTime parseTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time.toUTC();
}

std::optional<StrategyKind> strategyOf(const RolloutRecord &rollout)
{
    return strategyFromString(rollout.strategy);
}

bool isTrafficStep(const RolloutOp &op)
{
    return op.kind == OpKind::SetServers && op.step >= 0 && op.percent > 0;
}

// The stages a rollout of this strategy meets, and whether the gate applies to it at all.
bool appliesTo(const GateConfig &gate, const RolloutRecord &rollout)
{
    switch (gate.stage) {
    case GateStage::BeforeStart:
        return true;
    case GateStage::CanaryStep:
        return strategyOf(rollout) == StrategyKind::Canary;
    case GateStage::BeforeSwitch:
        return strategyOf(rollout) == StrategyKind::BlueGreen;
    }
    return false;
}

GateContext contextFor(const Environment &environment, const RolloutRecord &rollout, const QString &starter,
    const QDateTime &openedAt, const QDateTime &now)
{
    return GateContext {environment.name, QString::number(rollout.id), starter, openedAt, now};
}

QString pointKey(const GateWait &wait)
{
    return GatePoint {wait.stage, wait.stepPercent}.key();
}

} // namespace

std::optional<GateWait> gateWaitOf(const RolloutRecord &rollout, const QList<RolloutOp> &ops)
{
    // As the engine (RolloutEngine::gatePointAt): paused for a gate with the next operation not yet started.
    if (RolloutStateMachine::isTerminal(rollout.state))
        return std::nullopt;
    const bool nothingYet
        = std::all_of(ops.begin(), ops.end(), [](const RolloutOp &op) { return op.status == OpStatus::Pending; });
    if (rollout.state == RolloutState::Pending)
        return GateWait {GateStage::BeforeStart, 0, -1, parseTime(rollout.startedAt)};
    if (rollout.state != RolloutState::Paused || rollout.pauseReason != PauseReason::Gate
        || rollout.goal != RolloutGoal::Complete)
        return std::nullopt;
    if (nothingYet)
        return GateWait {GateStage::BeforeStart, 0, -1, parseTime(rollout.updatedAt)};
    qsizetype next = -1;
    for (qsizetype i = 0; i < ops.size(); ++i) {
        if (ops[i].kind == OpKind::Pause && ops[i].status == OpStatus::Running)
            return std::nullopt; // a step pause of kind gate: waits for promote
        if (next < 0 && ops[i].status == OpStatus::Pending)
            next = i;
    }
    if (next < 0)
        return std::nullopt;
    const RolloutOp &op = ops[next];
    if (op.kind != OpKind::SetServers || op.role != u"step" || op.percent <= 0)
        return std::nullopt;
    const QDateTime opened = parseTime(rollout.updatedAt);
    const auto strategy = strategyOf(rollout);
    if (strategy == StrategyKind::Canary)
        return GateWait {GateStage::CanaryStep, int(std::lround(op.percent)), op.step, opened};
    if (strategy == StrategyKind::BlueGreen)
        return GateWait {GateStage::BeforeSwitch, 0, -1, opened};
    return std::nullopt;
}

GateFacts gateFactsOf(const AuditLog &log, const RolloutRecord &rollout)
{
    GateFacts facts;
    const Result<QList<AuditEntry>> entries = log.entries(ApprovalLedger::subjectFor(QString::number(rollout.id)));
    if (entries) {
        for (const AuditEntry &entry : *entries) {
            const QJsonObject detail = entry.detailObject();
            if ((entry.action == u"rollout.start" || entry.action == u"rollout.retry") && facts.starter.isEmpty())
                facts.starter = detail.value(u"person").toString();
            else if (entry.action == u"gate.wait") {
                const QString point = detail.value(u"point").toString();
                if (!facts.openedAt.contains(point))
                    facts.openedAt.insert(
                        point, QDateTime::fromString(detail.value(u"opened_at").toString(), Qt::ISODate).toUTC());
            }
        }
    }
    if (facts.starter.isEmpty())
        facts.starter = RolloutGatekeeper::personOf(rollout.startedBy);
    return facts;
}

QList<GateVote> gateVotes(const GateConfig &gate, const GateStatus &status, const QList<SignedStatement> &statements,
    const QList<Identity> &approvers, const GateContext &context)
{
    // The latest decision of each person, as GateEvaluator picks it (later time wins, then later in the list).
    QHash<QString, qsizetype> latest;
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const Statement &s = statements[i].statement();
        if (s.gate != gate.name || (s.decision != Decision::Approve && s.decision != Decision::Reject))
            continue;
        if (!statements[i].verify(approvers, context.environment, context.rolloutId))
            continue;
        const auto it = latest.constFind(s.signer);
        if (it == latest.cend() || statements[*it].statement().time <= s.time)
            latest.insert(s.signer, i);
    }
    QList<GateVote> votes;
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const Statement &s = statements[i].statement();
        if (s.gate != gate.name || (s.decision != Decision::Approve && s.decision != Decision::Reject))
            continue;
        GateVote vote;
        vote.person = s.signer;
        vote.decision = s.decision;
        vote.time = s.time;
        vote.comment = s.comment;
        vote.inputs = s.inputs;
        if (const auto identity = findIdentity(approvers, s.signer)) {
            for (const QString &group : identity->groups) {
                if (gate.groups.contains(group))
                    vote.groups << group;
            }
        }
        const Result<Identity> signer = statements[i].verify(approvers, context.environment, context.rolloutId);
        if (!signer) {
            vote.refusal = signer.error().message;
        } else if (latest.value(s.signer, -1) != i) {
            vote.refusal = Tr::tr("superseded by a later decision of %1").arg(s.signer);
        } else {
            const QString prefix = s.signer + u": ";
            for (const QString &refused : status.refused) {
                if (refused.startsWith(prefix))
                    vote.refusal = refused.mid(prefix.size());
            }
            if (vote.refusal.isEmpty()) {
                if (s.decision == Decision::Approve && !status.counted.contains(s.signer))
                    vote.refusal = Tr::tr("not counted: the gate was already rejected");
                else if (s.decision == Decision::Reject && status.state != GateState::Rejected)
                    vote.refusal = Tr::tr("not counted");
                else
                    vote.counted = true;
            }
        }
        votes << vote;
    }
    return votes;
}

Result<QList<PendingGate>> pendingGates(
    const Environment &environment, RolloutStore &rollouts, AuditLog &log, const QDateTime &now)
{
    const ApprovalLedger ledger(log, environment.name, environment.approvals.approvers);
    QList<PendingGate> pending;
    if (environment.approvals.gates.isEmpty())
        return pending;
    // Only the latest rollout can be active: RolloutStateMachine::decide refuses a Start while the latest one is
    // not terminal, and Retry follows an ended one, so an environment never has two rollouts waiting at a gate.
    const Result<std::optional<RolloutRecord>> latest = rollouts.latest();
    if (!latest)
        return latest.error();
    if (!latest->has_value())
        return pending;
    const RolloutRecord &rollout = **latest;
    const Result<QList<RolloutOp>> ops = rollouts.ops(rollout.id);
    if (!ops)
        return ops.error();
    std::optional<GateWait> wait = gateWaitOf(rollout, *ops);
    if (!wait)
        return pending;
    const GateFacts facts = gateFactsOf(log, rollout);
    if (const QDateTime opened = facts.openedAt.value(pointKey(*wait)); opened.isValid())
        wait->openedAt = opened;
    const RolloutPolicy policy(environment.name, environment.approvals);
    const QList<GateConfig> gates = policy.gatesAt(wait->stage, wait->stepPercent);
    if (gates.isEmpty())
        return pending;
    const Result<QList<SignedStatement>> statements = ledger.statementsFor(QString::number(rollout.id));
    if (!statements)
        return statements.error();
    std::optional<AnalysisRunRecord> analysis;
    const MeasurementStore measurements(rollouts.database());
    if (const Result<AnalysisRunRecord> run = measurements.latestRun(rollout.id); run)
        analysis = *run;
    for (const GateConfig &gate : gates) {
        PendingGate entry;
        entry.rollout = rollout;
        entry.wait = *wait;
        entry.config = gate;
        entry.context = contextFor(environment, rollout, facts.starter, wait->openedAt, now);
        const Result<GateStatus> status = policy.gateStatus(gate.name, entry.context, *statements);
        if (!status)
            return status.error();
        entry.status = *status;
        entry.votes = gateVotes(gate, entry.status, *statements, environment.approvals.approvers, entry.context);
        entry.analysis = analysis;
        pending << entry;
    }
    return pending;
}

Result<QList<RolloutGate>> rolloutGates(const Environment &environment, RolloutStore &rollouts, AuditLog &log,
    const RolloutRecord &rollout, const QDateTime &now)
{
    const ApprovalLedger ledger(log, environment.name, environment.approvals.approvers);
    const GateFacts facts = gateFactsOf(log, rollout);
    QList<RolloutGate> gates;
    const Result<QList<RolloutOp>> ops = rollouts.ops(rollout.id);
    if (!ops)
        return ops.error();
    const Result<QList<SignedStatement>> statements = ledger.statementsFor(QString::number(rollout.id));
    if (!statements)
        return statements.error();
    std::optional<GateWait> wait = gateWaitOf(rollout, *ops);
    if (wait) {
        if (const QDateTime opened = facts.openedAt.value(pointKey(*wait)); opened.isValid())
            wait->openedAt = opened;
    }
    const RolloutPolicy policy(environment.name, environment.approvals);
    const auto reachedStep = [&](int percent) {
        if (wait && wait->stage == GateStage::CanaryStep && (percent == 0 || wait->stepPercent == percent))
            return true;
        return std::any_of(ops->begin(), ops->end(), [&](const RolloutOp &op) {
            return isTrafficStep(op) && op.status != OpStatus::Pending && (percent == 0 || int(op.percent) == percent);
        });
    };
    const auto reachedSwitch = [&] {
        if (wait && wait->stage == GateStage::BeforeSwitch)
            return true;
        return std::any_of(ops->begin(), ops->end(),
            [](const RolloutOp &op) { return isTrafficStep(op) && op.status != OpStatus::Pending; });
    };
    QList<GateStage> order {GateStage::BeforeStart, GateStage::CanaryStep, GateStage::BeforeSwitch};
    for (const GateStage stage : order) {
        for (const GateConfig &gate : environment.approvals.gates) {
            if (gate.stage != stage || !appliesTo(gate, rollout))
                continue;
            RolloutGate row;
            row.config = gate;
            row.current = wait && wait->stage == stage
                && (stage != GateStage::CanaryStep || gate.step == 0 || gate.step == wait->stepPercent);
            switch (stage) {
            case GateStage::BeforeStart:
                row.reached = true;
                break;
            case GateStage::CanaryStep:
                row.reached = reachedStep(gate.step);
                break;
            case GateStage::BeforeSwitch:
                row.reached = reachedSwitch();
                break;
            }
            // Only the gate waited at now has a running timeout.
            const QDateTime opened = row.current ? wait->openedAt : QDateTime();
            const GateContext context = contextFor(environment, rollout, facts.starter, opened, now);
            const Result<GateStatus> status = policy.gateStatus(gate.name, context, *statements);
            if (!status)
                return status.error();
            row.status = *status;
            gates << row;
        }
    }
    return gates;
}

} // namespace gl
