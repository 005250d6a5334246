#pragma once

#include "audit/auditentry.h"
#include "identity/publickey.h"
#include "util/sha256.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace gl {

// What verifying an audit log found. `firstBrokenSeq` is the seq of the first entry that cannot be trusted
// (0 when the log is intact) and `reason` says why, for the user.
struct AuditVerifyReport {
    bool ok = true;
    qint64 entries = 0; // entries read
    qint64 lastSeq = 0;
    QByteArray lastHash;
    qint64 checkpointsMatched = 0;
    qint64 signedCheckpoints = 0;
    qint64 externalCheckpointSeq = 0; // 0 when none was held outside the database
    qint64 firstBrokenSeq = 0;
    QString reason;
    QStringList warnings; // not a broken link, but weaker assurance (unsigned checkpoints, no external checkpoint)
};

// Checks a hash chain entry by entry, in seq order, without holding the log in memory: the same code checks
// the SQLite log (AuditLog::verify) and an exported JSON Lines or CSV file (verifyAuditExport).
//
// Detected: an edited entry (its hash no longer matches its content), a deleted entry (a gap in seq), two
// entries swapped or an entry inserted (prev_hash no longer links, or seq no longer matches the hash), a
// rewritten tail with recomputed hashes (differs from a signed checkpoint), a checkpoint signed by a key that
// is not trusted or with a bad signature, and truncation (the log ends before a checkpoint's seq).
class AuditChainVerifier final {
public:
    // `trustedKeys`: keys whose checkpoint signatures count. `logId`: the log's id (checkpoints of another
    // log are refused); empty to accept the id of the first checkpoint.
    AuditChainVerifier(QList<PublicKey> trustedKeys, QString logId);

    // Registers a checkpoint before the entries are fed. `external`: the one kept outside the database.
    void addCheckpoint(const AuditCheckpoint &checkpoint, bool external);

    // Feeds the next entry; returns false once the chain is broken (feeding more changes nothing).
    bool feed(qint64 seq, QByteArrayView time, QByteArrayView actor, QByteArrayView action, QByteArrayView subject,
        QByteArrayView detail, QByteArrayView prevHash, QByteArrayView hash);
    bool feed(const AuditEntry &entry);

    // Marks the chain broken at `seq` for a reason found outside the chain (an unreadable row, ...).
    void fail(qint64 seq, const QString &reason);

    // Checks the end of the log against the checkpoints and returns the report.
    [[nodiscard]] AuditVerifyReport finish();

    [[nodiscard]] bool broken() const { return !m_report.ok; }

private:
    struct Expectation {
        QByteArray hash;
        QString problem; // non-empty: the checkpoint itself is not acceptable
        bool external = false;
    };

    QList<PublicKey> m_trustedKeys;
    QString m_logId;
    QMultiHash<qint64, Expectation> m_expectations;
    qint64 m_maxCheckpointSeq = 0;
    bool m_maxCheckpointExternal = false;
    AuditVerifyReport m_report;
    QByteArray m_prev = kAuditGenesisHash;
    qint64 m_expectedSeq = 1;
    QByteArray m_buffer;
    Sha256 m_sha;
    bool m_finished = false;
};

} // namespace gl
