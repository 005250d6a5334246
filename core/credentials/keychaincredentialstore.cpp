#include "keychaincredentialstore.h"

#include "util/logging.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

namespace gl {
namespace {

// The translation context of this file's messages; lupdate reads it from Q_DECLARE_TR_FUNCTIONS.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::KeychainCredentialStore)
};

const char *operationName(CredentialJob::Operation operation)
{
    switch (operation) {
    case CredentialJob::Operation::Read:
        return "read";
    case CredentialJob::Operation::Write:
        return "write";
    case CredentialJob::Operation::Remove:
        return "remove";
    }
    return "?";
}

// QtKeychain reports transport failures (no session bus, no Secret Service on it) as OtherError with the
// D-Bus or GIO message as text.
bool looksLikeTransportFailure(const QString &errorString)
{
    static const QStringList markers {QStringLiteral("dbus"), QStringLiteral("d-bus"),
        QStringLiteral("org.freedesktop"), QStringLiteral("could not connect"), QStringLiteral("cannot autolaunch"),
        QStringLiteral("not provided by any .service"), QStringLiteral("secret service"),
        QStringLiteral("no such interface"), QStringLiteral("unknown method"), QStringLiteral("connection closed"),
        QStringLiteral("no reply"), QStringLiteral("not connected")};
    const QString lower = errorString.toLower();
    for (const QString &marker : markers) {
        if (lower.contains(marker))
            return true;
    }
    return false;
}

Error unavailable(const QString &reason, const QString &detail)
{
    return makeError(ErrorCode::Unavailable, Tr::tr("No keychain is reachable (%1).").arg(reason), detail);
}

// The gl::Error for a failed QtKeychain job. `detail` keeps QtKeychain's own text for the log; it names the
// key at most, never the secret.
Error mapError(
    QKeychain::Error error, const QString &errorString, const QString &key, CredentialJob::Operation operation)
{
    const QString detail = QStringLiteral("QKeychain error %1: %2").arg(int(error)).arg(errorString);
    switch (error) {
    case QKeychain::EntryNotFound: {
        Error notFound = CredentialStore::notFoundError(key);
        notFound.detail = detail;
        return notFound;
    }
    case QKeychain::AccessDeniedByUser:
        return makeError(ErrorCode::PermissionDenied, Tr::tr("Access to the keychain was refused."), detail);
    case QKeychain::AccessDenied:
        return unavailable(Tr::tr("the keychain is locked or refused access"), detail);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return unavailable(Tr::tr("no keychain service is running"), detail);
    case QKeychain::OtherError: {
        // A Secret Service that runs but cannot hold secrets (a locked collection, or no default collection, as
        // when gnome-keyring was started by D-Bus activation without a login keyring) is as good as none.
        const QString lower = errorString.toLower();
        if (lower.contains(u"locked"))
            return unavailable(Tr::tr("the keychain is locked"), detail);
        if (lower.contains(u"object does not exist") || lower.contains(u"no such object"))
            return unavailable(Tr::tr("the keychain has no collection to keep secrets in"), detail);
        if (looksLikeTransportFailure(errorString))
            return unavailable(Tr::tr("the keychain service could not be reached over D-Bus"), detail);
        break;
    }
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NoError:
        break;
    }
    switch (operation) {
    case CredentialJob::Operation::Read:
        return makeError(ErrorCode::Io, Tr::tr("The keychain could not read the secret for %1.").arg(key), detail);
    case CredentialJob::Operation::Write:
        return makeError(ErrorCode::Io, Tr::tr("The keychain could not store the secret for %1.").arg(key), detail);
    case CredentialJob::Operation::Remove:
        break;
    }
    return makeError(ErrorCode::Io, Tr::tr("The keychain could not remove the secret for %1.").arg(key), detail);
}

class KeychainCredentialJob final : public CredentialJob {
public:
    KeychainCredentialJob(
        Operation operation, const QString &key, QByteArray secret, const QString &service, QObject *parent)
        : CredentialJob(operation, key, parent)
        , m_service(service)
        , m_secret(std::move(secret))
    { }

protected:
    void doStart() override
    {
        // The QtKeychain job is not a child of this one: if this job times out and is deleted, the keychain
        // job still runs to its end and deletes itself (auto-delete); its late answer is dropped because the
        // connection dies with this job.
        QKeychain::Job *job = nullptr;
        switch (operation()) {
        case Operation::Read:
            job = new QKeychain::ReadPasswordJob(m_service);
            break;
        case Operation::Write: {
            auto *writeJob = new QKeychain::WritePasswordJob(m_service);
            writeJob->setBinaryData(m_secret);
            m_secret.clear();
            job = writeJob;
            break;
        }
        case Operation::Remove:
            job = new QKeychain::DeletePasswordJob(m_service);
            break;
        }
        job->setKey(key());
        job->setInsecureFallback(false);
        job->setAutoDelete(true);
        connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *done) { onFinished(done); });
        qCDebug(lcCredentials) << "Keychain" << operationName(operation()) << "for" << key() << "in" << m_service;
        job->start();
    }

private:
    void onFinished(QKeychain::Job *done)
    {
        if (done->error() == QKeychain::NoError) {
            qCDebug(lcCredentials) << "Keychain" << operationName(operation()) << "for" << key() << "done";
            if (operation() == Operation::Read)
                finish(static_cast<QKeychain::ReadPasswordJob *>(done)->binaryData());
            else
                finish(QByteArray());
            return;
        }
        const Error error = mapError(done->error(), done->errorString(), key(), operation());
        if (error.code == ErrorCode::NotFound)
            qCDebug(lcCredentials) << "Keychain has no entry for" << key();
        else
            qCWarning(lcCredentials) << "Keychain" << operationName(operation()) << "for" << key()
                                     << "failed:" << error.detail;
        finish(error);
    }

    QString m_service;
    QByteArray m_secret;
};

} // namespace

KeychainCredentialStore::KeychainCredentialStore(QObject *parent)
    : KeychainCredentialStore(QString::fromLatin1(kServiceName), parent)
{ }

KeychainCredentialStore::KeychainCredentialStore(const QString &service, QObject *parent)
    : CredentialStore(parent)
    , m_service(service)
{ }

KeychainCredentialStore::~KeychainCredentialStore() = default;

CredentialJob *KeychainCredentialStore::read(const QString &key)
{
    return new KeychainCredentialJob(CredentialJob::Operation::Read, key, {}, m_service, this);
}

CredentialJob *KeychainCredentialStore::write(const QString &key, const QByteArray &secret)
{
    return new KeychainCredentialJob(CredentialJob::Operation::Write, key, secret, m_service, this);
}

CredentialJob *KeychainCredentialStore::remove(const QString &key)
{
    return new KeychainCredentialJob(CredentialJob::Operation::Remove, key, {}, m_service, this);
}

} // namespace gl
