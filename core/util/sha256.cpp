#include "sha256.h"

#include <openssl/evp.h>

namespace gl {

struct Sha256::State {
    EVP_MD *md = nullptr;
    EVP_MD_CTX *ctx = nullptr;
    ~State()
    {
        EVP_MD_CTX_free(ctx);
        EVP_MD_free(md);
    }
};

Sha256::Sha256()
    : m_state(std::make_unique<State>())
{
    m_state->md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    m_state->ctx = EVP_MD_CTX_new();
}

Sha256::~Sha256() = default;

QByteArray Sha256::digest(QByteArrayView data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    // A failure here means OpenSSL itself is broken (no SHA-256 provider); an empty digest never matches.
    if (!m_state->md || !m_state->ctx || EVP_DigestInit_ex2(m_state->ctx, m_state->md, nullptr) != 1
        || EVP_DigestUpdate(m_state->ctx, data.data(), std::size_t(data.size())) != 1
        || EVP_DigestFinal_ex(m_state->ctx, out, &length) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(out), int(length));
}

QByteArray Sha256::hexDigest(QByteArrayView data)
{
    return digest(data).toHex();
}

QByteArray Sha256::hash(QByteArrayView data)
{
    return Sha256().digest(data);
}

QByteArray Sha256::hexHash(QByteArrayView data)
{
    return Sha256().hexDigest(data);
}

} // namespace gl
