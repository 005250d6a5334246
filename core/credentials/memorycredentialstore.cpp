#include "memorycredentialstore.h"

#include "util/logging.h"

#include <functional>

namespace gl {
namespace {

class MemoryCredentialJob final : public CredentialJob {
public:
    MemoryCredentialJob(
        Operation operation, const QString &key, std::function<Result<QByteArray>()> work, QObject *parent)
        : CredentialJob(operation, key, parent)
        , m_work(std::move(work))
    { }

protected:
    void doStart() override { finish(m_work()); }

private:
    std::function<Result<QByteArray>()> m_work;
};

// Overwrites a secret's bytes before its memory is released (best effort: only this copy).
void wipe(QByteArray &secret)
{
    if (!secret.isEmpty())
        secret.fill('\0');
    secret.clear();
}

} // namespace

MemoryCredentialStore::MemoryCredentialStore(QObject *parent)
    : CredentialStore(parent)
{ }

MemoryCredentialStore::~MemoryCredentialStore()
{
    for (QByteArray &secret : m_secrets)
        wipe(secret);
}

CredentialJob *MemoryCredentialStore::read(const QString &key)
{
    return makeJob(CredentialJob::Operation::Read, key, {});
}

CredentialJob *MemoryCredentialStore::write(const QString &key, const QByteArray &secret)
{
    return makeJob(CredentialJob::Operation::Write, key, secret);
}

CredentialJob *MemoryCredentialStore::remove(const QString &key)
{
    return makeJob(CredentialJob::Operation::Remove, key, {});
}

CredentialJob *MemoryCredentialStore::makeJob(
    CredentialJob::Operation operation, const QString &key, const QByteArray &secret)
{
    // The job runs on this store's data; it is a child of the store, so it cannot outlive it.
    std::function<Result<QByteArray>()> work;
    switch (operation) {
    case CredentialJob::Operation::Read:
        work = [this, key]() -> Result<QByteArray> {
            const auto found = m_secrets.constFind(key);
            if (found == m_secrets.constEnd())
                return notFoundError(key);
            return *found;
        };
        break;
    case CredentialJob::Operation::Write:
        work = [this, key, secret]() -> Result<QByteArray> {
            qCDebug(lcCredentials) << "Keeping the secret for" << key << "in memory";
            QByteArray copy = secret;
            copy.detach();
            if (const auto existing = m_secrets.find(key); existing != m_secrets.end())
                wipe(*existing);
            m_secrets.insert(key, copy);
            return QByteArray();
        };
        break;
    case CredentialJob::Operation::Remove:
        work = [this, key]() -> Result<QByteArray> {
            if (const auto existing = m_secrets.find(key); existing != m_secrets.end()) {
                wipe(*existing);
                m_secrets.erase(existing);
            }
            return QByteArray();
        };
        break;
    }
    return new MemoryCredentialJob(operation, key, std::move(work), this);
}

} // namespace gl
