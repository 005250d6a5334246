#include "signedstatement.h"

#include "util/canonicaljson.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::Approvals)
};

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
const QByteArray kDomain("greenlight-statement-v1\n");

Error refused(const QString &why)
{
    return makeError(ErrorCode::PermissionDenied, why);
}

} // namespace

SignedStatement::SignedStatement(Statement statement, QByteArray signature)
    : m_statement(std::move(statement))
    , m_signature(std::move(signature))
{ }

Result<SignedStatement> SignedStatement::sign(const Statement &statement, const SigningKey &key)
{
    const Result<QByteArray> signature = key.sign(statement.signingInput());
    if (!signature)
        return signature.error();
    SignedStatement signedStatement(statement, *signature);
    signedStatement.m_payload = canonicalJson(statement.toJson());
    return signedStatement;
}

QString SignedStatement::toToken() const
{
    const QByteArray payload = m_payload.isEmpty() ? canonicalJson(m_statement.toJson()) : m_payload;
    return QLatin1String(kTokenPrefix) + u'.' + QString::fromLatin1(payload.toBase64(kBase64Url)) + u'.'
        + QString::fromLatin1(m_signature.toBase64(kBase64Url));
}

Result<SignedStatement> SignedStatement::fromToken(const QString &token)
{
    const QStringList parts = token.trimmed().split(u'.');
    if (parts.size() != 3 || parts.at(0) != QLatin1String(kTokenPrefix))
        return makeError(
            ErrorCode::Parse, Tr::tr("This is not a Greenlight decision token (it should start with glt1.)."));
    const auto payload = QByteArray::fromBase64Encoding(
        parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    const auto signature = QByteArray::fromBase64Encoding(
        parts.at(2).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!payload || !signature)
        return makeError(
            ErrorCode::Parse, Tr::tr("The decision token is damaged (not base64url); copy it again in one piece."));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*payload, &error);
    if (!document.isObject())
        return makeError(ErrorCode::Parse, Tr::tr("The decision token is damaged; copy it again in one piece."),
            error.errorString());
    Result<Statement> statement = Statement::fromJson(document.object());
    if (!statement)
        return statement.error();
    SignedStatement parsed(std::move(statement).value(), *signature);
    parsed.m_payload = *payload;
    return parsed;
}

Result<Identity> SignedStatement::verify(
    const QList<Identity> &approvers, const QString &environment, const QString &rolloutId) const
{
    const std::optional<Identity> signer = findIdentity(approvers, m_statement.signer);
    if (!signer || signer->publicKey.isNull())
        return refused(Tr::tr("Refused: the decision is signed as \"%1\", who is not in this environment's approvers "
                              "list (unknown key).")
                           .arg(m_statement.signer));
    // The signature covers the canonical form: a token whose payload is not canonical was not made by Greenlight.
    const QByteArray canonical = canonicalJson(m_statement.toJson());
    if ((!m_payload.isEmpty() && m_payload != canonical)
        || !signer->publicKey.verify(QByteArray(kDomain + canonical), m_signature))
        return refused(Tr::tr("Refused: the signature does not match %1's key (%2). The decision was altered or "
                              "signed with another key.")
                           .arg(m_statement.signer, signer->publicKey.fingerprint()));
    if (m_statement.environment != environment)
        return refused(Tr::tr("Refused: the decision is for environment \"%1\", not \"%2\".")
                           .arg(m_statement.environment, environment));
    if (!rolloutId.isEmpty() && m_statement.rolloutId != rolloutId)
        return refused(Tr::tr("Refused: the decision is for rollout %1, not rollout %2 (a decision cannot be "
                              "replayed for another rollout).")
                           .arg(m_statement.rolloutId, rolloutId));
    return *signer;
}

} // namespace gl
