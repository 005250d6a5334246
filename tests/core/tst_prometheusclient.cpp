// Tests of the asynchronous Prometheus client (core/metrics/PrometheusClient, PrometheusQuery) against a
// scripted local HTTP server for what a real Prometheus cannot do on demand (hang, cut a reply, answer 404
// HTML, vanish); the real Prometheus is exercised by tests/integration/tst_analysis_sandbox.
#include "metrics/prometheusclient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <functional>
#include <optional>

using namespace gl;

namespace {

// A tiny HTTP/1.1 server on 127.0.0.1: each request goes to `handler`, which says what to answer.
class ScriptedHttpServer final : public QObject {
public:
    struct Answer {
        int status = 200;
        QByteArray body;
        int delayMs = 0;
        bool cut = false; // send half the body, then close
        bool silent = false; // never answer
    };
    struct Request {
        QByteArray method;
        QByteArray path;
        QByteArray body;
        QMap<QString, QString> form;
    };
    std::function<Answer(const Request &)> handler;
    QList<Request> requests;

    ScriptedHttpServer()
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
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        qsizetype length = 0;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        Request request;
        const QList<QByteArray> first = lines.first().trimmed().split(' ');
        request.method = first.value(0);
        request.path = first.value(1);
        request.body = buffer.mid(end + 4, length);
        m_buffers.remove(socket);
        const QUrlQuery query(QString::fromUtf8(request.body));
        for (const auto &item : query.queryItems(QUrl::FullyDecoded))
            request.form.insert(item.first, item.second);
        requests << request;
        const Answer answer = handler ? handler(request) : Answer {};
        if (answer.silent)
            return;
        QTimer::singleShot(answer.delayMs, socket, [socket, answer] {
            QByteArray body = answer.cut ? answer.body.left(answer.body.size() / 2) : answer.body;
            QByteArray head = "HTTP/1.1 " + QByteArray::number(answer.status)
                + " X\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\nConnection: close\r\n\r\n";
            socket->write(head + body);
            socket->flush();
            socket->disconnectFromHost();
        });
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

const QByteArray kVector
    = R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"version":"v2"},"value":[1795317461.2,"0.09"]}]}})";

// Starts `job` and waits for its one finished().
Result<PrometheusResult> run(PrometheusQuery *job)
{
    std::optional<Result<PrometheusResult>> answer;
    int count = 0;
    QObject::connect(job, &PrometheusQuery::finished, job, [&](const Result<PrometheusResult> &result) {
        answer = result;
        ++count;
    });
    job->start();
    for (int i = 0; i < 1000 && count == 0; ++i)
        QTest::qWait(10);
    QTest::qWait(50);
    if (count != 1 || !answer)
        return makeError(ErrorCode::Unknown, QStringLiteral("finished() %1 times").arg(count));
    return *answer;
}

} // namespace

class TestPrometheusClient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // An instant query is a POST of the form to <base>/api/v1/query, PromQL intact ('+', quotes, braces),
    // and the parsed vector comes back.
    void instantQuery()
    {
        ScriptedHttpServer server;
        server.handler = [](const ScriptedHttpServer::Request &) { return ScriptedHttpServer::Answer {200, kVector}; };
        QNetworkAccessManager network;
        QUrl base = server.url();
        base.setPath(QStringLiteral("/prom/"));
        PrometheusClient client(base, network);
        const QString promql = QStringLiteral("sum(rate(x{version=\"v 2+\"}[10s])) + 1 & 2");
        const Result<PrometheusResult> result = run(client.query(promql));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result->series.size(), 1);
        QCOMPARE(result->series.first().samples.first().value, 0.09);
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(server.requests.first().method, QByteArray("POST"));
        QCOMPARE(server.requests.first().path, QByteArray("/prom/api/v1/query"));
        QCOMPARE(server.requests.first().form.value(QStringLiteral("query")), promql);
    }

    // A range query sends start, end and a step that keeps a week under 11,000 points.
    void rangeQueryChoosesStep()
    {
        ScriptedHttpServer server;
        server.handler = [](const ScriptedHttpServer::Request &) {
            return ScriptedHttpServer::Answer {
                200, R"({"status":"success","data":{"resultType":"matrix","result":[]}})"};
        };
        QNetworkAccessManager network;
        PrometheusClient client(server.url(), network);
        const QDateTime end = QDateTime::fromSecsSinceEpoch(1795317461, Qt::UTC);
        const QDateTime start = end.addDays(-7);
        const Result<PrometheusResult> result = run(client.queryRange(QStringLiteral("up"), start, end));
        QVERIFY(result.ok());
        QVERIFY(result->type == PrometheusResultType::Matrix);
        const auto &form = server.requests.first().form;
        QCOMPARE(server.requests.first().path, QByteArray("/api/v1/query_range"));
        QCOMPARE(form.value(QStringLiteral("start")), QStringLiteral("1794712661.000"));
        QCOMPARE(form.value(QStringLiteral("end")), QStringLiteral("1795317461.000"));
        const double step = form.value(QStringLiteral("step")).toDouble();
        QCOMPARE(step, 55.0);
        QVERIFY((7 * 86400) / step + 1 <= 11000);
    }

    // Prometheus's error envelope on HTTP 400 is reported with Prometheus's own words.
    void errorEnvelope()
    {
        ScriptedHttpServer server;
        server.handler = [](const ScriptedHttpServer::Request &) {
            return ScriptedHttpServer::Answer {
                400, R"({"status":"error","errorType":"bad_data","error":"parse error: unclosed left parenthesis"})"};
        };
        QNetworkAccessManager network;
        PrometheusClient client(server.url(), network);
        const Result<PrometheusResult> result = run(client.query(QStringLiteral("sum(")));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
        QVERIFY(result.error().message.contains(u"unclosed left parenthesis"));
    }

    // Failures: a hung server times out (once, at the job's timeout), a cut reply and a 404 page are
    // Protocol errors, a closed port is Unreachable; abort() is Cancelled. finished() comes exactly once.
    void failures_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("code");
        QTest::newRow("hang") << 0 << int(ErrorCode::Timeout);
        QTest::newRow("cut reply") << 1 << int(ErrorCode::Protocol);
        QTest::newRow("404 page") << 2 << int(ErrorCode::Protocol);
        QTest::newRow("closed port") << 3 << int(ErrorCode::Unreachable);
        QTest::newRow("aborted") << 4 << int(ErrorCode::Cancelled);
    }
    void failures()
    {
        QFETCH(int, mode);
        QFETCH(int, code);
        auto server = std::make_unique<ScriptedHttpServer>();
        server->handler = [mode](const ScriptedHttpServer::Request &) {
            ScriptedHttpServer::Answer a {200, kVector};
            a.silent = mode == 0 || mode == 4;
            a.cut = mode == 1;
            if (mode == 2) {
                a.status = 404;
                a.body = "<html>404 page not found</html>";
            }
            return a;
        };
        const QUrl url = server->url();
        if (mode == 3)
            server.reset(); // nothing listens there any more
        QNetworkAccessManager network;
        PrometheusClient client(url, network);
        client.setDefaultTimeout(300);
        PrometheusQuery *job = client.query(QStringLiteral("up"));
        std::optional<Result<PrometheusResult>> answer;
        int count = 0;
        connect(job, &PrometheusQuery::finished, this, [&](const Result<PrometheusResult> &result) {
            answer = result;
            ++count;
        });
        job->start();
        if (mode == 4)
            job->abort();
        QTRY_VERIFY_WITH_TIMEOUT(count > 0, 5000);
        QTest::qWait(400); // a late reply or timer must not produce a second finished()
        QCOMPARE(count, 1);
        const Result<PrometheusResult> result = *answer;
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().code), code);
        QVERIFY(!result.error().message.isEmpty());
    }

    // finished() is never emitted from inside start(), even when the job fails at once.
    void neverFinishesInsideStart()
    {
        QNetworkAccessManager network;
        PrometheusClient client(QUrl(QStringLiteral("http://127.0.0.1:1")), network);
        PrometheusQuery *job = client.query(QStringLiteral("up"));
        int count = 0;
        connect(job, &PrometheusQuery::finished, this, [&count] { ++count; });
        job->abort();
        QCOMPARE(count, 0);
        QTRY_COMPARE(count, 1);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusClient)
#include "tst_prometheusclient.moc"
