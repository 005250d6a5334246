#include "analyzer.h"

#include "analysis/analysisrules.h"
#include "analysis/measurementstore.h"
#include "metrics/prometheusclient.h"
#include "util/clock.h"
#include "util/logging.h"

#include <QSet>

#include <algorithm>

namespace gl {

Analyzer::Analyzer(AnalysisConfig config, PrometheusClient &prometheus, Clock &clock, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_prometheus(prometheus)
    , m_clock(clock)
{
    qRegisterMetaType<gl::Measurement>();
    qRegisterMetaType<gl::Evaluation>();
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!evaluateNow())
            ++m_skippedTicks;
    });
}

Analyzer::~Analyzer()
{
    ++m_generation;
    for (const QPointer<PrometheusQuery> &query : std::as_const(m_queries)) {
        if (query)
            query->disconnect(this);
    }
}

QString Analyzer::reason() const
{
    return m_tracker ? m_tracker->reason() : tr("the analysis has not started");
}

Status Analyzer::start(const QString &newVersion, const QString &stableVersion, qint64 rolloutId)
{
    if (m_running)
        return makeError(ErrorCode::Conflict, tr("The analysis is already running."));
    if (newVersion.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("The analysis needs the new version."));
    if (m_config.rules.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("The analysis has no rule to evaluate."));
    bool needsStable = false;
    for (const AnalysisRule &rule : std::as_const(m_config.rules)) {
        if (!m_config.sli(rule.sli))
            return makeError(ErrorCode::InvalidArgument, tr("The rule \"%1\" names no known SLI.").arg(rule.name));
        needsStable = needsStable || rule.kind == RuleKind::Relative;
    }
    if (needsStable && stableVersion.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument,
            tr("A rule compares with the stable version, but no stable version was given."));

    m_newVersion = newVersion;
    m_stableVersion = stableVersion;
    m_rolloutId = rolloutId;
    m_tracker = std::make_unique<VerdictTracker>(m_config);
    m_sequence = 0;
    m_skippedTicks = 0;
    m_lastEvaluationMs = -1;
    m_burnt = QList<double>(m_config.rules.size(), 0.0);
    m_runId = 0;
    if (m_store) {
        Result<qint64> id = m_store->beginRun(rolloutId, newVersion, stableVersion, m_clock.now(), m_config);
        if (id)
            m_runId = *id;
        else
            Q_EMIT storeFailed(id.error());
    }
    m_running = true;
    qCDebug(lcPrometheus) << "analysis" << m_runId << "started:" << newVersion << "vs" << stableVersion;
    evaluateNow();
    if (m_timerDriven)
        m_timer.start(int(std::clamp<qint64>(m_config.intervalMs, 10, 24 * 3600 * 1000)));
    return {};
}

void Analyzer::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    ++m_generation;
    m_inFlight = false;
    for (const QPointer<PrometheusQuery> &query : std::as_const(m_queries)) {
        if (query) {
            query->disconnect(this);
            query->abort();
        }
    }
    m_queries.clear();
    if (m_store && m_runId > 0) {
        if (Status s = m_store->finishRun(m_runId, verdict(), reason(), m_clock.now()); !s)
            Q_EMIT storeFailed(s.error());
    }
}

bool Analyzer::evaluateNow()
{
    if (!m_running || m_inFlight)
        return false;
    m_inFlight = true;
    ++m_sequence;
    m_evaluationAt = m_clock.now();
    m_evaluationStartMs = m_clock.monotonicMs();
    m_roundTrip.start();
    m_values.clear();
    m_queries.clear();

    QStringList queries;
    bool needsStable = false;
    for (const AnalysisRule &rule : std::as_const(m_config.rules)) {
        const SliDefinition *sli = m_config.sli(rule.sli);
        queries << renderSliQuery(sli->query, m_newVersion, m_config.windowMs);
        if (rule.kind == RuleKind::Relative) {
            queries << renderSliQuery(sli->query, m_stableVersion, m_config.windowMs);
            needsStable = true;
        }
    }
    if (m_config.minRequests > 0) {
        queries << renderSliQuery(m_config.requestsQuery, m_newVersion, m_config.windowMs);
        if (needsStable)
            queries << renderSliQuery(m_config.requestsQuery, m_stableVersion, m_config.windowMs);
    }
    queries.removeDuplicates();
    m_pending = int(queries.size());
    // Answers later than the interval are of no use: the next tick asks again.
    const int timeoutMs = int(std::clamp<qint64>(m_config.intervalMs, 500, m_prometheus.defaultTimeout()));
    const quint64 generation = m_generation;
    for (const QString &promql : std::as_const(queries)) {
        m_values.insert(promql, QueryValue {});
        PrometheusQuery *job = m_prometheus.query(promql);
        job->setTimeout(timeoutMs);
        connect(
            job, &PrometheusQuery::finished, this, [this, generation, promql](const Result<PrometheusResult> &result) {
                onQueryFinished(generation, promql, result);
            });
        m_queries << job;
        job->start();
    }
    return true;
}

void Analyzer::onQueryFinished(quint64 generation, const QString &promql, const Result<PrometheusResult> &result)
{
    if (generation != m_generation || !m_inFlight)
        return;
    QueryValue &v = m_values[promql];
    v.done = true;
    if (!result.ok()) {
        const ErrorCode code = result.error().code;
        // A query Prometheus refused (bad_data, execution) is the configuration's problem, not an outage.
        v.prometheusFailed = code != ErrorCode::InvalidArgument && code != ErrorCode::Refused;
        v.error = result.error().message;
    } else if (result->type == PrometheusResultType::Scalar
        || (result->type == PrometheusResultType::Vector && result->series.size() == 1)) {
        v.value = result->series.first().samples.first().value;
    } else if (result->type == PrometheusResultType::Vector && result->series.isEmpty()) {
        v.value = std::nan("");
    } else if (result->type == PrometheusResultType::Vector) {
        v.problem = tr("the query returned %1 series, expected one (aggregate it, e.g. with sum())")
                        .arg(result->series.size());
    } else {
        v.problem = tr("the query returned a %1, expected a vector or a scalar").arg(toString(result->type));
    }
    if (--m_pending == 0)
        finishEvaluation();
}

Analyzer::QueryValue Analyzer::valueOf(const QString &promql) const
{
    QueryValue v = m_values.value(promql);
    if (!v.done) {
        v.value = std::nan("");
        v.problem = tr("no answer");
    }
    return v;
}

void Analyzer::finishEvaluation()
{
    m_inFlight = false;
    m_queries.clear();
    const qint64 nowMs = m_clock.monotonicMs();
    const qint64 elapsedMs = m_lastEvaluationMs < 0 ? m_config.intervalMs : nowMs - m_lastEvaluationMs;

    Evaluation evaluation;
    evaluation.runId = m_runId;
    evaluation.sequence = m_sequence;
    evaluation.at = m_evaluationAt;
    evaluation.elapsedMs = m_roundTrip.elapsed();

    const QueryValue newRequests = m_config.minRequests > 0
        ? valueOf(renderSliQuery(m_config.requestsQuery, m_newVersion, m_config.windowMs))
        : QueryValue {};
    const QueryValue stableRequests = m_config.minRequests > 0 && !m_stableVersion.isEmpty()
        ? valueOf(renderSliQuery(m_config.requestsQuery, m_stableVersion, m_config.windowMs))
        : QueryValue {};

    QList<Outcome> outcomes;
    bool anyPrometheusFailure = false;
    QStringList failReasons;
    QStringList otherReasons;
    for (qsizetype i = 0; i < m_config.rules.size(); ++i) {
        const AnalysisRule &rule = m_config.rules.at(i);
        const SliDefinition *sli = m_config.sli(rule.sli);
        const bool relative = rule.kind == RuleKind::Relative;
        const QueryValue newValue = valueOf(renderSliQuery(sli->query, m_newVersion, m_config.windowMs));
        const QueryValue stableValue
            = relative ? valueOf(renderSliQuery(sli->query, m_stableVersion, m_config.windowMs)) : QueryValue {};

        RuleInput input;
        input.value = newValue.value;
        input.stableValue = relative ? stableValue.value : std::nan("");
        input.minRequests = m_config.minRequests;
        input.requests
            = newRequests.problem.isEmpty() && newRequests.error.isEmpty() ? newRequests.value : std::nan("");
        input.stableRequests
            = stableRequests.problem.isEmpty() && stableRequests.error.isEmpty() ? stableRequests.value : std::nan("");
        input.burntBefore = m_burnt.value(i);
        input.elapsedMs = elapsedMs;
        bool prometheusFailed = false;
        QList<const QueryValue *> used {&newValue, &newRequests};
        if (relative)
            used << &stableValue << &stableRequests;
        for (const QueryValue *v : std::as_const(used)) {
            if (!input.queryProblem.isEmpty())
                break;
            if (!v->error.isEmpty()) {
                input.queryProblem = tr("Prometheus: %1").arg(v->error);
                prometheusFailed = v->prometheusFailed;
            } else if (!v->problem.isEmpty()) {
                input.queryProblem = v->problem;
            }
        }
        const RuleResult r = evaluateRule(rule, input);
        if (rule.kind == RuleKind::BurnRate)
            m_burnt[i] = r.burnt;
        anyPrometheusFailure = anyPrometheusFailure || (prometheusFailed && r.outcome == Outcome::Inconclusive);

        Measurement m;
        m.runId = m_runId;
        m.sequence = m_sequence;
        m.at = m_evaluationAt;
        m.rule = rule.name;
        m.sli = rule.sli;
        m.version = m_newVersion;
        m.stableVersion = m_stableVersion;
        m.value = r.value;
        m.stableValue = input.stableValue;
        m.threshold = r.threshold;
        m.comparison = r.comparison;
        m.requests = input.requests;
        m.outcome = r.outcome;
        m.reason = r.reason;
        evaluation.measurements << m;
        outcomes << r.outcome;
        if (r.outcome == Outcome::Fail)
            failReasons << rule.name + QStringLiteral(": ") + r.reason;
        else if (r.outcome == Outcome::Inconclusive)
            otherReasons << rule.name + QStringLiteral(": ") + r.reason;
    }
    evaluation.outcome = combineOutcomes(outcomes);
    evaluation.prometheusFailed = evaluation.outcome == Outcome::Inconclusive && anyPrometheusFailure;
    const Verdict before = m_tracker->verdict();
    const QString detail
        = (evaluation.outcome == Outcome::Fail ? failReasons : otherReasons).join(QStringLiteral("; "));
    const Verdict after = m_tracker->record(evaluation.outcome, evaluation.prometheusFailed, nowMs, detail);
    evaluation.verdict = after;
    evaluation.failures = m_tracker->failures();
    evaluation.reason = m_tracker->reason();
    for (Measurement &m : evaluation.measurements) {
        m.verdict = after;
        m.failures = evaluation.failures;
    }
    m_lastEvaluationMs = nowMs;
    qCDebug(lcPrometheus) << "analysis" << m_runId << "evaluation" << m_sequence << toString(evaluation.outcome) << "->"
                          << toString(after) << "in" << evaluation.elapsedMs << "ms:" << evaluation.reason;

    if (m_store && m_runId > 0) {
        if (Status s = m_store->record(evaluation); !s)
            Q_EMIT storeFailed(s.error());
    }
    const quint64 generation = m_generation;
    for (const Measurement &m : std::as_const(evaluation.measurements)) {
        Q_EMIT measured(m);
        if (generation != m_generation)
            return; // a slot stopped the analysis
    }
    Q_EMIT evaluated(evaluation);
    if (generation != m_generation)
        return;
    if (after == Verdict::Failed) {
        stop(); // terminal; stored as finished before anyone hears of it
        Q_EMIT verdictChanged(after, evaluation.reason);
        return;
    }
    if (after != before)
        Q_EMIT verdictChanged(after, evaluation.reason);
}

} // namespace gl
