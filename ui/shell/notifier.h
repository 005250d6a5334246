#pragma once

#include "engine/rolloutsession.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <optional>

class QSystemTrayIcon;

namespace gl::ui {

// Desktop notifications about rollouts: analysis failed, an automatic rollback, a gate waiting for approval,
// a rollout finished. Shown with QSystemTrayIcon::showMessage when a system tray is available; without one
// nothing is shown, but the notification is still recorded (last(), notified()) so that tests can check it.
// The first sight of a rollout never notifies (opening the console does not replay history).
class Notifier final : public QObject {
    Q_OBJECT
public:
    enum class Kind { AnalysisFailed, AutomaticRollback, GateWaiting, Finished };
    struct Notification {
        Kind kind = Kind::Finished;
        QString title;
        QString text;
        qint64 rolloutId = 0;
    };

    explicit Notifier(QObject *parent = nullptr);
    ~Notifier() override;

    // Follows `session` (its rollouts and analysis verdicts). Several sessions may be watched.
    void watch(RolloutSession *session);
    // Compares `record` with what was seen last for it and notifies about the transitions above.
    void observe(RolloutSession *session, const RolloutRecord &record);

    [[nodiscard]] bool trayAvailable() const { return m_tray != nullptr; }
    [[nodiscard]] std::optional<Notification> last() const { return m_last; }
    [[nodiscard]] int count() const { return m_count; }

Q_SIGNALS:
    void notified(const gl::ui::Notifier::Notification &notification);

private:
    struct Seen {
        RolloutState state = RolloutState::Pending;
        PauseReason pauseReason = PauseReason::None;
        RolloutGoal goal = RolloutGoal::Complete;
        QString verdict;
    };
    void notify(Kind kind, const QString &title, const QString &text, qint64 rolloutId);

    QSystemTrayIcon *m_tray = nullptr;
    QHash<QString, Seen> m_seen; // "environment#id"
    std::optional<Notification> m_last;
    int m_count = 0;
};

} // namespace gl::ui
