// Recreate rollouts on a real sandbox under load, through greenlightctl: refused without --accept-downtime
// (nothing changes), and a full run with it replaces every serving slot in place and completes.
#include "tst_rollout_common.h"

using namespace gl;
using namespace gl::test;

class TestRolloutRecreate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (SandboxFixture::launcherPath().isEmpty() || greenlightctlPath().isEmpty())
            QFAIL("greenlight-sandbox and greenlightctl must be built");
    }

    // Without --accept-downtime recreate is a usage error (exit 2) naming the flag, no rollout is recorded and
    // HAProxy is untouched (no request lost); with it, every blue slot is drained, put in maintenance,
    // redeployed with v2 and made ready again: the rollout completes (exit 0), blue serves v2 at its weights.
    void refusedThenCompletes()
    {
        SandboxFixture sandbox;
        QString error;
        QVERIFY2(
            sandbox.up({QStringLiteral("--slots"), QStringLiteral("2"), QStringLiteral("--rps"), QStringLiteral("50")},
                &error),
            qPrintable(error));
        const QString env = sandbox.environmentFile();
        const QString socket = sandbox.dir() + QStringLiteral("/admin.sock");
        const QMap<QString, int> before = serverWeights(socket);

        CtlResult r = ctl({QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("--env"), env,
            QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--strategy"), QStringLiteral("recreate"),
            QStringLiteral("--wait")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--accept-downtime"), r.err.constData());
        QVERIFY(statusJson(env).value(u"rollout").isNull());
        QCOMPARE(serverWeights(socket), before);
        GL_VERIFY_NOTHING_LOST(sandbox);

        r = ctl({QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("--env"), env,
                    QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--strategy"),
                    QStringLiteral("recreate"), QStringLiteral("--accept-downtime"), QStringLiteral("--reason"),
                    QStringLiteral("maintenance window"), QStringLiteral("--wait")},
            120000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject rollout = rolloutOf(env);
        QCOMPARE(rollout.value(u"state").toString(), QStringLiteral("completed"));
        QCOMPARE(rollout.value(u"strategy").toString(), QStringLiteral("recreate"));
        QCOMPARE(rollout.value(u"versionFrom").toString(), QStringLiteral("v1"));
        QCOMPARE(rollout.value(u"versionTo").toString(), QStringLiteral("v2"));
        const QMap<QString, int> after = serverWeights(socket);
        QCOMPARE(after.value(QStringLiteral("blue1")), before.value(QStringLiteral("blue1")));
        QCOMPARE(after.value(QStringLiteral("blue2")), before.value(QStringLiteral("blue2")));
        QCOMPARE(after.value(QStringLiteral("green1")), 0);
        QCOMPARE(after.value(QStringLiteral("green2")), 0);
        // Every slot of the serving colour runs v2 now (the sandbox's deploy hook recorded it).
        for (const ServerSlot &slot : sandbox.environment().slotsOfColour(QStringLiteral("blue")))
            QCOMPARE(slot.version, QStringLiteral("v2"));
        QTRY_COMPARE_WITH_TIMEOUT(
            versionsOf(sandbox.frontendPort(), 6), (QMap<QString, int> {{QStringLiteral("v2"), 6}}), 10000);
        // The load generator keeps counting after the downtime: the service answers again.
        const qint64 total = sandbox.statsJson().value(u"total").toInteger();
        QTRY_VERIFY_WITH_TIMEOUT(sandbox.statsJson().value(u"total").toInteger() > total, 5000);
    }
};

QTEST_GUILESS_MAIN(TestRolloutRecreate)
#include "tst_rollout_recreate.moc"
