// A real HAProxy reload (master-worker, through the master CLI) in the middle of a canary step on a sandbox
// under load: the new worker starts with the configuration's weights (green disabled, weight 0); the engine
// (a `greenlightctl engine` process) sees it and re-applies the step's weights and states within a second,
// records it, and the rollout completes without a lost request.
#include "tst_rollout_common.h"

#include <QJsonArray>
#include <QLocalSocket>

using namespace gl;
using namespace gl::test;

namespace {

QByteArray masterCli(const QString &socketPath, const QByteArray &command)
{
    QLocalSocket master;
    master.connectToServer(socketPath);
    if (!master.waitForConnected(1000))
        return {};
    master.write(command + '\n');
    QByteArray reply;
    while (master.state() == QLocalSocket::ConnectedState && master.waitForReadyRead(2000))
        reply += master.readAll();
    return reply + master.readAll();
}

// The worker's PID from `show info` on the runtime socket (0 when it does not answer).
qint64 workerPid(const QString &socket)
{
    for (const QByteArray &line : runtimeCommand(socket, "show info").split('\n')) {
        if (line.startsWith("Pid: "))
            return line.mid(5).trimmed().toLongLong();
    }
    return 0;
}

} // namespace

class TestRolloutReload : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (SandboxFixture::launcherPath().isEmpty() || greenlightctlPath().isEmpty())
            QFAIL("greenlight-sandbox and greenlightctl must be built");
    }

    // Reload while the canary waits at a 50 % gate: within 1 s of the new worker answering, HAProxy reports
    // the step's weights again; the rollout's events say HAProxy reloaded; promote completes it; nothing lost.
    void reloadMidCanaryStep()
    {
        SandboxFixture sandbox;
        QString error;
        QVERIFY2(
            sandbox.up({QStringLiteral("--slots"), QStringLiteral("2"), QStringLiteral("--rps"), QStringLiteral("50")},
                &error),
            qPrintable(error));
        const QString env = sandbox.environmentFile();
        const QString socket = sandbox.dir() + QStringLiteral("/admin.sock");
        const QString master = sandbox.dir() + QStringLiteral("/master.sock");
        EngineProcess engine(env);
        QVERIFY(QTest::qWaitFor(
            [&] { return statusJson(env).value(u"engine").toObject().value(u"running").toBool(); }, 10000));

        CtlResult r = ctl({QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("--env"), env,
            QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--steps"), QStringLiteral("50:gate,100"),
            QStringLiteral("--undeploy-delay"), QStringLiteral("1s")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(waitForRollout(env, [](const QJsonObject &o) {
            return o.value(u"state").toString() == u"paused" && o.value(u"pauseReason").toString() == u"gate"
                && o.value(u"desiredShare").toDouble() == 50.0;
        }));
        const QMap<QString, int> atStep = serverWeights(socket);
        QVERIFY(atStep.value(QStringLiteral("green1")) > 0);
        QVERIFY(atStep.value(QStringLiteral("blue1")) > 0);

        const qint64 before = workerPid(socket);
        QVERIFY(before > 0);
        QTRY_VERIFY_WITH_TIMEOUT(masterCli(master, "show proc").contains("worker"), 10000);
        masterCli(master, "reload"); // answers nothing and closes
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const qint64 now = workerPid(socket);
                return now > 0 && now != before;
            }(),
            10000);
        // The new worker answers: the step's weights (and green's state ready) are back within a second.
        QTRY_COMPARE_WITH_TIMEOUT(serverWeights(socket), atStep, 1000);
        QCOMPARE(rolloutOf(env).value(u"state").toString(), QStringLiteral("paused"));

        r = ctl({QStringLiteral("history"), QStringLiteral("--env"), env, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        bool reloadRecorded = false;
        const QJsonArray rollouts = QJsonDocument::fromJson(r.out).object().value(u"rollouts").toArray();
        for (const QJsonValue &event : rollouts.first().toObject().value(u"events").toArray()) {
            const QJsonObject e = event.toObject();
            reloadRecorded = reloadRecorded
                || (e.value(u"kind").toString() == u"reconcile" && e.value(u"detail").toString().contains(u"reload"));
        }
        QVERIFY2(reloadRecorded, r.out.constData());

        r = ctl({QStringLiteral("rollout"), QStringLiteral("promote"), QStringLiteral("--env"), env,
            QStringLiteral("--reason"), QStringLiteral("reload went fine"), QStringLiteral("--wait")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(rolloutOf(env).value(u"state").toString(), QStringLiteral("completed"));
        QCOMPARE(versionsOf(sandbox.frontendPort(), 10), (QMap<QString, int> {{QStringLiteral("v2"), 10}}));
        GL_VERIFY_NOTHING_LOST(sandbox);
    }
};

QTEST_GUILESS_MAIN(TestRolloutReload)
#include "tst_rollout_reload.moc"
