#include "verdicttracker.h"

#include <QCoreApplication>

namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::VerdictTracker)
};

} // namespace

VerdictTracker::VerdictTracker(const AnalysisConfig &config)
    : m_inconclusiveAfterMs(config.inconclusiveAfterMs)
    , m_unreachableAfterMs(config.prometheusUnreachableAfterMs)
    , m_passesRequired(std::max(1, config.passesRequired))
    , m_counter(config.failureLimit, config.failureCounting)
    , m_reason(Tr::tr("no evaluation yet"))
{ }

Verdict VerdictTracker::record(Outcome outcome, bool prometheusFailed, qint64 nowMs, const QString &detail)
{
    if (m_verdict == Verdict::Failed)
        return m_verdict;
    const int limit = m_counter.limit();
    if (prometheusFailed) {
        m_passes = 0;
        if (m_prometheusDownSinceMs < 0)
            m_prometheusDownSinceMs = nowMs;
        const qint64 downMs = nowMs - m_prometheusDownSinceMs;
        if (downMs >= m_unreachableAfterMs) {
            m_verdict = Verdict::Inconclusive;
            m_reason = Tr::tr("inconclusive: Prometheus has not answered for %1 s: %2")
                           .arg(QString::number(double(downMs) / 1000.0, 'f', 1), detail);
        } else {
            m_verdict = Verdict::Pending;
            m_reason = Tr::tr("no verdict: Prometheus did not answer: %1").arg(detail);
        }
        return m_verdict;
    }
    m_prometheusDownSinceMs = -1;

    switch (outcome) {
    case Outcome::Fail: {
        m_passes = 0;
        m_noDataSinceMs = -1;
        m_counter.record(Outcome::Fail);
        const int failures = m_counter.failures();
        if (m_counter.limitReached()) {
            m_verdict = Verdict::Failed;
            m_reason
                = Tr::tr("failed: failed measurement %1 of the %2 allowed: %3").arg(failures).arg(limit).arg(detail);
        } else {
            m_verdict = Verdict::Failing;
            m_reason
                = Tr::tr("failing: failed measurement %1 of the %2 allowed: %3").arg(failures).arg(limit).arg(detail);
        }
        break;
    }
    case Outcome::Pass:
        m_counter.record(Outcome::Pass);
        m_noDataSinceMs = -1;
        ++m_passes;
        m_verdict = m_passes >= m_passesRequired ? Verdict::Passed : Verdict::Passing;
        m_reason = m_verdict == Verdict::Passed
            ? Tr::tr("passed: %1 passing measurements in a row (failed so far: %2 of the %3 allowed)")
                  .arg(m_passes)
                  .arg(m_counter.failures())
                  .arg(limit)
            : Tr::tr("passing: %1 of the %2 passing measurements in a row needed (failed so far: %3 of the %4 allowed)")
                  .arg(m_passes)
                  .arg(m_passesRequired)
                  .arg(m_counter.failures())
                  .arg(limit);
        break;
    case Outcome::Inconclusive: {
        m_passes = 0;
        if (m_noDataSinceMs < 0)
            m_noDataSinceMs = nowMs;
        const qint64 sinceMs = nowMs - m_noDataSinceMs;
        if (sinceMs >= m_inconclusiveAfterMs) {
            m_verdict = Verdict::Inconclusive;
            m_reason
                = Tr::tr("inconclusive for %1 s: %2").arg(QString::number(double(sinceMs) / 1000.0, 'f', 1), detail);
        } else {
            m_verdict = Verdict::Pending;
            m_reason = Tr::tr("no verdict yet: %1").arg(detail);
        }
        break;
    }
    }
    return m_verdict;
}

} // namespace gl
