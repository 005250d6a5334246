// Ed25519 identities: keys sign and verify; the private key is created once and kept in a real Secret Service
// (register with WRAPPER tests/support/with-keyring).
#include "credentials/keychaincredentialstore.h"
#include "identity/identitystore.h"
#include "identity/signingkey.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace gl;

namespace {

Result<SigningKey> run(IdentityJob *job)
{
    std::optional<Result<SigningKey>> result;
    QObject::connect(job, &IdentityJob::finished, job, [&](const Result<SigningKey> &r) { result = r; });
    QSignalSpy spy(job, &IdentityJob::finished);
    job->start();
    if (!result && !spy.wait(20000))
        return makeError(ErrorCode::Timeout, QStringLiteral("gave up waiting"));
    return *result;
}

} // namespace

class TestIdentity : public QObject {
    Q_OBJECT

private slots:
    // A signature verifies with its key only, and not after one byte of the message changes.
    void signAndVerify()
    {
        const SigningKey key = SigningKey::generate().value();
        const SigningKey other = SigningKey::generate().value();
        const QByteArray message("rollout 7 gate prod-approval approve");
        const QByteArray signature = key.sign(message).value();
        QCOMPARE(signature.size(), 64);
        QVERIFY(key.publicKey().verify(message, signature));
        QVERIFY(!other.publicKey().verify(message, signature));
        QByteArray altered = message;
        altered[0] = 'R';
        QVERIFY(!key.publicKey().verify(altered, signature));
        const Result<SigningKey> restored = SigningKey::fromRawPrivate(key.rawPrivate());
        QVERIFY(restored.ok());
        QCOMPARE(restored->publicKey(), key.publicKey());
        const Result<PublicKey> parsed = PublicKey::fromBase64(key.publicKey().toString());
        QVERIFY(parsed.ok());
        QCOMPARE(*parsed, key.publicKey());
        QVERIFY(!PublicKey::fromBase64(QStringLiteral("ed25519:AAAA")).ok());
    }

    // First use creates the key pair in the keychain; later loads return the same key; no silent creation.
    void keyLivesInKeychain()
    {
        KeychainCredentialStore keychain(
            QStringLiteral("greenlight-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
        IdentityStore store(&keychain);
        const QString name = IdentityStore::personKeyName(QStringLiteral("alice"));

        const Result<SigningKey> missing = run(store.load(name, false));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::NotFound);

        IdentityJob *createJob = store.load(name, true);
        QPointer<IdentityJob> guard(createJob);
        bool created = false;
        connect(createJob, &IdentityJob::finished, this, [&] { created = createJob->created(); });
        const Result<SigningKey> first = run(createJob);
        QVERIFY2(first.ok(), qPrintable(first ? QString() : first.error().toString()));
        QVERIFY(created);

        const Result<SigningKey> second = run(store.load(name, true));
        QVERIFY(second.ok());
        QCOMPARE(second->publicKey(), first->publicKey());
        QTRY_VERIFY(guard.isNull()); // the job deleted itself
    }
};

QTEST_GUILESS_MAIN(TestIdentity)
#include "tst_identity.moc"
