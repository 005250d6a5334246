#include "rolloutpolicy.h"

#include <QCoreApplication>

namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::Approvals)
};

} // namespace

RolloutPolicy::RolloutPolicy(QString environment, ApprovalsConfig config)
    : m_environment(std::move(environment))
    , m_config(std::move(config))
    , m_calendar(m_config.calendar)
    , m_evaluator(m_config.approvers)
{ }

QList<GateConfig> RolloutPolicy::gatesAt(GateStage stage, int stepPercent) const
{
    QList<GateConfig> gates;
    for (const GateConfig &gate : m_config.gates) {
        if (gate.stage == stage && (stage != GateStage::CanaryStep || gate.step == 0 || gate.step == stepPercent))
            gates << gate;
    }
    return gates;
}

Result<GateStatus> RolloutPolicy::gateStatus(
    const QString &gate, const GateContext &context, const QList<SignedStatement> &statements) const
{
    const GateConfig *config = m_config.gate(gate);
    if (!config)
        return makeError(ErrorCode::NotFound, Tr::tr("The environment has no gate named \"%1\".").arg(gate));
    GateContext scoped = context;
    scoped.environment = m_environment;
    return m_evaluator.evaluate(*config, scoped, statements);
}

PolicyDecision RolloutPolicy::mayStart(const GateContext &context, const QList<SignedStatement> &statements) const
{
    return decide(context, statements, GateStage::BeforeStart, 0);
}

PolicyDecision RolloutPolicy::mayPromote(
    const GateContext &context, const QList<SignedStatement> &statements, GateStage stage, int stepPercent) const
{
    return decide(context, statements, stage, stepPercent);
}

PolicyDecision RolloutPolicy::decide(
    const GateContext &context, const QList<SignedStatement> &statements, GateStage stage, int stepPercent) const
{
    GateContext scoped = context;
    scoped.environment = m_environment;
    PolicyDecision decision;

    for (const SignedStatement &s : statements) {
        if (s.statement().decision != Decision::Block)
            continue;
        if (!s.verify(m_config.approvers, m_environment, context.rolloutId))
            continue;
        decision.blocked = true;
        decision.reasons << Tr::tr("Blocked by %1: %2")
                                .arg(s.statement().signer,
                                    s.statement().inputs.value(QStringLiteral("reason"), s.statement().comment));
    }

    decision.calendar = m_calendar.check(context.now);
    if (!decision.calendar.allowed) {
        GateConfig override_;
        override_.name = QLatin1String(Statement::kCalendarGate);
        override_.groups = m_config.calendar.overrideGroups;
        override_.quorum = m_config.calendar.overrideQuorum;
        override_.inputs = {RequiredInput {QStringLiteral("reason"), QStringLiteral(".*\\S.*")}};
        const GateStatus status = m_config.calendar.overrideGroups.isEmpty()
            ? GateStatus {}
            : m_evaluator.evaluate(override_, scoped, statements, Decision::Override);
        if (status.satisfied()) {
            decision.overridden = true;
        } else {
            decision.reasons << decision.calendar.reason
                    + (m_config.calendar.overrideGroups.isEmpty() ? QString()
                                                                  : u' '
                                + Tr::tr("An override needs a reason and %n approval(s) from: %1.", nullptr,
                                    override_.quorum)
                                      .arg(m_config.calendar.overrideGroups.join(u", ")));
        }
    }

    for (const GateConfig &gate : gatesAt(stage, stepPercent)) {
        const GateStatus status = m_evaluator.evaluate(gate, scoped, statements);
        if (!status.satisfied())
            decision.reasons << gate.name + u": " + status.reason;
        decision.gates << status;
    }
    decision.allowed = decision.reasons.isEmpty();
    return decision;
}

} // namespace gl
