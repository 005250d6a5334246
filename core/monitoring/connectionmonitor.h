#pragma once

#include "model/environment.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;

namespace gl {

class HaproxyRuntimeClient;

// Watches whether the environment's HAProxy Runtime API and Prometheus answer, for the status bar and the
// "unreachable" banner. Probes every interval: `show info` on the runtime API, GET /-/ready on Prometheus.
class ConnectionMonitor final : public QObject {
    Q_OBJECT
public:
    enum class Component { Haproxy, Prometheus };
    enum class State { Unknown, Connected, Unreachable };
    struct Status {
        State state = State::Unknown;
        QString summary; // "2.6.12, pid 4242" or the error's user message
    };

    ConnectionMonitor(const Environment &environment, QNetworkAccessManager &network, QObject *parent = nullptr);

    void start(int intervalMs = 2000);
    void stop();
    // Probes both now (also called by the timer).
    void probe();

    [[nodiscard]] Status status(Component component) const;

Q_SIGNALS:
    void statusChanged(gl::ConnectionMonitor::Component component, const gl::ConnectionMonitor::Status &status);

private:
    void setStatus(Component component, State state, const QString &summary);
    void probeHaproxy();
    void probePrometheus();

    Environment m_environment;
    QNetworkAccessManager &m_network;
    HaproxyRuntimeClient *m_haproxy;
    QTimer m_timer;
    Status m_haproxyStatus;
    Status m_prometheusStatus;
    bool m_haproxyBusy = false;
    bool m_prometheusBusy = false;
};

} // namespace gl
