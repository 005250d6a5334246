#pragma once

#include "engine/rolloutsession.h"
#include "prompter.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace gl::ui {

// The operator's rollout actions as QActions: Start, Promote, Promote full, Pause, Resume, Abort, Rollback,
// Retry. Each has a shortcut; it is enabled only when RolloutStateMachine::decide allows it, with the refusal
// reason as its tooltip otherwise. Triggering asks for confirmation through the Prompter, stating the effect in
// plain words ("All traffic returns to v1 on 2 slots now.") and asking for a reason where the engine requires
// one, then queues the action through the RolloutSession.
class RolloutActions final : public QObject {
    Q_OBJECT
public:
    RolloutActions(Prompter &prompter, QWidget *dialogParent, QObject *parent = nullptr);

    void setSession(RolloutSession *session);
    [[nodiscard]] RolloutSession *session() const { return m_session; }

    [[nodiscard]] QAction *action(RolloutAction kind) const { return m_actions.value(int(kind)); }
    [[nodiscard]] QList<QAction *> actions() const;

    // Re-reads decide() for every action (the session's signals also do).
    void updateState();
    void retranslate();

    // Asks and, when confirmed, queues `kind`. False when refused, cancelled or the queue failed.
    bool perform(RolloutAction kind);
    // The confirmation text for `kind` on the latest rollout (exposed for tests and the status tip).
    [[nodiscard]] Prompter::Question question(RolloutAction kind) const;

signals:
    // The engine answered an action queued from here (refusals included).
    void answered(gl::RolloutAction kind, bool done, const QString &answer);
    // Queuing failed, or the engine is not reachable (the message is for people).
    void failed(const QString &message);
    // An action was queued (id in the action queue).
    void requested(gl::RolloutAction kind, qint64 actionId);

private:
    bool performStart(RolloutAction kind);

    Prompter &m_prompter;
    QWidget *m_dialogParent;
    QPointer<RolloutSession> m_session;
    QHash<int, QAction *> m_actions;
    QHash<qint64, RolloutAction> m_pending;
};

} // namespace gl::ui
