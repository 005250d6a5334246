#pragma once

#include "audit/auditlog.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace gl {

// Which entries the console's Audit place shows. Empty or invalid criteria match everything.
struct AuditQuery {
    QDateTime from; // inclusive; invalid: open
    QDateTime to; // inclusive; invalid: open
    QString actor; // exactly
    QString subject; // exactly ("rollout:42")
    QString action; // exactly, or a prefix when actionIsPrefix ("approval.")
    bool actionIsPrefix = false;

    [[nodiscard]] bool isEmpty() const
    {
        return !from.isValid() && !to.isValid() && actor.isEmpty() && subject.isEmpty() && action.isEmpty();
    }
    // From what a person types: a rollout id ("42" or "#42") to its subject; an action ending in '*' or '.' to a
    // prefix.
    void setRollout(const QString &rolloutId);
    void setActionPattern(const QString &pattern);
    // Whether `entry` matches (as the SQL of the reader functions does).
    [[nodiscard]] bool matches(const AuditEntry &entry) const;
    friend bool operator==(const AuditQuery &, const AuditQuery &) = default;
};

// Reads what the console's Audit place shows, a page at a time, with the filtering done by SQLite, so a log of a
// million entries is never loaded whole.
// Entries with seq > `afterSeq` matching `query`, in seq order; `limit` > 0 returns at most that many (the
// oldest of them).
[[nodiscard]] Result<QList<AuditEntry>> auditEntriesAfter(
    AuditLog &log, qint64 afterSeq, int limit = 0, const AuditQuery &query = {});
// The newest `limit` entries with seq < `beforeSeq` (0: no bound) matching `query`, newest first.
[[nodiscard]] Result<QList<AuditEntry>> auditEntriesBefore(
    AuditLog &log, qint64 beforeSeq, int limit, const AuditQuery &query = {});
// The head of the log: its highest seq (0 when empty), i.e. how many entries it holds.
[[nodiscard]] Result<qint64> auditHeadSeq(AuditLog &log);
// The distinct values of the actor or action column, sorted (for the filter pickers).
enum class AuditColumn { Actor, Action };
[[nodiscard]] Result<QStringList> auditDistinctValues(AuditLog &log, AuditColumn column);

} // namespace gl
