#include "prometheusparsers.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLocale>

#include <cmath>
#include <limits>

namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::PrometheusParsers)
};

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        return QStringLiteral("nothing");
    }
    return {};
}

Error fieldError(const QString &field, const QString &problem)
{
    return makeError(ErrorCode::Protocol,
        Tr::tr("Prometheus sent an answer Greenlight cannot read: %1: %2").arg(field, problem), field);
}

Error wrongType(const QString &field, const QString &expected, const QJsonValue &got)
{
    return fieldError(field, Tr::tr("expected %1, got %2").arg(expected, typeName(got)));
}

// [timestamp, "value"] at `field`.
Result<PrometheusSample> readSample(const QJsonValue &value, const QString &field)
{
    if (!value.isArray())
        return wrongType(field, QStringLiteral("[time, \"value\"]"), value);
    const QJsonArray pair = value.toArray();
    if (pair.size() != 2)
        return fieldError(field, Tr::tr("expected [time, \"value\"], got %1 elements").arg(pair.size()));
    if (!pair.at(0).isDouble())
        return wrongType(field + QStringLiteral("[0]"), QStringLiteral("a number"), pair.at(0));
    if (!pair.at(1).isString())
        return wrongType(field + QStringLiteral("[1]"), QStringLiteral("a string"), pair.at(1));
    const auto parsed = parsePrometheusValue(pair.at(1).toString());
    if (!parsed)
        return fieldError(
            field + QStringLiteral("[1]"), Tr::tr("\"%1\" is not a number").arg(pair.at(1).toString().left(40)));
    return PrometheusSample {pair.at(0).toDouble(), *parsed};
}

Result<QMap<QString, QString>> readLabels(const QJsonValue &value, const QString &field)
{
    if (value.isUndefined() || value.isNull())
        return QMap<QString, QString> {};
    if (!value.isObject())
        return wrongType(field, QStringLiteral("an object"), value);
    QMap<QString, QString> labels;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString())
            return wrongType(field + u'.' + it.key(), QStringLiteral("a string"), it.value());
        labels.insert(it.key(), it.value().toString());
    }
    return labels;
}

Error envelopeError(const QJsonObject &root)
{
    const QString type = root.value(u"errorType").toString();
    const QString text = root.value(u"error").toString();
    ErrorCode code = ErrorCode::Protocol;
    if (type == u"bad_data")
        code = ErrorCode::InvalidArgument;
    else if (type == u"timeout")
        code = ErrorCode::Timeout;
    else if (type == u"canceled")
        code = ErrorCode::Cancelled;
    else if (type == u"execution")
        code = ErrorCode::Refused;
    else if (type == u"unavailable")
        code = ErrorCode::Unavailable;
    const QString detail = QStringLiteral("errorType=%1").arg(type.isEmpty() ? QStringLiteral("?") : type);
    if (text.isEmpty())
        return makeError(
            code, Tr::tr("Prometheus answered with an error and no explanation (%1).").arg(detail), detail);
    return makeError(code, Tr::tr("Prometheus refused the query: %1").arg(text), detail);
}

} // namespace

std::optional<double> parsePrometheusValue(const QString &text)
{
    if (text == u"NaN")
        return std::numeric_limits<double>::quiet_NaN();
    if (text == u"+Inf" || text == u"Inf")
        return std::numeric_limits<double>::infinity();
    if (text == u"-Inf")
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

QString formatPrometheusValue(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

qint64 chooseStep(qint64 rangeMs, int maxPoints, qint64 minStepMs)
{
    if (maxPoints < 2)
        maxPoints = 2;
    if (minStepMs < 1)
        minStepMs = 1;
    if (rangeMs <= 0)
        return minStepMs;
    // floor(range / step) + 1 <= maxPoints  <=>  step >= range / (maxPoints - 1)
    const qint64 intervals = maxPoints - 1;
    qint64 step = (rangeMs + intervals - 1) / intervals;
    step = std::max(step, minStepMs);
    if (step >= 1000)
        step = (step + 999) / 1000 * 1000; // whole seconds: rounding up keeps the bound
    return step;
}

Result<PrometheusResult> parsePrometheusResponse(const QByteArray &json)
{
    if (json.trimmed().isEmpty())
        return fieldError(QStringLiteral("(body)"), Tr::tr("the answer is empty"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fieldError(QStringLiteral("(body)"),
            Tr::tr("not valid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!document.isObject())
        return wrongType(QStringLiteral("(body)"), QStringLiteral("an object"),
            document.isArray() ? QJsonValue(document.array()) : QJsonValue());
    const QJsonObject root = document.object();

    const QJsonValue status = root.value(u"status");
    if (!status.isString())
        return wrongType(QStringLiteral("status"), QStringLiteral("a string"), status);
    if (status.toString() == u"error")
        return envelopeError(root);
    if (status.toString() != u"success")
        return fieldError(QStringLiteral("status"),
            Tr::tr("expected \"success\" or \"error\", got \"%1\"").arg(status.toString().left(40)));

    PrometheusResult result;
    if (const QJsonValue warnings = root.value(u"warnings"); warnings.isArray()) {
        for (const QJsonValue &w : warnings.toArray())
            result.warnings << w.toString();
    }

    const QJsonValue dataValue = root.value(u"data");
    if (!dataValue.isObject())
        return wrongType(QStringLiteral("data"), QStringLiteral("an object"), dataValue);
    const QJsonObject data = dataValue.toObject();
    const QJsonValue typeValue = data.value(u"resultType");
    if (!typeValue.isString())
        return wrongType(QStringLiteral("data.resultType"), QStringLiteral("a string"), typeValue);
    const QString type = typeValue.toString();
    const QJsonValue resultValue = data.value(u"result");

    if (type == u"scalar" || type == u"string") {
        if (!resultValue.isArray() || resultValue.toArray().size() != 2)
            return wrongType(QStringLiteral("data.result"), QStringLiteral("[time, \"value\"]"), resultValue);
        const QJsonArray pair = resultValue.toArray();
        if (!pair.at(0).isDouble())
            return wrongType(QStringLiteral("data.result[0]"), QStringLiteral("a number"), pair.at(0));
        if (!pair.at(1).isString())
            return wrongType(QStringLiteral("data.result[1]"), QStringLiteral("a string"), pair.at(1));
        if (type == u"string") {
            result.type = PrometheusResultType::String;
            result.text = pair.at(1).toString();
            result.textTimestamp = pair.at(0).toDouble();
            return result;
        }
        Result<PrometheusSample> sample = readSample(resultValue, QStringLiteral("data.result"));
        if (!sample)
            return sample.error();
        result.type = PrometheusResultType::Scalar;
        result.series << PrometheusSeries {{}, {*sample}};
        return result;
    }

    const bool vector = type == u"vector";
    if (!vector && type != u"matrix")
        return fieldError(QStringLiteral("data.resultType"),
            Tr::tr("expected vector, matrix, scalar or string, got \"%1\"").arg(type.left(40)));
    result.type = vector ? PrometheusResultType::Vector : PrometheusResultType::Matrix;
    if (!resultValue.isArray())
        return wrongType(QStringLiteral("data.result"), QStringLiteral("an array"), resultValue);
    const QJsonArray items = resultValue.toArray();
    result.series.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString field = QStringLiteral("data.result[%1]").arg(i);
        if (!items.at(i).isObject())
            return wrongType(field, QStringLiteral("an object"), items.at(i));
        const QJsonObject item = items.at(i).toObject();
        PrometheusSeries series;
        Result<QMap<QString, QString>> labels = readLabels(item.value(u"metric"), field + QStringLiteral(".metric"));
        if (!labels)
            return labels.error();
        series.labels = *labels;
        if (vector) {
            Result<PrometheusSample> sample = readSample(item.value(u"value"), field + QStringLiteral(".value"));
            if (!sample)
                return sample.error();
            series.samples << *sample;
        } else {
            const QJsonValue values = item.value(u"values");
            if (!values.isArray())
                return wrongType(field + QStringLiteral(".values"), QStringLiteral("an array"), values);
            const QJsonArray points = values.toArray();
            series.samples.reserve(points.size());
            for (qsizetype j = 0; j < points.size(); ++j) {
                Result<PrometheusSample> sample
                    = readSample(points.at(j), field + QStringLiteral(".values[%1]").arg(j));
                if (!sample)
                    return sample.error();
                series.samples << *sample;
            }
        }
        result.series << std::move(series);
    }
    return result;
}

} // namespace gl
