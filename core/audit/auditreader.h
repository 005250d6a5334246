#pragma once

#include "audit/auditlog.h"
#include "util/result.h"

#include <QList>

namespace gl {

// Reads what the console's Audit place shows, without loading the whole log again on every poll.
// Entries with seq > `afterSeq`, in seq order; `limit` > 0 returns at most that many.
[[nodiscard]] Result<QList<AuditEntry>> auditEntriesAfter(AuditLog &log, qint64 afterSeq, int limit = 0);

} // namespace gl
