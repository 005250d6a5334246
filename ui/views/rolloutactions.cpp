#include "rolloutactions.h"

#include "rolloutlistmodel.h"

#include <QAction>
#include <QIcon>
#include <QJsonObject>
#include <QStyle>
#include <QWidget>

namespace gl::ui {

namespace {

constexpr RolloutAction kAll[] = {RolloutAction::Start, RolloutAction::Promote, RolloutAction::PromoteFull,
    RolloutAction::Pause, RolloutAction::Resume, RolloutAction::Abort, RolloutAction::Rollback, RolloutAction::Retry};

QString objectNameOf(RolloutAction kind)
{
    switch (kind) {
    case RolloutAction::Start:
        return QStringLiteral("startRolloutAction");
    case RolloutAction::Promote:
        return QStringLiteral("promoteAction");
    case RolloutAction::PromoteFull:
        return QStringLiteral("promoteFullAction");
    case RolloutAction::Pause:
        return QStringLiteral("pauseAction");
    case RolloutAction::Resume:
        return QStringLiteral("resumeAction");
    case RolloutAction::Abort:
        return QStringLiteral("abortAction");
    case RolloutAction::Rollback:
        return QStringLiteral("rollbackAction");
    case RolloutAction::Retry:
        return QStringLiteral("retryAction");
    }
    return {};
}

QKeySequence shortcutOf(RolloutAction kind)
{
    switch (kind) {
    case RolloutAction::Start:
        return QKeySequence(QStringLiteral("Ctrl+Shift+N"));
    case RolloutAction::Promote:
        return QKeySequence(QStringLiteral("Ctrl+Shift+P"));
    case RolloutAction::PromoteFull:
        return QKeySequence(QStringLiteral("Ctrl+Shift+F"));
    case RolloutAction::Pause:
        return QKeySequence(QStringLiteral("Ctrl+Shift+S"));
    case RolloutAction::Resume:
        return QKeySequence(QStringLiteral("Ctrl+Shift+G"));
    case RolloutAction::Abort:
        return QKeySequence(QStringLiteral("Ctrl+Shift+A"));
    case RolloutAction::Rollback:
        return QKeySequence(QStringLiteral("Ctrl+Shift+B"));
    case RolloutAction::Retry:
        return QKeySequence(QStringLiteral("Ctrl+Shift+T"));
    }
    return {};
}

} // namespace

RolloutActions::RolloutActions(Prompter &prompter, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_prompter(prompter)
    , m_dialogParent(dialogParent)
{
    const QStyle *style = dialogParent ? dialogParent->style() : nullptr;
    for (const RolloutAction kind : kAll) {
        auto *action = new QAction(this);
        action->setObjectName(objectNameOf(kind));
        action->setShortcut(shortcutOf(kind));
        action->setShortcutContext(Qt::WindowShortcut);
        if (style) {
            const QStyle::StandardPixmap icon = kind == RolloutAction::Start ? QStyle::SP_MediaPlay
                : kind == RolloutAction::Pause                               ? QStyle::SP_MediaPause
                : kind == RolloutAction::Resume                              ? QStyle::SP_MediaPlay
                : kind == RolloutAction::Promote                             ? QStyle::SP_MediaSeekForward
                : kind == RolloutAction::PromoteFull                         ? QStyle::SP_MediaSkipForward
                : kind == RolloutAction::Abort                               ? QStyle::SP_MediaStop
                : kind == RolloutAction::Rollback                            ? QStyle::SP_ArrowBack
                                                                             : QStyle::SP_BrowserReload;
            action->setIcon(style->standardIcon(icon));
        }
        connect(action, &QAction::triggered, this, [this, kind] { perform(kind); });
        m_actions.insert(int(kind), action);
    }
    retranslate();
    updateState();
}

QList<QAction *> RolloutActions::actions() const
{
    QList<QAction *> list;
    for (const RolloutAction kind : kAll)
        list << m_actions.value(int(kind));
    return list;
}

void RolloutActions::setSession(RolloutSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_pending.clear();
    if (session) {
        connect(session, &RolloutSession::rolloutChanged, this, &RolloutActions::updateState);
        connect(session, &RolloutSession::rolloutsChanged, this, &RolloutActions::updateState);
        connect(session, &RolloutSession::actionAnswered, this, [this](qint64 id, bool done, const QString &text) {
            if (!m_pending.contains(id))
                return;
            const RolloutAction kind = m_pending.take(id);
            updateState();
            Q_EMIT answered(kind, done, text);
        });
    }
    updateState();
}

void RolloutActions::retranslate()
{
    const auto set = [this](RolloutAction kind, const QString &text) {
        QAction *action = m_actions.value(int(kind));
        action->setText(text);
        action->setIconText(text);
    };
    set(RolloutAction::Start, tr("Start rollout…"));
    set(RolloutAction::Promote, tr("Promote"));
    set(RolloutAction::PromoteFull, tr("Promote full"));
    set(RolloutAction::Pause, tr("Pause"));
    set(RolloutAction::Resume, tr("Resume"));
    set(RolloutAction::Abort, tr("Abort"));
    set(RolloutAction::Rollback, tr("Rollback"));
    set(RolloutAction::Retry, tr("Retry"));
    updateState();
}

void RolloutActions::updateState()
{
    for (const RolloutAction kind : kAll) {
        QAction *action = m_actions.value(int(kind));
        const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
        if (!m_session) {
            action->setEnabled(false);
            action->setToolTip(tr("Open an environment first."));
            continue;
        }
        const RolloutDecision decision = m_session->decide(kind);
        action->setEnabled(decision.allowed);
        const QString what = decision.allowed ? question(kind).text : decision.reason;
        action->setToolTip(tr("%1 (%2)\n%3").arg(action->text(), shortcut, what));
        action->setStatusTip(what);
    }
}

Prompter::Question RolloutActions::question(RolloutAction kind) const
{
    Prompter::Question q;
    q.offersReason = true;
    const std::optional<RolloutRecord> latest = m_session ? m_session->latest() : std::nullopt;
    const QString from = latest && !latest->versionFrom.isEmpty() ? latest->versionFrom : tr("the stable version");
    const QString to = latest ? latest->versionTo : QString();
    const int slotCount = latest ? RolloutSession::stableSlotCount(*latest) : 0;
    const QString env = m_session ? m_session->environment().name : QString();
    switch (kind) {
    case RolloutAction::Start:
        q.title = tr("Start a rollout");
        q.text = tr("A new rollout starts in %1.").arg(env);
        q.confirmLabel = tr("Start");
        break;
    case RolloutAction::Promote: {
        q.title = tr("Promote rollout #%1").arg(latest ? latest->id : 0);
        const QList<RolloutSession::StepInfo> steps
            = latest ? RolloutSession::stepsOf(*latest, m_session->latestOps()) : QList<RolloutSession::StepInfo>();
        const int next = latest ? latest->stepIndex + 1 : -1;
        if (latest && next >= 0 && next < steps.size())
            q.text = tr("%1 goes from %2 to %3 of the traffic now (step %4 of %5).")
                         .arg(to, RolloutListModel::shareText(latest->desiredShare),
                             RolloutListModel::shareText(steps.at(next).percent))
                         .arg(next + 1)
                         .arg(steps.size());
        else
            q.text = tr("The current step's wait ends now and %1 moves on.").arg(to);
        q.confirmLabel = tr("Promote");
        break;
    }
    case RolloutAction::PromoteFull:
        q.title = tr("Promote rollout #%1 to 100 %").arg(latest ? latest->id : 0);
        q.text = tr("Every remaining step is skipped: %1 gets all traffic now and %2 is removed after the usual delay.")
                     .arg(to, from);
        q.confirmLabel = tr("Promote to 100 %");
        q.requiresReason = true; // the engine refuses promote-full without a reason
        q.destructive = true;
        break;
    case RolloutAction::Pause:
        q.title = tr("Pause rollout #%1").arg(latest ? latest->id : 0);
        q.text = tr("The rollout stops where it is: traffic stays at %1 on %2 until you resume.")
                     .arg(RolloutListModel::shareText(latest ? latest->actualShare : -1), to);
        q.confirmLabel = tr("Pause");
        break;
    case RolloutAction::Resume:
        q.title = tr("Resume rollout #%1").arg(latest ? latest->id : 0);
        q.text = latest && latest->state == RolloutState::Held
            ? tr("The failed operation is tried again, then the rollout goes on: %1").arg(latest->message)
            : tr("The rollout goes on from %1 towards its goal.")
                  .arg(RolloutListModel::shareText(latest ? latest->desiredShare : -1));
        q.confirmLabel = tr("Resume");
        break;
    case RolloutAction::Abort:
        q.title = tr("Abort rollout #%1").arg(latest ? latest->id : 0);
        q.text = slotCount > 0
            ? tr("All traffic returns to %1 on %n slot(s) now. %2 stays deployed at weight 0 "
                 "for inspection.",
                nullptr, slotCount)
                  .arg(from, to)
            : tr("All traffic returns to %1 now. %2 stays deployed at weight 0 for inspection.").arg(from, to);
        q.confirmLabel = tr("Abort");
        q.destructive = true;
        break;
    case RolloutAction::Rollback:
        q.title = tr("Roll back rollout #%1").arg(latest ? latest->id : 0);
        q.text = slotCount > 0
            ? tr("All traffic returns to %1 on %n slot(s) now, then %2 is drained and removed.", nullptr, slotCount)
                  .arg(from, to)
            : tr("All traffic returns to %1 now, then %2 is removed.").arg(from, to);
        q.confirmLabel = tr("Roll back");
        q.destructive = true;
        break;
    case RolloutAction::Retry:
        q.title = tr("Retry rollout #%1").arg(latest ? latest->id : 0);
        q.text = tr("A new rollout of %1 starts with the same settings as #%2.").arg(to).arg(latest ? latest->id : 0);
        q.confirmLabel = tr("Retry");
        break;
    }
    // Several environments can be open: the title says which one the action is for.
    if (!env.isEmpty())
        q.title = tr("%1 — %2", "a confirmation's title: the action, then the environment").arg(q.title, env);
    return q;
}

bool RolloutActions::perform(RolloutAction kind)
{
    if (!m_session)
        return false;
    const RolloutDecision decision = m_session->decide(kind);
    if (!decision.allowed) {
        Q_EMIT failed(decision.reason);
        return false;
    }
    if (kind == RolloutAction::Start)
        return performStart(kind);
    // What the confirmation describes travels with the action (the engine refuses a stale promote, promote-full,
    // resume or retry: docs/engine.md, "Actions bound to what was confirmed"). While the question is open it follows
    // the rollout: a pause, abort or rollback updates its text (it only makes things safer, whatever the step); any
    // other action closes, sending nothing, once the rollout moved.
    RolloutExpectation expected = m_session->expectation();
    const QPointer<RolloutSession> session = m_session;
    LiveQuestion live([this, kind, session, &expected]() -> LiveQuestion::State {
        const QString name = m_actions.value(int(kind))->text();
        if (!session)
            return {false, {},
                tr("%1: the environment was closed while the question was open; nothing was sent.").arg(name)};
        const std::optional<RolloutRecord> latest = session->latest();
        if (latest && !expected.matches(*latest)) {
            if (!isSafetyAction(kind))
                return {false, {},
                    tr("%1: the rollout moved to %2 while the question was open; nothing was sent. Look at it again "
                       "and decide anew.")
                        .arg(name, session->positionText())};
            expected = session->expectation(); // the text below says what the action does now
        }
        const RolloutDecision decision = session->decide(kind);
        if (!decision.allowed)
            return {false, {}, tr("%1 is no longer possible: %2. Nothing was sent.").arg(name, decision.reason)};
        return {true, question(kind).text, {}};
    });
    connect(m_session, &RolloutSession::rolloutChanged, &live, &LiveQuestion::changed);
    Prompter::Question q = question(kind);
    q.live = &live;
    const Prompter::Answer answer = m_prompter.ask(m_dialogParent, q);
    if (!answer.confirmed) {
        if (!answer.closedReason.isEmpty())
            Q_EMIT failed(answer.closedReason);
        return false;
    }
    // Once more as the question closes (a prompter that did not follow it, or a change in the last instant).
    if (const LiveQuestion::State now = live.state(); !now.valid) {
        Q_EMIT failed(now.closedReason);
        return false;
    }
    if (!m_session)
        return false;
    const Result<qint64> id = m_session->request(kind, answer.reason, {}, expected);
    if (!id) {
        Q_EMIT failed(id.error().message);
        return false;
    }
    m_pending.insert(*id, kind);
    Q_EMIT requested(kind, *id);
    return true;
}

bool RolloutActions::performStart(RolloutAction kind)
{
    Prompter::StartQuestion question;
    const Environment &env = m_session->environment();
    question.environment = env.name;
    const std::optional<RolloutRecord> latest = m_session->latest();
    if (latest && latest->state == RolloutState::Completed)
        question.currentVersion = latest->versionTo;
    else if (latest)
        question.currentVersion = latest->versionFrom;
    else {
        for (const ServerSlot &slot : env.serverSlots) {
            if (!slot.version.isEmpty()) {
                question.currentVersion = slot.version;
                break;
            }
        }
    }
    question.defaultStrategy = toString(env.strategies.defaultStrategy);
    const Prompter::StartAnswer answer = m_prompter.askStartRollout(m_dialogParent, question);
    if (!answer.confirmed || answer.version.isEmpty())
        return false;
    QJsonObject params {{QStringLiteral("version"), answer.version}};
    if (!answer.strategy.isEmpty())
        params.insert(QStringLiteral("strategy"), answer.strategy);
    params.insert(QStringLiteral("acceptDowntime"), answer.acceptDowntime);
    const Result<qint64> id = m_session->request(kind, answer.reason, params);
    if (!id) {
        Q_EMIT failed(id.error().message);
        return false;
    }
    m_pending.insert(*id, kind);
    Q_EMIT requested(kind, *id);
    return true;
}

} // namespace gl::ui
