#pragma once

#include "identity/publickey.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gl {

// A person who may sign decisions: their name, the approver groups they belong to and their Ed25519 public
// key, as the environment file's `approvers:` list names them.
struct Identity {
    QString person;
    QStringList groups;
    PublicKey publicKey;
};

// The identity in `identities` whose person is `person`.
[[nodiscard]] std::optional<Identity> findIdentity(const QList<Identity> &identities, const QString &person);

// Who is at the keyboard: $GREENLIGHT_PERSON, else the login name ($USER). Used to pick the key in the
// keychain and as the actor of audit entries; what a person may do is decided by the approvers list.
[[nodiscard]] QString currentPerson();

} // namespace gl
