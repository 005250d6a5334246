#include "failurecounter.h"

#include <algorithm>

namespace gl {

FailureCounter::FailureCounter(int limit, FailureCounting counting)
    : m_limit(std::max(1, limit))
    , m_counting(counting)
{ }

bool FailureCounter::record(Outcome outcome)
{
    if (limitReached())
        return false; // terminal: nothing moves once the limit is reached
    switch (outcome) {
    case Outcome::Fail:
        ++m_failures;
        return limitReached();
    case Outcome::Pass:
        if (m_counting == FailureCounting::Consecutive)
            m_failures = 0;
        return false;
    case Outcome::Inconclusive:
        return false;
    }
    return false;
}

} // namespace gl
