#include "slifeed.h"

#include "metrics/prometheusclient.h"
#include "metrics/prometheusparsers.h"
#include "metrics/prometheusquery.h"
#include "util/clock.h"

#include <algorithm>
#include <cmath>

namespace gl {

namespace {

constexpr SliKind kKinds[SliFeed::SliCount] = {SliKind::ErrorRatio, SliKind::P99Latency, SliKind::RequestRate};

int indexOf(SliFeed::Sli sli, SliFeed::Line line)
{
    return int(sli) * 2 + (line == SliFeed::Line::New ? 0 : 1);
}

} // namespace

SliFeed::SliFeed(PrometheusClient &prometheus, const AnalysisConfig &analysis, Clock &clock, QObject *parent)
    : QObject(parent)
    , m_prometheus(prometheus)
    , m_clock(clock)
{
    resolve(analysis);
    connect(&m_timer, &QTimer::timeout, this, [this] { poll(); });
}

SliFeed::~SliFeed()
{
    ++m_generation;
    for (const QPointer<PrometheusQuery> &query : std::as_const(m_queries)) {
        if (query) {
            query->disconnect(this);
            query->abort();
        }
    }
}

void SliFeed::resolve(const AnalysisConfig &analysis)
{
    const AnalysisConfig config = analysis.configured ? analysis : AnalysisConfig::defaults();
    m_rateWindowMs = config.windowMs;
    for (int i = 0; i < SliCount; ++i) {
        SliSpec &spec = m_specs[size_t(i)];
        const auto it = std::find_if(
            config.slis.cbegin(), config.slis.cend(), [&](const SliDefinition &sli) { return sli.kind == kKinds[i]; });
        if (it != config.slis.cend()) {
            spec.name = it->name;
            spec.queryTemplate = it->query.isEmpty() ? AnalysisConfig::defaultQuery(kKinds[i]) : it->query;
            spec.unit = it->unit.isEmpty() ? AnalysisConfig::defaultUnit(kKinds[i]) : it->unit;
        } else {
            spec.name.clear();
            spec.queryTemplate = AnalysisConfig::defaultQuery(kKinds[i]);
            spec.unit = AnalysisConfig::defaultUnit(kKinds[i]);
        }
        spec.rule.reset();
        if (spec.name.isEmpty())
            continue;
        for (const AnalysisRule &rule : config.rules) {
            if (rule.sli == spec.name && rule.kind != RuleKind::BurnRate) {
                spec.rule = rule;
                break;
            }
        }
    }
}

void SliFeed::setVersions(const QString &newVersion, const QString &stableVersion)
{
    if (newVersion == m_newVersion && stableVersion == m_stableVersion)
        return;
    m_newVersion = newVersion;
    m_stableVersion = stableVersion;
    reset();
}

void SliFeed::setWindow(qint64 windowMs)
{
    windowMs = std::max<qint64>(windowMs, 10000);
    if (windowMs == m_windowMs)
        return;
    m_windowMs = windowMs;
    reset();
}

void SliFeed::reset()
{
    // Forget the series and whatever is in flight; the next poll fetches the whole window.
    ++m_generation;
    for (const QPointer<PrometheusQuery> &query : std::as_const(m_queries)) {
        if (query)
            query->abort();
    }
    m_queries.clear();
    m_pending = 0;
    for (Series &s : m_series)
        s = Series();
    if (m_running)
        poll();
}

void SliFeed::start(bool timerDriven)
{
    m_running = true;
    if (timerDriven)
        m_timer.start(PollIntervalMs);
    poll();
}

void SliFeed::stop()
{
    m_running = false;
    m_timer.stop();
    ++m_generation;
    for (const QPointer<PrometheusQuery> &query : std::as_const(m_queries)) {
        if (query)
            query->abort();
    }
    m_queries.clear();
    m_pending = 0;
}

qint64 SliFeed::step() const
{
    return chooseStep(m_windowMs, m_maxPoints, 1000);
}

bool SliFeed::poll()
{
    if (m_pending > 0)
        return false;
    m_queries.removeAll(nullptr);
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    const qint64 stepMs = step();
    // A step coarser than the analysis window would skip requests between points: widen {window} to the step.
    const qint64 rateWindowMs = std::max(m_rateWindowMs, stepMs);
    m_pollEndMs = now;
    m_pollFailed = false;
    m_pollError.reset();
    const quint64 generation = m_generation;
    for (int i = 0; i < SliCount; ++i) {
        for (const Line line : {Line::New, Line::Stable}) {
            const QString version = line == Line::New ? m_newVersion : m_stableVersion;
            if (version.isEmpty())
                continue;
            const Series &s = series(Sli(i), line);
            qint64 startMs = s.lastMs < 0 ? now - m_windowMs : s.lastMs + stepMs;
            if (startMs < now - m_windowMs) // after an outage longer than the window
                startMs = now - m_windowMs;
            if (startMs > now)
                continue;
            const qint64 lastStepMs = startMs + (now - startMs) / stepMs * stepMs;
            const QString promql = renderSliQuery(m_specs[size_t(i)].queryTemplate, version, rateWindowMs);
            PrometheusQuery *job = m_prometheus.queryRange(promql, QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC),
                QDateTime::fromMSecsSinceEpoch(lastStepMs, Qt::UTC), stepMs);
            const int index = indexOf(Sli(i), line);
            connect(job, &PrometheusQuery::finished, this,
                [this, generation, index, lastStepMs](
                    const Result<PrometheusResult> &result) { onFinished(generation, index, lastStepMs, result); });
            m_queries << job;
            ++m_pending;
            job->start();
        }
    }
    if (m_pending == 0) {
        m_lastPollMs = now;
        Q_EMIT updated();
    }
    return true;
}

void SliFeed::onFinished(quint64 generation, int index, qint64 lastStepMs, const Result<PrometheusResult> &result)
{
    if (generation != m_generation)
        return;
    Series &s = m_series[size_t(index)];
    if (!result.ok()) {
        if (!m_pollFailed)
            m_pollError = result.error();
        m_pollFailed = true;
    } else {
        if (!result->series.isEmpty()) {
            const QList<PrometheusSample> &samples = result->series.first().samples;
            for (const PrometheusSample &sample : samples) {
                const qint64 ms = std::llround(sample.timestamp * 1000);
                if (ms <= s.lastMs || !sample.isFinite())
                    continue;
                if (!s.points.isEmpty() && ms <= qint64(s.points.last().x()))
                    continue;
                s.points.append(QPointF(double(ms), sample.value));
            }
        }
        s.lastMs = std::max(s.lastMs, lastStepMs);
    }
    if (--m_pending > 0)
        return;
    m_lastPollMs = m_pollEndMs;
    // Bounded by the window: drop what fell out of it (Qt 6's QList frees the front without moving the rest).
    const double oldest = double(m_lastPollMs - m_windowMs);
    for (Series &each : m_series) {
        const auto keep = std::lower_bound(
            each.points.begin(), each.points.end(), oldest, [](const QPointF &p, double x) { return p.x() < x; });
        if (keep != each.points.begin())
            each.points.erase(each.points.begin(), keep);
    }
    m_error = m_pollFailed ? m_pollError : std::nullopt;
    m_queries.removeAll(nullptr);
    Q_EMIT updated();
}

SliFeed::Series &SliFeed::series(Sli sli, Line line)
{
    return m_series[size_t(indexOf(sli, line))];
}

const SliFeed::Series &SliFeed::series(Sli sli, Line line) const
{
    return m_series[size_t(indexOf(sli, line))];
}

QString SliFeed::title(Sli sli) const
{
    switch (sli) {
    case Sli::ErrorRatio:
        return tr("Error ratio");
    case Sli::P99Latency:
        return tr("p99 latency");
    case Sli::Throughput:
        return tr("Throughput");
    }
    return {};
}

QString SliFeed::unit(Sli sli) const
{
    return m_specs[size_t(sli)].unit;
}

QString SliFeed::query(Sli sli, const QString &version) const
{
    return renderSliQuery(m_specs[size_t(sli)].queryTemplate, version, std::max(m_rateWindowMs, step()));
}

const QList<QPointF> &SliFeed::points(Sli sli, Line line) const
{
    return series(sli, line).points;
}

std::optional<double> SliFeed::limitAt(Sli sli, double stableValue) const
{
    const std::optional<AnalysisRule> &rule = m_specs[size_t(sli)].rule;
    if (!rule)
        return std::nullopt;
    if (rule->kind == RuleKind::Relative) {
        if (!std::isfinite(stableValue))
            return std::nullopt;
        return std::max(rule->factor * stableValue, rule->floor);
    }
    return rule->threshold;
}

std::optional<double> SliFeed::threshold(Sli sli) const
{
    const QList<QPointF> &stable = points(sli, Line::Stable);
    return limitAt(sli, stable.isEmpty() ? std::nan("") : stable.last().y());
}

QString SliFeed::comparison(Sli sli) const
{
    const std::optional<AnalysisRule> &rule = m_specs[size_t(sli)].rule;
    return rule && rule->kind == RuleKind::Minimum ? QStringLiteral(">=") : QStringLiteral("<=");
}

QList<QPointF> SliFeed::breaches(Sli sli) const
{
    const std::optional<AnalysisRule> &rule = m_specs[size_t(sli)].rule;
    QList<QPointF> out;
    if (!rule)
        return out;
    const QList<QPointF> &stable = points(sli, Line::Stable);
    for (const QPointF &p : points(sli, Line::New)) {
        double stableValue = std::nan("");
        if (rule->kind == RuleKind::Relative) {
            // The stable value at the same time (or the last one before it).
            auto it = std::upper_bound(
                stable.cbegin(), stable.cend(), p.x(), [](double x, const QPointF &q) { return x < q.x(); });
            if (it == stable.cbegin())
                continue;
            stableValue = std::prev(it)->y();
        }
        const std::optional<double> limit = limitAt(sli, stableValue);
        if (!limit)
            continue;
        if (rule->kind == RuleKind::Minimum ? p.y() < *limit : p.y() > *limit)
            out.append(p);
    }
    return out;
}

} // namespace gl
