#include "localclients.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QLocalSocket>
#include <QTcpSocket>

namespace gl::sandbox {

HttpResult httpRequest(quint16 port, const QByteArray &method, const QByteArray &pathAndQuery, int timeoutMs)
{
    HttpResult result;
    const QDeadlineTimer deadline(timeoutMs);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(int(deadline.remainingTime()))) {
        result.error = socket.errorString();
        return result;
    }
    socket.write(
        method + ' ' + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    // Read until the body is complete (Content-Length) or the server closes; some servers keep the
    // connection open despite "Connection: close".
    QByteArray data;
    qsizetype headerEnd = -1;
    qsizetype expected = -1;
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        if (socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            data += socket.readAll();
        if (headerEnd < 0 && (headerEnd = data.indexOf("\r\n\r\n")) >= 0) {
            for (const QByteArray &line : data.left(headerEnd).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    expected = line.mid(15).trimmed().toLongLong();
            }
        }
        if (headerEnd >= 0 && expected >= 0 && data.size() >= headerEnd + 4 + expected)
            break;
    }
    data += socket.readAll();
    headerEnd = data.indexOf("\r\n\r\n");
    if (!data.startsWith("HTTP/1.") || headerEnd < 0) {
        result.error = deadline.hasExpired() ? QStringLiteral("timed out") : QStringLiteral("no HTTP answer");
        return result;
    }
    const QList<QByteArray> statusLine = data.left(data.indexOf("\r\n")).split(' ');
    result.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
    result.body = data.mid(headerEnd + 4);
    if (expected >= 0)
        result.body.truncate(expected);
    return result;
}

QByteArray haproxyCommand(const QString &socketPath, const QByteArray &command, QString *error, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QLocalSocket socket;
    socket.connectToServer(socketPath);
    if (!socket.waitForConnected(int(deadline.remainingTime()))) {
        if (error)
            *error = socket.errorString();
        return {};
    }
    socket.write(command + '\n');
    socket.flush();
    QByteArray reply;
    while (socket.state() == QLocalSocket::ConnectedState && !deadline.hasExpired()) {
        if (socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            reply += socket.readAll();
    }
    reply += socket.readAll();
    if (deadline.hasExpired() && error)
        *error = QStringLiteral("timed out");
    return reply;
}

bool isListening(quint16 port, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(timeoutMs);
}

} // namespace gl::sandbox
