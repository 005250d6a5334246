#pragma once

#include <QSqlDatabase>

namespace gl {

// gl_rank(w0, w1, w2..., [idf0, idf1...]): an FTS5 ranking function for runbook search, registered on an SQLite
// connection through FTS5's extension API. It is bm25 (k1 = 1.2, the same IDF) without the document-length part (b =
// 0): per row it walks each phrase's positions once and never reads the %_docsize table, which is where bm25 spends
// most of its time over thousands of matching rows (docs/runbooks.md, Search). The weights are per column, as bm25's;
// after them the caller may give each phrase's IDF (runbookIdf()), which the function then does not compute: computing
// it walks each phrase's whole doclist once per query.
//
// Registers gl_rank on `connection` (the QSQLITE driver's sqlite3 handle) unless it is there already; false
// when it cannot (another driver, an SQLite without FTS5): search then ranks with bm25.
[[nodiscard]] bool registerRunbookRank(const QSqlDatabase &connection);

// bm25's IDF of a phrase found in `matching` of `rows` rows (with its floor for phrases in more than half).
[[nodiscard]] double runbookIdf(qint64 rows, qint64 matching);

} // namespace gl
