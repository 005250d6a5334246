#include "sampleserver.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

namespace gl::sandbox {

using StatusCode = QHttpServerResponder::StatusCode;

SampleServer::SampleServer(QString version, FaultSettings faults, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_version(std::move(version))
    , m_faults(faults)
    , m_metrics(m_version)
{ }

QString SampleServer::listenOn(quint16 port, quint16 adminPort)
{
    m_server = new QTcpServer(this);
    if (!m_server->listen(QHostAddress::LocalHost, port))
        return QStringLiteral("cannot listen on 127.0.0.1:%1: %2").arg(port).arg(m_server->errorString());
    m_server->setMaxPendingConnections(512);
    m_port = m_server->serverPort();
    bind(m_server);
    if (adminPort != 0) {
        m_adminServer = new QTcpServer(this);
        if (!m_adminServer->listen(QHostAddress::LocalHost, adminPort))
            return QStringLiteral("cannot listen on 127.0.0.1:%1 (admin): %2")
                .arg(adminPort)
                .arg(m_adminServer->errorString());
        m_adminPort = m_adminServer->serverPort();
        bind(m_adminServer);
    }
    return {};
}

void SampleServer::shutDown()
{
    m_shuttingDown = true;
    m_ready = false;
    if (m_server)
        m_server->close();
    if (m_adminServer)
        m_adminServer->close();
    if (m_inFlight == 0)
        Q_EMIT drained();
}

void SampleServer::requestDone()
{
    --m_inFlight;
    if (m_shuttingDown && m_inFlight == 0)
        Q_EMIT drained();
}

bool SampleServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path();
    const bool onAdminPort = m_adminServer && socket->localPort() == m_adminPort;
    if (onAdminPort) {
        if (!path.startsWith(u"/admin/"))
            return false;
        handleAdmin(request, socket);
        return true;
    }
    if (request.method() != QHttpServerRequest::Method::Get && request.method() != QHttpServerRequest::Method::Head)
        return false;
    if (path == u"/") {
        handleApp(request, socket);
        return true;
    }
    if (path == u"/healthz") {
        makeResponder(request, socket)
            .write(m_ready ? QByteArray("ok\n") : QByteArray("not ready\n"), "text/plain",
                m_ready ? StatusCode::Ok : StatusCode::ServiceUnavailable);
        return true;
    }
    if (path == u"/metrics") {
        makeResponder(request, socket)
            .write(m_metrics.render(m_ready, m_faults.errorRate, m_faults.latencyMs, m_inFlight),
                "text/plain; version=0.0.4; charset=utf-8");
        return true;
    }
    return false;
}

void SampleServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    makeResponder(request, socket).write(QByteArray("not found\n"), "text/plain", StatusCode::NotFound);
}

void SampleServer::handleApp(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ++m_inFlight;
    QElapsedTimer timer;
    timer.start();
    const bool fail = m_faults.errorRate > 0 && QRandomGenerator::global()->generateDouble() < m_faults.errorRate;
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    const QPointer<QTcpSocket> guard(socket);
    auto answer = [this, responder, guard, timer, fail]() {
        const int code = fail ? 500 : 200;
        m_metrics.record(code, timer.nsecsElapsed() / 1e9);
        if (guard && guard->isOpen()) { // the client may have gone while we waited
            const QByteArray body
                = QJsonDocument(QJsonObject {{QStringLiteral("version"), m_version},
                                    {QStringLiteral("port"), int(m_port)}, {QStringLiteral("ok"), !fail}})
                      .toJson(QJsonDocument::Compact)
                + '\n';
            responder->write(body, {{"Content-Type", "application/json"}, {"X-Version", m_version.toUtf8()}},
                fail ? StatusCode::InternalServerError : StatusCode::Ok);
        }
        requestDone();
    };
    if (m_faults.latencyMs <= 0) {
        answer();
        return;
    }
    const int jitter = QRandomGenerator::global()->bounded(qMax(1, m_faults.latencyMs / 10) + 1);
    QTimer::singleShot(m_faults.latencyMs + jitter, Qt::PreciseTimer, this, answer);
}

void SampleServer::handleAdmin(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path();
    const QUrlQuery query = request.query();
    QHttpServerResponder responder = makeResponder(request, socket);
    const bool post = request.method() == QHttpServerRequest::Method::Post;
    if (path == u"/admin/state") {
        responder.write(stateJson(), "application/json");
        return;
    }
    if (path == u"/admin/fault" && post) {
        FaultSettings next = m_faults;
        if (query.queryItemValue(QStringLiteral("clear")) == u"1")
            next = FaultSettings {};
        bool ok = true;
        if (query.hasQueryItem(QStringLiteral("error_rate"))) {
            bool parsed = false;
            const double rate = query.queryItemValue(QStringLiteral("error_rate")).toDouble(&parsed);
            ok = ok && parsed && rate >= 0 && rate <= 1;
            next.errorRate = rate;
        }
        if (query.hasQueryItem(QStringLiteral("latency_ms"))) {
            bool parsed = false;
            const int latency = query.queryItemValue(QStringLiteral("latency_ms")).toInt(&parsed);
            ok = ok && parsed && latency >= 0 && latency <= 60000;
            next.latencyMs = latency;
        }
        if (!ok) {
            responder.write(
                QByteArray("error_rate must be 0..1 and latency_ms 0..60000\n"), "text/plain", StatusCode::BadRequest);
            return;
        }
        m_faults = next;
        responder.write(stateJson(), "application/json");
        return;
    }
    if (path == u"/admin/ready" && post) {
        const QString value = query.queryItemValue(QStringLiteral("ready"));
        if (value != u"0" && value != u"1") {
            responder.write(QByteArray("ready must be 0 or 1\n"), "text/plain", StatusCode::BadRequest);
            return;
        }
        m_ready = value == u"1" && !m_shuttingDown;
        responder.write(stateJson(), "application/json");
        return;
    }
    responder.write(QByteArray("not found\n"), "text/plain", StatusCode::NotFound);
}

QByteArray SampleServer::stateJson() const
{
    return QJsonDocument(
               QJsonObject {{QStringLiteral("version"), m_version}, {QStringLiteral("port"), int(m_port)},
                   {QStringLiteral("errorRate"), m_faults.errorRate}, {QStringLiteral("latencyMs"), m_faults.latencyMs},
                   {QStringLiteral("ready"), m_ready}, {QStringLiteral("inFlight"), m_inFlight}})
               .toJson(QJsonDocument::Compact)
        + '\n';
}

} // namespace gl::sandbox
