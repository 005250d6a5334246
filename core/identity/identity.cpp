#include "identity.h"

namespace gl {

std::optional<Identity> findIdentity(const QList<Identity> &identities, const QString &person)
{
    for (const Identity &identity : identities) {
        if (identity.person == person)
            return identity;
    }
    return std::nullopt;
}

QString currentPerson()
{
    QString person = qEnvironmentVariable("GREENLIGHT_PERSON").trimmed();
    if (person.isEmpty())
        person = qEnvironmentVariable("USER").trimmed();
    if (person.isEmpty())
        person = qEnvironmentVariable("LOGNAME").trimmed();
    return person;
}

} // namespace gl
