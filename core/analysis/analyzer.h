#pragma once

#include "analysis/analysistypes.h"
#include "analysis/verdicttracker.h"
#include "metrics/prometheustypes.h"
#include "model/sliconfig.h"
#include "util/result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace gl {

class Clock;
class MeasurementStore;
class PrometheusClient;
class PrometheusQuery;

// Runs the SLI analysis of one new version against the stable one (docs/analysis.md): every interval it
// queries Prometheus for each rule's SLI (templated per version), evaluates every rule, stores the
// measurements and updates the verdict. The rollout engine starts one per analysed step and stops it when the
// step ends:
//
//   auto *analyzer = new Analyzer(env.analysis, prometheus, clock, this);
//   analyzer->setStore(&measurements);                       // optional: every measurement is stored
//   connect(analyzer, &Analyzer::verdictChanged, this, ...); // Failed: roll back; Inconclusive: hold or roll
//                                                            // back per inconclusivePolicy; Passed: go on
//   analyzer->start(newVersion, stableVersion, rolloutId);   // first evaluation at once, then every interval
//   ...
//   analyzer->stop();
//
// Failed is terminal: the analyzer stops by itself after emitting it. Evaluations never overlap: a tick that
// comes while the previous evaluation waits for Prometheus is skipped (counted in skippedTicks()). Times
// (inconclusive_after, prometheus_unreachable_after, burn-rate elapsed time) come from the injected clock.
class Analyzer final : public QObject {
    Q_OBJECT

public:
    Analyzer(AnalysisConfig config, PrometheusClient &prometheus, Clock &clock, QObject *parent = nullptr);
    ~Analyzer() override;

    // Not owned; must outlive the analyzer or be reset with setStore(nullptr). Storage errors are reported by
    // storeFailed() and never stop the analysis.
    void setStore(MeasurementStore *store) { m_store = store; }
    // false: no timer; only evaluateNow() evaluates (tests with a ManualClock, `analysis check`).
    void setTimerDriven(bool timerDriven) { m_timerDriven = timerDriven; }

    // Starts a run (a new run id when a store is set). InvalidArgument when the configuration has no rule,
    // a rule names an unknown SLI or a version is empty; Conflict when already running.
    [[nodiscard]] Status start(const QString &newVersion, const QString &stableVersion, qint64 rolloutId = 0);
    // Ends the run: no further evaluation or signal; queries in flight are aborted; the stored run is marked
    // finished with the current verdict.
    void stop();
    // Evaluates every rule now, unless an evaluation is in flight (then returns false).
    bool evaluateNow();

    [[nodiscard]] bool isRunning() const { return m_running; }
    // An evaluation waits for Prometheus.
    [[nodiscard]] bool isEvaluating() const { return m_inFlight; }
    [[nodiscard]] Verdict verdict() const { return m_tracker ? m_tracker->verdict() : Verdict::Pending; }
    [[nodiscard]] QString reason() const;
    [[nodiscard]] int failures() const { return m_tracker ? m_tracker->failures() : 0; }
    [[nodiscard]] qint64 runId() const { return m_runId; }
    [[nodiscard]] int evaluations() const { return m_sequence; }
    [[nodiscard]] int skippedTicks() const { return m_skippedTicks; }
    // Monotonic time (the clock's) of the last completed evaluation; -1 before the first. For a dead man's
    // switch: an analysis that stops producing evaluations must not look like a passing one.
    [[nodiscard]] qint64 lastEvaluationMs() const { return m_lastEvaluationMs; }
    [[nodiscard]] const AnalysisConfig &config() const { return m_config; }
    [[nodiscard]] QString newVersion() const { return m_newVersion; }
    [[nodiscard]] QString stableVersion() const { return m_stableVersion; }

Q_SIGNALS:
    // One per rule per evaluation, after the verdict of that evaluation is known.
    void measured(const gl::Measurement &measurement);
    // After every evaluation (also those that were inconclusive).
    void evaluated(const gl::Evaluation &evaluation);
    void verdictChanged(gl::Verdict verdict, const QString &reason);
    void storeFailed(const gl::Error &error);

private:
    struct QueryValue {
        bool done = false;
        double value = 0;
        QString problem; // the query answered but gave no usable single value
        bool prometheusFailed = false;
        QString error; // Prometheus did not answer / refused
    };

    void onQueryFinished(quint64 generation, const QString &promql, const Result<PrometheusResult> &result);
    void finishEvaluation();
    [[nodiscard]] QueryValue valueOf(const QString &promql) const;

    AnalysisConfig m_config;
    PrometheusClient &m_prometheus;
    Clock &m_clock;
    MeasurementStore *m_store = nullptr;
    bool m_timerDriven = true;
    QTimer m_timer;
    std::unique_ptr<VerdictTracker> m_tracker;

    bool m_running = false;
    QString m_newVersion;
    QString m_stableVersion;
    qint64 m_rolloutId = 0;
    qint64 m_runId = 0;
    int m_sequence = 0;
    int m_skippedTicks = 0;
    quint64 m_generation = 0;
    qint64 m_lastEvaluationMs = -1;
    QList<double> m_burnt; // per rule: budget fraction burnt so far (burn-rate rules)

    // The evaluation in flight.
    bool m_inFlight = false;
    QDateTime m_evaluationAt;
    qint64 m_evaluationStartMs = 0;
    QElapsedTimer m_roundTrip;
    QHash<QString, QueryValue> m_values;
    int m_pending = 0;
    QList<QPointer<PrometheusQuery>> m_queries;
};

} // namespace gl
