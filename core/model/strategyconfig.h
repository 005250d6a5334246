#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace YAML {
class Node;
class Mark;
} // namespace YAML

namespace gl {

// How a rollout replaces the serving version (see docs/engine.md, "Strategies").
enum class StrategyKind {
    Canary, // new version on k idle slots of the other colour, traffic in steps
    BlueGreen, // the whole idle colour, one switch, old colour kept for a delay
    Rolling, // in place on the serving colour, maxUnavailable slots at a time
    Recreate, // in place, every slot at once: DOWNTIME
};

[[nodiscard]] QString toString(StrategyKind kind);
[[nodiscard]] std::optional<StrategyKind> strategyFromString(const QString &text);
// Whether the strategy takes the service down for a while (needs --accept-downtime).
[[nodiscard]] inline bool causesDowntime(StrategyKind kind)
{
    return kind == StrategyKind::Recreate;
}

// What ends the wait after a canary traffic step.
enum class PauseKind {
    None, // go on at once
    Duration, // wait durationMs
    Gate, // wait until promoted (an approval; `rollout promote`)
    Analysis, // wait until analysis passes; until the analysis issue lands: like Gate
};

struct StepPause {
    PauseKind kind = PauseKind::None;
    qint64 durationMs = 0;

    friend bool operator==(const StepPause &, const StepPause &) = default;
    [[nodiscard]] QString toString() const; // "none", "30s", "gate", "analysis"
    // Parses "none", "gate", "analysis" or a duration ("500ms", "30s", "2m", "1h", a bare number is seconds).
    [[nodiscard]] static std::optional<StepPause> parse(const QString &text);
};

struct CanaryStep {
    int percent = 0; // 1..100
    StepPause pause;

    friend bool operator==(const CanaryStep &, const CanaryStep &) = default;
};

// The `strategies:` section of the environment file, with defaults for what it leaves out. A rollout copies
// it (plus the per-rollout overrides) into its own record when it starts, so editing the file never changes a
// rollout in flight.
struct StrategyConfig {
    StrategyKind defaultStrategy = StrategyKind::Canary;
    // canary
    int canarySlots = 1;
    QList<CanaryStep> canarySteps = defaultCanarySteps();
    qint64 canaryUndeployDelayMs = 60000; // after 100 %: how long the old colour stays up
    // blue-green
    qint64 keepOldForMs = 60000; // after the switch: rollback stays instant this long
    // rolling
    int maxUnavailable = 1;
    // every strategy
    qint64 drainTimeoutMs = 30000; // bound of "wait until sessions and queue are 0"
    qint64 healthTimeoutMs = 60000; // bound of "wait until HAProxy reports the slot healthy"
    qint64 hookTimeoutMs = 120000; // a deploy or undeploy hook is killed after this

    [[nodiscard]] static QList<CanaryStep> defaultCanarySteps();

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Result<StrategyConfig> fromJson(const QJsonObject &object);

    friend bool operator==(const StrategyConfig &, const StrategyConfig &) = default;
};

// "500ms", "30s", "2m", "1h", or a bare number of seconds. std::nullopt when not a duration.
[[nodiscard]] std::optional<qint64> parseDurationMs(const QString &text);
[[nodiscard]] QString formatDurationMs(qint64 ms);

// Steps as the command line gives them: "5,25:gate,50:10s,100" (the pause after ':' defaults to `pause`).
[[nodiscard]] Result<QList<CanaryStep>> parseCanarySteps(const QString &text, const StepPause &pause);
// Checks steps: 1..100, strictly increasing, ending at 100.
[[nodiscard]] Status validateCanarySteps(const QList<CanaryStep> &steps);

// Reads the `strategies:` mapping of an environment file. `addError(mark, field, problem)` records each
// problem (with the file's line); what is valid is kept, the rest stays at its default.
using YamlErrorSink = std::function<void(const YAML::Mark &mark, const QString &field, const QString &problem)>;
[[nodiscard]] StrategyConfig readStrategiesYaml(const YAML::Node &node, const YamlErrorSink &addError);

} // namespace gl
