#include "signingkey.h"

#include <QCoreApplication>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>

namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::Identity)
};

constexpr std::size_t kKeySize = 32;

QString opensslError()
{
    char buffer[256] = {};
    ERR_error_string_n(ERR_get_error(), buffer, sizeof buffer);
    return QString::fromLatin1(buffer);
}

} // namespace

struct SigningKey::Key {
    EVP_PKEY *pkey = nullptr;
    ~Key() { EVP_PKEY_free(pkey); }
};

namespace {

Result<PublicKey> publicOf(EVP_PKEY *pkey)
{
    QByteArray raw(int(kKeySize), '\0');
    std::size_t length = kKeySize;
    if (EVP_PKEY_get_raw_public_key(pkey, reinterpret_cast<unsigned char *>(raw.data()), &length) != 1
        || length != kKeySize)
        return makeError(ErrorCode::Unknown, Tr::tr("Could not read the public half of the key."), opensslError());
    return PublicKey::fromRaw(raw);
}

} // namespace

Result<SigningKey> SigningKey::generate()
{
    EVP_PKEY *pkey = nullptr;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr);
    const bool ok = ctx && EVP_PKEY_keygen_init(ctx) == 1 && EVP_PKEY_keygen(ctx, &pkey) == 1;
    EVP_PKEY_CTX_free(ctx);
    if (!ok || !pkey)
        return makeError(ErrorCode::Unknown, Tr::tr("Could not create an Ed25519 key pair."), opensslError());
    SigningKey key;
    key.m_key = std::make_shared<Key>();
    key.m_key->pkey = pkey;
    const Result<PublicKey> pub = publicOf(pkey);
    if (!pub)
        return pub.error();
    key.m_public = *pub;
    return key;
}

Result<SigningKey> SigningKey::fromRawPrivate(QByteArrayView raw)
{
    if (std::size_t(raw.size()) != kKeySize)
        return makeError(ErrorCode::Corrupt,
            Tr::tr("The stored private key is damaged: expected 32 bytes, got %1.").arg(raw.size()));
    EVP_PKEY *pkey = EVP_PKEY_new_raw_private_key(
        EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(raw.data()), kKeySize);
    if (!pkey)
        return makeError(ErrorCode::Corrupt, Tr::tr("The stored private key is damaged."), opensslError());
    SigningKey key;
    key.m_key = std::make_shared<Key>();
    key.m_key->pkey = pkey;
    const Result<PublicKey> pub = publicOf(pkey);
    if (!pub)
        return pub.error();
    key.m_public = *pub;
    return key;
}

QByteArray SigningKey::rawPrivate() const
{
    if (!m_key)
        return {};
    QByteArray raw(int(kKeySize), '\0');
    std::size_t length = kKeySize;
    if (EVP_PKEY_get_raw_private_key(m_key->pkey, reinterpret_cast<unsigned char *>(raw.data()), &length) != 1)
        return {};
    return raw;
}

Result<QByteArray> SigningKey::sign(QByteArrayView message) const
{
    if (!m_key)
        return makeError(ErrorCode::InvalidArgument, Tr::tr("No signing key is loaded."));
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    QByteArray signature(64, '\0');
    std::size_t length = std::size_t(signature.size());
    const bool ok = ctx && EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, m_key->pkey) == 1
        && EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(signature.data()), &length,
               reinterpret_cast<const unsigned char *>(message.data()), std::size_t(message.size()))
            == 1;
    EVP_MD_CTX_free(ctx);
    if (!ok || length != 64)
        return makeError(ErrorCode::Unknown, Tr::tr("Could not sign with the Ed25519 key."), opensslError());
    return signature;
}

} // namespace gl
