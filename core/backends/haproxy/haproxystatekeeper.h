#pragma once

#include "backends/haproxy/haproxytypes.h"
#include "util/result.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace gl {

class HaproxyRuntimeClient;

// Keeps HAProxy's runtime server weights and states what the engine wants across reloads.
//
// A reload starts a new worker with the weights and states of the configuration: every `set server` made at
// run time is lost (unless a server-state-file is used). The keeper polls `show info` every pollInterval()
// (default 250 ms). When the Pid changes, or Uptime_sec goes down (a restart under the same Pid), it emits
// reloadDetected() and re-applies the desired changes in one batch, followed by `show info` in the same line
// to confirm the batch reached the new process, then emits desiredStateReapplied(). With the default
// interval the desired state is back within ~0.3 s of the new worker answering.
//
// Order in the re-apply batch: the changes that add capacity (state ready, a weight above 0) come first, then
// those that remove it (weight 0, drain, maint), each group in the order given, so that a backend's total
// weight does not pass through 0 while the batch runs.
class HaproxyStateKeeper final : public QObject {
    Q_OBJECT

public:
    static constexpr int DefaultPollIntervalMs = 250;

    explicit HaproxyStateKeeper(HaproxyRuntimeClient *client, QObject *parent = nullptr);
    ~HaproxyStateKeeper() override;

    void setPollInterval(int ms);
    [[nodiscard]] int pollInterval() const { return m_timer.interval(); }

    // What must hold after a reload; replaces the previous desired state. The keeper does not apply it now
    // (the engine does, through the client); it re-applies it after a reload.
    void setDesiredState(const QList<ServerChange> &changes);
    void clearDesiredState() { setDesiredState({}); }
    [[nodiscard]] const QList<ServerChange> &desiredState() const { return m_desired; }

    // The last `show info` seen, if any.
    [[nodiscard]] const std::optional<HaproxyInfo> &lastInfo() const { return m_lastInfo; }

    void start();
    void stop();
    [[nodiscard]] bool isRunning() const { return m_timer.isActive(); }

    // The re-apply batch for `changes` (capacity-adding changes first); exposed for tests.
    [[nodiscard]] static QList<ServerChange> reapplyOrder(const QList<ServerChange> &changes);

signals:
    void reloadDetected(const gl::HaproxyInfo &previous, const gl::HaproxyInfo &current);
    void desiredStateReapplied(const gl::Status &result);
    // A poll failed (HAProxy unreachable, timeout...). Polling goes on.
    void pollFailed(const gl::Error &error);

private:
    void poll();
    void onInfo(const Result<HaproxyInfo> &info);
    void reapply();

    QPointer<HaproxyRuntimeClient> m_client;
    QTimer m_timer;
    QList<ServerChange> m_desired;
    std::optional<HaproxyInfo> m_lastInfo;
    bool m_busy = false;
    // A reload was seen and the desired state has not been confirmed on the new process yet.
    bool m_reapplyPending = false;
    qint64 m_reapplyPid = 0;
};

} // namespace gl
