#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace YAML {
class Node;
class Mark;
} // namespace YAML

namespace gl {

// What an SLI measures; every kind but promql has a default query (for services exporting
// http_requests_total{version,code} and the histogram http_request_duration_seconds{version}).
enum class SliKind {
    ErrorRatio, // 5xx answers / all answers over {window}; unit "ratio"
    P99Latency, // histogram_quantile(0.99, ...) over {window}; unit "s"
    RequestRate, // answers per second over {window}; unit "req/s"
    Promql, // any PromQL the user writes; `query` is required
};

[[nodiscard]] QString toString(SliKind kind);
[[nodiscard]] std::optional<SliKind> sliKindFromString(const QString &text);

// One service level indicator: a PromQL template evaluated once per version. Placeholders: {version} (the
// version label value, escaped for a PromQL string) and {window} (the analysis window, e.g. "30s").
struct SliDefinition {
    QString name;
    SliKind kind = SliKind::Promql;
    QString query; // template; the kind's default when the file gives none
    QString unit; // "ratio", "s", "req/s" or what the user says

    friend bool operator==(const SliDefinition &, const SliDefinition &) = default;
};

enum class RuleKind {
    Maximum, // value <= threshold (e.g. error ratio <= 0.01)
    Minimum, // value >= threshold (e.g. request rate >= 5)
    Relative, // value <= max(factor x stable value, floor) (e.g. p99 <= 2 x stable)
    BurnRate, // error-budget burn: fails once budgetFraction of the budget is burnt (see docs/analysis.md)
};

[[nodiscard]] QString toString(RuleKind kind);

struct AnalysisRule {
    QString name; // display name; "<sli> <= 0.01" style when the file gives none
    QString sli; // name of an SliDefinition
    RuleKind kind = RuleKind::Maximum;
    double threshold = 0; // Maximum, Minimum
    double factor = 1; // Relative
    double floor = 0; // Relative: the limit is never below this (what stable = 0 allows)
    double slo = 0.999; // BurnRate: the SLO target (0 < slo < 1); the error budget is 1 - slo
    qint64 sloWindowMs = 3600000; // BurnRate: the SLO window the budget belongs to
    double budgetFraction = 0.2; // BurnRate: the share of the budget whose burning fails the rule

    friend bool operator==(const AnalysisRule &, const AnalysisRule &) = default;
};

// How failed measurements are counted towards failure_limit.
enum class FailureCounting {
    Total, // every failed evaluation counts; a passing one in between does NOT reset the count
    Consecutive, // only an unbroken run of failed evaluations counts; a passing one resets it to 0
};

// What the rollout does when the analysis is inconclusive (data missing, thin traffic, Prometheus
// unreachable). Never promote: that is not an option.
enum class InconclusivePolicy { Hold, Rollback };

// The `analysis:` section of the environment file (docs/analysis.md).
struct AnalysisConfig {
    bool configured = false; // the file has an analysis section
    QList<SliDefinition> slis;
    QList<AnalysisRule> rules;
    qint64 intervalMs = 1000; // one evaluation (all rules) per interval
    qint64 windowMs = 30000; // {window} in the queries
    int minRequests = 50; // per version over {window}, before any verdict; 0 disables
    QString requestsQuery = defaultRequestsQuery(); // the request count over {window} for {version}
    int failureLimit = 1; // the failureLimit-th failed evaluation fails the analysis
    FailureCounting failureCounting = FailureCounting::Total;
    int passesRequired = 3; // consecutive passing evaluations before the verdict is Passed
    qint64 inconclusiveAfterMs = 30000; // data missing or thin this long (without a break) -> Inconclusive
    qint64 prometheusUnreachableAfterMs = 10000; // Prometheus failing this long -> Inconclusive
    InconclusivePolicy inconclusivePolicy = InconclusivePolicy::Hold;

    [[nodiscard]] const SliDefinition *sli(const QString &name) const;
    [[nodiscard]] static QString defaultQuery(SliKind kind);
    [[nodiscard]] static QString defaultUnit(SliKind kind);
    [[nodiscard]] static QString defaultRequestsQuery();
    // The SLIs and rules the sandbox and `analysis check` use when a file has no analysis section.
    [[nodiscard]] static AnalysisConfig defaults();

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Result<AnalysisConfig> fromJson(const QJsonObject &object);

    friend bool operator==(const AnalysisConfig &, const AnalysisConfig &) = default;
};

// A query template with {version} and {window} replaced. The version is escaped for a PromQL double-quoted
// string (backslash and quote), so a version can never change the query's structure.
[[nodiscard]] QString renderSliQuery(const QString &queryTemplate, const QString &version, qint64 windowMs);
// Placeholders in `text` other than {version} and {window}; empty when the template is valid.
[[nodiscard]] QStringList unknownSliPlaceholders(const QString &text);
// "30s", "1m30s" -> PromQL duration ("30s", "90s", "1500ms").
[[nodiscard]] QString promqlDuration(qint64 ms);

// Reads the `analysis:` mapping of an environment file; `addError(mark, field, problem)` records each
// problem with its line. What is valid is kept, the rest stays at its default.
using AnalysisYamlErrorSink = std::function<void(const YAML::Mark &mark, const QString &field, const QString &problem)>;
[[nodiscard]] AnalysisConfig readAnalysisYaml(const YAML::Node &node, const AnalysisYamlErrorSink &addError);

} // namespace gl
