#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace gl {

// An Ed25519 public key (32 bytes). Written in environment files and checkpoints as standard base64
// ("ed25519:" prefix optional on input). Verification is OpenSSL's EVP_DigestVerify (pure Ed25519).
class PublicKey final {
public:
    PublicKey() = default;

    // Parses base64 of 32 raw bytes, with or without the "ed25519:" prefix.
    [[nodiscard]] static Result<PublicKey> fromBase64(const QString &text);
    [[nodiscard]] static Result<PublicKey> fromRaw(const QByteArray &raw);

    [[nodiscard]] bool isNull() const { return m_raw.isEmpty(); }
    [[nodiscard]] QByteArray raw() const { return m_raw; }
    // "ed25519:<base64>": what the approvers list holds.
    [[nodiscard]] QString toString() const;
    // A short, stable name for messages: the first 8 bytes of SHA-256 of the key, in hex.
    [[nodiscard]] QString fingerprint() const;

    // True when `signature` is a valid Ed25519 signature of `message` by this key.
    [[nodiscard]] bool verify(QByteArrayView message, QByteArrayView signature) const;

    friend bool operator==(const PublicKey &, const PublicKey &) = default;

private:
    QByteArray m_raw;
};

} // namespace gl
