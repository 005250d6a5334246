// Tests of the Analyzer (core/analysis/analyzer) with a ManualClock and a scripted Prometheus on 127.0.0.1
// (values on demand: thin traffic, NaN, an outage at a chosen evaluation), and of MeasurementStore on a real
// SQLite state database. The same behaviour against a real Prometheus: tests/integration/tst_analysis_sandbox.
#include "analysis/analyzer.h"
#include "analysis/measurementstore.h"
#include "metrics/prometheusclient.h"
#include "storage/statestore.h"
#include "util/clock.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <functional>
#include <limits>

using namespace gl;

namespace {

// Answers every /api/v1/query with `value(promql)`: a Prometheus value string ("0.05", "NaN") for a
// one-series vector, "" for an empty vector. `down` makes it close connections without answering.
class ScriptedPrometheus final : public QObject {
public:
    std::function<QString(const QString &promql)> value;
    bool down = false;
    QStringList queries;

    ScriptedPrometheus()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    [[nodiscard]] QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(end).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        const QUrlQuery form(QString::fromUtf8(buffer.mid(end + 4, length)));
        m_buffers.remove(socket);
        if (down) {
            socket->abort();
            return;
        }
        const QString promql = form.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded);
        queries << promql;
        const QString v = value ? value(promql) : QString();
        const QByteArray body = v.isEmpty()
            ? QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[]}})")
            : QByteArray(
                  R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1795317461.2,")")
                + v.toUtf8() + "\"]}]}}";
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

AnalysisConfig config(int failureLimit)
{
    AnalysisConfig c;
    c.configured = true;
    c.slis = {{QStringLiteral("errors"), SliKind::ErrorRatio, AnalysisConfig::defaultQuery(SliKind::ErrorRatio),
                  QStringLiteral("ratio")},
        {QStringLiteral("p99"), SliKind::P99Latency, AnalysisConfig::defaultQuery(SliKind::P99Latency),
            QStringLiteral("s")}};
    AnalysisRule errors;
    errors.name = QStringLiteral("errors <= 0.01");
    errors.sli = QStringLiteral("errors");
    errors.kind = RuleKind::Maximum;
    errors.threshold = 0.01;
    AnalysisRule p99;
    p99.name = QStringLiteral("p99 <= 2 x stable");
    p99.sli = QStringLiteral("p99");
    p99.kind = RuleKind::Relative;
    p99.factor = 2;
    c.rules = {errors, p99};
    c.windowMs = 10000;
    c.minRequests = 50;
    c.failureLimit = failureLimit;
    c.passesRequired = 2;
    c.inconclusiveAfterMs = 3000;
    c.prometheusUnreachableAfterMs = 2000;
    return c;
}

// What the scripted Prometheus answers for a healthy pair: v1 and v2 with 1 % of the threshold.
struct Scenario {
    QString errorsV2 = QStringLiteral("0");
    QString p99V1 = QStringLiteral("0.005");
    QString p99V2 = QStringLiteral("0.006");
    QString requestsV2 = QStringLiteral("300");
    QString requestsV1 = QStringLiteral("600");

    QString answer(const QString &promql) const
    {
        const bool v2 = promql.contains(u"version=\"v2\"");
        if (promql.contains(u"increase("))
            return v2 ? requestsV2 : requestsV1;
        if (promql.contains(u"histogram_quantile"))
            return v2 ? p99V2 : p99V1;
        return v2 ? errorsV2 : QStringLiteral("0");
    }
};

// The next evaluation: the one in flight (the first, started by start()), or a new one `advanceMs` later on
// the analysis clock. Waits for it.
Evaluation evaluate(Analyzer &analyzer, ManualClock &clock, qint64 advanceMs = 1000)
{
    QSignalSpy spy(&analyzer, &Analyzer::evaluated);
    if (!analyzer.isEvaluating()) {
        clock.advance(advanceMs);
        if (!analyzer.evaluateNow())
            return {};
    }
    if (!spy.wait(5000))
        return {};
    return spy.first().first().value<Evaluation>();
}

} // namespace

class TestAnalysisAnalyzer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // With failure_limit 3 and an error ratio of 5 %, the analysis fails at exactly the 3rd failed
    // evaluation, not before and not after; every rule's measurement of every evaluation is stored with its
    // value, threshold and verdict; Failed stops the analyzer and is announced once.
    void failsAtExactlyTheNthFailure()
    {
        QTemporaryDir dir;
        Result<StateStore> state = StateStore::open(dir.filePath(QStringLiteral("state.db")));
        QVERIFY(state.ok());
        MeasurementStore store(state->database());
        ScriptedPrometheus prometheus;
        Scenario scenario;
        scenario.errorsV2 = QStringLiteral("0.05");
        prometheus.value = [&](const QString &q) { return scenario.answer(q); };
        QNetworkAccessManager network;
        PrometheusClient client(prometheus.url(), network);
        ManualClock clock;
        Analyzer analyzer(config(3), client, clock);
        analyzer.setTimerDriven(false);
        analyzer.setStore(&store);
        QSignalSpy verdicts(&analyzer, &Analyzer::verdictChanged);
        QSignalSpy measured(&analyzer, &Analyzer::measured);
        QVERIFY(analyzer.start(QStringLiteral("v2"), QStringLiteral("v1"), 42).ok());

        const Evaluation first = evaluate(analyzer, clock);
        QCOMPARE(first.sequence, 1);
        QCOMPARE(toString(first.outcome), toString(Outcome::Fail));
        QCOMPARE(toString(first.verdict), toString(Verdict::Failing));
        QCOMPARE(first.failures, 1);
        const Evaluation second = evaluate(analyzer, clock);
        QCOMPARE(toString(second.verdict), toString(Verdict::Failing));
        QCOMPARE(second.failures, 2);
        QVERIFY(analyzer.isRunning());
        const Evaluation third = evaluate(analyzer, clock);
        QCOMPARE(toString(third.verdict), toString(Verdict::Failed));
        QCOMPARE(third.failures, 3);
        QVERIFY(third.reason.contains(u"3"));
        QVERIFY(!analyzer.isRunning());
        QVERIFY(!analyzer.evaluateNow());
        QCOMPARE(measured.size(), 6); // 2 rules x 3 evaluations

        // verdictChanged: Failing once, then Failed once.
        QCOMPARE(verdicts.size(), 2);
        QCOMPARE(toString(verdicts.at(0).at(0).value<Verdict>()), toString(Verdict::Failing));
        QCOMPARE(toString(verdicts.at(1).at(0).value<Verdict>()), toString(Verdict::Failed));

        // Stored: the run (finished, failed) and its 6 measurements with values and thresholds.
        const Result<AnalysisRunRecord> run = store.latestRun(42);
        QVERIFY(run.ok());
        QCOMPARE(toString(run->verdict), toString(Verdict::Failed));
        QVERIFY(run->finishedAt.isValid());
        QCOMPARE(run->newVersion, QStringLiteral("v2"));
        QCOMPARE(run->stableVersion, QStringLiteral("v1"));
        QCOMPARE(run->config.failureLimit, 3);
        const Result<QList<Measurement>> rows = store.measurements(run->id);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 6);
        QCOMPARE(rows->at(0).rule, QStringLiteral("errors <= 0.01"));
        QCOMPARE(rows->at(0).value, 0.05);
        QCOMPARE(rows->at(0).threshold, 0.01);
        QCOMPARE(toString(rows->at(0).outcome), toString(Outcome::Fail));
        QCOMPARE(rows->at(0).requests, 300.0);
        QCOMPARE(rows->at(1).stableValue, 0.005);
        QCOMPARE(rows->at(1).threshold, 0.01);
        QCOMPARE(toString(rows->at(1).outcome), toString(Outcome::Pass));
        QCOMPARE(toString(rows->at(5).verdict), toString(Verdict::Failed));
        QCOMPARE(rows->at(5).sequence, 3);
    }

    // Each SLI is queried per version from its template ({version}, {window}); the stable version only for
    // relative rules.
    void templatesQueriesPerVersion()
    {
        ScriptedPrometheus prometheus;
        Scenario scenario;
        prometheus.value = [&](const QString &q) { return scenario.answer(q); };
        QNetworkAccessManager network;
        PrometheusClient client(prometheus.url(), network);
        ManualClock clock;
        Analyzer analyzer(config(1), client, clock);
        analyzer.setTimerDriven(false);
        QVERIFY(analyzer.start(QStringLiteral("v2"), QStringLiteral("v1")).ok());
        const Evaluation e = evaluate(analyzer, clock);
        QCOMPARE(toString(e.outcome), toString(Outcome::Pass));
        QCOMPARE(toString(e.verdict), toString(Verdict::Passing));
        QCOMPARE(prometheus.queries.size(), 5); // errors v2, p99 v2, p99 v1, requests v2, requests v1
        QVERIFY(prometheus.queries.contains(
            renderSliQuery(AnalysisConfig::defaultQuery(SliKind::ErrorRatio), QStringLiteral("v2"), 10000)));
        QVERIFY(prometheus.queries.contains(
            renderSliQuery(AnalysisConfig::defaultQuery(SliKind::P99Latency), QStringLiteral("v1"), 10000)));
        QVERIFY(!prometheus.queries.contains(
            renderSliQuery(AnalysisConfig::defaultQuery(SliKind::ErrorRatio), QStringLiteral("v1"), 10000)));
        QVERIFY(prometheus.queries.first().contains(u"[10s]"));
        QCOMPARE(toString(evaluate(analyzer, clock).verdict), toString(Verdict::Passed));
    }

    // Thin traffic is never a pass: Pending, then Inconclusive once it lasted inconclusive_after (3 s on the
    // analysis clock), whatever the error ratio; traffic coming back lets it pass again.
    void thinTrafficIsInconclusive()
    {
        ScriptedPrometheus prometheus;
        Scenario scenario;
        scenario.requestsV2 = QStringLiteral("12");
        scenario.errorsV2 = QStringLiteral("0");
        prometheus.value = [&](const QString &q) { return scenario.answer(q); };
        QNetworkAccessManager network;
        PrometheusClient client(prometheus.url(), network);
        ManualClock clock;
        Analyzer analyzer(config(1), client, clock);
        analyzer.setTimerDriven(false);
        QVERIFY(analyzer.start(QStringLiteral("v2"), QStringLiteral("v1")).ok());
        QStringList seen;
        for (int i = 0; i < 5; ++i)
            seen << toString(evaluate(analyzer, clock).verdict);
        QCOMPARE(seen.join(u' '), QStringLiteral("pending pending pending inconclusive inconclusive"));
        QVERIFY2(analyzer.reason().contains(u"thin traffic"), qPrintable(analyzer.reason()));
        scenario.requestsV2 = QStringLiteral("300");
        QCOMPARE(toString(evaluate(analyzer, clock).verdict), toString(Verdict::Passing));
    }

    // No data at all (NaN ratio: no traffic in the window; no series) is inconclusive, never passing.
    void noDataIsNeverPassing()
    {
        ScriptedPrometheus prometheus;
        prometheus.value
            = [](const QString &q) { return q.contains(u"increase(") ? QStringLiteral("500") : QStringLiteral("NaN"); };
        QNetworkAccessManager network;
        PrometheusClient client(prometheus.url(), network);
        ManualClock clock;
        Analyzer analyzer(config(1), client, clock);
        analyzer.setTimerDriven(false);
        QVERIFY(analyzer.start(QStringLiteral("v2"), QStringLiteral("v1")).ok());
        for (int i = 0; i < 6; ++i) {
            const Evaluation e = evaluate(analyzer, clock);
            QCOMPARE(toString(e.outcome), toString(Outcome::Inconclusive));
            QVERIFY(e.verdict == Verdict::Pending || e.verdict == Verdict::Inconclusive);
        }
        QCOMPARE(toString(analyzer.verdict()), toString(Verdict::Inconclusive));
    }

    // Prometheus going away mid-analysis: Pending until prometheus_unreachable_after (2 s), then
    // Inconclusive; a passing analysis never stays Passed while Prometheus is down.
    void unreachablePrometheusIsInconclusive()
    {
        ScriptedPrometheus prometheus;
        Scenario scenario;
        prometheus.value = [&](const QString &q) { return scenario.answer(q); };
        QNetworkAccessManager network;
        PrometheusClient client(prometheus.url(), network);
        ManualClock clock;
        Analyzer analyzer(config(1), client, clock);
        analyzer.setTimerDriven(false);
        QVERIFY(analyzer.start(QStringLiteral("v2"), QStringLiteral("v1")).ok());
        QCOMPARE(toString(evaluate(analyzer, clock).verdict), toString(Verdict::Passing));
        QCOMPARE(toString(evaluate(analyzer, clock).verdict), toString(Verdict::Passed));
        prometheus.down = true;
        QStringList seen;
        for (int i = 0; i < 4; ++i) {
            const Evaluation e = evaluate(analyzer, clock);
            QVERIFY(e.prometheusFailed);
            seen << toString(e.verdict);
        }
        QCOMPARE(seen.join(u' '), QStringLiteral("pending pending inconclusive inconclusive"));
        QVERIFY2(analyzer.reason().contains(u"Prometheus"), qPrintable(analyzer.reason()));
    }

    // stop() ends the run: no signal afterwards, the stored run is finished; start() refuses bad input.
    void stopAndStartChecks()
    {
        QTemporaryDir dir;
        Result<StateStore> state = StateStore::open(dir.filePath(QStringLiteral("state.db")));
        QVERIFY(state.ok());
        MeasurementStore store(state->database());
        ScriptedPrometheus prometheus;
        Scenario scenario;
        prometheus.value = [&](const QString &q) { return scenario.answer(q); };
        QNetworkAccessManager network;
        PrometheusClient client(prometheus.url(), network);
        ManualClock clock;
        Analyzer analyzer(config(1), client, clock);
        analyzer.setTimerDriven(false);
        analyzer.setStore(&store);
        QCOMPARE(analyzer.start(QString(), QStringLiteral("v1")).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(analyzer.start(QStringLiteral("v2"), QString()).error().code, ErrorCode::InvalidArgument);
        QSignalSpy evaluated(&analyzer, &Analyzer::evaluated);
        QVERIFY(analyzer.start(QStringLiteral("v2"), QStringLiteral("v1")).ok());
        QCOMPARE(analyzer.start(QStringLiteral("v2"), QStringLiteral("v1")).error().code, ErrorCode::Conflict);
        analyzer.stop(); // the first evaluation is in flight
        QTest::qWait(200);
        QCOMPARE(evaluated.size(), 0);
        const Result<AnalysisRunRecord> run = store.latestRun();
        QVERIFY(run.ok());
        QVERIFY(run->finishedAt.isValid());
        QCOMPARE(store.measurements(run->id)->size(), 0);
    }

    // The timer drives evaluations every interval; ticks while an evaluation waits are skipped, never
    // overlapped.
    void timerDrivesEvaluations()
    {
        ScriptedPrometheus prometheus;
        Scenario scenario;
        prometheus.value = [&](const QString &q) { return scenario.answer(q); };
        QNetworkAccessManager network;
        PrometheusClient client(prometheus.url(), network);
        AnalysisConfig c = config(1);
        c.intervalMs = 100;
        Analyzer analyzer(c, client, SystemClock::instance());
        QSignalSpy evaluated(&analyzer, &Analyzer::evaluated);
        QVERIFY(analyzer.start(QStringLiteral("v2"), QStringLiteral("v1")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(evaluated.size() >= 3, 5000);
        analyzer.stop();
        for (qsizetype i = 0; i < evaluated.size(); ++i)
            QCOMPARE(evaluated.at(i).first().value<Evaluation>().sequence, int(i + 1));
    }

    // Stored values keep NaN and +Inf apart (NaN as NULL, +Inf as SQLite's infinity).
    void storeKeepsNanAndInf()
    {
        QTemporaryDir dir;
        Result<StateStore> state = StateStore::open(dir.filePath(QStringLiteral("state.db")));
        QVERIFY(state.ok());
        MeasurementStore store(state->database());
        const Result<qint64> id = store.beginRun(
            0, QStringLiteral("v2"), QStringLiteral("v1"), QDateTime::currentDateTimeUtc(), AnalysisConfig::defaults());
        QVERIFY(id.ok());
        Evaluation e;
        e.runId = *id;
        e.sequence = 1;
        e.verdict = Verdict::Pending;
        Measurement m;
        m.sequence = 1;
        m.at = QDateTime::currentDateTimeUtc();
        m.rule = QStringLiteral("r");
        m.sli = QStringLiteral("s");
        m.version = QStringLiteral("v2");
        m.value = std::numeric_limits<double>::infinity();
        m.threshold = 0.5;
        e.measurements << m;
        const Status recorded = store.record(e);
        QVERIFY2(recorded.ok(), qPrintable(recorded.ok() ? QString() : recorded.error().toString()));
        const Result<QList<Measurement>> rows = store.measurements(*id);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 1);
        QVERIFY(std::isinf(rows->first().value) && rows->first().value > 0);
        QVERIFY(std::isnan(rows->first().stableValue));
        QCOMPARE(rows->first().threshold, 0.5);
    }
};

QTEST_GUILESS_MAIN(TestAnalysisAnalyzer)
#include "tst_analysisanalyzer.moc"
