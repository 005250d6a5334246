// The console watches an open environment's file (core/model/environmentwatcher, environmentchange): an edit is
// noticed at once however the editor saves it, a burst of writes is read once, an invalid edit changes nothing,
// and the summary names what changed in plain words.
#include "identity/signingkey.h"
#include "model/environmentchange.h"
#include "model/environmentfile.h"
#include "model/environmentwatcher.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gl;

namespace {

const char *const kBase = "name: staging\n"
                          "haproxy:\n"
                          "  runtime_api: /run/greenlight/admin.sock\n"
                          "  backend: be_app\n"
                          "  slots:\n"
                          "    - {name: blue1, colour: blue, address: \"127.0.0.1:8001\", version: v1}\n"
                          "    - {name: green1, colour: green, address: \"127.0.0.1:8003\"}\n"
                          "prometheus:\n"
                          "  url: \"http://127.0.0.1:9090\"\n"
                          "hooks:\n"
                          "  deploy: \"deploy.sh {slot} {version}\"\n"
                          "  undeploy: \"undeploy.sh {slot}\"\n"
                          "state:\n"
                          "  database: state.db\n";

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size();
}

// As editors and QSaveFile do: a new file next to it, renamed over the old one.
bool renameOver(const QString &path, const QByteArray &bytes)
{
    const QString temporary = path + QStringLiteral(".swp");
    if (!writeBytes(temporary, bytes))
        return false;
    return ::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) == 0;
}

} // namespace

class TestEnvironmentWatcher : public QObject {
    Q_OBJECT

private:
    QByteArray m_bobKey;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<EnvironmentWatcher> m_watcher;

    QByteArray withCab() const
    {
        return QByteArray(kBase) + "approvers:\n  - {person: bob, groups: [release], key: \"" + m_bobKey
            + "\"}\ngates:\n  - {name: cab, at: canary_step, step: 25, groups: [release], quorum: 1}\n";
    }

private Q_SLOTS:
    void initTestCase() { m_bobKey = SigningKey::generate()->publicKey().toString().toLatin1(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_path = m_dir->filePath(QStringLiteral("staging.yaml"));
        QVERIFY(writeBytes(m_path, kBase));
        const Result<Environment> opened = loadEnvironmentFile(m_path);
        QVERIFY(opened.ok());
        m_watcher = std::make_unique<EnvironmentWatcher>(*opened);
    }

    void cleanup()
    {
        m_watcher.reset();
        m_dir.reset();
    }

    // A file written in place is noticed and read: the new gate and approver are in force, and the summary says so.
    void writeInPlaceIsApplied()
    {
        QSignalSpy changed(m_watcher.get(), &EnvironmentWatcher::changed);
        QVERIFY(writeBytes(m_path, withCab()));
        QVERIFY(changed.wait(5000));
        QCOMPARE(changed.count(), 1);
        const auto change = changed.at(0).at(1).value<EnvironmentChange>();
        QCOMPARE(change.summary(), QStringLiteral("approver bob added; gate cab added"));
        QCOMPARE(m_watcher->environment().approvals.gates.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<Environment>().approvals.gates.value(0).name, QStringLiteral("cab"));
        QVERIFY(!m_watcher->lastError());
    }

    // An editor that saves by renaming a new file over the old one is noticed, and again the next time (the watch
    // dropped with the old file is added back).
    void renameOverIsAppliedEveryTime()
    {
        QSignalSpy changed(m_watcher.get(), &EnvironmentWatcher::changed);
        QVERIFY(renameOver(m_path, withCab()));
        QVERIFY(changed.wait(5000));
        QCOMPARE(m_watcher->environment().approvals.gates.size(), 1);
        QVERIFY(renameOver(m_path, kBase));
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, 5000);
        QCOMPARE(changed.at(1).at(1).value<EnvironmentChange>().summary(),
            QStringLiteral("approver bob removed; gate cab removed"));
        QVERIFY(m_watcher->environment().approvals.gates.isEmpty());
    }

    // A deleted file leaves the last good configuration in force (and says so); written again, it is read again.
    void deleteAndRecreate()
    {
        QSignalSpy changed(m_watcher.get(), &EnvironmentWatcher::changed);
        QSignalSpy invalid(m_watcher.get(), &EnvironmentWatcher::invalid);
        QVERIFY(QFile::remove(m_path));
        QVERIFY(invalid.wait(5000));
        QVERIFY2(invalid.at(0).at(0).value<Error>().message.contains(u"staging.yaml"),
            qPrintable(invalid.at(0).at(0).value<Error>().message));
        QCOMPARE(m_watcher->environment().name, QStringLiteral("staging"));
        QCOMPARE(changed.count(), 0);
        QVERIFY(writeBytes(m_path, withCab()));
        QVERIFY(changed.wait(5000));
        QCOMPARE(m_watcher->environment().approvals.gates.size(), 1);
        QVERIFY(!m_watcher->lastError());
        // And the file is watched again.
        QVERIFY(writeBytes(m_path, kBase));
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, 5000);
    }

    // An invalid edit changes nothing and names the file, line and field; the corrected file is applied.
    void invalidEditKeepsLastGood()
    {
        QSignalSpy changed(m_watcher.get(), &EnvironmentWatcher::changed);
        QSignalSpy invalid(m_watcher.get(), &EnvironmentWatcher::invalid);
        QByteArray broken = withCab();
        broken.replace("quorum: 1", "quorum: many");
        QVERIFY(writeBytes(m_path, broken));
        QVERIFY(invalid.wait(5000));
        const QString message = invalid.at(0).at(0).value<Error>().message;
        QVERIFY2(message.contains(u"staging.yaml:18:") && message.contains(u"quorum"), qPrintable(message));
        QCOMPARE(changed.count(), 0);
        QVERIFY(m_watcher->environment().approvals.gates.isEmpty());
        QVERIFY(m_watcher->lastError());
        QVERIFY(writeBytes(m_path, withCab()));
        QVERIFY(changed.wait(5000));
        QCOMPARE(m_watcher->environment().approvals.gates.size(), 1);
        QVERIFY(!m_watcher->lastError());
    }

    // Several writes in a burst are read once, after the last one.
    void burstIsCoalesced()
    {
        QSignalSpy changed(m_watcher.get(), &EnvironmentWatcher::changed);
        QSignalSpy invalid(m_watcher.get(), &EnvironmentWatcher::invalid);
        const QByteArray full = withCab();
        // Half-written states included: none of them may be applied or reported.
        for (int i = 1; i <= 5; ++i) {
            QVERIFY(writeBytes(m_path, full.left(full.size() * i / 5)));
            QTest::qWait(20);
        }
        QVERIFY(changed.wait(5000));
        QTest::qWait(EnvironmentWatcher::DefaultDebounceMs * 2);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(invalid.count(), 0);
        QCOMPARE(m_watcher->environment().approvals.gates.size(), 1);
    }

    // A new state database, Runtime API or backend waits for the environment to be reopened; the rest applies.
    void reopenOnlyFieldsStay()
    {
        QSignalSpy changed(m_watcher.get(), &EnvironmentWatcher::changed);
        QByteArray edited = withCab();
        edited.replace("database: state.db", "database: other.db");
        edited.replace("backend: be_app", "backend: be_other");
        QVERIFY(writeBytes(m_path, edited));
        QVERIFY(changed.wait(5000));
        const auto change = changed.at(0).at(1).value<EnvironmentChange>();
        QVERIFY(change.needsReopen());
        QVERIFY2(change.summary().contains(u"HAProxy backend changed to be_other"), qPrintable(change.summary()));
        QVERIFY(m_watcher->reopenPending());
        QCOMPARE(m_watcher->environment().backend, QStringLiteral("be_app"));
        QCOMPARE(m_watcher->environment().stateDatabase, m_dir->filePath(QStringLiteral("state.db")));
        QCOMPARE(m_watcher->environment().approvals.gates.size(), 1); // applied
    }

    // What the summary names, one subject at a time; slot versions (rewritten by the sandbox's hooks) are not news.
    void summaryNamesChanges_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("summary");
        const QByteArray base = kBase;
        QTest::newRow("slot version") << base << QByteArray(base).replace("version: v1", "version: v2") << QString();
        QTest::newRow("slot address") << base << QByteArray(base).replace("127.0.0.1:8003", "127.0.0.1:8004")
                                      << QStringLiteral("slot green1 changed");
        QTest::newRow("prometheus") << base << QByteArray(base).replace("9090", "9091")
                                    << QStringLiteral("Prometheus URL changed to http://127.0.0.1:9091");
        QTest::newRow("hook") << base
                              << QByteArray(base).replace("deploy.sh {slot} {version}", "deploy2.sh {slot} {version}")
                              << QStringLiteral("deploy hook changed");
        QTest::newRow("strategies") << base << base + "strategies: {default: blue-green}\n"
                                    << QStringLiteral("strategies changed");
        QTest::newRow("analysis")
            << base
                + "analysis:\n  slis: [{name: error-ratio, kind: error-ratio}]\n  rules: [{sli: error-ratio, max: "
                  "1%}]\n"
            << base
                + "analysis:\n  slis: [{name: error-ratio, kind: error-ratio}]\n  rules: [{sli: error-ratio, max: "
                  "2%}]\n"
            << QStringLiteral("analysis rule error-ratio <= 0.01 removed; analysis rule error-ratio <= 0.02 added");
        QTest::newRow("gate changed") << withCab() << QByteArray(withCab()).replace("step: 25", "step: 50")
                                      << QStringLiteral("gate cab changed");
    }
    void summaryNamesChanges()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, summary);
        const Result<Environment> a = parseEnvironment(from, QStringLiteral("/tmp/e.yaml"));
        const Result<Environment> b = parseEnvironment(to, QStringLiteral("/tmp/e.yaml"));
        QVERIFY2(a.ok() && b.ok(), qPrintable(!a ? a.error().message : !b ? b.error().message : QString()));
        QCOMPARE(diffEnvironments(*a, *b).summary(), summary);
        QVERIFY(diffEnvironments(*a, *a).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentWatcher)
#include "tst_environmentwatcher.moc"
