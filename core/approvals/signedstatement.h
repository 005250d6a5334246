#pragma once

#include "approvals/statement.h"
#include "identity/identity.h"
#include "identity/signingkey.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace gl {

// A Statement and its Ed25519 signature. As text it is a token, short enough to paste into a chat:
//   glt1.<base64url of the canonical JSON payload>.<base64url of the 64-byte signature>
class SignedStatement final {
public:
    static constexpr const char *kTokenPrefix = "glt1";

    SignedStatement() = default;
    SignedStatement(Statement statement, QByteArray signature);

    [[nodiscard]] static Result<SignedStatement> sign(const Statement &statement, const SigningKey &key);
    // Parses a token. Says nothing about the signature: call verify().
    [[nodiscard]] static Result<SignedStatement> fromToken(const QString &token);

    [[nodiscard]] const Statement &statement() const { return m_statement; }
    [[nodiscard]] QByteArray signature() const { return m_signature; }
    [[nodiscard]] QString toToken() const;

    // Checks the statement before it is shown or acted on: the signer is in `approvers`, the signature is
    // theirs, and it is about `environment` and (when non-empty) `rolloutId`. Returns the signer's identity,
    // or a PermissionDenied error saying plainly why it is refused.
    [[nodiscard]] Result<Identity> verify(
        const QList<Identity> &approvers, const QString &environment, const QString &rolloutId) const;

private:
    Statement m_statement;
    QByteArray m_signature;
    QByteArray m_payload; // the exact payload bytes of a parsed token
};

} // namespace gl
