#include "publickey.h"

#include "util/sha256.h"

#include <QCoreApplication>

#include <openssl/evp.h>

namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::Identity)
};

constexpr int kKeySize = 32;
constexpr int kSignatureSize = 64;
const QString kPrefix = QStringLiteral("ed25519:");

} // namespace

Result<PublicKey> PublicKey::fromRaw(const QByteArray &raw)
{
    if (raw.size() != kKeySize)
        return makeError(ErrorCode::InvalidArgument,
            Tr::tr("Not an Ed25519 public key: expected 32 bytes, got %1.").arg(raw.size()));
    PublicKey key;
    key.m_raw = raw;
    return key;
}

Result<PublicKey> PublicKey::fromBase64(const QString &text)
{
    QString body = text.trimmed();
    if (body.startsWith(kPrefix))
        body = body.mid(kPrefix.size());
    const auto decoded = QByteArray::fromBase64Encoding(body.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || body.isEmpty())
        return makeError(ErrorCode::InvalidArgument, Tr::tr("Not an Ed25519 public key: the text is not base64."));
    return fromRaw(*decoded);
}

QString PublicKey::toString() const
{
    return kPrefix + QString::fromLatin1(m_raw.toBase64());
}

QString PublicKey::fingerprint() const
{
    return QString::fromLatin1(Sha256::hash(m_raw).left(8).toHex());
}

bool PublicKey::verify(QByteArrayView message, QByteArrayView signature) const
{
    if (m_raw.size() != kKeySize || signature.size() != kSignatureSize)
        return false;
    EVP_PKEY *key = EVP_PKEY_new_raw_public_key(
        EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(m_raw.constData()), std::size_t(kKeySize));
    if (!key)
        return false;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    bool valid = false;
    if (ctx && EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, key) == 1)
        valid = EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(signature.data()),
                    std::size_t(signature.size()), reinterpret_cast<const unsigned char *>(message.data()),
                    std::size_t(message.size()))
            == 1;
    EVP_MD_CTX_free(ctx);
    EVP_PKEY_free(key);
    return valid;
}

} // namespace gl
