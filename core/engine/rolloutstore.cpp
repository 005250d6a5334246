#include "rolloutstore.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>

namespace gl {
namespace {

const QString kRolloutColumns = QStringLiteral(
    "id, version_from, version_to, strategy, state, goal, pause_reason, stable_colour, new_colour, step_index,"
    " step_count, desired_share, actual_share, message, plan, started_at, started_by, reason, updated_at,"
    " finished_at, revision, retry_of");

// A null QString binds as SQL NULL; the columns are NOT NULL DEFAULT ''.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject object(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

RolloutRecord readRollout(const QSqlQuery &q)
{
    RolloutRecord r;
    r.id = q.value(0).toLongLong();
    r.versionFrom = q.value(1).toString();
    r.versionTo = q.value(2).toString();
    r.strategy = q.value(3).toString();
    r.state = rolloutStateFromString(q.value(4).toString()).value_or(RolloutState::Held);
    r.goal = rolloutGoalFromString(q.value(5).toString());
    r.pauseReason = pauseReasonFromString(q.value(6).toString());
    r.stableColour = q.value(7).toString();
    r.newColour = q.value(8).toString();
    r.stepIndex = q.value(9).toInt();
    r.stepCount = q.value(10).toInt();
    r.desiredShare = q.value(11).toDouble();
    r.actualShare = q.value(12).toDouble();
    r.message = q.value(13).toString();
    r.plan = object(q.value(14).toString());
    r.startedAt = q.value(15).toString();
    r.startedBy = q.value(16).toString();
    r.reason = q.value(17).toString();
    r.updatedAt = q.value(18).toString();
    r.finishedAt = q.value(19).toString();
    r.revision = q.value(20).toLongLong();
    r.retryOf = q.value(21).toLongLong();
    return r;
}

ActionRecord readAction(const QSqlQuery &q)
{
    ActionRecord a;
    a.id = q.value(0).toLongLong();
    a.rolloutId = q.value(1).toLongLong();
    a.action = q.value(2).toString();
    a.actor = q.value(3).toString();
    a.reason = q.value(4).toString();
    a.params = object(q.value(5).toString());
    a.requestedAt = q.value(6).toString();
    a.status = q.value(7).toString();
    a.answeredAt = q.value(8).toString();
    a.answer = q.value(9).toString();
    a.answerRollout = q.value(10).toLongLong();
    return a;
}

const QString kActionColumns = QStringLiteral(
    "id, rollout_id, action, actor, reason, params, requested_at, status, answered_at, answer, answer_rollout");

} // namespace

QJsonObject RolloutRecord::toJson() const
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("state"), toString(state)},
        {QStringLiteral("goal"), toString(goal)},
        {QStringLiteral("pauseReason"), toString(pauseReason)},
        {QStringLiteral("strategy"), strategy},
        {QStringLiteral("versionFrom"), versionFrom},
        {QStringLiteral("versionTo"), versionTo},
        {QStringLiteral("stableColour"), stableColour},
        {QStringLiteral("newColour"), newColour},
        {QStringLiteral("step"), stepIndex + 1},
        {QStringLiteral("stepCount"), stepCount},
        {QStringLiteral("desiredShare"), desiredShare},
        {QStringLiteral("actualShare"), actualShare},
        {QStringLiteral("message"), message},
        {QStringLiteral("startedAt"), startedAt},
        {QStringLiteral("startedBy"), startedBy},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("updatedAt"), updatedAt},
        {QStringLiteral("finishedAt"), finishedAt},
        {QStringLiteral("revision"), revision},
        {QStringLiteral("retryOf"), retryOf},
    };
}

RolloutStore::RolloutStore(StateStore &store, const Clock &clock)
    : m_store(store)
    , m_clock(clock)
{ }

QString RolloutStore::now() const
{
    return m_clock.now().toUTC().toString(Qt::ISODateWithMs);
}

Result<std::optional<RolloutRecord>> RolloutStore::latest() const
{
    Result<QSqlQuery> q = m_store.database().exec(
        QStringLiteral("SELECT %1 FROM rollouts ORDER BY id DESC LIMIT 1").arg(kRolloutColumns));
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<RolloutRecord>();
    return std::optional<RolloutRecord>(readRollout(*q));
}

Result<std::optional<RolloutRecord>> RolloutStore::rollout(qint64 id) const
{
    Result<QSqlQuery> q
        = m_store.database().exec(QStringLiteral("SELECT %1 FROM rollouts WHERE id = ?").arg(kRolloutColumns), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<RolloutRecord>();
    return std::optional<RolloutRecord>(readRollout(*q));
}

Result<QList<RolloutRecord>> RolloutStore::history(int limit) const
{
    Result<QSqlQuery> q = m_store.database().exec(
        QStringLiteral("SELECT %1 FROM rollouts ORDER BY id DESC LIMIT ?").arg(kRolloutColumns), {limit});
    if (!q)
        return q.error();
    QList<RolloutRecord> result;
    while (q->next())
        result << readRollout(*q);
    return result;
}

Result<qint64> RolloutStore::createRollout(RolloutRecord record, QList<RolloutOp> ops)
{
    qint64 id = 0;
    const Status status = m_store.database().transaction([&]() -> Status {
        record.updatedAt = now();
        record.revision = 1;
        Result<QSqlQuery> q = m_store.database().exec(
            QStringLiteral("INSERT INTO rollouts (version_from, version_to, strategy, state, goal, pause_reason,"
                           " stable_colour, new_colour, step_index, step_count, desired_share, actual_share, message,"
                           " plan, started_at, started_by, reason, updated_at, finished_at, revision, retry_of)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {text(record.versionFrom), text(record.versionTo), text(record.strategy), toString(record.state),
                toString(record.goal), text(toString(record.pauseReason)), text(record.stableColour),
                text(record.newColour), record.stepIndex, record.stepCount, record.desiredShare, record.actualShare,
                text(record.message), json(record.plan), text(record.startedAt), text(record.startedBy),
                text(record.reason), text(record.updatedAt), text(record.finishedAt), record.revision, record.retryOf});
        if (!q)
            return q.error();
        id = q->lastInsertId().toLongLong();
        return appendOps(id, ops);
    });
    if (!status)
        return status.error();
    return id;
}

Status RolloutStore::updateRollout(RolloutRecord &record)
{
    record.updatedAt = now();
    const Result<QSqlQuery> q = m_store.database().exec(
        QStringLiteral("UPDATE rollouts SET state = ?, goal = ?, pause_reason = ?, step_index = ?, step_count = ?,"
                       " desired_share = ?, actual_share = ?, message = ?, updated_at = ?, finished_at = ?,"
                       " revision = revision + 1 WHERE id = ?"),
        {toString(record.state), toString(record.goal), text(toString(record.pauseReason)), record.stepIndex,
            record.stepCount, record.desiredShare, record.actualShare, text(record.message), text(record.updatedAt),
            text(record.finishedAt), record.id});
    if (!q)
        return q.error();
    ++record.revision;
    return {};
}

Result<QList<RolloutOp>> RolloutStore::ops(qint64 rolloutId) const
{
    Result<QSqlQuery> q = m_store.database().exec(
        QStringLiteral("SELECT id, seq, kind, params, status, attempts, started_ms, started_at, finished_at, result"
                       " FROM rollout_ops WHERE rollout_id = ? ORDER BY seq"),
        {rolloutId});
    if (!q)
        return q.error();
    QList<RolloutOp> result;
    while (q->next()) {
        RolloutOp op;
        op.id = q->value(0).toLongLong();
        op.seq = q->value(1).toInt();
        const auto kind = opKindFromString(q->value(2).toString());
        if (!kind)
            return makeError(ErrorCode::Corrupt,
                QCoreApplication::translate("gl::RolloutStore", "The state database holds an unknown operation %1.")
                    .arg(q->value(2).toString()));
        op.kind = *kind;
        op.setParamsJson(object(q->value(3).toString()));
        op.status = opStatusFromString(q->value(4).toString());
        op.attempts = q->value(5).toInt();
        op.startedMs = q->value(6).toLongLong();
        op.startedAt = q->value(7).toString();
        op.finishedAt = q->value(8).toString();
        op.result = q->value(9).toString();
        result << op;
    }
    return result;
}

Status RolloutStore::updateOp(const RolloutOp &op)
{
    const Result<QSqlQuery> q = m_store.database().exec(
        QStringLiteral("UPDATE rollout_ops SET status = ?, attempts = ?, started_ms = ?, started_at = ?,"
                       " finished_at = ?, result = ?, params = ? WHERE id = ?"),
        {toString(op.status), op.attempts, op.startedMs, text(op.startedAt), text(op.finishedAt), text(op.result),
            QString::fromUtf8(op.paramsText()), op.id});
    if (!q)
        return q.error();
    return {};
}

Status RolloutStore::appendOps(qint64 rolloutId, QList<RolloutOp> &ops)
{
    // Many rows per statement (a rollback of 100 slots appends ~100 operations inside the commit ahead of
    // HAProxy): one prepare per chunk; RETURNING gives the ids (matched by seq: its row order is not defined).
    constexpr qsizetype kChunk = 64;
    return m_store.database().transaction([&]() -> Status {
        Result<QSqlQuery> last = m_store.database().exec(
            QStringLiteral("SELECT coalesce(max(seq), -1) FROM rollout_ops WHERE rollout_id = ?"), {rolloutId});
        if (!last)
            return last.error();
        const int firstSeq = last->next() ? last->value(0).toInt() + 1 : 0;
        for (qsizetype begin = 0; begin < ops.size(); begin += kChunk) {
            const qsizetype end = std::min(ops.size(), begin + kChunk);
            QString sql = QStringLiteral("INSERT INTO rollout_ops (rollout_id, seq, kind, params, status, attempts,"
                                         " started_ms, started_at, finished_at, result) VALUES ");
            QVariantList bind;
            bind.reserve((end - begin) * 10);
            for (qsizetype i = begin; i < end; ++i) {
                RolloutOp &op = ops[i];
                op.seq = firstSeq + int(i);
                sql += i == begin ? QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                  : QStringLiteral(", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                bind << rolloutId << op.seq << toString(op.kind) << QString::fromUtf8(op.paramsText())
                     << toString(op.status) << op.attempts << op.startedMs << text(op.startedAt) << text(op.finishedAt)
                     << text(op.result);
            }
            sql += QStringLiteral(" RETURNING id, seq");
            Result<QSqlQuery> q = m_store.database().exec(sql, bind);
            if (!q)
                return q.error();
            qsizetype returned = 0;
            while (q->next()) {
                const qsizetype index = q->value(1).toInt() - firstSeq;
                if (index < begin || index >= end)
                    continue;
                ops[index].id = q->value(0).toLongLong();
                ++returned;
            }
            if (returned != end - begin)
                return makeError(ErrorCode::Io,
                    QCoreApplication::translate("gl::RolloutStore", "The state database did not store the operations."),
                    QStringLiteral("INSERT ... RETURNING gave %1 of %2 rows").arg(returned).arg(end - begin));
        }
        return {};
    });
}

Status RolloutStore::skipUnfinishedOps(qint64 rolloutId, const QString &at, const QString &result)
{
    const Result<QSqlQuery> q = m_store.database().exec(
        QStringLiteral("UPDATE rollout_ops SET status = ?, finished_at = ?, result = ? WHERE rollout_id = ? AND"
                       " (status IN (?, ?) OR (status = ? AND kind IN (?, ?, ?)))"),
        {toString(OpStatus::Skipped), text(at), text(result), rolloutId, toString(OpStatus::Pending),
            toString(OpStatus::Failed), toString(OpStatus::Running), toString(OpKind::Pause),
            toString(OpKind::WaitHealthy), toString(OpKind::WaitDrained)});
    if (!q)
        return q.error();
    return {};
}

Status RolloutStore::addEvent(qint64 rolloutId, const QString &actor, const QString &kind, const QString &detail)
{
    const Result<QSqlQuery> q = m_store.database().exec(
        QStringLiteral("INSERT INTO rollout_events (rollout_id, at, actor, kind, detail) VALUES (?, ?, ?, ?, ?)"),
        {rolloutId, now(), text(actor), text(kind), text(detail)});
    if (!q)
        return q.error();
    return {};
}

Result<QList<EventRecord>> RolloutStore::events(qint64 rolloutId) const
{
    Result<QSqlQuery> q = m_store.database().exec(
        QStringLiteral("SELECT id, rollout_id, at, actor, kind, detail FROM rollout_events WHERE rollout_id = ?"
                       " ORDER BY id"),
        {rolloutId});
    if (!q)
        return q.error();
    QList<EventRecord> result;
    while (q->next())
        result << EventRecord {q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toString(),
            q->value(3).toString(), q->value(4).toString(), q->value(5).toString()};
    return result;
}

Result<qint64> RolloutStore::enqueueAction(const ActionRecord &action)
{
    // No fsync of its own (see the header).
    qint64 id = 0;
    const Status queued = m_store.database().withoutWaitingForDisk([&]() -> Status {
        Result<QSqlQuery> q = m_store.database().exec(
            QStringLiteral("INSERT INTO rollout_actions (rollout_id, action, actor, reason, params, requested_at)"
                           " VALUES (?, ?, ?, ?, ?, ?)"),
            {action.rolloutId, text(action.action), text(action.actor), text(action.reason), json(action.params),
                now()});
        if (!q)
            return q.error();
        id = q->lastInsertId().toLongLong();
        return {};
    });
    if (!queued)
        return queued.error();
    return id;
}

Result<QList<ActionRecord>> RolloutStore::pendingActions() const
{
    Result<QSqlQuery> q = m_store.database().exec(
        QStringLiteral("SELECT %1 FROM rollout_actions WHERE status = 'pending' ORDER BY id").arg(kActionColumns));
    if (!q)
        return q.error();
    QList<ActionRecord> result;
    while (q->next())
        result << readAction(*q);
    return result;
}

Result<std::optional<ActionRecord>> RolloutStore::action(qint64 id) const
{
    Result<QSqlQuery> q = m_store.database().exec(
        QStringLiteral("SELECT %1 FROM rollout_actions WHERE id = ?").arg(kActionColumns), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<ActionRecord>();
    return std::optional<ActionRecord>(readAction(*q));
}

Status RolloutStore::answerAction(qint64 id, bool done, const QString &answer, qint64 rolloutId)
{
    const Result<QSqlQuery> q = m_store.database().exec(
        QStringLiteral("UPDATE rollout_actions SET status = ?, answer = ?, answered_at = ?, answer_rollout = ?"
                       " WHERE id = ?"),
        {done ? QStringLiteral("done") : QStringLiteral("refused"), text(answer), now(), rolloutId, id});
    if (!q)
        return q.error();
    return {};
}

} // namespace gl
