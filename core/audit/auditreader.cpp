#include "audit/auditreader.h"

#include <QSqlQuery>
#include <QVariant>

namespace gl {
namespace {

// The WHERE clauses of `query` (time is stored in the auditTime format, so text order is time order).
void appendWhere(const AuditQuery &query, QStringList &where, QVariantList &bind)
{
    if (query.from.isValid()) {
        where << QStringLiteral("time >= ?");
        bind << auditTime(query.from.toUTC());
    }
    if (query.to.isValid()) {
        where << QStringLiteral("time <= ?");
        bind << auditTime(query.to.toUTC());
    }
    if (!query.actor.isEmpty()) {
        where << QStringLiteral("actor = ?");
        bind << query.actor;
    }
    if (!query.subject.isEmpty()) {
        where << QStringLiteral("subject = ?");
        bind << query.subject;
    }
    if (!query.action.isEmpty()) {
        if (query.actionIsPrefix) {
            where << QStringLiteral("substr(action, 1, ?) = ?");
            bind << query.action.size() << query.action;
        } else {
            where << QStringLiteral("action = ?");
            bind << query.action;
        }
    }
}

} // namespace

void AuditQuery::setRollout(const QString &rolloutId)
{
    QString id = rolloutId.trimmed();
    if (id.startsWith(u'#'))
        id.remove(0, 1);
    subject = id.isEmpty() ? QString() : u"rollout:" + id;
}

void AuditQuery::setActionPattern(const QString &pattern)
{
    QString text = pattern.trimmed();
    actionIsPrefix = false;
    if (text.endsWith(u'*')) {
        text.chop(1);
        actionIsPrefix = true;
    }
    if (text.endsWith(u'.'))
        actionIsPrefix = true;
    action = text;
    if (action.isEmpty())
        actionIsPrefix = false;
}

bool AuditQuery::matches(const AuditEntry &entry) const
{
    if ((from.isValid() && entry.time < auditTime(from.toUTC()))
        || (to.isValid() && entry.time > auditTime(to.toUTC())))
        return false;
    if ((!actor.isEmpty() && entry.actor != actor) || (!subject.isEmpty() && entry.subject != subject))
        return false;
    if (!action.isEmpty() && (actionIsPrefix ? !entry.action.startsWith(action) : entry.action != action))
        return false;
    return true;
}

Result<QList<AuditEntry>> auditEntriesAfter(AuditLog &log, qint64 afterSeq, int limit, const AuditQuery &query)
{
    QStringList where {QStringLiteral("seq > ?")};
    QVariantList bind {afterSeq};
    appendWhere(query, where, bind);
    QString sql
        = u"SELECT " + kAuditEntryColumns + u" FROM audit_entries WHERE " + where.join(u" AND ") + u" ORDER BY seq";
    if (limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        bind << limit;
    }
    return log.selectEntries(sql, bind);
}

Result<QList<AuditEntry>> auditEntriesBefore(AuditLog &log, qint64 beforeSeq, int limit, const AuditQuery &query)
{
    QStringList where;
    QVariantList bind;
    if (beforeSeq > 0) {
        where << QStringLiteral("seq < ?");
        bind << beforeSeq;
    }
    appendWhere(query, where, bind);
    QString sql = u"SELECT " + kAuditEntryColumns + u" FROM audit_entries";
    if (!where.isEmpty())
        sql += u" WHERE " + where.join(u" AND ");
    sql += QStringLiteral(" ORDER BY seq DESC LIMIT ?");
    bind << (limit > 0 ? limit : -1);
    return log.selectEntries(sql, bind);
}

Result<qint64> auditHeadSeq(AuditLog &log)
{
    Result<QSqlQuery> query = log.database().exec(QStringLiteral("SELECT MAX(seq) FROM audit_entries"));
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

Result<QStringList> auditDistinctValues(AuditLog &log, AuditColumn column)
{
    const QString name = column == AuditColumn::Actor ? QStringLiteral("actor") : QStringLiteral("action");
    Result<QSqlQuery> query = log.database().exec(u"SELECT DISTINCT " + name + u" FROM audit_entries ORDER BY " + name);
    if (!query)
        return query.error();
    QStringList values;
    while (query->next())
        values << query->value(0).toString();
    return values;
}

} // namespace gl
