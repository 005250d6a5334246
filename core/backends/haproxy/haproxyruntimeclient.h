#pragma once

#include "backends/haproxy/haproxycommand.h"
#include "backends/haproxy/haproxytypes.h"
#include "util/result.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace gl {

class HaproxyRequest;

// Where the Runtime API listens: a UNIX socket path ("/run/haproxy/admin.sock") or "host:port".
struct HaproxyEndpoint {
    QString localPath;
    QString host;
    quint16 port = 0;

    [[nodiscard]] bool isLocal() const { return !localPath.isEmpty(); }
    [[nodiscard]] QString toString() const;
    [[nodiscard]] static Result<HaproxyEndpoint> parse(const QString &text);
};

// Asynchronous client of HAProxy's Runtime API (the stats socket, `level admin`).
//
// Every request opens a NEW connection (QLocalSocket or QTcpSocket) and sends its commands in one line, in
// prompt mode so the reply splits per command (see haproxyprotocol.h for what was measured). A new
// connection per request is what makes reloads safe: a kept-open session stays attached to the old worker
// after a reload. It also makes reconnecting implicit: there is no session to lose. Requests run one at a
// time, in the order they were started, so changes are applied in order (HaproxyRequest::startNow lets a
// change overtake reads, never another change).
class HaproxyRuntimeClient final : public QObject {
    Q_OBJECT

public:
    explicit HaproxyRuntimeClient(const QString &endpoint, QObject *parent = nullptr);
    ~HaproxyRuntimeClient() override;

    [[nodiscard]] QString endpoint() const { return m_endpointText; }

    // Timeout given to new requests (default HaproxyRequest::DefaultTimeoutMs).
    void setDefaultTimeout(int ms) { m_defaultTimeoutMs = ms; }
    [[nodiscard]] int defaultTimeout() const { return m_defaultTimeoutMs; }
    // Quick retries of a failed connect (socket missing or refused, e.g. while HAProxy restarts) before a
    // request fails as Unreachable; nothing has been sent then, so a retry never applies a command twice.
    void setConnectRetries(int retries, int delayMs = 50)
    {
        m_connectRetries = retries;
        m_connectRetryDelayMs = delayMs;
    }
    [[nodiscard]] int connectRetries() const { return m_connectRetries; }
    [[nodiscard]] int connectRetryDelay() const { return m_connectRetryDelayMs; }

    // A request for the commands, in one line. Not started: connect finished(), then start().
    [[nodiscard]] HaproxyRequest *send(const QList<HaproxyCommand> &commands);
    // Commands as text (see HaproxyCommand::fromText: no ';' or line breaks). Invalid text makes the request
    // finish with InvalidArgument.
    [[nodiscard]] HaproxyRequest *send(const QStringList &commands);

    // Started requests that also parse their reply; `done` runs in `context` (not at all if it is gone).
    template<typename T> using Callback = std::function<void(const Result<T> &)>;
    HaproxyRequest *showStat(QObject *context, Callback<QList<ServerStat>> done);
    HaproxyRequest *showServersState(QObject *context, Callback<QList<ServerState>> done, const QString &backend = {});
    HaproxyRequest *showInfo(QObject *context, Callback<HaproxyInfo> done);
    // Applies the changes in ONE batch, in the order given (callers decide it, e.g. raise the new side before
    // lowering the old so that a backend's total weight never reaches 0).
    HaproxyRequest *setServers(
        const QList<ServerChange> &changes, QObject *context, std::function<void(const Status &)> done);

    // A request that changes HAProxy's state is queued or running (HaproxyRequest::startNow waits for it).
    [[nodiscard]] bool changesAhead() const;

private:
    friend class HaproxyRequest;
    void enqueue(HaproxyRequest *request);
    void onRequestFinished(HaproxyRequest *request);
    void startNext();
    [[nodiscard]] const Result<HaproxyEndpoint> &parsedEndpoint() const { return m_endpoint; }

    QString m_endpointText;
    Result<HaproxyEndpoint> m_endpoint;
    int m_defaultTimeoutMs;
    int m_connectRetries = 2;
    int m_connectRetryDelayMs = 50;
    QList<QPointer<HaproxyRequest>> m_queue;
    QPointer<HaproxyRequest> m_active;
    bool m_startNextScheduled = false;
};

} // namespace gl
