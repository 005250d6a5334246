#pragma once

#include "metrics/prometheustypes.h"
#include "model/sliconfig.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QTimer>

#include <array>
#include <optional>

namespace gl {

class Clock;
class PrometheusClient;
class PrometheusQuery;

// The live data behind the SLI charts of a rollout: for the new and the stable version, the error ratio, the
// p99 latency and the throughput over a time window (5 min to 6 h), polled from Prometheus every second.
//
// Queries come from the environment's analysis section: the first SLI of kind error-ratio, p99-latency and
// request-rate (with its {window}), or the defaults of AnalysisConfig (docs/analysis.md) when the section has
// none. On start() (and on every change of window or versions) the whole window is fetched once with a range
// query whose step keeps a series at <= maxPoints() points (1 s for windows up to an hour, 6 s for 6 h); then
// each poll asks only for the steps after the last point. Every query is asynchronous; a poll that finds the
// previous one still waiting is skipped. Series are bounded by the window: points older than the window's
// start are dropped on each update, so memory stays flat however long the feed runs.
//
// Thresholds come from the analysis rules on the same SLI: a max or min rule gives its limit; a relative rule
// gives factor x the stable version's value (at least its floor), point by point for breaches and from the
// latest stable value for the threshold line. Burn-rate rules have no line.
//
// GUI-free: points are QPointF(ms since the epoch, value in the SLI's unit); non-finite values (0/0 when a
// version had no traffic in the window) are left out.
class SliFeed final : public QObject {
    Q_OBJECT

public:
    enum class Sli { ErrorRatio, P99Latency, Throughput };
    static constexpr int SliCount = 3;
    enum class Line { New, Stable };

    static constexpr int DefaultMaxPoints = 3600;
    static constexpr int PollIntervalMs = 1000;

    // `analysis` is the environment's section (configured or not). The client and the clock must outlive
    // the feed.
    SliFeed(PrometheusClient &prometheus, const AnalysisConfig &analysis, Clock &clock, QObject *parent = nullptr);
    ~SliFeed() override;

    // Both versions; the stable one may be empty (no line). Clears the series and refetches when running.
    void setVersions(const QString &newVersion, const QString &stableVersion);
    // The time window shown, in ms (e.g. 5 min). Clears the series and refetches when running.
    void setWindow(qint64 windowMs);
    void setMaxPoints(int maxPoints) { m_maxPoints = std::max(2, maxPoints); }
    // Polls now, then every PollIntervalMs (false: no timer; only poll() polls, for tests).
    void start(bool timerDriven = true);
    void stop();
    // One poll: the whole window on the first, the new tail afterwards. False when one is in flight.
    bool poll();

    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] QString newVersion() const { return m_newVersion; }
    [[nodiscard]] QString stableVersion() const { return m_stableVersion; }
    [[nodiscard]] qint64 window() const { return m_windowMs; }
    [[nodiscard]] int maxPoints() const { return m_maxPoints; }
    // The range-query step for the current window (ms).
    [[nodiscard]] qint64 step() const;
    // The window ending at the last poll (ms since the epoch).
    [[nodiscard]] qint64 windowStartMs() const { return m_lastPollMs - m_windowMs; }
    [[nodiscard]] qint64 windowEndMs() const { return m_lastPollMs; }

    [[nodiscard]] QString title(Sli sli) const; // translated, e.g. "Error ratio"
    [[nodiscard]] QString unit(Sli sli) const; // "ratio", "s", "req/s" or the SLI's unit
    // The PromQL run for a version (the SLI's template rendered).
    [[nodiscard]] QString query(Sli sli, const QString &version) const;
    [[nodiscard]] const QList<QPointF> &points(Sli sli, Line line) const;
    // The limit the analysis holds the new version to (see the class comment); none when no rule applies.
    [[nodiscard]] std::optional<double> threshold(Sli sli) const;
    // ">=" for a min rule, "<=" otherwise.
    [[nodiscard]] QString comparison(Sli sli) const;
    // The new version's points beyond the threshold.
    [[nodiscard]] QList<QPointF> breaches(Sli sli) const;
    // The last poll's error (Prometheus unreachable, timed out, refused a query); none after a good poll.
    [[nodiscard]] const std::optional<Error> &error() const { return m_error; }

Q_SIGNALS:
    // After every poll that completed (with or without new points; error() says whether it failed).
    void updated();

private:
    struct SliSpec {
        QString name; // the SLI's name in the analysis section ("" for a default)
        QString queryTemplate;
        QString unit;
        std::optional<AnalysisRule> rule; // the first max/min/relative rule on this SLI
    };
    struct Series {
        QList<QPointF> points; // sorted by time, bounded by the window
        qint64 lastMs = -1; // time of the last step fetched; -1 before the first fetch
    };

    void resolve(const AnalysisConfig &analysis);
    void reset();
    void onFinished(quint64 generation, int index, qint64 lastStepMs, const Result<PrometheusResult> &result);
    [[nodiscard]] Series &series(Sli sli, Line line);
    [[nodiscard]] const Series &series(Sli sli, Line line) const;
    [[nodiscard]] std::optional<double> limitAt(Sli sli, double stableValue) const;

    PrometheusClient &m_prometheus;
    Clock &m_clock;
    qint64 m_rateWindowMs = 30000; // the analysis window: {window} in the queries
    std::array<SliSpec, SliCount> m_specs;
    std::array<Series, SliCount * 2> m_series;

    QString m_newVersion;
    QString m_stableVersion;
    qint64 m_windowMs = 5 * 60 * 1000;
    int m_maxPoints = DefaultMaxPoints;
    bool m_running = false;
    QTimer m_timer;
    quint64 m_generation = 0;
    int m_pending = 0;
    bool m_pollFailed = false;
    std::optional<Error> m_error;
    std::optional<Error> m_pollError; // the first error of the poll in flight
    qint64 m_lastPollMs = 0;
    qint64 m_pollEndMs = 0;
    QList<QPointer<PrometheusQuery>> m_queries;
};

} // namespace gl
