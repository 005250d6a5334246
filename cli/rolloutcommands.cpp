// greenlightctl status / rollout ... / engine / history: the rollout engine from the command line.
//
// Every command opens the environment's state database. Actions go through its action queue: when an engine
// drives the environment (`greenlightctl engine` or the console), the command waits for the engine's
// answer; when none does, the command runs an engine in this process for as long as it needs one (see
// docs/engine.md).
#include "audit/auditlog.h"
#include "backends/haproxy/haproxyruntimeclient.h"
#include "cli.h"
#include "credentials/keychaincredentialstore.h"
#include "engine/enginelock.h"
#include "engine/rolloutengine.h"
#include "engine/rolloutexpectation.h"
#include "engine/rolloutgatekeeper.h"
#include "engine/rolloutstore.h"
#include "identity/identity.h"
#include "model/environmentfile.h"
#include "model/environmentwatcher.h"
#include "storage/statestore.h"
#include "util/clock.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QTimer>

#include <csignal>
#include <memory>
#include <optional>

namespace gl::cli {
namespace {

// The translation context of this file's messages; lupdate reads it from Q_DECLARE_TR_FUNCTIONS.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::cli)
};

volatile std::sig_atomic_t g_interrupted = 0;

void onSignal(int)
{
    g_interrupted = 1;
}

// SIGINT/SIGTERM set a flag the waiting loops check (a waiting command stops cleanly, releasing the lock).
void installInterruptHandler()
{
    g_interrupted = 0;
    struct sigaction action { };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

// Runs the event loop for `ms` (engine timers, HAProxy replies, hooks progress meanwhile).
void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// What every command opens: the environment file and its state database.
struct Session {
    Environment env;
    std::optional<StateStore> state;
    std::unique_ptr<RolloutStore> store;
    std::unique_ptr<EngineLock> lock; // only to look at the holder
    QTextStream *err = nullptr;
    std::unique_ptr<KeychainCredentialStore> keychain; // the engine's audit key (outlives the engine)
};

// Opens `--env FILE`; prints the problem and returns the exit code on failure.
std::optional<int> openSession(Context &context, Session &session)
{
    const QString path = context.parser.value(QStringLiteral("env"));
    if (path.isEmpty()) {
        context.err << Tr::tr("--env FILE is required") << '\n' << context.parser.helpText();
        return ExitUsage;
    }
    Result<Environment> env = loadEnvironmentFile(path);
    if (!env) {
        context.err << env.error().message << '\n';
        return ExitError;
    }
    session.env = env.value();
    Result<StateStore> state = StateStore::open(session.env.stateDatabase);
    if (!state) {
        context.err << state.error().message << '\n';
        return ExitError;
    }
    session.state.emplace(std::move(state).value());
    session.store = std::make_unique<RolloutStore>(*session.state, SystemClock::instance());
    session.lock = std::make_unique<EngineLock>(*session.state, SystemClock::instance());
    session.err = &context.err;
    return std::nullopt;
}

// An engine in this process signs its audit checkpoints with the installation key from the keychain, like the
// audit and approval commands (docs/approvals.md); without a keychain it writes them unsigned and says so once.
void signAuditCheckpoints(Session &session, RolloutEngine &engine)
{
    if (!session.keychain)
        session.keychain = std::make_unique<KeychainCredentialStore>();
    QObject::connect(&engine, &RolloutEngine::auditSignerUnavailable, &engine, [&session](const Error &error) {
        static bool said = false;
        if (said || !session.err)
            return;
        said = true;
        *session.err << Tr::tr("warning: audit checkpoints are written unsigned (no key from the keychain: %1)")
                            .arg(error.message)
                     << '\n';
        session.err->flush();
    });
    engine.loadAuditSigner(*session.keychain);
}

// The engine this command runs when none drives the environment; null when another one won the race.
std::unique_ptr<RolloutEngine> startEngine(Session &session)
{
    auto engine = std::make_unique<RolloutEngine>(session.env, *session.state, SystemClock::instance());
    if (const Status started = engine->start(); !started)
        return nullptr;
    signAuditCheckpoints(session, *engine);
    return engine;
}

QString shareText(double value)
{
    return value < 0 ? QStringLiteral("?") : QString::number(value, 'f', 1);
}

QString oneLine(const RolloutRecord &r)
{
    QString line = QStringLiteral("%1 #%2 %3 %4 -> %5  %6")
                       .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")))
                       .arg(r.id)
                       .arg(r.strategy, r.versionFrom.isEmpty() ? QStringLiteral("?") : r.versionFrom, r.versionTo,
                           toString(r.state));
    if (r.stepCount > 0 && r.stepIndex >= 0)
        line += Tr::tr("  step %1/%2").arg(r.stepIndex + 1).arg(r.stepCount);
    line += Tr::tr("  desired %1 %  actual %2 %").arg(shareText(r.desiredShare), shareText(r.actualShare));
    if (!r.message.isEmpty())
        line += QStringLiteral("  ") + r.message;
    return line;
}

QJsonObject engineJson(Session &session)
{
    const Result<std::optional<EngineLock::Holder>> holder = session.lock->liveHolder();
    QJsonObject engine {{QStringLiteral("running"), holder.ok() && holder->has_value()}};
    if (holder.ok() && holder->has_value()) {
        engine.insert(QStringLiteral("pid"), (*holder)->pid);
        engine.insert(QStringLiteral("host"), (*holder)->host);
        engine.insert(QStringLiteral("since"), (*holder)->acquiredAt);
    }
    return engine;
}

bool engineRunning(Session &session)
{
    const Result<std::optional<EngineLock::Holder>> holder = session.lock->liveHolder();
    return holder.ok() && holder->has_value();
}

int exitCodeFor(RolloutState state)
{
    switch (state) {
    case RolloutState::Completed:
        return ExitOk;
    case RolloutState::Aborted:
    case RolloutState::RolledBack:
        return ExitAborted;
    default:
        return ExitError;
    }
}

// Follows rollout `id` until it ends (or is held): prints each change; runs an engine in this process whenever
// none drives the environment. Returns the --wait exit code.
int follow(Context &context, Session &session, qint64 id, std::unique_ptr<RolloutEngine> &engine, bool json)
{
    qint64 seen = -1;
    while (true) {
        if (g_interrupted) {
            context.err << Tr::tr("interrupted; the rollout goes on when an engine runs (greenlightctl engine)")
                        << '\n';
            return ExitError;
        }
        if (!engine && !engineRunning(session))
            engine = startEngine(session); // null: another engine won the race: follow it
        const Result<std::optional<RolloutRecord>> r = session.store->rollout(id);
        if (!r || !r->has_value()) {
            context.err << (r ? Tr::tr("rollout #%1 not found").arg(id) : r.error().message) << '\n';
            return ExitError;
        }
        const RolloutRecord &record = **r;
        if (record.revision != seen) {
            seen = record.revision;
            if (json)
                context.out << QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact) << '\n';
            else
                context.out << oneLine(record) << '\n';
            context.out.flush();
        }
        if (RolloutStateMachine::isTerminal(record.state))
            return exitCodeFor(record.state);
        if (record.state == RolloutState::Held) {
            context.err << Tr::tr("rollout #%1: %2").arg(id).arg(record.message) << '\n';
            return ExitError;
        }
        spin(100);
    }
}

struct ActionOutcome {
    bool answered = false;
    bool done = false;
    QString answer;
    qint64 rolloutId = 0;
};

// Queues `action` and waits for its answer, running an engine in this process when none drives the environment.
ActionOutcome submit(
    Session &session, ActionRecord action, std::unique_ptr<RolloutEngine> &engine, int timeoutMs = 60000)
{
    ActionOutcome outcome;
    const Result<qint64> id = session.store->enqueueAction(action);
    if (!id) {
        outcome.answered = true;
        outcome.answer = id.error().message;
        return outcome;
    }
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs && !g_interrupted) {
        if (!engine && !engineRunning(session))
            engine = startEngine(session);
        const Result<std::optional<ActionRecord>> row = session.store->action(*id);
        if (row && row->has_value() && (*row)->status != u"pending") {
            outcome.answered = true;
            outcome.done = (*row)->status == u"done";
            outcome.answer = (*row)->answer;
            outcome.rolloutId = (*row)->answerRollout;
            return outcome;
        }
        spin(5); // the engine answers within milliseconds (it polls PRAGMA data_version every 5 ms)
    }
    outcome.answer = g_interrupted
        ? Tr::tr("interrupted before the engine answered (action #%1 stays queued)").arg(*id)
        : Tr::tr("no answer from the engine within %1 s (action #%2 stays queued)").arg(timeoutMs / 1000).arg(*id);
    return outcome;
}

void printOutcome(Context &context, const ActionOutcome &outcome, const QString &action, bool json)
{
    if (json) {
        context.out << QJsonDocument(
            QJsonObject {{QStringLiteral("action"), action}, {QStringLiteral("answered"), outcome.answered},
                {QStringLiteral("done"), outcome.done}, {QStringLiteral("answer"), outcome.answer},
                {QStringLiteral("rollout"), outcome.rolloutId}})
                           .toJson(QJsonDocument::Compact)
                    << '\n';
        return;
    }
    (outcome.done ? context.out : context.err) << outcome.answer << '\n';
}

ActionRecord newAction(Context &context, RolloutAction kind)
{
    ActionRecord action;
    action.action = toString(kind);
    action.actor = RolloutEngine::defaultActor();
    action.reason = context.parser.value(QStringLiteral("reason"));
    // Who, as the approvers list names people: the starter of a rollout never counts for its gates.
    action.params.insert(QStringLiteral("person"), currentPerson());
    return action;
}

// After an action answered by an engine of this process: keep it running while the rollout moves towards its
// goal by itself only when asked (--wait) or for abort/rollback (short, and must not stop half-way).
int finishAction(Context &context, Session &session, const ActionOutcome &outcome,
    std::unique_ptr<RolloutEngine> &engine, bool wait, bool json)
{
    if (!outcome.answered || !outcome.done)
        return ExitError;
    if (wait && outcome.rolloutId > 0)
        return follow(context, session, outcome.rolloutId, engine, json);
    if (engine) {
        context.err << Tr::tr("(no engine was running: this command ran one until the engine answered; run "
                              "`greenlightctl engine --env %1` or use --wait to drive the rollout on)")
                           .arg(session.env.filePath)
                    << '\n';
    }
    return ExitOk;
}

void addEnvOption(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(QStringLiteral("env"), Tr::tr("The environment file (YAML)."), Tr::tr("FILE")));
}

void addActionOptions(QCommandLineParser &parser)
{
    addEnvOption(parser);
    parser.addOption(
        QCommandLineOption(QStringLiteral("reason"), Tr::tr("Why (recorded with who and when)."), Tr::tr("R")));
    parser.addOption(QCommandLineOption(QStringLiteral("wait"),
        Tr::tr("Follow the rollout until it ends: exit 0 completed, 3 aborted or rolled back, 1 error.")));
    parser.addOption(QCommandLineOption(QStringLiteral("json"), Tr::tr("Print JSON (one object per line).")));
}

// ---- status ----

// The rollouts `retryOf` stands for: it, the one it retried, and so on (their blocks stay in force).
QList<qint64> retriedChain(Session &session, qint64 retryOf)
{
    QList<qint64> chain;
    for (qint64 id = retryOf; id > 0 && !chain.contains(id) && chain.size() < 1000;) {
        chain << id;
        const Result<std::optional<RolloutRecord>> earlier = session.store->rollout(id);
        id = earlier && earlier->has_value() ? (*earlier)->retryOf : 0;
    }
    return chain;
}

// The approval gate the rollout waits at, evaluated now (docs/approvals.md): null when it waits at none or the
// environment has no approvals. Reads the audit log only when it exists (status never creates it). `kept`, when
// given, keeps the opened log between calls (status --watch).
QJsonValue gateJson(
    Session &session, const RolloutRecord &record, QString *line, std::unique_ptr<RolloutGatekeeper> *kept = nullptr)
{
    if (session.env.approvals.isEmpty() || record.pauseReason != PauseReason::Gate)
        return QJsonValue();
    const QString path = AuditLog::pathForStateDatabase(session.env.stateDatabase);
    if (!QFileInfo::exists(path))
        return QJsonValue();
    std::unique_ptr<RolloutGatekeeper> local;
    std::unique_ptr<RolloutGatekeeper> &keeper = kept ? *kept : local;
    if (!keeper) {
        auto opened
            = std::make_unique<RolloutGatekeeper>(session.env.name, session.env.approvals, SystemClock::instance());
        if (const Status status = opened->open(path); !status) {
            *line = status.error().message;
            return QJsonValue();
        }
        keeper = std::move(opened);
    }
    const Result<std::optional<GateCheck>> check = keeper->waitingCheck(record, retriedChain(session, record.retryOf));
    if (!check) {
        *line = check.error().message;
        return QJsonValue();
    }
    if (!check->has_value())
        return QJsonValue();
    *line = (*check)->summary();
    return (*check)->toJson();
}

QJsonArray serversJson(Session &session, QString *error)
{
    HaproxyRuntimeClient client(session.env.runtimeApi);
    client.setDefaultTimeout(2000);
    std::optional<Result<QList<ServerStat>>> reply;
    QObject context;
    client.showStat(&context, [&](const Result<QList<ServerStat>> &stats) { reply = stats; });
    QElapsedTimer timer;
    timer.start();
    while (!reply && timer.elapsed() < 3000)
        spin(10);
    QJsonArray servers;
    if (!reply || !reply->ok()) {
        *error = reply ? reply->error().message : Tr::tr("HAProxy did not answer");
        return servers;
    }
    for (const ServerSlot &slot : session.env.serverSlots) {
        for (const ServerStat &stat : reply->value()) {
            if (!stat.isServer() || stat.proxy != session.env.backend || stat.server != slot.name)
                continue;
            servers.append(QJsonObject {{QStringLiteral("name"), slot.name}, {QStringLiteral("colour"), slot.colour},
                {QStringLiteral("address"), slot.address}, {QStringLiteral("version"), slot.version},
                {QStringLiteral("status"), stat.status}, {QStringLiteral("weight"), stat.weight},
                {QStringLiteral("sessions"), stat.scur}, {QStringLiteral("queue"), stat.qcur},
                {QStringLiteral("check"), stat.checkStatus}});
        }
    }
    return servers;
}

int status(Context &context)
{
    Session session;
    if (const auto failed = openSession(context, session))
        return *failed;
    const bool json = context.parser.isSet(QStringLiteral("json"));
    const bool watch = context.parser.isSet(QStringLiteral("watch"));
    installInterruptHandler();

    if (watch) {
        qint64 seenId = -1;
        qint64 seenRevision = -1;
        bool seenEngine = false;
        bool first = true;
        // The gate the rollout waits at (n/N, who, time left), evaluated again every second: approvals arrive
        // and the time left runs down without the rollout row changing.
        std::unique_ptr<RolloutGatekeeper> gatekeeper;
        QElapsedTimer gateTimer;
        QJsonValue gate;
        QString gateLine;
        QString seenGateLine;
        while (!g_interrupted) {
            const Result<std::optional<RolloutRecord>> latest = session.store->latest();
            if (!latest) {
                context.err << latest.error().message << '\n';
                return ExitError;
            }
            const bool running = engineRunning(session);
            const qint64 id = latest->has_value() ? (*latest)->id : 0;
            const qint64 revision = latest->has_value() ? (*latest)->revision : 0;
            const bool changed = first || id != seenId || revision != seenRevision || running != seenEngine;
            if (changed || !gateTimer.isValid() || gateTimer.elapsed() >= 1000) {
                gateTimer.start();
                gateLine.clear();
                gate = latest->has_value() ? gateJson(session, **latest, &gateLine, &gatekeeper) : QJsonValue();
            }
            if (changed || gateLine != seenGateLine) {
                first = false;
                seenId = id;
                seenRevision = revision;
                seenEngine = running;
                seenGateLine = gateLine;
                if (json) {
                    context.out << QJsonDocument(
                        QJsonObject {{QStringLiteral("engine"), engineJson(session)},
                            {QStringLiteral("rollout"),
                                latest->has_value() ? QJsonValue((*latest)->toJson()) : QJsonValue()},
                            {QStringLiteral("gate"),
                                gate}}).toJson(QJsonDocument::Compact)
                                << '\n';
                } else if (latest->has_value()) {
                    context.out << oneLine(**latest) << (running ? QString() : Tr::tr("  (no engine running)")) << '\n';
                    if (gate.isObject())
                        context.out
                            << Tr::tr("  gate before %1: %2").arg(gate.toObject().value(u"point").toString(), gateLine)
                            << '\n';
                    else if (!gateLine.isEmpty())
                        context.out << Tr::tr("  gate: %1").arg(gateLine) << '\n';
                } else {
                    context.out << Tr::tr("no rollout yet") << '\n';
                }
                context.out.flush();
            }
            spin(250);
        }
        return ExitOk;
    }

    const Result<std::optional<RolloutRecord>> latest = session.store->latest();
    if (!latest) {
        context.err << latest.error().message << '\n';
        return ExitError;
    }
    QString haproxyError;
    const QJsonArray servers = serversJson(session, &haproxyError);
    const QJsonObject engine = engineJson(session);
    if (json) {
        QString gateLine;
        QJsonObject object {
            {QStringLiteral("environment"),
                QJsonObject {{QStringLiteral("name"), session.env.name}, {QStringLiteral("file"), session.env.filePath},
                    {QStringLiteral("backend"), session.env.backend}}},
            {QStringLiteral("engine"), engine},
            {QStringLiteral("rollout"), latest->has_value() ? QJsonValue((*latest)->toJson()) : QJsonValue()},
            {QStringLiteral("gate"), latest->has_value() ? gateJson(session, **latest, &gateLine) : QJsonValue()},
            {QStringLiteral("servers"), servers},
        };
        if (!haproxyError.isEmpty())
            object.insert(QStringLiteral("haproxyError"), haproxyError);
        context.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    context.out << Tr::tr("Environment %1 (backend %2); engine: %3")
                       .arg(session.env.name, session.env.backend,
                           engine.value(u"running").toBool() ? Tr::tr("running (pid %1 on %2)")
                                                                   .arg(engine.value(u"pid").toInteger())
                                                                   .arg(engine.value(u"host").toString())
                                                             : Tr::tr("not running"))
                << '\n';
    if (latest->has_value()) {
        const RolloutRecord &r = **latest;
        context.out << Tr::tr("Rollout #%1: %2 %3 -> %4 (%5 -> %6): %7")
                           .arg(r.id)
                           .arg(r.strategy, r.versionFrom.isEmpty() ? QStringLiteral("?") : r.versionFrom, r.versionTo,
                               r.stableColour, r.newColour, toString(r.state))
                    << '\n';
        if (r.stepCount > 0)
            context.out << Tr::tr("  step %1 of %2; desired %3 % on %4, actual %5 %")
                               .arg(std::max(0, r.stepIndex + 1))
                               .arg(r.stepCount)
                               .arg(shareText(r.desiredShare), r.versionTo, shareText(r.actualShare))
                        << '\n';
        context.out << Tr::tr("  revision %1; to act on exactly this: --expect-step %2 (or --expect-revision %1)")
                           .arg(r.revision)
                           .arg(std::max(0, r.stepIndex + 1))
                    << '\n';
        context.out << Tr::tr("  started %1 by %2%3")
                           .arg(r.startedAt, r.startedBy, r.reason.isEmpty() ? QString() : u": " + r.reason)
                    << '\n';
        context.out << Tr::tr("  now: %1").arg(r.message) << '\n';
        QString gateLine;
        if (const QJsonValue gate = gateJson(session, r, &gateLine); gate.isObject()) {
            context.out << Tr::tr("  gate before %1: %2").arg(gate.toObject().value(u"point").toString(), gateLine)
                        << '\n';
            for (const QJsonValue &value : gate.toObject().value(u"gates").toArray()) {
                const QJsonObject g = value.toObject();
                for (const QJsonValue &refused : g.value(u"refused").toArray())
                    context.out
                        << Tr::tr("    %1 does not count: %2").arg(g.value(u"name").toString(), refused.toString())
                        << '\n';
            }
        } else if (!gateLine.isEmpty()) {
            context.out << Tr::tr("  gate: %1").arg(gateLine) << '\n';
        }
    } else {
        context.out << Tr::tr("No rollout yet.") << '\n';
    }
    if (!haproxyError.isEmpty()) {
        context.out << Tr::tr("HAProxy: %1").arg(haproxyError) << '\n';
    } else {
        context.out << Tr::tr("Slots:") << '\n';
        for (const QJsonValue &value : servers) {
            const QJsonObject s = value.toObject();
            context.out << QStringLiteral("  %1 %2 %3 weight %4  sessions %5")
                               .arg(s.value(u"name").toString().leftJustified(10),
                                   s.value(u"colour").toString().leftJustified(6),
                                   s.value(u"status").toString().leftJustified(8))
                               .arg(s.value(u"weight").toInt(), 3)
                               .arg(s.value(u"sessions").toInteger())
                        << '\n';
        }
    }
    return ExitOk;
}

// ---- rollout start ----

int start(Context &context)
{
    Session session;
    if (const auto failed = openSession(context, session))
        return *failed;
    const QString version = context.parser.value(QStringLiteral("version")).trimmed();
    if (version.isEmpty()) {
        context.err << Tr::tr("rollout start: --version V is required") << '\n' << context.parser.helpText();
        return ExitUsage;
    }
    ActionRecord action = newAction(context, RolloutAction::Start);
    action.params.insert(QStringLiteral("version"), version);
    const QString strategyText = context.parser.value(QStringLiteral("strategy"));
    std::optional<StrategyKind> strategy = session.env.strategies.defaultStrategy;
    if (!strategyText.isEmpty()) {
        strategy = strategyFromString(strategyText);
        if (!strategy) {
            context.err << Tr::tr("unknown strategy \"%1\" (canary, blue-green, rolling, recreate)").arg(strategyText)
                        << '\n';
            return ExitUsage;
        }
        action.params.insert(QStringLiteral("strategy"), toString(*strategy));
    }
    const bool acceptDowntime = context.parser.isSet(QStringLiteral("accept-downtime"));
    if (causesDowntime(*strategy) && !acceptDowntime) {
        context.err << Tr::tr("%1 takes the service DOWN while every slot is replaced (requests fail meanwhile). "
                              "Run again with --accept-downtime to confirm, or use canary, blue-green or rolling.")
                           .arg(toString(*strategy))
                    << '\n';
        return ExitUsage;
    }
    if (causesDowntime(*strategy))
        context.err << Tr::tr("warning: %1 causes downtime (confirmed with --accept-downtime)").arg(toString(*strategy))
                    << '\n';
    action.params.insert(QStringLiteral("acceptDowntime"), acceptDowntime);

    // Per-rollout overrides of the environment file's strategies section.
    QJsonObject overrides;
    const auto duration = [&](const char *option, const char *key) -> bool {
        const QString text = context.parser.value(QLatin1String(option));
        if (text.isEmpty())
            return true;
        const auto ms = parseDurationMs(text);
        if (!ms) {
            context.err << Tr::tr("--%1: expected a duration such as 500ms, 30s or 2m, got \"%2\"")
                               .arg(QLatin1String(option), text)
                        << '\n';
            return false;
        }
        overrides.insert(QLatin1String(key), *ms);
        return true;
    };
    if (!duration("undeploy-delay", "canaryUndeployDelayMs") || !duration("keep-old-for", "keepOldForMs")
        || !duration("health-timeout", "healthTimeoutMs") || !duration("drain-timeout", "drainTimeoutMs"))
        return ExitUsage;
    StepPause pause = session.env.strategies.canarySteps.first().pause;
    if (const QString text = context.parser.value(QStringLiteral("pause")); !text.isEmpty()) {
        const auto parsed = StepPause::parse(text);
        if (!parsed) {
            context.err
                << Tr::tr("--pause: expected none, gate, analysis or a duration such as 30s, got \"%1\"").arg(text)
                << '\n';
            return ExitUsage;
        }
        pause = *parsed;
    }
    if (const QString text = context.parser.value(QStringLiteral("steps"));
        !text.isEmpty() || context.parser.isSet(QStringLiteral("pause"))) {
        QString stepsText = text;
        if (stepsText.isEmpty()) {
            QStringList percents;
            for (const CanaryStep &step : session.env.strategies.canarySteps)
                percents << QString::number(step.percent);
            stepsText = percents.join(u',');
        }
        const Result<QList<CanaryStep>> steps = parseCanarySteps(stepsText, pause);
        if (!steps) {
            context.err << Tr::tr("--steps: %1").arg(steps.error().message) << '\n';
            return ExitUsage;
        }
        StrategyConfig config;
        config.canarySteps = steps.value();
        overrides.insert(QStringLiteral("canarySteps"), config.toJson().value(u"canarySteps"));
    }
    for (const auto &[option, key] :
        {std::pair {"canary-slots", "canarySlots"}, std::pair {"max-unavailable", "maxUnavailable"}}) {
        const QString text = context.parser.value(QLatin1String(option));
        if (text.isEmpty())
            continue;
        bool ok = false;
        const int number = text.toInt(&ok);
        if (!ok || number < 1) {
            context.err
                << Tr::tr("--%1: expected a whole number of at least 1, got \"%2\"").arg(QLatin1String(option), text)
                << '\n';
            return ExitUsage;
        }
        overrides.insert(QLatin1String(key), number);
    }
    if (!overrides.isEmpty())
        action.params.insert(QStringLiteral("overrides"), overrides);

    const bool wait = context.parser.isSet(QStringLiteral("wait"));
    const bool json = context.parser.isSet(QStringLiteral("json"));
    if (!wait && !engineRunning(session)) {
        context.err << Tr::tr(
            "No engine drives %1. Start one (greenlightctl engine --env %2) or pass --wait to run the "
            "rollout in this process.")
                           .arg(session.env.name, session.env.filePath)
                    << '\n';
        return ExitError;
    }
    installInterruptHandler();
    std::unique_ptr<RolloutEngine> engine;
    const ActionOutcome outcome = submit(session, action, engine);
    printOutcome(context, outcome, action.action, json);
    if (!outcome.done)
        return ExitError;
    return finishAction(context, session, outcome, engine, wait, json);
}

// ---- promote, pause, resume, abort, rollback, retry ----

int simpleAction(Context &context, RolloutAction kind)
{
    Session session;
    if (const auto failed = openSession(context, session))
        return *failed;
    if (kind == RolloutAction::Promote && context.parser.isSet(QStringLiteral("full"))) {
        kind = RolloutAction::PromoteFull;
        if (context.parser.value(QStringLiteral("reason")).trimmed().isEmpty()) {
            context.err << Tr::tr("promote --full skips every remaining step: --reason R is required") << '\n';
            return ExitUsage;
        }
    }
    const bool json = context.parser.isSet(QStringLiteral("json"));
    const Result<std::optional<RolloutRecord>> latest = session.store->latest();
    if (!latest) {
        context.err << latest.error().message << '\n';
        return ExitError;
    }
    if (!latest->has_value()) {
        context.err << Tr::tr("There is no rollout in %1.").arg(session.env.name) << '\n';
        return ExitError;
    }
    ActionRecord action = newAction(context, kind);
    action.rolloutId = (*latest)->id;
    // --expect-step N / --expect-revision R: what `status` showed (docs/engine.md, "Actions bound to what was
    // confirmed"); the engine refuses a stale promote, promote-full, resume or retry.
    RolloutExpectation expected;
    const auto expectOption = [&](const char *option, qint64 max, qint64 *value) -> bool {
        const QString text = context.parser.value(QLatin1String(option));
        if (text.isEmpty())
            return true;
        bool ok = false;
        *value = text.toLongLong(&ok);
        if (!ok || *value < 0 || *value > max) {
            context.err << Tr::tr("--%1: expected a whole number from 0 to %2, got \"%3\"")
                               .arg(QLatin1String(option))
                               .arg(max)
                               .arg(text.left(40))
                        << '\n';
            return false;
        }
        return true;
    };
    qint64 step = -1;
    qint64 revision = -1;
    if (!expectOption("expect-step", 10000, &step) || !expectOption("expect-revision", 9007199254740991LL, &revision))
        return ExitUsage;
    if (step >= 0)
        expected.stepIndex = int(step) - 1; // as status prints it: step 1 is the first, 0 before the first
    if (revision >= 0)
        expected.revision = revision;
    if (!expected.isEmpty()) {
        expected.rolloutId = (*latest)->id;
        action.params.insert(QStringLiteral("expect"), expected.toJson());
    }
    installInterruptHandler();
    std::unique_ptr<RolloutEngine> engine;
    const ActionOutcome outcome = submit(session, action, engine);
    printOutcome(context, outcome, action.action, json);
    if (!outcome.done)
        return ExitError;
    // Abort and rollback run to their end in this process when no other engine is there: they are short and
    // must not stop half-way.
    const bool wait = context.parser.isSet(QStringLiteral("wait"));
    if (!wait && engine && (kind == RolloutAction::Abort || kind == RolloutAction::Rollback)) {
        // Not asked to --wait: the action succeeded when the rollout got where it was asked to go (exit 0).
        const int code = follow(context, session, outcome.rolloutId, engine, json);
        return code == ExitAborted ? ExitOk : code;
    }
    return finishAction(context, session, outcome, engine, wait, json);
}

// ---- engine ----

int engine(Context &context)
{
    Session session;
    if (const auto failed = openSession(context, session))
        return *failed;
    installInterruptHandler();
    RolloutEngine engine(session.env, *session.state, SystemClock::instance());
    if (const Status started = engine.start(); !started) {
        context.err << started.error().message << '\n';
        return ExitError;
    }
    signAuditCheckpoints(session, engine);
    context.out << Tr::tr("engine running for %1 (pid %2); Ctrl-C stops it")
                       .arg(session.env.name)
                       .arg(QCoreApplication::applicationPid())
                << '\n';
    context.out.flush();
    qint64 lastRevision = -1;
    QObject::connect(&engine, &RolloutEngine::rolloutChanged, &engine, [&](const RolloutRecord &record) {
        if (record.revision == lastRevision)
            return;
        lastRevision = record.revision;
        context.out << oneLine(record) << '\n';
        context.out.flush();
    });
    QObject::connect(&engine, &RolloutEngine::actionAnswered, &engine, [&](qint64 id, bool done, const QString &text) {
        context.out << QTime::currentTime().toString(QStringLiteral("HH:mm:ss")) << ' '
                    << (done ? Tr::tr("action #%1 done: %2") : Tr::tr("action #%1 refused: %2")).arg(id).arg(text)
                    << '\n';
        context.out.flush();
    });
    // The environment file is watched as the console does: a valid edit is in force at once (gates, approvers,
    // analysis, ...), an invalid one changes nothing. Both are said on the terminal.
    EnvironmentWatcher watcher(session.env);
    QObject::connect(&watcher, &EnvironmentWatcher::changed, &engine,
        [&](const Environment &environment, const EnvironmentChange &change) {
            engine.setEnvironment(environment);
            if (change.isEmpty())
                return;
            context.out << QTime::currentTime().toString(QStringLiteral("HH:mm:ss")) << ' '
                        << Tr::tr("environment file changed: %1").arg(change.summary()) << '\n';
            if (watcher.reopenPending())
                context.out << Tr::tr("a new name, state database, Runtime API or backend takes effect when the engine "
                                      "is restarted")
                            << '\n';
            context.out.flush();
        });
    QObject::connect(&watcher, &EnvironmentWatcher::invalid, &engine, [&](const Error &error) {
        context.err << Tr::tr("environment file not applied (the last good configuration stays): %1").arg(error.message)
                    << '\n';
        context.err.flush();
    });
    int code = ExitOk;
    bool detached = false;
    QObject::connect(&engine, &RolloutEngine::stoppedWithError, &engine, [&](const Error &error) {
        context.err << error.message << '\n';
        context.err.flush();
        detached = error.code == ErrorCode::Detached;
        code = ExitError;
    });
    while (!g_interrupted) {
        while (!g_interrupted && engine.isRunning())
            spin(100);
        if (g_interrupted || !detached)
            break;
        // The state database or audit log was deleted or replaced under this process: it stopped driving at once.
        // The files at the path are opened again and the engine goes on there, unless another engine holds them.
        detached = false;
        spin(200);
        if (const Status restarted = engine.start(); !restarted) {
            context.err << restarted.error().message << '\n';
            break;
        }
        context.out << Tr::tr("engine running again for %1 on the files at %2")
                           .arg(session.env.name, QDir::toNativeSeparators(session.env.stateDatabase))
                    << '\n';
        context.out.flush();
        code = ExitOk;
    }
    engine.stop();
    context.out << Tr::tr("engine stopped") << '\n';
    return code;
}

// ---- history ----

int history(Context &context)
{
    Session session;
    if (const auto failed = openSession(context, session))
        return *failed;
    const Result<QList<RolloutRecord>> rollouts = session.store->history(50);
    if (!rollouts) {
        context.err << rollouts.error().message << '\n';
        return ExitError;
    }
    const bool json = context.parser.isSet(QStringLiteral("json"));
    QJsonArray array;
    for (const RolloutRecord &r : *rollouts) {
        const Result<QList<EventRecord>> events = session.store->events(r.id);
        if (json) {
            QJsonArray eventArray;
            for (const EventRecord &e : events.valueOr({}))
                eventArray.append(QJsonObject {{QStringLiteral("at"), e.at}, {QStringLiteral("actor"), e.actor},
                    {QStringLiteral("kind"), e.kind}, {QStringLiteral("detail"), e.detail}});
            QJsonObject object = r.toJson();
            object.insert(QStringLiteral("events"), eventArray);
            array.append(object);
            continue;
        }
        context.out << Tr::tr("#%1 %2 %3 -> %4: %5 (started %6 by %7%8)")
                           .arg(r.id)
                           .arg(r.strategy, r.versionFrom.isEmpty() ? QStringLiteral("?") : r.versionFrom, r.versionTo,
                               toString(r.state), r.startedAt, r.startedBy,
                               r.reason.isEmpty() ? QString() : u": " + r.reason)
                    << '\n';
        for (const EventRecord &e : events.valueOr({})) {
            if (e.kind == u"action" || e.kind == u"state" || e.kind == u"error" || e.kind == u"reconcile")
                context.out << QStringLiteral("    %1 %2 %3: %4").arg(e.at, e.actor, e.kind, e.detail) << '\n';
        }
    }
    if (json)
        context.out << QJsonDocument(QJsonObject {{QStringLiteral("rollouts"), array}}).toJson(QJsonDocument::Indented);
    else if (rollouts->isEmpty())
        context.out << Tr::tr("No rollout yet.") << '\n';
    return ExitOk;
}

Command makeAction(const QString &name, RolloutAction kind, const QString &summary)
{
    Command command;
    command.path = {QStringLiteral("rollout"), name};
    command.summary = summary;
    command.options = [kind](QCommandLineParser &parser) {
        addActionOptions(parser);
        parser.addOption(QCommandLineOption(QStringLiteral("expect-step"),
            Tr::tr("Act only if the rollout is still at step N as `status` printed it (0: before the first step); "
                   "otherwise promote, resume and retry are refused (pause, abort and rollback go ahead)."),
            Tr::tr("N")));
        parser.addOption(QCommandLineOption(QStringLiteral("expect-revision"),
            Tr::tr("Act only if the rollout's revision is still R (`status` prints it; any change moves it)."),
            Tr::tr("R")));
        if (kind == RolloutAction::Promote)
            parser.addOption(QCommandLineOption(
                QStringLiteral("full"), Tr::tr("Skip every remaining step and go to 100 % (a --reason is required).")));
    };
    command.run = [kind](Context &context) { return simpleAction(context, kind); };
    return command;
}

} // namespace

std::vector<Command> rolloutCommands()
{
    std::vector<Command> commands;

    Command statusCommand;
    statusCommand.path = {QStringLiteral("status")};
    statusCommand.summary = Tr::tr("Show the current rollout, the engine and the slots as HAProxy reports them.");
    statusCommand.options = [](QCommandLineParser &parser) {
        addEnvOption(parser);
        parser.addOption(
            QCommandLineOption(QStringLiteral("json"), Tr::tr("Print JSON (documented in docs/engine.md).")));
        parser.addOption(QCommandLineOption(QStringLiteral("watch"), Tr::tr("Print every change until interrupted.")));
    };
    statusCommand.run = status;
    commands.push_back(statusCommand);

    Command startCommand;
    startCommand.path = {QStringLiteral("rollout"), QStringLiteral("start")};
    startCommand.summary = Tr::tr("Start a rollout of a version (canary, blue-green, rolling or recreate).");
    startCommand.options = [](QCommandLineParser &parser) {
        addActionOptions(parser);
        parser.addOption(
            QCommandLineOption(QStringLiteral("version"), Tr::tr("The version to roll out."), Tr::tr("V")));
        parser.addOption(QCommandLineOption(QStringLiteral("strategy"),
            Tr::tr("canary, blue-green, rolling or recreate (default: the environment file's)."), Tr::tr("S")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("accept-downtime"), Tr::tr("Confirm a strategy that takes the service down (recreate).")));
        parser.addOption(QCommandLineOption(QStringLiteral("steps"),
            Tr::tr("Canary steps, e.g. 5,25:gate,50:10s,100 (overrides the file)."), Tr::tr("LIST")));
        parser.addOption(QCommandLineOption(QStringLiteral("pause"),
            Tr::tr("Pause after each canary step: none, gate, analysis or a duration."), Tr::tr("P")));
        parser.addOption(
            QCommandLineOption(QStringLiteral("canary-slots"), Tr::tr("Idle slots that get the canary."), Tr::tr("K")));
        parser.addOption(QCommandLineOption(QStringLiteral("undeploy-delay"),
            Tr::tr("Canary: how long the old colour stays up at 100 %."), Tr::tr("DURATION")));
        parser.addOption(QCommandLineOption(QStringLiteral("keep-old-for"),
            Tr::tr("Blue-green: how long the old colour stays up after the switch."), Tr::tr("DURATION")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("max-unavailable"), Tr::tr("Rolling: slots replaced at a time."), Tr::tr("N")));
        parser.addOption(QCommandLineOption(QStringLiteral("health-timeout"),
            Tr::tr("How long a new slot may take to pass HAProxy's health check."), Tr::tr("DURATION")));
        parser.addOption(QCommandLineOption(QStringLiteral("drain-timeout"),
            Tr::tr("How long to wait for a draining slot's sessions to end."), Tr::tr("DURATION")));
    };
    startCommand.run = start;
    commands.push_back(startCommand);

    commands.push_back(makeAction(QStringLiteral("promote"), RolloutAction::Promote,
        Tr::tr("Go to the next step now (with --full: straight to 100 %).")));
    commands.push_back(makeAction(QStringLiteral("pause"), RolloutAction::Pause, Tr::tr("Pause the rollout.")));
    commands.push_back(makeAction(QStringLiteral("resume"), RolloutAction::Resume,
        Tr::tr("Resume a paused rollout, or retry the failed operation of a held one.")));
    commands.push_back(makeAction(QStringLiteral("abort"), RolloutAction::Abort,
        Tr::tr("Traffic back to the stable version now; the new version is kept for inspection.")));
    commands.push_back(makeAction(QStringLiteral("rollback"), RolloutAction::Rollback,
        Tr::tr("Abort, then undeploy the new version (in place: redeploy the previous one).")));
    commands.push_back(makeAction(QStringLiteral("retry"), RolloutAction::Retry,
        Tr::tr("Start an aborted or rolled-back rollout again with the same version.")));

    Command engineCommand;
    engineCommand.path = {QStringLiteral("engine")};
    engineCommand.summary = Tr::tr("Run the rollout engine in the foreground until interrupted.");
    engineCommand.options = addEnvOption;
    engineCommand.run = engine;
    commands.push_back(engineCommand);

    Command historyCommand;
    historyCommand.path = {QStringLiteral("history")};
    historyCommand.summary = Tr::tr("List past rollouts with who did what, when and why.");
    historyCommand.options = [](QCommandLineParser &parser) {
        addEnvOption(parser);
        parser.addOption(
            QCommandLineOption(QStringLiteral("json"), Tr::tr("Print JSON (documented in docs/engine.md).")));
    };
    historyCommand.run = history;
    commands.push_back(historyCommand);
    return commands;
}

} // namespace gl::cli
