#include "gateevaluator.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <functional>

namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::Approvals)
};

// Kuhn's augmenting paths: how many approvers can be given a group each, no group twice.
int maxDistinctAssignment(const QList<QStringList> &eligibleGroups)
{
    QHash<QString, int> owner;
    int matched = 0;
    for (int person = 0; person < eligibleGroups.size(); ++person) {
        QSet<QString> visited;
        const std::function<bool(int)> augment = [&](int p) {
            for (const QString &group : eligibleGroups.at(p)) {
                if (visited.contains(group))
                    continue;
                visited.insert(group);
                if (!owner.contains(group) || augment(owner.value(group))) {
                    owner.insert(group, p);
                    return true;
                }
            }
            return false;
        };
        if (augment(person))
            ++matched;
    }
    return matched;
}

} // namespace

GateEvaluator::GateEvaluator(QList<Identity> approvers)
    : m_approvers(std::move(approvers))
{ }

GateStatus GateEvaluator::evaluate(const GateConfig &gate, const GateContext &context,
    const QList<SignedStatement> &statements, Decision counted) const
{
    GateStatus status;
    status.gate = gate.name;
    status.quorum = gate.quorum;
    if (gate.timeoutMs > 0 && context.openedAt.isValid())
        status.deadline = context.openedAt.addMSecs(gate.timeoutMs);

    // The latest verified statement of each person about this gate.
    QHash<QString, SignedStatement> latest;
    QStringList order;
    for (const SignedStatement &signedStatement : statements) {
        const Statement &s = signedStatement.statement();
        if (s.gate != gate.name || (s.decision != counted && s.decision != Decision::Reject))
            continue;
        const Result<Identity> signer = signedStatement.verify(m_approvers, context.environment, context.rolloutId);
        if (!signer) {
            status.refused << s.signer + u": " + signer.error().message;
            continue;
        }
        if (!latest.contains(s.signer)) {
            order << s.signer;
            latest.insert(s.signer, signedStatement);
        } else if (latest.value(s.signer).statement().time <= s.time) {
            latest.insert(s.signer, signedStatement);
        }
    }

    QList<QStringList> eligibleGroups;
    for (const QString &person : std::as_const(order)) {
        const Statement &s = latest.value(person).statement();
        const Identity identity = *findIdentity(m_approvers, person);
        QStringList groups;
        for (const QString &group : identity.groups) {
            if (gate.groups.contains(group))
                groups << group;
        }
        if (person == context.startedBy) {
            status.refused << person + u": "
                    + Tr::tr("started this rollout and cannot approve it (separation of duties)");
            continue;
        }
        if (groups.isEmpty()) {
            status.refused << person + u": " + Tr::tr("is not in the gate's groups (%1)").arg(gate.groups.join(u", "));
            continue;
        }
        if (status.deadline.isValid() && s.time > status.deadline) {
            status.refused << person + u": " + Tr::tr("decided after the gate timed out");
            continue;
        }
        if (s.decision == Decision::Reject) {
            status.state = GateState::Rejected;
            status.reason = Tr::tr("Rejected by %1%2").arg(person, s.comment.isEmpty() ? QString() : u": " + s.comment);
            return status;
        }
        QString missing;
        for (const RequiredInput &input : gate.inputs) {
            const QRegularExpression re(QRegularExpression::anchoredPattern(input.pattern));
            if (!s.inputs.contains(input.name) || !re.match(s.inputs.value(input.name)).hasMatch()) {
                missing = Tr::tr("the input \"%1\" is missing or does not match %2").arg(input.name, input.pattern);
                break;
            }
        }
        if (!missing.isEmpty()) {
            status.refused << person + u": " + missing;
            continue;
        }
        status.counted << person;
        eligibleGroups << groups;
        for (auto it = s.inputs.begin(); it != s.inputs.end(); ++it) {
            if (!status.inputs.contains(it.key()))
                status.inputs.insert(it.key(), it.value());
        }
    }

    const int have = gate.distinctGroups ? maxDistinctAssignment(eligibleGroups) : int(status.counted.size());
    if (have >= gate.quorum) {
        status.state = GateState::Approved;
        return status;
    }
    const int needed = gate.quorum - have;
    if (status.deadline.isValid() && context.now >= status.deadline) {
        status.state = GateState::TimedOut;
        status.reason = Tr::tr("Timed out at %1 with %2 of %3 approvals; the gate is rejected.")
                            .arg(status.deadline.toString(Qt::ISODate))
                            .arg(have)
                            .arg(gate.quorum);
        return status;
    }
    status.reason = gate.distinctGroups
        ? Tr::tr("Waiting for %n more approval(s) from different groups of: %1.", nullptr, needed)
              .arg(gate.groups.join(u", "))
        : Tr::tr("Waiting for %n more approval(s) from: %1.", nullptr, needed).arg(gate.groups.join(u", "));
    return status;
}

} // namespace gl
