#pragma once

#include <QByteArray>
#include <QString>

namespace gl::sandbox {

// Small blocking clients for the launcher's probes: a loopback HTTP/1.0 request and one HAProxy runtime API
// command. The launcher is a short-lived command-line tool, so blocking with a deadline is the simple and
// honest choice here (the console uses the asynchronous job objects in core/ instead).
struct HttpResult {
    int status = 0; // 0 when no HTTP answer came (refused, timeout, reset)
    QByteArray body;
    QString error; // why there is no answer
};

[[nodiscard]] HttpResult httpRequest(
    quint16 port, const QByteArray &method, const QByteArray &pathAndQuery, int timeoutMs = 2000);

// Sends `command` to HAProxy's runtime API at `socketPath`; returns its reply (empty reply = success), or an
// error text in `error`.
[[nodiscard]] QByteArray haproxyCommand(
    const QString &socketPath, const QByteArray &command, QString *error, int timeoutMs = 2000);

// True if something accepts TCP connections on 127.0.0.1:port.
[[nodiscard]] bool isListening(quint16 port, int timeoutMs = 200);

} // namespace gl::sandbox
