#pragma once

#include "analysis/analysistypes.h"
#include "model/sliconfig.h"

namespace gl {

// Counts failed evaluations against the failure limit, with exact semantics (docs/analysis.md):
//
//   failure_limit N: the N-th failed evaluation fails the analysis. Limit 1 fails on the 1st failed
//   evaluation, limit 3 on the 3rd. (Argo Rollouts fails at failureLimit + 1; Greenlight does not.)
//
// Total counting (the default): every failed evaluation counts, passing or inconclusive evaluations in
// between do not reset the count (a flapping version still fails). Consecutive counting: a PASSING
// evaluation resets the count to 0; an inconclusive one neither counts nor resets.
class FailureCounter final {
public:
    explicit FailureCounter(int limit = 1, FailureCounting counting = FailureCounting::Total);

    // Records one evaluation's outcome. Returns true when this evaluation made the limit reached.
    bool record(Outcome outcome);
    [[nodiscard]] int failures() const { return m_failures; }
    [[nodiscard]] int limit() const { return m_limit; }
    [[nodiscard]] bool limitReached() const { return m_failures >= m_limit; }
    [[nodiscard]] FailureCounting counting() const { return m_counting; }

private:
    int m_limit;
    FailureCounting m_counting;
    int m_failures = 0;
};

} // namespace gl
