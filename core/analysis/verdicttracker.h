#pragma once

#include "analysis/analysistypes.h"
#include "analysis/failurecounter.h"
#include "model/sliconfig.h"

#include <QString>

namespace gl {

// Turns the outcomes of successive evaluations into the analysis verdict (pure: times come in as arguments,
// so tests drive it without a clock). See Verdict for what each verdict means and docs/analysis.md for the
// rules:
//  - a failed evaluation counts towards the failure limit (FailureCounter); at the limit: Failed, terminal;
//    below it: Failing;
//  - a passing evaluation: Passing, or Passed once `passes_required` evaluations in a row passed;
//  - an inconclusive evaluation (no data, thin traffic): Pending until such evaluations have lasted
//    `inconclusive_after` without a pass or a failure in between, then Inconclusive;
//  - Prometheus failing: Pending until it has failed for `prometheus_unreachable_after`, then Inconclusive.
// Anything but a pass breaks a run of passes, so a stale Passed never survives missing data.
class VerdictTracker final {
public:
    explicit VerdictTracker(const AnalysisConfig &config);

    // One evaluation at monotonic time `nowMs`. `detail` says why (the failing rules' reasons, or what was
    // missing). Returns the verdict after it.
    Verdict record(Outcome outcome, bool prometheusFailed, qint64 nowMs, const QString &detail);

    [[nodiscard]] Verdict verdict() const { return m_verdict; }
    [[nodiscard]] QString reason() const { return m_reason; }
    [[nodiscard]] int failures() const { return m_counter.failures(); }
    [[nodiscard]] int consecutivePasses() const { return m_passes; }
    [[nodiscard]] const FailureCounter &counter() const { return m_counter; }

private:
    qint64 m_inconclusiveAfterMs;
    qint64 m_unreachableAfterMs;
    int m_passesRequired;
    FailureCounter m_counter;
    Verdict m_verdict = Verdict::Pending;
    QString m_reason;
    int m_passes = 0;
    qint64 m_noDataSinceMs = -1;
    qint64 m_prometheusDownSinceMs = -1;
};

} // namespace gl
