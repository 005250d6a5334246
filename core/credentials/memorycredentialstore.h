#pragma once

#include "credentials/credentialstore.h"

#include <QHash>

namespace gl {

// Keeps secrets in this process's memory only: gone when the store is destroyed or the program ends.
// Used when no keychain is reachable, and by tests that do not need a real keychain.
class MemoryCredentialStore final : public CredentialStore {
    Q_OBJECT

public:
    explicit MemoryCredentialStore(QObject *parent = nullptr);
    ~MemoryCredentialStore() override;

    [[nodiscard]] CredentialJob *read(const QString &key) override;
    [[nodiscard]] CredentialJob *write(const QString &key, const QByteArray &secret) override;
    [[nodiscard]] CredentialJob *remove(const QString &key) override;

    [[nodiscard]] bool contains(const QString &key) const { return m_secrets.contains(key); }

private:
    CredentialJob *makeJob(CredentialJob::Operation operation, const QString &key, const QByteArray &secret);

    QHash<QString, QByteArray> m_secrets;
};

} // namespace gl
