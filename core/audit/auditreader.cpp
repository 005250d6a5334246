#include "audit/auditreader.h"

#include <QSqlQuery>
#include <QVariant>

namespace gl {

Result<QList<AuditEntry>> auditEntriesAfter(AuditLog &log, qint64 afterSeq, int limit)
{
    QString sql = QStringLiteral("SELECT seq, time, actor, action, subject, detail, prev_hash, hash FROM audit_entries"
                                 " WHERE seq > ? ORDER BY seq");
    QVariantList bind {afterSeq};
    if (limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        bind << limit;
    }
    Result<QSqlQuery> query = log.database().exec(sql, bind);
    if (!query)
        return query.error();
    QList<AuditEntry> list;
    while (query->next()) {
        AuditEntry entry;
        entry.seq = query->value(0).toLongLong();
        entry.time = query->value(1).toString();
        entry.actor = query->value(2).toString();
        entry.action = query->value(3).toString();
        entry.subject = query->value(4).toString();
        entry.detail = query->value(5).toString().toUtf8();
        entry.prevHash = query->value(6).toString().toLatin1();
        entry.hash = query->value(7).toString().toLatin1();
        list << entry;
    }
    return list;
}

} // namespace gl
