#include "requestmetrics.h"

namespace gl::sandbox {

RequestMetrics::RequestMetrics(QString version)
    : m_version(std::move(version))
{
    // Pre-create the series a dashboard divides by, so that rate() has a zero to start from.
    m_requestsByCode.insert(200, 0);
    m_requestsByCode.insert(500, 0);
}

void RequestMetrics::record(int statusCode, double seconds)
{
    ++m_requestsByCode[statusCode];
    ++m_count;
    m_sum += seconds;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++m_bucketCounts[i];
            break;
        }
    }
}

QByteArray RequestMetrics::render(bool ready, double errorRate, int latencyMs, int inFlight) const
{
    const QByteArray version = m_version.toUtf8(); // versions are validated to [A-Za-z0-9._-] by main()
    QByteArray out;
    out += "# HELP http_requests_total Requests to / by HTTP status code.\n"
           "# TYPE http_requests_total counter\n";
    for (auto it = m_requestsByCode.cbegin(); it != m_requestsByCode.cend(); ++it)
        out += "http_requests_total{version=\"" + version + "\",code=\"" + QByteArray::number(it.key()) + "\"} "
            + QByteArray::number(it.value()) + '\n';
    out += "# HELP http_request_duration_seconds Time to answer requests to /.\n"
           "# TYPE http_request_duration_seconds histogram\n";
    quint64 cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += m_bucketCounts[i];
        out += "http_request_duration_seconds_bucket{version=\"" + version + "\",le=\""
            + QByteArray::number(kBuckets[i], 'g', 6) + "\"} " + QByteArray::number(cumulative) + '\n';
    }
    out += "http_request_duration_seconds_bucket{version=\"" + version + "\",le=\"+Inf\"} "
        + QByteArray::number(m_count) + '\n';
    out += "http_request_duration_seconds_sum{version=\"" + version + "\"} " + QByteArray::number(m_sum, 'g', 12)
        + '\n';
    out += "http_request_duration_seconds_count{version=\"" + version + "\"} " + QByteArray::number(m_count) + '\n';
    out += "# HELP sample_service_info The version this process serves.\n# TYPE sample_service_info gauge\n"
           "sample_service_info{version=\""
        + version + "\"} 1\n";
    out += "# HELP sample_service_ready 1 when /healthz answers 200.\n# TYPE sample_service_ready gauge\n"
           "sample_service_ready{version=\""
        + version + "\"} " + (ready ? "1" : "0") + "\n";
    out += "# HELP sample_service_error_rate Configured fraction of requests answered 500.\n"
           "# TYPE sample_service_error_rate gauge\n"
           "sample_service_error_rate{version=\""
        + version + "\"} " + QByteArray::number(errorRate, 'g', 6) + '\n';
    out += "# HELP sample_service_latency_seconds Configured added latency.\n"
           "# TYPE sample_service_latency_seconds gauge\n"
           "sample_service_latency_seconds{version=\""
        + version + "\"} " + QByteArray::number(latencyMs / 1000.0, 'g', 6) + '\n';
    out += "# HELP sample_service_in_flight Requests being answered.\n# TYPE sample_service_in_flight gauge\n"
           "sample_service_in_flight{version=\""
        + version + "\"} " + QByteArray::number(inFlight) + '\n';
    return out;
}

} // namespace gl::sandbox
