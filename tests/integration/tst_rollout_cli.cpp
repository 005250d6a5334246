// greenlightctl end to end on a real sandbox under load, against a running `greenlightctl engine` process:
// pause and resume of a canary, a promote with a stale `--expect-step` refused, `status --watch` following every
// change (and stopping on SIGINT), and `history --json` telling who did what and why.
#include "tst_rollout_common.h"

#include <QJsonArray>

#include <csignal>

using namespace gl;
using namespace gl::test;

namespace {

// `greenlightctl status --watch --json` in the background: every line it prints, as it arrives.
class Watcher {
public:
    explicit Watcher(const QString &envFile)
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] {
            m_buffer += m_process.readAllStandardOutput();
            qsizetype newline = 0;
            while ((newline = m_buffer.indexOf('\n')) >= 0) {
                const QJsonObject line = QJsonDocument::fromJson(m_buffer.left(newline)).object();
                m_buffer.remove(0, newline + 1);
                m_lines << line;
            }
        });
        m_process.start(greenlightctlPath(),
            {QStringLiteral("status"), QStringLiteral("--env"), envFile, QStringLiteral("--watch"),
                QStringLiteral("--json")});
        m_process.waitForStarted(5000);
    }
    ~Watcher()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
    [[nodiscard]] QProcess &process() { return m_process; }
    [[nodiscard]] const QList<QJsonObject> &lines() const { return m_lines; }
    // The rollout states the watch printed, in order, repeats collapsed.
    [[nodiscard]] QStringList states() const
    {
        QStringList result;
        for (const QJsonObject &line : m_lines) {
            const QString state = line.value(u"rollout").toObject().value(u"state").toString();
            if (!state.isEmpty() && (result.isEmpty() || result.last() != state))
                result << state;
        }
        return result;
    }
    [[nodiscard]] QString lastState() const
    {
        return m_lines.isEmpty() ? QString() : m_lines.last().value(u"rollout").toObject().value(u"state").toString();
    }

private:
    QProcess m_process;
    QByteArray m_buffer;
    QList<QJsonObject> m_lines;
};

} // namespace

class TestRolloutCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (SandboxFixture::launcherPath().isEmpty() || greenlightctlPath().isEmpty())
            QFAIL("greenlight-sandbox and greenlightctl must be built");
    }

    // pause and resume through greenlightctl reach the engine process and answer; a stale --expect-step is refused
    // with where the rollout is; status --watch prints each
    // change within a second of the command returning and exits 0 on SIGINT; history --json has the rollout
    // with the pause and resume events (who, why); no request is lost.
    void pauseResumeWatchHistory()
    {
        SandboxFixture sandbox;
        QString error;
        QVERIFY2(
            sandbox.up({QStringLiteral("--slots"), QStringLiteral("2"), QStringLiteral("--rps"), QStringLiteral("50")},
                &error),
            qPrintable(error));
        const QString env = sandbox.environmentFile();
        EngineProcess engine(env);
        QVERIFY(QTest::qWaitFor(
            [&] { return statusJson(env).value(u"engine").toObject().value(u"running").toBool(); }, 10000));
        Watcher watch(env);
        QTRY_VERIFY_WITH_TIMEOUT(!watch.lines().isEmpty(), 5000); // the first line: no rollout yet
        QVERIFY(watch.lines().first().value(u"engine").toObject().value(u"running").toBool());

        // A canary that waits in a long step pause at 50 %.
        CtlResult r = ctl({QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("--env"), env,
            QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--steps"), QStringLiteral("50,100"),
            QStringLiteral("--pause"), QStringLiteral("10m"), QStringLiteral("--undeploy-delay"),
            QStringLiteral("1s")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(waitForRollout(env, [](const QJsonObject &o) {
            return o.value(u"state").toString() == u"running" && o.value(u"desiredShare").toDouble() == 50.0
                && o.value(u"message").toString().contains(u"pause");
        }));
        const QMap<QString, int> atStep = serverWeights(sandbox.dir() + QStringLiteral("/admin.sock"));

        r = ctl({QStringLiteral("rollout"), QStringLiteral("pause"), QStringLiteral("--env"), env,
            QStringLiteral("--reason"), QStringLiteral("looking at the dashboards")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(rolloutOf(env).value(u"state").toString(), QStringLiteral("paused"));
        QCOMPARE(rolloutOf(env).value(u"pauseReason").toString(), QStringLiteral("user"));
        QTRY_COMPARE_WITH_TIMEOUT(watch.lastState(), QStringLiteral("paused"), 1000);
        // Paused holds the traffic where it was.
        QCOMPARE(serverWeights(sandbox.dir() + QStringLiteral("/admin.sock")), atStep);

        r = ctl({QStringLiteral("rollout"), QStringLiteral("resume"), QStringLiteral("--env"), env,
            QStringLiteral("--reason"), QStringLiteral("dashboards fine")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(rolloutOf(env).value(u"state").toString(), QStringLiteral("running"));
        QTRY_COMPARE_WITH_TIMEOUT(watch.lastState(), QStringLiteral("running"), 1000);

        // A promote confirmed on what `status` showed before the first step (step 0) is refused now that the rollout
        // is at step 1, with where it is; nothing moves. status prints the step to pass.
        r = ctl({QStringLiteral("status"), QStringLiteral("--env"), env});
        QVERIFY2(r.out.contains("--expect-step 1"), r.out.constData());
        r = ctl({QStringLiteral("rollout"), QStringLiteral("promote"), QStringLiteral("--env"), env,
            QStringLiteral("--expect-step"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("the rollout moved to step 1 (50 %, running) since you confirmed"), r.err.constData());
        QCOMPARE(rolloutOf(env).value(u"desiredShare").toDouble(), 50.0);
        QCOMPARE(serverWeights(sandbox.dir() + QStringLiteral("/admin.sock")), atStep);

        // On to the end; the watch prints the completion too.
        r = ctl({QStringLiteral("rollout"), QStringLiteral("promote"), QStringLiteral("--env"), env,
            QStringLiteral("--wait")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QTRY_COMPARE_WITH_TIMEOUT(watch.lastState(), QStringLiteral("completed"), 1000);
        const QStringList states = watch.states();
        QVERIFY2(states.indexOf(QStringLiteral("paused")) >= 0
                && states.indexOf(QStringLiteral("paused")) < states.lastIndexOf(QStringLiteral("running"))
                && states.last() == u"completed",
            qPrintable(states.join(u' ')));

        // SIGINT stops the watch cleanly.
        QCOMPARE(::kill(pid_t(watch.process().processId()), SIGINT), 0);
        QVERIFY(watch.process().waitForFinished(3000));
        QCOMPARE(watch.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.process().exitCode(), 0);

        r = ctl({QStringLiteral("history"), QStringLiteral("--env"), env, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray rollouts = QJsonDocument::fromJson(r.out).object().value(u"rollouts").toArray();
        QCOMPARE(rollouts.size(), 1);
        const QJsonObject rollout = rollouts.first().toObject();
        QCOMPARE(rollout.value(u"state").toString(), QStringLiteral("completed"));
        QCOMPARE(rollout.value(u"versionTo").toString(), QStringLiteral("v2"));
        QStringList actions;
        for (const QJsonValue &event : rollout.value(u"events").toArray()) {
            const QJsonObject e = event.toObject();
            QVERIFY(!e.value(u"at").toString().isEmpty());
            if (e.value(u"kind").toString() == u"action") {
                QVERIFY(!e.value(u"actor").toString().isEmpty());
                actions << e.value(u"detail").toString();
            }
        }
        QVERIFY2(actions.contains(QStringLiteral("pause — looking at the dashboards")), qPrintable(actions.join(u'|')));
        QVERIFY2(actions.contains(QStringLiteral("resume — dashboards fine")), qPrintable(actions.join(u'|')));
        GL_VERIFY_NOTHING_LOST(sandbox);
    }
};

QTEST_GUILESS_MAIN(TestRolloutCli)
#include "tst_rollout_cli.moc"
