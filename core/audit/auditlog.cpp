#include "auditlog.h"

#include "util/canonicaljson.h"
#include "util/clock.h"
#include "util/logging.h"
#include "util/sha256.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::AuditLog)
};

const QString kTriggerSql = QStringLiteral(
    "CREATE TRIGGER %1_no_%2 BEFORE %3 ON %1 BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END");

QStringList appendOnly(const QString &table)
{
    return {kTriggerSql.arg(table, QStringLiteral("update"), QStringLiteral("UPDATE")),
        kTriggerSql.arg(table, QStringLiteral("delete"), QStringLiteral("DELETE"))};
}

// The SQLite driver binds a null QString as NULL; unsigned checkpoints store empty text instead.
QString notNull(const QString &text)
{
    return text.isNull() ? QString(u""_qs) : text;
}

QString stateHome()
{
    const QString xdg = qEnvironmentVariable("XDG_STATE_HOME");
    if (!xdg.isEmpty() && QDir::isAbsolutePath(xdg))
        return xdg;
    return QDir::homePath() + u"/.local/state";
}

} // namespace

const Schema &AuditLog::schema()
{
    static const Schema schema = [] {
        Migration first {
            QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)"),
            QStringLiteral("INSERT INTO meta (key, value) VALUES ('log_id', lower(hex(randomblob(16))))"),
            QStringLiteral("CREATE TABLE audit_entries ("
                           " seq INTEGER PRIMARY KEY,"
                           " time TEXT NOT NULL,"
                           " actor TEXT NOT NULL,"
                           " action TEXT NOT NULL,"
                           " subject TEXT NOT NULL,"
                           " detail TEXT NOT NULL,"
                           " prev_hash TEXT NOT NULL,"
                           " hash TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX audit_entries_by_subject ON audit_entries (subject, seq)"),
            QStringLiteral("CREATE TABLE audit_checkpoints ("
                           " seq INTEGER PRIMARY KEY,"
                           " hash TEXT NOT NULL,"
                           " time TEXT NOT NULL,"
                           " key TEXT NOT NULL,"
                           " signature TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE audit_unique (key TEXT PRIMARY KEY NOT NULL, seq INTEGER NOT NULL)"),
        };
        first += appendOnly(QStringLiteral("audit_entries"));
        first += appendOnly(QStringLiteral("audit_checkpoints"));
        first += appendOnly(QStringLiteral("audit_unique"));
        return Schema {QStringLiteral("audit"), {first}};
    }();
    return schema;
}

QString AuditLog::pathForStateDatabase(const QString &stateDatabase)
{
    const QFileInfo info(stateDatabase);
    return info.absoluteDir().absoluteFilePath(info.completeBaseName() + u".audit.db");
}

QString AuditLog::defaultExternalCheckpointPath(const QString &databasePath)
{
    const QByteArray id = Sha256::hexHash(QFileInfo(databasePath).absoluteFilePath().toUtf8()).left(16);
    return stateHome() + u"/greenlight/audit/" + QString::fromLatin1(id) + u".checkpoint.json";
}

AuditLog::AuditLog(Database database, const Clock &clock, Options options, QString logId)
    : m_database(std::move(database))
    , m_clock(&clock)
    , m_options(std::move(options))
    , m_logId(std::move(logId))
{ }

AuditLog::~AuditLog() = default;

Result<AuditLog> AuditLog::open(const QString &path, const Clock &clock)
{
    return open(path, clock, Options {});
}

Result<AuditLog> AuditLog::open(const QString &path, const Clock &clock, const Options &options)
{
    Result<Database> database = Database::open(path, schema(), Durability::Full);
    if (!database)
        return database.error();
    Result<QSqlQuery> id = database->exec(QStringLiteral("SELECT value FROM meta WHERE key = 'log_id'"));
    if (!id)
        return id.error();
    if (!id->next())
        return makeError(ErrorCode::Corrupt,
            Tr::tr("%1 is not a Greenlight audit log (it has no log id).").arg(QDir::toNativeSeparators(path)));
    const QString logId = id->value(0).toString();
    id = makeError(ErrorCode::Unknown, QString()); // release the statement
    Options resolved = options;
    if (resolved.externalCheckpointPath.isEmpty())
        resolved.externalCheckpointPath = defaultExternalCheckpointPath(database->path());
    return Result<AuditLog>(AuditLog(std::move(database).value(), clock, resolved, logId));
}

Result<AuditEntry> AuditLog::append(const AuditRecord &record)
{
    if (record.action.isEmpty() || record.actor.isEmpty())
        return makeError(ErrorCode::InvalidArgument, Tr::tr("An audit entry needs an actor and an action."));
    AuditEntry entry;
    entry.time = auditTime(m_clock->now());
    entry.actor = record.actor;
    entry.action = record.action;
    entry.subject = record.subject;
    entry.detail = canonicalJson(record.detail);
    std::optional<AuditCheckpoint> written;

    const Status status = m_database.transaction([&]() -> Status {
        Result<QSqlQuery> head
            = m_database.exec(QStringLiteral("SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1"));
        if (!head)
            return head.error();
        if (head->next()) {
            entry.seq = head->value(0).toLongLong() + 1;
            entry.prevHash = head->value(1).toString().toLatin1();
        } else {
            entry.seq = 1;
            entry.prevHash = kAuditGenesisHash;
        }
        head = makeError(ErrorCode::Unknown, QString());
        entry.hash = Sha256::hexHash(auditHashInput(entry));

        if (!record.uniqueKey.isEmpty()) {
            const Result<QSqlQuery> unique = m_database.exec(
                QStringLiteral("INSERT INTO audit_unique (key, seq) VALUES (?, ?) ON CONFLICT (key) DO NOTHING"),
                {record.uniqueKey, entry.seq});
            if (!unique)
                return unique.error();
            if (unique->numRowsAffected() != 1)
                return makeError(ErrorCode::Conflict,
                    Tr::tr("This was already recorded in the audit log (%1); it is not recorded twice.")
                        .arg(record.uniqueKey));
        }
        const Result<QSqlQuery> insert = m_database.exec(
            QStringLiteral("INSERT INTO audit_entries (seq, time, actor, action, subject, detail, prev_hash, hash)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {entry.seq, entry.time, entry.actor, entry.action, entry.subject, QString::fromUtf8(entry.detail),
                QString::fromLatin1(entry.prevHash), QString::fromLatin1(entry.hash)});
        if (!insert)
            return insert.error();

        // A checkpoint when enough entries or enough time passed since the last one.
        Result<QSqlQuery> last
            = m_database.exec(QStringLiteral("SELECT seq, time FROM audit_checkpoints ORDER BY seq DESC LIMIT 1"));
        if (!last)
            return last.error();
        qint64 lastSeq = 0;
        QDateTime lastTime;
        if (last->next()) {
            lastSeq = last->value(0).toLongLong();
            lastTime = QDateTime::fromString(last->value(1).toString(), Qt::ISODateWithMs);
        }
        last = makeError(ErrorCode::Unknown, QString());
        if (!lastTime.isValid() && entry.seq > 1) { // no checkpoint yet: the interval runs from the first entry
            Result<QSqlQuery> first = m_database.exec(QStringLiteral("SELECT time FROM audit_entries WHERE seq = 1"));
            if (!first)
                return first.error();
            if (first->next())
                lastTime = QDateTime::fromString(first->value(0).toString(), Qt::ISODateWithMs);
        }
        const bool byCount = m_options.checkpointEvery > 0 && entry.seq - lastSeq >= m_options.checkpointEvery;
        const bool byTime = m_options.checkpointIntervalMs > 0 && lastTime.isValid()
            && lastTime.msecsTo(m_clock->now()) >= m_options.checkpointIntervalMs;
        if (byCount || byTime) {
            Result<AuditCheckpoint> checkpoint = writeCheckpoint(entry.seq, entry.hash);
            if (!checkpoint)
                return checkpoint.error();
            written = std::move(checkpoint).value();
        }
        return {};
    });
    if (!status)
        return status.error();
    if (written) {
        if (const Status external = writeExternal(*written); !external)
            qCWarning(lcStorage) << "Audit checkpoint not copied outside the database:" << external.error().detail;
    }
    return entry;
}

Result<AuditCheckpoint> AuditLog::writeCheckpoint(qint64 seq, const QByteArray &hash)
{
    AuditCheckpoint checkpoint;
    checkpoint.logId = m_logId;
    checkpoint.seq = seq;
    checkpoint.hash = hash;
    checkpoint.time = auditTime(m_clock->now());
    if (!m_signer.isNull()) {
        checkpoint.key = m_signer.publicKey().toString();
        const Result<QByteArray> signature = m_signer.sign(auditCheckpointSigningInput(checkpoint));
        if (!signature)
            return signature.error();
        checkpoint.signature = *signature;
    }
    const Result<QSqlQuery> insert = m_database.exec(
        QStringLiteral("INSERT INTO audit_checkpoints (seq, hash, time, key, signature) VALUES (?, ?, ?, ?, ?)"),
        {seq, QString::fromLatin1(hash), checkpoint.time, notNull(checkpoint.key),
            notNull(QString::fromLatin1(checkpoint.signature.toBase64()))});
    if (!insert)
        return insert.error();
    return checkpoint;
}

Status AuditLog::writeExternal(const AuditCheckpoint &checkpoint) const
{
    const QString path = m_options.externalCheckpointPath;
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return makeError(
            ErrorCode::Io, Tr::tr("Could not create the folder of %1.").arg(QDir::toNativeSeparators(path)));
    QJsonObject object = checkpoint.toJson();
    object.insert(QStringLiteral("database"), m_database.path());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(
            ErrorCode::Io, Tr::tr("Could not write %1.").arg(QDir::toNativeSeparators(path)), file.errorString());
    file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return makeError(
            ErrorCode::Io, Tr::tr("Could not write %1.").arg(QDir::toNativeSeparators(path)), file.errorString());
    return {};
}

Result<AuditCheckpoint> AuditLog::checkpoint()
{
    std::optional<AuditCheckpoint> written;
    const Status status = m_database.transaction([&]() -> Status {
        Result<QSqlQuery> head
            = m_database.exec(QStringLiteral("SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1"));
        if (!head)
            return head.error();
        if (!head->next())
            return makeError(ErrorCode::NotFound, Tr::tr("The audit log is empty; there is nothing to checkpoint."));
        const qint64 seq = head->value(0).toLongLong();
        const QByteArray hash = head->value(1).toString().toLatin1();
        head = makeError(ErrorCode::Unknown, QString());
        Result<QSqlQuery> existing = m_database.exec(
            QStringLiteral("SELECT seq, hash, time, key, signature FROM audit_checkpoints WHERE seq = ?"), {seq});
        if (!existing)
            return existing.error();
        if (existing->next()) {
            AuditCheckpoint checkpoint;
            checkpoint.logId = m_logId;
            checkpoint.seq = seq;
            checkpoint.hash = existing->value(1).toString().toLatin1();
            checkpoint.time = existing->value(2).toString();
            checkpoint.key = existing->value(3).toString();
            checkpoint.signature = QByteArray::fromBase64(existing->value(4).toString().toLatin1());
            written = checkpoint;
            return {};
        }
        existing = makeError(ErrorCode::Unknown, QString());
        Result<AuditCheckpoint> checkpoint = writeCheckpoint(seq, hash);
        if (!checkpoint)
            return checkpoint.error();
        written = std::move(checkpoint).value();
        return {};
    });
    if (!status)
        return status.error();
    if (const Status external = writeExternal(*written); !external)
        return external.error();
    return *written;
}

Result<QList<AuditCheckpoint>> AuditLog::checkpoints() const
{
    Result<QSqlQuery> query
        = m_database.exec(QStringLiteral("SELECT seq, hash, time, key, signature FROM audit_checkpoints ORDER BY seq"));
    if (!query)
        return query.error();
    QList<AuditCheckpoint> list;
    while (query->next()) {
        AuditCheckpoint checkpoint;
        checkpoint.logId = m_logId;
        checkpoint.seq = query->value(0).toLongLong();
        checkpoint.hash = query->value(1).toString().toLatin1();
        checkpoint.time = query->value(2).toString();
        checkpoint.key = query->value(3).toString();
        checkpoint.signature = QByteArray::fromBase64(query->value(4).toString().toLatin1());
        list << checkpoint;
    }
    return list;
}

Result<std::optional<AuditCheckpoint>> AuditLog::externalCheckpoint() const
{
    QFile file(m_options.externalCheckpointPath);
    if (!file.exists())
        return std::optional<AuditCheckpoint>();
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
            Tr::tr("Could not read the audit checkpoint %1.").arg(QDir::toNativeSeparators(file.fileName())),
            file.errorString());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isObject())
        return makeError(ErrorCode::Corrupt,
            Tr::tr("The audit checkpoint %1 is damaged.").arg(QDir::toNativeSeparators(file.fileName())),
            error.errorString());
    return std::optional<AuditCheckpoint>(AuditCheckpoint::fromJson(document.object()));
}

Result<bool> AuditLog::hasUniqueKey(const QString &key) const
{
    Result<QSqlQuery> query = m_database.exec(QStringLiteral("SELECT 1 FROM audit_unique WHERE key = ?"), {key});
    if (!query)
        return query.error();
    return query->next();
}

Result<QList<AuditEntry>> AuditLog::entries(const QString &subject, const QString &actionPrefix) const
{
    QString sql = u"SELECT " + kAuditEntryColumns + u" FROM audit_entries";
    QVariantList bind;
    QStringList where;
    if (!subject.isEmpty()) {
        where << QStringLiteral("subject = ?");
        bind << subject;
    }
    if (!actionPrefix.isEmpty()) {
        where << QStringLiteral("substr(action, 1, ?) = ?");
        bind << actionPrefix.size() << actionPrefix;
    }
    if (!where.isEmpty())
        sql += u" WHERE " + where.join(u" AND ");
    sql += u" ORDER BY seq";
    return selectEntries(sql, bind);
}

Result<QList<AuditEntry>> AuditLog::selectEntries(const QString &sql, const QVariantList &bind) const
{
    Result<QSqlQuery> query = m_database.exec(sql, bind);
    if (!query)
        return query.error();
    QList<AuditEntry> list;
    while (query->next())
        list << auditEntryFromRow(*query);
    return list;
}

Result<AuditVerifyReport> AuditLog::verify(const QList<PublicKey> &trustedKeys) const
{
    AuditChainVerifier verifier(trustedKeys, m_logId);
    const Result<QList<AuditCheckpoint>> stored = checkpoints();
    if (!stored)
        return stored.error();
    for (const AuditCheckpoint &checkpoint : *stored)
        verifier.addCheckpoint(checkpoint, false);
    const Result<std::optional<AuditCheckpoint>> external = externalCheckpoint();
    if (!external) {
        verifier.fail(1, external.error().message);
        return verifier.finish();
    }
    QStringList extraWarnings;
    if (external->has_value())
        verifier.addCheckpoint(**external, true);
    else
        extraWarnings << Tr::tr("no checkpoint is kept outside the database at %1: truncation of the log cannot "
                                "be detected")
                             .arg(QDir::toNativeSeparators(m_options.externalCheckpointPath));

    // CAST AS BLOB: the driver hands back the stored UTF-8 bytes without a round trip through QString.
    Result<QSqlQuery> query = m_database.exec(
        QStringLiteral("SELECT seq, CAST(time AS BLOB), CAST(actor AS BLOB), CAST(action AS BLOB),"
                       " CAST(subject AS BLOB), CAST(detail AS BLOB), CAST(prev_hash AS BLOB), CAST(hash AS BLOB)"
                       " FROM audit_entries ORDER BY seq"));
    if (!query)
        return query.error();
    while (query->next()) {
        if (!verifier.feed(query->value(0).toLongLong(), query->value(1).toByteArray(), query->value(2).toByteArray(),
                query->value(3).toByteArray(), query->value(4).toByteArray(), query->value(5).toByteArray(),
                query->value(6).toByteArray(), query->value(7).toByteArray()))
            break;
    }
    AuditVerifyReport report = verifier.finish();
    report.warnings += extraWarnings;
    return report;
}

} // namespace gl
