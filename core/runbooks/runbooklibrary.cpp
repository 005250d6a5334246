#include "runbooklibrary.h"

#include "audit/auditlog.h"
#include "identity/identity.h"
#include "runbooks/runbookparser.h"
#include "runbooks/runbookrank.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace gl {
namespace {

// The translation context of this file's messages; lupdate reads it from Q_DECLARE_TR_FUNCTIONS.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::RunbookLibrary)
};

QString isoNow(const Clock &clock)
{
    return clock.now().toUTC().toString(Qt::ISODateWithMs);
}

QString canonicalFolder(const QString &folder)
{
    if (folder.startsWith(u':'))
        return QDir::cleanPath(folder);
    const QFileInfo info(folder);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

const char *const kSummaryColumns = "id, title, service, owner, language, tags, rto_s, rpo_s, step_count, version,"
                                    " source, path, content_hash, imported_at";

RunbookSummary readSummary(const QSqlQuery &query, int first = 0)
{
    RunbookSummary s;
    s.id = query.value(first + 0).toString();
    s.title = query.value(first + 1).toString();
    s.service = query.value(first + 2).toString();
    s.owner = query.value(first + 3).toString();
    s.language = query.value(first + 4).toString();
    s.tags = query.value(first + 5).toString().split(u' ', Qt::SkipEmptyParts);
    s.rtoSeconds = query.value(first + 6).toLongLong();
    s.rpoSeconds = query.value(first + 7).toLongLong();
    s.stepCount = query.value(first + 8).toInt();
    s.version = query.value(first + 9).toInt();
    const QString source = query.value(first + 10).toString();
    s.sourcePath = source + u'/' + query.value(first + 11).toString();
    s.contentHash = query.value(first + 12).toString();
    s.importedAt = QDateTime::fromString(query.value(first + 13).toString(), Qt::ISODateWithMs);
    return s;
}

// What goes into the FTS "tags" column: tags, service, owner and id, so that "orders-db" or an owner team
// finds the runbook too.
QString ftsTags(const Runbook &runbook)
{
    QStringList words = runbook.tags;
    words << runbook.service << runbook.owner << runbook.id;
    return words.join(u' ');
}

// What goes into the "headings" column of runbook_head_fts: the step headings, one a line.
QString ftsHeadings(const Runbook &runbook)
{
    QStringList headings;
    for (const RunbookStep &step : runbook.steps)
        headings << step.title;
    return headings.join(u'\n');
}

const char *const kPendingHeadings = "runbook_headings_pending";

struct ExistingRow {
    qint64 rid = 0;
    QString source;
    QString path;
    QString hash;
    int version = 0;
};

} // namespace

QString renderHighlights(const QString &text, const QString &open, const QString &close, bool html)
{
    QString out = html ? text.toHtmlEscaped() : text;
    out.replace(QChar(kHighlightStart), open);
    out.replace(QChar(kHighlightEnd), close);
    return out;
}

RunbookLibrary::RunbookLibrary(Database &database, Clock &clock)
    : m_database(database)
    , m_clock(clock)
    , m_rankRegistered(registerRunbookRank(database.connection()))
{ }

void RunbookLibrary::setAuditLog(AuditLog *log, const QString &actor)
{
    m_audit = log;
    m_actor = actor;
}

Status RunbookLibrary::audit(const QString &action, const QString &subject, const QJsonObject &detail)
{
    if (!m_audit)
        return {};
    QString actor = m_actor.isEmpty() ? currentPerson() : m_actor;
    if (actor.isEmpty()) // no $GREENLIGHT_PERSON and no $USER: still recorded, as someone
        actor = QStringLiteral("unknown");
    const Result<AuditEntry> entry = m_audit->append({actor, action, subject, detail, {}});
    if (!entry)
        return makeError(entry.error().code,
            Tr::tr("The audit log refused the event, so it was not recorded: %1").arg(entry.error().message),
            entry.error().detail);
    return {};
}

QString RunbookLibrary::auditLogPath(const QString &profilePath)
{
    return AuditLog::pathForStateDatabase(profilePath);
}

Result<QStringList> RunbookLibrary::sources() const
{
    Result<QSqlQuery> query
        = m_database.exec(QStringLiteral("SELECT path FROM runbook_sources ORDER BY added_at, path"));
    if (!query)
        return query.error();
    QStringList folders;
    while (query->next())
        folders << query->value(0).toString();
    return folders;
}

Status RunbookLibrary::addSource(const QString &folder)
{
    const Result<QSqlQuery> query
        = m_database.exec(QStringLiteral("INSERT INTO runbook_sources (path, added_at) VALUES (?, ?)"
                                         " ON CONFLICT (path) DO NOTHING"),
            {canonicalFolder(folder), isoNow(m_clock)});
    if (!query)
        return query.error();
    return {};
}

Status RunbookLibrary::removeSource(const QString &folder)
{
    const QString path = canonicalFolder(folder);
    m_documentFrequency.clear();
    return m_database.transaction([&]() -> Status {
        for (const char *table : {"runbook_fts", "runbook_head_fts"}) {
            if (const auto q = m_database.exec(
                    QStringLiteral("DELETE FROM %1 WHERE rowid IN (SELECT rid FROM runbooks WHERE source = ?)")
                        .arg(QLatin1String(table)),
                    {path});
                !q)
                return q.error();
        }
        if (const auto q = m_database.exec(QStringLiteral("DELETE FROM runbooks WHERE source = ?"), {path}); !q)
            return q.error();
        if (const auto q = m_database.exec(QStringLiteral("DELETE FROM runbook_sources WHERE path = ?"), {path}); !q)
            return q.error();
        return {};
    });
}

Result<SyncReport> RunbookLibrary::syncConfigured(const QStringList &extra, const SyncProgress &progress)
{
    Result<QStringList> configured = sources();
    if (!configured)
        return configured.error();
    QStringList folders = extra;
    folders += *configured;
    return sync(folders, progress);
}

Result<SyncReport> RunbookLibrary::sync(const QStringList &folders, const SyncProgress &progress)
{
    SyncReport report;
    QStringList roots;
    for (const QString &folder : folders) {
        const QString root = canonicalFolder(folder);
        if (!roots.contains(root))
            roots << root;
    }

    // What the library holds now, by id.
    QHash<QString, ExistingRow> existing;
    {
        Result<QSqlQuery> query
            = m_database.exec(QStringLiteral("SELECT id, rid, source, path, content_hash, version FROM runbooks"));
        if (!query)
            return query.error();
        while (query->next())
            existing.insert(query->value(0).toString(),
                {query->value(1).toLongLong(), query->value(2).toString(), query->value(3).toString(),
                    query->value(4).toString(), query->value(5).toInt()});
    }
    QHash<QString, QString> byPlace; // "source/path" -> id
    for (auto it = existing.constBegin(); it != existing.constEnd(); ++it)
        byPlace.insert(it->source + u'/' + it->path, it.key());
    // Runbook ids with a session (step-through or drill) still open.
    QSet<QString> inProgress;
    {
        Result<QSqlQuery> query = m_database.exec(
            QStringLiteral("SELECT DISTINCT runbook_id FROM runbook_sessions WHERE finished_at IS NULL"));
        if (!query)
            return query.error();
        while (query->next())
            inProgress.insert(query->value(0).toString());
    }

    const QString now = isoNow(m_clock);
    QHash<QString, QString> claimedBy; // id -> file that provided it in this sync
    static const QRegularExpression lineOf(QStringLiteral("^.*?:(\\d+): "));

    // The files of each available folder, listed first so that progress knows the total.
    QHash<QString, QStringList> filesOf;
    int total = 0;
    for (const QString &root : roots) {
        const QFileInfo rootInfo(root);
        if (!rootInfo.isDir() || !rootInfo.isReadable())
            continue;
        QStringList files;
        QDirIterator it(root, {QStringLiteral("*.md")}, QDir::Files | QDir::Readable,
            QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
        while (it.hasNext())
            files << it.next();
        files.sort();
        total += int(files.size());
        filesOf.insert(root, files);
    }
    int done = 0;

    m_documentFrequency.clear();
    const Status status = m_database.transaction([&]() -> Status {
        if (const Status headings = indexPendingHeadings(); !headings)
            return headings;
        QStringList gone;
        for (const QString &root : roots) {
            if (!filesOf.contains(root)) {
                report.unavailableSources << root;
                qCWarning(lcStorage) << "runbook source unavailable, keeping its runbooks:" << root;
                continue;
            }
            const QStringList &files = filesOf[root];
            QSet<QString> seenHere;
            const QDir rootDir(root);
            for (const QString &file : files) {
                if (progress && !progress(done++, total))
                    return makeError(ErrorCode::Cancelled, Tr::tr("The sync was cancelled; nothing was changed."));
                const QString relative
                    = root.startsWith(u':') ? file.mid(root.size() + 1) : rootDir.relativeFilePath(file);
                // README.md and friends at the top of a checkout are not runbooks.
                if (relative.compare(u"README.md", Qt::CaseInsensitive) == 0)
                    continue;
                QFile handle(file);
                if (!handle.open(QIODevice::ReadOnly)) {
                    report.problems << SyncProblem {file, 0,
                        QStringLiteral("%1: %2").arg(file, Tr::tr("cannot be read: %1").arg(handle.errorString()))};
                    continue;
                }
                const QByteArray content = handle.readAll();
                const QString hash
                    = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
                // The same bytes at the same place as last time: unchanged, no need to parse again.
                const auto same = byPlace.constFind(root + u'/' + relative);
                if (same != byPlace.constEnd() && existing.value(*same).hash == hash && !claimedBy.contains(*same)) {
                    claimedBy.insert(*same, file);
                    seenHere.insert(*same);
                    ++report.unchanged;
                    continue;
                }
                Result<Runbook> parsed = parseRunbook(content, file);
                if (!parsed) {
                    for (const QString &line : parsed.error().message.split(u'\n')) {
                        const QRegularExpressionMatch m = lineOf.match(line);
                        report.problems << SyncProblem {file, m.hasMatch() ? m.captured(1).toInt() : 0, line};
                    }
                    continue;
                }
                const Runbook &runbook = *parsed;
                if (claimedBy.contains(runbook.id)) {
                    report.problems << SyncProblem {file, 2,
                        QStringLiteral("%1:2: id: %2")
                            .arg(file,
                                Tr::tr("duplicate id \"%1\", already imported from %2; this file was skipped")
                                    .arg(runbook.id, claimedBy.value(runbook.id)))};
                    continue;
                }
                const auto old = existing.constFind(runbook.id);
                if (old != existing.constEnd() && old->source != root && !roots.contains(old->source)
                    && QFileInfo::exists(old->source + u'/' + old->path)) {
                    report.problems << SyncProblem {file, 2,
                        QStringLiteral("%1:2: id: %2")
                            .arg(file,
                                Tr::tr("duplicate id \"%1\", already imported from %2; this file was skipped")
                                    .arg(runbook.id, old->source + u'/' + old->path))};
                    continue;
                }
                claimedBy.insert(runbook.id, file);
                seenHere.insert(runbook.id);

                const bool isNew = old == existing.constEnd();
                if (!isNew && old->hash == hash) {
                    if (old->source != root || old->path != relative) {
                        if (const auto q
                            = m_database.exec(QStringLiteral("UPDATE runbooks SET source = ?, path = ? WHERE rid = ?"),
                                {root, relative, old->rid});
                            !q)
                            return q.error();
                    }
                    ++report.unchanged;
                    continue;
                }
                int version = isNew ? 1 : old->version + 1;
                if (isNew) {
                    // A runbook removed earlier and now back continues its version numbers: drills name versions.
                    auto q = m_database.exec(
                        QStringLiteral("SELECT MAX(version) FROM runbook_versions WHERE id = ?"), {runbook.id});
                    if (!q)
                        return q.error();
                    if (q->next())
                        version = q->value(0).toInt() + 1;
                }
                const QVariantList values {runbook.title, runbook.service, runbook.owner, runbook.language,
                    runbook.tags.join(u' '), runbook.rtoSeconds, runbook.rpoSeconds, int(runbook.steps.size()), root,
                    relative, hash, version, now, runbook.id};
                qint64 rid = 0;
                if (isNew) {
                    const auto q = m_database.exec(
                        QStringLiteral("INSERT INTO runbooks (title, service, owner, language, tags, rto_s, rpo_s,"
                                       " step_count, source, path, content_hash, version, imported_at, id)"
                                       " VALUES (?, COALESCE(?, ''), COALESCE(?, ''), ?, COALESCE(?, ''), ?, ?, ?, ?, "
                                       "?, ?, ?, ?, ?)"),
                        values);
                    if (!q)
                        return q.error();
                    rid = q->lastInsertId().toLongLong();
                    report.added << runbook.id;
                } else {
                    rid = old->rid;
                    const auto q = m_database.exec(
                        QStringLiteral("UPDATE runbooks SET title = ?, service = COALESCE(?, ''), owner = COALESCE(?, "
                                       "''), language = ?,"
                                       " tags = COALESCE(?, ''),"
                                       " rto_s = ?, rpo_s = ?, step_count = ?, source = ?, path = ?, content_hash = ?,"
                                       " version = ?, imported_at = ? WHERE id = ?"),
                        values);
                    if (!q)
                        return q.error();
                    if (const Status d = removeFromIndex(rid); !d)
                        return d;
                    report.changed << runbook.id;
                    if (inProgress.contains(runbook.id))
                        report.pinnedInProgress << runbook.id;
                }
                if (const auto q = m_database.exec(
                        QStringLiteral("INSERT INTO runbook_versions (id, version, content_hash, file_name, content,"
                                       " imported_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id, version) DO UPDATE SET"
                                       " content_hash = excluded.content_hash, file_name = excluded.file_name,"
                                       " content = excluded.content, imported_at = excluded.imported_at"),
                        {runbook.id, version, hash, relative, content, now});
                    !q)
                    return q.error();
                if (const Status q = addToIndex(rid, runbook); !q)
                    return q;
            }
            // Runbooks of this (available) folder whose file is gone.
            for (auto it = existing.constBegin(); it != existing.constEnd(); ++it) {
                if (it->source != root || seenHere.contains(it.key()) || claimedBy.contains(it.key()))
                    continue;
                // A file that is still there but failed to parse keeps its last good version.
                if (QFileInfo::exists(root + u'/' + it->path)) {
                    bool failed = false;
                    for (const SyncProblem &problem : std::as_const(report.problems))
                        failed = failed || problem.file == root + u'/' + it->path;
                    if (failed)
                        continue;
                }
                if (const Status q = removeFromIndex(it->rid); !q)
                    return q;
                if (const auto q = m_database.exec(QStringLiteral("DELETE FROM runbooks WHERE rid = ?"), {it->rid}); !q)
                    return q.error();
                report.removed << it.key();
                gone << it.key();
            }
            for (const QString &id : std::as_const(gone))
                existing.remove(id);
            gone.clear();
        }
        return {};
    });
    if (!status)
        return status.error();
    if (progress)
        progress(total, total);
    report.added.sort();
    report.changed.sort();
    report.removed.sort();
    return report;
}

Result<QList<RunbookSummary>> RunbookLibrary::list() const
{
    Result<QSqlQuery> query
        = m_database.exec(QStringLiteral("SELECT %1 FROM runbooks ORDER BY title COLLATE NOCASE, id")
                              .arg(QLatin1String(kSummaryColumns)));
    if (!query)
        return query.error();
    QList<RunbookSummary> result;
    while (query->next())
        result << readSummary(*query);
    return result;
}

Result<QByteArray> RunbookLibrary::content(const QString &id, int version) const
{
    int wanted = version;
    if (wanted <= 0) {
        Result<QSqlQuery> current = m_database.exec(QStringLiteral("SELECT version FROM runbooks WHERE id = ?"), {id});
        if (!current)
            return current.error();
        if (!current->next())
            return makeError(ErrorCode::NotFound, Tr::tr("There is no runbook \"%1\" in the library.").arg(id));
        wanted = current->value(0).toInt();
    }
    Result<QSqlQuery> query = m_database.exec(
        QStringLiteral("SELECT content FROM runbook_versions WHERE id = ? AND version = ?"), {id, wanted});
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(
            ErrorCode::NotFound, Tr::tr("The library has no version %1 of runbook \"%2\".").arg(wanted).arg(id));
    return query->value(0).toByteArray();
}

Result<Runbook> RunbookLibrary::runbook(const QString &id, int version) const
{
    Result<QSqlQuery> query = m_database.exec(version > 0
            ? QStringLiteral("SELECT v.content, v.version, v.content_hash, v.file_name, r.source"
                             " FROM runbook_versions v LEFT JOIN runbooks r ON r.id = v.id"
                             " WHERE v.id = ? AND v.version = ?")
            : QStringLiteral("SELECT v.content, v.version, v.content_hash, v.file_name, r.source"
                             " FROM runbooks r JOIN runbook_versions v ON v.id = r.id AND v.version = r.version"
                             " WHERE r.id = ?"),
        version > 0 ? QVariantList {id, version} : QVariantList {id});
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::NotFound,
            version > 0 ? Tr::tr("The library has no version %1 of runbook \"%2\".").arg(version).arg(id)
                        : Tr::tr("There is no runbook \"%1\" in the library.").arg(id));
    const QString fileName = query->value(3).toString();
    const QString source = query->value(4).toString();
    Result<Runbook> parsed = parseRunbook(query->value(0).toByteArray(), fileName);
    if (!parsed)
        return makeError(ErrorCode::Corrupt, Tr::tr("The stored copy of runbook \"%1\" no longer parses.").arg(id),
            parsed.error().message);
    Runbook runbook = std::move(parsed).value();
    runbook.version = query->value(1).toInt();
    runbook.contentHash = query->value(2).toString();
    runbook.sourcePath = source.isEmpty() ? fileName : source + u'/' + fileName;
    return runbook;
}

QString RunbookLibrary::matchExpression(const QString &query)
{
    // Words are letters and digits (any script); everything else separates them. Each word is quoted (so FTS5
    // operators typed by the user are plain text) and matched as a prefix; the words are ANDed.
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    QStringList terms;
    for (const QString &word : query.split(separators, Qt::SkipEmptyParts)) {
        const QString term = u'"' + word.toLower() + u"\"*";
        if (!terms.contains(term)) // "db db" is "db": a repeated word would be ranked twice
            terms << term;
    }
    return terms.join(u' ');
}

Status RunbookLibrary::addToIndex(qint64 rid, const Runbook &runbook)
{
    if (const auto q = m_database.exec(QStringLiteral("INSERT INTO runbook_fts (rowid, title, tags, body)"
                                                      " VALUES (?, ?, COALESCE(?, ''), COALESCE(?, ''))"),
            {rid, runbook.title, ftsTags(runbook), runbook.body});
        !q)
        return q.error();
    if (const auto q = m_database.exec(QStringLiteral("INSERT INTO runbook_head_fts (rowid, title, tags, headings)"
                                                      " VALUES (?, ?, COALESCE(?, ''), COALESCE(?, ''))"),
            {rid, runbook.title, ftsTags(runbook), ftsHeadings(runbook)});
        !q)
        return q.error();
    return {};
}

Status RunbookLibrary::removeFromIndex(qint64 rid)
{
    for (const char *table : {"runbook_fts", "runbook_head_fts"}) {
        if (const auto q
            = m_database.exec(QStringLiteral("DELETE FROM %1 WHERE rowid = ?").arg(QLatin1String(table)), {rid});
            !q)
            return q.error();
    }
    return {};
}

Status RunbookLibrary::indexPendingHeadings()
{
    // Profiles upgraded from schema 2 have runbook_head_fts without the headings (migration 3 cannot parse).
    Result<QSqlQuery> pending
        = m_database.exec(QStringLiteral("SELECT 1 FROM meta WHERE key = ?"), {QLatin1String(kPendingHeadings)});
    if (!pending)
        return pending.error();
    if (!pending->next())
        return {};
    pending = makeError(ErrorCode::Unknown, QString()); // release the statement
    QList<QPair<qint64, QString>> headings;
    {
        Result<QSqlQuery> query
            = m_database.exec(QStringLiteral("SELECT r.rid, v.content, v.file_name FROM runbooks r"
                                             " JOIN runbook_versions v ON v.id = r.id AND v.version = r.version"));
        if (!query)
            return query.error();
        while (query->next()) {
            const Result<Runbook> parsed = parseRunbook(query->value(1).toByteArray(), query->value(2).toString());
            if (parsed) // a stored copy that no longer parses keeps its title and tags only
                headings.append({query->value(0).toLongLong(), ftsHeadings(*parsed)});
        }
    }
    for (const auto &[rid, text] : std::as_const(headings)) {
        if (const auto q
            = m_database.exec(QStringLiteral("UPDATE runbook_head_fts SET headings = ? WHERE rowid = ?"), {text, rid});
            !q)
            return q.error();
    }
    if (const auto q
        = m_database.exec(QStringLiteral("DELETE FROM meta WHERE key = ?"), {QLatin1String(kPendingHeadings)});
        !q)
        return q.error();
    return {};
}

Result<QList<RunbookSearchHit>> RunbookLibrary::search(const QString &text, int limit, int snippets) const
{
    QList<RunbookSearchHit> hits;
    const QString match = matchExpression(text);
    if (match.isEmpty() || limit <= 0)
        return hits;
    // Two tiers (docs/runbooks.md, Search). First the runbooks whose title, tags (service, owner, id) and step
    // headings hold every word, from the small index runbook_head_fts, ranked by bm25 there (title x10, tags x5,
    // headings x2). Then, when they do not fill `limit`, the runbooks that match only with the body, from
    // runbook_fts, ranked by bm25 there (title x10, tags x5, body x1). bm25 walks every instance of every
    // matching row; the small index keeps that short for common words, which fill the page from it, and the body
    // tier is needed when few runbooks match, which keeps that short too (bench_runbooks).
    // "rank MATCH" with "ORDER BY rank LIMIT" lets FTS5 sort internally, so highlight() runs for the returned rows
    // only. Snippets (of the body) are fetched below, for the rows that show them.
    const bool allSnippets = snippets < 0 || snippets >= limit;
    const Result<QString> headRank = rankFunction(QStringLiteral("runbook_head_fts"), {10.0, 5.0, 2.0}, match);
    if (!headRank)
        return headRank.error();
    const Result<QString> bodyRank = rankFunction(QStringLiteral("runbook_fts"), {10.0, 5.0, 1.0}, match);
    if (!bodyRank)
        return bodyRank.error();
    QList<qint64> rowids;
    QSet<qint64> seen;
    const auto runTier
        = [&](const QString &table, const QString &weights, bool identity, bool withSnippets, int wanted) -> Status {
        Result<QSqlQuery> query = m_database.exec(
            QStringLiteral(
                "SELECT r.id, r.title, r.service, r.owner, r.language, r.tags, r.rto_s, r.rpo_s, r.step_count,"
                " r.version, r.source, r.path, r.content_hash, r.imported_at, f.title_hl, f.rank, f.rowid, f.snip"
                " FROM (SELECT rowid, highlight(%1, 0, char(2), char(3)) AS title_hl, rank, %2 AS snip FROM %1"
                " WHERE %1 MATCH ? AND rank MATCH '%3' ORDER BY rank LIMIT ?) f JOIN runbooks r ON r.rid = f.rowid"
                " ORDER BY f.rank, r.title")
                .arg(table,
                    withSnippets ? QStringLiteral("snippet(runbook_fts, 2, char(2), char(3), '…', 14)")
                                 : QStringLiteral("''"),
                    weights),
            {match, wanted});
        if (!query)
            return query.error();
        while (query->next() && hits.size() < limit) {
            const qint64 rowid = query->value(16).toLongLong();
            if (seen.contains(rowid))
                continue;
            RunbookSearchHit hit;
            hit.runbook = readSummary(*query);
            hit.titleHighlighted = query->value(14).toString();
            hit.rank = query->value(15).toDouble();
            hit.identityMatch = identity;
            hit.snippet = query->value(17).toString().simplified();
            hits << hit;
            rowids << rowid;
            seen.insert(rowid);
        }
        return {};
    };
    if (const Status head = runTier(QStringLiteral("runbook_head_fts"), *headRank, true, false, limit); !head)
        return head.error();
    const qsizetype identityHits = hits.size();
    // The body tier asks for `limit` rows and skips those already found: no NOT IN for FTS5 to evaluate per row.
    if (hits.size() < limit) {
        if (const Status body = runTier(QStringLiteral("runbook_fts"), *bodyRank, false, allSnippets, limit); !body)
            return body.error();
    }

    // Snippets of the identity tier: all in one statement (a statement per row sets the prefix terms up again,
    // which costs more than the snippet itself); or the first `snippets` hits' one by one.
    if (allSnippets && identityHits > 0) {
        QStringList marks;
        QVariantList bind;
        qint64 first = rowids.first();
        qint64 last = first;
        for (qsizetype i = 0; i < identityHits; ++i) {
            marks << QStringLiteral("?");
            bind << rowids.at(i);
            first = qMin(first, rowids.at(i));
            last = qMax(last, rowids.at(i));
        }
        bind << match << first << last;
        // "rowid IN (...)" in the WHERE clause would make SQLite start the full-text query once per rowid.
        Result<QSqlQuery> query = m_database.exec(
            QStringLiteral("SELECT rowid, CASE WHEN rowid IN (%1) THEN snippet(runbook_fts, 2, char(2), char(3), '…',"
                           " 14) END FROM runbook_fts WHERE runbook_fts MATCH ? AND rowid BETWEEN ? AND ?")
                .arg(marks.join(QStringLiteral(", "))),
            bind);
        if (!query)
            return query.error();
        while (query->next()) {
            const qsizetype i = query->isNull(1) ? -1 : rowids.indexOf(query->value(0).toLongLong());
            if (i >= 0 && i < identityHits)
                hits[i].snippet = query->value(1).toString().simplified();
        }
    } else if (!allSnippets) {
        const qsizetype withSnippet = qMin<qsizetype>(snippets, hits.size());
        for (qsizetype i = 0; i < withSnippet; ++i) {
            Result<QString> snippet = snippetOf(match, rowids.at(i));
            if (!snippet)
                return snippet.error();
            hits[i].snippet = *snippet;
        }
    }
    return hits;
}

Result<QString> RunbookLibrary::rankFunction(
    const QString &table, const QList<double> &weights, const QString &match) const
{
    QStringList arguments;
    for (const double weight : weights)
        arguments << QString::number(weight, 'f', 1);
    if (!m_rankRegistered)
        return QStringLiteral("bm25(%1)").arg(arguments.join(QStringLiteral(", ")));
    // Document frequencies are counted once and kept until the data changes: another connection's commit
    // changes PRAGMA data_version, this library's own writes clear them (sync, removeSource).
    const Result<qint64> version = m_database.dataVersion();
    if (!version)
        return version.error();
    if (*version != m_frequencyVersion) {
        m_documentFrequency.clear();
        m_frequencyVersion = *version;
    }
    const auto count = [&](const QString &key, const QString &sql, const QVariantList &bind) -> Result<qint64> {
        const auto cached = m_documentFrequency.constFind(key);
        if (cached != m_documentFrequency.constEnd())
            return *cached;
        Result<QSqlQuery> query = m_database.exec(sql, bind);
        if (!query)
            return query.error();
        const qint64 n = query->next() ? query->value(0).toLongLong() : 0;
        m_documentFrequency.insert(key, n);
        return n;
    };
    const Result<qint64> rows = count(table, QStringLiteral("SELECT count(*) FROM runbooks"), {});
    if (!rows)
        return rows.error();
    // matchExpression() gives one phrase per word, separated by spaces, in the order FTS5 numbers them.
    for (const QString &term : match.split(u' ', Qt::SkipEmptyParts)) {
        const Result<qint64> matching = count(
            table + u'\x1f' + term, QStringLiteral("SELECT count(*) FROM %1 WHERE %1 MATCH ?").arg(table), {term});
        if (!matching)
            return matching.error();
        // FTS5's rank expression takes plain decimals only (no exponent).
        arguments << QString::number(runbookIdf(*rows, *matching), 'f', 9);
    }
    return QStringLiteral("gl_rank(%1)").arg(arguments.join(QStringLiteral(", ")));
}

Result<QString> RunbookLibrary::snippetOf(const QString &match, qint64 rowid) const
{
    Result<QSqlQuery> query
        = m_database.exec(QStringLiteral("SELECT snippet(runbook_fts, 2, char(2), char(3), '…', 14) FROM runbook_fts"
                                         " WHERE runbook_fts MATCH ? AND rowid = ?"),
            {match, rowid});
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toString().simplified() : QString();
}

Result<QString> RunbookLibrary::snippet(const QString &text, const QString &id) const
{
    const QString match = matchExpression(text);
    if (match.isEmpty())
        return QString();
    Result<QSqlQuery> rid = m_database.exec(QStringLiteral("SELECT rid FROM runbooks WHERE id = ?"), {id});
    if (!rid)
        return rid.error();
    if (!rid->next())
        return QString();
    const qint64 rowid = rid->value(0).toLongLong();
    rid = makeError(ErrorCode::Unknown, QString());
    return snippetOf(match, rowid);
}

} // namespace gl
