#include "fallbackcredentialstore.h"

#include "credentials/keychaincredentialstore.h"
#include "credentials/memorycredentialstore.h"
#include "util/logging.h"

namespace gl {
namespace {

CredentialJob *createJob(
    CredentialStore *store, CredentialJob::Operation operation, const QString &key, const QByteArray &secret)
{
    switch (operation) {
    case CredentialJob::Operation::Read:
        return store->read(key);
    case CredentialJob::Operation::Write:
        return store->write(key, secret);
    case CredentialJob::Operation::Remove:
        break;
    }
    return store->remove(key);
}

class FallbackCredentialJob final : public CredentialJob {
public:
    FallbackCredentialJob(FallbackCredentialStore *store, Operation operation, const QString &key, QByteArray secret)
        : CredentialJob(operation, key, store)
        , m_store(store)
        , m_secret(std::move(secret))
    { }

protected:
    void doStart() override { run(m_store->activeStore(), true); }

private:
    void run(CredentialStore *store, bool mayFallBack)
    {
        CredentialJob *job = createJob(store, operation(), key(), m_secret);
        job->setTimeoutMs(timeoutMs());
        connect(job, &CredentialJob::finished, this, [this, mayFallBack](const Result<QByteArray> &result) {
            if (mayFallBack && !result.ok() && result.error().code == ErrorCode::Unavailable) {
                m_store->switchToMemory(result.error()); // only the first switch tells the user
                run(m_store->activeStore(), false);
                return;
            }
            m_secret.clear();
            finish(result);
        });
        job->start();
    }

    FallbackCredentialStore *m_store;
    QByteArray m_secret;
};

} // namespace

FallbackCredentialStore::FallbackCredentialStore(QObject *parent)
    : FallbackCredentialStore(new KeychainCredentialStore, parent)
{ }

FallbackCredentialStore::FallbackCredentialStore(CredentialStore *keychain, QObject *parent)
    : CredentialStore(parent)
    , m_keychain(keychain)
    , m_memory(new MemoryCredentialStore(this))
{
    m_keychain->setParent(this);
}

FallbackCredentialStore::~FallbackCredentialStore() = default;

CredentialStore *FallbackCredentialStore::activeStore() const
{
    return m_memoryOnly ? static_cast<CredentialStore *>(m_memory) : m_keychain;
}

void FallbackCredentialStore::switchToMemory(const Error &reason)
{
    if (m_memoryOnly)
        return;
    m_memoryOnly = true;
    m_unavailableMessage = reason.message + u' '
        + tr("Secrets are kept in memory for this run only and will be asked for again next time.");
    qCWarning(lcCredentials) << "Keychain unavailable; keeping secrets in memory for this run:" << reason.detail;
    emit keychainUnavailable(m_unavailableMessage);
}

CredentialJob *FallbackCredentialStore::read(const QString &key)
{
    return makeJob(CredentialJob::Operation::Read, key, {});
}

CredentialJob *FallbackCredentialStore::write(const QString &key, const QByteArray &secret)
{
    return makeJob(CredentialJob::Operation::Write, key, secret);
}

CredentialJob *FallbackCredentialStore::remove(const QString &key)
{
    return makeJob(CredentialJob::Operation::Remove, key, {});
}

CredentialJob *FallbackCredentialStore::makeJob(
    CredentialJob::Operation operation, const QString &key, const QByteArray &secret)
{
    return new FallbackCredentialJob(this, operation, key, secret);
}

} // namespace gl
