#pragma once

#include "metrics/prometheustypes.h"
#include "util/result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace gl {

// One request to Prometheus's HTTP API (/api/v1/query or /api/v1/query_range): a job object. Create it with
// PrometheusClient::query() or queryRange(), connect finished(), then start(). finished() is emitted exactly
// once, never from inside start(); the job deletes itself afterwards (deleteLater). It owns its reply.
//
// Errors: Unreachable (connection refused, no route, host not found), Timeout (no complete answer within
// timeout() of start()), InvalidArgument / Refused / Timeout / Unavailable (Prometheus's own error envelope,
// see parsePrometheusResponse), Protocol (an answer that is not the API's JSON, e.g. HTTP 404 from a wrong
// base URL), Cancelled (abort()).
class PrometheusQuery final : public QObject {
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 5000;

    ~PrometheusQuery() override;

    [[nodiscard]] QString promql() const { return m_promql; }
    [[nodiscard]] QUrl url() const { return m_url; }
    [[nodiscard]] int timeout() const { return m_timeoutMs; }
    // Before start(): the time allowed from start() to the complete answer.
    void setTimeout(int ms) { m_timeoutMs = ms; }
    // After finished(): the round trip in milliseconds (start() to the parsed answer or the error).
    [[nodiscard]] qint64 elapsedMs() const { return m_elapsedMs; }

    void start();
    // Ends the job with ErrorCode::Cancelled if it has not finished yet.
    void abort();

Q_SIGNALS:
    void finished(const gl::Result<gl::PrometheusResult> &result);

private:
    friend class PrometheusClient;
    PrometheusQuery(QNetworkAccessManager *network, QUrl url, QByteArray form, QString promql, QObject *parent);

    void onReplyFinished();
    void onTimeout();
    void finish(Result<PrometheusResult> result);

    QPointer<QNetworkAccessManager> m_network;
    QUrl m_url;
    QByteArray m_form; // application/x-www-form-urlencoded body
    QString m_promql;
    int m_timeoutMs = DefaultTimeoutMs;
    bool m_started = false;
    bool m_finished = false;
    qint64 m_elapsedMs = -1;
    QElapsedTimer m_elapsed;
    QTimer m_timer;
    QNetworkReply *m_reply = nullptr;
};

} // namespace gl
