// Rolling and recreate rollouts on a real sandbox under load: rolling replaces the serving slots in place
// with no request lost; a failed health check holds the rollout and rollback redeploys the previous version;
// recreate refuses to start without --accept-downtime.
#include "tst_rollout_common.h"

#include <QFile>

using namespace gl;
using namespace gl::test;

class TestRolloutRolling : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (SandboxFixture::launcherPath().isEmpty() || greenlightctlPath().isEmpty())
            QFAIL("greenlight-sandbox and greenlightctl must be built");
    }

    // Rolling v2 over blue1..blue3 one at a time (drain, no sessions, maint, deploy, health, ready) completes
    // with exit 0, all on v2, 0 requests lost; recreate without --accept-downtime is a usage error.
    void rollingCompletes()
    {
        SandboxFixture sandbox;
        QString error;
        QVERIFY2(
            sandbox.up({QStringLiteral("--slots"), QStringLiteral("3"), QStringLiteral("--rps"), QStringLiteral("100")},
                &error),
            qPrintable(error));
        const QString env = sandbox.environmentFile();
        CtlResult r = ctl({QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("--env"), env,
            QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--strategy"), QStringLiteral("recreate"),
            QStringLiteral("--wait")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--accept-downtime"));

        r = ctl({QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("--env"), env,
            QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--strategy"), QStringLiteral("rolling"),
            QStringLiteral("--wait")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QMap<QString, int> weights = serverWeights(sandbox.dir() + QStringLiteral("/admin.sock"));
        for (const QString &slot : {QStringLiteral("blue1"), QStringLiteral("blue2"), QStringLiteral("blue3")})
            QCOMPARE(weights.value(slot), 100);
        QCOMPARE(weights.value(QStringLiteral("green1")), 0);
        QCOMPARE(versionsOf(sandbox.frontendPort(), 9), (QMap<QString, int> {{QStringLiteral("v2"), 9}}));
        GL_VERIFY_NOTHING_LOST(sandbox);
    }

    // A deploy hook that leaves the slot without a service: the health check fails, the rollout is held
    // (--wait exits 1, the message offers rollback), and rollback redeploys v1 slot by slot, saying how long;
    // no request is lost because the failing slot never got traffic.
    void failedHealthCheckHoldsThenRollback()
    {
        SandboxFixture sandbox;
        QString error;
        QVERIFY2(
            sandbox.up({QStringLiteral("--slots"), QStringLiteral("2"), QStringLiteral("--rps"), QStringLiteral("100")},
                &error),
            qPrintable(error));
        // A copy of the environment with a broken deploy hook (it stops the slot's service instead), sharing
        // the sandbox's state database. The sandbox rewrites its own environment.yaml, not this copy.
        QFile original(sandbox.environmentFile());
        QVERIFY(original.open(QIODevice::ReadOnly));
        QString yaml = QString::fromUtf8(original.readAll());
        const QString launcher = SandboxFixture::launcherPath();
        const QString script = sandbox.dir() + QStringLiteral("/broken-deploy.sh");
        QFile scriptFile(script);
        QVERIFY(scriptFile.open(QIODevice::WriteOnly));
        scriptFile.write(QStringLiteral("#!/bin/sh\nexec '%1' undeploy --dir '%2' --slot \"$1\"\n")
                             .arg(launcher, sandbox.dir())
                             .toUtf8());
        scriptFile.close();
        scriptFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        const qsizetype deployLine = yaml.indexOf(QStringLiteral("  deploy: "));
        const qsizetype lineEnd = yaml.indexOf(u'\n', deployLine);
        yaml.replace(deployLine, lineEnd - deployLine, QStringLiteral("  deploy: \"%1 {slot} {version}\"").arg(script));
        const QString broken = sandbox.dir() + QStringLiteral("/broken.yaml");
        QFile brokenFile(broken);
        QVERIFY(brokenFile.open(QIODevice::WriteOnly));
        brokenFile.write(yaml.toUtf8());
        brokenFile.close();

        CtlResult r = ctl({QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("--env"), broken,
            QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--strategy"), QStringLiteral("rolling"),
            QStringLiteral("--health-timeout"), QStringLiteral("3s"), QStringLiteral("--wait")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject held = rolloutOf(broken);
        QCOMPARE(held.value(u"state").toString(), QStringLiteral("held"));
        QVERIFY2(
            held.value(u"message").toString().contains(u"not healthy"), qPrintable(held.value(u"message").toString()));
        QVERIFY(held.value(u"message").toString().contains(u"rollback"));
        GL_VERIFY_NOTHING_LOST(sandbox);

        // Roll back with the good hooks: blue1 gets v1 again; the answer says how long it will take.
        r = ctl({QStringLiteral("rollout"), QStringLiteral("rollback"), QStringLiteral("--env"),
            sandbox.environmentFile(), QStringLiteral("--reason"), QStringLiteral("bad build")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("about"), r.out.constData());
        QVERIFY(waitForRollout(sandbox.environmentFile(),
            [](const QJsonObject &o) { return o.value(u"state").toString() == u"rolled-back"; }));
        const QMap<QString, int> weights = serverWeights(sandbox.dir() + QStringLiteral("/admin.sock"));
        QCOMPARE(weights.value(QStringLiteral("blue1")), 100);
        QCOMPARE(weights.value(QStringLiteral("blue2")), 100);
        QCOMPARE(versionsOf(sandbox.frontendPort(), 8), (QMap<QString, int> {{QStringLiteral("v1"), 8}}));
        GL_VERIFY_NOTHING_LOST(sandbox);
    }
};

QTEST_GUILESS_MAIN(TestRolloutRolling)
#include "tst_rollout_rolling.moc"
