#pragma once

#include "model/environment.h"
#include "model/environmentchange.h"
#include "util/result.h"

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace gl {

// Watches an open environment's file and says when it changed, ~200 ms after the last write of a burst. It
// watches the file and its folder, so it also notices an editor that saves by writing a new file and renaming it
// over the old one, and a file deleted and written again (the watch on the file is added back each time).
//
// A valid edit puts a new configuration in force (reloadedEnvironment: what only reopening changes stays as it
// was) and changed() says what differs; an invalid edit, or a file that is gone or unreadable, leaves the last
// good configuration in force and invalid() gives the error with its file, line and field.
class EnvironmentWatcher final : public QObject {
    Q_OBJECT

public:
    static constexpr int DefaultDebounceMs = 200;
    static constexpr qint64 MaxFileBytes = 1024 * 1024; // an environment file is a few kB

    // `inForce` is the configuration read when the environment was opened; its filePath is watched.
    explicit EnvironmentWatcher(Environment inForce, QObject *parent = nullptr);

    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }
    // The configuration in force: as opened, then each valid edit.
    [[nodiscard]] const Environment &environment() const { return m_inForce; }
    // The file names something that takes effect only when the environment is reopened (a new state database,
    // Runtime API or backend); environment() keeps the old values until then.
    [[nodiscard]] bool reopenPending() const { return diffEnvironments(m_inForce, m_fromFile).needsReopen(); }
    // Why the file is not in force, when its last reading failed (else empty).
    [[nodiscard]] const std::optional<Error> &lastError() const { return m_error; }

    // Reads the file now (the watcher does it DefaultDebounceMs after the last change it noticed).
    void check();

signals:
    // A valid edit is in force. `change` says what differs from the previous reading; it is empty when only slot
    // versions or the layout changed, or when the file became valid again as it was before an invalid edit.
    void changed(const gl::Environment &environment, const gl::EnvironmentChange &change);
    // The file cannot be used (invalid, gone, unreadable, too large); the last good configuration stays.
    void invalid(const gl::Error &error);

private:
    void noticed();
    void watchPaths();

    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    Environment m_inForce;
    Environment m_fromFile; // the last good reading, as the file says (reopen-only fields included)
    QByteArray m_lastBytes; // of the last good reading
    std::optional<Error> m_error;
};

} // namespace gl
