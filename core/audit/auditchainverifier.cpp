#include "auditchainverifier.h"

#include <QCoreApplication>

namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::AuditLog)
};

} // namespace

AuditChainVerifier::AuditChainVerifier(QList<PublicKey> trustedKeys, QString logId)
    : m_trustedKeys(std::move(trustedKeys))
    , m_logId(std::move(logId))
{
    m_buffer.reserve(1024);
}

void AuditChainVerifier::addCheckpoint(const AuditCheckpoint &checkpoint, bool external)
{
    Expectation expectation;
    expectation.hash = checkpoint.hash;
    expectation.external = external;
    if (checkpoint.seq <= 0) {
        fail(1, Tr::tr("a checkpoint names seq %1, which no entry can have").arg(checkpoint.seq));
        return;
    }
    if (m_logId.isEmpty())
        m_logId = checkpoint.logId;
    if (checkpoint.logId != m_logId) {
        expectation.problem = Tr::tr("the checkpoint at seq %1 belongs to another log (%2, not %3)")
                                  .arg(checkpoint.seq)
                                  .arg(checkpoint.logId, m_logId);
    } else if (!checkpoint.key.isEmpty() || !checkpoint.signature.isEmpty()) {
        const Result<PublicKey> key = PublicKey::fromBase64(checkpoint.key);
        if (!key) {
            expectation.problem = Tr::tr("the checkpoint at seq %1 names no valid public key").arg(checkpoint.seq);
        } else if (!m_trustedKeys.contains(*key)) {
            expectation.problem = Tr::tr("the checkpoint at seq %1 is signed by an unknown key (%2)")
                                      .arg(checkpoint.seq)
                                      .arg(key->fingerprint());
        } else if (!key->verify(auditCheckpointSigningInput(checkpoint), checkpoint.signature)) {
            expectation.problem = Tr::tr("the signature of the checkpoint at seq %1 is not valid").arg(checkpoint.seq);
        } else {
            ++m_report.signedCheckpoints;
        }
    } else {
        const QString warning = Tr::tr("some checkpoints are not signed: a rewritten chain would go unnoticed "
                                       "before them");
        if (!m_report.warnings.contains(warning))
            m_report.warnings << warning;
    }
    if (external)
        m_report.externalCheckpointSeq = checkpoint.seq;
    if (checkpoint.seq > m_maxCheckpointSeq || (checkpoint.seq == m_maxCheckpointSeq && external)) {
        m_maxCheckpointSeq = checkpoint.seq;
        m_maxCheckpointExternal = external;
    }
    m_expectations.insert(checkpoint.seq, expectation);
}

void AuditChainVerifier::fail(qint64 seq, const QString &reason)
{
    if (!m_report.ok)
        return;
    m_report.ok = false;
    m_report.firstBrokenSeq = seq;
    m_report.reason = reason;
}

bool AuditChainVerifier::feed(const AuditEntry &entry)
{
    const QByteArray time = entry.time.toUtf8();
    const QByteArray actor = entry.actor.toUtf8();
    const QByteArray action = entry.action.toUtf8();
    const QByteArray subject = entry.subject.toUtf8();
    return feed(entry.seq, time, actor, action, subject, entry.detail, entry.prevHash, entry.hash);
}

bool AuditChainVerifier::feed(qint64 seq, QByteArrayView time, QByteArrayView actor, QByteArrayView action,
    QByteArrayView subject, QByteArrayView detail, QByteArrayView prevHash, QByteArrayView hash)
{
    if (!m_report.ok)
        return false;
    if (seq != m_expectedSeq) {
        if (seq > m_expectedSeq) {
            const qint64 last = seq - 1;
            fail(m_expectedSeq,
                m_expectedSeq == last
                    ? Tr::tr("entry %1 is missing (deleted): the log goes from seq %2 to seq %3")
                          .arg(m_expectedSeq)
                          .arg(m_expectedSeq - 1)
                          .arg(seq)
                    : Tr::tr("entries %1 to %2 are missing (deleted): the log goes from seq %3 to seq %4")
                          .arg(m_expectedSeq)
                          .arg(last)
                          .arg(m_expectedSeq - 1)
                          .arg(seq));
        } else {
            fail(m_expectedSeq,
                Tr::tr("entry %1 is out of order: seq %2 follows seq %3")
                    .arg(m_expectedSeq)
                    .arg(seq)
                    .arg(m_expectedSeq - 1));
        }
        return false;
    }
    if (prevHash != m_prev) {
        fail(seq,
            seq == 1 ? Tr::tr("entry 1 does not start the chain (its prev_hash is not the genesis hash)")
                     : Tr::tr("entry %1 does not link to entry %2 (prev_hash differs: entries were inserted, "
                              "removed or reordered here)")
                           .arg(seq)
                           .arg(seq - 1));
        return false;
    }
    m_buffer.resize(0);
    appendAuditHashInput(m_buffer, seq, time, actor, action, subject, detail, prevHash);
    const QByteArray computed = m_sha.hexDigest(m_buffer);
    if (hash != computed) {
        fail(seq, Tr::tr("entry %1 was altered: its content no longer matches its hash").arg(seq));
        return false;
    }
    if (!m_expectations.isEmpty()) {
        for (auto it = m_expectations.constFind(seq); it != m_expectations.cend() && it.key() == seq; ++it) {
            if (!it->problem.isEmpty()) {
                fail(seq, it->problem);
                return false;
            }
            if (it->hash != computed) {
                fail(seq,
                    Tr::tr("entry %1 differs from the signed checkpoint at seq %1: the chain up to here was "
                           "rewritten")
                        .arg(seq));
                return false;
            }
            ++m_report.checkpointsMatched;
        }
    }
    m_prev = computed;
    ++m_expectedSeq;
    ++m_report.entries;
    m_report.lastSeq = seq;
    m_report.lastHash = computed;
    return true;
}

AuditVerifyReport AuditChainVerifier::finish()
{
    if (m_finished)
        return m_report;
    m_finished = true;
    if (m_report.ok && m_maxCheckpointSeq > m_report.lastSeq) {
        fail(m_report.lastSeq + 1,
            m_maxCheckpointExternal
                ? Tr::tr("the log was truncated: it ends at seq %1 but the checkpoint kept outside the database "
                         "covers seq %2")
                      .arg(m_report.lastSeq)
                      .arg(m_maxCheckpointSeq)
                : Tr::tr("the log was truncated: it ends at seq %1 but a checkpoint covers seq %2")
                      .arg(m_report.lastSeq)
                      .arg(m_maxCheckpointSeq));
    }
    return m_report;
}

} // namespace gl
