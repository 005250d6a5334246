// One truth for every process (issue 13): on a real sandbox under load, two consoles (`greenlight --env E`,
// offscreen, each writing its view with the hidden --state-report option), the engine and a loop of
// greenlightctl commands (status, history, approvals list, audit verify/export, approve from a second person,
// approve --export + approvals import, approve --block, pause/resume, runbook search) work side by side while
// canaries advance through a gate. Every second a watcher thread scans /proc/<pid>/fd of every process for a
// database file of the environment or of the profile that was unlinked while still open (the split brain that
// follows when a process drops its SQLite locks). Afterwards every process agrees on the state, every decision
// and action a command reported as recorded is in the audit log and the state database (read from the files
// once every process has exited), and the audit chain verifies. A second run SIGKILLs the engine, the consoles
// and commands at random points, restarts what was killed and checks the same, plus that traffic never stopped.
//
// Random choices come from GL_INTEGRITY_SEED (printed; default fixed) so that a failure can be replayed.
// Runs inside tests/support/with-keyring (the approvers' keys). See docs/integrity.md.
#include "testpaths.h"
#include "tst_rollout_common.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>
#include <csignal>
#include <memory>
#include <mutex>
#include <thread>
#include <unistd.h>

using namespace gl;
using namespace gl::test;

namespace {

// ---- the /proc watcher ----

// The database files a process must never hold once they were unlinked: the environment's state database and
// audit log and the profile's (runbooks), with their -wal, -shm and -journal companions.
bool isWatchedDatabase(const QString &target, const QStringList &prefixes)
{
    static const QRegularExpression name(
        QStringLiteral("/(state|profile)(\\.audit)?\\.db(-wal|-shm|-journal)? \\(deleted\\)$"));
    for (const QString &prefix : prefixes) {
        if (target.startsWith(prefix) && name.match(target).hasMatch())
            return true;
    }
    return false;
}

QString commandLineOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    QByteArray bytes = file.read(400);
    bytes.replace('\0', ' ');
    return QString::fromLocal8Bit(bytes.trimmed());
}

// Scans every process's open files every `periodMs` in a thread of its own (so that it keeps scanning while the
// test waits for a command). A hit is looked at again 200 ms later (a connection closing unlinks its -shm a
// moment before it closes it); one that is still there is a sighting.
class FdWatcher {
public:
    explicit FdWatcher(QStringList prefixes, int periodMs = 1000)
        : m_prefixes(std::move(prefixes))
        , m_periodMs(periodMs)
    {
        m_thread = std::thread([this] {
            while (!m_stop.load()) {
                scanOnce();
                for (int waited = 0; waited < m_periodMs && !m_stop.load(); waited += 50)
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        });
    }
    ~FdWatcher() { stop(); }
    void stop()
    {
        m_stop.store(true);
        if (m_thread.joinable())
            m_thread.join();
    }
    // Scans now (also from the test's thread, for the final look).
    void scanOnce()
    {
        QList<std::pair<QString, QString>> hits; // (/proc/PID/fd/N, target)
        const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &pid : pids) {
            if (pid.isEmpty() || !pid.at(0).isDigit())
                continue;
            const QString fdDir = QStringLiteral("/proc/") + pid + QStringLiteral("/fd");
            const QStringList fds = QDir(fdDir).entryList(QDir::System | QDir::Files | QDir::NoDotAndDotDot);
            for (const QString &fd : fds) {
                const QString link = fdDir + u'/' + fd;
                const QString target = readLink(link);
                if (isWatchedDatabase(target, m_prefixes))
                    hits.append({link, target});
            }
        }
        if (hits.isEmpty())
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        for (const auto &[link, target] : hits) {
            if (readLink(link) != target)
                continue;
            const qint64 pid = link.section(u'/', 2, 2).toLongLong();
            const QString sighting = QStringLiteral("%1 UTC: pid %2 (%3) holds %4 [%5]")
                                         .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("HH:mm:ss.zzz")))
                                         .arg(pid)
                                         .arg(commandLineOf(pid), target, link);
            std::lock_guard<std::mutex> guard(m_mutex);
            if (!m_sightings.contains(sighting.section(u' ', 2)))
                m_sightings << sighting;
        }
    }
    [[nodiscard]] QStringList sightings() const
    {
        std::lock_guard<std::mutex> guard(m_mutex);
        return m_sightings;
    }

private:
    static QString readLink(const QString &link)
    {
        char buffer[4096];
        const QByteArray native = QFile::encodeName(link);
        const ssize_t n = ::readlink(native.constData(), buffer, sizeof buffer - 1);
        return n <= 0 ? QString() : QFile::decodeName(QByteArray(buffer, int(n)));
    }

    QStringList m_prefixes;
    int m_periodMs;
    std::atomic<bool> m_stop {false};
    std::thread m_thread;
    mutable std::mutex m_mutex;
    QStringList m_sightings;
};

// ---- processes ----

QString consolePath()
{
    const QString path = binaryDir() + QStringLiteral("/app/greenlight");
    return QFileInfo(path).isExecutable() ? path : QString();
}

// A process that runs until stopped (a console, `greenlightctl engine`), its output in a log file. Restartable.
class LongRunning {
public:
    LongRunning(QString name, QString program, QStringList arguments, QString logFile)
        : m_name(std::move(name))
        , m_program(std::move(program))
        , m_arguments(std::move(arguments))
        , m_log(std::move(logFile))
    { }
    ~LongRunning() { stop(); }
    void start()
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->setStandardOutputFile(m_log, QIODevice::Append);
        m_process->start(m_program, m_arguments);
        m_process->waitForStarted(5000);
        ++m_starts;
    }
    [[nodiscard]] bool running() const { return m_process && m_process->state() == QProcess::Running; }
    [[nodiscard]] qint64 pid() const { return running() ? m_process->processId() : 0; }
    void kill9()
    {
        if (!running())
            return;
        ::kill(pid_t(m_process->processId()), SIGKILL);
        m_process->waitForFinished(3000);
    }
    void stop()
    {
        if (!running())
            return;
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }
    [[nodiscard]] const QString &name() const { return m_name; }
    [[nodiscard]] int starts() const { return m_starts; }
    [[nodiscard]] QString logTail() const
    {
        QFile file(m_log);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QByteArray all = file.readAll();
        return QString::fromUtf8(all.right(1500));
    }

private:
    QString m_name;
    QString m_program;
    QStringList m_arguments;
    QString m_log;
    std::unique_ptr<QProcess> m_process;
    int m_starts = 0;
};

struct Run {
    int exitCode = -1; // -1: crashed, killed or timed out
    bool killed = false; // SIGKILLed by the test on purpose
    QByteArray out;
    QByteArray err;
    [[nodiscard]] QString text() const { return QString::fromUtf8(out + err).trimmed(); }
};

// ---- what commands said they recorded ----

struct Claim {
    enum class Kind { Decision, Token, Action };
    Kind kind = Kind::Decision;
    QString said; // the command and what it printed (for the failure message)
    qint64 seq = 0; // Decision: "(audit seq N)"
    QString auditAction; // Decision: approval.approve / approval.block; Action: rollout.<action>
    QString actor; // Decision: the signer
    QString subject; // Decision: rollout:N
    QString token; // Token: the imported glt1. token
    QString reason; // Action: the unique --reason
    qint64 rolloutId = 0; // Action: the rollout the engine answered for
    QString version; // Action start: the version
};

// A duration in seconds from the environment (to shorten or lengthen a run by hand), else `fallback`.
int secondsFrom(const char *variable, int fallback)
{
    const int value = qEnvironmentVariableIntValue(variable);
    return value > 0 ? value : fallback;
}

struct Options {
    bool kills = false;
    int seconds = 60;
    bool engineProcess = false; // false: console A drives the engine
};

} // namespace

class TestIntegrity : public QObject {
    Q_OBJECT

    quint32 m_seed = 20260613;

private:
    void scenario(const Options &options);

private Q_SLOTS:
    void initTestCase()
    {
        if (SandboxFixture::launcherPath().isEmpty() || greenlightctlPath().isEmpty() || consolePath().isEmpty())
            QFAIL("greenlight-sandbox, greenlightctl and greenlight must be built");
        if (qEnvironmentVariableIsSet("GL_INTEGRITY_SEED"))
            m_seed = quint32(qEnvironmentVariable("GL_INTEGRITY_SEED").toULong());
        qInfo("GL_INTEGRITY_SEED=%u (set it to replay this run)", m_seed);
    }

    // Two consoles (console A drives the engine), and greenlightctl commands side by side for 60 s while canaries
    // advance through a gate: no process ever holds an unlinked database file, the CLI always sees the engine that
    // runs, everything reported recorded is in the files afterwards, all processes agree, and the audit verifies.
    void sideBySide() { scenario(Options {false, secondsFrom("GL_INTEGRITY_SECONDS", 60), false}); }

    // The same mix with a `greenlightctl engine` process while the engine, the consoles and commands are SIGKILLed
    // at random points and restarted: the same invariants, traffic never at zero and no request lost.
    void killNine() { scenario(Options {true, secondsFrom("GL_INTEGRITY_KILL_SECONDS", 35), true}); }
};

void TestIntegrity::scenario(const Options &options)
{
    QRandomGenerator random(m_seed + (options.kills ? 1 : 0));
    qInfo("%s: seed %u, %d s", options.kills ? "killNine" : "sideBySide", m_seed, options.seconds);

    SandboxFixture sandbox;
    QString error;
    QVERIFY2(sandbox.up({QStringLiteral("--slots"), QStringLiteral("2"), QStringLiteral("--rps"), QStringLiteral("50")},
                 &error),
        qPrintable(error));
    const QString dir = sandbox.dir();
    const QString env = sandbox.environmentFile();
    const QString socket = dir + QStringLiteral("/admin.sock");
    const QString profileDir = qEnvironmentVariable("XDG_DATA_HOME", QDir::homePath() + u"/.local/share");

    // Runs greenlightctl as `person`; with killAfterMs >= 0 it is SIGKILLed if still running by then.
    const auto ctlRun = [](const QString &person, const QStringList &arguments, int killAfterMs = -1) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("GREENLIGHT_PERSON"), person);
        process.setProcessEnvironment(environment);
        process.start(greenlightctlPath(), arguments);
        Run run;
        const bool finished = killAfterMs >= 0 ? process.waitForFinished(killAfterMs) : false;
        if (killAfterMs >= 0 && !finished) {
            ::kill(pid_t(process.processId()), SIGKILL);
            process.waitForFinished(3000);
            run.killed = true;
            return run;
        }
        if (!finished && !process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished(2000);
            run.err = "timed out: greenlightctl " + arguments.join(u' ').toUtf8();
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    };

    // Two approvers in the (private) keychain, a gate before the canary's 50 % step, the runbooks in the profile.
    QStringList approvers;
    for (const QString &person : {QStringLiteral("alice"), QStringLiteral("bob")}) {
        const Run created = ctlRun(
            person, {QStringLiteral("identity"), QStringLiteral("create"), QStringLiteral("--person"), person});
        QVERIFY2(created.exitCode == 0, qPrintable(created.text()));
        approvers
            << QString::fromUtf8(created.out.trimmed()).replace(QStringLiteral("CHANGE-ME"), QStringLiteral("release"));
    }
    {
        QFile file(env);
        QVERIFY(file.open(QIODevice::Append | QIODevice::Text));
        file.write((QStringLiteral("approvers:\n") + approvers.join(u'\n')
            + QStringLiteral("\ngates:\n"
                             "  - {name: prod-approval, at: canary_step, step: 50, groups: [release], quorum: 1}\n"))
                       .toUtf8());
    }
    Run r = ctlRun(
        QStringLiteral("alice"), {QStringLiteral("env"), QStringLiteral("validate"), QStringLiteral("--env"), env});
    QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
    r = ctlRun(QStringLiteral("alice"),
        {QStringLiteral("runbook"), QStringLiteral("sync"), QStringLiteral("--source"),
            sourceDir() + QStringLiteral("/resources/runbooks/en")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.text()));

    FdWatcher watcher({dir + u'/', profileDir + u'/'});
    QStringList failures; // invariant breaches seen during the run (the run stops at the first)
    const auto failed = [&] {
        const QStringList sightings = watcher.sightings();
        if (!sightings.isEmpty() && !failures.contains(u"unlinked database file held: " + sightings.first()))
            failures << u"unlinked database file held: " + sightings.first();
        return !failures.isEmpty();
    };

    // The long-running processes.
    const QString ctl = greenlightctlPath();
    const QString reportA = dir + QStringLiteral("/consoleA.json");
    const QString reportB = dir + QStringLiteral("/consoleB.json");
    LongRunning consoleA(QStringLiteral("console A"), consolePath(),
        {QStringLiteral("--env"), env, QStringLiteral("--state-report"), reportA},
        dir + QStringLiteral("/consoleA.log"));
    LongRunning consoleB(QStringLiteral("console B"), consolePath(),
        {QStringLiteral("--env"), env, QStringLiteral("--state-report"), reportB},
        dir + QStringLiteral("/consoleB.log"));
    LongRunning engine(QStringLiteral("engine"), ctl, {QStringLiteral("engine"), QStringLiteral("--env"), env},
        dir + QStringLiteral("/engine.log"));
    QList<LongRunning *> processes {&consoleA, &consoleB};
    if (options.engineProcess)
        processes.prepend(&engine);

    const auto statusNow = [&]() -> QJsonObject {
        const Run s = ctlRun(QStringLiteral("carol"),
            {QStringLiteral("status"), QStringLiteral("--env"), env, QStringLiteral("--json")});
        return QJsonDocument::fromJson(s.out).object();
    };
    const auto holderPid = [&] {
        const QJsonObject engineJson = statusNow().value(u"engine").toObject();
        return engineJson.value(u"running").toBool() ? engineJson.value(u"pid").toInteger() : qint64(0);
    };
    const auto diagnostics = [&] {
        QString text;
        for (LongRunning *p : processes)
            text += QStringLiteral("\n--- %1 (%2 starts), log tail:\n%3")
                        .arg(p->name())
                        .arg(p->starts())
                        .arg(p->logTail());
        return text;
    };

    if (options.engineProcess) {
        engine.start();
        QVERIFY2(QTest::qWaitFor([&] { return engine.pid() != 0 && holderPid() == engine.pid(); }, 15000),
            qPrintable(diagnostics()));
    }
    consoleA.start();
    if (!options.engineProcess)
        QVERIFY2(QTest::qWaitFor([&] { return consoleA.pid() != 0 && holderPid() == consoleA.pid(); }, 20000),
            qPrintable(u"console A did not take the engine lock" + diagnostics()));
    consoleB.start();
    QVERIFY2(QTest::qWaitFor([&] { return QFileInfo::exists(reportA) && QFileInfo::exists(reportB); }, 20000),
        qPrintable(u"the consoles wrote no --state-report" + diagnostics()));

    QList<Claim> claims;
    int versionCounter = 1;
    int reasonCounter = 0;
    qint64 blockedUpTo = 0; // completed rollouts up to this id got their block
    int totalStarts = 0;
    int gatesApproved = 0;
    int commandsRun = 0;
    int killsDone = 0;
    QStringList claimLog;
    const QString runTag = QStringLiteral("seed %1").arg(m_seed);
    static const QRegularExpression seqPattern(QStringLiteral("\\(audit seq (\\d+)\\)"));

    // Whether the next command is SIGKILLed (kill variant), and after how long.
    const auto killAfter = [&]() -> int {
        if (!options.kills || random.bounded(100) >= 12)
            return -1;
        return 20 + int(random.bounded(400));
    };
    const auto command = [&](const QString &person, const QStringList &arguments, bool mayKill = true) {
        ++commandsRun;
        const int after = mayKill ? killAfter() : -1;
        Run run = ctlRun(person, arguments, after);
        if (run.killed)
            ++killsDone;
        return run;
    };
    const auto checkTraffic = [&] {
        const QMap<QString, int> weights = serverWeights(socket);
        int total = 0;
        for (int w : weights)
            total += w;
        if (!weights.isEmpty() && total <= 0)
            failures << QStringLiteral("traffic at zero: HAProxy reports weight 0 on every server of be_app");
    };
    // A done action from `rollout <verb> --json`: a claim when the engine answered done.
    const auto actionClaim = [&](const Run &run, const QString &verb, const QString &reason, const QString &version) {
        if (run.killed || run.exitCode != 0)
            return false;
        const QJsonObject o = QJsonDocument::fromJson(run.out.split('\n').first()).object();
        if (!o.value(u"done").toBool())
            return false;
        Claim claim;
        claim.kind = Claim::Kind::Action;
        claim.said = QStringLiteral("rollout %1 --reason \"%2\" answered: %3")
                         .arg(verb, reason, o.value(u"answer").toString());
        claim.auditAction = u"rollout." + verb;
        claim.reason = reason;
        claim.rolloutId = o.value(u"rollout").toInteger();
        claim.version = version;
        claims << claim;
        claimLog << claim.said;
        return true;
    };
    // Every approval claim seen so far is in this export of the audit log.
    const auto checkExport = [&](const QByteArray &jsonl) {
        QHash<qint64, QJsonObject> bySeq;
        QString allDetails;
        for (const QByteArray &line : jsonl.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.contains(u"seq") && o.contains(u"action")) {
                bySeq.insert(o.value(u"seq").toInteger(), o);
                allDetails += QString::fromUtf8(line);
            }
        }
        for (const Claim &claim : std::as_const(claims)) {
            if (claim.kind == Claim::Kind::Decision) {
                const QJsonObject e = bySeq.value(claim.seq);
                if (e.value(u"action").toString() != claim.auditAction || e.value(u"actor").toString() != claim.actor)
                    failures << QStringLiteral("audit export (head seq %1) lacks seq %2 that was reported: %3")
                                    .arg(bySeq.size())
                                    .arg(claim.seq)
                                    .arg(claim.said);
            } else if (claim.kind == Claim::Kind::Token && !allDetails.contains(claim.token)) {
                failures << QStringLiteral("audit export lacks the imported token: %1").arg(claim.said);
            }
        }
    };
    // What each still-running console reports (only fresh reports of live consoles).
    const auto consoleReports = [&](qint64 notBeforeMs) {
        QList<std::pair<QString, QJsonObject>> reports;
        for (const auto &[console, path] : {std::pair {&consoleA, reportA}, std::pair {&consoleB, reportB}}) {
            if (!console->running())
                continue;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
            const qint64 written
                = QDateTime::fromString(report.value(u"writtenAt").toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
            if (report.value(u"pid").toInteger() == console->pid() && written >= notBeforeMs)
                reports.append({console->name(), report});
        }
        return reports;
    };

    QElapsedTimer clock;
    clock.start();
    qint64 nextKillMs = options.kills ? 3000 + random.bounded(3000) : -1;
    qint64 nextEngineRestartMs = -1;
    bool finishing = false;
    int iteration = 0;
    const qint64 endMs = qint64(options.seconds) * 1000;
    const qint64 hardEndMs = endMs + 45000; // finishing the last rollout
    const auto versionText = [&] { return QStringLiteral("v%1").arg(++versionCounter); };

    while (!failed()) {
        ++iteration;
        const qint64 now = clock.elapsed();
        if (now >= endMs)
            finishing = true;
        if (now >= hardEndMs) {
            failures << QStringLiteral("the last rollout did not end within 45 s of the run's end: %1")
                            .arg(QString::fromUtf8(QJsonDocument(statusNow()).toJson(QJsonDocument::Compact)));
            break;
        }
        checkTraffic();

        // Kill variant: SIGKILL a long-running process now and then, and restart it.
        if (options.kills && !finishing && now >= nextKillMs) {
            nextKillMs = now + 3000 + random.bounded(4000);
            const qint64 holder = holderPid();
            LongRunning *victim = nullptr;
            const int pick = int(random.bounded(3));
            if (pick == 0) {
                for (LongRunning *p : std::as_const(processes)) // whoever drives the engine
                    if (p->pid() == holder && holder != 0)
                        victim = p;
            }
            if (!victim)
                victim = pick == 2 ? &consoleB : (pick == 1 || !engine.running() ? &consoleA : &engine);
            qInfo("%6.1f s: SIGKILL %s (pid %lld; engine holder %lld)", now / 1000.0, qPrintable(victim->name()),
                victim->pid(), holder);
            victim->kill9();
            ++killsDone;
            if (victim == &engine)
                nextEngineRestartMs = now + random.bounded(2000);
            else
                victim->start();
        }
        if (options.engineProcess && !engine.running() && nextEngineRestartMs >= 0 && now >= nextEngineRestartMs) {
            engine.start(); // exits at once when a console drives: tried again later
            nextEngineRestartMs = now + 5000;
        }
        if (options.engineProcess && !engine.running() && nextEngineRestartMs < 0)
            nextEngineRestartMs = now + 5000;

        // Where the rollout is, as the CLI sees it.
        const Run statusRun = command(QStringLiteral("carol"),
            {QStringLiteral("status"), QStringLiteral("--env"), env, QStringLiteral("--json")});
        if (statusRun.killed)
            continue;
        if (statusRun.exitCode != 0) {
            failures << u"status failed: " + statusRun.text();
            break;
        }
        const QJsonObject status = QJsonDocument::fromJson(statusRun.out).object();
        const QJsonObject engineJson = status.value(u"engine").toObject();
        if (!options.kills
            && (!engineJson.value(u"running").toBool() || engineJson.value(u"pid").toInteger() != consoleA.pid())) {
            failures << QStringLiteral("greenlightctl status says the engine is %1 while console A (pid %2) drives it")
                            .arg(engineJson.value(u"running").toBool()
                                    ? QStringLiteral("held by pid %1").arg(engineJson.value(u"pid").toInteger())
                                    : QStringLiteral("not running"))
                            .arg(consoleA.pid());
            break;
        }
        if (!options.kills) {
            // Each console sees console A as the engine holder too (reports at most 1.5 s old).
            for (const auto &[name, report] : consoleReports(QDateTime::currentMSecsSinceEpoch() - 1500)) {
                const QJsonObject e = report.value(u"engine").toObject();
                if (e.value(u"holderPid").toInteger() != consoleA.pid())
                    failures << QStringLiteral("%1 reports engine holder pid %2, console A is pid %3: %4")
                                    .arg(name)
                                    .arg(e.value(u"holderPid").toInteger())
                                    .arg(consoleA.pid())
                                    .arg(QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Compact)));
            }
            if (failed())
                break;
        }
        const QJsonObject rollout = status.value(u"rollout").toObject();
        const QString state = rollout.value(u"state").toString();
        const qint64 rolloutId = rollout.value(u"id").toInteger();
        const bool terminal
            = rollout.isEmpty() || state == u"completed" || state == u"aborted" || state == u"rolled-back";
        // Waiting at the gate with no approval counted yet: nothing moves it on until one arrives.
        const bool atGate = state == u"paused" && rollout.value(u"pauseReason").toString() == u"gate"
            && status.value(u"gate").isObject()
            && status.value(u"gate").toObject().value(u"gates").toArray().first().toObject().value(u"approvals").toInt()
                == 0;

        if (terminal && finishing && iteration > 1)
            break;

        if (terminal) {
            // A block on the rollout that just ended (harmless: no later rollout retries it).
            if (state == u"completed" && rolloutId > blockedUpTo) {
                const QString reason = QStringLiteral("integrity block %1 (%2)").arg(++reasonCounter).arg(runTag);
                const Run block = command(QStringLiteral("bob"),
                    {QStringLiteral("approve"), QStringLiteral("--env"), env, QStringLiteral("--rollout"),
                        QString::number(rolloutId), QStringLiteral("--block"), QStringLiteral("--input"),
                        u"reason=" + reason, QStringLiteral("--person"), QStringLiteral("bob")});
                if (!block.killed) {
                    const auto match = seqPattern.match(QString::fromUtf8(block.out));
                    if (block.exitCode != 0 || !match.hasMatch()) {
                        failures << u"approve --block failed: " + block.text();
                        break;
                    }
                    blockedUpTo = rolloutId;
                    Claim claim;
                    claim.kind = Claim::Kind::Decision;
                    claim.said = u"approve --block: " + QString::fromUtf8(block.out.trimmed());
                    claim.seq = match.captured(1).toLongLong();
                    claim.auditAction = QStringLiteral("approval.block");
                    claim.actor = QStringLiteral("bob");
                    claim.subject = QStringLiteral("rollout:%1").arg(rolloutId);
                    claims << claim;
                    claimLog << claim.said;
                }
            }
            // A new canary by alice: several steps with short pauses, the gate before 50 %.
            const QString version = versionText();
            const QString reason = QStringLiteral("integrity start %1 (%2)").arg(++reasonCounter).arg(runTag);
            const Run start = command(QStringLiteral("alice"),
                {QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("--env"), env,
                    QStringLiteral("--version"), version, QStringLiteral("--steps"), QStringLiteral("10,30,50,75,100"),
                    QStringLiteral("--pause"), QStringLiteral("2s"), QStringLiteral("--undeploy-delay"),
                    QStringLiteral("1s"), QStringLiteral("--reason"), reason, QStringLiteral("--json")});
            if (actionClaim(start, QStringLiteral("start"), reason, version))
                ++totalStarts;
        } else if (atGate) {
            // approvals list sees the gate the rollout waits at.
            const Run list = command(QStringLiteral("carol"),
                {QStringLiteral("approvals"), QStringLiteral("list"), QStringLiteral("--env"), env,
                    QStringLiteral("--json")});
            if (!list.killed) {
                const QJsonArray pending = QJsonDocument::fromJson(list.out).object().value(u"pending").toArray();
                if (list.exitCode != 0 || pending.isEmpty()
                    || pending.first().toObject().value(u"rollout").toInteger() != rolloutId) {
                    // No approval was sent since status saw the gate waiting with none counted.
                    failures << QStringLiteral(
                        "approvals list sees no waiting gate while status says rollout %1 waits: %2")
                                    .arg(rolloutId)
                                    .arg(list.text());
                    break;
                }
            }
            // The starter may not approve her own rollout.
            const Run own = command(QStringLiteral("alice"),
                {QStringLiteral("approve"), QStringLiteral("--env"), env, QStringLiteral("--rollout"),
                    QString::number(rolloutId), QStringLiteral("--gate"), QStringLiteral("prod-approval"),
                    QStringLiteral("--person"), QStringLiteral("alice")});
            if (!own.killed && (own.exitCode != 1 || !own.err.contains("separation of duties"))) {
                failures << u"alice approved her own rollout: " + own.text();
                break;
            }
            // bob approves: directly, or signed elsewhere (--export) and imported by alice.
            if (random.bounded(2) == 0) {
                const Run approve = command(QStringLiteral("bob"),
                    {QStringLiteral("approve"), QStringLiteral("--env"), env, QStringLiteral("--rollout"),
                        QString::number(rolloutId), QStringLiteral("--gate"), QStringLiteral("prod-approval"),
                        QStringLiteral("--person"), QStringLiteral("bob")});
                if (!approve.killed) {
                    const auto match = seqPattern.match(QString::fromUtf8(approve.out));
                    if (approve.exitCode != 0 || !match.hasMatch()) {
                        failures << u"bob's approve failed: " + approve.text();
                        break;
                    }
                    Claim claim;
                    claim.kind = Claim::Kind::Decision;
                    claim.said = u"approve: " + QString::fromUtf8(approve.out.trimmed());
                    claim.seq = match.captured(1).toLongLong();
                    claim.auditAction = QStringLiteral("approval.approve");
                    claim.actor = QStringLiteral("bob");
                    claim.subject = QStringLiteral("rollout:%1").arg(rolloutId);
                    claims << claim;
                    claimLog << claim.said;
                    ++gatesApproved;
                }
            } else {
                const Run exported = command(QStringLiteral("bob"),
                    {QStringLiteral("approve"), QStringLiteral("--env"), env, QStringLiteral("--rollout"),
                        QString::number(rolloutId), QStringLiteral("--gate"), QStringLiteral("prod-approval"),
                        QStringLiteral("--person"), QStringLiteral("bob"), QStringLiteral("--export")});
                if (!exported.killed) {
                    const QString token = QString::fromUtf8(exported.out.trimmed());
                    if (exported.exitCode != 0 || !token.startsWith(u"glt1.")) {
                        failures << u"approve --export failed: " + exported.text();
                        break;
                    }
                    const Run imported = command(QStringLiteral("alice"),
                        {QStringLiteral("approvals"), QStringLiteral("import"), QStringLiteral("--env"), env, token});
                    if (!imported.killed) {
                        if (imported.exitCode != 0 || !imported.out.startsWith("Imported and verified")) {
                            failures << u"approvals import failed: " + imported.text();
                            break;
                        }
                        Claim claim;
                        claim.kind = Claim::Kind::Token;
                        claim.said = u"approvals import: " + QString::fromUtf8(imported.out.trimmed());
                        claim.token = token;
                        claims << claim;
                        claimLog << claim.said;
                        ++gatesApproved;
                    }
                }
            }
        } else if (state == u"paused" && rollout.value(u"pauseReason").toString() == u"user") {
            const QString reason = QStringLiteral("integrity resume %1 (%2)").arg(++reasonCounter).arg(runTag);
            const Run resume = command(QStringLiteral("alice"),
                {QStringLiteral("rollout"), QStringLiteral("resume"), QStringLiteral("--env"), env,
                    QStringLiteral("--reason"), reason, QStringLiteral("--json")});
            actionClaim(resume, QStringLiteral("resume"), reason, QString());
        } else if (state == u"held") {
            const QString reason = QStringLiteral("integrity retry %1 (%2)").arg(++reasonCounter).arg(runTag);
            const Run resume = command(QStringLiteral("alice"),
                {QStringLiteral("rollout"), QStringLiteral("resume"), QStringLiteral("--env"), env,
                    QStringLiteral("--reason"), reason, QStringLiteral("--json")});
            actionClaim(resume, QStringLiteral("resume"), reason, QString());
        } else if (state == u"running" && !finishing && random.bounded(4) == 0) {
            const QString reason = QStringLiteral("integrity pause %1 (%2)").arg(++reasonCounter).arg(runTag);
            const Run pause = command(QStringLiteral("carol"),
                {QStringLiteral("rollout"), QStringLiteral("pause"), QStringLiteral("--env"), env,
                    QStringLiteral("--reason"), reason, QStringLiteral("--json")});
            actionClaim(pause, QStringLiteral("pause"), reason, QString());
        }
        if (failed())
            break;

        // One read-only command of the mix each round.
        switch (iteration % 5) {
        case 0: {
            const Run history = command(QStringLiteral("carol"),
                {QStringLiteral("history"), QStringLiteral("--env"), env, QStringLiteral("--json")});
            if (history.killed)
                break;
            const QString text = QString::fromUtf8(history.out);
            for (const Claim &claim : std::as_const(claims)) {
                if (claim.kind == Claim::Kind::Action && !text.contains(claim.reason))
                    failures << QStringLiteral("history --json lacks an action reported done: %1").arg(claim.said);
            }
            break;
        }
        case 1: {
            const Run verify = command(QStringLiteral("carol"),
                {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--env"), env});
            if (!verify.killed && verify.exitCode != 0)
                failures << u"audit verify during the run: " + verify.text();
            break;
        }
        case 2: {
            const Run exported = command(QStringLiteral("carol"),
                {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--env"), env,
                    QStringLiteral("--format"), QStringLiteral("jsonl")});
            if (exported.killed)
                break;
            if (exported.exitCode != 0)
                failures << u"audit export: " + exported.text();
            else
                checkExport(exported.out);
            break;
        }
        case 3: {
            const Run search = command(QStringLiteral("carol"),
                {QStringLiteral("runbook"), QStringLiteral("search"), QStringLiteral("rollback")});
            if (!search.killed && search.exitCode != 0)
                failures << u"runbook search: " + search.text();
            break;
        }
        default:
            QTest::qWait(200);
        }
    }
    qInfo("%lld s: %d rollouts started, %d gates approved, %d commands, %d kills, %lld claims", clock.elapsed() / 1000,
        totalStarts, gatesApproved, commandsRun, killsDone, qint64(claims.size()));
    QVERIFY2(!failed(), qPrintable(failures.join(u'\n') + diagnostics()));
    QVERIFY2(totalStarts >= 2 && gatesApproved >= 1,
        qPrintable(QStringLiteral("too little happened: %1 starts, %2 gates").arg(totalStarts).arg(gatesApproved)
            + diagnostics()));

    // Every process agrees: the CLI's status and audit head, and each console's report (fresh, from a live
    // console) name the same rollout (id, revision, state, step), the same engine holder and the same audit head.
    QString disagreement;
    const bool agreed = QTest::qWaitFor(
        [&] {
            const qint64 since = QDateTime::currentMSecsSinceEpoch();
            QTest::qWait(1300); // a report written after `since`
            const QJsonObject status = statusNow();
            const Run verify = ctlRun(QStringLiteral("carol"),
                {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--env"), env,
                    QStringLiteral("--json")});
            const QJsonObject verified = QJsonDocument::fromJson(verify.out).object();
            const QJsonObject rollout = status.value(u"rollout").toObject();
            const qint64 holder = status.value(u"engine").toObject().value(u"pid").toInteger();
            const auto key = [](const QJsonObject &o) {
                return QStringLiteral("rollout %1 rev %2 %3 step %4")
                    .arg(o.value(u"id").toInteger())
                    .arg(o.value(u"revision").toInteger())
                    .arg(o.value(u"state").toString())
                    .arg(o.value(u"step").toInt());
            };
            QStringList views {
                QStringLiteral("greenlightctl: %1, engine pid %2, audit head %3 (verify %4)")
                    .arg(key(rollout))
                    .arg(holder)
                    .arg(verified.value(u"lastSeq").toInteger())
                    .arg(verified.value(u"ok").toBool() ? QStringLiteral("ok") : QStringLiteral("BROKEN"))};
            bool same = verified.value(u"ok").toBool() && holder != 0;
            bool holderIsOurs = false;
            for (LongRunning *p : std::as_const(processes))
                holderIsOurs = holderIsOurs || p->pid() == holder;
            same = same && holderIsOurs;
            const auto reports = consoleReports(since);
            same = same && reports.size() == 2;
            for (const auto &[name, report] : reports) {
                const QJsonObject e = report.value(u"engine").toObject();
                const qint64 reportHolder = e.value(u"holderPid").toInteger();
                views << QStringLiteral("%1 (pid %2): %3, engine pid %4%5, audit head %6")
                             .arg(name)
                             .arg(report.value(u"pid").toInteger())
                             .arg(key(report.value(u"rollout").toObject()))
                             .arg(reportHolder)
                             .arg(e.value(u"drives").toBool() ? QStringLiteral(" (this console)") : QString())
                             .arg(report.value(u"auditHeadSeq").toInteger());
                same = same && key(report.value(u"rollout").toObject()) == key(rollout) && reportHolder == holder
                    && e.value(u"drives").toBool() == (report.value(u"pid").toInteger() == holder)
                    && report.value(u"auditHeadSeq").toInteger() == verified.value(u"lastSeq").toInteger();
            }
            disagreement = views.join(u'\n');
            return same;
        },
        20000);
    QVERIFY2(agreed, qPrintable(u"the processes do not agree:\n" + disagreement + diagnostics()));
    qInfo("all agree:\n%s", qPrintable(disagreement));

    // A last look at the open files of the processes still running, then everyone leaves.
    watcher.scanOnce();
    QVERIFY2(!failed(), qPrintable(failures.join(u'\n') + diagnostics()));
    for (LongRunning *p : std::as_const(processes))
        p->stop();
    watcher.stop();
    QVERIFY2(!failed(), qPrintable(failures.join(u'\n')));
    GL_VERIFY_NOTHING_LOST(sandbox);

    // The audit chain verifies, and every claim is in the files (read directly, no process left).
    r = ctlRun(
        QStringLiteral("carol"), {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--env"), env});
    QVERIFY2(r.exitCode == 0, qPrintable(u"audit verify at the end: " + r.text()));
    const QString connection = QStringLiteral("integrity-check");
    QStringList missing;
    {
        QSqlDatabase audit = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection + u"-audit");
        audit.setDatabaseName(dir + QStringLiteral("/state.audit.db"));
        audit.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlDatabase state = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection + u"-state");
        state.setDatabaseName(dir + QStringLiteral("/state.db"));
        state.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY2(audit.open() && state.open(), qPrintable(audit.lastError().text() + state.lastError().text()));
        const auto count = [](QSqlDatabase &db, const QString &sql, const QVariantList &bind) -> qint64 {
            QSqlQuery q(db);
            q.prepare(sql);
            for (const QVariant &v : bind)
                q.addBindValue(v);
            if (!q.exec() || !q.next())
                return -1;
            return q.value(0).toLongLong();
        };
        for (const Claim &claim : std::as_const(claims)) {
            switch (claim.kind) {
            case Claim::Kind::Decision:
                if (count(audit,
                        QStringLiteral("SELECT count(*) FROM audit_entries WHERE seq = ? AND action = ? AND actor = ? "
                                       "AND subject = ?"),
                        {claim.seq, claim.auditAction, claim.actor, claim.subject})
                    != 1)
                    missing << u"audit log: " + claim.said;
                break;
            case Claim::Kind::Token:
                if (count(audit, QStringLiteral("SELECT count(*) FROM audit_entries WHERE instr(detail, ?) > 0"),
                        {claim.token})
                    < 1)
                    missing << u"audit log: " + claim.said;
                break;
            case Claim::Kind::Action:
                if (count(audit,
                        QStringLiteral("SELECT count(*) FROM audit_entries WHERE action = ? AND instr(detail, ?) > 0"),
                        {claim.auditAction, claim.reason})
                    < 1)
                    missing << u"audit log: " + claim.said;
                if (count(state,
                        QStringLiteral("SELECT count(*) FROM rollout_actions WHERE reason = ? AND status = 'done'"),
                        {claim.reason})
                    != 1)
                    missing << u"state database (rollout_actions): " + claim.said;
                if (count(state,
                        QStringLiteral("SELECT count(*) FROM rollout_events WHERE rollout_id = ? AND kind = 'action' "
                                       "AND instr(detail, ?) > 0"),
                        {claim.rolloutId, claim.reason})
                    < 1)
                    missing << u"state database (rollout_events): " + claim.said;
                if (!claim.version.isEmpty()
                    && count(state, QStringLiteral("SELECT count(*) FROM rollouts WHERE id = ? AND version_to = ?"),
                           {claim.rolloutId, claim.version})
                        != 1)
                    missing << u"state database (rollouts): " + claim.said;
                break;
            }
        }
        audit.close();
        state.close();
    }
    QSqlDatabase::removeDatabase(connection + u"-audit");
    QSqlDatabase::removeDatabase(connection + u"-state");
    QVERIFY2(missing.isEmpty(),
        qPrintable(QStringLiteral("%1 of %2 records reported as recorded are missing:\n")
                       .arg(missing.size())
                       .arg(claims.size())
            + missing.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestIntegrity)
#include "tst_integrity.moc"
