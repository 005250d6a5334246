#pragma once

#include "credentials/credentialstore.h"

namespace gl {

class MemoryCredentialStore;

// The store the app uses: the OS keychain while it answers; once it reports ErrorCode::Unavailable (no
// Secret Service, no D-Bus, locked collection), memory for the rest of the run. The job that met the
// unavailable keychain is retried against memory, so the caller sees success (or NotFound for a read).
// keychainUnavailable() is emitted once, with a plain message for the user.
class FallbackCredentialStore final : public CredentialStore {
    Q_OBJECT

public:
    // Uses a KeychainCredentialStore for kServiceName.
    explicit FallbackCredentialStore(QObject *parent = nullptr);
    // Uses `keychain` (taking ownership) as the primary store.
    explicit FallbackCredentialStore(CredentialStore *keychain, QObject *parent = nullptr);
    ~FallbackCredentialStore() override;

    [[nodiscard]] CredentialJob *read(const QString &key) override;
    [[nodiscard]] CredentialJob *write(const QString &key, const QByteArray &secret) override;
    [[nodiscard]] CredentialJob *remove(const QString &key) override;

    // True once the keychain was found unavailable: secrets then live in memory until the program ends.
    [[nodiscard]] bool usingMemoryOnly() const { return m_memoryOnly; }
    // The message keychainUnavailable() carried; empty while the keychain is in use.
    [[nodiscard]] QString unavailableMessage() const { return m_unavailableMessage; }

    // For the jobs: the store to use now, and the switch to memory.
    [[nodiscard]] CredentialStore *activeStore() const;
    void switchToMemory(const Error &reason);

signals:
    void keychainUnavailable(const QString &plainMessage);

private:
    CredentialJob *makeJob(CredentialJob::Operation operation, const QString &key, const QByteArray &secret);

    CredentialStore *m_keychain = nullptr;
    MemoryCredentialStore *m_memory = nullptr;
    bool m_memoryOnly = false;
    QString m_unavailableMessage;
};

} // namespace gl
