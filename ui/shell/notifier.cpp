#include "notifier.h"

#include <QApplication>
#include <QIcon>
#include <QSystemTrayIcon>

namespace gl::ui {

Notifier::Notifier(QObject *parent)
    : QObject(parent)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setIcon(QIcon(QStringLiteral(":/icons/greenlight.svg")));
        m_tray->setToolTip(tr("Greenlight"));
        m_tray->show();
    }
}

Notifier::~Notifier() = default;

void Notifier::watch(RolloutSession *session)
{
    if (!session)
        return;
    const auto all = [this, session] {
        for (const RolloutRecord &record : session->rollouts())
            observe(session, record);
    };
    connect(session, &RolloutSession::rolloutsChanged, this, all);
    connect(session, &RolloutSession::rolloutChanged, this,
        [this, session](const RolloutRecord &record) { observe(session, record); });
    all();
}

void Notifier::observe(RolloutSession *session, const RolloutRecord &record)
{
    const QString env = session->environment().name;
    const QString key = env + u'#' + QString::number(record.id);
    Seen now;
    now.state = record.state;
    now.pauseReason = record.pauseReason;
    now.goal = record.goal;
    now.verdict = session->analysisVerdicts().value(record.id);
    const auto previous = m_seen.constFind(key);
    if (previous == m_seen.constEnd()) {
        m_seen.insert(key, now);
        return;
    }
    const Seen before = *previous;
    m_seen.insert(key, now);

    const QString name = tr("%1 in %2").arg(record.versionTo, env);
    if (now.verdict == u"failed" && before.verdict != u"failed")
        notify(Kind::AnalysisFailed, tr("Analysis failed: %1").arg(name), record.message, record.id);
    if (now.goal != before.goal && now.goal != RolloutGoal::Complete) {
        // Automatic: the analysis (actor "analysis") asked for it, not an operator.
        bool automatic = now.verdict == u"failed" || now.verdict == u"inconclusive";
        const Result<QList<EventRecord>> events = session->events(record.id);
        if (events) {
            for (qsizetype i = events->size() - 1; i >= 0 && i >= events->size() - 5; --i) {
                if (events->at(i).actor == u"analysis")
                    automatic = true;
            }
        }
        if (automatic)
            notify(Kind::AutomaticRollback, tr("Automatic rollback: %1").arg(name),
                tr("Traffic returns to %1. %2").arg(record.versionFrom, record.message), record.id);
    }
    if (now.state == RolloutState::Paused && now.pauseReason == PauseReason::Gate
        && (before.state != RolloutState::Paused || before.pauseReason != PauseReason::Gate))
        notify(Kind::GateWaiting, tr("Approval needed: %1").arg(name),
            tr("Step %1 of %2 waits at a gate (%3 of traffic on %4).")
                .arg(record.stepIndex + 1)
                .arg(record.stepCount)
                .arg(QStringLiteral("%1 %").arg(record.actualShare < 0 ? record.desiredShare : record.actualShare))
                .arg(record.versionTo),
            record.id);
    if (RolloutStateMachine::isTerminal(now.state) && !RolloutStateMachine::isTerminal(before.state)) {
        QString outcome;
        switch (now.state) {
        case RolloutState::Completed:
            outcome = tr("Rollout completed: %1").arg(name);
            break;
        case RolloutState::Aborted:
            outcome = tr("Rollout aborted: %1").arg(name);
            break;
        default:
            outcome = tr("Rollout rolled back: %1").arg(name);
            break;
        }
        notify(Kind::Finished, outcome, record.message, record.id);
    }
}

void Notifier::notify(Kind kind, const QString &title, const QString &text, qint64 rolloutId)
{
    Notification notification {kind, title, text, rolloutId};
    m_last = notification;
    ++m_count;
    if (m_tray) {
        const bool bad = kind == Kind::AnalysisFailed || kind == Kind::AutomaticRollback;
        m_tray->showMessage(title, text, bad ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 10000);
    }
    Q_EMIT notified(notification);
}

} // namespace gl::ui
