#include "environmentwatchcontroller.h"

#include "banner.h"
#include "engine/rolloutsession.h"
#include "model/environmentwatcher.h"

#include <QFileInfo>

namespace gl::ui {

EnvironmentWatchController::EnvironmentWatchController(Banner &banner, QObject *parent)
    : QObject(parent)
    , m_banner(banner)
{ }

EnvironmentWatchController::~EnvironmentWatchController()
{
    for (const Watched &watched : std::as_const(m_watched))
        delete watched.watcher;
}

void EnvironmentWatchController::watch(const Environment &environment, RolloutSession *session)
{
    const QString path = environment.filePath;
    forget(path);
    auto *watcher = new EnvironmentWatcher(environment, this);
    if (m_debounceMs >= 0)
        watcher->setDebounceMs(m_debounceMs);
    connect(watcher, &EnvironmentWatcher::changed, this,
        [this, path](const Environment &now, const EnvironmentChange &change) { applied(path, now, change); });
    connect(watcher, &EnvironmentWatcher::invalid, this, [this, path](const Error &error) { rejected(path, error); });
    m_watched.insert(path, Watched {watcher, session});
}

void EnvironmentWatchController::forget(const QString &path)
{
    const Watched watched = m_watched.take(path);
    delete watched.watcher;
    if (m_bannerPath == path) {
        m_banner.hide();
        m_bannerPath.clear();
    }
}

void EnvironmentWatchController::setDebounceMs(int ms)
{
    m_debounceMs = ms;
    for (const Watched &watched : std::as_const(m_watched))
        watched.watcher->setDebounceMs(ms);
}

EnvironmentWatcher *EnvironmentWatchController::watcher(const QString &path) const
{
    return m_watched.value(path).watcher;
}

QString EnvironmentWatchController::describe(
    const Environment &environment, const EnvironmentChange &change, bool reopenPending, bool rolloutInProgress)
{
    if (change.isEmpty())
        return {};
    const QString file = QFileInfo(environment.filePath).fileName();
    QString text = tr("%1 changed: %2.").arg(file, change.summary());
    if (reopenPending)
        text += u' '
            + tr("A new name, state database, HAProxy Runtime API or backend takes effect only when the environment "
                 "is reopened (File > Close Environment, then open it again); until then %1 keeps the ones it was "
                 "opened with.")
                  .arg(environment.name);
    using S = EnvironmentChange::Subject;
    const bool slotsOrHooks
        = change.touches(S::Slot) || change.touches(S::DeployHook) || change.touches(S::UndeployHook);
    if (rolloutInProgress && slotsOrHooks)
        text += u' ' + tr("The rollout under way keeps its slots and hooks; the next rollout uses the new ones.");
    return text;
}

void EnvironmentWatchController::applied(
    const QString &path, const Environment &environment, const EnvironmentChange &change)
{
    const Watched watched = m_watched.value(path);
    bool inProgress = false;
    if (watched.session) {
        const std::optional<RolloutRecord> latest = watched.session->latest();
        inProgress = latest && RolloutStateMachine::isActive(latest->state);
        watched.session->setEnvironment(environment); // the engine first: what it enforces is what is shown
    }
    Q_EMIT environmentApplied(environment);
    const QString text = describe(environment, change, watched.watcher && watched.watcher->reopenPending(), inProgress);
    if (!text.isEmpty()) {
        m_banner.showMessage(Banner::Kind::Info, text);
        m_bannerPath = path;
        m_bannerIsError = false;
    } else if (m_bannerIsError && m_bannerPath == path) {
        m_banner.hide(); // valid again as before: the error is over
        m_bannerPath.clear();
        m_bannerIsError = false;
    }
}

void EnvironmentWatchController::rejected(const QString &path, const Error &error)
{
    m_banner.showMessage(Banner::Kind::Error,
        tr("%1 was not applied: %2. The last good configuration stays in force everywhere.")
            .arg(QFileInfo(path).fileName(), error.message)); // the message names the whole path and line
    m_bannerPath = path;
    m_bannerIsError = true;
}

} // namespace gl::ui
