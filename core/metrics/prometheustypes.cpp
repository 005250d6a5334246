#include "prometheustypes.h"

namespace gl {

QString toString(PrometheusResultType type)
{
    switch (type) {
    case PrometheusResultType::Vector:
        return QStringLiteral("vector");
    case PrometheusResultType::Matrix:
        return QStringLiteral("matrix");
    case PrometheusResultType::Scalar:
        return QStringLiteral("scalar");
    case PrometheusResultType::String:
        return QStringLiteral("string");
    }
    return {};
}

const PrometheusSeries *PrometheusResult::find(const QString &label, const QString &value) const
{
    for (const PrometheusSeries &s : series) {
        if (s.labels.value(label) == value && s.labels.contains(label))
            return &s;
    }
    return nullptr;
}

} // namespace gl
