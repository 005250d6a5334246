#pragma once

#include "requestmetrics.h"

#include <QAbstractHttpServer>
#include <QString>

class QTcpServer;
class QHttpServerResponder;

namespace gl::sandbox {

// What the sample service is told to do wrong: a fraction of requests answered 500, and added latency.
struct FaultSettings {
    double errorRate = 0.0; // 0..1
    int latencyMs = 0; // added before answering /, plus up to 10% (at least 1 ms) jitter
};

// The sandbox's sample HTTP service. On its service port (127.0.0.1 only):
//   GET /         200 {"version":...} or 500 at the configured error rate, after the configured latency
//   GET /healthz  200 when ready, 503 when not (HAProxy's health check)
//   GET /metrics  Prometheus text: http_requests_total{version,code}, http_request_duration_seconds{version}
// On its admin port (127.0.0.1 only, never behind HAProxy):
//   GET  /admin/state                               JSON of version, faults, readiness, in-flight
//   POST /admin/fault?error_rate=F&latency_ms=N     change faults (either may be omitted); ?clear=1 resets
//   POST /admin/ready?ready=0|1                     change readiness
// Delayed answers use a timer per request, so latency never blocks other requests.
class SampleServer final : public QAbstractHttpServer {
    Q_OBJECT
public:
    SampleServer(QString version, FaultSettings faults, QObject *parent = nullptr);

    // Listens on 127.0.0.1:port (and 127.0.0.1:adminPort when non-zero). Returns an error text on failure.
    [[nodiscard]] QString listenOn(quint16 port, quint16 adminPort);
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] quint16 adminPort() const { return m_adminPort; }

    // Stops accepting connections; emits drained() once no request is in flight (at once if none is).
    void shutDown();

Q_SIGNALS:
    void drained();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void handleApp(const QHttpServerRequest &request, QTcpSocket *socket);
    void handleAdmin(const QHttpServerRequest &request, QTcpSocket *socket);
    [[nodiscard]] QByteArray stateJson() const;
    void requestDone();

    QString m_version;
    FaultSettings m_faults;
    bool m_ready = true;
    bool m_shuttingDown = false;
    int m_inFlight = 0;
    quint16 m_port = 0;
    quint16 m_adminPort = 0;
    QTcpServer *m_server = nullptr;
    QTcpServer *m_adminServer = nullptr;
    RequestMetrics m_metrics;
};

} // namespace gl::sandbox
