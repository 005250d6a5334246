// AuditLog::exportTo and verifyAuditExport: the two export formats and their verification.
#include "audit/auditlog.h"
#include "util/canonicaljson.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::AuditLog)
};

const QByteArray kCsvHeader("kind,seq,time,actor,action,subject,detail,prev_hash,hash,key,signature");

QByteArray csvField(QByteArrayView value)
{
    if (!value.contains(',') && !value.contains('"') && !value.contains('\n') && !value.contains('\r'))
        return value.toByteArray();
    QByteArray out("\"");
    for (char c : value) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

// Splits one CSV record (RFC 4180) starting at `pos` in `data`; advances `pos` past its line break.
bool readCsvRecord(const QByteArray &data, qsizetype &pos, QList<QByteArray> &fields)
{
    fields.clear();
    if (pos >= data.size())
        return false;
    QByteArray field;
    bool quoted = false;
    while (pos < data.size()) {
        const char c = data.at(pos++);
        if (quoted) {
            if (c == '"') {
                if (pos < data.size() && data.at(pos) == '"') {
                    field += '"';
                    ++pos;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields << field;
            field.clear();
        } else if (c == '\n') {
            break;
        } else if (c != '\r') {
            field += c;
        }
    }
    fields << field;
    return true;
}

Status writeAll(QIODevice &out, const QByteArray &data)
{
    if (out.write(data) != data.size())
        return makeError(ErrorCode::Io, Tr::tr("Could not write the audit export."), out.errorString());
    return {};
}

} // namespace

Status AuditLog::exportTo(QIODevice &out, AuditExportFormat format) const
{
    const Result<QList<AuditCheckpoint>> stored = checkpoints();
    if (!stored)
        return stored.error();
    QByteArray chunk;
    if (format == AuditExportFormat::JsonLines) {
        chunk += canonicalJson(QJsonObject {{QStringLiteral("greenlight_audit"), 1}, {QStringLiteral("log"), m_logId}});
        chunk += '\n';
        for (const AuditCheckpoint &checkpoint : *stored) {
            chunk += canonicalJson(QJsonObject {{QStringLiteral("checkpoint"), checkpoint.toJson()}});
            chunk += '\n';
        }
    } else {
        chunk += kCsvHeader + '\n';
        chunk += "log,,,,,," + csvField(m_logId.toUtf8()) + ",,,,\n";
        for (const AuditCheckpoint &checkpoint : *stored) {
            chunk += "checkpoint," + QByteArray::number(checkpoint.seq) + ',' + csvField(checkpoint.time.toUtf8())
                + ",,,,," + ',' + checkpoint.hash + ',' + csvField(checkpoint.key.toUtf8()) + ','
                + checkpoint.signature.toBase64() + '\n';
        }
    }
    if (const Status written = writeAll(out, chunk); !written)
        return written;
    chunk.clear();

    Result<QSqlQuery> query = m_database.exec(u"SELECT " + kAuditEntryColumns + u" FROM audit_entries ORDER BY seq");
    if (!query)
        return query.error();
    while (query->next()) {
        const AuditEntry entry = auditEntryFromRow(*query);
        if (format == AuditExportFormat::JsonLines) {
            chunk += entry.toJsonLine();
        } else {
            chunk += "entry," + QByteArray::number(entry.seq) + ',' + csvField(entry.time.toUtf8()) + ','
                + csvField(entry.actor.toUtf8()) + ',' + csvField(entry.action.toUtf8()) + ','
                + csvField(entry.subject.toUtf8()) + ',' + csvField(entry.detail) + ',' + entry.prevHash + ','
                + entry.hash + ",,";
        }
        chunk += '\n';
        if (chunk.size() > (1 << 16)) {
            if (const Status written = writeAll(out, chunk); !written)
                return written;
            chunk.clear();
        }
    }
    return writeAll(out, chunk);
}

Result<AuditVerifyReport> verifyAuditExport(QIODevice &in, AuditExportFormat format,
    const QList<PublicKey> &trustedKeys, const std::optional<AuditCheckpoint> &external)
{
    const auto damaged = [](qint64 line, const QString &why) {
        return makeError(ErrorCode::Parse, Tr::tr("line %1 of the audit export cannot be read: %2").arg(line).arg(why));
    };
    std::optional<AuditChainVerifier> verifier;
    const auto begin = [&](const QString &logId) {
        verifier.emplace(trustedKeys, logId);
        if (external)
            verifier->addCheckpoint(*external, true);
    };
    qint64 lineNumber = 0;
    if (format == AuditExportFormat::JsonLines) {
        while (!in.atEnd()) {
            QByteArray line = in.readLine();
            ++lineNumber;
            if (line.endsWith('\n'))
                line.chop(1);
            if (line.isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(line, &error);
            if (!document.isObject())
                return damaged(lineNumber, error.errorString());
            const QJsonObject object = document.object();
            if (!verifier) {
                if (object.value(QStringLiteral("greenlight_audit")).toInt() != 1)
                    return damaged(lineNumber, Tr::tr("not a Greenlight audit export (no header line)"));
                begin(object.value(QStringLiteral("log")).toString());
                continue;
            }
            if (object.contains(QStringLiteral("checkpoint"))) {
                verifier->addCheckpoint(
                    AuditCheckpoint::fromJson(object.value(QStringLiteral("checkpoint")).toObject()), false);
                continue;
            }
            AuditEntry entry;
            entry.seq = object.value(QStringLiteral("seq")).toInteger(-1);
            entry.time = object.value(QStringLiteral("time")).toString();
            entry.actor = object.value(QStringLiteral("actor")).toString();
            entry.action = object.value(QStringLiteral("action")).toString();
            entry.subject = object.value(QStringLiteral("subject")).toString();
            entry.detail = canonicalJson(object.value(QStringLiteral("detail")));
            entry.prevHash = object.value(QStringLiteral("prev")).toString().toLatin1();
            entry.hash = object.value(QStringLiteral("hash")).toString().toLatin1();
            if (!verifier->feed(entry))
                break;
        }
    } else {
        const QByteArray data = in.readAll();
        qsizetype pos = 0;
        QList<QByteArray> fields;
        QString exportLogId;
        while (readCsvRecord(data, pos, fields)) {
            ++lineNumber;
            if (lineNumber == 1) {
                if (fields.join(',') != kCsvHeader)
                    return damaged(lineNumber, Tr::tr("not a Greenlight audit export (unexpected header row)"));
                continue;
            }
            if (fields.size() == 1 && fields.first().isEmpty())
                continue;
            if (fields.size() != 11)
                return damaged(lineNumber, Tr::tr("expected 11 fields, found %1").arg(fields.size()));
            const QByteArray &kind = fields.at(0);
            if (kind == "log") {
                exportLogId = QString::fromUtf8(fields.at(6));
                begin(exportLogId);
                continue;
            }
            if (!verifier)
                return damaged(lineNumber, Tr::tr("the log row is missing"));
            if (kind == "checkpoint") {
                AuditCheckpoint checkpoint;
                checkpoint.seq = fields.at(1).toLongLong();
                checkpoint.time = QString::fromUtf8(fields.at(2));
                checkpoint.hash = fields.at(8);
                checkpoint.key = QString::fromUtf8(fields.at(9));
                checkpoint.signature = QByteArray::fromBase64(fields.at(10));
                checkpoint.logId = exportLogId;
                verifier->addCheckpoint(checkpoint, false);
            } else if (kind == "entry") {
                bool ok = false;
                const qint64 seq = fields.at(1).toLongLong(&ok);
                if (!ok)
                    return damaged(lineNumber, Tr::tr("seq is not a number"));
                if (!verifier->feed(seq, fields.at(2), fields.at(3), fields.at(4), fields.at(5), fields.at(6),
                        fields.at(7), fields.at(8)))
                    break;
            } else {
                return damaged(lineNumber, Tr::tr("unknown row kind \"%1\"").arg(QString::fromUtf8(kind)));
            }
        }
    }
    if (!verifier)
        return makeError(ErrorCode::Parse, Tr::tr("The audit export is empty."));
    return verifier->finish();
}

} // namespace gl
