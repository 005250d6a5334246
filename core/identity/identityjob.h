#pragma once

#include "identity/signingkey.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace gl {

class CredentialStore;

// Loads an Ed25519 private key from the keychain (CredentialStore), creating and storing a new key pair
// first when there is none and the job was asked to. Create it through IdentityStore::load, connect to
// finished(), then start(). finished() is emitted exactly once, never from inside start(); the job deletes
// itself afterwards. The private key never leaves the process except towards the keychain.
class IdentityJob final : public QObject {
    Q_OBJECT

public:
    IdentityJob(CredentialStore *store, QString keyName, bool createIfMissing, QObject *parent = nullptr);

    [[nodiscard]] QString keyName() const { return m_keyName; }
    // True when finished() carried a key created by this job (the user should add its public key to the
    // approvers list).
    [[nodiscard]] bool created() const { return m_created; }

    void start();

signals:
    void finished(const gl::Result<gl::SigningKey> &result);

private:
    void finish(const Result<SigningKey> &result);
    void storeNew();

    QPointer<CredentialStore> m_store;
    QString m_keyName;
    bool m_createIfMissing = false;
    bool m_started = false;
    bool m_finished = false;
    bool m_created = false;
};

} // namespace gl
