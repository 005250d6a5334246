#pragma once

#include <QString>
#include <QStringList>

namespace gl::sandbox {

// Starting and stopping the sandbox's own processes by PID, never by name.
namespace processcontrol {

// Starts `program` detached from the launcher (it outlives it), stdin from /dev/null, stdout and stderr
// appended to `logFile`. Returns the PID, or 0 and an error text.
[[nodiscard]] qint64 startDetached(
    const QString &program, const QStringList &arguments, const QString &logFile, QString *error);

// True if `pid` runs and is not a zombie.
[[nodiscard]] bool isRunning(qint64 pid);

// True if `pid` runs and its command line names `sandboxDir` (as an argument or a path under it), i.e. it is
// a process this sandbox started and not an unrelated process that reused the PID.
[[nodiscard]] bool belongsTo(qint64 pid, const QString &sandboxDir);

// The command line of `pid` (empty if gone).
[[nodiscard]] QStringList commandLine(qint64 pid);

// SIGTERM, wait up to `graceMs`, then SIGKILL and wait up to 1 s. True if the process is gone.
[[nodiscard]] bool stop(qint64 pid, int graceMs = 5000);

// PIDs of running haproxy/prometheus/greenlight processes whose command line names `sandboxDir` (for
// example HAProxy workers forked by the master), excluding the calling process.
[[nodiscard]] QList<qint64> findByDirectory(const QString &sandboxDir);

} // namespace processcontrol
} // namespace gl::sandbox
