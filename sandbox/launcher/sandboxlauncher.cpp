#include "sandboxlauncher.h"

#include "configwriter.h"
#include "localclients.h"
#include "portpicker.h"
#include "processcontrol.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <csignal>
#include <sys/types.h>

namespace gl::sandbox {
namespace {

constexpr int kPollMs = 10;

QString findProgram(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty()) // Debian installs haproxy in /usr/sbin, often not on a user's PATH
        path = QStandardPaths::findExecutable(name,
            {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"), QStringLiteral("/sbin"),
                QStringLiteral("/usr/bin")});
    return path;
}

QString serviceProgram()
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/greenlight-sample-service");
}

bool validVersion(const QString &version)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return pattern.match(version).hasMatch();
}

// Rows of HAProxy's `show stat` for `backend`'s servers: svname -> column -> value.
QMap<QString, QMap<QString, QString>> serverStats(const QString &socket, const QString &backend, QString *error)
{
    QMap<QString, QMap<QString, QString>> rows;
    const QByteArray reply = haproxyCommand(socket, "show stat", error);
    const QList<QByteArray> lines = reply.split('\n');
    if (lines.isEmpty() || !lines.first().startsWith("# ")) {
        if (error && error->isEmpty())
            *error = QStringLiteral("unexpected reply to show stat: %1").arg(QString::fromUtf8(reply.left(200)));
        return rows;
    }
    const QList<QByteArray> header = lines.first().mid(2).split(',');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> cells = lines.at(i).split(',');
        if (cells.size() < 2 || cells.at(0) != backend.toUtf8() || cells.at(1) == "BACKEND")
            continue;
        QMap<QString, QString> row;
        for (qsizetype c = 0; c < header.size() && c < cells.size(); ++c)
            row.insert(QString::fromUtf8(header.at(c)), QString::fromUtf8(cells.at(c)));
        rows.insert(QString::fromUtf8(cells.at(1)), row);
    }
    return rows;
}

QString describe(const ProcessRecord &p)
{
    return p.role == u"service" ? QStringLiteral("service %1 (%2)").arg(p.slot, p.version) : p.role;
}

} // namespace

SandboxLauncher::SandboxLauncher(QString dir, QTextStream &out, QTextStream &err)
    : m_dir(QDir::cleanPath(QDir(dir).absolutePath()))
    , m_out(out)
    , m_err(err)
{ }

bool SandboxLauncher::lock()
{
    m_lock = std::make_unique<QLockFile>(m_dir + QStringLiteral("/sandbox.lock"));
    m_lock->setStaleLockTime(0); // stale only when its holder is gone
    if (!m_lock->tryLock(60000)) {
        m_err << "greenlight-sandbox: " << m_dir << "/sandbox.lock is held by another command\n";
        return false;
    }
    return true;
}

QString SandboxLauncher::logTail(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray data = file.readAll();
    return QString::fromUtf8(data.right(1500)).trimmed();
}

QString SandboxLauncher::startService(SandboxState &state, const QString &slotName, const QString &version)
{
    SlotRecord *slot = state.slot(slotName);
    if (!slot)
        return QStringLiteral("no slot %1").arg(slotName);
    const FaultRecord fault = state.faults.value(version);
    const QString log = state.path(QStringLiteral("logs/service-%1.log").arg(slotName));
    QString lastError;
    for (int attempt = 0; attempt < 3; ++attempt) {
        // Never a port this sandbox has given to something else that may not listen yet (a slot whose service
        // starts later): with many slots the system hands those out again otherwise.
        const auto reserved = [&state](quint16 port) {
            if (port == state.frontendPort || port == state.metricsPort || port == state.prometheusPort)
                return true;
            return std::any_of(state.serverSlots.cbegin(), state.serverSlots.cend(),
                [port](const SlotRecord &s) { return s.port == port; });
        };
        QList<quint16> adminPorts;
        for (int pick = 0; pick < 50 && adminPorts.isEmpty(); ++pick) {
            adminPorts = pickFreeLoopbackPorts(1);
            if (adminPorts.isEmpty())
                return QStringLiteral("no free loopback port");
            if (reserved(adminPorts.first()))
                adminPorts.clear();
        }
        if (adminPorts.isEmpty())
            return QStringLiteral("no free loopback port");
        ProcessRecord record;
        record.role = QStringLiteral("service");
        record.slot = slotName;
        record.version = version;
        record.port = slot->port;
        record.adminPort = adminPorts.first();
        record.log = log;
        record.command = {serviceProgram(), QStringLiteral("--version"), version, QStringLiteral("--port"),
            QString::number(slot->port), QStringLiteral("--admin-port"), QString::number(record.adminPort),
            QStringLiteral("--error-rate"), QString::number(fault.errorRate), QStringLiteral("--latency-ms"),
            QString::number(fault.latencyMs), QStringLiteral("--sandbox"), state.dir};
        record.pid = processcontrol::startDetached(record.command.first(), record.command.mid(1), log, &lastError);
        if (record.pid == 0)
            return lastError;
        const QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            if (!processcontrol::isRunning(record.pid))
                break;
            if (httpRequest(slot->port, "GET", "/healthz", 500).status == 200) {
                state.processes << record;
                slot->version = version;
                return {};
            }
            QThread::msleep(kPollMs);
        }
        lastError = QStringLiteral("the service for slot %1 did not become healthy on 127.0.0.1:%2: %3")
                        .arg(slotName)
                        .arg(slot->port)
                        .arg(logTail(log));
        (void)processcontrol::stop(record.pid, 1000);
    }
    return lastError;
}

QString SandboxLauncher::startHaproxy(SandboxState &state)
{
    const QString program = findProgram(QStringLiteral("haproxy"));
    if (program.isEmpty())
        return QStringLiteral("haproxy is not installed (Debian package haproxy)");
    const QString log = state.path(QStringLiteral("logs/haproxy.log"));
    QString lastError;
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (attempt > 0) { // a port was taken between picking and binding: pick again
            const QList<quint16> ports = pickFreeLoopbackPorts(2);
            if (ports.size() != 2)
                return QStringLiteral("no free loopback port");
            state.frontendPort = ports.at(0);
            state.metricsPort = ports.at(1);
        }
        if (QString error = configwriter::writeHaproxyConfig(state); !error.isEmpty())
            return error;
        QFile::remove(state.adminSocket());
        ProcessRecord record;
        record.role = QStringLiteral("haproxy");
        record.port = state.frontendPort;
        record.log = log;
        // -W: master-worker; -S: the master CLI socket (reload, show proc). Not -D: it stays our child's child,
        // detached by QProcess, so the PID we record is the master's.
        record.command = {program, QStringLiteral("-W"), QStringLiteral("-S"),
            state.path(QStringLiteral("master.sock")), QStringLiteral("-f"), state.path(QStringLiteral("haproxy.cfg"))};
        record.pid = processcontrol::startDetached(program, record.command.mid(1), log, &lastError);
        if (record.pid == 0)
            return lastError;
        const QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired() && processcontrol::isRunning(record.pid)) {
            QString error;
            if (haproxyCommand(state.adminSocket(), "show info", &error, 500).contains("Pid:")
                && isListening(state.frontendPort) && isListening(state.metricsPort)) {
                state.processes << record;
                return {};
            }
            QThread::msleep(kPollMs);
        }
        lastError = QStringLiteral("haproxy did not start: %1").arg(logTail(log));
        (void)processcontrol::stop(record.pid, 1000);
    }
    return lastError;
}

QString SandboxLauncher::waitForHaproxyServing(const SandboxState &state, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QString problem;
    while (!deadline.hasExpired()) {
        QString error;
        const auto rows = serverStats(state.adminSocket(), state.backend, &error);
        bool allUp = !rows.isEmpty();
        for (const SlotRecord &slot : state.serverSlots) {
            if (slot.version.isEmpty())
                continue;
            const QString status = rows.value(slot.name).value(QStringLiteral("status"));
            if (!status.startsWith(u"UP")) {
                allUp = false;
                problem = QStringLiteral("server %1/%2 is %3").arg(state.backend, slot.name, status);
            }
        }
        if (allUp) {
            const HttpResult answer = httpRequest(state.frontendPort, "GET", "/", 2000);
            if (answer.status == 200)
                return {};
            problem = QStringLiteral("the frontend answered %1 %2").arg(answer.status).arg(answer.error);
        } else if (!error.isEmpty()) {
            problem = error;
        }
        QThread::msleep(kPollMs);
    }
    return QStringLiteral("HAProxy is not serving: %1").arg(problem);
}

QString SandboxLauncher::startPrometheus(SandboxState &state)
{
    const QString program = findProgram(QStringLiteral("prometheus"));
    if (program.isEmpty())
        return QStringLiteral("prometheus is not installed (Debian package prometheus)");
    if (QString error = configwriter::writePrometheusConfig(state); !error.isEmpty())
        return error;
    const QString log = state.path(QStringLiteral("logs/prometheus.log"));
    QString lastError;
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (attempt > 0) {
            const QList<quint16> ports = pickFreeLoopbackPorts(1);
            if (ports.isEmpty())
                return QStringLiteral("no free loopback port");
            state.prometheusPort = ports.first();
        }
        ProcessRecord record;
        record.role = QStringLiteral("prometheus");
        record.port = state.prometheusPort;
        record.log = log;
        record.command = {program, QStringLiteral("--config.file=%1").arg(state.path(QStringLiteral("prometheus.yml"))),
            QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(state.prometheusPort),
            QStringLiteral("--storage.tsdb.path=%1").arg(state.path(QStringLiteral("prometheus-data"))),
            QStringLiteral("--storage.tsdb.retention.time=2h")};
        record.pid = processcontrol::startDetached(program, record.command.mid(1), log, &lastError);
        if (record.pid == 0)
            return lastError;
        const QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired() && processcontrol::isRunning(record.pid)) {
            if (httpRequest(state.prometheusPort, "GET", "/-/ready", 500).status == 200) {
                state.processes << record;
                return {};
            }
            QThread::msleep(kPollMs);
        }
        lastError = QStringLiteral("prometheus did not become ready: %1").arg(logTail(log));
        (void)processcontrol::stop(record.pid, 2000);
    }
    return lastError;
}

QString SandboxLauncher::waitForFirstScrape(const SandboxState &state, int expectedTargets, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    int upCount = 0;
    while (!deadline.hasExpired()) {
        // One number, not every `up` series: a long answer comes chunked, which httpRequest() does not decode.
        const HttpResult answer
            = httpRequest(state.prometheusPort, "GET", "/api/v1/query?query=count(up%20%3D%3D%201)", 1000);
        if (answer.status == 200) {
            const QJsonArray result
                = QJsonDocument::fromJson(answer.body).object().value(u"data").toObject().value(u"result").toArray();
            upCount
                = result.isEmpty() ? 0 : result.first().toObject().value(u"value").toArray().at(1).toString().toInt();
            if (upCount >= expectedTargets)
                return {};
        }
        QThread::msleep(50);
    }
    return QStringLiteral("Prometheus scraped %1 of %2 targets").arg(upCount).arg(expectedTargets);
}

QString SandboxLauncher::startLoadGenerator(SandboxState &state)
{
    const QString log = state.path(QStringLiteral("logs/loadgen.log"));
    QFile::remove(state.path(QStringLiteral("loadgen.json")));
    ProcessRecord record;
    record.role = QStringLiteral("loadgen");
    record.log = log;
    record.command = {QCoreApplication::applicationFilePath(), QStringLiteral("loadgen"), QStringLiteral("--dir"),
        state.dir, QStringLiteral("--port"), QString::number(state.frontendPort), QStringLiteral("--rps"),
        QString::number(state.rps)};
    QString error;
    record.pid = processcontrol::startDetached(record.command.first(), record.command.mid(1), log, &error);
    if (record.pid == 0)
        return error;
    state.processes << record;
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && processcontrol::isRunning(record.pid)) {
        QFile file(state.path(QStringLiteral("loadgen.json")));
        if (file.open(QIODevice::ReadOnly)) {
            const QJsonObject counts = QJsonDocument::fromJson(file.readAll()).object();
            if (state.rps <= 0 || counts.value(u"total").toInteger() > 0)
                return {};
        }
        QThread::msleep(kPollMs);
    }
    return QStringLiteral("the load generator did not start: %1").arg(logTail(log));
}

int SandboxLauncher::up(const UpOptions &options)
{
    QElapsedTimer clock;
    clock.start();
    if (!validVersion(options.version) || options.slotsPerColour < 1 || options.slotsPerColour > 128 || options.rps < 0
        || options.rps > 2000) {
        m_err << "greenlight-sandbox up: --slots must be 1..128, --rps 0..2000, --version [A-Za-z0-9._-]+\n";
        return 2;
    }
    if (!QDir().mkpath(m_dir + QStringLiteral("/logs"))) {
        m_err << "greenlight-sandbox: cannot create " << m_dir << '\n';
        return 1;
    }
    if (!lock())
        return 1;
    SandboxState previous;
    QString ignored;
    if (SandboxState::load(m_dir, &previous, &ignored)) {
        for (const ProcessRecord &p : previous.processes) {
            if (processcontrol::belongsTo(p.pid, m_dir)) {
                m_err << "greenlight-sandbox: a sandbox already runs in " << m_dir << " (" << describe(p) << ", pid "
                      << p.pid << "); run `greenlight-sandbox down --dir " << m_dir << "` first\n";
                return 1;
            }
        }
    }

    SandboxState state;
    state.dir = m_dir;
    state.name = options.name;
    state.rps = qRound(options.rps);
    const int n = options.slotsPerColour;
    const QList<quint16> ports = pickFreeLoopbackPorts(3 + 2 * n);
    if (ports.size() != 3 + 2 * n) {
        m_err << "greenlight-sandbox: no free loopback ports\n";
        return 1;
    }
    state.frontendPort = ports.at(0);
    state.metricsPort = ports.at(1);
    state.prometheusPort = ports.at(2);
    for (int i = 0; i < n; ++i)
        state.serverSlots << SlotRecord {
            QStringLiteral("blue%1").arg(i + 1), QStringLiteral("blue"), ports.at(3 + i), {}};
    for (int i = 0; i < n; ++i)
        state.serverSlots << SlotRecord {
            QStringLiteral("green%1").arg(i + 1), QStringLiteral("green"), ports.at(3 + n + i), {}};

    auto fail = [&](const QString &what) {
        m_err << "greenlight-sandbox up: " << what << '\n';
        const int leftovers = stopAll(state, false);
        QString error;
        (void)state.save(&error);
        if (leftovers > 0)
            m_err << "greenlight-sandbox up: " << leftovers << " process(es) could not be stopped\n";
        return 1;
    };
    QString error;
    if (!state.save(&error))
        return fail(error);
    // Prometheus first: version 2.42 hands discovered targets to its scrape manager on a 5 s tick, so the first
    // scrape comes ~5 s after start whatever we do; the services, HAProxy and the load generator start meanwhile.
    QStringList steps;
    QElapsedTimer step;
    step.start();
    auto mark
        = [&](const char *what) { steps << QStringLiteral("%1 %2 ms").arg(QLatin1String(what)).arg(step.restart()); };
    if (error = configwriter::writeServiceTargets(state); !error.isEmpty())
        return fail(error);
    // A fresh TSDB: samples of an earlier sandbox in this directory would make `up` look scraped already.
    QDir(state.path(QStringLiteral("prometheus-data"))).removeRecursively();
    if (error = startPrometheus(state); !error.isEmpty())
        return fail(error);
    (void)state.save(&error);
    mark("prometheus ready");
    for (int i = 0; i < n; ++i) {
        if (error = startService(state, state.serverSlots.at(i).name, options.version); !error.isEmpty())
            return fail(error);
    }
    if (error = configwriter::writeServiceTargets(state); !error.isEmpty())
        return fail(error);
    (void)state.save(&error);
    mark("services healthy");
    const quint16 metricsPort = state.metricsPort;
    if (error = startHaproxy(state); !error.isEmpty())
        return fail(error);
    (void)state.save(&error);
    if (state.metricsPort != metricsPort) { // HAProxy had to move: point Prometheus at the new exporter port
        if (error = configwriter::writePrometheusConfig(state); !error.isEmpty())
            return fail(error);
        for (const ProcessRecord &p : std::as_const(state.processes)) {
            if (p.role == u"prometheus")
                ::kill(pid_t(p.pid), SIGHUP);
        }
    }
    if (error = waitForHaproxyServing(state, 15000); !error.isEmpty())
        return fail(error);
    mark("haproxy serving");
    if (error = startLoadGenerator(state); !error.isEmpty())
        return fail(error);
    mark("load generator running");
    if (error = waitForFirstScrape(state, 1 + n, 30000); !error.isEmpty())
        return fail(error);
    mark("first scrape");
    if (error = configwriter::writeEnvironmentFile(state, QCoreApplication::applicationFilePath()); !error.isEmpty())
        return fail(error);
    if (!state.save(&error))
        return fail(error);

    m_out << "sandbox up in " << clock.elapsed() << " ms: " << m_dir << '\n'
          << "  frontend     http://127.0.0.1:" << state.frontendPort << "/\n"
          << "  prometheus   http://127.0.0.1:" << state.prometheusPort << "/\n"
          << "  haproxy      runtime API " << state.adminSocket() << ", exporter http://127.0.0.1:" << state.metricsPort
          << "/metrics\n"
          << "  backend      " << state.backend << ": blue1..blue" << n << " serve " << options.version
          << ", green1..green" << n << " idle (maint)\n"
          << "  load         " << state.rps << " req/s (greenlight-sandbox stats --dir " << m_dir << " --json)\n"
          << "  environment  " << state.path(QStringLiteral("environment.yaml")) << '\n'
          << "  steps        " << steps.join(QStringLiteral(", ")) << '\n';
    return 0;
}

int SandboxLauncher::stopAll(SandboxState &state, bool verbose)
{
    // The load generator first (its last counts are written at SIGTERM), then what it talks to.
    const QStringList order {
        QStringLiteral("loadgen"), QStringLiteral("prometheus"), QStringLiteral("haproxy"), QStringLiteral("service")};
    int failures = 0;
    QList<ProcessRecord> remaining;
    for (const QString &role : order) {
        for (const ProcessRecord &p : std::as_const(state.processes)) {
            if (p.role != role)
                continue;
            if (!processcontrol::isRunning(p.pid)) {
                if (verbose)
                    m_out << "  " << describe(p) << " (pid " << p.pid << "): already stopped\n";
                continue;
            }
            if (!processcontrol::belongsTo(p.pid, m_dir)) {
                if (verbose)
                    m_out << "  " << describe(p) << " (pid " << p.pid
                          << "): gone; the PID now belongs to another process, left alone\n";
                continue;
            }
            if (processcontrol::stop(p.pid)) {
                if (verbose)
                    m_out << "  " << describe(p) << " (pid " << p.pid << "): stopped\n";
            } else {
                ++failures;
                remaining << p;
                m_err << "  " << describe(p) << " (pid " << p.pid << "): could not be stopped\n";
            }
        }
    }
    // Anything else of ours still naming this directory (for example an HAProxy worker left by a reload).
    for (qint64 pid : processcontrol::findByDirectory(m_dir)) {
        bool known = false;
        for (const ProcessRecord &p : std::as_const(remaining))
            known = known || p.pid == pid;
        if (known)
            continue;
        const QString what = processcontrol::commandLine(pid).join(u' ');
        if (processcontrol::stop(pid)) {
            if (verbose)
                m_out << "  leftover pid " << pid << " (" << what << "): stopped\n";
        } else {
            ++failures;
            m_err << "  leftover pid " << pid << " (" << what << "): could not be stopped\n";
        }
    }
    state.processes = remaining;
    for (SlotRecord &slot : state.serverSlots) {
        if (!state.serviceOf(slot.name))
            slot.version.clear();
    }
    return failures;
}

int SandboxLauncher::down()
{
    SandboxState state;
    QString error;
    if (!SandboxState::load(m_dir, &state, &error)) {
        m_err << "greenlight-sandbox down: " << error << '\n';
        return 1;
    }
    if (!lock())
        return 1;
    m_out << "stopping the sandbox in " << m_dir << '\n';
    const int failures = stopAll(state, true);
    (void)state.save(&error);
    QFile::remove(state.path(QStringLiteral("admin.sock")));
    QFile::remove(state.path(QStringLiteral("master.sock")));
    if (failures > 0) {
        m_err << "greenlight-sandbox down: " << failures << " process(es) could not be stopped\n";
        return 1;
    }
    m_out << "sandbox down\n";
    return 0;
}

int SandboxLauncher::status(bool json)
{
    SandboxState state;
    QString error;
    if (!SandboxState::load(m_dir, &state, &error)) {
        m_err << "greenlight-sandbox status: " << error << '\n';
        return 1;
    }
    QString statError;
    const auto rows = serverStats(state.adminSocket(), state.backend, &statError);
    QJsonArray processes;
    bool healthy = !state.processes.isEmpty();
    for (const ProcessRecord &p : std::as_const(state.processes)) {
        const bool running = processcontrol::belongsTo(p.pid, m_dir);
        healthy = healthy && running;
        QJsonObject object {{QStringLiteral("role"), p.role}, {QStringLiteral("pid"), p.pid},
            {QStringLiteral("port"), p.port},
            {QStringLiteral("state"), running ? QStringLiteral("running") : QStringLiteral("stopped")},
            {QStringLiteral("log"), p.log}};
        if (p.role == u"service") {
            object.insert(QStringLiteral("slot"), p.slot);
            object.insert(QStringLiteral("version"), p.version);
            object.insert(QStringLiteral("adminPort"), p.adminPort);
        }
        processes.append(object);
    }
    QJsonArray slotArray;
    for (const SlotRecord &slot : std::as_const(state.serverSlots)) {
        const auto row = rows.value(slot.name);
        const ProcessRecord *process = state.serviceOf(slot.name);
        slotArray.append(QJsonObject {{QStringLiteral("name"), slot.name}, {QStringLiteral("colour"), slot.colour},
            {QStringLiteral("address"), QStringLiteral("127.0.0.1:%1").arg(slot.port)},
            {QStringLiteral("version"), slot.version}, {QStringLiteral("pid"), process ? process->pid : 0},
            {QStringLiteral("haproxyStatus"), row.value(QStringLiteral("status"))},
            {QStringLiteral("weight"), row.value(QStringLiteral("weight")).toInt()},
            {QStringLiteral("currentSessions"), row.value(QStringLiteral("scur")).toInt()}});
    }
    if (json) {
        m_out << QJsonDocument(
            QJsonObject {{QStringLiteral("dir"), m_dir}, {QStringLiteral("name"), state.name},
                {QStringLiteral("healthy"), healthy},
                {QStringLiteral("frontend"), QStringLiteral("http://127.0.0.1:%1/").arg(state.frontendPort)},
                {QStringLiteral("prometheus"), QStringLiteral("http://127.0.0.1:%1/").arg(state.prometheusPort)},
                {QStringLiteral("runtimeApi"), state.adminSocket()}, {QStringLiteral("processes"), processes},
                {QStringLiteral("slots"), slotArray}})
                     .toJson(QJsonDocument::Indented);
        return 0;
    }
    m_out << "sandbox " << state.name << " in " << m_dir << (healthy ? " (all processes running)" : "") << '\n';
    m_out << QStringLiteral("  %1 %2 %3 %4\n")
                 .arg(QStringLiteral("PROCESS"), -24)
                 .arg(QStringLiteral("PID"), -8)
                 .arg(QStringLiteral("PORT"), -6)
                 .arg(QStringLiteral("STATE"));
    for (const QJsonValue &v : std::as_const(processes)) {
        const QJsonObject p = v.toObject();
        const QString name = p.value(u"role").toString() == u"service"
            ? QStringLiteral("service %1 %2").arg(p.value(u"slot").toString(), p.value(u"version").toString())
            : p.value(u"role").toString();
        m_out << QStringLiteral("  %1 %2 %3 %4\n")
                     .arg(name, -24)
                     .arg(p.value(u"pid").toInteger(), -8)
                     .arg(
                         p.value(u"port").toInt() ? QString::number(p.value(u"port").toInt()) : QStringLiteral("-"), -6)
                     .arg(p.value(u"state").toString());
    }
    m_out << QStringLiteral("  %1 %2 %3 %4 %5\n")
                 .arg(QStringLiteral("SLOT"), -10)
                 .arg(QStringLiteral("ADDRESS"), -16)
                 .arg(QStringLiteral("VERSION"), -10)
                 .arg(QStringLiteral("HAPROXY"), -10)
                 .arg(QStringLiteral("WEIGHT"));
    for (const QJsonValue &v : std::as_const(slotArray)) {
        const QJsonObject s = v.toObject();
        m_out << QStringLiteral("  %1 %2 %3 %4 %5\n")
                     .arg(s.value(u"name").toString(), -10)
                     .arg(s.value(u"address").toString(), -16)
                     .arg(s.value(u"version").toString().isEmpty() ? QStringLiteral("-")
                                                                   : s.value(u"version").toString(),
                         -10)
                     .arg(s.value(u"haproxyStatus").toString(), -10)
                     .arg(s.value(u"weight").toInt());
    }
    if (!statError.isEmpty())
        m_out << "  (HAProxy runtime API: " << statError << ")\n";
    return 0;
}

int SandboxLauncher::stats(bool json)
{
    QFile file(m_dir + QStringLiteral("/loadgen.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        m_err << "greenlight-sandbox stats: no load generator counts in " << m_dir << " (" << file.errorString()
              << ")\n";
        return 1;
    }
    const QJsonObject counts = QJsonDocument::fromJson(file.readAll()).object();
    if (json) {
        m_out << QJsonDocument(counts).toJson(QJsonDocument::Indented);
        return 0;
    }
    auto line = [](const QJsonObject &map) {
        QStringList parts;
        for (auto it = map.begin(); it != map.end(); ++it)
            parts << QStringLiteral("%1=%2").arg(it.key()).arg(it->toInteger());
        return parts.join(u' ');
    };
    m_out << "requests since up: " << counts.value(u"total").toInteger() << " answered, "
          << counts.value(u"inFlight").toInteger() << " in flight, at " << counts.value(u"rps").toDouble() << " req/s\n"
          << "  by version:        " << line(counts.value(u"byVersion").toObject()) << '\n'
          << "  by status:         " << line(counts.value(u"byStatus").toObject()) << '\n'
          << "  connection errors: " << counts.value(u"connectionErrors").toInteger() << '\n'
          << "  timeouts:          " << counts.value(u"timeouts").toInteger() << '\n'
          << "  HAProxy 503s:      " << counts.value(u"haproxy503").toInteger() << '\n'
          << "  lost:              " << counts.value(u"lost").toInteger() << '\n';
    return 0;
}

int SandboxLauncher::fault(
    const QString &version, std::optional<double> errorRate, std::optional<int> latencyMs, bool clear)
{
    if (!validVersion(version) || (errorRate && (*errorRate < 0 || *errorRate > 1))
        || (latencyMs && (*latencyMs < 0 || *latencyMs > 60000)) || (!clear && !errorRate && !latencyMs)) {
        m_err << "greenlight-sandbox fault: --version V and --error-rate 0..1, --latency-ms 0..60000 or --clear\n";
        return 2;
    }
    SandboxState state;
    QString error;
    if (!SandboxState::load(m_dir, &state, &error)) {
        m_err << "greenlight-sandbox fault: " << error << '\n';
        return 1;
    }
    if (!lock())
        return 1;
    FaultRecord fault = clear ? FaultRecord {} : state.faults.value(version);
    if (errorRate)
        fault.errorRate = *errorRate;
    if (latencyMs)
        fault.latencyMs = *latencyMs;
    if (fault.errorRate == 0 && fault.latencyMs == 0)
        state.faults.remove(version);
    else
        state.faults.insert(version, fault);
    if (!state.save(&error)) {
        m_err << "greenlight-sandbox fault: " << error << '\n';
        return 1;
    }
    const QByteArray request
        = QStringLiteral("/admin/fault?error_rate=%1&latency_ms=%2").arg(fault.errorRate).arg(fault.latencyMs).toUtf8();
    int applied = 0;
    int failed = 0;
    for (const ProcessRecord &p : std::as_const(state.processes)) {
        if (p.role != u"service" || p.version != version || !processcontrol::isRunning(p.pid))
            continue;
        const HttpResult answer = httpRequest(p.adminPort, "POST", request);
        if (answer.status == 200) {
            ++applied;
        } else {
            ++failed;
            m_err << "  slot " << p.slot << ": the service refused the fault (" << answer.status << ' ' << answer.error
                  << ")\n";
        }
    }
    m_out << "fault for " << version << ": error rate " << fault.errorRate << ", latency " << fault.latencyMs
          << " ms; applied to " << applied << " running instance(s), kept for instances started later\n";
    return failed == 0 ? 0 : 1;
}

int SandboxLauncher::deploy(const QString &slotName, const QString &version)
{
    if (!validVersion(version) || slotName.isEmpty()) {
        m_err << "greenlight-sandbox deploy: --slot S and --version V ([A-Za-z0-9._-]+) are required\n";
        return 2;
    }
    SandboxState state;
    QString error;
    if (!SandboxState::load(m_dir, &state, &error)) {
        m_err << "greenlight-sandbox deploy: " << error << '\n';
        return 1;
    }
    if (!lock())
        return 1;
    if (!SandboxState::load(m_dir, &state, &error)) { // re-read under the lock
        m_err << "greenlight-sandbox deploy: " << error << '\n';
        return 1;
    }
    if (!state.slot(slotName)) {
        m_err << "greenlight-sandbox deploy: no slot " << slotName << " in " << m_dir << '\n';
        return 1;
    }
    QElapsedTimer clock;
    clock.start();
    // Replace whatever runs behind the slot: the old process answers what it has in flight, then exits.
    if (const ProcessRecord *old = state.serviceOf(slotName)) {
        const qint64 pid = old->pid;
        if (processcontrol::belongsTo(pid, m_dir) && !processcontrol::stop(pid)) {
            m_err << "greenlight-sandbox deploy: the old service behind " << slotName << " (pid " << pid
                  << ") could not be stopped\n";
            return 1;
        }
        state.removeProcess(pid);
    }
    state.slot(slotName)->version.clear();
    error = startService(state, slotName, version);
    QString writeError = configwriter::writeServiceTargets(state);
    if (writeError.isEmpty())
        writeError = configwriter::writeEnvironmentFile(state, QCoreApplication::applicationFilePath());
    QString saveError;
    (void)state.save(&saveError);
    if (!error.isEmpty() || !writeError.isEmpty()) {
        m_err << "greenlight-sandbox deploy: " << (error.isEmpty() ? writeError : error) << '\n';
        return 1;
    }
    const ProcessRecord *process = state.serviceOf(slotName);
    m_out << "deployed " << version << " to slot " << slotName << " (127.0.0.1:" << state.slot(slotName)->port
          << ", pid " << process->pid << ") in " << clock.elapsed() << " ms\n";
    return 0;
}

int SandboxLauncher::undeploy(const QString &slotName)
{
    SandboxState state;
    QString error;
    if (slotName.isEmpty()) {
        m_err << "greenlight-sandbox undeploy: --slot S is required\n";
        return 2;
    }
    if (!lock() || !SandboxState::load(m_dir, &state, &error)) {
        m_err << "greenlight-sandbox undeploy: " << error << '\n';
        return 1;
    }
    if (!state.slot(slotName)) {
        m_err << "greenlight-sandbox undeploy: no slot " << slotName << " in " << m_dir << '\n';
        return 1;
    }
    const ProcessRecord *old = state.serviceOf(slotName);
    if (!old) {
        m_out << "slot " << slotName << " is already idle\n";
        return 0;
    }
    const qint64 pid = old->pid;
    if (processcontrol::belongsTo(pid, m_dir) && !processcontrol::stop(pid)) {
        m_err << "greenlight-sandbox undeploy: the service behind " << slotName << " (pid " << pid
              << ") could not be stopped\n";
        return 1;
    }
    state.removeProcess(pid);
    state.slot(slotName)->version.clear();
    QString writeError = configwriter::writeServiceTargets(state);
    if (writeError.isEmpty())
        writeError = configwriter::writeEnvironmentFile(state, QCoreApplication::applicationFilePath());
    if (writeError.isEmpty() && !state.save(&writeError))
        writeError = QStringLiteral("cannot save the sandbox state: %1").arg(writeError);
    if (!writeError.isEmpty()) {
        m_err << "greenlight-sandbox undeploy: " << writeError << '\n';
        return 1;
    }
    m_out << "undeployed slot " << slotName << " (pid " << pid << " stopped)\n";
    return 0;
}

} // namespace gl::sandbox
