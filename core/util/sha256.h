#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace gl {

// SHA-256 through OpenSSL EVP, with the digest fetched once and a context reused between calls, so that
// hashing a million short audit entries costs little more than the compression function itself.
// Not thread-safe: one instance per thread.
class Sha256 final {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    // The 32-byte digest of `data`.
    [[nodiscard]] QByteArray digest(QByteArrayView data);
    // The digest as 64 lowercase hex characters.
    [[nodiscard]] QByteArray hexDigest(QByteArrayView data);

    // One-shot conveniences.
    [[nodiscard]] static QByteArray hash(QByteArrayView data);
    [[nodiscard]] static QByteArray hexHash(QByteArrayView data);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace gl
