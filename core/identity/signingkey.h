#pragma once

#include "identity/publickey.h"
#include "util/result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace gl {

// An Ed25519 private key held in memory (OpenSSL EVP_PKEY_ED25519). It is created by generate() or read
// back from the keychain (IdentityStore); its raw bytes leave the process only towards the keychain.
// Copies share the same OpenSSL key.
class SigningKey final {
public:
    SigningKey() = default;

    [[nodiscard]] static Result<SigningKey> generate();
    // From the 32-byte raw private key (what the keychain holds).
    [[nodiscard]] static Result<SigningKey> fromRawPrivate(QByteArrayView raw);

    [[nodiscard]] bool isNull() const { return !m_key; }
    [[nodiscard]] PublicKey publicKey() const { return m_public; }
    // The 32 raw private bytes, for the keychain only. Never log or print them.
    [[nodiscard]] QByteArray rawPrivate() const;

    // The 64-byte Ed25519 signature of `message`.
    [[nodiscard]] Result<QByteArray> sign(QByteArrayView message) const;

private:
    struct Key;
    std::shared_ptr<Key> m_key;
    PublicKey m_public;
};

} // namespace gl
