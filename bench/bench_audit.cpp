// Audit log figures on a real SQLite file (synchronous=FULL, WAL) in a temporary directory:
//   append, one per transaction   what each rollout action / approval costs (one fsync'd commit each)
//   append, 1000 per transaction  the hashing + SQL cost without the commit
//   verify N entries              AuditLog::verify over the whole chain (target: 1,000,000 in under 3 s)
//   verify JSONL export           verifyAuditExport over the JSON Lines export of the same log
// Usage: bench_audit [entries-to-verify (default 1000000)] [single appends (default 2000)]
// Build with CMAKE_BUILD_TYPE=Release for figures worth quoting.
#include "audit/auditlog.h"
#include "identity/signingkey.h"
#include "util/clock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

using namespace gl;

namespace {

AuditRecord sample(qint64 i)
{
    return AuditRecord {QStringLiteral("alice"), QStringLiteral("rollout.step"),
        QStringLiteral("rollout:%1").arg(i / 100),
        QJsonObject {{QStringLiteral("step"), i % 7}, {QStringLiteral("percent"), 25},
            {QStringLiteral("reason"), QStringLiteral("analysis passed: error ratio 0.2% < 1%")}},
        QString()};
}

void row(const char *what, double value, const char *unit)
{
    std::printf("| %-38s | %14.1f | %-10s |\n", what, value, unit);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 total = argc > 1 ? std::max(1000LL, std::atoll(argv[1])) : 1000000;
    const qint64 singles = argc > 2 ? std::max(10LL, std::atoll(argv[2])) : 2000;
    QTemporaryDir dir;
    SystemClock clock;
    AuditLog::Options options;
    options.externalCheckpointPath = dir.filePath(QStringLiteral("outside.checkpoint.json"));
    Result<AuditLog> log = AuditLog::open(dir.filePath(QStringLiteral("bench.audit.db")), clock, options);
    if (!log) {
        std::fprintf(stderr, "%s\n", qPrintable(log.error().toString()));
        return 1;
    }
    const SigningKey key = SigningKey::generate().value();
    log->setSigner(key);

    std::printf("| %-38s | %14s | %-10s |\n", "measure", "value", "unit");
    std::printf("|%s|%s|%s|\n", QByteArray(40, '-').constData(), QByteArray(16, '-').constData(),
        QByteArray(12, '-').constData());

    QElapsedTimer timer;
    timer.start();
    for (qint64 i = 0; i < singles; ++i) {
        if (!log->append(sample(i))) {
            std::fprintf(stderr, "append failed\n");
            return 1;
        }
    }
    const double singleMs = double(timer.nsecsElapsed()) / 1e6;
    row("append, one per transaction", double(singles) / (singleMs / 1000.0), "entries/s");
    row("  latency (mean)", singleMs * 1000.0 / double(singles), "us");

    timer.restart();
    qint64 written = singles;
    while (written < total) {
        const qint64 batch = std::min<qint64>(1000, total - written);
        const Status status = log->database().transaction([&]() -> Status {
            for (qint64 i = 0; i < batch; ++i) {
                const Result<AuditEntry> entry = log->append(sample(written + i));
                if (!entry)
                    return entry.error();
            }
            return {};
        });
        if (!status) {
            std::fprintf(stderr, "%s\n", qPrintable(status.error().toString()));
            return 1;
        }
        written += batch;
    }
    const double batchMs = double(timer.nsecsElapsed()) / 1e6;
    row("append, 1000 per transaction", double(total - singles) / (batchMs / 1000.0), "entries/s");
    if (!log->checkpoint()) {
        std::fprintf(stderr, "checkpoint failed\n");
        return 1;
    }
    row("database size", double(QFileInfo(log->path()).size()) / 1e6, "MB");

    timer.restart();
    const Result<AuditVerifyReport> report = log->verify({key.publicKey()});
    const double verifyMs = double(timer.nsecsElapsed()) / 1e6;
    if (!report || !report->ok || report->lastSeq != total) {
        std::fprintf(
            stderr, "verify failed: %s\n", report ? qPrintable(report->reason) : qPrintable(report.error().toString()));
        return 1;
    }
    row(qPrintable(QStringLiteral("verify %1 entries (database)").arg(total)), verifyMs, "ms");

    QFile file(dir.filePath(QStringLiteral("export.jsonl")));
    if (!file.open(QIODevice::ReadWrite) || !log->exportTo(file, AuditExportFormat::JsonLines)) {
        std::fprintf(stderr, "export failed\n");
        return 1;
    }
    file.seek(0);
    timer.restart();
    const Result<AuditVerifyReport> exported = verifyAuditExport(file, AuditExportFormat::JsonLines, {key.publicKey()});
    const double exportMs = double(timer.nsecsElapsed()) / 1e6;
    if (!exported || !exported->ok) {
        std::fprintf(stderr, "export verify failed\n");
        return 1;
    }
    row(qPrintable(QStringLiteral("verify %1 entries (JSONL export)").arg(total)), exportMs, "ms");
    std::printf("\nverify target: 1,000,000 entries in under 3000 ms (%s)\n",
#ifdef NDEBUG
        "release build"
#else
        "debug build: figures not representative"
#endif
    );
    return 0;
}
