#include "processcontrol.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

#include <csignal>
#include <sys/types.h>

namespace gl::sandbox::processcontrol {
namespace {

QByteArray readProcFile(qint64 pid, const char *name)
{
    QFile file(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

qint64 startDetached(const QString &program, const QStringList &arguments, const QString &logFile, QString *error)
{
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(logFile, QIODevice::Append);
    process.setStandardErrorFile(logFile, QIODevice::Append);
    qint64 pid = 0;
    if (!process.startDetached(&pid)) {
        if (error)
            *error = QStringLiteral("cannot start %1: %2").arg(program, process.errorString());
        return 0;
    }
    return pid;
}

bool isRunning(qint64 pid)
{
    if (pid <= 0 || ::kill(pid_t(pid), 0) != 0)
        return false;
    // /proc/PID/stat: "pid (comm) S ..." with comm possibly containing spaces or parentheses.
    const QByteArray stat = readProcFile(pid, "stat");
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0 || close + 2 >= stat.size())
        return true;
    const char state = stat.at(close + 2);
    return state != 'Z' && state != 'X';
}

QStringList commandLine(qint64 pid)
{
    QStringList result;
    const QByteArray raw = readProcFile(pid, "cmdline");
    for (const QByteArray &part : raw.split('\0')) {
        if (!part.isEmpty())
            result << QString::fromLocal8Bit(part);
    }
    return result;
}

bool belongsTo(qint64 pid, const QString &sandboxDir)
{
    if (!isRunning(pid))
        return false;
    const QString dir = QDir::cleanPath(sandboxDir);
    const QString under = dir + u'/';
    for (const QString &arg : commandLine(pid)) {
        if (arg == dir || arg.contains(under) || arg.endsWith(u'=' + dir))
            return true;
    }
    return false;
}

bool stop(qint64 pid, int graceMs)
{
    if (!isRunning(pid))
        return true;
    ::kill(pid_t(pid), SIGTERM);
    QDeadlineTimer grace(graceMs);
    while (!grace.hasExpired()) {
        if (!isRunning(pid))
            return true;
        QThread::msleep(10);
    }
    ::kill(pid_t(pid), SIGKILL);
    QDeadlineTimer hard(1000);
    while (!hard.hasExpired()) {
        if (!isRunning(pid))
            return true;
        QThread::msleep(10);
    }
    return !isRunning(pid);
}

QList<qint64> findByDirectory(const QString &sandboxDir)
{
    static const QStringList programs {QStringLiteral("haproxy"), QStringLiteral("prometheus"),
        QStringLiteral("greenlight-sample-service"), QStringLiteral("greenlight-sandbox")};
    QList<qint64> result;
    const qint64 self = QCoreApplication::applicationPid();
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid || pid == self)
            continue;
        const QStringList args = commandLine(pid);
        if (args.isEmpty() || !programs.contains(QFileInfo(args.first()).fileName()))
            continue;
        // Of the launcher's own processes only the load generator is long-lived; a concurrent `deploy` is not ours
        // to stop.
        if (QFileInfo(args.first()).fileName() == u"greenlight-sandbox" && !args.contains(u"loadgen"))
            continue;
        if (belongsTo(pid, sandboxDir))
            result << pid;
    }
    return result;
}

} // namespace gl::sandbox::processcontrol
