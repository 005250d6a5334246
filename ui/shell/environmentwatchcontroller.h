#pragma once

#include "model/environment.h"
#include "model/environmentchange.h"
#include "util/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace gl {
class EnvironmentWatcher;
class RolloutSession;
} // namespace gl

namespace gl::ui {

class Banner;

// Watches the files of the console's open environments (an EnvironmentWatcher each) and puts every valid edit in
// force in one step: the environment's RolloutSession (and the engine it runs) first, then environmentApplied()
// for the places. Its banner says in plain words what changed ("sandbox.yaml changed: gate cab added; approver bob
// added"), what waits for the environment to be reopened, or why an edit was not applied (file, line, field) —
// in which case nothing changes anywhere.
class EnvironmentWatchController final : public QObject {
    Q_OBJECT
public:
    explicit EnvironmentWatchController(Banner &banner, QObject *parent = nullptr);
    ~EnvironmentWatchController() override;

    // Starts watching `environment`'s file; `session` (may be null) takes each valid edit.
    void watch(const Environment &environment, RolloutSession *session);
    void forget(const QString &path);
    // For tests: how long a burst of writes is waited out (EnvironmentWatcher::DefaultDebounceMs).
    void setDebounceMs(int ms);
    [[nodiscard]] EnvironmentWatcher *watcher(const QString &path) const;

    // The banner's text for a valid edit of `environment`'s file (empty when it names nothing).
    [[nodiscard]] static QString describe(
        const Environment &environment, const EnvironmentChange &change, bool reopenPending, bool rolloutInProgress);

Q_SIGNALS:
    // A valid edit of an open environment's file is in force (its session already has it).
    void environmentApplied(const gl::Environment &environment);

private:
    void applied(const QString &path, const Environment &environment, const EnvironmentChange &change);
    void rejected(const QString &path, const Error &error);

    Banner &m_banner;
    QString m_bannerPath; // whose file the banner speaks of
    bool m_bannerIsError = false;
    struct Watched {
        EnvironmentWatcher *watcher = nullptr;
        QPointer<RolloutSession> session;
    };
    QHash<QString, Watched> m_watched;
    int m_debounceMs = -1;
};

} // namespace gl::ui
