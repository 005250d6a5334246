// Canary rollouts on a real sandbox under its background load, driven through greenlightctl exactly as a
// user does: every step, the 100 % switch and a rollback lose no request.
#include "tst_rollout_common.h"

#include <QJsonArray>

using namespace gl;
using namespace gl::test;

class TestRolloutCanary : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (SandboxFixture::launcherPath().isEmpty() || greenlightctlPath().isEmpty())
            QFAIL("greenlight-sandbox and greenlightctl must be built");
    }

    // A canary with --wait and no engine running: the command runs the engine, goes 10/50/100 %, shows the
    // desired and HAProxy's actual share, drains and undeploys blue, exits 0; no request lost; all on v2.
    void canaryCompletesWithWait()
    {
        SandboxFixture sandbox;
        QString error;
        QVERIFY2(
            sandbox.up({QStringLiteral("--slots"), QStringLiteral("2"), QStringLiteral("--rps"), QStringLiteral("100")},
                &error),
            qPrintable(error));
        const QString env = sandbox.environmentFile();
        const CtlResult r = ctl({QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("--env"), env,
            QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--steps"), QStringLiteral("10,50,100"),
            QStringLiteral("--pause"), QStringLiteral("1s"), QStringLiteral("--undeploy-delay"), QStringLiteral("1s"),
            QStringLiteral("--reason"), QStringLiteral("integration test"), QStringLiteral("--wait"),
            QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        // The followed states include the 10 % step with HAProxy's actual share next to the desired one.
        bool sawTenPercent = false;
        for (const QByteArray &line : r.out.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(u"desiredShare").toDouble() == 10.0 && o.value(u"actualShare").toDouble() > 9.9
                && o.value(u"actualShare").toDouble() < 10.1)
                sawTenPercent = true;
        }
        QVERIFY2(sawTenPercent, r.out.constData());

        const QJsonObject status = statusJson(env);
        QCOMPARE(status.value(u"rollout").toObject().value(u"state").toString(), QStringLiteral("completed"));
        QCOMPARE(status.value(u"rollout").toObject().value(u"actualShare").toDouble(), 100.0);
        const QMap<QString, int> weights = serverWeights(sandbox.dir() + QStringLiteral("/admin.sock"));
        QCOMPARE(weights.value(QStringLiteral("green1")), 100);
        QCOMPARE(weights.value(QStringLiteral("green2")), 100);
        QCOMPARE(weights.value(QStringLiteral("blue1")), 0);
        QCOMPARE(versionsOf(sandbox.frontendPort(), 10), (QMap<QString, int> {{QStringLiteral("v2"), 10}}));
        GL_VERIFY_NOTHING_LOST(sandbox);

        // history --json records who started it and why.
        const CtlResult history
            = ctl({QStringLiteral("history"), QStringLiteral("--env"), env, QStringLiteral("--json")});
        QCOMPARE(history.exitCode, 0);
        const QJsonArray rollouts = QJsonDocument::fromJson(history.out).object().value(u"rollouts").toArray();
        QCOMPARE(rollouts.size(), 1);
        const QJsonArray events = rollouts.first().toObject().value(u"events").toArray();
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.first().toObject().value(u"kind").toString(), QStringLiteral("action"));
        QVERIFY(events.first().toObject().value(u"detail").toString().contains(u"integration test"));
    }

    // With an engine in the background: the canary waits at a gate, promote moves it one step, rollback
    // returns once HAProxy reports all traffic on blue (checked at once on the socket), then undeploys green;
    // retry of the same version with promote --full completes. No request lost throughout.
    void gateRollbackRetry()
    {
        SandboxFixture sandbox;
        QString error;
        QVERIFY2(
            sandbox.up({QStringLiteral("--slots"), QStringLiteral("2"), QStringLiteral("--rps"), QStringLiteral("100")},
                &error),
            qPrintable(error));
        const QString env = sandbox.environmentFile();
        const QString socket = sandbox.dir() + QStringLiteral("/admin.sock");
        EngineProcess engine(env);
        QVERIFY(QTest::qWaitFor(
            [&] { return statusJson(env).value(u"engine").toObject().value(u"running").toBool(); }, 10000));

        CtlResult r = ctl({QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("--env"), env,
            QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--steps"),
            QStringLiteral("20:gate,60:gate,100"), QStringLiteral("--undeploy-delay"), QStringLiteral("1s")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(waitForRollout(env, [](const QJsonObject &o) {
            return o.value(u"state").toString() == u"paused" && o.value(u"pauseReason").toString() == u"gate"
                && o.value(u"desiredShare").toDouble() == 20.0;
        }));
        QVERIFY(std::abs(rolloutOf(env).value(u"actualShare").toDouble() - 20.0) < 0.1);
        // resume is not promote: at a gate it is refused with a reason.
        r = ctl({QStringLiteral("rollout"), QStringLiteral("resume"), QStringLiteral("--env"), env});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("promote"));

        r = ctl({QStringLiteral("rollout"), QStringLiteral("promote"), QStringLiteral("--env"), env,
            QStringLiteral("--reason"), QStringLiteral("p99 fine")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(waitForRollout(env, [](const QJsonObject &o) {
            return o.value(u"state").toString() == u"paused" && o.value(u"desiredShare").toDouble() == 60.0;
        }));

        r = ctl({QStringLiteral("rollout"), QStringLiteral("rollback"), QStringLiteral("--env"), env,
            QStringLiteral("--reason"), QStringLiteral("error budget")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // The command returned when HAProxy reported the stable weights: they are there now.
        QMap<QString, int> weights = serverWeights(socket);
        QCOMPARE(weights.value(QStringLiteral("blue1")), 100);
        QCOMPARE(weights.value(QStringLiteral("blue2")), 100);
        QCOMPARE(weights.value(QStringLiteral("green1")), 0);
        QVERIFY(
            waitForRollout(env, [](const QJsonObject &o) { return o.value(u"state").toString() == u"rolled-back"; }));
        GL_VERIFY_NOTHING_LOST(sandbox);
        QCOMPARE(versionsOf(sandbox.frontendPort(), 10), (QMap<QString, int> {{QStringLiteral("v1"), 10}}));

        // Retry the same version; promote --full needs a reason and skips the remaining steps.
        r = ctl({QStringLiteral("rollout"), QStringLiteral("retry"), QStringLiteral("--env"), env,
            QStringLiteral("--reason"), QStringLiteral("fixed config")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(waitForRollout(env, [](const QJsonObject &o) { return o.value(u"state").toString() == u"paused"; }));
        r = ctl({QStringLiteral("rollout"), QStringLiteral("promote"), QStringLiteral("--full"),
            QStringLiteral("--env"), env});
        QCOMPARE(r.exitCode, 2);
        r = ctl(
            {QStringLiteral("rollout"), QStringLiteral("promote"), QStringLiteral("--full"), QStringLiteral("--env"),
                env, QStringLiteral("--reason"), QStringLiteral("hotfix"), QStringLiteral("--wait")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject done = rolloutOf(env);
        QCOMPARE(done.value(u"state").toString(), QStringLiteral("completed"));
        QCOMPARE(done.value(u"versionTo").toString(), QStringLiteral("v2"));
        QCOMPARE(done.value(u"retryOf").toInteger(), 1);
        GL_VERIFY_NOTHING_LOST(sandbox);
    }
};

QTEST_GUILESS_MAIN(TestRolloutCanary)
#include "tst_rollout_canary.moc"
