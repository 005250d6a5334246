#include "prometheusclient.h"

#include <QNetworkAccessManager>

namespace gl {
namespace {

// Form fields, each percent-encoded in full ('+' in PromQL must not turn into a space).
class Form {
public:
    Form &add(const char *key, const QString &value)
    {
        if (!m_body.isEmpty())
            m_body += '&';
        m_body += key;
        m_body += '=';
        m_body += QUrl::toPercentEncoding(value);
        return *this;
    }
    [[nodiscard]] QByteArray body() const { return m_body; }

private:
    QByteArray m_body;
};

QString formatStep(qint64 ms)
{
    return QString::number(ms / 1000) + u'.' + QString::number(ms % 1000).rightJustified(3, u'0');
}

} // namespace

PrometheusClient::PrometheusClient(const QUrl &baseUrl, QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_baseUrl(baseUrl)
    , m_network(network)
{ }

QString PrometheusClient::formatTime(const QDateTime &time)
{
    const qint64 ms = time.toMSecsSinceEpoch();
    return QString::number(ms / 1000) + u'.' + QString::number(ms % 1000).rightJustified(3, u'0');
}

QUrl PrometheusClient::endpoint(const QString &path) const
{
    QUrl url = m_baseUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path);
    url.setQuery(QString());
    return url;
}

PrometheusQuery *PrometheusClient::query(const QString &promql, const QDateTime &at)
{
    Form form;
    form.add("query", promql);
    if (at.isValid())
        form.add("time", formatTime(at));
    // Prometheus's own evaluation timeout a little below ours, so it says "timeout" rather than going silent.
    form.add("timeout", QStringLiteral("%1ms").arg(std::max(100, m_defaultTimeoutMs - 100)));
    auto *job = new PrometheusQuery(&m_network, endpoint(QStringLiteral("/api/v1/query")), form.body(), promql, this);
    job->setTimeout(m_defaultTimeoutMs);
    return job;
}

PrometheusQuery *PrometheusClient::queryRange(
    const QString &promql, const QDateTime &start, const QDateTime &end, qint64 stepMs, int maxPoints, qint64 minStepMs)
{
    if (stepMs <= 0)
        stepMs = chooseStep(start.msecsTo(end), maxPoints, minStepMs);
    Form form;
    form.add("query", promql);
    form.add("start", formatTime(start));
    form.add("end", formatTime(end));
    form.add("step", formatStep(stepMs));
    form.add("timeout", QStringLiteral("%1ms").arg(std::max(100, m_defaultTimeoutMs - 100)));
    auto *job
        = new PrometheusQuery(&m_network, endpoint(QStringLiteral("/api/v1/query_range")), form.body(), promql, this);
    job->setTimeout(m_defaultTimeoutMs);
    return job;
}

} // namespace gl
