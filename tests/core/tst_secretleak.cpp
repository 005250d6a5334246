// Proves that a secret handed to the credential store reaches no file Greenlight writes: settings, the profile and
// state databases (with their -wal files) and the diagnostic log with debug output on. Runs against a real Secret
// Service through tests/support/with-keyring; HOME and the XDG folders point at a fresh temporary tree that is
// scanned byte for byte afterwards.
#include "credentials/fallbackcredentialstore.h"
#include "credentials/keychaincredentialstore.h"
#include "storage/profilestore.h"
#include "storage/statestore.h"
#include "util/logging.h"
#include "util/settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace gl;
using namespace Qt::StringLiterals;

namespace {

struct Folders {
    QString root;
    QString home;
    QString config;
    QString data;
    QString state;
    QString cache;
};

// A token-like secret nobody else could have written: printable, so a leak into a text file or log shows verbatim.
QByteArray uniqueSecret()
{
    QByteArray random(24, '\0');
    for (char &byte : random)
        byte = char(QRandomGenerator::system()->bounded(256));
    return "glleak_" + random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// Every form the secret could take in a file: raw, UTF-16, hex, and base64 (standard and URL-safe) at each of the
// three alignments it could have inside a larger encoded blob.
QList<QByteArray> encodingsOf(const QByteArray &secret)
{
    QList<QByteArray> needles {secret, secret.toHex(), secret.toHex().toUpper()};
    QByteArray utf16;
    for (const char byte : secret)
        utf16.append(byte).append('\0');
    needles << utf16;
    for (int offset = 0; offset < 3; ++offset) {
        for (const auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
            const QByteArray encoded = QByteArray(QByteArray(offset, 'x') + secret).toBase64(options);
            // Drop the characters that also depend on the bytes around the secret.
            const int skip = offset == 0 ? 0 : 4;
            needles << encoded.mid(skip, encoded.size() - skip - 4);
        }
    }
    return needles;
}

// Every regular file under `root` (hidden ones included) whose bytes contain one of `needles`.
QStringList filesContaining(const QString &root, const QList<QByteArray> &needles, QStringList *scanned)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            hits << path + u" (unreadable)";
            continue;
        }
        const QByteArray bytes = file.readAll();
        if (scanned)
            *scanned << path;
        for (const QByteArray &needle : needles) {
            if (bytes.contains(needle)) {
                hits << path;
                break;
            }
        }
    }
    hits.sort();
    return hits;
}

Result<QByteArray> finishOf(CredentialJob *job)
{
    std::optional<Result<QByteArray>> result;
    QObject::connect(job, &CredentialJob::finished, job, [&](const Result<QByteArray> &r) { result = r; });
    QSignalSpy spy(job, &CredentialJob::finished);
    job->start();
    if (!result && !spy.wait(20000))
        return makeError(ErrorCode::Timeout, QStringLiteral("the test gave up waiting for the job"));
    return *result;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestSecretLeak : public QObject {
    Q_OBJECT

public:
    explicit TestSecretLeak(Folders folders)
        : m_folders(std::move(folders))
    { }

private slots:
    void initTestCase();
    void cleanupTestCase();
    // The scan finds the secret in raw, base64 and hex canaries, so a clean result below means something.
    void scanFindsPlantedCanaries();
    // A secret written and read through the real keychain appears in no file under HOME or the XDG folders:
    // settings, profile and state databases (and their -wal files) and the debug log.
    void secretReachesNoFile();

private:
    Folders m_folders;
    QString m_logPath;
};

void TestSecretLeak::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
        "no D-Bus session: run this test through tests/support/with-keyring (ctest does)");
    // Everything the app would write lands in the temporary tree.
    QVERIFY(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation).startsWith(m_folders.config));
    QVERIFY(defaultProfilePath().startsWith(m_folders.data));

    QLoggingCategory::setFilterRules(QStringLiteral("greenlight.*.debug=true\ngreenlight.*.info=true"));
    m_logPath = m_folders.state + u"/greenlight/greenlight.log";
    QVERIFY(installFileLog(m_logPath));
}

void TestSecretLeak::cleanupTestCase()
{
    removeFileLog();
}

void TestSecretLeak::scanFindsPlantedCanaries()
{
    QTemporaryDir dir;
    const QByteArray secret = uniqueSecret();
    QVERIFY(writeFile(dir.filePath(u"raw.bin"_s), "before " + secret + " after"));
    QVERIFY(writeFile(dir.filePath(u"nested/.hidden-b64"_s), QByteArray("ab" + secret + "cd").toBase64()));
    QVERIFY(writeFile(dir.filePath(u"b64url.txt"_s),
        QByteArray("z" + secret).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
    QVERIFY(writeFile(dir.filePath(u"hex.txt"_s), "token=" + secret.toHex()));
    QVERIFY(writeFile(dir.filePath(u"clean.txt"_s), "nothing to see " + uniqueSecret()));
    QStringList scanned;
    const QStringList hits = filesContaining(dir.path(), encodingsOf(secret), &scanned);
    QCOMPARE(scanned.size(), 5);
    QCOMPARE(hits,
        (QStringList {dir.filePath(u"b64url.txt"_s), dir.filePath(u"hex.txt"_s), dir.filePath(u"nested/.hidden-b64"_s),
            dir.filePath(u"raw.bin"_s)}));
}

void TestSecretLeak::secretReachesNoFile()
{
    const QByteArray secret = uniqueSecret();
    const QString key = QStringLiteral("prometheus/leak-test");

    // The secret goes into the real keychain, directly and through the store the app uses, and is read back.
    KeychainCredentialStore keychain;
    const Result<QByteArray> written = finishOf(keychain.write(key, secret));
    QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().toString()));
    const Result<QByteArray> read = finishOf(keychain.read(key));
    QVERIFY(read.ok());
    QCOMPARE(*read, secret);
    FallbackCredentialStore appStore;
    QVERIFY(finishOf(appStore.write(key + u"-app", secret)).ok());
    QCOMPARE(finishOf(appStore.read(key + u"-app")).valueOr({}), secret);
    QVERIFY(!appStore.usingMemoryOnly());
    const Result<QByteArray> missing = finishOf(keychain.read(key + u"-missing"));
    QCOMPARE(missing.error().code, ErrorCode::NotFound);

    // What the app writes around it.
    Settings settings;
    settings.setLanguage(QStringLiteral("ko"));
    settings.setTheme(Settings::Theme::Dark);
    settings.addRecentEnvironment(m_folders.home + u"/environments/production.yaml");
    settings.sync();
    QVERIFY(settings.fileName().startsWith(m_folders.config));
    QVERIFY(QFileInfo::exists(settings.fileName()));

    std::optional<ProfileStore> profile;
    {
        Result<ProfileStore> opened = ProfileStore::open(defaultProfilePath());
        QVERIFY2(opened.ok(), qPrintable(opened ? QString() : opened.error().toString()));
        profile.emplace(std::move(opened).value());
    }
    QVERIFY(profile->setMeta(QStringLiteral("credential-key"), key).ok());
    QVERIFY(
        profile
            ->touchRecentEnvironment(m_folders.home + u"/environments/production.yaml", QDateTime::currentDateTimeUtc())
            .ok());

    const QString statePath = m_folders.data + u"/greenlight/environments/production/state.db";
    std::optional<StateStore> state;
    {
        Result<StateStore> opened = StateStore::open(statePath);
        QVERIFY2(opened.ok(), qPrintable(opened ? QString() : opened.error().toString()));
        state.emplace(std::move(opened).value());
    }
    QVERIFY(state->setMeta(QStringLiteral("environment"), QStringLiteral("production")).ok());
    QVERIFY(state->database()
                .exec(QStringLiteral("INSERT INTO rollouts (version_from, version_to, strategy, state, started_at, "
                                     "started_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {u"1.4.2"_s, u"1.5.0"_s, u"canary"_s, u"running"_s, u"2026-01-01T00:00:00.000Z"_s, u"alice"_s,
                        u"uses prometheus token"_s})
                .ok());
    qCInfo(lcApp) << "leak test: stores written";

    // The log really captured the credential work, and the databases really have -wal files to scan.
    QFile log(m_logPath);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray logged = log.readAll();
    QVERIFY2(logged.contains("Keychain write for \"prometheus/leak-test\""), logged.constData());
    QVERIFY(logged.contains("greenlight.core.storage"));
    QVERIFY(QFileInfo(defaultProfilePath() + u"-wal").size() > 0);
    QVERIFY(QFileInfo(statePath + u"-wal").size() > 0);

    const QList<QByteArray> needles = encodingsOf(secret);
    QStringList scanned;
    QStringList hits = filesContaining(m_folders.root, needles, &scanned);
    QVERIFY2(hits.isEmpty(), qPrintable(u"secret found in: " + hits.join(u", ")));
    const QStringList expectedFiles {settings.fileName(), m_logPath, defaultProfilePath(),
        defaultProfilePath() + u"-wal", statePath, statePath + u"-wal"};
    for (const QString &expected : expectedFiles)
        QVERIFY2(scanned.contains(expected), qPrintable(u"not scanned: " + expected));

    // Again after the stores are closed (WAL checkpointed into the main files) and the log is flushed.
    profile.reset();
    state.reset();
    hits = filesContaining(m_folders.root, needles, nullptr);
    QVERIFY2(hits.isEmpty(), qPrintable(u"secret found in: " + hits.join(u", ")));

    // The same scan over the same tree does find the secret once it is planted, so the clean result is real.
    const QString canary = m_folders.data + u"/greenlight/canary.bin";
    QVERIFY(writeFile(canary, "x" + secret.toBase64()));
    QCOMPARE(filesContaining(m_folders.root, needles, nullptr), QStringList {canary});
    QVERIFY(QFile::remove(canary));

    QVERIFY(finishOf(keychain.remove(key)).ok());
    QVERIFY(finishOf(appStore.remove(key + u"-app")).ok());
}

int main(int argc, char *argv[])
{
    // Set before anything reads them: QSettings caches its folders on first use.
    QTemporaryDir root;
    if (!root.isValid())
        return 2;
    const Folders folders {root.path(), root.filePath(QStringLiteral("home")), root.filePath(QStringLiteral("config")),
        root.filePath(QStringLiteral("data")), root.filePath(QStringLiteral("state")),
        root.filePath(QStringLiteral("cache"))};
    const std::pair<const char *, QString> variables[] = {{"HOME", folders.home}, {"XDG_CONFIG_HOME", folders.config},
        {"XDG_DATA_HOME", folders.data}, {"XDG_STATE_HOME", folders.state}, {"XDG_CACHE_HOME", folders.cache}};
    for (const auto &[name, path] : variables) {
        QDir().mkpath(path);
        qputenv(name, QFile::encodeName(path));
    }

    QCoreApplication app(argc, argv);
    TestSecretLeak test(folders);
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretleak.moc"
