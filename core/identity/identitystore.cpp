#include "identitystore.h"

#include "credentials/credentialstore.h"

namespace gl {

IdentityStore::IdentityStore(CredentialStore *credentials, QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
{ }

QString IdentityStore::personKeyName(const QString &person)
{
    return u"identity/ed25519/" + person;
}

QString IdentityStore::auditKeyName()
{
    return QStringLiteral("audit/ed25519/installation");
}

IdentityJob *IdentityStore::load(const QString &keyName, bool createIfMissing)
{
    return new IdentityJob(m_credentials, keyName, createIfMissing, this);
}

} // namespace gl
