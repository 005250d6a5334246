// The audit log: hash chain, checkpoints (in and outside the database), tamper detection, export round trip.
// Tampering is done the way an attacker would: straight SQL on the SQLite file, triggers dropped first.
#include "audit/auditlog.h"
#include "identity/signingkey.h"
#include "util/canonicaljson.h"
#include "util/clock.h"
#include "util/sha256.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <optional>

using namespace gl;

namespace {

// Runs `statements` on the file through a connection of its own, as someone editing the file would.
void tamper(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("tamper");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (const QString &sql : {QStringLiteral("DROP TRIGGER IF EXISTS audit_entries_no_update"),
                 QStringLiteral("DROP TRIGGER IF EXISTS audit_entries_no_delete"),
                 QStringLiteral("DROP TRIGGER IF EXISTS audit_checkpoints_no_update"),
                 QStringLiteral("DROP TRIGGER IF EXISTS audit_checkpoints_no_delete")})
            QVERIFY2(query.exec(sql), qPrintable(query.lastError().text()));
        for (const QString &sql : statements)
            QVERIFY2(query.exec(sql), qPrintable(sql + u": " + query.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

// Rewrites entries from..to with recomputed hashes (the attacker knows the algorithm but not the key).
void rehash(const QString &path, qint64 from, qint64 to)
{
    const QString name = QStringLiteral("rehash");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT hash FROM audit_entries WHERE seq = %1").arg(from - 1)));
        QVERIFY(query.next());
        QByteArray prev = query.value(0).toString().toLatin1();
        for (qint64 seq = from; seq <= to; ++seq) {
            QSqlQuery row(db);
            QVERIFY(
                row.exec(QStringLiteral("SELECT time, actor, action, subject, detail FROM audit_entries WHERE seq = %1")
                             .arg(seq)));
            QVERIFY(row.next());
            AuditEntry entry;
            entry.seq = seq;
            entry.time = row.value(0).toString();
            entry.actor = row.value(1).toString();
            entry.action = row.value(2).toString();
            entry.subject = row.value(3).toString();
            entry.detail = row.value(4).toString().toUtf8();
            entry.prevHash = prev;
            entry.hash = Sha256::hexHash(auditHashInput(entry));
            row.finish();
            QSqlQuery update(db);
            update.prepare(QStringLiteral("UPDATE audit_entries SET prev_hash = ?, hash = ? WHERE seq = ?"));
            update.addBindValue(QString::fromLatin1(entry.prevHash));
            update.addBindValue(QString::fromLatin1(entry.hash));
            update.addBindValue(seq);
            QVERIFY2(update.exec(), qPrintable(update.lastError().text()));
            prev = entry.hash;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

AuditRecord record(int i)
{
    return AuditRecord {QStringLiteral("alice"), QStringLiteral("rollout.step"), QStringLiteral("rollout:7"),
        QJsonObject {{QStringLiteral("step"), i}, {QStringLiteral("percent"), 5 * (i % 20)},
            {QStringLiteral("note"), QStringLiteral("weights, \"quoted\"\nand a line break")}},
        QString()};
}

} // namespace

class TestAudit : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ManualClock m_clock;
    SigningKey m_key;
    int m_counter = 0;

    struct Fixture {
        QString path;
        QString external;
        std::optional<AuditLog> log;
    };

    // A fresh log of `count` entries, checkpointed every 100 (so the last checkpoint of 250 entries is at 200).
    void makeLog(Fixture &fixture, int count, bool signer = true)
    {
        ++m_counter;
        fixture.path = m_dir.filePath(QStringLiteral("state%1.audit.db").arg(m_counter));
        fixture.external = m_dir.filePath(QStringLiteral("outside/%1.checkpoint.json").arg(m_counter));
        AuditLog::Options options;
        options.checkpointEvery = 100;
        options.checkpointIntervalMs = 0;
        options.externalCheckpointPath = fixture.external;
        Result<AuditLog> log = AuditLog::open(fixture.path, m_clock, options);
        QVERIFY2(log.ok(), qPrintable(log ? QString() : log.error().toString()));
        fixture.log.emplace(std::move(log).value());
        if (signer)
            fixture.log->setSigner(m_key);
        const Status appended = fixture.log->database().transaction([&]() -> Status {
            for (int i = 1; i <= count; ++i) {
                m_clock.advance(1000);
                const Result<AuditEntry> entry = fixture.log->append(record(i));
                if (!entry)
                    return entry.error();
            }
            return {};
        });
        QVERIFY2(appended.ok(), qPrintable(appended ? QString() : appended.error().toString()));
    }

    QList<PublicKey> trusted() const { return {m_key.publicKey()}; }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Result<SigningKey> key = SigningKey::generate();
        QVERIFY(key.ok());
        m_key = *key;
    }

    // Canonical JSON is what hashes and signatures cover: key order, escaping and numbers never vary.
    void canonicalJson_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("canonical");
        QTest::newRow("sorted keys") << QByteArray("{\"b\":1,\"a\":2,\"c\":{\"z\":true,\"y\":null}}")
                                     << QByteArray("{\"a\":2,\"b\":1,\"c\":{\"y\":null,\"z\":true}}");
        QTest::newRow("whitespace dropped") << QByteArray("{ \"a\" : [ 1 , 2 ] }") << QByteArray("{\"a\":[1,2]}");
        QTest::newRow("escapes") << QByteArray("{\"s\":\"q\\\"b\\\\n\\nt\\tc\\u0001\"}")
                                 << QByteArray("{\"s\":\"q\\\"b\\\\n\\nt\\tc\\u0001\"}");
        QTest::newRow("unicode kept raw")
            << QByteArray("{\"s\":\"\\u00e9\\ud55c\"}") << QByteArray("{\"s\":\"\xc3\xa9\xed\x95\x9c\"}");
        QTest::newRow("integral double") << QByteArray("{\"n\":5.0,\"m\":-0.0}") << QByteArray("{\"m\":0,\"n\":5}");
        QTest::newRow("fraction") << QByteArray("{\"n\":0.1}") << QByteArray("{\"n\":0.1}");
        QTest::newRow("large integer") << QByteArray("{\"n\":9007199254740993}")
                                       << QByteArray("{\"n\":9007199254740993}");
    }
    void canonicalJson()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, canonical);
        const QJsonDocument document = QJsonDocument::fromJson(input);
        QVERIFY(document.isObject());
        QCOMPARE(gl::canonicalJson(document.object()), canonical);
    }

    // Entries form a chain: seq 1.., each prev_hash is the hash of the one before, the first links to genesis.
    void appendChainsEntries()
    {
        Fixture f;
        makeLog(f, 3);
        const Result<QList<AuditEntry>> entries = f.log->entries();
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), 3);
        QCOMPARE(entries->at(0).seq, 1);
        QCOMPARE(entries->at(0).prevHash, kAuditGenesisHash);
        QCOMPARE(entries->at(1).prevHash, entries->at(0).hash);
        QCOMPARE(entries->at(2).prevHash, entries->at(1).hash);
        QCOMPARE(entries->at(2).hash, Sha256::hexHash(auditHashInput(entries->at(2))));
        QCOMPARE(entries->at(1).detailObject().value(QStringLiteral("step")).toInt(), 2);
    }

    // An untouched log verifies, with every checkpoint (in the database and outside it) matched and signed.
    void intactLogVerifies()
    {
        Fixture f;
        makeLog(f, 250);
        const Result<AuditVerifyReport> report = f.log->verify(trusted());
        QVERIFY(report.ok());
        QVERIFY2(report->ok, qPrintable(report->reason));
        QCOMPARE(report->lastSeq, 250);
        QCOMPARE(report->externalCheckpointSeq, 200);
        QCOMPARE(report->checkpointsMatched, 3); // 100 and 200 in the database, 200 outside
        QCOMPARE(report->signedCheckpoints, 3);
        QVERIFY(report->warnings.isEmpty());
        QVERIFY(QFile::exists(f.external));
    }

    // The log refuses UPDATE and DELETE through SQL while its triggers are in place.
    void appendOnlyTriggers()
    {
        Fixture f;
        makeLog(f, 3);
        QVERIFY(
            !f.log->database().exec(QStringLiteral("UPDATE audit_entries SET actor = 'mallory' WHERE seq = 2")).ok());
        QVERIFY(!f.log->database().exec(QStringLiteral("DELETE FROM audit_entries WHERE seq = 3")).ok());
        QVERIFY(f.log->verify(trusted())->ok);
    }

    // Each kind of tampering is reported at the exact first seq that can no longer be trusted.
    void tamperingDetected_data()
    {
        QTest::addColumn<QStringList>("sql");
        QTest::addColumn<int>("rehashFrom"); // 0: none
        QTest::addColumn<int>("rehashTo");
        QTest::addColumn<int>("firstBroken");
        QTest::addColumn<QString>("reasonPart");

        QTest::newRow("edited detail") << QStringList {QStringLiteral(
            "UPDATE audit_entries SET detail = '{\"step\":999}' WHERE seq = 37")}
                                       << 0 << 0 << 37 << QStringLiteral("altered");
        QTest::newRow("edited actor of the last entry")
            << QStringList {QStringLiteral("UPDATE audit_entries SET actor = 'bob' WHERE seq = 250")} << 0 << 0 << 250
            << QStringLiteral("altered");
        QTest::newRow("deleted entry") << QStringList {QStringLiteral("DELETE FROM audit_entries WHERE seq = 37")} << 0
                                       << 0 << 37 << QStringLiteral("missing");
        QTest::newRow("deleted range") << QStringList {QStringLiteral(
            "DELETE FROM audit_entries WHERE seq BETWEEN 40 AND 45")}
                                       << 0 << 0 << 40 << QStringLiteral("40 to 45");
        QTest::newRow("swapped seqs") << QStringList {QStringLiteral(
                                                          "UPDATE audit_entries SET seq = -1 WHERE seq = 37"),
            QStringLiteral("UPDATE audit_entries SET seq = 37 WHERE seq = 60"),
            QStringLiteral("UPDATE audit_entries SET seq = 60 WHERE seq = -1")}
                                      << 0 << 0 << 37 << QStringLiteral("does not link");
        QTest::newRow("forged row appended") << QStringList {QStringLiteral(
            "INSERT INTO audit_entries SELECT 251, time, 'mallory', 'approval.approve', subject, '{}', hash, "
            "'00000000000000000000000000000000000000000000000000000000deadbeef' FROM audit_entries WHERE seq = 250")}
                                             << 0 << 0 << 251 << QStringLiteral("altered");
        QTest::newRow("forged row inserted, later seqs shifted")
            << QStringList {QStringLiteral("UPDATE audit_entries SET seq = seq + 100000 WHERE seq >= 37"),
                   QStringLiteral("UPDATE audit_entries SET seq = seq - 99999 WHERE seq >= 100000"),
                   QStringLiteral("INSERT INTO audit_entries SELECT 37, time, 'mallory', 'approval.approve', subject, "
                                  "'{}', hash, 'x' FROM audit_entries WHERE seq = 36")}
            << 37 << 37 << 38 << QStringLiteral("does not link"); // the forged row 37 even has a valid hash
        QTest::newRow("tail rewritten with recomputed hashes")
            << QStringList {QStringLiteral("UPDATE audit_entries SET detail = '{\"step\":0}' WHERE seq = 150")} << 150
            << 250 << 200 << QStringLiteral("checkpoint");
        QTest::newRow("truncated with its checkpoints")
            << QStringList {QStringLiteral("DELETE FROM audit_entries WHERE seq > 150"),
                   QStringLiteral("DELETE FROM audit_checkpoints WHERE seq > 150")}
            << 0 << 0 << 151 << QStringLiteral("outside the database covers seq 200");
        QTest::newRow("checkpoint re-signed by another key")
            << QStringList {QStringLiteral("UPDATE audit_checkpoints SET key = "
                                           "'ed25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' WHERE seq = 100")}
            << 0 << 0 << 100 << QStringLiteral("unknown key");
        QTest::newRow("checkpoint signature altered") << QStringList {QStringLiteral(
            "UPDATE audit_checkpoints SET time = '2020-01-01T00:00:00.000Z' WHERE seq = 100")}
                                                      << 0 << 0 << 100 << QStringLiteral("signature");
        QTest::newRow("log id changed") << QStringList {QStringLiteral(
            "UPDATE meta SET value = 'other' WHERE key = 'log_id'")}
                                        << 0 << 0 << 100
                                        << QStringLiteral("signature"); // the log id is part of what is signed
    }
    void tamperingDetected()
    {
        QFETCH(QStringList, sql);
        QFETCH(int, rehashFrom);
        QFETCH(int, rehashTo);
        QFETCH(int, firstBroken);
        QFETCH(QString, reasonPart);
        Fixture f;
        makeLog(f, 250);
        QVERIFY(f.log->verify(trusted())->ok);
        f.log.reset();
        tamper(f.path, sql);
        if (QTest::currentTestFailed())
            return;
        if (rehashFrom > 0)
            rehash(f.path, rehashFrom, rehashTo);
        AuditLog::Options options;
        options.externalCheckpointPath = f.external;
        Result<AuditLog> reopened = AuditLog::open(f.path, m_clock, options);
        QVERIFY(reopened.ok());
        const Result<AuditVerifyReport> report = reopened->verify(trusted());
        QVERIFY(report.ok());
        QVERIFY(!report->ok);
        QCOMPARE(report->firstBrokenSeq, firstBroken);
        QVERIFY2(report->reason.contains(reasonPart), qPrintable(report->reason));
    }

    // Without the outside copy, truncation together with the checkpoint rows is not detectable: verify says so.
    void truncationWithoutExternalCheckpointIsAWarning()
    {
        Fixture f;
        makeLog(f, 250);
        f.log.reset();
        tamper(f.path,
            {QStringLiteral("DELETE FROM audit_entries WHERE seq > 150"),
                QStringLiteral("DELETE FROM audit_checkpoints WHERE seq > 150")});
        QVERIFY(QFile::remove(f.external));
        AuditLog::Options options;
        options.externalCheckpointPath = f.external;
        Result<AuditLog> reopened = AuditLog::open(f.path, m_clock, options);
        QVERIFY(reopened.ok());
        const Result<AuditVerifyReport> report = reopened->verify(trusted());
        QVERIFY(report->ok);
        QCOMPARE(report->lastSeq, 150);
        QVERIFY(!report->warnings.isEmpty());
        QVERIFY(report->warnings.join(u' ').contains(QStringLiteral("truncation")));
    }

    // Unsigned checkpoints still detect truncation, but verify warns that a rewrite would pass.
    void unsignedCheckpointsWarn()
    {
        Fixture f;
        makeLog(f, 120, false);
        const Result<AuditVerifyReport> report = f.log->verify(trusted());
        QVERIFY(report->ok);
        QCOMPARE(report->signedCheckpoints, 0);
        QVERIFY(report->warnings.join(u' ').contains(QStringLiteral("not signed")));
    }

    // A unique key (an approval's nonce) is recorded once; the second append is refused and writes nothing.
    void uniqueKeyRefusesSecondAppend()
    {
        Fixture f;
        makeLog(f, 1);
        AuditRecord r = record(2);
        r.uniqueKey = QStringLiteral("nonce:abc");
        QVERIFY(f.log->append(r).ok());
        const Result<AuditEntry> again = f.log->append(r);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QCOMPARE(f.log->entries()->size(), 2);
        QVERIFY(*f.log->hasUniqueKey(QStringLiteral("nonce:abc")));
        QVERIFY(f.log->verify(trusted())->ok);
    }

    // A checkpoint is also written when the interval passed, even below the entry count.
    void checkpointByTime()
    {
        const QString path = m_dir.filePath(QStringLiteral("bytime.audit.db"));
        AuditLog::Options options;
        options.checkpointEvery = 1000;
        options.checkpointIntervalMs = 60000;
        options.externalCheckpointPath = m_dir.filePath(QStringLiteral("bytime.json"));
        Result<AuditLog> log = AuditLog::open(path, m_clock, options);
        QVERIFY(log.ok());
        log->setSigner(m_key);
        QVERIFY(log->append(record(1)).ok());
        m_clock.advance(30000);
        QVERIFY(log->append(record(2)).ok());
        QCOMPARE(log->checkpoints()->size(), 0);
        m_clock.advance(31000);
        QVERIFY(log->append(record(3)).ok());
        QCOMPARE(log->checkpoints()->size(), 1);
        QCOMPARE(log->checkpoints()->first().seq, 3);
        QCOMPARE((*log->externalCheckpoint())->seq, 3);
    }

    // Export then verify the export gives the same head; an edited line in the export is caught at its seq.
    void exportRoundTrip_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("jsonl") << int(AuditExportFormat::JsonLines);
        QTest::newRow("csv") << int(AuditExportFormat::Csv);
    }
    void exportRoundTrip()
    {
        QFETCH(int, format);
        const auto fmt = AuditExportFormat(format);
        Fixture f;
        makeLog(f, 250);
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::ReadWrite));
        QVERIFY(f.log->exportTo(buffer, fmt).ok());
        const QByteArray exported = buffer.data();
        const std::optional<AuditCheckpoint> external = *f.log->externalCheckpoint();

        QBuffer in;
        in.setData(exported);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const Result<AuditVerifyReport> report = verifyAuditExport(in, fmt, trusted(), external);
        QVERIFY2(report.ok(), qPrintable(report ? QString() : report.error().toString()));
        QVERIFY2(report->ok, qPrintable(report->reason));
        QCOMPARE(report->lastSeq, 250);
        QCOMPARE(report->lastHash, f.log->entries()->last().hash);
        QCOMPARE(report->checkpointsMatched, 3);

        // Same export with entry 42's step changed.
        QByteArray edited = exported;
        const QByteArray from
            = fmt == AuditExportFormat::JsonLines ? QByteArray("\"step\":42") : QByteArray("\"\"step\"\":42");
        const QByteArray to
            = fmt == AuditExportFormat::JsonLines ? QByteArray("\"step\":43") : QByteArray("\"\"step\"\":43");
        QCOMPARE(edited.count(from), 1);
        edited.replace(from, to);
        QBuffer tampered;
        tampered.setData(edited);
        QVERIFY(tampered.open(QIODevice::ReadOnly));
        const Result<AuditVerifyReport> broken = verifyAuditExport(tampered, fmt, trusted(), external);
        QVERIFY(broken.ok());
        QVERIFY(!broken->ok);
        QCOMPARE(broken->firstBrokenSeq, 42);

        // An export cut short before the outside checkpoint is truncation.
        const qsizetype cut = exported.indexOf(
            fmt == AuditExportFormat::JsonLines ? QByteArray("\"seq\":151,") : QByteArray("\nentry,151,"));
        QVERIFY(cut > 0);
        QBuffer shortened;
        shortened.setData(exported.left(exported.lastIndexOf('\n', cut) + 1));
        QVERIFY(shortened.open(QIODevice::ReadOnly));
        const Result<AuditVerifyReport> truncated = verifyAuditExport(shortened, fmt, trusted(), external);
        QVERIFY(truncated.ok());
        QVERIFY(!truncated->ok);
        QCOMPARE(truncated->firstBrokenSeq, 151);
    }
};

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"
