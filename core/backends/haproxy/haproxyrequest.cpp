#include "backends/haproxy/haproxyrequest.h"

#include "backends/haproxy/haproxyprotocol.h"
#include "backends/haproxy/haproxyruntimeclient.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QLocalSocket>
#include <QTcpSocket>

#include <algorithm>

namespace gl {

HaproxyRequest::HaproxyRequest(
    HaproxyRuntimeClient *client, QList<HaproxyCommand> commands, std::optional<Error> invalid)
    : QObject(client)
    , m_client(client)
    , m_commands(std::move(commands))
    , m_invalid(std::move(invalid))
    , m_timeoutMs(client->defaultTimeout())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HaproxyRequest::onTimeout);
}

HaproxyRequest::~HaproxyRequest() = default;

void HaproxyRequest::start()
{
    if (m_started)
        return;
    m_started = true;
    m_timer.start(m_timeoutMs);
    if (m_client)
        m_client->enqueue(this);
}

void HaproxyRequest::startNow()
{
    if (m_started)
        return;
    if (!m_client || m_client->changesAhead()) {
        start();
        return;
    }
    m_started = true;
    m_timer.start(m_timeoutMs);
    m_inStart = true;
    execute();
    m_inStart = false;
}

bool HaproxyRequest::changesState() const
{
    return std::any_of(
        m_commands.cbegin(), m_commands.cend(), [](const HaproxyCommand &c) { return c.expectsEmptyReply(); });
}

void HaproxyRequest::abort()
{
    if (m_finished)
        return;
    finish(makeError(ErrorCode::Cancelled,
        QCoreApplication::translate("gl::HaproxyRuntimeClient", "The HAProxy request was cancelled")));
}

void HaproxyRequest::execute()
{
    if (m_finished)
        return;
    if (m_invalid) {
        finish(*m_invalid);
        return;
    }
    if (m_commands.isEmpty()) {
        finish(QStringList());
        return;
    }
    const Result<HaproxyEndpoint> &endpoint = m_client->parsedEndpoint();
    if (!endpoint) {
        finish(endpoint.error());
        return;
    }
    connectSocket();
}

void HaproxyRequest::connectSocket()
{
    const HaproxyEndpoint &endpoint = m_client->parsedEndpoint().value();
    ++m_attempt;
    m_connected = false;
    m_reply.clear();
    if (endpoint.isLocal()) {
        auto *socket = new QLocalSocket(this);
        m_socket = socket;
        connect(socket, &QLocalSocket::connected, this, &HaproxyRequest::onConnected);
        connect(socket, &QLocalSocket::readyRead, this, &HaproxyRequest::onReadyRead);
        connect(socket, &QLocalSocket::disconnected, this, &HaproxyRequest::onDisconnected);
        connect(socket, &QLocalSocket::errorOccurred, this, [this, socket](QLocalSocket::LocalSocketError error) {
            if (socket != m_socket || error == QLocalSocket::PeerClosedError)
                return; // the end of every reply; handled by disconnected()
            onSocketError(socket->errorString(),
                error == QLocalSocket::ServerNotFoundError || error == QLocalSocket::ConnectionRefusedError);
        });
        socket->connectToServer(endpoint.localPath);
    } else {
        auto *socket = new QTcpSocket(this);
        m_socket = socket;
        connect(socket, &QTcpSocket::connected, this, &HaproxyRequest::onConnected);
        connect(socket, &QTcpSocket::readyRead, this, &HaproxyRequest::onReadyRead);
        connect(socket, &QTcpSocket::disconnected, this, &HaproxyRequest::onDisconnected);
        connect(socket, &QTcpSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError error) {
            if (socket != m_socket || error == QAbstractSocket::RemoteHostClosedError)
                return;
            onSocketError(socket->errorString(),
                error == QAbstractSocket::ConnectionRefusedError || error == QAbstractSocket::HostNotFoundError);
        });
        socket->connectToHost(endpoint.host, endpoint.port);
    }
}

void HaproxyRequest::onConnected()
{
    m_connected = true;
    const QByteArray payload = encodeRequest(m_commands);
    qCDebug(lcHaproxy) << "sending" << HaproxyCommand::joinBatch(m_commands) << "to" << m_client->endpoint();
    m_socket->write(payload);
    // On the wire now rather than when the event loop next polls the socket (a batch is one write).
    if (auto *local = qobject_cast<QLocalSocket *>(m_socket))
        local->flush();
    else if (auto *tcp = qobject_cast<QAbstractSocket *>(m_socket))
        tcp->flush();
}

void HaproxyRequest::onReadyRead()
{
    m_reply += m_socket->readAll();
}

void HaproxyRequest::onDisconnected()
{
    if (m_finished || !m_socket)
        return;
    m_reply += m_socket->readAll();
    if (!m_connected) {
        onSocketError(QStringLiteral("disconnected before connecting"), true);
        return;
    }
    const Result<QList<QByteArray>> outputs = decodeReply(m_reply, m_commands.size());
    if (!outputs) {
        Error error = outputs.error();
        error.detail = HaproxyCommand::joinBatch(m_commands).left(200) + u": " + error.detail;
        finish(error);
        return;
    }
    finish(applyReplyRule(m_commands, outputs.value()));
}

void HaproxyRequest::onSocketError(const QString &errorText, bool refusedOrMissing)
{
    if (m_finished)
        return;
    const QString endpoint = m_client ? m_client->endpoint() : QString();
    if (!m_connected) {
        // Nothing was written: retrying cannot apply a command twice.
        if (refusedOrMissing && m_client && m_attempt <= m_client->connectRetries()) {
            qCDebug(lcHaproxy) << "connect to" << endpoint << "failed:" << errorText << "- retrying";
            QIODevice *old = m_socket;
            m_socket = nullptr;
            old->disconnect(this);
            old->deleteLater();
            QTimer::singleShot(m_client->connectRetryDelay(), this, [this] {
                if (!m_finished)
                    connectSocket();
            });
            return;
        }
        finish(makeError(ErrorCode::Unreachable,
            QCoreApplication::translate("gl::HaproxyRuntimeClient", "Cannot reach the HAProxy Runtime API at %1")
                .arg(endpoint),
            errorText));
        return;
    }
    finish(makeError(ErrorCode::Protocol,
        QCoreApplication::translate("gl::HaproxyRuntimeClient",
            "The connection to HAProxy failed during a request; the changes may have been applied in part"),
        errorText));
}

void HaproxyRequest::onTimeout()
{
    if (m_finished)
        return;
    finish(makeError(ErrorCode::Timeout,
        QCoreApplication::translate("gl::HaproxyRuntimeClient", "HAProxy did not answer within %1 ms").arg(m_timeoutMs),
        HaproxyCommand::joinBatch(m_commands).left(200) + (m_connected ? u" (connected)" : u" (not connected)")));
}

void HaproxyRequest::finish(Result<QStringList> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    if (m_socket) {
        QIODevice *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        if (auto *local = qobject_cast<QLocalSocket *>(socket))
            local->abort();
        else if (auto *tcp = qobject_cast<QTcpSocket *>(socket))
            tcp->abort();
        socket->deleteLater();
    }
    if (m_inStart) {
        QMetaObject::invokeMethod(
            this, [this, result = std::move(result)] { notifyFinished(result); }, Qt::QueuedConnection);
        return;
    }
    notifyFinished(result);
}

void HaproxyRequest::notifyFinished(const Result<QStringList> &result)
{
    if (!result.ok())
        qCDebug(lcHaproxy) << "request failed:" << result.error().toString();
    emit finished(result);
    if (m_client)
        m_client->onRequestFinished(this);
    deleteLater();
}

} // namespace gl
