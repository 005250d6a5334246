#pragma once

#include "analysis/analysistypes.h"
#include "model/sliconfig.h"

#include <QString>

#include <cmath>

namespace gl {

// What one rule is evaluated on. NaN means "not measured" (no series, 0/0 in the window).
struct RuleInput {
    double value = std::nan(""); // the new version's SLI
    double stableValue = std::nan(""); // the stable version's SLI (relative rules)
    double requests = std::nan(""); // the new version's requests over the window
    double stableRequests = std::nan(""); // the stable version's requests (relative rules)
    int minRequests = 0; // 0: no minimum
    QString queryProblem; // non-empty: the SLI could not be read (e.g. "3 series"); inconclusive
    // Burn-rate rules: the budget fraction burnt before this measurement and the time it stands for.
    double burntBefore = 0;
    qint64 elapsedMs = 0;
};

struct RuleResult {
    Outcome outcome = Outcome::Inconclusive;
    double value = std::nan(""); // what the threshold was compared with (burn rate: the fraction burnt)
    double threshold = std::nan(""); // the effective limit
    QString comparison; // "<=", ">=", "<"
    double burnt = 0; // burn-rate rules: the budget fraction burnt after this measurement
    QString reason; // translated
};

// Evaluates one rule (pure; see docs/analysis.md "Rules"):
//  - minimum requests first: fewer than minRequests for the new version (or, for a relative rule, the stable
//    one), or an unknown count, is Inconclusive ("thin traffic"), whatever the value;
//  - NaN values are Inconclusive ("no data"); +Inf and -Inf compare as numbers (p99 +Inf fails a maximum);
//  - Maximum: value <= threshold; Minimum: value >= threshold;
//  - Relative: value <= max(factor x stable, floor); a stable value that is NaN or infinite is
//    Inconclusive (no baseline); stable = 0 gives the limit `floor` (default 0: the new version must be 0 too);
//  - BurnRate: burn rate b = value / (1 - slo) (value is an error ratio); the budget fraction burnt grows by
//    b x elapsed / window each measurement (as if the new version took all traffic: conservative) and the
//    rule fails once it reaches budgetFraction. A NaN ratio burns nothing and is Inconclusive.
[[nodiscard]] RuleResult evaluateRule(const AnalysisRule &rule, const RuleInput &input);

// A value as analysis output prints it: "NaN", "+Inf", "0.0123", up to 4 significant digits.
[[nodiscard]] QString formatAnalysisValue(double value);

} // namespace gl
