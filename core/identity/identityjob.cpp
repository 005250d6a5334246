#include "identityjob.h"

#include "credentials/credentialjob.h"
#include "credentials/credentialstore.h"
#include "util/logging.h"

#include <QTimer>

namespace gl {

IdentityJob::IdentityJob(CredentialStore *store, QString keyName, bool createIfMissing, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_keyName(std::move(keyName))
    , m_createIfMissing(createIfMissing)
{ }

void IdentityJob::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_store) {
        QTimer::singleShot(0, this, [this] {
            finish(makeError(ErrorCode::Unavailable, tr("No keychain is available to hold the private key.")));
        });
        return;
    }
    CredentialJob *read = m_store->read(m_keyName);
    connect(read, &CredentialJob::finished, this, [this](const Result<QByteArray> &secret) {
        if (secret.ok()) {
            const auto raw = QByteArray::fromBase64Encoding(*secret, QByteArray::AbortOnBase64DecodingErrors);
            if (!raw) {
                finish(makeError(
                    ErrorCode::Corrupt, tr("The private key in the keychain (%1) is damaged.").arg(m_keyName)));
                return;
            }
            finish(SigningKey::fromRawPrivate(*raw));
            return;
        }
        if (secret.error().code == ErrorCode::NotFound && m_createIfMissing) {
            storeNew();
            return;
        }
        finish(secret.error());
    });
    read->start();
}

void IdentityJob::storeNew()
{
    Result<SigningKey> key = SigningKey::generate();
    if (!key) {
        finish(key.error());
        return;
    }
    CredentialJob *write = m_store->write(m_keyName, key->rawPrivate().toBase64());
    connect(write, &CredentialJob::finished, this, [this, key](const Result<QByteArray> &written) {
        if (!written) {
            finish(makeError(written.error().code,
                tr("A new key pair was created but the keychain refused to keep it: %1").arg(written.error().message),
                written.error().detail));
            return;
        }
        qCInfo(lcCredentials) << "Created a new Ed25519 key pair for" << m_keyName;
        m_created = true;
        finish(key);
    });
    write->start();
}

void IdentityJob::finish(const Result<SigningKey> &result)
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(result);
    deleteLater();
}

} // namespace gl
