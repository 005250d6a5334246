// Canary rollouts driven by the SLI analysis on a real sandbox (HAProxy, Prometheus, sample services, load at
// 100 requests/s), through greenlightctl as a user runs it: a version answering errors is rolled back by the
// engine on its own, a healthy one is promoted past its `analysis` step; no request lost either way.
#include "environmentedit.h"
#include "tst_rollout_common.h"

#include <QJsonArray>

#include <csignal>

using namespace gl;
using namespace gl::test;

namespace {

// Short analysis settings (the launcher's own section uses a 15 s window and 5 passes).
const char kAnalysisSection[] = "analysis:\n"
                                "  interval: 1s\n"
                                "  window: 10s\n"
                                "  min_requests: 20\n"
                                "  failure_limit: 2\n"
                                "  passes_required: 3\n"
                                "  inconclusive_after: 30s\n"
                                "  prometheus_unreachable_after: 10s\n"
                                "  inconclusive_policy: hold\n"
                                "  slis:\n"
                                "    - {name: error-ratio, kind: error-ratio}\n"
                                "    - {name: p99-latency, kind: p99-latency}\n"
                                "  rules:\n"
                                "    - {sli: error-ratio, max: 1%}\n"
                                "    - {sli: p99-latency, relative: 2, floor: 0.05}\n";

// Replaces the `analysis:` section of the sandbox's environment file (up to the next top-level key).
bool rewriteAnalysis(const QString &envFile, const QString &unreachableAfter = QStringLiteral("10s"))
{
    return replaceEnvironmentSection(envFile, QStringLiteral("analysis"),
        QString::fromLatin1(kAnalysisSection)
            .replace(QStringLiteral("prometheus_unreachable_after: 10s"),
                QStringLiteral("prometheus_unreachable_after: ") + unreachableAfter));
}

QJsonArray eventsOf(const QString &envFile)
{
    const CtlResult history
        = ctl({QStringLiteral("history"), QStringLiteral("--env"), envFile, QStringLiteral("--json")});
    const QJsonArray rollouts = QJsonDocument::fromJson(history.out).object().value(u"rollouts").toArray();
    return rollouts.isEmpty() ? QJsonArray() : rollouts.first().toObject().value(u"events").toArray();
}

} // namespace

class TestRolloutAnalysis : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (SandboxFixture::launcherPath().isEmpty() || greenlightctlPath().isEmpty())
            QFAIL("greenlight-sandbox and greenlightctl must be built");
    }

    // v2 answers 50 % errors: at its 25:analysis step the analysis fails (failure_limit 2) and the engine rolls
    // back by itself (actor "analysis", why = the failing rule): all weights on blue, v1 serves everything,
    // no request lost, and `analysis show --rollout` gives the failed run. Prints fault-to-rollback times.
    void failingAnalysisRollsBack()
    {
        SandboxFixture sandbox;
        QString error;
        QVERIFY2(
            sandbox.up({QStringLiteral("--slots"), QStringLiteral("2"), QStringLiteral("--rps"), QStringLiteral("100")},
                &error),
            qPrintable(error));
        const QString env = sandbox.environmentFile();
        const QString socket = sandbox.dir() + QStringLiteral("/admin.sock");
        QVERIFY(rewriteAnalysis(env));
        QCOMPARE(sandbox.run(QStringLiteral("fault"),
                     {QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--error-rate"),
                         QStringLiteral("0.5")}),
            0);
        EngineProcess engine(env);
        QVERIFY(QTest::qWaitFor(
            [&] { return statusJson(env).value(u"engine").toObject().value(u"running").toBool(); }, 10000));

        CtlResult r = ctl({QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("--env"), env,
            QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--steps"),
            QStringLiteral("25:analysis,100"), QStringLiteral("--undeploy-delay"), QStringLiteral("1s"),
            QStringLiteral("--reason"), QStringLiteral("analysis test")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // The faulty v2 takes 25 % of the traffic: from here the fault counts.
        QVERIFY(QTest::qWaitFor([&] { return serverWeights(socket).value(QStringLiteral("green1")) > 0; }, 30000));
        QElapsedTimer sinceTraffic;
        sinceTraffic.start();
        QVERIFY(QTest::qWaitFor([&] { return serverWeights(socket).value(QStringLiteral("green1")) == 0; }, 45000));
        const qint64 trafficBackMs = sinceTraffic.elapsed();
        QVERIFY(waitForRollout(
            env, [](const QJsonObject &o) { return o.value(u"state").toString() == u"rolled-back"; }, 30000));
        const qint64 rolledBackMs = sinceTraffic.elapsed();

        const QMap<QString, int> weights = serverWeights(socket);
        QCOMPARE(weights.value(QStringLiteral("blue1")), 100);
        QCOMPARE(weights.value(QStringLiteral("blue2")), 100);
        QCOMPARE(weights.value(QStringLiteral("green1")), 0);
        QCOMPARE(weights.value(QStringLiteral("green2")), 0);
        QCOMPARE(versionsOf(sandbox.frontendPort(), 10), (QMap<QString, int> {{QStringLiteral("v1"), 10}}));
        GL_VERIFY_NOTHING_LOST(sandbox);

        // The rollback was the analysis's, with the failing rule as the reason; never promoted.
        bool analysisRollback = false;
        for (const QJsonValue &v : eventsOf(env)) {
            const QJsonObject e = v.toObject();
            if (e.value(u"actor").toString() == u"analysis" && e.value(u"kind").toString() == u"action"
                && e.value(u"detail").toString().contains(u"error-ratio")) {
                analysisRollback = true;
                qInfo("rollback event: %s", qPrintable(e.value(u"detail").toString()));
            }
            QVERIFY2(
                !e.value(u"detail").toString().contains(u"analysis passed"), qPrintable(e.value(u"detail").toString()));
        }
        QVERIFY(analysisRollback);
        const qint64 rolloutId = rolloutOf(env).value(u"id").toInteger();
        r = ctl({QStringLiteral("analysis"), QStringLiteral("show"), QStringLiteral("--env"), env,
            QStringLiteral("--rollout"), QString::number(rolloutId), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject run = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(run.value(u"verdict").toString(), QStringLiteral("failed"));
        QVERIFY(!run.value(u"measurements").toArray().isEmpty());
        const QJsonObject stats = sandbox.statsJson();
        qInfo("v2 at 25 %% with 50 %% errors: traffic back on v1 after %lld ms, rolled back after %lld ms; lost %lld "
              "of %lld requests",
            trafficBackMs, rolledBackMs, stats.value(u"lost").toInteger(), stats.value(u"total").toInteger());
    }

    // A healthy v2 with 25:analysis,100 passes the analysis and is promoted to 100 % without anyone
    // promoting it; no request lost.
    void passingAnalysisPromotes()
    {
        SandboxFixture sandbox;
        QString error;
        QVERIFY2(
            sandbox.up({QStringLiteral("--slots"), QStringLiteral("2"), QStringLiteral("--rps"), QStringLiteral("100")},
                &error),
            qPrintable(error));
        const QString env = sandbox.environmentFile();
        const QString socket = sandbox.dir() + QStringLiteral("/admin.sock");
        QVERIFY(rewriteAnalysis(env));
        EngineProcess engine(env);
        QVERIFY(QTest::qWaitFor(
            [&] { return statusJson(env).value(u"engine").toObject().value(u"running").toBool(); }, 10000));

        CtlResult r = ctl({QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("--env"), env,
            QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--steps"),
            QStringLiteral("25:analysis,100"), QStringLiteral("--undeploy-delay"), QStringLiteral("1s")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(waitForRollout(
            env,
            [](const QJsonObject &o) {
                return o.value(u"state").toString() == u"paused" && o.value(u"pauseReason").toString() == u"analysis";
            },
            30000));
        QVERIFY(waitForRollout(
            env, [](const QJsonObject &o) { return o.value(u"state").toString() == u"completed"; }, 60000));
        const QJsonObject done = rolloutOf(env);
        QCOMPARE(done.value(u"actualShare").toDouble(), 100.0);
        const QMap<QString, int> weights = serverWeights(socket);
        QCOMPARE(weights.value(QStringLiteral("green1")), 100);
        QCOMPARE(weights.value(QStringLiteral("green2")), 100);
        QCOMPARE(weights.value(QStringLiteral("blue1")), 0);
        QCOMPARE(versionsOf(sandbox.frontendPort(), 10), (QMap<QString, int> {{QStringLiteral("v2"), 10}}));
        GL_VERIFY_NOTHING_LOST(sandbox);
        bool passed = false;
        for (const QJsonValue &v : eventsOf(env)) {
            const QJsonObject e = v.toObject();
            if (e.value(u"actor").toString() == u"analysis"
                && e.value(u"detail").toString().contains(u"analysis passed"))
                passed = true;
            QVERIFY(e.value(u"actor").toString() != u"analysis" || e.value(u"kind").toString() != u"action");
        }
        QVERIFY(passed);
    }

    // Dead man's switch: Prometheus stopped, so no evaluation completes; after prometheus_unreachable_after
    // (3 s) the rollout is held at 25 % (inconclusive_policy hold) with an alarm event, never promoted;
    // rollback then brings all traffic back to v1 with no request lost.
    void unreachablePrometheusHolds()
    {
        SandboxFixture sandbox;
        QString error;
        QVERIFY2(
            sandbox.up({QStringLiteral("--slots"), QStringLiteral("2"), QStringLiteral("--rps"), QStringLiteral("100")},
                &error),
            qPrintable(error));
        const QString env = sandbox.environmentFile();
        const QString socket = sandbox.dir() + QStringLiteral("/admin.sock");
        QVERIFY(rewriteAnalysis(env, QStringLiteral("3s")));
        qint64 pid = 0;
        QFile state(sandbox.dir() + QStringLiteral("/sandbox.json"));
        QVERIFY(state.open(QIODevice::ReadOnly));
        for (const QJsonValue &p : QJsonDocument::fromJson(state.readAll()).object().value(u"processes").toArray()) {
            if (p.toObject().value(u"role").toString() == u"prometheus")
                pid = p.toObject().value(u"pid").toInteger();
        }
        QVERIFY(pid > 0);
        QVERIFY(sandbox.livePids().contains(pid)); // this sandbox's Prometheus, started by this test
        QCOMPARE(::kill(pid_t(pid), SIGTERM), 0);
        QVERIFY(QTest::qWaitFor([&] { return !sandbox.livePids().contains(pid); }, 10000));

        EngineProcess engine(env);
        QVERIFY(QTest::qWaitFor(
            [&] { return statusJson(env).value(u"engine").toObject().value(u"running").toBool(); }, 10000));
        CtlResult r = ctl({QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("--env"), env,
            QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--steps"),
            QStringLiteral("25:analysis,100"), QStringLiteral("--undeploy-delay"), QStringLiteral("1s")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(waitForRollout(
            env, [](const QJsonObject &o) { return o.value(u"state").toString() == u"held"; }, 40000));
        QTest::qWait(1500); // held means held: nothing moves
        const QJsonObject held = rolloutOf(env);
        QCOMPARE(held.value(u"state").toString(), QStringLiteral("held"));
        QCOMPARE(held.value(u"desiredShare").toDouble(), 25.0);
        QVERIFY(serverWeights(socket).value(QStringLiteral("green1")) > 0);
        bool alarm = false;
        for (const QJsonValue &v : eventsOf(env)) {
            const QJsonObject e = v.toObject();
            if (e.value(u"actor").toString() == u"analysis" && e.value(u"kind").toString() == u"alarm")
                alarm = true;
        }
        QVERIFY(alarm);

        r = ctl({QStringLiteral("rollout"), QStringLiteral("rollback"), QStringLiteral("--env"), env,
            QStringLiteral("--reason"), QStringLiteral("no metrics")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(waitForRollout(
            env, [](const QJsonObject &o) { return o.value(u"state").toString() == u"rolled-back"; }, 30000));
        QCOMPARE(serverWeights(socket).value(QStringLiteral("green1")), 0);
        GL_VERIFY_NOTHING_LOST(sandbox);
    }
};

QTEST_GUILESS_MAIN(TestRolloutAnalysis)
#include "tst_rollout_analysis.moc"
