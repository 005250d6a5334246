#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

class QSqlQuery;

namespace gl {

// What a caller appends to the audit log: who did what to what, with structured detail (never a secret).
// `action` is a dotted name ("rollout.start", "approval.approve", "settings.change", "runbook.step",
// "drill.finish"); `subject` names the thing acted on ("rollout:42", "gate:prod-approval", "settings:language").
// `uniqueKey`, when set, may be used by one entry only (an approval's nonce): a second append is refused
// with ErrorCode::Conflict and nothing is written.
struct AuditRecord {
    QString actor;
    QString action;
    QString subject;
    QJsonObject detail;
    QString uniqueKey;
};

// One entry of the hash chain. hash = SHA-256 (hex) of auditHashInput() of the other fields; prevHash is the
// hash of entry seq - 1 (64 zeros for seq 1).
struct AuditEntry {
    qint64 seq = 0;
    QString time; // ISO 8601 UTC with milliseconds, "2026-01-01T09:00:00.000Z"
    QString actor;
    QString action;
    QString subject;
    QByteArray detail; // canonical JSON of the detail object, exactly as hashed
    QByteArray prevHash; // 64 hex
    QByteArray hash; // 64 hex

    [[nodiscard]] QJsonObject detailObject() const;
    // The canonical JSON line of the entry (all fields including prev and hash), as exported.
    [[nodiscard]] QByteArray toJsonLine() const;
};

// A signed statement that the chain up to `seq` ends in `hash`. The signature (Ed25519, by the installation's
// audit key `key`) covers auditCheckpointSigningInput(). A checkpoint without signature still detects
// truncation but not a rewritten chain.
struct AuditCheckpoint {
    QString logId; // random id of the log, fixed when it was created
    qint64 seq = 0;
    QByteArray hash; // hex hash of entry seq
    QString time;
    QString key; // "ed25519:<base64>" public key of the signer; empty when unsigned
    QByteArray signature; // raw 64 bytes; empty when unsigned

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static AuditCheckpoint fromJson(const QJsonObject &object);
};

inline const QByteArray kAuditGenesisHash(64, '0');

// The columns of table audit_entries that make an AuditEntry, in the order auditEntryFromRow() reads them: select
// these ("SELECT " + kAuditEntryColumns + " FROM audit_entries ...") and read each row with auditEntryFromRow().
inline const QString kAuditEntryColumns = QStringLiteral("seq, time, actor, action, subject, detail, prev_hash, hash");
[[nodiscard]] AuditEntry auditEntryFromRow(const QSqlQuery &query);

// The canonical bytes an entry's hash is computed over: canonical JSON of
// {"action","actor","detail","prev","seq","subject","time"} with `detailCanonical` inserted verbatim.
void appendAuditHashInput(QByteArray &out, qint64 seq, QByteArrayView time, QByteArrayView actor, QByteArrayView action,
    QByteArrayView subject, QByteArrayView detailCanonical, QByteArrayView prevHash);
[[nodiscard]] QByteArray auditHashInput(const AuditEntry &entry);

// The bytes a checkpoint signature covers (domain-separated so no other signed object can pass as one).
[[nodiscard]] QByteArray auditCheckpointSigningInput(const AuditCheckpoint &checkpoint);

// Current time in the audit format.
[[nodiscard]] QString auditTime(const QDateTime &utc);

} // namespace gl
