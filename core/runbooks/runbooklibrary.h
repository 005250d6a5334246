#pragma once

#include "runbooks/runbook.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace gl {

class AuditLog;

// A runbook as listed in the library (no body).
struct RunbookSummary {
    QString id;
    QString title;
    QString service;
    QString owner;
    QString language;
    QStringList tags;
    qint64 rtoSeconds = 0;
    qint64 rpoSeconds = 0;
    int stepCount = 0;
    int version = 0;
    QString sourcePath; // the file it came from
    QString contentHash;
    QDateTime importedAt;
};

// One search result. `titleHighlighted` and `snippet` mark matched terms with kHighlightStart/kHighlightEnd.
struct RunbookSearchHit {
    RunbookSummary runbook;
    QString titleHighlighted;
    QString snippet;
    // The rank within the hit's tier (gl_rank, runbookrank.h, or bm25: lower is better); ranks compare within
    // a tier only.
    double rank = 0;
    // Every word is in the title, tags, service, owner, id or step headings (not only in the body). These hits
    // come first (docs/runbooks.md, Search).
    bool identityMatch = false;
};

inline constexpr char16_t kHighlightStart = u'\x02';
inline constexpr char16_t kHighlightEnd = u'\x03';

// Replaces the highlight markers of a search hit with `open` / `close` (e.g. "<b>", "</b>"); with `html` the
// rest of the text is HTML-escaped first.
[[nodiscard]] QString renderHighlights(const QString &text, const QString &open, const QString &close, bool html);

// A file that could not be imported, with the line of the problem.
struct SyncProblem {
    QString file;
    int line = 0;
    QString message; // "FILE:LINE: field: problem"
};

// What a sync did.
struct SyncReport {
    QStringList added; // runbook ids
    QStringList changed;
    QStringList removed;
    int unchanged = 0;
    QList<SyncProblem> problems;
    QStringList unavailableSources; // folders that were missing or unreadable: their runbooks were kept
    // Changed runbooks that have a step-through or drill in progress: it continues on the version it started.
    QStringList pinnedInProgress;

    [[nodiscard]] bool hasChanges() const { return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty(); }
};

// The local copy of the runbooks (in the profile database). Sync imports source folders into it; everything
// else (list, get, search, sessions, drills) reads only the local copy, so it works with every server down and
// the source folders gone.
class RunbookLibrary final {
public:
    explicit RunbookLibrary(Database &database, Clock &clock = SystemClock::instance());

    // The configured source folders of this profile.
    [[nodiscard]] Result<QStringList> sources() const;
    [[nodiscard]] Status addSource(const QString &folder);
    // Forgets a source folder and removes its runbooks from the library (their versions, sessions and drills
    // are kept).
    [[nodiscard]] Status removeSource(const QString &folder);

    // Imports every *.md file under `folders` (recursively). A folder that does not exist or cannot be read
    // is reported in unavailableSources and its runbooks are kept as they are; a file that fails to parse is
    // reported with its line and the rest still import; a runbook whose file is gone from an available
    // folder is removed from the library. Sessions and drills are never touched.
    //
    // `progress` (optional) is called after each file with the files done and the total; when it returns false
    // the sync stops, nothing of it is kept, and the result is ErrorCode::Cancelled.
    using SyncProgress = std::function<bool(int done, int total)>;
    [[nodiscard]] Result<SyncReport> sync(const QStringList &folders, const SyncProgress &progress = {});
    // sync() over the configured sources plus `extra` (e.g. the bundled samples).
    [[nodiscard]] Result<SyncReport> syncConfigured(const QStringList &extra = {}, const SyncProgress &progress = {});

    [[nodiscard]] Result<QList<RunbookSummary>> list() const;
    // The runbook `id` at `version` (0: the current one).
    [[nodiscard]] Result<Runbook> runbook(const QString &id, int version = 0) const;
    // The raw Markdown file of a version.
    [[nodiscard]] Result<QByteArray> content(const QString &id, int version = 0) const;
    // Full-text search over title, tags and body, best first. Every word must match (as a prefix). Runbooks
    // that match on what identifies them (title, tags, service, owner, id, step headings) come first, ranked
    // among themselves, then those that match only with the body (docs/runbooks.md, Search). Titles are
    // always highlighted; only the first `snippets` hits (all when negative) get a snippet, the others an empty
    // one (snippet() gives it later): a snippet is the costly part of a hit, and a list shows one at a time.
    [[nodiscard]] Result<QList<RunbookSearchHit>> search(const QString &query, int limit = 20, int snippets = -1) const;
    // The highlighted snippet of runbook `id`'s body for `query` (empty when it does not match).
    [[nodiscard]] Result<QString> snippet(const QString &query, const QString &id) const;

    [[nodiscard]] Database &database() { return m_database; }
    [[nodiscard]] Clock &clock() { return m_clock; }

    // The audit log that drill events and step-through completions are appended to (not owned; null: none),
    // and who they are recorded as (currentPerson() when empty). Runbooks belong to the profile, not to an
    // environment, so this is the profile's own log: auditLogPath(profile path).
    void setAuditLog(AuditLog *log, const QString &actor = {});
    [[nodiscard]] AuditLog *auditLog() const { return m_audit; }
    // Appends one entry to the audit log (nothing without one). Called inside the transaction that stores the
    // event, so an event the audit log refused is not stored either.
    [[nodiscard]] Status audit(const QString &action, const QString &subject, const QJsonObject &detail);
    // The audit log of the profile database at `profilePath`: beside it, like an environment's
    // (profile.db -> profile.audit.db).
    [[nodiscard]] static QString auditLogPath(const QString &profilePath);

    // The FTS5 MATCH expression for what a user typed ("db failover" -> "\"db\"* \"failover\"*").
    [[nodiscard]] static QString matchExpression(const QString &query);

private:
    [[nodiscard]] Status addToIndex(qint64 rid, const Runbook &runbook);
    [[nodiscard]] Status removeFromIndex(qint64 rid);
    [[nodiscard]] Status indexPendingHeadings();
    // The rank function for `table` ("gl_rank(weights..., idfs...)", or "bm25(weights...)").
    [[nodiscard]] Result<QString> rankFunction(
        const QString &table, const QList<double> &weights, const QString &match) const;
    [[nodiscard]] Result<QString> snippetOf(const QString &match, qint64 rowid) const;

    Database &m_database;
    Clock &m_clock;
    bool m_rankRegistered = false; // gl_rank (runbookrank.h) is there; else search ranks with bm25
    // Rows per FTS table ("table") and per phrase ("table\x1fphrase") for gl_rank's IDF, counted at PRAGMA
    // data_version m_frequencyVersion.
    mutable QHash<QString, qint64> m_documentFrequency;
    mutable qint64 m_frequencyVersion = -1;
    AuditLog *m_audit = nullptr;
    QString m_actor;
};

} // namespace gl
