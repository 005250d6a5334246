// The engine of greenlightctl (`greenlightctl engine`, and the one a command runs in its own process when none
// drives the environment) signs its audit checkpoints with the installation key from the keychain, as `approve`
// and `audit` do, so `audit verify` has nothing to warn about; without a keychain it writes them unsigned and
// says so once. Runs inside tests/support/with-keyring (a private, unlocked Secret Service). HAProxy is not
// needed: a start refused because HAProxy cannot be reached is audited like any other answer.
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace gl;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestEngineSigning : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_ctl;
    QString m_env;

    QProcessEnvironment environment(bool keychain) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_STATE_HOME"), m_dir.filePath(QStringLiteral("state-home")));
        if (!keychain)
            env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        return env;
    }

    Run ctl(const QStringList &arguments, bool keychain = true) const
    {
        QProcess process;
        process.setProcessEnvironment(environment(keychain));
        process.start(m_ctl, arguments);
        Run run;
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    void freshState()
    {
        for (const QString &name : QDir(m_dir.path()).entryList({QStringLiteral("state*")}, QDir::Files))
            QFile::remove(m_dir.filePath(name));
        QDir(m_dir.filePath(QStringLiteral("state-home"))).removeRecursively();
    }

    // An action the engine answers (refused: HAProxy is not there), so that it appends to the audit log.
    Run refusedStart(bool keychain = true) const
    {
        return ctl({QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("--env"), m_env,
                       QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--wait")},
            keychain);
    }

    Run verify(bool keychain = true) const
    {
        return ctl({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--env"), m_env}, keychain);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_ctl = test::builtExecutable(QStringLiteral("greenlightctl"));
        if (m_ctl.isEmpty())
            QFAIL("greenlightctl is not built");
        m_env = m_dir.filePath(QStringLiteral("env.yaml"));
        QFile file(m_env);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("name: signing\n"
                   "haproxy:\n"
                   "  runtime_api: "
            + m_dir.filePath(QStringLiteral("no-haproxy.sock")).toUtf8()
            + "\n"
              "  backend: be_app\n"
              "  slots:\n"
              "    - {name: blue1, colour: blue, address: \"127.0.0.1:9\", version: v1}\n"
              "    - {name: green1, colour: green, address: \"127.0.0.1:10\"}\n"
              "prometheus:\n  url: \"http://127.0.0.1:9\"\n"
              "hooks:\n  deploy: \"/bin/echo {slot} {version}\"\n  undeploy: \"/bin/echo {slot}\"\n"
              "state:\n  database: state.db\n");
    }

    // The engine a command runs in its own process signs its checkpoints: verify passes without a warning.
    void inProcessEngineSigns()
    {
        freshState();
        const Run start = refusedStart();
        QCOMPARE(start.exitCode, 1);
        QVERIFY2(start.err.contains("HAProxy"), start.err.constData());
        QVERIFY2(!start.err.contains("unsigned"), start.err.constData());
        const Run checked = verify();
        QVERIFY2(checked.exitCode == 0, QByteArray(checked.out + checked.err).constData());
        QVERIFY2(!checked.err.contains("warning"), checked.err.constData());
        QVERIFY2(!checked.out.contains("warning"), checked.out.constData());
    }

    // `greenlightctl engine` signs the checkpoint it writes when it stops (Ctrl-C).
    void engineCommandSigns()
    {
        freshState();
        QProcess engine;
        engine.setProcessEnvironment(environment(true));
        engine.start(m_ctl, {QStringLiteral("engine"), QStringLiteral("--env"), m_env});
        QVERIFY(engine.waitForStarted());
        QByteArray output;
        QTRY_VERIFY2_WITH_TIMEOUT((output += engine.readAllStandardOutput()).contains("engine running"),
            QByteArray(output + engine.readAllStandardError()).constData(), 10000);
        const Run start = ctl({QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("--env"), m_env,
            QStringLiteral("--version"), QStringLiteral("v2")});
        QCOMPARE(start.exitCode, 1); // refused by the running engine
        ::kill(pid_t(engine.processId()), SIGINT);
        QVERIFY(engine.waitForFinished(15000));
        QCOMPARE(engine.exitCode(), 0);
        QVERIFY2(!engine.readAllStandardError().contains("unsigned"), "the engine said it signs nothing");
        const Run checked = verify();
        QVERIFY2(checked.exitCode == 0, QByteArray(checked.out + checked.err).constData());
        QVERIFY2(!QByteArray(checked.out + checked.err).contains("warning"),
            QByteArray(checked.out + checked.err).constData());
    }

    // Without a keychain the checkpoints are written unsigned, the command says so once, and verify warns.
    void withoutKeychainSaysSoOnce()
    {
        freshState();
        const Run start = refusedStart(false);
        QCOMPARE(start.exitCode, 1);
        QCOMPARE(start.err.count("warning: audit checkpoints are written unsigned"), 1);
        const Run checked = verify(false);
        QCOMPARE(checked.exitCode, 0); // intact, but
        QVERIFY2(QByteArray(checked.out + checked.err).contains("not signed"),
            QByteArray(checked.out + checked.err).constData());
    }
};

QTEST_GUILESS_MAIN(TestEngineSigning)
#include "tst_enginesigning.moc"
