#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include <array>

namespace gl::sandbox {

// The sample service's Prometheus metrics: requests to / by status code and a request-duration histogram,
// both labelled with the service's version, rendered in the Prometheus text exposition format 0.0.4.
class RequestMetrics final {
public:
    explicit RequestMetrics(QString version);

    void record(int statusCode, double seconds);
    [[nodiscard]] QByteArray render(bool ready, double errorRate, int latencyMs, int inFlight) const;

    static constexpr std::array<double, 12> kBuckets {
        0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1.0, 2.5, 5.0};

private:
    QString m_version;
    QMap<int, quint64> m_requestsByCode;
    std::array<quint64, kBuckets.size()> m_bucketCounts {}; // non-cumulative
    quint64 m_count = 0;
    double m_sum = 0;
};

} // namespace gl::sandbox
