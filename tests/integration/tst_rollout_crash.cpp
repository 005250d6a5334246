// kill -9 of the engine in the middle of canary steps, on a real sandbox under load: the backend never loses
// its weight, a new engine takes over at once (the dead holder's lock), reconciles and finishes, every hook
// ran exactly once, and no request was lost.
#include "tst_rollout_common.h"

#include <QFile>

using namespace gl;
using namespace gl::test;

class TestRolloutCrash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (SandboxFixture::launcherPath().isEmpty() || greenlightctlPath().isEmpty())
            QFAIL("greenlight-sandbox and greenlightctl must be built");
    }

    // SIGKILL during step 1's pause and again during step 2's pause; each time a new engine finishes the
    // rollout correctly with each deploy and undeploy hook run once.
    void killNineMidStep()
    {
        SandboxFixture sandbox;
        QString error;
        QVERIFY2(
            sandbox.up({QStringLiteral("--slots"), QStringLiteral("2"), QStringLiteral("--rps"), QStringLiteral("100")},
                &error),
            qPrintable(error));
        const QString socket = sandbox.dir() + QStringLiteral("/admin.sock");
        // Hooks that count their runs, then do the sandbox's real deploy/undeploy.
        const QString log = sandbox.dir() + QStringLiteral("/hooks.log");
        const QString script = sandbox.dir() + QStringLiteral("/counting-hook.sh");
        QFile scriptFile(script);
        QVERIFY(scriptFile.open(QIODevice::WriteOnly));
        scriptFile.write(QStringLiteral(
            "#!/bin/sh\necho \"$*\" >> '%1'\nkind=$1; slot=$2; shift 2\n"
            "if [ \"$kind\" = deploy ]; then exec '%2' deploy --dir '%3' --slot \"$slot\" --version \"$1\"; fi\n"
            "exec '%2' undeploy --dir '%3' --slot \"$slot\"\n")
                             .arg(log, SandboxFixture::launcherPath(), sandbox.dir())
                             .toUtf8());
        scriptFile.close();
        scriptFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QFile original(sandbox.environmentFile());
        QVERIFY(original.open(QIODevice::ReadOnly));
        QString yaml = QString::fromUtf8(original.readAll());
        const qsizetype hooks = yaml.indexOf(QStringLiteral("hooks:\n"));
        const qsizetype state = yaml.indexOf(QStringLiteral("state:\n"));
        yaml.replace(hooks, state - hooks,
            QStringLiteral("hooks:\n  deploy: \"%1 deploy {slot} {version}\"\n  undeploy: \"%1 undeploy {slot}\"\n")
                .arg(script));
        const QString env = sandbox.dir() + QStringLiteral("/counting.yaml");
        QFile envFile(env);
        QVERIFY(envFile.open(QIODevice::WriteOnly));
        envFile.write(yaml.toUtf8());
        envFile.close();

        auto engine = std::make_unique<EngineProcess>(env);
        QVERIFY(QTest::qWaitFor(
            [&] { return statusJson(env).value(u"engine").toObject().value(u"running").toBool(); }, 10000));
        CtlResult r = ctl({QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("--env"), env,
            QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--steps"), QStringLiteral("25,60,100"),
            QStringLiteral("--pause"), QStringLiteral("3s"), QStringLiteral("--undeploy-delay"), QStringLiteral("1s")});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        for (const double step : {25.0, 60.0}) {
            QVERIFY(waitForRollout(env, [step](const QJsonObject &o) {
                return o.value(u"desiredShare").toDouble() == step && o.value(u"message").toString().contains(u"pause");
            }));
            engine->killHard();
            // The backend keeps serving: total weight of the backend above 0 right after the kill.
            const QMap<QString, int> weights = serverWeights(socket);
            int total = 0;
            for (int w : weights)
                total += w;
            QVERIFY(total > 0);
            QCOMPARE(rolloutOf(env).value(u"state").toString(), QStringLiteral("running"));
            // The dead engine's lock is taken over at once (its PID is gone on this host).
            engine = std::make_unique<EngineProcess>(env);
        }
        QVERIFY(waitForRollout(
            env, [](const QJsonObject &o) { return o.value(u"state").toString() == u"completed"; }, 90000));
        engine->stop();

        QFile logFile(log);
        QVERIFY(logFile.open(QIODevice::ReadOnly));
        QStringList runs = QString::fromUtf8(logFile.readAll()).split(u'\n', Qt::SkipEmptyParts);
        runs.sort();
        QCOMPARE(runs,
            (QStringList {QStringLiteral("deploy green1 v2"), QStringLiteral("deploy green2 v2"),
                QStringLiteral("undeploy blue1"), QStringLiteral("undeploy blue2")}));
        const QMap<QString, int> weights = serverWeights(socket);
        QCOMPARE(weights.value(QStringLiteral("green1")), 100);
        QCOMPARE(weights.value(QStringLiteral("green2")), 100);
        QCOMPARE(versionsOf(sandbox.frontendPort(), 6), (QMap<QString, int> {{QStringLiteral("v2"), 6}}));
        // The restarts are in the history.
        const CtlResult history = ctl({QStringLiteral("history"), QStringLiteral("--env"), env});
        QCOMPARE(history.out.count("reconcile"), 2);
        GL_VERIFY_NOTHING_LOST(sandbox);
    }
};

QTEST_GUILESS_MAIN(TestRolloutCrash)
#include "tst_rollout_crash.moc"
