// Runs against a real Secret Service: register with WRAPPER tests/support/with-keyring (a private D-Bus session
// with a throwaway, unlocked gnome-keyring). The "no keychain" case re-runs this binary as a child process whose
// DBUS_SESSION_BUS_ADDRESS points at a socket that does not exist.
#include "credentials/credentialjob.h"
#include "credentials/fallbackcredentialstore.h"
#include "credentials/keychaincredentialstore.h"
#include "credentials/memorycredentialstore.h"

#include <QCoreApplication>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QUuid>

#include <optional>

using namespace gl;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 20000;
const char *const kChildModeVariable = "GL_TST_CREDENTIALS_CHILD";
const char *const kChildKeyVariable = "GL_TST_CREDENTIALS_CHILD_KEY";
const QByteArray kChildSecret("child-secret-\x01\x02\xff", 16);

QString codeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::NotFound:
        return QStringLiteral("NotFound");
    case ErrorCode::Unavailable:
        return QStringLiteral("Unavailable");
    case ErrorCode::Timeout:
        return QStringLiteral("Timeout");
    case ErrorCode::PermissionDenied:
        return QStringLiteral("PermissionDenied");
    case ErrorCode::Io:
        return QStringLiteral("Io");
    default:
        return QStringLiteral("code %1").arg(int(code));
    }
}

QString describe(const Result<QByteArray> &result)
{
    return result.ok() ? QStringLiteral("ok (%1 bytes)").arg(result->size())
                       : codeName(result.error().code) + u": " + result.error().toString();
}

// Starts `job` and waits for its single finished(); no assertions (also used by the child process).
Result<QByteArray> finishOf(CredentialJob *job)
{
    std::optional<Result<QByteArray>> result;
    QObject::connect(job, &CredentialJob::finished, job, [&](const Result<QByteArray> &r) { result = r; });
    QSignalSpy spy(job, &CredentialJob::finished);
    job->start();
    if (!result && !spy.wait(kWaitMs))
        return makeError(ErrorCode::Timeout, QStringLiteral("the test gave up waiting for the job"));
    return *result;
}

// Starts `job`, waits for it and checks the job contract: finished() not inside start(), exactly once, and
// the job deletes itself afterwards.
void runJob(CredentialJob *job, std::optional<Result<QByteArray>> &out)
{
    QVERIFY(job);
    QPointer<CredentialJob> guard(job);
    int emissions = 0;
    QObject::connect(job, &CredentialJob::finished, job, [&](const Result<QByteArray> &r) {
        ++emissions;
        out = r;
    });
    QSignalSpy spy(job, &CredentialJob::finished);
    QVERIFY(spy.isValid());
    job->start();
    QCOMPARE(emissions, 0);
    QVERIFY2(spy.wait(kWaitMs), "the job never finished");
    QTRY_VERIFY2(guard.isNull(), "the job did not delete itself after finished()");
    QCOMPARE(emissions, 1);
    QCOMPARE(spy.count(), 1);
}

#define RUN_JOB(job, out)                                                                                              \
    std::optional<Result<QByteArray>> out;                                                                             \
    runJob((job), out);                                                                                                \
    if (QTest::currentTestFailed())                                                                                    \
        return;

// A job whose backend never answers: the one fake here, for the timeout edge a real keychain cannot produce on
// demand.
class HangingJob final : public CredentialJob {
public:
    explicit HangingJob(QObject *parent)
        : CredentialJob(Operation::Read, QStringLiteral("hanging"), parent)
    { }
    void answerLate() { finish(QByteArray("late")); }

protected:
    void doStart() override { }
};

// The child process: everything the parent checks about a run without a reachable keychain.
int runFallbackChild()
{
    QTextStream out(stdout);
    const auto report = [&](const QString &name, const QString &value) {
        out << name << u'=' << value << u'\n';
        out.flush();
    };
    const QString key = qEnvironmentVariable(kChildKeyVariable);
    report(QStringLiteral("bus"), qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"));

    KeychainCredentialStore keychain(QStringLiteral("greenlight-test"));
    const Result<QByteArray> direct = finishOf(keychain.write(key, kChildSecret));
    report(QStringLiteral("keychain.write"), describe(direct));
    report(QStringLiteral("keychain.read"), describe(finishOf(keychain.read(key))));

    FallbackCredentialStore store(new KeychainCredentialStore(QStringLiteral("greenlight-test")));
    QStringList messages;
    QObject::connect(&store, &FallbackCredentialStore::keychainUnavailable, &store,
        [&](const QString &message) { messages << message; });
    report(QStringLiteral("fallback.memoryOnlyBefore"), store.usingMemoryOnly() ? u"true"_s : u"false"_s);
    report(QStringLiteral("fallback.write"), describe(finishOf(store.write(key, kChildSecret))));
    const Result<QByteArray> read = finishOf(store.read(key));
    report(
        QStringLiteral("fallback.read"), read.ok() && *read == kChildSecret ? QStringLiteral("match") : describe(read));
    report(QStringLiteral("fallback.write2"), describe(finishOf(store.write(key + u"-2", "second"))));
    report(QStringLiteral("fallback.remove"), describe(finishOf(store.remove(key + u"-2"))));
    report(QStringLiteral("fallback.readRemoved"), describe(finishOf(store.read(key + u"-2"))));
    report(QStringLiteral("fallback.memoryOnly"), store.usingMemoryOnly() ? u"true"_s : u"false"_s);
    report(QStringLiteral("fallback.signals"), QString::number(messages.size()));
    report(QStringLiteral("fallback.message"), messages.value(0));
    report(QStringLiteral("fallback.unavailableMessage"), store.unavailableMessage());

    FallbackCredentialStore nextRun(new KeychainCredentialStore(QStringLiteral("greenlight-test")));
    report(QStringLiteral("nextRun.read"), describe(finishOf(nextRun.read(key))));
    return 0;
}

} // namespace

class TestCredentials : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    // A secret written to the real keychain reads back byte for byte.
    void keychainRoundTrip();
    // Writing a key again replaces its secret.
    void keychainOverwrite();
    // A removed secret reads as NotFound, and removing a missing key succeeds.
    void keychainRemoveThenReadIsNotFound();
    // Unicode text and arbitrary binary secrets survive the keychain unchanged.
    void keychainKeepsUnicodeAndBinarySecrets_data();
    void keychainKeepsUnicodeAndBinarySecrets();
    // Keys, and service names, do not see each other's secrets.
    void keychainKeysAndServicesAreSeparate();
    // The memory store reads, overwrites and removes, and keeps each store's secrets to itself.
    void memoryStoreRoundTrip();
    // A backend that never answers ends in one Timeout; a late answer is dropped.
    void jobTimesOutOnce();
    // With a reachable keychain the fallback store uses it and says nothing.
    void fallbackUsesKeychainWhenReachable();
    // With no usable keychain (no D-Bus at all, or a session bus whose Secret Service has no collection) the
    // fallback store keeps secrets in memory, says so once, and nothing reaches the keychain.
    void fallbackSwitchesToMemoryWithoutKeychain_data();
    void fallbackSwitchesToMemoryWithoutKeychain();

private:
    QString uniqueKey(const QString &prefix) const
    {
        return prefix + u'/' + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    KeychainCredentialStore m_keychain {QStringLiteral("greenlight-test")};
};

void TestCredentials::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
        "no D-Bus session: run this test through tests/support/with-keyring (ctest does)");
}

void TestCredentials::keychainRoundTrip()
{
    const QString key = uniqueKey(QStringLiteral("prometheus"));
    const QByteArray secret = "tok_" + QUuid::createUuid().toByteArray(QUuid::Id128);
    RUN_JOB(m_keychain.write(key, secret), written);
    QVERIFY2(written->ok(), qPrintable(describe(*written)));
    QVERIFY((*written)->isEmpty());
    RUN_JOB(m_keychain.read(key), read);
    QVERIFY2(read->ok(), qPrintable(describe(*read)));
    QCOMPARE(**read, secret);
}

void TestCredentials::keychainOverwrite()
{
    const QString key = uniqueKey(QStringLiteral("haproxy"));
    RUN_JOB(m_keychain.write(key, "first"), first);
    QVERIFY(first->ok());
    RUN_JOB(m_keychain.write(key, "second, longer than the first"), second);
    QVERIFY(second->ok());
    RUN_JOB(m_keychain.read(key), read);
    QVERIFY2(read->ok(), qPrintable(describe(*read)));
    QCOMPARE(**read, QByteArray("second, longer than the first"));
}

void TestCredentials::keychainRemoveThenReadIsNotFound()
{
    const QString key = uniqueKey(QStringLiteral("remove"));
    RUN_JOB(m_keychain.write(key, "short-lived"), written);
    QVERIFY(written->ok());
    RUN_JOB(m_keychain.remove(key), removed);
    QVERIFY2(removed->ok(), qPrintable(describe(*removed)));
    RUN_JOB(m_keychain.read(key), read);
    QVERIFY(!read->ok());
    QCOMPARE(read->error().code, ErrorCode::NotFound);
    QVERIFY(read->error().message.contains(key));
    RUN_JOB(m_keychain.remove(key), again);
    QVERIFY2(again->ok(), qPrintable(describe(*again)));
}

void TestCredentials::keychainKeepsUnicodeAndBinarySecrets_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::newRow("unicode") << QStringLiteral("비밀번호-pässwörd-🔑").toUtf8();
    QByteArray everyByte;
    for (int i = 0; i < 256; ++i)
        everyByte.append(char(i));
    QTest::newRow("every byte value") << everyByte;
    QTest::newRow("NUL and newlines") << QByteArray("\0line1\r\nline2\n\0", 15);
    QByteArray large(16 * 1024, '\0');
    QRandomGenerator random(7);
    for (char &byte : large)
        byte = char(random.bounded(256));
    QTest::newRow("16 KiB random") << large;
}

void TestCredentials::keychainKeepsUnicodeAndBinarySecrets()
{
    QFETCH(QByteArray, secret);
    const QString key = uniqueKey(QStringLiteral("binary"));
    RUN_JOB(m_keychain.write(key, secret), written);
    QVERIFY2(written->ok(), qPrintable(describe(*written)));
    RUN_JOB(m_keychain.read(key), read);
    QVERIFY2(read->ok(), qPrintable(describe(*read)));
    QCOMPARE(**read, secret);
}

void TestCredentials::keychainKeysAndServicesAreSeparate()
{
    const QString a = uniqueKey(QStringLiteral("a"));
    const QString b = uniqueKey(QStringLiteral("b"));
    KeychainCredentialStore other(QStringLiteral("greenlight-test-other"));
    QCOMPARE(KeychainCredentialStore().service(), QStringLiteral("greenlight"));
    RUN_JOB(m_keychain.write(a, "alpha"), wa);
    QVERIFY(wa->ok());
    RUN_JOB(m_keychain.write(b, "bravo"), wb);
    QVERIFY(wb->ok());
    RUN_JOB(other.write(a, "other service"), wo);
    QVERIFY(wo->ok());
    RUN_JOB(m_keychain.read(a), ra);
    QCOMPARE(ra->valueOr({}), QByteArray("alpha"));
    RUN_JOB(m_keychain.read(b), rb);
    QCOMPARE(rb->valueOr({}), QByteArray("bravo"));
    RUN_JOB(other.read(a), ro);
    QCOMPARE(ro->valueOr({}), QByteArray("other service"));
    RUN_JOB(other.read(b), missing);
    QCOMPARE(missing->error().code, ErrorCode::NotFound);
}

void TestCredentials::memoryStoreRoundTrip()
{
    MemoryCredentialStore store;
    MemoryCredentialStore otherStore;
    RUN_JOB(store.read(QStringLiteral("k")), empty);
    QCOMPARE(empty->error().code, ErrorCode::NotFound);
    RUN_JOB(store.write(QStringLiteral("k"), QByteArray("one\0two", 7)), written);
    QVERIFY(written->ok());
    QVERIFY(store.contains(QStringLiteral("k")));
    RUN_JOB(store.read(QStringLiteral("k")), read);
    QCOMPARE(read->valueOr({}), QByteArray("one\0two", 7));
    RUN_JOB(store.write(QStringLiteral("k"), "three"), overwritten);
    QVERIFY(overwritten->ok());
    RUN_JOB(store.read(QStringLiteral("k")), reread);
    QCOMPARE(reread->valueOr({}), QByteArray("three"));
    RUN_JOB(otherStore.read(QStringLiteral("k")), elsewhere);
    QCOMPARE(elsewhere->error().code, ErrorCode::NotFound);
    RUN_JOB(store.remove(QStringLiteral("k")), removed);
    QVERIFY(removed->ok());
    QVERIFY(!store.contains(QStringLiteral("k")));
    RUN_JOB(store.read(QStringLiteral("k")), gone);
    QCOMPARE(gone->error().code, ErrorCode::NotFound);
    RUN_JOB(store.remove(QStringLiteral("k")), removedAgain);
    QVERIFY(removedAgain->ok());
}

void TestCredentials::jobTimesOutOnce()
{
    QObject owner;
    auto *job = new HangingJob(&owner);
    job->setTimeoutMs(50);
    QPointer<HangingJob> guard(job);
    QSignalSpy spy(job, &CredentialJob::finished);
    std::optional<Result<QByteArray>> result;
    connect(job, &CredentialJob::finished, job, [&](const Result<QByteArray> &r) { result = r; });
    job->start();
    QVERIFY(spy.wait(kWaitMs));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, ErrorCode::Timeout);
    if (guard)
        guard->answerLate();
    QTRY_VERIFY(guard.isNull());
    QCOMPARE(spy.count(), 1);
    QVERIFY(!result->ok());
}

void TestCredentials::fallbackUsesKeychainWhenReachable()
{
    FallbackCredentialStore store(new KeychainCredentialStore(QStringLiteral("greenlight-test")));
    QSignalSpy unavailable(&store, &FallbackCredentialStore::keychainUnavailable);
    const QString key = uniqueKey(QStringLiteral("fallback"));
    RUN_JOB(store.write(key, "in the keychain"), written);
    QVERIFY2(written->ok(), qPrintable(describe(*written)));
    RUN_JOB(store.read(key), read);
    QCOMPARE(read->valueOr({}), QByteArray("in the keychain"));
    QVERIFY(!store.usingMemoryOnly());
    QCOMPARE(unavailable.count(), 0);
    QVERIFY(store.unavailableMessage().isEmpty());
    // It really went to the keychain: a separate keychain store sees it.
    RUN_JOB(m_keychain.read(key), direct);
    QCOMPARE(direct->valueOr({}), QByteArray("in the keychain"));
}

void TestCredentials::fallbackSwitchesToMemoryWithoutKeychain_data()
{
    QTest::addColumn<bool>("privateBus");
    QTest::newRow("no D-Bus") << false;
    QTest::newRow("D-Bus without a usable Secret Service") << true;
}

void TestCredentials::fallbackSwitchesToMemoryWithoutKeychain()
{
    QFETCH(bool, privateBus);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString key = uniqueKey(QStringLiteral("nobus"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(kChildModeVariable), QStringLiteral("fallback"));
    environment.insert(QString::fromLatin1(kChildKeyVariable), key);
    QString program = QCoreApplication::applicationFilePath();
    QStringList arguments;
    if (privateBus) {
        // A fresh session bus of its own: a Secret Service started there by D-Bus activation has no unlocked
        // collection (or none is installed at all); either way it cannot keep secrets.
        program = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
        if (program.isEmpty())
            QSKIP("dbus-run-session is not installed");
        arguments = {QStringLiteral("--"), QCoreApplication::applicationFilePath()};
        environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        for (const char *variable : {"HOME", "XDG_RUNTIME_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"})
            environment.insert(QString::fromLatin1(variable), dir.path());
    } else {
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), u"unix:path=" + dir.filePath(u"no-such-bus"_s));
    }
    QProcess child;
    child.setProcessEnvironment(environment);
    child.start(program, arguments);
    QVERIFY(child.waitForStarted());
    QVERIFY2(child.waitForFinished(60000), "the child process did not finish");
    const QString output = QString::fromUtf8(child.readAllStandardOutput());
    const QString errors = QString::fromUtf8(child.readAllStandardError());
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(errors));

    QHash<QString, QString> report;
    for (const QString &line : output.split(u'\n', Qt::SkipEmptyParts))
        report.insert(line.section(u'=', 0, 0), line.section(u'=', 1));
    const QString context = output + u"\n--- stderr ---\n" + errors;

    if (privateBus) {
        QVERIFY2(!report.value(u"bus"_s).isEmpty(), qPrintable(context));
        QVERIFY2(report.value(u"bus"_s) != qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"), qPrintable(context));
    } else {
        QVERIFY2(report.value(u"bus"_s).contains(u"no-such-bus"), qPrintable(context));
    }
    // The keychain store alone reports the missing keychain as Unavailable.
    QVERIFY2(
        report.value(u"keychain.write"_s).startsWith(u"Unavailable: No keychain is reachable"), qPrintable(context));
    // (A Secret Service without a collection has nothing to find: reading is NotFound there, not an error.)
    QVERIFY2(report.value(u"keychain.read"_s).startsWith(u"Unavailable")
            || (privateBus && report.value(u"keychain.read"_s).startsWith(u"NotFound")),
        qPrintable(context));
    // The fallback store carries on in memory.
    QCOMPARE(report.value(u"fallback.memoryOnlyBefore"_s), u"false"_s);
    QVERIFY2(report.value(u"fallback.write"_s).startsWith(u"ok"), qPrintable(context));
    QCOMPARE(report.value(u"fallback.read"_s), u"match"_s);
    QVERIFY2(report.value(u"fallback.write2"_s).startsWith(u"ok"), qPrintable(context));
    QVERIFY2(report.value(u"fallback.remove"_s).startsWith(u"ok"), qPrintable(context));
    QVERIFY2(report.value(u"fallback.readRemoved"_s).startsWith(u"NotFound"), qPrintable(context));
    QCOMPARE(report.value(u"fallback.memoryOnly"_s), u"true"_s);
    // ...and says so once, plainly.
    QCOMPARE(report.value(u"fallback.signals"_s), u"1"_s);
    const QString message = report.value(u"fallback.message"_s);
    QVERIFY2(message.startsWith(u"No keychain is reachable ("), qPrintable(message));
    QVERIFY2(message.contains(u"Secrets are kept in memory for this run only and will be asked for again next time."),
        qPrintable(message));
    QCOMPARE(report.value(u"fallback.unavailableMessage"_s), message);
    // A new run remembers nothing.
    QVERIFY2(report.value(u"nextRun.read"_s).startsWith(u"NotFound"), qPrintable(context));

    // Nothing reached the real keychain.
    RUN_JOB(m_keychain.read(key), inKeychain);
    QVERIFY(!inKeychain->ok());
    QCOMPARE(inKeychain->error().code, ErrorCode::NotFound);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariable(kChildModeVariable) == u"fallback")
        return runFallbackChild();
    TestCredentials test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentials.moc"
