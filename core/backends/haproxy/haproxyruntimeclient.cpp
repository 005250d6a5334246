#include "backends/haproxy/haproxyruntimeclient.h"

#include "backends/haproxy/haproxyparsers.h"
#include "backends/haproxy/haproxyrequest.h"

#include <QCoreApplication>
#include <QTimer>

#include <algorithm>

namespace gl {

QString HaproxyEndpoint::toString() const
{
    if (isLocal())
        return localPath;
    return (host.contains(u':') ? u'[' + host + u']' : host) + u':' + QString::number(port);
}

Result<HaproxyEndpoint> HaproxyEndpoint::parse(const QString &text)
{
    HaproxyEndpoint endpoint;
    if (text.startsWith(u'/')) {
        endpoint.localPath = text;
        return endpoint;
    }
    const qsizetype colon = text.lastIndexOf(u':');
    bool ok = false;
    const uint port = colon > 0 ? text.mid(colon + 1).toUInt(&ok) : 0;
    QString host = colon > 0 ? text.left(colon) : QString();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (!ok || port == 0 || port > 65535 || host.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
            QCoreApplication::translate("gl::HaproxyRuntimeClient",
                "Invalid HAProxy Runtime API address '%1': expected a socket path or host:port")
                .arg(text.left(200)));
    }
    endpoint.host = host;
    endpoint.port = quint16(port);
    return endpoint;
}

HaproxyRuntimeClient::HaproxyRuntimeClient(const QString &endpoint, QObject *parent)
    : QObject(parent)
    , m_endpointText(endpoint)
    , m_endpoint(HaproxyEndpoint::parse(endpoint))
    , m_defaultTimeoutMs(HaproxyRequest::DefaultTimeoutMs)
{ }

HaproxyRuntimeClient::~HaproxyRuntimeClient() = default;

HaproxyRequest *HaproxyRuntimeClient::send(const QList<HaproxyCommand> &commands)
{
    return new HaproxyRequest(this, commands, std::nullopt);
}

HaproxyRequest *HaproxyRuntimeClient::send(const QStringList &commands)
{
    QList<HaproxyCommand> built;
    for (const QString &text : commands) {
        Result<HaproxyCommand> command = HaproxyCommand::fromText(text);
        if (!command)
            return new HaproxyRequest(this, {}, command.error());
        built.append(std::move(command).value());
    }
    return send(built);
}

void HaproxyRuntimeClient::enqueue(HaproxyRequest *request)
{
    m_queue.append(request);
    // Never run a request from inside start(): its finished() must come after start() returns.
    if (!m_active && !m_startNextScheduled) {
        m_startNextScheduled = true;
        QTimer::singleShot(0, this, &HaproxyRuntimeClient::startNext);
    }
}

void HaproxyRuntimeClient::onRequestFinished(HaproxyRequest *request)
{
    m_queue.removeAll(request);
    if (m_active == request) {
        m_active = nullptr;
        if (!m_startNextScheduled && !m_queue.isEmpty()) {
            m_startNextScheduled = true;
            QTimer::singleShot(0, this, &HaproxyRuntimeClient::startNext);
        }
    }
}

bool HaproxyRuntimeClient::changesAhead() const
{
    if (m_active && m_active->changesState())
        return true;
    return std::any_of(
        m_queue.cbegin(), m_queue.cend(), [](const QPointer<HaproxyRequest> &r) { return r && r->changesState(); });
}

void HaproxyRuntimeClient::startNext()
{
    m_startNextScheduled = false;
    if (m_active)
        return;
    while (!m_queue.isEmpty()) {
        HaproxyRequest *next = m_queue.takeFirst();
        if (!next)
            continue;
        m_active = next;
        next->execute();
        return;
    }
}

HaproxyRequest *HaproxyRuntimeClient::showStat(QObject *context, Callback<QList<ServerStat>> done)
{
    HaproxyRequest *request = send(QList<HaproxyCommand> {HaproxyCommand::showStat()});
    connect(request, &HaproxyRequest::finished, context, [done = std::move(done)](const Result<QStringList> &reply) {
        if (!reply)
            done(reply.error());
        else
            done(parseShowStat(reply->value(0).toUtf8()));
    });
    request->start();
    return request;
}

HaproxyRequest *HaproxyRuntimeClient::showServersState(
    QObject *context, Callback<QList<ServerState>> done, const QString &backend)
{
    const Result<HaproxyCommand> command = HaproxyCommand::showServersState(backend);
    HaproxyRequest *request
        = command ? send(QList<HaproxyCommand> {command.value()}) : new HaproxyRequest(this, {}, command.error());
    connect(request, &HaproxyRequest::finished, context, [done = std::move(done)](const Result<QStringList> &reply) {
        if (!reply)
            done(reply.error());
        else
            done(parseServersState(reply->value(0).toUtf8()));
    });
    request->start();
    return request;
}

HaproxyRequest *HaproxyRuntimeClient::showInfo(QObject *context, Callback<HaproxyInfo> done)
{
    HaproxyRequest *request = send(QList<HaproxyCommand> {HaproxyCommand::showInfo()});
    connect(request, &HaproxyRequest::finished, context, [done = std::move(done)](const Result<QStringList> &reply) {
        if (!reply)
            done(reply.error());
        else
            done(parseShowInfo(reply->value(0).toUtf8()));
    });
    request->start();
    return request;
}

HaproxyRequest *HaproxyRuntimeClient::setServers(
    const QList<ServerChange> &changes, QObject *context, std::function<void(const Status &)> done)
{
    QList<HaproxyCommand> commands;
    std::optional<Error> invalid;
    for (const ServerChange &change : changes) {
        Result<QList<HaproxyCommand>> built = HaproxyCommand::forChange(change);
        if (!built) {
            invalid = built.error();
            break;
        }
        commands.append(built.value());
    }
    HaproxyRequest *request = new HaproxyRequest(this, invalid ? QList<HaproxyCommand>() : commands, invalid);
    connect(request, &HaproxyRequest::finished, context,
        [done = std::move(done)](const Result<QStringList> &reply) { done(reply ? Status() : Status(reply.error())); });
    request->start();
    return request;
}

} // namespace gl
