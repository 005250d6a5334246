#include "rolloutgatekeeper.h"

#include "util/clock.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::Approvals)
};

QString stateText(GateState state)
{
    switch (state) {
    case GateState::Pending:
        return QStringLiteral("pending");
    case GateState::Approved:
        return QStringLiteral("approved");
    case GateState::Rejected:
        return QStringLiteral("rejected");
    case GateState::TimedOut:
        return QStringLiteral("timed-out");
    }
    return {};
}

QString leftText(qint64 seconds)
{
    if (seconds >= 3600)
        return Tr::tr("%1h %2m left").arg(seconds / 3600).arg((seconds % 3600) / 60);
    if (seconds >= 60)
        return Tr::tr("%1m %2s left").arg(seconds / 60).arg(seconds % 60);
    return Tr::tr("%1 s left").arg(std::max<qint64>(0, seconds));
}

} // namespace

QString GatePoint::key() const
{
    switch (stage) {
    case GateStage::BeforeStart:
        return QStringLiteral("before_start");
    case GateStage::CanaryStep:
        return QStringLiteral("canary_step:%1").arg(stepPercent);
    case GateStage::BeforeSwitch:
        return QStringLiteral("before_switch");
    }
    return {};
}

std::optional<GatePoint> GatePoint::fromKey(const QString &key)
{
    if (key == u"before_start")
        return GatePoint {GateStage::BeforeStart, 0};
    if (key == u"before_switch")
        return GatePoint {GateStage::BeforeSwitch, 0};
    if (key.startsWith(u"canary_step:")) {
        bool ok = false;
        const int percent = key.mid(12).toInt(&ok);
        if (ok && percent > 0 && percent <= 100)
            return GatePoint {GateStage::CanaryStep, percent};
    }
    return std::nullopt;
}

QStringList GateCheck::approvedBy() const
{
    QStringList people;
    for (const GateStatus &gate : decision.gates) {
        for (const QString &person : gate.counted) {
            if (!people.contains(person))
                people << person;
        }
    }
    return people;
}

QString GateCheck::summary() const
{
    QStringList parts;
    for (const GateStatus &gate : decision.gates) {
        QString part = Tr::tr("%1 %2/%3").arg(gate.gate).arg(gate.counted.size()).arg(gate.quorum);
        if (!gate.counted.isEmpty())
            part += u" (" + gate.counted.join(u", ") + u')';
        if (gate.state == GateState::Pending && gate.deadline.isValid())
            part += u", " + leftText(now.secsTo(gate.deadline));
        parts << part;
    }
    QString text = parts.join(u"; ");
    if (outcome != Outcome::Open) {
        // The reasons not already said by the counts (block, calendar, rejection, what is missing).
        const QString reasons = decision.reasons.join(u' ');
        if (!reasons.isEmpty())
            text = text.isEmpty() ? reasons : text + u" — " + reasons;
    }
    return text;
}

QJsonObject GateCheck::toJson() const
{
    QJsonArray gates;
    for (const GateStatus &gate : decision.gates) {
        QJsonObject object {
            {QStringLiteral("name"), gate.gate},
            {QStringLiteral("state"), stateText(gate.state)},
            {QStringLiteral("quorum"), gate.quorum},
            {QStringLiteral("approvals"), int(gate.counted.size())},
            {QStringLiteral("approvedBy"), QJsonArray::fromStringList(gate.counted)},
            {QStringLiteral("refused"), QJsonArray::fromStringList(gate.refused)},
            {QStringLiteral("reason"), gate.reason},
        };
        if (gate.deadline.isValid()) {
            object.insert(QStringLiteral("deadline"), gate.deadline.toUTC().toString(Qt::ISODate));
            object.insert(QStringLiteral("secondsLeft"), std::max<qint64>(0, now.secsTo(gate.deadline)));
        } else {
            object.insert(QStringLiteral("deadline"), QJsonValue());
            object.insert(QStringLiteral("secondsLeft"), QJsonValue());
        }
        gates.append(object);
    }
    QString outcomeText;
    switch (outcome) {
    case Outcome::Open:
        outcomeText = QStringLiteral("open");
        break;
    case Outcome::Waiting:
        outcomeText = QStringLiteral("waiting");
        break;
    case Outcome::Rejected:
        outcomeText = timedOut ? QStringLiteral("timed-out") : QStringLiteral("rejected");
        break;
    }
    return QJsonObject {
        {QStringLiteral("point"), point.key()},
        {QStringLiteral("stage"), toString(point.stage)},
        {QStringLiteral("step"), point.stage == GateStage::CanaryStep ? QJsonValue(point.stepPercent) : QJsonValue()},
        {QStringLiteral("state"), outcomeText},
        {QStringLiteral("openedAt"), openedAt.isValid() ? openedAt.toUTC().toString(Qt::ISODate) : QString()},
        {QStringLiteral("blocked"), decision.blocked},
        {QStringLiteral("calendarAllowed"), decision.calendar.allowed},
        {QStringLiteral("overridden"), decision.overridden},
        {QStringLiteral("gates"), gates},
        {QStringLiteral("reasons"), QJsonArray::fromStringList(decision.reasons)},
        {QStringLiteral("summary"), summary()},
    };
}

RolloutGatekeeper::RolloutGatekeeper(QString environment, ApprovalsConfig config, const Clock &clock)
    : m_environment(std::move(environment))
    , m_policy(m_environment, std::move(config))
    , m_clock(&clock)
{ }

RolloutGatekeeper::~RolloutGatekeeper() = default;

Status RolloutGatekeeper::open(const QString &auditPath, const AuditLog::Options &options)
{
    if (m_log)
        return {};
    Result<AuditLog> log = AuditLog::open(auditPath, *m_clock, options);
    if (!log)
        return log.error();
    m_log = std::make_unique<AuditLog>(std::move(log).value());
    m_ledger = std::make_unique<ApprovalLedger>(*m_log, m_environment, m_policy.config().approvers);
    return {};
}

void RolloutGatekeeper::setSigner(const SigningKey &key)
{
    if (m_log)
        m_log->setSigner(key);
}

void RolloutGatekeeper::setConfig(ApprovalsConfig config)
{
    m_policy = RolloutPolicy(m_environment, std::move(config));
    if (m_log)
        m_ledger = std::make_unique<ApprovalLedger>(*m_log, m_environment, m_policy.config().approvers);
}

bool RolloutGatekeeper::hasGatesAt(const GatePoint &point) const
{
    return !m_policy.gatesAt(point.stage, point.stepPercent).isEmpty();
}

QStringList RolloutGatekeeper::gateNamesAt(const GatePoint &point) const
{
    QStringList names;
    for (const GateConfig &gate : m_policy.gatesAt(point.stage, point.stepPercent))
        names << gate.name;
    return names;
}

Result<AuditEntry> RolloutGatekeeper::append(const AuditRecord &record)
{
    if (!m_log)
        return makeError(ErrorCode::Io, Tr::tr("The audit log is not open."));
    return m_log->append(record);
}

Result<GateCheck> RolloutGatekeeper::check(qint64 rolloutId, const QString &starter, const GatePoint &point,
    const QDateTime &openedAt, const QList<qint64> &retried) const
{
    GateCheck result;
    result.point = point;
    result.openedAt = openedAt;
    result.now = m_clock->now();
    result.decision.allowed = true;
    result.decision.calendar.allowed = true;
    if (!enforces())
        return result;
    result.gated = hasGatesAt(point);
    if (!m_ledger)
        return makeError(ErrorCode::Io, Tr::tr("The audit log is not open: approvals cannot be read."));
    const Result<QList<SignedStatement>> statements = m_ledger->statementsFor(QString::number(rolloutId));
    if (!statements)
        return statements.error();
    const GateContext context {m_environment, QString::number(rolloutId), starter, openedAt, result.now};

    result.decision = point.stage == GateStage::BeforeStart
        ? m_policy.mayStart(context, *statements)
        : m_policy.mayPromote(context, *statements, point.stage, point.stepPercent);

    // A block signed on a rollout this one retries is still in force: the release, not the attempt, is blocked.
    for (const qint64 earlier : retried) {
        const Result<QStringList> inherited = blocks(earlier);
        if (!inherited)
            return inherited.error();
        for (const QString &reason : *inherited) {
            result.decision.blocked = true;
            result.decision.allowed = false;
            result.decision.reasons << Tr::tr("%1 (on rollout #%2, which this one retries)").arg(reason).arg(earlier);
        }
    }

    for (const GateStatus &gate : std::as_const(result.decision.gates)) {
        if (gate.state == GateState::Rejected || gate.state == GateState::TimedOut) {
            result.outcome = GateCheck::Outcome::Rejected;
            result.timedOut = gate.state == GateState::TimedOut;
            result.rejectedGate = gate.gate;
            return result;
        }
    }
    result.outcome = result.decision.allowed ? GateCheck::Outcome::Open : GateCheck::Outcome::Waiting;
    return result;
}

Result<QStringList> RolloutGatekeeper::blocks(qint64 rolloutId) const
{
    QStringList reasons;
    if (!enforces())
        return reasons;
    if (!m_ledger)
        return makeError(ErrorCode::Io, Tr::tr("The audit log is not open: approvals cannot be read."));
    const QString id = QString::number(rolloutId);
    const Result<QList<SignedStatement>> statements = m_ledger->statementsFor(id);
    if (!statements)
        return statements.error();
    for (const SignedStatement &s : *statements) {
        if (s.statement().decision != Decision::Block || !s.verify(m_policy.config().approvers, m_environment, id))
            continue;
        reasons << Tr::tr("Blocked by %1: %2")
                       .arg(s.statement().signer,
                           s.statement().inputs.value(QStringLiteral("reason"), s.statement().comment));
    }
    return reasons;
}

Result<GateHistory> RolloutGatekeeper::history(qint64 rolloutId) const
{
    GateHistory history;
    if (!m_log)
        return history;
    const Result<QList<AuditEntry>> entries = m_log->entries(subjectFor(rolloutId));
    if (!entries)
        return entries.error();
    for (const AuditEntry &entry : *entries) {
        const QJsonObject detail = entry.detailObject();
        if (entry.action == u"rollout.start" || entry.action == u"rollout.retry") {
            if (history.starter.isEmpty())
                history.starter = detail.value(u"person").toString();
            continue;
        }
        if (!entry.action.startsWith(u"gate."))
            continue;
        const QString point = detail.value(u"point").toString();
        if (entry.action == u"gate.wait") {
            if (!history.openedAt.contains(point))
                history.openedAt.insert(
                    point, QDateTime::fromString(detail.value(u"opened_at").toString(), Qt::ISODate));
            history.lastWaitingPoint = point;
        } else {
            history.resolved.insert(point, entry.action);
            if (history.lastWaitingPoint == point)
                history.lastWaitingPoint.clear();
        }
    }
    return history;
}

Result<std::optional<GateCheck>> RolloutGatekeeper::waitingCheck(
    const RolloutRecord &record, const QList<qint64> &retried) const
{
    if (!enforces() || record.state != RolloutState::Paused || record.pauseReason != PauseReason::Gate)
        return std::optional<GateCheck> {};
    const Result<GateHistory> found = history(record.id);
    if (!found)
        return found.error();
    const std::optional<GatePoint> point = GatePoint::fromKey(found->lastWaitingPoint);
    if (!point)
        return std::optional<GateCheck> {};
    const QString starter = found->starter.isEmpty() ? personOf(record.startedBy) : found->starter;
    const Result<GateCheck> check
        = this->check(record.id, starter, *point, found->openedAt.value(point->key()), retried);
    if (!check)
        return check.error();
    return std::optional<GateCheck>(check.value());
}

QString RolloutGatekeeper::personOf(const QString &actor, const QString &person)
{
    if (!person.trimmed().isEmpty())
        return person.trimmed();
    return actor.section(u'@', 0, 0);
}

} // namespace gl
