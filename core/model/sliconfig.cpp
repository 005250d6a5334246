#include "sliconfig.h"

#include "model/strategyconfig.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <cmath>

// The `analysis:` section of the environment file (docs/analysis.md):
//
//   analysis:
//     interval: 1s                  # one evaluation of every rule per interval
//     window: 30s                   # {window} in the queries
//     min_requests: 50              # per version over {window} before any verdict (0: off)
//     failure_limit: 3              # the 3rd failed evaluation fails the analysis
//     failure_counting: total       # total | consecutive
//     passes_required: 3            # consecutive passing evaluations -> Passed
//     inconclusive_after: 30s       # data missing or thin this long -> Inconclusive
//     prometheus_unreachable_after: 10s
//     inconclusive_policy: hold     # hold | rollback (never promote)
//     requests: 'sum(increase(http_requests_total{version="{version}"}[{window}]))'
//     slis:
//       - {name: errors, kind: error-ratio}
//       - {name: p99, kind: p99-latency}
//       - {name: rate, kind: request-rate}
//       - {name: queue, kind: promql, query: 'max(queue_depth{version="{version}"})', unit: jobs}
//     rules:
//       - {sli: errors, max: 0.01}
//       - {sli: p99, relative: 2, floor: 0.05}
//       - {sli: errors, burn_rate: {slo: 0.999, window: 1h, budget_fraction: 0.2}}
namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::SliConfig)
};

} // namespace

QString toString(SliKind kind)
{
    switch (kind) {
    case SliKind::ErrorRatio:
        return QStringLiteral("error-ratio");
    case SliKind::P99Latency:
        return QStringLiteral("p99-latency");
    case SliKind::RequestRate:
        return QStringLiteral("request-rate");
    case SliKind::Promql:
        return QStringLiteral("promql");
    }
    return {};
}

std::optional<SliKind> sliKindFromString(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"error-ratio")
        return SliKind::ErrorRatio;
    if (t == u"p99-latency")
        return SliKind::P99Latency;
    if (t == u"request-rate")
        return SliKind::RequestRate;
    if (t == u"promql")
        return SliKind::Promql;
    return std::nullopt;
}

QString toString(RuleKind kind)
{
    switch (kind) {
    case RuleKind::Maximum:
        return QStringLiteral("max");
    case RuleKind::Minimum:
        return QStringLiteral("min");
    case RuleKind::Relative:
        return QStringLiteral("relative");
    case RuleKind::BurnRate:
        return QStringLiteral("burn-rate");
    }
    return {};
}

const SliDefinition *AnalysisConfig::sli(const QString &name) const
{
    for (const SliDefinition &s : slis) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

QString AnalysisConfig::defaultQuery(SliKind kind)
{
    switch (kind) {
    case SliKind::ErrorRatio:
        // `or vector(0)`: a version without any 5xx series has a ratio of 0, not "no data"; no traffic at all
        // still gives 0/0 = NaN (inconclusive).
        return QStringLiteral("(sum(rate(http_requests_total{version=\"{version}\",code=~\"5..\"}[{window}])) or "
                              "vector(0)) / sum(rate(http_requests_total{version=\"{version}\"}[{window}]))");
    case SliKind::P99Latency:
        return QStringLiteral("histogram_quantile(0.99, sum by (le)(rate(http_request_duration_seconds_bucket{"
                              "version=\"{version}\"}[{window}])))");
    case SliKind::RequestRate:
        return QStringLiteral("sum(rate(http_requests_total{version=\"{version}\"}[{window}]))");
    case SliKind::Promql:
        return {};
    }
    return {};
}

QString AnalysisConfig::defaultUnit(SliKind kind)
{
    switch (kind) {
    case SliKind::ErrorRatio:
        return QStringLiteral("ratio");
    case SliKind::P99Latency:
        return QStringLiteral("s");
    case SliKind::RequestRate:
        return QStringLiteral("req/s");
    case SliKind::Promql:
        return {};
    }
    return {};
}

QString AnalysisConfig::defaultRequestsQuery()
{
    return QStringLiteral("sum(increase(http_requests_total{version=\"{version}\"}[{window}]))");
}

AnalysisConfig AnalysisConfig::defaults()
{
    AnalysisConfig config;
    config.slis = {
        {QStringLiteral("error-ratio"), SliKind::ErrorRatio, defaultQuery(SliKind::ErrorRatio),
            defaultUnit(SliKind::ErrorRatio)},
        {QStringLiteral("p99-latency"), SliKind::P99Latency, defaultQuery(SliKind::P99Latency),
            defaultUnit(SliKind::P99Latency)},
    };
    AnalysisRule errors;
    errors.name = QStringLiteral("error-ratio <= 0.01");
    errors.sli = QStringLiteral("error-ratio");
    errors.kind = RuleKind::Maximum;
    errors.threshold = 0.01;
    AnalysisRule latency;
    latency.name = QStringLiteral("p99-latency <= 2 x stable");
    latency.sli = QStringLiteral("p99-latency");
    latency.kind = RuleKind::Relative;
    latency.factor = 2;
    latency.floor = 0.01;
    config.rules = {errors, latency};
    return config;
}

QString promqlDuration(qint64 ms)
{
    if (ms % 1000 == 0)
        return QString::number(ms / 1000) + u's';
    return QString::number(ms) + QStringLiteral("ms");
}

QString renderSliQuery(const QString &queryTemplate, const QString &version, qint64 windowMs)
{
    QString escaped = version;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\"")).replace(u'\n', u' ');
    QString text = queryTemplate;
    text.replace(QStringLiteral("{version}"), escaped);
    text.replace(QStringLiteral("{window}"), promqlDuration(windowMs));
    return text;
}

QStringList unknownSliPlaceholders(const QString &text)
{
    // PromQL itself uses braces for label matchers ({version="x"}); a placeholder is a bare {identifier}.
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z_]+)\\}"));
    QStringList unknown;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (name != u"version" && name != u"window" && !unknown.contains(name))
            unknown << name;
    }
    return unknown;
}

namespace {

QString ruleDisplayName(const AnalysisRule &rule)
{
    switch (rule.kind) {
    case RuleKind::Maximum:
        return QStringLiteral("%1 <= %2").arg(rule.sli).arg(rule.threshold);
    case RuleKind::Minimum:
        return QStringLiteral("%1 >= %2").arg(rule.sli).arg(rule.threshold);
    case RuleKind::Relative:
        return QStringLiteral("%1 <= %2 x stable").arg(rule.sli).arg(rule.factor);
    case RuleKind::BurnRate:
        return QStringLiteral("%1 burns < %2 % of the %3 budget")
            .arg(rule.sli)
            .arg(rule.budgetFraction * 100)
            .arg(formatDurationMs(rule.sloWindowMs));
    }
    return rule.sli;
}

std::optional<FailureCounting> countingFromString(const QString &text)
{
    if (text == u"total")
        return FailureCounting::Total;
    if (text == u"consecutive")
        return FailureCounting::Consecutive;
    return std::nullopt;
}

std::optional<InconclusivePolicy> policyFromString(const QString &text)
{
    if (text == u"hold")
        return InconclusivePolicy::Hold;
    if (text == u"rollback")
        return InconclusivePolicy::Rollback;
    return std::nullopt;
}

class AnalysisReader {
public:
    explicit AnalysisReader(const AnalysisYamlErrorSink &addError)
        : m_addError([this, addError](const YAML::Mark &mark, const QString &field, const QString &problem) {
            ++m_errorCount;
            addError(mark, field, problem);
        })
    { }
    AnalysisReader(const AnalysisReader &) = delete;
    AnalysisReader &operator=(const AnalysisReader &) = delete;

    AnalysisConfig read(const YAML::Node &node)
    {
        m_config = AnalysisConfig {};
        m_config.configured = true;
        const QString f = QStringLiteral("analysis");
        if (!checkMap(node, f,
                {QStringLiteral("interval"), QStringLiteral("window"), QStringLiteral("min_requests"),
                    QStringLiteral("requests"), QStringLiteral("failure_limit"), QStringLiteral("failure_counting"),
                    QStringLiteral("passes_required"), QStringLiteral("inconclusive_after"),
                    QStringLiteral("prometheus_unreachable_after"), QStringLiteral("inconclusive_policy"),
                    QStringLiteral("slis"), QStringLiteral("rules")}))
            return m_config;
        duration(node, "interval", f + QStringLiteral(".interval"), 100, m_config.intervalMs);
        duration(node, "window", f + QStringLiteral(".window"), 1000, m_config.windowMs);
        integer(node, "min_requests", f + QStringLiteral(".min_requests"), 0, 100000000, m_config.minRequests);
        integer(node, "failure_limit", f + QStringLiteral(".failure_limit"), 1, 1000, m_config.failureLimit);
        integer(node, "passes_required", f + QStringLiteral(".passes_required"), 1, 100000, m_config.passesRequired);
        duration(
            node, "inconclusive_after", f + QStringLiteral(".inconclusive_after"), 0, m_config.inconclusiveAfterMs);
        duration(node, "prometheus_unreachable_after", f + QStringLiteral(".prometheus_unreachable_after"), 0,
            m_config.prometheusUnreachableAfterMs);
        if (auto text = scalar(node, "failure_counting", f + QStringLiteral(".failure_counting"))) {
            if (auto counting = countingFromString(*text))
                m_config.failureCounting = *counting;
            else
                m_addError(node["failure_counting"].Mark(), f + QStringLiteral(".failure_counting"),
                    Tr::tr("expected total or consecutive, got \"%1\"").arg(*text));
        }
        if (auto text = scalar(node, "inconclusive_policy", f + QStringLiteral(".inconclusive_policy"))) {
            if (auto policy = policyFromString(*text))
                m_config.inconclusivePolicy = *policy;
            else
                m_addError(node["inconclusive_policy"].Mark(), f + QStringLiteral(".inconclusive_policy"),
                    Tr::tr("expected hold or rollback (an inconclusive analysis never promotes), got \"%1\"")
                        .arg(*text));
        }
        if (auto text = scalar(node, "requests", f + QStringLiteral(".requests"))) {
            if (checkTemplate(node["requests"], f + QStringLiteral(".requests"), *text))
                m_config.requestsQuery = *text;
        }

        const YAML::Node slis = node["slis"];
        if (!slis.IsDefined() || slis.IsNull() || !slis.IsSequence() || slis.size() == 0) {
            m_addError(slis.IsDefined() ? slis.Mark() : node.Mark(), f + QStringLiteral(".slis"),
                Tr::tr("expected a non-empty list of SLIs, e.g. [{name: errors, kind: error-ratio}]"));
        } else {
            for (std::size_t i = 0; i < slis.size(); ++i)
                readSli(slis[i], f + QStringLiteral(".slis[%1]").arg(i));
        }
        const YAML::Node rules = node["rules"];
        if (!rules.IsDefined() || rules.IsNull() || !rules.IsSequence() || rules.size() == 0) {
            m_addError(rules.IsDefined() ? rules.Mark() : node.Mark(), f + QStringLiteral(".rules"),
                Tr::tr("expected a non-empty list of rules, e.g. [{sli: errors, max: 0.01}]"));
        } else {
            for (std::size_t i = 0; i < rules.size(); ++i)
                readRule(rules[i], f + QStringLiteral(".rules[%1]").arg(i));
        }
        return m_config;
    }

private:
    bool checkMap(const YAML::Node &node, const QString &field, const QStringList &allowed)
    {
        if (!node.IsMap()) {
            m_addError(node.Mark(), field, Tr::tr("expected a mapping"));
            return false;
        }
        QSet<QString> seen;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = QString::fromStdString(it->first.as<std::string>(std::string()));
            if (!allowed.contains(key))
                m_addError(it->first.Mark(), field + u'.' + key,
                    Tr::tr("unknown key (expected one of: %1)").arg(allowed.join(u", ")));
            else if (seen.contains(key))
                m_addError(it->first.Mark(), field + u'.' + key, Tr::tr("duplicate key"));
            seen.insert(key);
        }
        return true;
    }

    std::optional<QString> scalar(const YAML::Node &parent, const char *key, const QString &field)
    {
        const YAML::Node value = parent[key];
        if (!value.IsDefined() || value.IsNull())
            return std::nullopt;
        if (!value.IsScalar()) {
            m_addError(value.Mark(), field, Tr::tr("expected a string"));
            return std::nullopt;
        }
        return QString::fromStdString(value.Scalar()).trimmed();
    }

    void duration(const YAML::Node &parent, const char *key, const QString &field, qint64 minMs, qint64 &target)
    {
        const YAML::Node value = parent[key];
        if (!value.IsDefined() || value.IsNull())
            return;
        const auto ms = value.IsScalar() ? parseDurationMs(QString::fromStdString(value.Scalar())) : std::nullopt;
        if (!ms)
            m_addError(value.Mark(), field, Tr::tr("expected a duration such as 500ms, 30s, 2m or 1h"));
        else if (*ms < minMs)
            m_addError(value.Mark(), field, Tr::tr("must be at least %1").arg(formatDurationMs(minMs)));
        else
            target = *ms;
    }

    void integer(const YAML::Node &parent, const char *key, const QString &field, int min, int max, int &target)
    {
        const YAML::Node value = parent[key];
        if (!value.IsDefined() || value.IsNull())
            return;
        bool ok = false;
        const int number = value.IsScalar() ? QString::fromStdString(value.Scalar()).toInt(&ok) : 0;
        if (ok && number >= min && number <= max)
            target = number;
        else
            m_addError(value.Mark(), field, Tr::tr("expected a whole number from %1 to %2").arg(min).arg(max));
    }

    // A finite number (with an optional trailing % for fractions: "1%" is 0.01).
    bool number(const YAML::Node &parent, const char *key, const QString &field, double &target, bool percentOk)
    {
        const YAML::Node value = parent[key];
        if (!value.IsDefined() || value.IsNull())
            return false;
        QString text = value.IsScalar() ? QString::fromStdString(value.Scalar()).trimmed() : QString();
        double scale = 1;
        if (percentOk && text.endsWith(u'%')) {
            text.chop(1);
            scale = 0.01;
        }
        bool ok = false;
        const double parsed = text.toDouble(&ok) * scale;
        if (!ok || !std::isfinite(parsed)) {
            m_addError(value.Mark(), field,
                percentOk ? Tr::tr("expected a number such as 0.01 or 1%") : Tr::tr("expected a number"));
            return false;
        }
        target = parsed;
        return true;
    }

    bool checkTemplate(const YAML::Node &node, const QString &field, const QString &text)
    {
        bool ok = true;
        if (!text.contains(QStringLiteral("{version}"))) {
            m_addError(node.Mark(), field,
                Tr::tr("must contain {version} (the query is run once for the new and once for the stable version)"));
            ok = false;
        }
        for (const QString &name : unknownSliPlaceholders(text)) {
            m_addError(node.Mark(), field, Tr::tr("unknown placeholder {%1} (known: {version}, {window})").arg(name));
            ok = false;
        }
        return ok;
    }

    void readSli(const YAML::Node &node, const QString &field)
    {
        if (!checkMap(node, field,
                {QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("query"), QStringLiteral("unit")}))
            return;
        SliDefinition sli;
        const auto name = scalar(node, "name", field + QStringLiteral(".name"));
        if (!name || name->isEmpty()) {
            m_addError(node.Mark(), field + QStringLiteral(".name"), Tr::tr("required field is missing"));
            return;
        }
        if (m_config.sli(*name)) {
            m_addError(node["name"].Mark(), field + QStringLiteral(".name"), Tr::tr("duplicate SLI \"%1\"").arg(*name));
            return;
        }
        sli.name = *name;
        const auto kindText = scalar(node, "kind", field + QStringLiteral(".kind"));
        const auto kind = kindText ? sliKindFromString(*kindText) : std::nullopt;
        if (!kind) {
            m_addError(node["kind"].IsDefined() ? node["kind"].Mark() : node.Mark(), field + QStringLiteral(".kind"),
                Tr::tr("expected error-ratio, p99-latency, request-rate or promql"));
            return;
        }
        sli.kind = *kind;
        sli.query = AnalysisConfig::defaultQuery(*kind);
        sli.unit = AnalysisConfig::defaultUnit(*kind);
        if (auto query = scalar(node, "query", field + QStringLiteral(".query")); query && !query->isEmpty()) {
            if (!checkTemplate(node["query"], field + QStringLiteral(".query"), *query))
                return;
            sli.query = *query;
        } else if (*kind == SliKind::Promql) {
            m_addError(
                node.Mark(), field + QStringLiteral(".query"), Tr::tr("a promql SLI needs a query with {version}"));
            return;
        }
        if (auto unit = scalar(node, "unit", field + QStringLiteral(".unit")))
            sli.unit = *unit;
        m_config.slis << sli;
    }

    void readRule(const YAML::Node &node, const QString &field)
    {
        if (!checkMap(node, field,
                {QStringLiteral("name"), QStringLiteral("sli"), QStringLiteral("max"), QStringLiteral("min"),
                    QStringLiteral("relative"), QStringLiteral("floor"), QStringLiteral("burn_rate")}))
            return;
        AnalysisRule rule;
        const auto sli = scalar(node, "sli", field + QStringLiteral(".sli"));
        if (!sli || sli->isEmpty()) {
            m_addError(node.Mark(), field + QStringLiteral(".sli"), Tr::tr("required field is missing"));
            return;
        }
        if (!m_config.sli(*sli)) {
            QStringList known;
            for (const SliDefinition &s : std::as_const(m_config.slis))
                known << s.name;
            m_addError(node["sli"].Mark(), field + QStringLiteral(".sli"),
                Tr::tr("no SLI named \"%1\" (known: %2)").arg(*sli, known.join(u", ")));
            return;
        }
        rule.sli = *sli;
        int kinds = 0;
        for (const char *key : {"max", "min", "relative", "burn_rate"}) {
            if (node[key].IsDefined() && !node[key].IsNull())
                ++kinds;
        }
        if (kinds != 1) {
            m_addError(node.Mark(), field, Tr::tr("a rule has exactly one of max, min, relative or burn_rate"));
            return;
        }
        if (node["max"].IsDefined() && !node["max"].IsNull()) {
            rule.kind = RuleKind::Maximum;
            if (!number(node, "max", field + QStringLiteral(".max"), rule.threshold, true))
                return;
        } else if (node["min"].IsDefined() && !node["min"].IsNull()) {
            rule.kind = RuleKind::Minimum;
            if (!number(node, "min", field + QStringLiteral(".min"), rule.threshold, true))
                return;
        } else if (node["relative"].IsDefined() && !node["relative"].IsNull()) {
            rule.kind = RuleKind::Relative;
            if (!number(node, "relative", field + QStringLiteral(".relative"), rule.factor, false))
                return;
            if (rule.factor <= 0) {
                m_addError(node["relative"].Mark(), field + QStringLiteral(".relative"),
                    Tr::tr("the factor must be above 0 (2 means: at most twice the stable version)"));
                return;
            }
        } else {
            rule.kind = RuleKind::BurnRate;
            if (!readBurnRate(node["burn_rate"], field + QStringLiteral(".burn_rate"), rule))
                return;
        }
        if (node["floor"].IsDefined() && !node["floor"].IsNull()) {
            if (rule.kind != RuleKind::Relative) {
                m_addError(
                    node["floor"].Mark(), field + QStringLiteral(".floor"), Tr::tr("only a relative rule has a floor"));
                return;
            }
            if (!number(node, "floor", field + QStringLiteral(".floor"), rule.floor, true))
                return;
        }
        if (auto name = scalar(node, "name", field + QStringLiteral(".name")); name && !name->isEmpty())
            rule.name = *name;
        else
            rule.name = ruleDisplayName(rule);
        m_config.rules << rule;
    }

    bool readBurnRate(const YAML::Node &node, const QString &field, AnalysisRule &rule)
    {
        if (!checkMap(
                node, field, {QStringLiteral("slo"), QStringLiteral("window"), QStringLiteral("budget_fraction")}))
            return false;
        const int errorsBefore = m_errorCount;
        if (!number(node, "slo", field + QStringLiteral(".slo"), rule.slo, true)) {
            if (!node["slo"].IsDefined())
                m_addError(node.Mark(), field + QStringLiteral(".slo"), Tr::tr("required field is missing"));
            return false;
        }
        if (rule.slo <= 0 || rule.slo >= 1) {
            m_addError(node["slo"].Mark(), field + QStringLiteral(".slo"),
                Tr::tr("an SLO target is between 0 and 1 (0.999 or 99.9%)"));
            return false;
        }
        duration(node, "window", field + QStringLiteral(".window"), 1000, rule.sloWindowMs);
        if (node["budget_fraction"].IsDefined()) {
            if (!number(node, "budget_fraction", field + QStringLiteral(".budget_fraction"), rule.budgetFraction, true))
                return false;
            if (rule.budgetFraction <= 0 || rule.budgetFraction > 1) {
                m_addError(node["budget_fraction"].Mark(), field + QStringLiteral(".budget_fraction"),
                    Tr::tr("a budget fraction is above 0 and at most 1 (0.2 or 20%)"));
                return false;
            }
        }
        return m_errorCount == errorsBefore;
    }

    AnalysisYamlErrorSink m_addError;
    AnalysisConfig m_config;
    int m_errorCount = 0;
};

} // namespace

AnalysisConfig readAnalysisYaml(const YAML::Node &node, const AnalysisYamlErrorSink &addError)
{
    AnalysisReader reader(addError);
    return reader.read(node);
}

QJsonObject AnalysisConfig::toJson() const
{
    QJsonArray sliArray;
    for (const SliDefinition &s : slis)
        sliArray.append(QJsonObject {{QStringLiteral("name"), s.name}, {QStringLiteral("kind"), toString(s.kind)},
            {QStringLiteral("query"), s.query}, {QStringLiteral("unit"), s.unit}});
    QJsonArray ruleArray;
    for (const AnalysisRule &r : rules)
        ruleArray.append(QJsonObject {{QStringLiteral("name"), r.name}, {QStringLiteral("sli"), r.sli},
            {QStringLiteral("kind"), toString(r.kind)}, {QStringLiteral("threshold"), r.threshold},
            {QStringLiteral("factor"), r.factor}, {QStringLiteral("floor"), r.floor}, {QStringLiteral("slo"), r.slo},
            {QStringLiteral("sloWindowMs"), r.sloWindowMs}, {QStringLiteral("budgetFraction"), r.budgetFraction}});
    return QJsonObject {
        {QStringLiteral("configured"), configured},
        {QStringLiteral("slis"), sliArray},
        {QStringLiteral("rules"), ruleArray},
        {QStringLiteral("intervalMs"), intervalMs},
        {QStringLiteral("windowMs"), windowMs},
        {QStringLiteral("minRequests"), minRequests},
        {QStringLiteral("requestsQuery"), requestsQuery},
        {QStringLiteral("failureLimit"), failureLimit},
        {QStringLiteral("failureCounting"),
            failureCounting == FailureCounting::Total ? QStringLiteral("total") : QStringLiteral("consecutive")},
        {QStringLiteral("passesRequired"), passesRequired},
        {QStringLiteral("inconclusiveAfterMs"), inconclusiveAfterMs},
        {QStringLiteral("prometheusUnreachableAfterMs"), prometheusUnreachableAfterMs},
        {QStringLiteral("inconclusivePolicy"),
            inconclusivePolicy == InconclusivePolicy::Hold ? QStringLiteral("hold") : QStringLiteral("rollback")},
    };
}

Result<AnalysisConfig> AnalysisConfig::fromJson(const QJsonObject &object)
{
    AnalysisConfig config;
    config.configured = object.value(u"configured").toBool();
    for (const QJsonValue &v : object.value(u"slis").toArray()) {
        const QJsonObject o = v.toObject();
        const auto kind = sliKindFromString(o.value(u"kind").toString());
        if (!kind)
            return makeError(ErrorCode::Corrupt, Tr::tr("unknown SLI kind in a stored analysis"));
        config.slis << SliDefinition {
            o.value(u"name").toString(), *kind, o.value(u"query").toString(), o.value(u"unit").toString()};
    }
    for (const QJsonValue &v : object.value(u"rules").toArray()) {
        const QJsonObject o = v.toObject();
        AnalysisRule r;
        r.name = o.value(u"name").toString();
        r.sli = o.value(u"sli").toString();
        const QString kind = o.value(u"kind").toString();
        if (kind == u"max")
            r.kind = RuleKind::Maximum;
        else if (kind == u"min")
            r.kind = RuleKind::Minimum;
        else if (kind == u"relative")
            r.kind = RuleKind::Relative;
        else if (kind == u"burn-rate")
            r.kind = RuleKind::BurnRate;
        else
            return makeError(ErrorCode::Corrupt, Tr::tr("unknown rule kind in a stored analysis"));
        r.threshold = o.value(u"threshold").toDouble();
        r.factor = o.value(u"factor").toDouble(1);
        r.floor = o.value(u"floor").toDouble();
        r.slo = o.value(u"slo").toDouble(0.999);
        r.sloWindowMs = o.value(u"sloWindowMs").toInteger(3600000);
        r.budgetFraction = o.value(u"budgetFraction").toDouble(0.2);
        config.rules << r;
    }
    config.intervalMs = object.value(u"intervalMs").toInteger(config.intervalMs);
    config.windowMs = object.value(u"windowMs").toInteger(config.windowMs);
    config.minRequests = object.value(u"minRequests").toInt(config.minRequests);
    config.requestsQuery = object.value(u"requestsQuery").toString(config.requestsQuery);
    config.failureLimit = object.value(u"failureLimit").toInt(config.failureLimit);
    config.failureCounting = object.value(u"failureCounting").toString() == u"consecutive"
        ? FailureCounting::Consecutive
        : FailureCounting::Total;
    config.passesRequired = object.value(u"passesRequired").toInt(config.passesRequired);
    config.inconclusiveAfterMs = object.value(u"inconclusiveAfterMs").toInteger(config.inconclusiveAfterMs);
    config.prometheusUnreachableAfterMs
        = object.value(u"prometheusUnreachableAfterMs").toInteger(config.prometheusUnreachableAfterMs);
    config.inconclusivePolicy = object.value(u"inconclusivePolicy").toString() == u"rollback"
        ? InconclusivePolicy::Rollback
        : InconclusivePolicy::Hold;
    return config;
}

} // namespace gl
