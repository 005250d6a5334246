#include "analysisrules.h"

#include <QCoreApplication>

#include <algorithm>

namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::AnalysisRules)
};

RuleResult inconclusive(QString reason, double value = std::nan(""))
{
    RuleResult r;
    r.outcome = Outcome::Inconclusive;
    r.value = value;
    r.reason = std::move(reason);
    return r;
}

} // namespace

QString formatAnalysisValue(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    return QString::number(value, 'g', 4);
}

namespace {

RuleResult evaluate(const AnalysisRule &rule, const RuleInput &input);

} // namespace

RuleResult evaluateRule(const AnalysisRule &rule, const RuleInput &input)
{
    RuleResult result = evaluate(rule, input);
    if (result.outcome == Outcome::Inconclusive)
        result.burnt = input.burntBefore; // nothing measured burns nothing
    return result;
}

namespace {

RuleResult evaluate(const AnalysisRule &rule, const RuleInput &input)
{
    RuleResult result;
    result.burnt = input.burntBefore;
    if (!input.queryProblem.isEmpty())
        return inconclusive(input.queryProblem);

    if (input.minRequests > 0) {
        if (std::isnan(input.requests))
            return inconclusive(Tr::tr("no request count for the new version"), input.value);
        if (input.requests < input.minRequests)
            return inconclusive(Tr::tr("thin traffic: %1 requests to the new version, at least %2 needed")
                                    .arg(formatAnalysisValue(std::floor(input.requests)))
                                    .arg(input.minRequests),
                input.value);
        if (rule.kind == RuleKind::Relative) {
            if (std::isnan(input.stableRequests))
                return inconclusive(Tr::tr("no request count for the stable version"), input.value);
            if (input.stableRequests < input.minRequests)
                return inconclusive(Tr::tr("thin traffic: %1 requests to the stable version, at least %2 needed")
                                        .arg(formatAnalysisValue(std::floor(input.stableRequests)))
                                        .arg(input.minRequests),
                    input.value);
        }
    }
    if (std::isnan(input.value))
        return inconclusive(Tr::tr("no data for the new version (NaN: nothing in the window)"));

    const double value = input.value;
    switch (rule.kind) {
    case RuleKind::Maximum:
    case RuleKind::Minimum: {
        const bool max = rule.kind == RuleKind::Maximum;
        result.value = value;
        result.threshold = rule.threshold;
        result.comparison = max ? QStringLiteral("<=") : QStringLiteral(">=");
        const bool ok = max ? value <= rule.threshold : value >= rule.threshold;
        result.outcome = ok ? Outcome::Pass : Outcome::Fail;
        result.reason = QStringLiteral("%1 %2 %3")
                            .arg(formatAnalysisValue(value),
                                ok ? result.comparison : (max ? QStringLiteral(">") : QStringLiteral("<")),
                                formatAnalysisValue(rule.threshold));
        return result;
    }
    case RuleKind::Relative: {
        if (!std::isfinite(input.stableValue))
            return inconclusive(
                Tr::tr("no baseline: the stable version's value is %1").arg(formatAnalysisValue(input.stableValue)),
                value);
        const double limit = std::max(rule.factor * input.stableValue, rule.floor);
        result.value = value;
        result.threshold = limit;
        result.comparison = QStringLiteral("<=");
        const bool ok = value <= limit;
        result.outcome = ok ? Outcome::Pass : Outcome::Fail;
        result.reason = Tr::tr("%1 %2 %3 (%4 x stable %5, floor %6)")
                            .arg(formatAnalysisValue(value), ok ? QStringLiteral("<=") : QStringLiteral(">"),
                                formatAnalysisValue(limit), formatAnalysisValue(rule.factor),
                                formatAnalysisValue(input.stableValue), formatAnalysisValue(rule.floor));
        return result;
    }
    case RuleKind::BurnRate: {
        const double budget = 1.0 - rule.slo;
        const double burnRate = std::max(0.0, value) / budget;
        const double windowMs = double(std::max<qint64>(1, rule.sloWindowMs));
        const double burnt = input.burntBefore + burnRate * double(std::max<qint64>(0, input.elapsedMs)) / windowMs;
        result.burnt = burnt;
        result.value = burnt;
        result.threshold = rule.budgetFraction;
        result.comparison = QStringLiteral("<");
        const bool ok = burnt < rule.budgetFraction;
        result.outcome = ok ? Outcome::Pass : Outcome::Fail;
        result.reason = Tr::tr("%1 % of the error budget burnt (limit %2 %), burn rate %3")
                            .arg(formatAnalysisValue(burnt * 100), formatAnalysisValue(rule.budgetFraction * 100),
                                formatAnalysisValue(burnRate));
        return result;
    }
    }
    return inconclusive(QStringLiteral("unknown rule"));
}

} // namespace

} // namespace gl
