#include "runbookrank.h"

#include <QSqlDriver>
#include <QVariant>

#include <cmath>
#include <memory>
#include <sqlite3.h>
#include <vector>

// Greenlight links the system's SQLite (libsqlite3, the same shared library Qt's QSQLITE plugin uses: one copy
// in the process), so the function is registered on the very connection Qt opened.

namespace gl {
namespace {

// Per query: the IDF of each phrase, as bm25 computes it.
struct RankData {
    std::vector<double> idf;
};

int countRow(const Fts5ExtensionApi *, Fts5Context *, void *count)
{
    ++*static_cast<sqlite3_int64 *>(count);
    return SQLITE_OK;
}

void deleteRankData(void *data)
{
    delete static_cast<RankData *>(data);
}

void glRank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int argc, sqlite3_value **argv)
{
    constexpr double k1 = 1.2;
    auto *data = static_cast<RankData *>(api->xGetAuxdata(fts, 0));
    const int columns = api->xColumnCount(fts);
    const int phrases = api->xPhraseCount(fts);
    if (!data && argc == columns + phrases) { // the caller knows the IDFs: no walk over every doclist
        auto given = std::make_unique<RankData>();
        for (int i = 0; i < phrases; ++i)
            given->idf.push_back(sqlite3_value_double(argv[columns + i]));
        if (const int rc = api->xSetAuxdata(fts, given.get(), deleteRankData); rc != SQLITE_OK) {
            sqlite3_result_error_code(context, rc);
            return;
        }
        data = given.release();
    }
    if (!data) {
        auto fresh = std::make_unique<RankData>();
        sqlite3_int64 rows = 0;
        int rc = api->xRowCount(fts, &rows);
        for (int i = 0; rc == SQLITE_OK && i < phrases; ++i) {
            sqlite3_int64 hits = 0;
            rc = api->xQueryPhrase(fts, i, &hits, countRow);
            fresh->idf.push_back(runbookIdf(rows, hits));
        }
        if (rc == SQLITE_OK)
            rc = api->xSetAuxdata(fts, fresh.get(), deleteRankData);
        if (rc != SQLITE_OK) {
            sqlite3_result_error_code(context, rc);
            return;
        }
        data = fresh.release();
    }
    double score = 0.0;
    for (int i = 0; i < int(data->idf.size()); ++i) {
        Fts5PhraseIter it;
        int column = 0;
        int offset = 0;
        double frequency = 0.0; // weighted by column
        if (api->xPhraseFirst(fts, i, &it, &column, &offset) != SQLITE_OK) {
            sqlite3_result_error_code(context, SQLITE_ERROR);
            return;
        }
        for (; column >= 0; api->xPhraseNext(fts, &it, &column, &offset))
            frequency += column < argc && column < columns ? sqlite3_value_double(argv[column]) : 1.0;
        score += data->idf[size_t(i)] * frequency * (k1 + 1.0) / (frequency + k1);
    }
    sqlite3_result_double(context, -score); // like bm25: lower is better
}

} // namespace

double runbookIdf(qint64 rows, qint64 matching)
{
    // bm25's IDF, with the same floor for words in more than half the rows.
    const double idf = std::log((double(rows) - double(matching) + 0.5) / (double(matching) + 0.5));
    return idf <= 0.0 ? 1e-6 : idf;
}

bool registerRunbookRank(const QSqlDatabase &connection)
{
    if (!connection.driver())
        return false;
    const QVariant handle = connection.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    sqlite3 *db = *static_cast<sqlite3 *const *>(handle.constData());
    if (!db)
        return false;
    sqlite3_stmt *statement = nullptr;
    // Already registered on this connection: the name resolves.
    if (sqlite3_prepare_v2(db, "SELECT gl_rank(runbook_fts) FROM runbook_fts WHERE 0", -1, &statement, nullptr)
        == SQLITE_OK) {
        sqlite3_finalize(statement);
        return true;
    }
    sqlite3_finalize(statement);
    statement = nullptr;
    fts5_api *fts5 = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK) {
        sqlite3_finalize(statement);
        return false;
    }
    sqlite3_bind_pointer(statement, 1, &fts5, "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return fts5 && fts5->iVersion >= 2 && fts5->xCreateFunction(fts5, "gl_rank", nullptr, glRank, nullptr) == SQLITE_OK;
}

} // namespace gl
