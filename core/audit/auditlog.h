#pragma once

#include "audit/auditchainverifier.h"
#include "audit/auditentry.h"
#include "identity/publickey.h"
#include "identity/signingkey.h"
#include "storage/database.h"
#include "util/result.h"

#include <QIODevice>
#include <QList>
#include <QString>

#include <optional>

namespace gl {

class Clock;

enum class AuditExportFormat { JsonLines, Csv };

// The append-only, hash-chained audit log of one environment: every rollout action, approval, override,
// settings change, runbook and drill event. It is domain data, not logging.
//
// Storage: its own SQLite file beside the state database (`state.db` -> `state.audit.db`), synchronous=FULL,
// WAL, with triggers that refuse UPDATE and DELETE. A file of its own because it has other owners and another
// life than the rollout state: it is archived, copied and verified on its own, it never shrinks, and its
// schema does not move with the engine's migrations.
//
// Each entry carries the SHA-256 of the previous one (see AuditEntry). Every `checkpointEvery` entries, or
// when `checkpointIntervalMs` passed since the last checkpoint, the append that crosses the line also writes
// a checkpoint (seq, hash) signed with the installation's audit key (setSigner) in the same transaction, and
// then copies it to a small JSON file outside the database (externalCheckpointPath(): by default under the
// user's state directory, not beside the database), so that deleting the tail of the log together with its
// checkpoint rows is still detected.
//
// Like Database, an AuditLog is used from the thread that opened it. Several processes may append to the same
// file: each append reads the chain head inside its own BEGIN IMMEDIATE transaction.
class AuditLog final {
public:
    struct Options {
        qint64 checkpointEvery = 1000; // entries
        qint64 checkpointIntervalMs = 60000; // or this long since the last checkpoint (at the next append)
        QString externalCheckpointPath; // empty: defaultExternalCheckpointPath(path)
    };

    [[nodiscard]] static Result<AuditLog> open(const QString &path, const Clock &clock, const Options &options);
    [[nodiscard]] static Result<AuditLog> open(const QString &path, const Clock &clock);
    [[nodiscard]] static const Schema &schema();

    // The audit database of an environment whose state database is `stateDatabase`.
    [[nodiscard]] static QString pathForStateDatabase(const QString &stateDatabase);
    // $XDG_STATE_HOME/greenlight/audit/<first 16 hex of SHA-256 of the absolute database path>.checkpoint.json
    [[nodiscard]] static QString defaultExternalCheckpointPath(const QString &databasePath);

    AuditLog(AuditLog &&) noexcept = default;
    AuditLog &operator=(AuditLog &&) noexcept = default;
    ~AuditLog();

    // The key checkpoints are signed with from now on. Without one, checkpoints are written unsigned (they
    // still detect truncation) and verify() warns.
    void setSigner(const SigningKey &key) { m_signer = key; }

    // Appends one entry and returns it with its seq and hash. Durable when it returns (synchronous=FULL).
    [[nodiscard]] Result<AuditEntry> append(const AuditRecord &record);
    // Writes a checkpoint at the current head now (nothing when the head already has one).
    [[nodiscard]] Result<AuditCheckpoint> checkpoint();

    // Walks the whole chain (streaming) and checks it against the checkpoints in the database and the one
    // outside it. Checkpoints count only when signed by one of `trustedKeys`.
    [[nodiscard]] Result<AuditVerifyReport> verify(const QList<PublicKey> &trustedKeys) const;

    // Entries whose subject is `subject` (all when empty) and whose action starts with `actionPrefix`, in order.
    [[nodiscard]] Result<QList<AuditEntry>> entries(
        const QString &subject = {}, const QString &actionPrefix = {}) const;
    // Runs `sql`, a SELECT of kAuditEntryColumns from audit_entries (values bound from `bind`), and reads every
    // row it returns, in its order (auditreader.h builds its pages with it).
    [[nodiscard]] Result<QList<AuditEntry>> selectEntries(const QString &sql, const QVariantList &bind = {}) const;
    [[nodiscard]] Result<QList<AuditCheckpoint>> checkpoints() const;
    [[nodiscard]] Result<std::optional<AuditCheckpoint>> externalCheckpoint() const;
    [[nodiscard]] Result<bool> hasUniqueKey(const QString &key) const;

    // Writes the whole log: JSON Lines (a header line, the checkpoints, then one canonical JSON line per entry)
    // or CSV (RFC 4180, a header row). verifyAuditExport() checks either.
    [[nodiscard]] Status exportTo(QIODevice &out, AuditExportFormat format) const;

    [[nodiscard]] QString path() const { return m_database.path(); }
    [[nodiscard]] QString logId() const { return m_logId; }
    [[nodiscard]] QString externalCheckpointPath() const { return m_options.externalCheckpointPath; }
    [[nodiscard]] Database &database() { return m_database; }

private:
    AuditLog(Database database, const Clock &clock, Options options, QString logId);
    [[nodiscard]] Result<AuditCheckpoint> writeCheckpoint(qint64 seq, const QByteArray &hash);
    [[nodiscard]] Status writeExternal(const AuditCheckpoint &checkpoint) const;

    Database m_database;
    const Clock *m_clock = nullptr;
    Options m_options;
    QString m_logId;
    SigningKey m_signer;
};

// Verifies an export written by AuditLog::exportTo (either format) the same way AuditLog::verify does;
// `external` is the checkpoint held outside the database, when the caller has it.
[[nodiscard]] Result<AuditVerifyReport> verifyAuditExport(QIODevice &in, AuditExportFormat format,
    const QList<PublicKey> &trustedKeys, const std::optional<AuditCheckpoint> &external = std::nullopt);

} // namespace gl
