#pragma once

#include "metrics/prometheustypes.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace gl {

// The most points Prometheus returns per series of a range query (it refuses (end - start) / step > 11,000).
inline constexpr int kPrometheusMaxPoints = 11000;

// Parses the JSON body of /api/v1/query or /api/v1/query_range, whatever the HTTP status (Prometheus sends its
// error envelope with 400, 422 and 503).
//  - `{"status":"success","data":{"resultType":..., "result":...}}` -> the result; values are strings and
//    "NaN", "+Inf", "-Inf" are kept as IEEE values.
//  - `{"status":"error","errorType":T,"error":E}` -> an Error whose code follows T (bad_data: InvalidArgument,
//    timeout: Timeout, canceled: Cancelled, execution: Refused, unavailable: Unavailable, else Protocol) and
//    whose message quotes E.
//  - anything else (cut JSON, wrong types, missing fields) -> ErrorCode::Protocol with a message that names
//    the JSON field, e.g. `data.result[1].value[1]: expected a string, got a number`.
[[nodiscard]] Result<PrometheusResult> parsePrometheusResponse(const QByteArray &json);

// A Prometheus sample value: a decimal number, "NaN", "+Inf", "-Inf" (also "Inf"). std::nullopt otherwise.
[[nodiscard]] std::optional<double> parsePrometheusValue(const QString &text);

// Formats a value the way Prometheus writes it ("NaN", "+Inf", "-Inf", or the shortest exact decimal).
[[nodiscard]] QString formatPrometheusValue(double value);

// The step (ms) for a range query over `rangeMs` so that a series never holds more than `maxPoints` points
// (a range query returns floor(range / step) + 1 points), and never finer than `minStepMs` (e.g. the scrape
// interval or one pixel of a chart). Steps of a second or more are whole seconds.
[[nodiscard]] qint64 chooseStep(qint64 rangeMs, int maxPoints = kPrometheusMaxPoints, qint64 minStepMs = 1000);

} // namespace gl
