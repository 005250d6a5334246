// Rollback latency (rollout engine issue, item 7): the time from the rollback call to HAProxy reporting all
// traffic on the stable colour, for N slots per colour, four ways side by side in the same run:
//   (a) Greenlight in-process    RolloutStore::enqueueAction(rollback) + RolloutEngine::wake(), as the console
//   (b) greenlightctl            `greenlightctl rollout rollback` (a new process) against a running
//                                `greenlightctl engine` (another process)
//   (c) socat per command        a shell script: one `socat` per `set server ... weight`, stable raised first,
//                                then `show stat` to confirm (how operators script it without Greenlight)
//   (d) Ansible                  a playbook of community.general.haproxy tasks (Debian's `ansible` package),
//                                one task per colour looping over its servers, connection local
// The end point is the same for all four, measured by this program: `show servers state be_app` reports every
// new-colour server at weight 0 and every stable server at the weight it had before the rollout, not in
// maintenance (polled on a kept-open runtime session from the instant of the call, then every 1 ms).
//
// Set-up (not timed): a real sandbox (`greenlight-sandbox up --slots N`: HAProxy, N sample services per colour,
// the load generator at --rps), every green slot running v2 (`greenlight-sandbox deploy`). Before each run of
// (a)/(b) a canary of v2 on ALL green slots is started and waits at a 50 % gate (so the rollback batch moves
// every server); the environment file the engine reads is a copy of the sandbox's with hooks that do nothing
// (the services already run), so the rollout's undeploy after the batch takes no time between runs. Before
// each run of (c)/(d) the bench sets the same canary weights directly.
//
// Usage: bench_rollback_latency [--slots 2,20,100] [--runs 100] [--ansible-runs 5] [--rps 50] [--no-ansible]
//                               [--methods inprocess,ctl,socat,ansible]  (socat and ansible need the canary
//                               weights the in-process runs record)
// Needs greenlight-sandbox, greenlightctl and greenlight-sample-service in the same build tree (GL_BINARY_DIR,
// default: the directory above this executable's), and socat and ansible-playbook on PATH (bench/run-rollback-
// latency installs them). Ansible is slow: it runs --ansible-runs times (at most 2 at 100 slots per colour).
#include "backends/haproxy/haproxyparsers.h"
#include "engine/enginelock.h"
#include "engine/rolloutengine.h"
#include "engine/rolloutstore.h"
#include "model/environmentfile.h"
#include "sandboxfixture.h"
#include "storage/statestore.h"
#include "util/clock.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <time.h>
#include <unistd.h>

using namespace gl;
using namespace gl::test;

namespace {

QString g_ctl;

struct Sample {
    QList<double> ms; // call -> HAProxy reports all traffic on stable
    QList<double> returned; // call -> the call returned (the answer, the command's exit)
    QString note;
    int failures = 0;
};

struct Row {
    int slotCount = 0;
    QString method;
    Sample sample;
    int commands = 0; // runtime API commands the method sends for one rollback (without the confirmation)
    QString lost; // requests the load generator lost while this method ran: "0", or the count and its kinds
};

// The load generator's counts of requests no service answered (greenlight-sandbox stats).
struct LostCounts {
    qint64 lost = 0;
    qint64 connectionErrors = 0;
    qint64 timeouts = 0;
    QJsonObject unanswered; // HTTP status -> count of answers no service gave (HAProxy's own: 503, 502, ...)
};

LostCounts lostCounts(const QJsonObject &stats)
{
    return LostCounts {stats.value(u"lost").toInteger(), stats.value(u"connectionErrors").toInteger(),
        stats.value(u"timeouts").toInteger(), stats.value(u"byVersionStatus").toObject().value(u"none").toObject()};
}

QString lostBetween(const LostCounts &before, const LostCounts &after)
{
    const qint64 lost = after.lost - before.lost;
    if (lost == 0)
        return QStringLiteral("0");
    QStringList kinds;
    if (const qint64 n = after.connectionErrors - before.connectionErrors)
        kinds << QStringLiteral("%1 connection errors").arg(n);
    if (const qint64 n = after.timeouts - before.timeouts)
        kinds << QStringLiteral("%1 timeouts").arg(n);
    for (auto it = after.unanswered.constBegin(); it != after.unanswered.constEnd(); ++it) {
        if (const qint64 n = it->toInteger() - before.unanswered.value(it.key()).toInteger())
            kinds << QStringLiteral("%1 HAProxy %2").arg(n).arg(it.key());
    }
    return QStringLiteral("%1 (%2)").arg(lost).arg(kinds.join(QStringLiteral(", ")));
}

// The nearest-rank quantile (p99 of 100 runs is the 99th smallest).
double quantile(QList<double> values, double q)
{
    if (values.isEmpty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const qsizetype rank = std::max<qsizetype>(1, qsizetype(std::ceil(q * double(values.size()))));
    return values.at(std::min(rank, values.size()) - 1);
}

// Runs the event loop for `ms` (the in-process engine and its HAProxy replies progress meanwhile).
void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool spinUntil(const std::function<bool()> &predicate, int timeoutMs, int stepMs = 5)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (predicate())
            return true;
        spin(stepMs);
    }
    return predicate();
}

// What a finished rollback must look like.
struct Target {
    QString socket;
    QMap<QString, int> stableWeights; // server -> weight before the rollout
    QStringList newSlots;
};

// Whether HAProxy's `show servers state be_app` output shows the target: every new-colour server at weight 0,
// every stable server at its weight and not in maintenance.
bool onStable(const Target &target, const QByteArray &serversState)
{
    const Result<QList<ServerState>> states = parseServersState(serversState);
    if (!states)
        return false;
    int matched = 0;
    for (const ServerState &s : *states) {
        if (const auto it = target.stableWeights.constFind(s.server); it != target.stableWeights.cend()) {
            if (s.userWeight != *it || s.inMaintenance())
                return false;
            ++matched;
        } else if (target.newSlots.contains(s.server)) {
            if (s.userWeight != 0)
                return false;
            ++matched;
        }
    }
    return matched == target.stableWeights.size() + target.newSlots.size();
}

bool onStable(const Target &target)
{
    return onStable(target, runtimeCommand(target.socket, "show servers state be_app"));
}

// A kept-open Runtime API session in prompt mode, for the watch: one command and its whole answer per ask(),
// without a connect and a new CLI session each time (a poll costs HAProxy and this thread ~0.1 ms then).
class PromptSession {
public:
    bool open(const QString &path)
    {
        m_socket.connectToServer(path);
        if (!m_socket.waitForConnected(3000))
            return false;
        return ask("prompt").has_value();
    }
    std::optional<QByteArray> ask(const QByteArray &command)
    {
        m_socket.write(command + '\n');
        m_socket.flush();
        QByteArray answer;
        QDeadlineTimer deadline(3000);
        while (!answer.endsWith("\n> ")) {
            if (m_socket.state() != QLocalSocket::ConnectedState || deadline.hasExpired())
                return std::nullopt;
            if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(int(deadline.remainingTime())))
                continue;
            answer += m_socket.readAll();
        }
        answer.chop(3);
        return answer;
    }

private:
    QLocalSocket m_socket;
};

// CPU time of the calling thread, ns.
qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// The watch's own cost, over every run: CPU time it used / wall time it watched (a share of one core).
struct WatchCost {
    std::atomic<qint64> cpuNs {0};
    std::atomic<qint64> wallNs {0};
    std::atomic<qint64> polls {0};
};
WatchCost g_watchCost;

// Watches HAProxy from a thread of its own from the instant of the call (the in-process engine runs on the main
// thread): `show servers state be_app` on a kept-open session every 1 ms until the target holds, the same for
// every method. wait() gives the elapsed time then (ms), or NaN when it did not hold in time (10 s unless told).
class StableWatch {
public:
    explicit StableWatch(const Target &target, int timeoutMs = 10000)
        : m_target(target)
        , m_timeoutMs(timeoutMs)
    { }
    void start()
    {
        m_clock.start();
        m_thread.reset(QThread::create([this] {
            const qint64 cpu = threadCpuNs();
            PromptSession session;
            const bool open = session.open(m_target.socket);
            while (open && m_clock.elapsed() < m_timeoutMs) {
                g_watchCost.polls.fetch_add(1);
                const std::optional<QByteArray> state = session.ask("show servers state be_app");
                if (!state)
                    break; // NaN: reported as a failed run
                if (onStable(m_target, *state)) {
                    m_ms = double(m_clock.nsecsElapsed()) / 1e6;
                    break;
                }
                QThread::usleep(1000);
            }
            g_watchCost.cpuNs.fetch_add(threadCpuNs() - cpu);
            g_watchCost.wallNs.fetch_add(m_clock.nsecsElapsed());
        }));
        m_thread->start();
    }
    [[nodiscard]] double elapsedMs() const { return double(m_clock.nsecsElapsed()) / 1e6; }
    double wait()
    {
        m_thread->wait();
        return m_ms;
    }

private:
    const Target &m_target;
    int m_timeoutMs;
    QElapsedTimer m_clock;
    std::unique_ptr<QThread> m_thread;
    double m_ms = std::nan("");
};

// What one fsync costs here, now: 4 kB appended and fdatasync()ed `count` times (as a WAL commit does), ms.
QList<double> fsyncCosts(const QString &dir, int count)
{
    QList<double> ms;
    QFile file(dir + QStringLiteral("/fsync-probe"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return ms;
    const QByteArray page(4096, 'x');
    for (int i = 0; i < count; ++i) {
        file.write(page);
        file.flush();
        QElapsedTimer timer;
        timer.start();
        ::fdatasync(file.handle());
        ms << double(timer.nsecsElapsed()) / 1e6;
        QThread::msleep(10);
    }
    file.remove();
    return ms;
}

QMap<QString, int> weightsNow(const QString &socket)
{
    QMap<QString, int> weights;
    const Result<QList<ServerState>> states = parseServersState(runtimeCommand(socket, "show servers state be_app"));
    if (states) {
        for (const ServerState &s : *states)
            weights.insert(s.server, s.userWeight);
    }
    return weights;
}

// The sandbox's environment file without its hooks, state, strategies and analysis sections, plus ours.
bool writeBenchEnvironment(const QString &sandboxEnv, const QString &benchEnv, int slotCount)
{
    QFile in(sandboxEnv);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    const QStringList drop {
        QStringLiteral("hooks"), QStringLiteral("state"), QStringLiteral("strategies"), QStringLiteral("analysis")};
    QStringList out;
    bool dropping = false;
    for (const QString &line : QString::fromUtf8(in.readAll()).split(u'\n')) {
        if (!line.isEmpty() && !line.front().isSpace() && !line.startsWith(u'#'))
            dropping = drop.contains(line.section(u':', 0, 0));
        if (!dropping)
            out << line;
    }
    while (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    out << QStringLiteral("hooks:") << QStringLiteral("  deploy: \"/usr/bin/true {slot} {version}\"")
        << QStringLiteral("  undeploy: \"/usr/bin/true {slot}\"") << QStringLiteral("state:")
        << QStringLiteral("  database: bench-state.db") << QStringLiteral("strategies:")
        << QStringLiteral("  default: canary") << QStringLiteral("  canary:")
        << QStringLiteral("    slots: %1").arg(slotCount)
        << QStringLiteral("    steps: [{percent: 50, pause: gate}, 100]") << QStringLiteral("    pause: none")
        << QStringLiteral("    undeploy_delay: 1s") << QStringLiteral("  drain_timeout: 5s")
        << QStringLiteral("  health_timeout: 30s") << QStringLiteral("  hook_timeout: 10s") << QString();
    QFile file(benchEnv);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(out.join(u'\n').toUtf8());
    return true;
}

ActionRecord action(RolloutAction kind, const QString &why)
{
    ActionRecord a;
    a.action = toString(kind);
    a.actor = QStringLiteral("bench");
    a.reason = why;
    if (kind == RolloutAction::Start)
        a.params.insert(QStringLiteral("version"), QStringLiteral("v2"));
    return a;
}

std::optional<RolloutRecord> latest(RolloutStore &store)
{
    const Result<std::optional<RolloutRecord>> r = store.latest();
    return r ? *r : std::nullopt;
}

bool atGate(RolloutStore &store)
{
    const std::optional<RolloutRecord> r = latest(store);
    return r && r->state == RolloutState::Paused && r->pauseReason == PauseReason::Gate;
}

bool finished(RolloutStore &store)
{
    const std::optional<RolloutRecord> r = latest(store);
    return !r || RolloutStateMachine::isTerminal(r->state);
}

QString lastMessage(RolloutStore &store)
{
    const std::optional<RolloutRecord> r = latest(store);
    return r ? toString(r->state) + u": " + r->message : QStringLiteral("no rollout");
}

// (a): an engine in this process; the rollback is enqueued on its own connection and the engine woken.
Sample inProcess(const Environment &env, const Target &target, int runs, QMap<QString, int> *canaryWeights)
{
    Sample sample;
    Result<StateStore> state = StateStore::open(env.stateDatabase);
    if (!state) {
        sample.note = state.error().toString();
        return sample;
    }
    RolloutEngine::Options options;
    options.actor = QStringLiteral("bench-engine");
    RolloutEngine engine(env, state.value(), SystemClock::instance(), options);
    if (const Status started = engine.start(); !started) {
        sample.note = started.error().toString();
        return sample;
    }
    RolloutStore &store = engine.store();
    spinUntil([&] { return !engine.isBusy(); }, 5000);
    for (int i = 0; i < runs; ++i) {
        if (!store.enqueueAction(action(RolloutAction::Start, QStringLiteral("bench"))).ok()) {
            ++sample.failures;
            break;
        }
        engine.wake();
        if (!spinUntil([&] { return atGate(store); }, 60000)) {
            sample.note = QStringLiteral("canary did not reach its gate: ") + lastMessage(store);
            break;
        }
        if (canaryWeights->isEmpty())
            *canaryWeights = weightsNow(target.socket);
        bool answered = false;
        bool done = false;
        qint64 id = 0;
        QEventLoop loop;
        const QMetaObject::Connection connection = QObject::connect(
            &engine, &RolloutEngine::actionAnswered, &loop, [&](qint64 actionId, bool ok, const QString &) {
                if (actionId != id)
                    return;
                answered = true;
                done = ok;
                loop.quit();
            });
        StableWatch watch(target);
        watch.start();
        const Result<qint64> queued = store.enqueueAction(action(RolloutAction::Rollback, QStringLiteral("bench")));
        if (qEnvironmentVariableIsSet("GL_BENCH_VERBOSE"))
            std::printf("    enqueued at %.2f ms\n", watch.elapsedMs());
        id = queued ? *queued : -1;
        engine.wake();
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        if (queued)
            loop.exec();
        const double returnedMs = watch.elapsedMs();
        QObject::disconnect(connection);
        const double ms = watch.wait();
        if (std::isnan(ms) || !answered || !done) {
            ++sample.failures;
        } else {
            sample.ms << ms;
            sample.returned << returnedMs;
        }
        if (!spinUntil([&] { return finished(store); }, 60000)) {
            sample.note = QStringLiteral("rollback did not finish: ") + lastMessage(store);
            break;
        }
    }
    engine.stop();
    return sample;
}

// (b): `greenlightctl engine` in the background, `greenlightctl rollout rollback` timed as a user runs it.
Sample crossProcess(const Environment &env, const Target &target, int runs)
{
    Sample sample;
    Result<StateStore> state = StateStore::open(env.stateDatabase);
    if (!state) {
        sample.note = state.error().toString();
        return sample;
    }
    RolloutStore store(state.value(), SystemClock::instance());
    EngineLock lock(state.value(), SystemClock::instance());
    QProcess engineProcess;
    engineProcess.setProcessChannelMode(QProcess::MergedChannels);
    engineProcess.setStandardOutputFile(QFileInfo(env.filePath).absolutePath() + QStringLiteral("/bench-engine.log"));
    engineProcess.start(g_ctl, {QStringLiteral("engine"), QStringLiteral("--env"), env.filePath});
    const bool running = spinUntil(
        [&] {
            const Result<std::optional<EngineLock::Holder>> holder = lock.liveHolder();
            return holder && holder->has_value();
        },
        15000, 20);
    if (!running)
        sample.note = QStringLiteral("greenlightctl engine did not start");
    for (int i = 0; running && i < runs; ++i) {
        if (!store.enqueueAction(action(RolloutAction::Start, QStringLiteral("bench"))).ok()) {
            ++sample.failures;
            break;
        }
        if (!spinUntil([&] { return atGate(store); }, 60000)) {
            sample.note = QStringLiteral("canary did not reach its gate: ") + lastMessage(store);
            break;
        }
        StableWatch watch(target);
        watch.start();
        QProcess rollback;
        rollback.start(g_ctl,
            {QStringLiteral("rollout"), QStringLiteral("rollback"), QStringLiteral("--env"), env.filePath,
                QStringLiteral("--reason"), QStringLiteral("bench")});
        const bool ok = rollback.waitForFinished(30000) && rollback.exitStatus() == QProcess::NormalExit
            && rollback.exitCode() == 0;
        const double returnedMs = watch.elapsedMs();
        const double ms = watch.wait();
        if (std::isnan(ms) || !ok) {
            ++sample.failures;
            sample.note = QString::fromUtf8(rollback.readAllStandardError()).trimmed();
        } else {
            sample.ms << ms;
            sample.returned << returnedMs;
        }
        if (!spinUntil([&] { return finished(store); }, 60000)) {
            sample.note = QStringLiteral("rollback did not finish: ") + lastMessage(store);
            break;
        }
    }
    engineProcess.terminate();
    if (!engineProcess.waitForFinished(5000)) {
        engineProcess.kill();
        engineProcess.waitForFinished(2000);
    }
    return sample;
}

// The canary state before a (c)/(d) run: the weights the engine's canary had at its gate, new colour ready.
bool setCanary(const Target &target, const QMap<QString, int> &canaryWeights)
{
    QByteArrayList commands;
    for (const QString &slot : target.newSlots)
        commands << "set server be_app/" + slot.toUtf8() + " state ready";
    for (auto it = canaryWeights.cbegin(); it != canaryWeights.cend(); ++it)
        commands << "set server be_app/" + it.key().toUtf8() + " weight " + QByteArray::number(it.value());
    // In slices: one line stays far below HAProxy's 16 kB buffer.
    for (qsizetype i = 0; i < commands.size(); i += 100) {
        const QByteArray reply = runtimeCommand(target.socket, commands.mid(i, 100).join("; "));
        if (!reply.trimmed().isEmpty())
            return false;
    }
    return !onStable(target);
}

// Runs an external rollback `runs` times: (c) and (d).
Sample external(const Target &target, const QMap<QString, int> &canaryWeights, int runs, const QString &program,
    const QStringList &arguments, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    Sample sample;
    for (int i = 0; i < runs; ++i) {
        if (!setCanary(target, canaryWeights)) {
            sample.note = QStringLiteral("could not set the canary weights");
            break;
        }
        QProcess process;
        process.setProcessEnvironment(environment);
        StableWatch watch(target, 600000); // Ansible takes minutes at 100 slots
        watch.start();
        process.start(program, arguments);
        const bool ok = process.waitForFinished(600000) && process.exitStatus() == QProcess::NormalExit
            && process.exitCode() == 0;
        const double returnedMs = watch.elapsedMs();
        const double ms = ok ? watch.wait() : (watch.wait(), std::nan(""));
        if (std::isnan(ms)) {
            ++sample.failures;
            sample.note = QString::fromUtf8(
                process.readAllStandardOutput().right(300) + process.readAllStandardError().right(300))
                              .simplified();
        } else {
            sample.ms << ms;
            sample.returned << returnedMs;
        }
    }
    return sample;
}

QString writeSocatScript(const QString &dir, const Target &target)
{
    QString script = QStringLiteral("#!/bin/sh\n# Rollback as operators script it without Greenlight: one socat per "
                                    "command, stable raised first, then confirm.\nS=%1\n")
                         .arg(target.socket);
    for (auto it = target.stableWeights.cbegin(); it != target.stableWeights.cend(); ++it)
        script
            += QStringLiteral("echo \"set server be_app/%1 weight %2\" | socat stdio \"UNIX-CONNECT:$S\" || exit 1\n")
                   .arg(it.key())
                   .arg(it.value());
    for (const QString &slot : target.newSlots)
        script += QStringLiteral("echo \"set server be_app/%1 weight 0\" | socat stdio \"UNIX-CONNECT:$S\" || exit 1\n")
                      .arg(slot);
    script += QStringLiteral("echo \"show stat\" | socat stdio \"UNIX-CONNECT:$S\" | grep -q '^be_app,' || exit 1\n");
    const QString path = dir + QStringLiteral("/rollback-socat.sh");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(script.toUtf8());
    return path;
}

QString writePlaybook(const QString &dir, const Target &target)
{
    // One weight for the whole stable colour (the sandbox gives every slot the same); per-server weights would
    // need one task per weight.
    const int stableWeight = target.stableWeights.isEmpty() ? 0 : target.stableWeights.first();
    QString yaml = QStringLiteral("- hosts: localhost\n  connection: local\n  gather_facts: false\n  tasks:\n");
    const auto task = [&](const QString &name, const QStringList &servers, int weight) {
        yaml += QStringLiteral("    - name: %1\n      community.general.haproxy:\n        socket: %2\n"
                               "        backend: be_app\n        host: \"{{ item }}\"\n        state: enabled\n"
                               "        weight: \"%3\"\n      loop: [%4]\n")
                    .arg(name, target.socket)
                    .arg(weight)
                    .arg(servers.join(QStringLiteral(", ")));
    };
    task(QStringLiteral("stable colour back to its weight"), target.stableWeights.keys(), stableWeight);
    task(QStringLiteral("new colour to weight 0"), target.newSlots, 0);
    const QString path = dir + QStringLiteral("/rollback-playbook.yml");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(yaml.toUtf8());
    return path;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("greenlight.*.debug=false\ngreenlight.*.info=false"));
    QList<int> sizes {2, 20, 100};
    int runs = 100;
    int ansibleRuns = 5;
    int rps = 50;
    bool ansible = true;
    QStringList methods {
        QStringLiteral("inprocess"), QStringLiteral("ctl"), QStringLiteral("socat"), QStringLiteral("ansible")};
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString next = i + 1 < args.size() ? args.at(i + 1) : QString();
        if (args.at(i) == u"--slots") {
            sizes.clear();
            for (const QString &n : next.split(u','))
                sizes << n.toInt();
            ++i;
        } else if (args.at(i) == u"--runs") {
            runs = std::max(1, next.toInt());
            ++i;
        } else if (args.at(i) == u"--ansible-runs") {
            ansibleRuns = std::max(1, next.toInt());
            ++i;
        } else if (args.at(i) == u"--rps") {
            rps = next.toInt();
            ++i;
        } else if (args.at(i) == u"--no-ansible") {
            ansible = false;
        } else if (args.at(i) == u"--methods") {
            methods = next.split(u',');
            ++i;
        } else {
            std::fprintf(stderr,
                "usage: bench_rollback_latency [--slots 2,20,100] [--runs 100] [--ansible-runs 5] [--rps 50] "
                "[--no-ansible] [--methods inprocess,ctl,socat,ansible]\n");
            return 2;
        }
    }
    if (qEnvironmentVariableIsEmpty("GL_BINARY_DIR"))
        qputenv("GL_BINARY_DIR", QDir(app.applicationDirPath() + QStringLiteral("/..")).absolutePath().toUtf8());
    g_ctl = qEnvironmentVariable("GL_BINARY_DIR") + QStringLiteral("/app/greenlightctl");
    if (!QFile::exists(g_ctl) || SandboxFixture::launcherPath().isEmpty()) {
        std::fprintf(stderr, "greenlightctl and greenlight-sandbox must be built under %s\n",
            qPrintable(qEnvironmentVariable("GL_BINARY_DIR")));
        return 2;
    }
    const QString socat = QStandardPaths::findExecutable(QStringLiteral("socat"));
    const QString playbook = QStandardPaths::findExecutable(QStringLiteral("ansible-playbook"));
    ansible = ansible && methods.contains(u"ansible");
    if ((methods.contains(u"socat") && socat.isEmpty()) || (ansible && playbook.isEmpty())) {
        std::fprintf(stderr,
            "socat and ansible-playbook must be installed (bench/run-rollback-latency does it), or "
            "pass --no-ansible\n");
        return 2;
    }

    QList<Row> rows;
    QStringList lostLines;
    QStringList fsyncLines;
    int exitCode = 0;
    for (const int n : std::as_const(sizes)) {
        SandboxFixture sandbox; // its destructor runs `greenlight-sandbox down` whatever happens
        QString error;
        std::printf("sandbox: up --slots %d --rps %d ...\n", n, rps);
        std::fflush(stdout);
        if (!sandbox.up({QStringLiteral("--slots"), QString::number(n), QStringLiteral("--rps"), QString::number(rps)},
                &error)) {
            std::fprintf(stderr, "sandbox up --slots %d failed: %s\n", n, qPrintable(error));
            exitCode = 1;
            continue;
        }
        Target target;
        target.socket = sandbox.dir() + QStringLiteral("/admin.sock");
        const QMap<QString, int> before = weightsNow(target.socket);
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            if (it.key().startsWith(u"blue"))
                target.stableWeights.insert(it.key(), it.value());
            else
                target.newSlots << it.key();
        }
        for (const QString &slot : std::as_const(target.newSlots)) {
            if (sandbox.run(QStringLiteral("deploy"),
                    {QStringLiteral("--slot"), slot, QStringLiteral("--version"), QStringLiteral("v2")})
                != 0) {
                std::fprintf(stderr, "deploy of %s failed\n", qPrintable(slot));
                return 1;
            }
        }
        const QString envPath = sandbox.dir() + QStringLiteral("/bench-environment.yaml");
        if (!writeBenchEnvironment(sandbox.environmentFile(), envPath, n)) {
            std::fprintf(stderr, "could not write %s\n", qPrintable(envPath));
            return 1;
        }
        const Result<Environment> env = loadEnvironmentFile(envPath);
        if (!env) {
            std::fprintf(stderr, "%s\n", qPrintable(env.error().toString()));
            return 1;
        }
        const qint64 lostBefore = sandbox.statsJson().value(u"lost").toInteger();
        const QList<double> fsyncs = fsyncCosts(sandbox.dir(), 50);
        fsyncLines << QStringLiteral(
            "%1 slots per colour: one fdatasync of the sandbox's disk before the runs: p50 %2 ms, "
            "p99 %3 ms, max %4 ms (50 samples)")
                          .arg(n)
                          .arg(quantile(fsyncs, 0.5), 0, 'f', 1)
                          .arg(quantile(fsyncs, 0.99), 0, 'f', 1)
                          .arg(quantile(fsyncs, 1.0), 0, 'f', 1);
        const int commands = 3 * n; // state ready + weight per stable slot, weight 0 per new slot

        // The load generator's counts once the answers in flight are in (it writes them every 250 ms).
        const auto settledCounts = [&sandbox] {
            QThread::msleep(1000);
            return lostCounts(sandbox.statsJson());
        };
        QMap<QString, int> canaryWeights;
        // (socat and Ansible take the canary weights the in-process runs recorded; one run when not measured)
        const bool measureInProcess = methods.contains(u"inprocess");
        if (measureInProcess || methods.contains(u"socat") || ansible) {
            std::printf("  (a) in-process, %d runs ...\n", measureInProcess ? runs : 1);
            std::fflush(stdout);
            const LostCounts before = settledCounts();
            const Sample sample = inProcess(env.value(), target, measureInProcess ? runs : 1, &canaryWeights);
            if (measureInProcess)
                rows << Row {n, QStringLiteral("Greenlight, in-process (enqueue + wake)"), sample, commands,
                    lostBetween(before, settledCounts())};
        }
        if (methods.contains(u"ctl")) {
            std::printf("  (b) greenlightctl rollout rollback, %d runs ...\n", runs);
            std::fflush(stdout);
            const LostCounts before = settledCounts();
            const Sample sample = crossProcess(env.value(), target, runs);
            rows << Row {n, QStringLiteral("greenlightctl rollout rollback"), sample, commands,
                lostBetween(before, settledCounts())};
        }
        if ((methods.contains(u"socat") || ansible) && canaryWeights.isEmpty()) {
            std::fprintf(stderr, "no canary weights were recorded\n");
            exitCode = 1;
            continue;
        }
        if (methods.contains(u"socat")) {
            std::printf("  (c) socat per command, %d runs ...\n", runs);
            std::fflush(stdout);
            const LostCounts before = settledCounts();
            const Sample sample = external(
                target, canaryWeights, runs, QStringLiteral("/bin/sh"), {writeSocatScript(sandbox.dir(), target)});
            rows << Row {n, QStringLiteral("shell script, socat per command"), sample, 2 * n,
                lostBetween(before, settledCounts())};
        }
        if (ansible) {
            const int ansibleN = n >= 100 ? std::min(ansibleRuns, 2) : ansibleRuns;
            std::printf("  (d) ansible community.general.haproxy, %d runs ...\n", ansibleN);
            std::fflush(stdout);
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("ANSIBLE_LOCALHOST_WARNING"), QStringLiteral("False"));
            environment.insert(QStringLiteral("ANSIBLE_INVENTORY_UNPARSED_WARNING"), QStringLiteral("False"));
            environment.insert(QStringLiteral("ANSIBLE_RETRY_FILES_ENABLED"), QStringLiteral("False"));
            environment.insert(QStringLiteral("ANSIBLE_NOCOWS"), QStringLiteral("1"));
            const LostCounts before = settledCounts();
            const Sample sample = external(target, canaryWeights, ansibleN, playbook,
                {QStringLiteral("-i"), QStringLiteral("localhost,"), QStringLiteral("-e"),
                    QStringLiteral("ansible_python_interpreter=/usr/bin/python3"),
                    writePlaybook(sandbox.dir(), target)},
                environment);
            rows << Row {n, QStringLiteral("Ansible community.general.haproxy"), sample, 2 * n,
                lostBetween(before, settledCounts())};
        }
        QThread::msleep(1000); // answers in flight are counted (the load generator writes every 250 ms)
        const QJsonObject stats = sandbox.statsJson();
        lostLines << QStringLiteral("%1 slots per colour: %2 requests during the runs, %3 lost")
                         .arg(n)
                         .arg(stats.value(u"total").toInteger())
                         .arg(stats.value(u"lost").toInteger() - lostBefore);
        QByteArray out;
        QByteArray err;
        sandbox.down(&out, &err);
    }

    std::printf("\nRollback latency: rollback call -> HAProxy reports all traffic on stable (new colour at weight 0, "
                "stable at its weights), ms\n");
    std::printf("canary of v2 on every green slot at 50 %%; load %d req/s through HAProxy; 2-core VM\n\n", rps);
    std::printf("| slots per colour | method | runtime API commands | runs | p50 ms | p99 ms | max ms | call returns "
                "p50 / p99 ms | requests lost |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|\n");
    for (const Row &row : std::as_const(rows)) {
        const Sample &s = row.sample;
        std::printf("| %d | %s | %d | %lld%s | %.1f | %.1f | %.1f | %.1f / %.1f | %s |\n", row.slotCount,
            qPrintable(row.method), row.commands, qlonglong(s.ms.size()),
            s.failures ? qPrintable(QStringLiteral(" (%1 failed)").arg(s.failures)) : "", quantile(s.ms, 0.5),
            quantile(s.ms, 0.99), quantile(s.ms, 1.0), quantile(s.returned, 0.5), quantile(s.returned, 0.99),
            qPrintable(row.lost));
        if (!s.note.isEmpty()) {
            std::printf("|   | note: %s | | | | | | | |\n", qPrintable(s.note.left(300)));
            exitCode = 1;
        }
    }
    std::printf("\n");
    if (g_watchCost.wallNs > 0)
        std::printf("the watch (show servers state on a kept-open session every 1 ms, %lld polls) used %.1f %% of one "
                    "core while it watched\n",
            qlonglong(g_watchCost.polls.load()), 100.0 * double(g_watchCost.cpuNs) / double(g_watchCost.wallNs));
    for (const QString &line : std::as_const(lostLines))
        std::printf("%s\n", qPrintable(line));
    for (const QString &line : std::as_const(fsyncLines))
        std::printf("%s\n", qPrintable(line));
    for (const Row &row : std::as_const(rows)) {
        if (row.slotCount == 100 && row.method.startsWith(u"Greenlight, in-process") && !row.sample.ms.isEmpty())
            std::printf("target (in-process p99 under 20 ms at 100 slots per colour): %s\n",
                quantile(row.sample.ms, 0.99) < 20.0 ? "met" : "NOT met");
    }
    return exitCode;
}
