#pragma once

#include "credentials/credentialjob.h"
#include "util/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

namespace gl {

// Where secrets (API tokens, passwords) live: the OS keychain, never a settings file, database or log.
// Keys name a secret ("prometheus/<environment>"); they are not secret and may appear in logs.
//
// Each call returns a new, not yet started job owned by the store until it finishes and deletes itself.
// Removing a key that holds nothing succeeds.
class CredentialStore : public QObject {
    Q_OBJECT

public:
    // The service name secrets are filed under in the keychain.
    static constexpr const char *kServiceName = "greenlight";

    using QObject::QObject;

    [[nodiscard]] virtual CredentialJob *read(const QString &key) = 0;
    [[nodiscard]] virtual CredentialJob *write(const QString &key, const QByteArray &secret) = 0;
    [[nodiscard]] virtual CredentialJob *remove(const QString &key) = 0;

    // The error every store reports for a key that holds no secret.
    [[nodiscard]] static Error notFoundError(const QString &key)
    {
        return makeError(ErrorCode::NotFound, tr("No secret is stored for %1.").arg(key));
    }
};

} // namespace gl
