// Blue-green rollouts on a real sandbox under load, through greenlightctl: the switch and an instant rollback
// while the old colour is kept lose no request.
#include "tst_rollout_common.h"

using namespace gl;
using namespace gl::test;

class TestRolloutBlueGreen : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (SandboxFixture::launcherPath().isEmpty() || greenlightctlPath().isEmpty())
            QFAIL("greenlight-sandbox and greenlightctl must be built");
    }

    // Switch to green, roll back while blue is kept (instant: one batch, blue raised first; the command
    // returns with blue's weights already in HAProxy), then a second blue-green completes; 0 requests lost.
    void switchRollbackThenComplete()
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
            QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--strategy"),
            QStringLiteral("blue-green"), QStringLiteral("--keep-old-for"), QStringLiteral("60s")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // Switched: 100 % on green, blue still up at weight 0 for the keep-old delay.
        QVERIFY(waitForRollout(env, [](const QJsonObject &o) {
            return o.value(u"actualShare").toDouble() == 100.0 && o.value(u"state").toString() == u"running";
        }));
        QMap<QString, int> weights = serverWeights(socket);
        QCOMPARE(weights.value(QStringLiteral("green1")), 100);
        QCOMPARE(weights.value(QStringLiteral("blue1")), 0);
        QTRY_COMPARE_WITH_TIMEOUT(
            versionsOf(sandbox.frontendPort(), 6), (QMap<QString, int> {{QStringLiteral("v2"), 6}}), 5000);

        r = ctl({QStringLiteral("rollout"), QStringLiteral("rollback"), QStringLiteral("--env"), env,
            QStringLiteral("--reason"), QStringLiteral("smoke test failed")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        weights = serverWeights(socket);
        QCOMPARE(weights.value(QStringLiteral("blue1")), 100);
        QCOMPARE(weights.value(QStringLiteral("blue2")), 100);
        QCOMPARE(weights.value(QStringLiteral("green1")), 0);
        QCOMPARE(weights.value(QStringLiteral("green2")), 0);
        QVERIFY(
            waitForRollout(env, [](const QJsonObject &o) { return o.value(u"state").toString() == u"rolled-back"; }));
        QCOMPARE(versionsOf(sandbox.frontendPort(), 6), (QMap<QString, int> {{QStringLiteral("v1"), 6}}));
        GL_VERIFY_NOTHING_LOST(sandbox);

        // A rollback of a finished rollout is refused with a reason (exit 1), not a crash.
        r = ctl({QStringLiteral("rollout"), QStringLiteral("rollback"), QStringLiteral("--env"), env});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!r.err.isEmpty());

        // Follow a complete blue-green with --wait while the background engine drives it.
        r = ctl({QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("--env"), env,
            QStringLiteral("--version"), QStringLiteral("v3"), QStringLiteral("--strategy"),
            QStringLiteral("blue-green"), QStringLiteral("--keep-old-for"), QStringLiteral("1s"),
            QStringLiteral("--wait")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        weights = serverWeights(socket);
        QCOMPARE(weights.value(QStringLiteral("green1")), 100);
        QCOMPARE(weights.value(QStringLiteral("blue1")), 0);
        QCOMPARE(versionsOf(sandbox.frontendPort(), 6), (QMap<QString, int> {{QStringLiteral("v3"), 6}}));
        GL_VERIFY_NOTHING_LOST(sandbox);
    }
};

QTEST_GUILESS_MAIN(TestRolloutBlueGreen)
#include "tst_rollout_bluegreen.moc"
