#pragma once

#include "metrics/prometheusparsers.h"
#include "metrics/prometheusquery.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace gl {

// Asynchronous client of Prometheus's HTTP API (the environment's `prometheus.url`). The network access
// manager is injected and must outlive the client. Queries are sent as POST form data (no URL-length limit on
// long PromQL), independent of each other and may run at the same time.
class PrometheusClient final : public QObject {
    Q_OBJECT

public:
    PrometheusClient(const QUrl &baseUrl, QNetworkAccessManager &network, QObject *parent = nullptr);

    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    // Requests made from now on go to `baseUrl` (the environment file changed); those under way finish.
    void setBaseUrl(const QUrl &baseUrl) { m_baseUrl = baseUrl; }
    // Timeout given to new queries (default PrometheusQuery::DefaultTimeoutMs).
    void setDefaultTimeout(int ms) { m_defaultTimeoutMs = ms; }
    [[nodiscard]] int defaultTimeout() const { return m_defaultTimeoutMs; }

    // An instant query (/api/v1/query) at `at` (Prometheus's "now" when invalid). Not started: connect
    // finished(), then start().
    [[nodiscard]] PrometheusQuery *query(const QString &promql, const QDateTime &at = {});
    // A range query (/api/v1/query_range) from `start` to `end`. `stepMs` 0 chooses the step with
    // chooseStep(range, maxPoints, minStepMs), so that no series exceeds Prometheus's 11,000 points (or a
    // chart's width when `maxPoints` is the number of pixels).
    [[nodiscard]] PrometheusQuery *queryRange(const QString &promql, const QDateTime &start, const QDateTime &end,
        qint64 stepMs = 0, int maxPoints = kPrometheusMaxPoints, qint64 minStepMs = 1000);

    // Seconds since the epoch as Prometheus reads them ("1795317461.25").
    [[nodiscard]] static QString formatTime(const QDateTime &time);

private:
    [[nodiscard]] QUrl endpoint(const QString &path) const;

    QUrl m_baseUrl;
    QNetworkAccessManager &m_network;
    int m_defaultTimeoutMs = PrometheusQuery::DefaultTimeoutMs;
};

} // namespace gl
