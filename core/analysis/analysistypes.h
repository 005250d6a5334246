#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <cmath>
#include <optional>

namespace gl {

// The outcome of one rule in one evaluation, or of one evaluation as a whole.
enum class Outcome {
    Pass,
    Fail,
    Inconclusive, // no data, thin traffic, no baseline, Prometheus unreachable: never a pass
};

// Where an analysis stands (docs/analysis.md, "Verdicts"). The engine acts on it:
//  - Failed: terminal; the failure limit was reached. Roll back.
//  - Inconclusive: data missing or thin for `inconclusive_after`, or Prometheus failing for
//    `prometheus_unreachable_after`. Hold (or roll back, per `inconclusive_policy`); NEVER promote.
//  - Failing: the last evaluation failed, the limit is not reached yet. Do not advance.
//  - Pending: no verdict yet (first evaluation not done, or data missing / Prometheus failing for less than
//    the delays above). Do not advance.
//  - Passing: the last evaluation passed, fewer than `passes_required` in a row so far. Do not advance a step
//    that waits "until analysis passes".
//  - Passed: `passes_required` evaluations in a row passed. A step waiting for analysis may go on. Not
//    terminal: a later failed or inconclusive evaluation moves the verdict on.
enum class Verdict { Pending, Passing, Passed, Failing, Failed, Inconclusive };

[[nodiscard]] QString toString(Outcome outcome);
[[nodiscard]] std::optional<Outcome> outcomeFromString(const QString &text);
[[nodiscard]] QString toString(Verdict verdict);
[[nodiscard]] std::optional<Verdict> verdictFromString(const QString &text);

// One rule measured once: what a user needs to see why a rollout passed or failed.
struct Measurement {
    qint64 runId = 0;
    int sequence = 0; // the evaluation it belongs to (1, 2, ...)
    QDateTime at; // UTC, from the analysis clock
    QString rule; // the rule's display name, e.g. "errors <= 0.01"
    QString sli;
    QString version; // the new version
    QString stableVersion; // the version it is compared with
    double value = std::nan(""); // the new version's SLI (burn-rate rules: the budget fraction burnt)
    double stableValue = std::nan(""); // relative rules: the stable version's SLI
    double threshold = std::nan(""); // the limit the value was held to (relative: factor x stable, floored)
    QString comparison; // "<=", ">=" or "<"
    double requests = std::nan(""); // the new version's requests over the window
    Outcome outcome = Outcome::Inconclusive;
    QString reason; // translated, e.g. "0.092 > 0.01"
    Verdict verdict = Verdict::Pending; // the analysis verdict after this evaluation
    int failures = 0; // failed evaluations counted towards the limit after this evaluation
};

// One evaluation of every rule at one time.
struct Evaluation {
    qint64 runId = 0;
    int sequence = 0;
    QDateTime at;
    QList<Measurement> measurements;
    Outcome outcome = Outcome::Inconclusive;
    bool prometheusFailed = false; // inconclusive because Prometheus did not answer (or refused every query)
    Verdict verdict = Verdict::Pending;
    int failures = 0;
    QString reason;
    qint64 elapsedMs = 0; // from the first query sent to the last answer
};

// What the outcomes of several rules add up to: any Fail fails; else any Inconclusive is inconclusive;
// else Pass (an empty list is Inconclusive: nothing was measured).
[[nodiscard]] Outcome combineOutcomes(const QList<Outcome> &outcomes);

} // namespace gl

Q_DECLARE_METATYPE(gl::Measurement)
Q_DECLARE_METATYPE(gl::Evaluation)
