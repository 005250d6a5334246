#include "auditentry.h"

#include "util/canonicaljson.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace gl {

AuditEntry auditEntryFromRow(const QSqlQuery &query)
{
    AuditEntry entry;
    entry.seq = query.value(0).toLongLong();
    entry.time = query.value(1).toString();
    entry.actor = query.value(2).toString();
    entry.action = query.value(3).toString();
    entry.subject = query.value(4).toString();
    entry.detail = query.value(5).toString().toUtf8();
    entry.prevHash = query.value(6).toString().toLatin1();
    entry.hash = query.value(7).toString().toLatin1();
    return entry;
}

QJsonObject AuditEntry::detailObject() const
{
    return QJsonDocument::fromJson(detail).object();
}

QByteArray AuditEntry::toJsonLine() const
{
    QByteArray out;
    out.reserve(detail.size() + 256);
    out += "{\"action\":";
    appendCanonicalJsonString(out, action.toUtf8());
    out += ",\"actor\":";
    appendCanonicalJsonString(out, actor.toUtf8());
    out += ",\"detail\":";
    out += detail;
    out += ",\"hash\":\"";
    out += hash;
    out += "\",\"prev\":\"";
    out += prevHash;
    out += "\",\"seq\":";
    out += QByteArray::number(seq);
    out += ",\"subject\":";
    appendCanonicalJsonString(out, subject.toUtf8());
    out += ",\"time\":";
    appendCanonicalJsonString(out, time.toUtf8());
    out += '}';
    return out;
}

void appendAuditHashInput(QByteArray &out, qint64 seq, QByteArrayView time, QByteArrayView actor, QByteArrayView action,
    QByteArrayView subject, QByteArrayView detailCanonical, QByteArrayView prevHash)
{
    out += "{\"action\":";
    appendCanonicalJsonString(out, action);
    out += ",\"actor\":";
    appendCanonicalJsonString(out, actor);
    out += ",\"detail\":";
    out += detailCanonical;
    out += ",\"prev\":";
    appendCanonicalJsonString(out, prevHash);
    out += ",\"seq\":";
    out += QByteArray::number(seq);
    out += ",\"subject\":";
    appendCanonicalJsonString(out, subject);
    out += ",\"time\":";
    appendCanonicalJsonString(out, time);
    out += '}';
}

QByteArray auditHashInput(const AuditEntry &entry)
{
    QByteArray out;
    appendAuditHashInput(out, entry.seq, entry.time.toUtf8(), entry.actor.toUtf8(), entry.action.toUtf8(),
        entry.subject.toUtf8(), entry.detail, entry.prevHash);
    return out;
}

QJsonObject AuditCheckpoint::toJson() const
{
    return QJsonObject {
        {QStringLiteral("log"), logId},
        {QStringLiteral("seq"), seq},
        {QStringLiteral("hash"), QString::fromLatin1(hash)},
        {QStringLiteral("time"), time},
        {QStringLiteral("key"), key},
        {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())},
    };
}

AuditCheckpoint AuditCheckpoint::fromJson(const QJsonObject &object)
{
    AuditCheckpoint checkpoint;
    checkpoint.logId = object.value(QStringLiteral("log")).toString();
    checkpoint.seq = object.value(QStringLiteral("seq")).toInteger(0);
    checkpoint.hash = object.value(QStringLiteral("hash")).toString().toLatin1();
    checkpoint.time = object.value(QStringLiteral("time")).toString();
    checkpoint.key = object.value(QStringLiteral("key")).toString();
    checkpoint.signature = QByteArray::fromBase64(object.value(QStringLiteral("signature")).toString().toLatin1());
    return checkpoint;
}

QByteArray auditCheckpointSigningInput(const AuditCheckpoint &checkpoint)
{
    return "greenlight-audit-checkpoint-v1\n"
        + canonicalJson(QJsonObject {
            {QStringLiteral("log"), checkpoint.logId},
            {QStringLiteral("seq"), checkpoint.seq},
            {QStringLiteral("hash"), QString::fromLatin1(checkpoint.hash)},
            {QStringLiteral("time"), checkpoint.time},
            {QStringLiteral("key"), checkpoint.key},
        });
}

QString auditTime(const QDateTime &utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace gl
