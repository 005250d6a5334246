#include "connectionmonitor.h"

#include "backends/haproxy/haproxyruntimeclient.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace gl {

ConnectionMonitor::ConnectionMonitor(const Environment &environment, QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_environment(environment)
    , m_network(network)
    , m_haproxy(new HaproxyRuntimeClient(environment.runtimeApi, this))
{
    m_haproxy->setDefaultTimeout(1500);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionMonitor::probe);
}

void ConnectionMonitor::start(int intervalMs)
{
    m_timer.start(intervalMs);
    probe();
}

void ConnectionMonitor::stop()
{
    m_timer.stop();
}

void ConnectionMonitor::probe()
{
    probeHaproxy();
    probePrometheus();
}

ConnectionMonitor::Status ConnectionMonitor::status(Component component) const
{
    return component == Component::Haproxy ? m_haproxyStatus : m_prometheusStatus;
}

void ConnectionMonitor::setStatus(Component component, State state, const QString &summary)
{
    Status &current = component == Component::Haproxy ? m_haproxyStatus : m_prometheusStatus;
    if (current.state == state && current.summary == summary)
        return;
    current = Status {state, summary};
    Q_EMIT statusChanged(component, current);
}

void ConnectionMonitor::probeHaproxy()
{
    if (m_haproxyBusy)
        return;
    m_haproxyBusy = true;
    m_haproxy->showInfo(this, [this](const Result<HaproxyInfo> &info) {
        m_haproxyBusy = false;
        if (!info.ok()) {
            qCDebug(lcHaproxy) << "probe failed:" << info.error().toString();
            setStatus(Component::Haproxy, State::Unreachable, info.error().message);
            return;
        }
        setStatus(Component::Haproxy, State::Connected,
            QCoreApplication::translate("gl::ConnectionMonitor", "%1, pid %2")
                .arg(info->version.section(u'-', 0, 0))
                .arg(info->pid));
    });
}

void ConnectionMonitor::probePrometheus()
{
    if (m_prometheusBusy)
        return;
    if (!m_environment.prometheusUrl.isValid() || m_environment.prometheusUrl.isEmpty()) {
        setStatus(Component::Prometheus, State::Unknown,
            QCoreApplication::translate("gl::ConnectionMonitor", "not configured"));
        return;
    }
    m_prometheusBusy = true;
    QUrl url = m_environment.prometheusUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + u"/-/ready");
    QNetworkRequest request(url);
    request.setTransferTimeout(1500);
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_prometheusBusy = false;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            setStatus(Component::Prometheus, State::Unreachable,
                reply->error() != QNetworkReply::NoError
                    ? QCoreApplication::translate("gl::ConnectionMonitor", "unreachable: %1").arg(reply->errorString())
                    : QCoreApplication::translate("gl::ConnectionMonitor", "not ready (HTTP %1)").arg(status));
            return;
        }
        setStatus(
            Component::Prometheus, State::Connected, QCoreApplication::translate("gl::ConnectionMonitor", "ready"));
    });
}

} // namespace gl
