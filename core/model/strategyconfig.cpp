#include "strategyconfig.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

// The `strategies:` section of the environment file (docs/engine.md, "Environment file: strategies"):
//
//   strategies:
//     default: canary                 # canary | blue-green | rolling | recreate
//     canary:
//       slots: 1                      # idle slots that get the new version first
//       steps: [5, 25, {percent: 50, pause: gate}, 100]
//       pause: 30s                    # after each step below 100: none | gate | analysis | 500ms/30s/2m/1h
//       undeploy_delay: 60s           # at 100 %: the old colour stays up this long, then is drained
//     blue_green:
//       keep_old_for: 60s             # after the switch: rollback stays instant this long
//     rolling:
//       max_unavailable: 1
//     drain_timeout: 30s
//     health_timeout: 60s
//     hook_timeout: 120s
namespace gl {
namespace { } // namespace

QString toString(StrategyKind kind)
{
    switch (kind) {
    case StrategyKind::Canary:
        return QStringLiteral("canary");
    case StrategyKind::BlueGreen:
        return QStringLiteral("blue-green");
    case StrategyKind::Rolling:
        return QStringLiteral("rolling");
    case StrategyKind::Recreate:
        return QStringLiteral("recreate");
    }
    return {};
}

std::optional<StrategyKind> strategyFromString(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"canary")
        return StrategyKind::Canary;
    if (t == u"blue-green" || t == u"bluegreen" || t == u"blue_green")
        return StrategyKind::BlueGreen;
    if (t == u"rolling")
        return StrategyKind::Rolling;
    if (t == u"recreate" || t == u"in-place")
        return StrategyKind::Recreate;
    return std::nullopt;
}

std::optional<qint64> parseDurationMs(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m|h)?\\s*$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const double value = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    double factor = 1000;
    if (unit == u"ms")
        factor = 1;
    else if (unit == u"m")
        factor = 60000;
    else if (unit == u"h")
        factor = 3600000;
    const double ms = value * factor;
    if (ms > 30.0 * 24 * 3600 * 1000) // more than 30 days is a typo
        return std::nullopt;
    return qint64(ms);
}

QString formatDurationMs(qint64 ms)
{
    if (ms % 3600000 == 0 && ms >= 3600000)
        return QString::number(ms / 3600000) + u'h';
    if (ms % 60000 == 0 && ms >= 60000)
        return QString::number(ms / 60000) + u'm';
    if (ms % 1000 == 0)
        return QString::number(ms / 1000) + u's';
    return QString::number(ms) + QStringLiteral("ms");
}

QString StepPause::toString() const
{
    switch (kind) {
    case PauseKind::None:
        return QStringLiteral("none");
    case PauseKind::Gate:
        return QStringLiteral("gate");
    case PauseKind::Analysis:
        return QStringLiteral("analysis");
    case PauseKind::Duration:
        return formatDurationMs(durationMs);
    }
    return {};
}

std::optional<StepPause> StepPause::parse(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"none" || t == u"0")
        return StepPause {PauseKind::None, 0};
    if (t == u"gate")
        return StepPause {PauseKind::Gate, 0};
    if (t == u"analysis")
        return StepPause {PauseKind::Analysis, 0};
    if (const auto ms = parseDurationMs(t))
        return *ms == 0 ? StepPause {PauseKind::None, 0} : StepPause {PauseKind::Duration, *ms};
    return std::nullopt;
}

QList<CanaryStep> StrategyConfig::defaultCanarySteps()
{
    const StepPause pause {PauseKind::Duration, 30000};
    return {{5, pause}, {25, pause}, {50, pause}, {100, StepPause {}}};
}

Status validateCanarySteps(const QList<CanaryStep> &steps)
{
    if (steps.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
            QCoreApplication::translate("gl::StrategyConfig", "a canary needs at least one step (100)"));
    int previous = 0;
    for (const CanaryStep &step : steps) {
        if (step.percent < 1 || step.percent > 100)
            return makeError(ErrorCode::InvalidArgument,
                QCoreApplication::translate("gl::StrategyConfig", "step %1 %: a step is a percentage from 1 to 100")
                    .arg(step.percent));
        if (step.percent <= previous)
            return makeError(ErrorCode::InvalidArgument,
                QCoreApplication::translate("gl::StrategyConfig", "step %1 % after %2 %: steps must increase")
                    .arg(step.percent)
                    .arg(previous));
        previous = step.percent;
    }
    if (previous != 100)
        return makeError(ErrorCode::InvalidArgument,
            QCoreApplication::translate("gl::StrategyConfig", "the last step must be 100 %, not %1 %").arg(previous));
    return {};
}

Result<QList<CanaryStep>> parseCanarySteps(const QString &text, const StepPause &pause)
{
    QList<CanaryStep> steps;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString percentText = part.section(u':', 0, 0).trimmed().remove(u'%');
        bool ok = false;
        const int percent = percentText.toInt(&ok);
        if (!ok)
            return makeError(ErrorCode::InvalidArgument,
                QCoreApplication::translate("gl::StrategyConfig", "\"%1\" is not a step percentage")
                    .arg(part.trimmed()));
        CanaryStep step {percent, percent == 100 ? StepPause {} : pause};
        if (part.contains(u':')) {
            const auto parsed = StepPause::parse(part.section(u':', 1));
            if (!parsed)
                return makeError(ErrorCode::InvalidArgument,
                    QCoreApplication::translate(
                        "gl::StrategyConfig", "\"%1\": a pause is none, gate, analysis or a duration such as 30s")
                        .arg(part.trimmed()));
            step.pause = *parsed;
        }
        steps << step;
    }
    if (const Status valid = validateCanarySteps(steps); !valid)
        return valid.error();
    return steps;
}

QJsonObject StrategyConfig::toJson() const
{
    QJsonArray steps;
    for (const CanaryStep &step : canarySteps)
        steps.append(
            QJsonObject {{QStringLiteral("percent"), step.percent}, {QStringLiteral("pause"), step.pause.toString()}});
    return QJsonObject {
        {QStringLiteral("default"), gl::toString(defaultStrategy)},
        {QStringLiteral("canarySlots"), canarySlots},
        {QStringLiteral("canarySteps"), steps},
        {QStringLiteral("canaryUndeployDelayMs"), canaryUndeployDelayMs},
        {QStringLiteral("keepOldForMs"), keepOldForMs},
        {QStringLiteral("maxUnavailable"), maxUnavailable},
        {QStringLiteral("drainTimeoutMs"), drainTimeoutMs},
        {QStringLiteral("healthTimeoutMs"), healthTimeoutMs},
        {QStringLiteral("hookTimeoutMs"), hookTimeoutMs},
    };
}

Result<StrategyConfig> StrategyConfig::fromJson(const QJsonObject &object)
{
    StrategyConfig config;
    const auto strategy = strategyFromString(object.value(u"default").toString(QStringLiteral("canary")));
    if (!strategy)
        return makeError(ErrorCode::Corrupt,
            QCoreApplication::translate("gl::StrategyConfig", "unknown strategy in a stored rollout"));
    config.defaultStrategy = *strategy;
    config.canarySlots = object.value(u"canarySlots").toInt(config.canarySlots);
    if (object.contains(u"canarySteps")) {
        config.canarySteps.clear();
        for (const QJsonValue &value : object.value(u"canarySteps").toArray()) {
            const auto pause = StepPause::parse(value.toObject().value(u"pause").toString());
            config.canarySteps << CanaryStep {value.toObject().value(u"percent").toInt(), pause.value_or(StepPause {})};
        }
    }
    config.canaryUndeployDelayMs = object.value(u"canaryUndeployDelayMs").toInteger(config.canaryUndeployDelayMs);
    config.keepOldForMs = object.value(u"keepOldForMs").toInteger(config.keepOldForMs);
    config.maxUnavailable = object.value(u"maxUnavailable").toInt(config.maxUnavailable);
    config.drainTimeoutMs = object.value(u"drainTimeoutMs").toInteger(config.drainTimeoutMs);
    config.healthTimeoutMs = object.value(u"healthTimeoutMs").toInteger(config.healthTimeoutMs);
    config.hookTimeoutMs = object.value(u"hookTimeoutMs").toInteger(config.hookTimeoutMs);
    return config;
}

namespace {

class StrategiesReader {
public:
    explicit StrategiesReader(const YamlErrorSink &addError)
        : m_addError(addError)
    { }

    StrategyConfig read(const YAML::Node &node)
    {
        if (!checkMap(node, QStringLiteral("strategies"),
                {QStringLiteral("default"), QStringLiteral("canary"), QStringLiteral("blue_green"),
                    QStringLiteral("rolling"), QStringLiteral("drain_timeout"), QStringLiteral("health_timeout"),
                    QStringLiteral("hook_timeout")}))
            return m_config;
        if (const YAML::Node value = node["default"]; value.IsDefined() && !value.IsNull()) {
            const auto kind
                = value.IsScalar() ? strategyFromString(QString::fromStdString(value.Scalar())) : std::nullopt;
            if (kind)
                m_config.defaultStrategy = *kind;
            else
                m_addError(value.Mark(), QStringLiteral("strategies.default"),
                    QCoreApplication::translate(
                        "gl::StrategyConfig", "expected canary, blue-green, rolling or recreate"));
        }
        if (const YAML::Node canary = node["canary"]; canary.IsDefined() && !canary.IsNull())
            readCanary(canary);
        if (const YAML::Node blueGreen = node["blue_green"]; blueGreen.IsDefined() && !blueGreen.IsNull()) {
            if (checkMap(blueGreen, QStringLiteral("strategies.blue_green"), {QStringLiteral("keep_old_for")}))
                duration(blueGreen, "keep_old_for", QStringLiteral("strategies.blue_green.keep_old_for"),
                    m_config.keepOldForMs);
        }
        if (const YAML::Node rolling = node["rolling"]; rolling.IsDefined() && !rolling.IsNull()) {
            if (checkMap(rolling, QStringLiteral("strategies.rolling"), {QStringLiteral("max_unavailable")}))
                integer(rolling, "max_unavailable", QStringLiteral("strategies.rolling.max_unavailable"), 1, 1000,
                    m_config.maxUnavailable);
        }
        duration(node, "drain_timeout", QStringLiteral("strategies.drain_timeout"), m_config.drainTimeoutMs);
        duration(node, "health_timeout", QStringLiteral("strategies.health_timeout"), m_config.healthTimeoutMs);
        duration(node, "hook_timeout", QStringLiteral("strategies.hook_timeout"), m_config.hookTimeoutMs);
        return m_config;
    }

private:
    bool checkMap(const YAML::Node &node, const QString &field, const QStringList &allowed)
    {
        if (!node.IsMap()) {
            m_addError(node.Mark(), field, QCoreApplication::translate("gl::StrategyConfig", "expected a mapping"));
            return false;
        }
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = QString::fromStdString(it->first.as<std::string>(std::string()));
            if (!allowed.contains(key))
                m_addError(it->first.Mark(), field + u'.' + key,
                    QCoreApplication::translate("gl::StrategyConfig", "unknown key (expected one of: %1)")
                        .arg(allowed.join(u", ")));
        }
        return true;
    }

    void duration(const YAML::Node &parent, const char *key, const QString &field, qint64 &target)
    {
        const YAML::Node value = parent[key];
        if (!value.IsDefined() || value.IsNull())
            return;
        const auto ms = value.IsScalar() ? parseDurationMs(QString::fromStdString(value.Scalar())) : std::nullopt;
        if (ms)
            target = *ms;
        else
            m_addError(value.Mark(), field,
                QCoreApplication::translate("gl::StrategyConfig", "expected a duration such as 500ms, 30s, 2m or 1h"));
    }

    void integer(const YAML::Node &parent, const char *key, const QString &field, int min, int max, int &target)
    {
        const YAML::Node value = parent[key];
        if (!value.IsDefined() || value.IsNull())
            return;
        bool ok = false;
        const int number = value.IsScalar() ? QString::fromStdString(value.Scalar()).toInt(&ok) : 0;
        if (ok && number >= min && number <= max)
            target = number;
        else
            m_addError(value.Mark(), field,
                QCoreApplication::translate("gl::StrategyConfig", "expected a whole number from %1 to %2")
                    .arg(min)
                    .arg(max));
    }

    void readCanary(const YAML::Node &canary)
    {
        if (!checkMap(canary, QStringLiteral("strategies.canary"),
                {QStringLiteral("slots"), QStringLiteral("steps"), QStringLiteral("pause"),
                    QStringLiteral("undeploy_delay")}))
            return;
        integer(canary, "slots", QStringLiteral("strategies.canary.slots"), 1, 1000, m_config.canarySlots);
        duration(canary, "undeploy_delay", QStringLiteral("strategies.canary.undeploy_delay"),
            m_config.canaryUndeployDelayMs);
        StepPause pause = m_config.canarySteps.first().pause;
        if (const YAML::Node value = canary["pause"]; value.IsDefined() && !value.IsNull()) {
            const auto parsed
                = value.IsScalar() ? StepPause::parse(QString::fromStdString(value.Scalar())) : std::nullopt;
            if (parsed)
                pause = *parsed;
            else
                m_addError(value.Mark(), QStringLiteral("strategies.canary.pause"),
                    QCoreApplication::translate(
                        "gl::StrategyConfig", "expected none, gate, analysis or a duration such as 30s"));
        }
        const YAML::Node steps = canary["steps"];
        if (!steps.IsDefined() || steps.IsNull()) {
            for (CanaryStep &step : m_config.canarySteps) {
                if (step.percent < 100)
                    step.pause = pause;
            }
            return;
        }
        if (!steps.IsSequence()) {
            m_addError(steps.Mark(), QStringLiteral("strategies.canary.steps"),
                QCoreApplication::translate(
                    "gl::StrategyConfig", "expected a list of percentages, e.g. [5, 25, 50, 100]"));
            return;
        }
        QList<CanaryStep> result;
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const YAML::Node item = steps[i];
            const QString field = QStringLiteral("strategies.canary.steps[%1]").arg(i);
            CanaryStep step;
            if (item.IsMap() && !checkMap(item, field, {QStringLiteral("percent"), QStringLiteral("pause")}))
                return;
            // Not `node = other`: yaml-cpp assignment writes into the node it refers to.
            const YAML::Node percentNode = item.IsMap() ? item["percent"] : item;
            bool ok = false;
            step.percent = percentNode.IsDefined() && percentNode.IsScalar()
                ? QString::fromStdString(percentNode.Scalar()).remove(u'%').trimmed().toInt(&ok)
                : 0;
            if (!ok) {
                m_addError(item.Mark(), field,
                    QCoreApplication::translate("gl::StrategyConfig", "expected a percentage from 1 to 100"));
                return;
            }
            step.pause = step.percent == 100 ? StepPause {} : pause;
            if (item.IsMap() && item["pause"].IsDefined() && !item["pause"].IsNull()) {
                const YAML::Node value = item["pause"];
                const auto parsed
                    = value.IsScalar() ? StepPause::parse(QString::fromStdString(value.Scalar())) : std::nullopt;
                if (!parsed) {
                    m_addError(value.Mark(), field + QStringLiteral(".pause"),
                        QCoreApplication::translate(
                            "gl::StrategyConfig", "expected none, gate, analysis or a duration such as 30s"));
                    return;
                }
                step.pause = *parsed;
            }
            result << step;
        }
        if (const Status valid = validateCanarySteps(result); !valid) {
            m_addError(steps.Mark(), QStringLiteral("strategies.canary.steps"), valid.error().message);
            return;
        }
        m_config.canarySteps = result;
    }

    const YamlErrorSink &m_addError;
    StrategyConfig m_config;
};

} // namespace

StrategyConfig readStrategiesYaml(const YAML::Node &node, const YamlErrorSink &addError)
{
    return StrategiesReader(addError).read(node);
}

} // namespace gl
