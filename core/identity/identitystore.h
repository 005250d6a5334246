#pragma once

#include "identity/identityjob.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace gl {

class CredentialStore;

// Where people's and the installation's Ed25519 private keys live: the OS keychain, through a
// CredentialStore (never a file, database, setting or log). Key names are not secret.
class IdentityStore final : public QObject {
    Q_OBJECT

public:
    explicit IdentityStore(CredentialStore *credentials, QObject *parent = nullptr);

    // The keychain entry of a person's signing key, and of the installation's audit checkpoint key.
    [[nodiscard]] static QString personKeyName(const QString &person);
    [[nodiscard]] static QString auditKeyName();

    // A new, not yet started job loading the key `keyName` (creating it when missing and asked to).
    [[nodiscard]] IdentityJob *load(const QString &keyName, bool createIfMissing);

private:
    QPointer<CredentialStore> m_credentials;
};

} // namespace gl
