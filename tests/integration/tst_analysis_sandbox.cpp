// Integration tests of the SLI analysis (core/analysis, core/metrics) against a real sandbox: HAProxy 2.6,
// Prometheus 2.42 scraping every second and sample services v1 (blue) and v2 (green1) sharing the traffic.
// One sandbox for the whole file (brought down by the fixture whatever happens); the tests run in order:
// healthy, latency, errors, then Prometheus stopped. Windows are 10 s so that a verdict comes quickly.
#include "analysis/analyzer.h"
#include "analysis/measurementstore.h"
#include "metrics/prometheusclient.h"
#include "sandboxfixture.h"
#include "storage/statestore.h"
#include "testpaths.h"
#include "util/clock.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace gl;
using namespace gl::test;

namespace {

AnalysisConfig testConfig(int failureLimit)
{
    AnalysisConfig c;
    c.configured = true;
    c.slis = {{QStringLiteral("errors"), SliKind::ErrorRatio, AnalysisConfig::defaultQuery(SliKind::ErrorRatio),
                  QStringLiteral("ratio")},
        {QStringLiteral("p99"), SliKind::P99Latency, AnalysisConfig::defaultQuery(SliKind::P99Latency),
            QStringLiteral("s")}};
    AnalysisRule errors;
    errors.name = QStringLiteral("errors <= 1%");
    errors.sli = QStringLiteral("errors");
    errors.kind = RuleKind::Maximum;
    errors.threshold = 0.01;
    AnalysisRule p99;
    p99.name = QStringLiteral("p99 <= 2 x stable");
    p99.sli = QStringLiteral("p99");
    p99.kind = RuleKind::Relative;
    p99.factor = 2;
    p99.floor = 0.025;
    c.rules = {errors, p99};
    c.intervalMs = 1000;
    c.windowMs = 10000;
    c.minRequests = 20;
    c.failureLimit = failureLimit;
    c.passesRequired = 3;
    c.inconclusiveAfterMs = 30000;
    c.prometheusUnreachableAfterMs = 3000;
    return c;
}

// Runs greenlightctl; returns the exit code and stdout.
int greenlightctl(const QStringList &arguments, QByteArray *out)
{
    QProcess process;
    process.start(builtExecutable(QStringLiteral("greenlightctl")), arguments);
    if (!process.waitForFinished(30000))
        return -1;
    *out = process.readAllStandardOutput();
    return process.exitCode();
}

} // namespace

class TestAnalysisSandbox : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sandbox.up(
                     {QStringLiteral("--slots"), QStringLiteral("2"), QStringLiteral("--rps"), QStringLiteral("100")},
                     &error),
            qPrintable(error));
        QCOMPARE(m_sandbox.run(QStringLiteral("deploy"),
                     {QStringLiteral("--slot"), QStringLiteral("green1"), QStringLiteral("--version"),
                         QStringLiteral("v2")}),
            0);
        const QString socket = m_sandbox.environment().runtimeApi;
        QCOMPARE(runtimeCommand(socket, "set server be_app/green1 state ready"), QByteArray());
        QCOMPARE(runtimeCommand(socket, "set server be_app/green1 weight 100"), QByteArray());
        // v2 serves about a third of the 100 requests/s; wait until Prometheus has counted some of them.
        QTRY_VERIFY_WITH_TIMEOUT(
            seriesValue(prometheusQuery(m_sandbox.prometheusPort(),
                            QStringLiteral("sum by (version)(increase(http_requests_total[10s]))")),
                QStringLiteral("version"), QStringLiteral("v2"))
                >= 20,
            30000);
        m_client = std::make_unique<PrometheusClient>(m_sandbox.environment().prometheusUrl, m_network);
        m_client->setDefaultTimeout(2000);
        QVERIFY(m_stateDir.isValid());
        Result<StateStore> state = StateStore::open(m_stateDir.filePath(QStringLiteral("state.db")));
        QVERIFY(state.ok());
        m_state.emplace(std::move(state).value());
        m_store.emplace(m_state->database());
    }

    // A healthy v2 passes: Passed after 3 passing evaluations, never Failing, Failed or Inconclusive on
    // the way; `analysis check` agrees (exit 0) using the sandbox's own analysis section.
    void healthyVersionPasses()
    {
        Analyzer analyzer(testConfig(1), *m_client, SystemClock::instance());
        analyzer.setStore(&*m_store);
        QSignalSpy verdicts(&analyzer, &Analyzer::verdictChanged);
        QVERIFY(analyzer.start(QStringLiteral("v2"), QStringLiteral("v1")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(analyzer.verdict() == Verdict::Passed, 20000);
        analyzer.stop();
        for (const QList<QVariant> &change : verdicts) {
            const Verdict v = change.first().value<Verdict>();
            QVERIFY2(v == Verdict::Passing || v == Verdict::Passed || v == Verdict::Pending,
                qPrintable(toString(v) + u": " + change.at(1).toString()));
        }
        const Result<QList<Measurement>> rows = m_store->measurements(analyzer.runId());
        QVERIFY(rows.ok());
        QVERIFY(rows->size() >= 6);
        QVERIFY(rows->first().requests >= 20);
        QVERIFY(rows->first().value >= 0 && rows->first().value <= 0.01);

        QByteArray out;
        const int code = greenlightctl({QStringLiteral("analysis"), QStringLiteral("check"), QStringLiteral("--env"),
                                           m_sandbox.environmentFile(), QStringLiteral("--new"), QStringLiteral("v2"),
                                           QStringLiteral("--stable"), QStringLiteral("v1"), QStringLiteral("--json")},
            &out);
        QCOMPARE(code, 0);
        const QJsonObject check = QJsonDocument::fromJson(out).object();
        QCOMPARE(check.value(u"outcome").toString(), QStringLiteral("pass"));
        QCOMPARE(check.value(u"measurements").toArray().size(), 3); // the sandbox ships 3 rules
    }

    // Thin traffic gives no verdict: with fewer requests than min_requests the analysis never passes or fails;
    // it stays pending, then turns inconclusive saying so, and every stored measurement is inconclusive.
    void thinTrafficGivesNoVerdict()
    {
        AnalysisConfig config = testConfig(1);
        config.minRequests = 1000000; // v2 gets a few hundred requests per 10 s window
        config.inconclusiveAfterMs = 3000;
        Analyzer analyzer(config, *m_client, SystemClock::instance());
        analyzer.setStore(&*m_store);
        QSignalSpy verdicts(&analyzer, &Analyzer::verdictChanged);
        QVERIFY(analyzer.start(QStringLiteral("v2"), QStringLiteral("v1")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(analyzer.verdict() == Verdict::Inconclusive, 15000);
        analyzer.stop();
        QVERIFY2(analyzer.reason().contains(u"thin traffic"), qPrintable(analyzer.reason()));
        for (const QList<QVariant> &change : verdicts) {
            const Verdict v = change.first().value<Verdict>();
            QVERIFY2(v == Verdict::Pending || v == Verdict::Inconclusive,
                qPrintable(toString(v) + u": " + change.at(1).toString()));
        }
        const Result<QList<Measurement>> rows = m_store->measurements(analyzer.runId());
        QVERIFY(rows.ok());
        QVERIFY(!rows->isEmpty());
        for (const Measurement &m : *rows)
            QVERIFY2(m.reason.contains(u"thin traffic"), qPrintable(m.reason));
    }

    // Injected latency (v2 +100 ms) fails the p99 rule (p99 above 2 x stable and the 25 ms floor) while the
    // error rule still passes; `analysis check` exits 3 and says which rule failed.
    void injectedLatencyFailsP99()
    {
        QCOMPARE(m_sandbox.run(QStringLiteral("fault"),
                     {QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--latency-ms"),
                         QStringLiteral("100")}),
            0);
        Analyzer analyzer(testConfig(2), *m_client, SystemClock::instance());
        analyzer.setStore(&*m_store);
        QSignalSpy measured(&analyzer, &Analyzer::measured);
        QVERIFY(analyzer.start(QStringLiteral("v2"), QStringLiteral("v1")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(analyzer.verdict() == Verdict::Failed, 30000);
        QVERIFY(!analyzer.isRunning());
        Measurement lastP99;
        Measurement lastErrors;
        for (const QList<QVariant> &args : measured) {
            const Measurement m = args.first().value<Measurement>();
            (m.sli == u"p99" ? lastP99 : lastErrors) = m;
        }
        QCOMPARE(toString(lastP99.outcome), toString(Outcome::Fail));
        QVERIFY2(lastP99.value > 0.05, qPrintable(QString::number(lastP99.value)));
        QVERIFY(lastP99.stableValue < 0.025);
        QCOMPARE(toString(lastErrors.outcome), toString(Outcome::Pass));

        QByteArray out;
        const int code = greenlightctl(
            {QStringLiteral("analysis"), QStringLiteral("check"), QStringLiteral("--env"), m_sandbox.environmentFile(),
                QStringLiteral("--new"), QStringLiteral("v2"), QStringLiteral("--stable"), QStringLiteral("v1")},
            &out);
        QCOMPARE(code, 3);
        QVERIFY2(out.contains("p99-latency <= 2 x stable") && out.contains("fail"), out.constData());
        QCOMPARE(m_sandbox.run(QStringLiteral("fault"),
                     {QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--clear")}),
            0);
    }

    // Injected errors (30 % of v2's answers) fail the analysis at exactly the 3rd failed measurement
    // (failure_limit 3): evaluations 1..k have 0, 1, 2 failures counted, Failed comes with the 3rd and
    // nothing after it. Prints the time from the fault to the Failed verdict.
    void injectedErrorsFailAtNthFailure()
    {
        AnalysisConfig config = testConfig(3);
        config.rules.removeLast(); // the error rule only: the p99 window may still hold the latency test
        Analyzer analyzer(config, *m_client, SystemClock::instance());
        analyzer.setStore(&*m_store);
        QSignalSpy evaluated(&analyzer, &Analyzer::evaluated);
        QSignalSpy verdicts(&analyzer, &Analyzer::verdictChanged);
        QElapsedTimer sinceFault;
        sinceFault.start();
        QCOMPARE(m_sandbox.run(QStringLiteral("fault"),
                     {QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--error-rate"),
                         QStringLiteral("0.3")}),
            0);
        const qint64 faultMs = sinceFault.elapsed();
        QVERIFY(analyzer.start(QStringLiteral("v2"), QStringLiteral("v1")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(analyzer.verdict() == Verdict::Failed, 30000);
        const qint64 failedMs = sinceFault.elapsed();
        QTest::qWait(1500); // nothing more after Failed
        int failedSeen = 0;
        for (qsizetype i = 0; i < evaluated.size(); ++i) {
            const Evaluation e = evaluated.at(i).first().value<Evaluation>();
            if (e.outcome == Outcome::Fail)
                ++failedSeen;
            QCOMPARE(e.failures, failedSeen);
            QCOMPARE(toString(e.verdict),
                toString(
                    failedSeen == 3 ? Verdict::Failed : (e.outcome == Outcome::Fail ? Verdict::Failing : e.verdict)));
            if (i == evaluated.size() - 1)
                QCOMPARE(failedSeen, 3);
            else
                QVERIFY(failedSeen < 3);
        }
        QCOMPARE(toString(verdicts.last().first().value<Verdict>()), toString(Verdict::Failed));
        const Result<AnalysisRunRecord> run = m_store->run(analyzer.runId());
        QVERIFY(run.ok());
        QCOMPARE(toString(run->verdict), toString(Verdict::Failed));
        qInfo("fault command %lld ms; fault to Failed (limit 3, 1 s interval) %lld ms over %lld evaluations", faultMs,
            failedMs, qint64(evaluated.size()));
        QCOMPARE(m_sandbox.run(QStringLiteral("fault"),
                     {QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--clear")}),
            0);
    }

    // Prometheus stopped: the verdict goes Pending, then Inconclusive after prometheus_unreachable_after
    // (3 s); never Passing or Passed once it stopped answering.
    void stoppedPrometheusIsInconclusive()
    {
        qint64 pid = 0;
        QFile state(m_sandbox.dir() + QStringLiteral("/sandbox.json"));
        QVERIFY(state.open(QIODevice::ReadOnly));
        for (const QJsonValue &p : QJsonDocument::fromJson(state.readAll()).object().value(u"processes").toArray()) {
            if (p.toObject().value(u"role").toString() == u"prometheus")
                pid = p.toObject().value(u"pid").toInteger();
        }
        QVERIFY(pid > 0);
        QVERIFY(m_sandbox.livePids().contains(pid)); // this sandbox's Prometheus, started by this test
        Analyzer analyzer(testConfig(1), *m_client, SystemClock::instance());
        QSignalSpy evaluated(&analyzer, &Analyzer::evaluated);
        QCOMPARE(::kill(pid_t(pid), SIGTERM), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!m_sandbox.livePids().contains(pid), 10000);
        QVERIFY(analyzer.start(QStringLiteral("v2"), QStringLiteral("v1")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(analyzer.verdict() == Verdict::Inconclusive, 15000);
        analyzer.stop();
        for (const QList<QVariant> &args : evaluated) {
            const Evaluation e = args.first().value<Evaluation>();
            QVERIFY(e.prometheusFailed);
            QVERIFY(e.verdict == Verdict::Pending || e.verdict == Verdict::Inconclusive);
        }
        QVERIFY2(analyzer.reason().contains(u"Prometheus"), qPrintable(analyzer.reason()));
    }

private:
    SandboxFixture m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<PrometheusClient> m_client;
    QTemporaryDir m_stateDir;
    std::optional<StateStore> m_state;
    std::optional<MeasurementStore> m_store;
};

QTEST_GUILESS_MAIN(TestAnalysisSandbox)
#include "tst_analysis_sandbox.moc"
