#include "analysis/analysisrules.h"
#include "analysis/analyzer.h"
#include "analysis/measurementstore.h"
#include "cli.h"
#include "metrics/prometheusclient.h"
#include "model/environmentfile.h"
#include "storage/statestore.h"
#include "util/clock.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTimer>

#include <cmath>
#include <optional>

// greenlightctl analysis show | check (docs/analysis.md, "Command line").
namespace gl::cli {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::cli)
};

// JSON has no NaN or infinity: non-finite values are the strings Prometheus uses.
QJsonValue jsonNumber(double value)
{
    if (std::isfinite(value))
        return value;
    return formatAnalysisValue(value);
}

QJsonObject measurementJson(const Measurement &m)
{
    return QJsonObject {
        {QStringLiteral("sequence"), m.sequence},
        {QStringLiteral("at"), m.at.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("rule"), m.rule},
        {QStringLiteral("sli"), m.sli},
        {QStringLiteral("version"), m.version},
        {QStringLiteral("stableVersion"), m.stableVersion},
        {QStringLiteral("value"), jsonNumber(m.value)},
        {QStringLiteral("stableValue"), jsonNumber(m.stableValue)},
        {QStringLiteral("threshold"), jsonNumber(m.threshold)},
        {QStringLiteral("comparison"), m.comparison},
        {QStringLiteral("requests"), jsonNumber(m.requests)},
        {QStringLiteral("outcome"), toString(m.outcome)},
        {QStringLiteral("verdict"), toString(m.verdict)},
        {QStringLiteral("failures"), m.failures},
        {QStringLiteral("reason"), m.reason},
    };
}

QJsonObject runJson(const AnalysisRunRecord &run)
{
    return QJsonObject {
        {QStringLiteral("id"), run.id},
        {QStringLiteral("rolloutId"), run.rolloutId},
        {QStringLiteral("newVersion"), run.newVersion},
        {QStringLiteral("stableVersion"), run.stableVersion},
        {QStringLiteral("startedAt"), run.startedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("finishedAt"),
            run.finishedAt.isValid() ? run.finishedAt.toUTC().toString(Qt::ISODateWithMs) : QString()},
        {QStringLiteral("verdict"), toString(run.verdict)},
        {QStringLiteral("reason"), run.reason},
        {QStringLiteral("failureLimit"), run.config.failureLimit},
        {QStringLiteral("config"), run.config.toJson()},
    };
}

void printTable(QTextStream &out, const QList<Measurement> &measurements, bool withTime)
{
    out << (withTime ? QStringLiteral("%1 %2 ").arg(QStringLiteral("#"), 4).arg(QStringLiteral("TIME"), -12)
                     : QString())
        << QStringLiteral("%1 %2 %3 %4 %5  %6\n")
               .arg(Tr::tr("RULE"), -34)
               .arg(Tr::tr("VALUE"), -10)
               .arg(Tr::tr("THRESHOLD"), -12)
               .arg(Tr::tr("REQUESTS"), -9)
               .arg(Tr::tr("OUTCOME"), -12)
               .arg(Tr::tr("WHY"));
    for (const Measurement &m : measurements) {
        if (withTime)
            out << QStringLiteral("%1 %2 ")
                       .arg(m.sequence, 4)
                       .arg(m.at.toUTC().toString(QStringLiteral("HH:mm:ss.zzz")), -12);
        const QString threshold
            = std::isnan(m.threshold) ? QStringLiteral("-") : m.comparison + u' ' + formatAnalysisValue(m.threshold);
        out << QStringLiteral("%1 %2 %3 %4 %5  %6\n")
                   .arg(m.rule.left(34), -34)
                   .arg(formatAnalysisValue(m.value), -10)
                   .arg(threshold, -12)
                   .arg(std::isnan(m.requests) ? QStringLiteral("-") : QString::number(qint64(m.requests)), -9)
                   .arg(toString(m.outcome), -12)
                   .arg(m.reason);
    }
}

std::optional<Environment> loadEnvironment(Context &context, const char *command)
{
    const QString path = context.parser.value(QStringLiteral("env"));
    if (path.isEmpty()) {
        context.err << Tr::tr("%1: --env FILE is required").arg(QString::fromLatin1(command)) << '\n'
                    << context.parser.helpText();
        return std::nullopt;
    }
    Result<Environment> env = loadEnvironmentFile(path);
    if (!env) {
        context.err << env.error().message << '\n';
        return std::nullopt;
    }
    return *env;
}

// analysis show --env FILE [--rollout ID] [--run ID] [--last N] [--json]
int show(Context &context)
{
    const std::optional<Environment> env = loadEnvironment(context, "analysis show");
    if (!env)
        return context.parser.value(QStringLiteral("env")).isEmpty() ? ExitUsage : ExitError;
    Result<StateStore> state = StateStore::open(env->stateDatabase);
    if (!state) {
        context.err << state.error().message << '\n';
        return ExitError;
    }
    MeasurementStore store(state->database());
    bool ok = true;
    std::optional<qint64> rollout;
    if (context.parser.isSet(QStringLiteral("rollout"))) {
        rollout = context.parser.value(QStringLiteral("rollout")).toLongLong(&ok);
        if (!ok) {
            context.err << Tr::tr("analysis show: --rollout expects a rollout number") << '\n';
            return ExitUsage;
        }
    }
    int last = 0;
    if (context.parser.isSet(QStringLiteral("last"))) {
        last = context.parser.value(QStringLiteral("last")).toInt(&ok);
        if (!ok || last < 1) {
            context.err << Tr::tr("analysis show: --last expects a number of measurements") << '\n';
            return ExitUsage;
        }
    }
    Result<AnalysisRunRecord> run = context.parser.isSet(QStringLiteral("run"))
        ? store.run(context.parser.value(QStringLiteral("run")).toLongLong())
        : store.latestRun(rollout);
    if (!run) {
        context.err << run.error().message << '\n';
        return ExitError;
    }
    const Result<QList<Measurement>> measurements = store.measurements(run->id, last);
    if (!measurements) {
        context.err << measurements.error().message << '\n';
        return ExitError;
    }
    if (context.parser.isSet(QStringLiteral("json"))) {
        QJsonObject object = runJson(*run);
        QJsonArray rows;
        for (const Measurement &m : *measurements)
            rows.append(measurementJson(m));
        object.insert(QStringLiteral("measurements"), rows);
        context.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    context.out << Tr::tr("Analysis %1: %2 against %3, started %4%5")
                       .arg(run->id)
                       .arg(run->newVersion, run->stableVersion.isEmpty() ? QStringLiteral("-") : run->stableVersion,
                           run->startedAt.toUTC().toString(Qt::ISODate),
                           run->rolloutId > 0 ? Tr::tr(" (rollout %1)").arg(run->rolloutId) : QString())
                << '\n'
                << Tr::tr("Verdict: %1").arg(run->reason.isEmpty() ? toString(run->verdict) : run->reason) << '\n'
                << Tr::tr("Failure limit: the analysis fails at failed measurement %1 (%2 counting).")
                       .arg(run->config.failureLimit)
                       .arg(run->config.failureCounting == FailureCounting::Total ? QStringLiteral("total")
                                                                                  : QStringLiteral("consecutive"))
                << "\n\n";
    printTable(context.out, *measurements, true);
    return ExitOk;
}

// analysis check --env FILE --new V --stable V [--json]: one evaluation now.
int check(Context &context)
{
    const std::optional<Environment> env = loadEnvironment(context, "analysis check");
    if (!env)
        return context.parser.value(QStringLiteral("env")).isEmpty() ? ExitUsage : ExitError;
    const QString newVersion = context.parser.value(QStringLiteral("new"));
    const QString stableVersion = context.parser.value(QStringLiteral("stable"));
    if (newVersion.isEmpty()) {
        context.err << Tr::tr("analysis check: --new VERSION is required") << '\n' << context.parser.helpText();
        return ExitUsage;
    }
    const bool json = context.parser.isSet(QStringLiteral("json"));
    const AnalysisConfig config = env->analysis.configured ? env->analysis : AnalysisConfig::defaults();
    if (!env->analysis.configured && !json)
        context.err << Tr::tr("%1 has no analysis section: using the default SLIs and rules.").arg(env->filePath)
                    << '\n';

    // Store the check like any analysis (rollout 0) unless the state database cannot be opened.
    std::optional<StateStore> state;
    std::optional<MeasurementStore> store;
    if (!context.parser.isSet(QStringLiteral("no-record"))) {
        Result<StateStore> opened = StateStore::open(env->stateDatabase);
        if (opened) {
            state.emplace(std::move(opened).value());
            store.emplace(state->database());
        } else {
            context.err << Tr::tr("warning: measurements not stored: %1").arg(opened.error().message) << '\n';
        }
    }

    QNetworkAccessManager network;
    PrometheusClient prometheus(env->prometheusUrl, network);
    Analyzer analyzer(config, prometheus, SystemClock::instance());
    analyzer.setTimerDriven(false);
    if (store)
        analyzer.setStore(&*store);
    std::optional<Evaluation> evaluation;
    QEventLoop loop;
    QObject::connect(&analyzer, &Analyzer::evaluated, &loop, [&](const Evaluation &e) {
        evaluation = e;
        loop.quit();
    });
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    if (Status started = analyzer.start(newVersion, stableVersion); !started) {
        context.err << started.error().message << '\n';
        return ExitError;
    }
    guard.start(prometheus.defaultTimeout() + 5000);
    if (!evaluation)
        loop.exec();
    analyzer.stop();
    if (!evaluation) {
        context.err << Tr::tr("analysis check: no evaluation finished in time") << '\n';
        return ExitError;
    }

    const int exitCode = evaluation->outcome == Outcome::Pass ? int(ExitOk) : int(ExitAborted);
    if (json) {
        QJsonArray rows;
        for (const Measurement &m : std::as_const(evaluation->measurements))
            rows.append(measurementJson(m));
        context.out << QJsonDocument(QJsonObject {
                                         {QStringLiteral("newVersion"), newVersion},
                                         {QStringLiteral("stableVersion"), stableVersion},
                                         {QStringLiteral("prometheusUrl"), env->prometheusUrl.toString()},
                                         {QStringLiteral("outcome"), toString(evaluation->outcome)},
                                         {QStringLiteral("prometheusFailed"), evaluation->prometheusFailed},
                                         {QStringLiteral("runId"), analyzer.runId()},
                                         {QStringLiteral("elapsedMs"), evaluation->elapsedMs},
                                         {QStringLiteral("measurements"), rows},
                                     })
                           .toJson(QJsonDocument::Indented);
        return exitCode;
    }
    context.out << Tr::tr("Analysis of %1 against %2 (%3, window %4)")
                       .arg(newVersion, stableVersion.isEmpty() ? QStringLiteral("-") : stableVersion,
                           env->prometheusUrl.toString(), promqlDuration(config.windowMs))
                << "\n\n";
    printTable(context.out, evaluation->measurements, false);
    context.out << '\n';
    switch (evaluation->outcome) {
    case Outcome::Pass:
        context.out << Tr::tr("Result: pass") << '\n';
        break;
    case Outcome::Fail:
        context.out << Tr::tr("Result: fail (in a rollout, the analysis fails at failed measurement %1)")
                           .arg(config.failureLimit)
                    << '\n';
        break;
    case Outcome::Inconclusive:
        context.out << Tr::tr("Result: inconclusive (a rollout holds and asks a person; it never promotes)") << '\n';
        break;
    }
    return exitCode;
}

} // namespace

std::vector<Command> analysisCommands()
{
    auto envOption = [](QCommandLineParser &parser) {
        parser.addOption(
            QCommandLineOption(QStringLiteral("env"), Tr::tr("The environment file (YAML)."), Tr::tr("FILE")));
        parser.addOption(QCommandLineOption(QStringLiteral("json"), Tr::tr("Print the result as JSON.")));
    };
    Command showCommand;
    showCommand.path = {QStringLiteral("analysis"), QStringLiteral("show")};
    showCommand.summary = Tr::tr("Show an analysis: every measurement with its value, threshold and verdict.");
    showCommand.options = [envOption](QCommandLineParser &parser) {
        envOption(parser);
        parser.addOption(QCommandLineOption(QStringLiteral("rollout"),
            Tr::tr("The rollout whose latest analysis to show (default: the latest analysis)."), Tr::tr("ID")));
        parser.addOption(QCommandLineOption(QStringLiteral("run"), Tr::tr("The analysis run to show."), Tr::tr("ID")));
        parser.addOption(
            QCommandLineOption(QStringLiteral("last"), Tr::tr("Only the last N measurements."), Tr::tr("N")));
    };
    showCommand.run = show;

    Command checkCommand;
    checkCommand.path = {QStringLiteral("analysis"), QStringLiteral("check")};
    checkCommand.summary = Tr::tr("Evaluate every analysis rule once now (exit 0 pass, 3 fail or inconclusive).");
    checkCommand.options = [envOption](QCommandLineParser &parser) {
        envOption(parser);
        parser.addOption(QCommandLineOption(QStringLiteral("new"), Tr::tr("The new version."), Tr::tr("VERSION")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("stable"), Tr::tr("The stable version to compare with."), Tr::tr("VERSION")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("no-record"), Tr::tr("Do not store the measurements in the state database.")));
    };
    checkCommand.run = check;
    return {showCommand, checkCommand};
}

} // namespace gl::cli
