#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <cmath>

namespace gl {

// What kind of result a Prometheus query returned (`data.resultType`).
enum class PrometheusResultType { Vector, Matrix, Scalar, String };

[[nodiscard]] QString toString(PrometheusResultType type);

// One point: the time in seconds since the epoch (Prometheus gives fractions of a second) and the value.
// Prometheus sends values as strings; "NaN", "+Inf" and "-Inf" are real values (0/0 when a window holds no
// traffic, x/0), kept as the IEEE values, never as errors.
struct PrometheusSample {
    double timestamp = 0;
    double value = std::nan("");

    [[nodiscard]] bool isFinite() const { return std::isfinite(value); }
};

// One series: its labels (`metric`, without __name__ when Prometheus dropped it) and its points. A vector
// series has exactly one point; a matrix series has one per step.
struct PrometheusSeries {
    QMap<QString, QString> labels;
    QList<PrometheusSample> samples;
};

// A parsed, successful answer of /api/v1/query or /api/v1/query_range.
struct PrometheusResult {
    PrometheusResultType type = PrometheusResultType::Vector;
    // Vector and matrix: the series, in the order Prometheus gave them. Scalar: one series without labels
    // and one point. String: empty (see `text`).
    QList<PrometheusSeries> series;
    QString text; // resultType "string": the string; empty otherwise
    double textTimestamp = 0; // resultType "string": its time
    QStringList warnings; // the top-level `warnings` array, if any

    // The series whose label `label` equals `value`; nullptr if none.
    [[nodiscard]] const PrometheusSeries *find(const QString &label, const QString &value) const;
};

} // namespace gl
