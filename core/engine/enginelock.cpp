#include "enginelock.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QUuid>

#include <cerrno>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace gl {
namespace {

bool processGone(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

} // namespace

EngineLock::EngineLock(StateStore &store, const Clock &clock, QString owner)
    : m_store(store)
    , m_clock(clock)
    , m_owner(owner.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : std::move(owner))
{ }

bool EngineLock::isStale(const Holder &holder) const
{
    if (m_clock.now().toMSecsSinceEpoch() - holder.heartbeatMs > m_staleAfterMs)
        return true;
    return holder.host == QSysInfo::machineHostName() && holder.pid != QCoreApplication::applicationPid()
        && processGone(holder.pid);
}

Result<std::optional<EngineLock::Holder>> EngineLock::liveHolder() const
{
    Result<QSqlQuery> q = m_store.database().exec(
        QStringLiteral("SELECT owner, pid, host, acquired_at, heartbeat_ms FROM engine_lock WHERE id = 1"));
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Holder>();
    const Holder holder {q->value(0).toString(), q->value(1).toLongLong(), q->value(2).toString(),
        q->value(3).toString(), q->value(4).toLongLong()};
    if (isStale(holder))
        return std::optional<Holder>();
    return std::optional<Holder>(holder);
}

Status EngineLock::acquire()
{
    return m_store.database().transaction([&]() -> Status {
        Result<std::optional<Holder>> holder = liveHolder();
        if (!holder)
            return holder.error();
        if (holder->has_value() && (*holder)->owner != m_owner)
            return makeError(ErrorCode::Locked,
                QCoreApplication::translate(
                    "gl::EngineLock", "Another engine drives this environment (pid %1 on %2, since %3).")
                    .arg((*holder)->pid)
                    .arg((*holder)->host, (*holder)->acquiredAt));
        const Result<QSqlQuery> q = m_store.database().exec(
            QStringLiteral("INSERT INTO engine_lock (id, owner, pid, host, acquired_at, heartbeat_ms)"
                           " VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET owner = excluded.owner,"
                           " pid = excluded.pid, host = excluded.host, acquired_at = excluded.acquired_at,"
                           " heartbeat_ms = excluded.heartbeat_ms"),
            {m_owner, QCoreApplication::applicationPid(), QSysInfo::machineHostName(),
                m_clock.now().toUTC().toString(Qt::ISODateWithMs), m_clock.now().toMSecsSinceEpoch()});
        if (!q)
            return q.error();
        return {};
    });
}

Status EngineLock::heartbeat()
{
    Result<QSqlQuery> q
        = m_store.database().exec(QStringLiteral("UPDATE engine_lock SET heartbeat_ms = ? WHERE id = 1 AND owner = ?"),
            {m_clock.now().toMSecsSinceEpoch(), m_owner});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return makeError(ErrorCode::Locked,
            QCoreApplication::translate("gl::EngineLock", "Another engine has taken over this environment."));
    return {};
}

void EngineLock::release()
{
    (void)m_store.database().exec(QStringLiteral("DELETE FROM engine_lock WHERE id = 1 AND owner = ?"), {m_owner});
}

} // namespace gl
