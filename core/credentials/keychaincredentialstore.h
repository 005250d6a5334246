#pragma once

#include "credentials/credentialstore.h"

namespace gl {

// Secrets in the OS keychain through QtKeychain: the Secret Service (GNOME Keyring, KeePassXC, ...) or KWallet
// on Linux. Never falls back to a plain-text file (QtKeychain's insecure fallback is off). Errors:
// NotFound for a missing entry; Unavailable when no keychain answers (no Secret Service on D-Bus, no D-Bus,
// a locked collection); PermissionDenied when the user refuses access; Io for anything else.
class KeychainCredentialStore final : public CredentialStore {
    Q_OBJECT

public:
    explicit KeychainCredentialStore(QObject *parent = nullptr);
    // Files secrets under `service` instead of kServiceName (for tests).
    explicit KeychainCredentialStore(const QString &service, QObject *parent = nullptr);
    ~KeychainCredentialStore() override;

    [[nodiscard]] QString service() const { return m_service; }

    [[nodiscard]] CredentialJob *read(const QString &key) override;
    [[nodiscard]] CredentialJob *write(const QString &key, const QByteArray &secret) override;
    [[nodiscard]] CredentialJob *remove(const QString &key) override;

private:
    QString m_service;
};

} // namespace gl
