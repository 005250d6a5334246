#include "statement.h"

#include "util/canonicaljson.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::Approvals)
};

} // namespace

QString toString(Decision decision)
{
    switch (decision) {
    case Decision::Approve:
        return QStringLiteral("approve");
    case Decision::Reject:
        return QStringLiteral("reject");
    case Decision::Override:
        return QStringLiteral("override");
    case Decision::Block:
        break;
    }
    return QStringLiteral("block");
}

std::optional<Decision> decisionFromString(const QString &text)
{
    for (Decision d : {Decision::Approve, Decision::Reject, Decision::Override, Decision::Block}) {
        if (toString(d) == text)
            return d;
    }
    return std::nullopt;
}

QJsonObject Statement::toJson() const
{
    QJsonObject in;
    for (auto it = inputs.begin(); it != inputs.end(); ++it)
        in.insert(it.key(), it.value());
    QJsonObject object {
        {QStringLiteral("v"), 1},
        {QStringLiteral("e"), environment},
        {QStringLiteral("r"), rolloutId},
        {QStringLiteral("g"), gate},
        {QStringLiteral("d"), toString(decision)},
        {QStringLiteral("t"), time.toSecsSinceEpoch()},
        {QStringLiteral("s"), signer},
        {QStringLiteral("n"), nonce},
    };
    if (!inputs.isEmpty())
        object.insert(QStringLiteral("i"), in);
    if (!comment.isEmpty())
        object.insert(QStringLiteral("c"), comment);
    return object;
}

Result<Statement> Statement::fromJson(const QJsonObject &object)
{
    const auto bad = [](const QString &why) {
        return makeError(ErrorCode::Parse, Tr::tr("The decision cannot be read: %1.").arg(why));
    };
    if (object.value(QStringLiteral("v")).toInt() != 1)
        return bad(Tr::tr("unknown format version"));
    static const QStringList known {QStringLiteral("v"), QStringLiteral("e"), QStringLiteral("r"), QStringLiteral("g"),
        QStringLiteral("d"), QStringLiteral("t"), QStringLiteral("s"), QStringLiteral("n"), QStringLiteral("i"),
        QStringLiteral("c")};
    for (const QString &key : object.keys()) {
        if (!known.contains(key))
            return bad(Tr::tr("unknown field \"%1\"").arg(key));
    }
    Statement statement;
    statement.environment = object.value(QStringLiteral("e")).toString();
    statement.rolloutId = object.value(QStringLiteral("r")).toString();
    statement.gate = object.value(QStringLiteral("g")).toString();
    const auto decision = decisionFromString(object.value(QStringLiteral("d")).toString());
    if (!decision)
        return bad(Tr::tr("unknown decision"));
    statement.decision = *decision;
    statement.time = QDateTime::fromSecsSinceEpoch(object.value(QStringLiteral("t")).toInteger(), Qt::UTC);
    statement.signer = object.value(QStringLiteral("s")).toString();
    statement.nonce = object.value(QStringLiteral("n")).toString();
    statement.comment = object.value(QStringLiteral("c")).toString();
    const QJsonObject in = object.value(QStringLiteral("i")).toObject();
    for (auto it = in.begin(); it != in.end(); ++it)
        statement.inputs.insert(it.key(), it.value().toString());
    if (statement.environment.isEmpty() || statement.rolloutId.isEmpty() || statement.gate.isEmpty()
        || statement.signer.isEmpty() || statement.nonce.size() < 16)
        return bad(Tr::tr("a required field is missing"));
    return statement;
}

QByteArray Statement::signingInput() const
{
    return "greenlight-statement-v1\n" + canonicalJson(toJson());
}

QString Statement::newNonce()
{
    QByteArray bytes(12, '\0');
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace gl
