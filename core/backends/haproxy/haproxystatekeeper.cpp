#include "backends/haproxy/haproxystatekeeper.h"

#include "backends/haproxy/haproxycommand.h"
#include "backends/haproxy/haproxyparsers.h"
#include "backends/haproxy/haproxyrequest.h"
#include "backends/haproxy/haproxyruntimeclient.h"
#include "util/logging.h"

#include <QCoreApplication>

namespace gl {

HaproxyStateKeeper::HaproxyStateKeeper(HaproxyRuntimeClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setInterval(DefaultPollIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &HaproxyStateKeeper::poll);
}

HaproxyStateKeeper::~HaproxyStateKeeper() = default;

void HaproxyStateKeeper::setPollInterval(int ms)
{
    m_timer.setInterval(ms);
}

void HaproxyStateKeeper::setDesiredState(const QList<ServerChange> &changes)
{
    m_desired = changes;
}

void HaproxyStateKeeper::start()
{
    m_timer.start();
    poll();
}

void HaproxyStateKeeper::stop()
{
    m_timer.stop();
}

QList<ServerChange> HaproxyStateKeeper::reapplyOrder(const QList<ServerChange> &changes)
{
    QList<ServerChange> adding;
    QList<ServerChange> removing;
    for (const ServerChange &change : changes) {
        const bool removes
            = (change.weight && *change.weight == 0) || (change.state && *change.state != ServerAdminState::Ready);
        (removes ? removing : adding).append(change);
    }
    return adding + removing;
}

void HaproxyStateKeeper::poll()
{
    if (m_busy || !m_client)
        return;
    if (m_reapplyPending) {
        reapply();
        return;
    }
    m_busy = true;
    HaproxyRequest *request = m_client->showInfo(this, [this](const Result<HaproxyInfo> &info) {
        m_busy = false;
        onInfo(info);
    });
    // A poll must not outlive the next one by much.
    request->setTimeout(qMax(m_timer.interval() * 4, 500));
}

void HaproxyStateKeeper::onInfo(const Result<HaproxyInfo> &info)
{
    if (!info) {
        emit pollFailed(info.error());
        return;
    }
    const HaproxyInfo &current = info.value();
    if (current.stopping)
        return; // an old worker still answering during a reload: not the process that matters
    const std::optional<HaproxyInfo> previous = m_lastInfo;
    m_lastInfo = current;
    if (!previous)
        return;
    const bool reloaded = current.pid != previous->pid || current.uptimeSec < previous->uptimeSec;
    if (!reloaded)
        return;
    qCInfo(lcHaproxy) << "HAProxy reload detected: pid" << previous->pid << "->" << current.pid << "uptime"
                      << previous->uptimeSec << "->" << current.uptimeSec;
    emit reloadDetected(*previous, current);
    if (m_desired.isEmpty())
        return;
    m_reapplyPending = true;
    m_reapplyPid = current.pid;
    reapply();
}

void HaproxyStateKeeper::reapply()
{
    if (!m_client || m_busy)
        return;
    QList<HaproxyCommand> commands;
    for (const ServerChange &change : reapplyOrder(m_desired)) {
        const Result<QList<HaproxyCommand>> built = HaproxyCommand::forChange(change);
        if (!built) {
            m_reapplyPending = false;
            emit desiredStateReapplied(built.error());
            return;
        }
        commands.append(built.value());
    }
    commands.append(HaproxyCommand::showInfo());
    m_busy = true;
    HaproxyRequest *request = m_client->send(commands);
    connect(request, &HaproxyRequest::finished, this, [this](const Result<QStringList> &reply) {
        m_busy = false;
        if (!reply) {
            // Refused (the configuration no longer has a server, say) will not get better by retrying;
            // unreachable or timed out may: keep it pending for the next tick.
            if (reply.error().code == ErrorCode::Refused || reply.error().code == ErrorCode::InvalidArgument)
                m_reapplyPending = false;
            emit desiredStateReapplied(reply.error());
            return;
        }
        const Result<HaproxyInfo> info = parseShowInfo(reply->constLast().toUtf8());
        if (!info) {
            emit desiredStateReapplied(info.error());
            return;
        }
        if (info->stopping || info->pid != m_reapplyPid) {
            // The batch reached another worker (an old one still accepting, or yet another reload): the next
            // poll sees the newest process and re-applies there.
            qCInfo(lcHaproxy) << "re-apply reached pid" << info->pid << "instead of" << m_reapplyPid;
            if (!info->stopping && info->pid != m_reapplyPid) {
                m_reapplyPid = info->pid;
                m_lastInfo = info.value();
            }
            return;
        }
        m_reapplyPending = false;
        m_lastInfo = info.value();
        emit desiredStateReapplied(Status());
    });
    request->setTimeout(qMax(m_timer.interval() * 4, 500));
    request->start();
}

} // namespace gl
