#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

namespace gl {

// One asynchronous read, write or remove of a secret. Create it through a CredentialStore, connect to
// finished(), then call start(). finished() is emitted exactly once, never from inside start(): with the
// secret for a read, an empty byte array for a successful write or remove, or an Error (NotFound,
// Unavailable, Timeout, ...). The job deletes itself (deleteLater) after finished().
class CredentialJob : public QObject {
    Q_OBJECT

public:
    enum class Operation { Read, Write, Remove };

    static constexpr int kDefaultTimeoutMs = 30000;

    ~CredentialJob() override;

    [[nodiscard]] Operation operation() const { return m_operation; }
    [[nodiscard]] QString key() const { return m_key; }

    // How long to wait for the backend before finishing with ErrorCode::Timeout; 0 waits forever.
    // Set it before start().
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    [[nodiscard]] int timeoutMs() const { return m_timeoutMs; }

    [[nodiscard]] bool isStarted() const { return m_started; }
    [[nodiscard]] bool isFinished() const { return m_finished; }

    // Starts the job; a second call does nothing.
    void start();

signals:
    void finished(const gl::Result<QByteArray> &result);

protected:
    CredentialJob(Operation operation, QString key, QObject *parent);

    // Starts the backend work; must eventually call finish() (a late call after a timeout is ignored).
    virtual void doStart() = 0;
    // Emits finished() unless it already was, then schedules deletion.
    void finish(const Result<QByteArray> &result);

private:
    Operation m_operation;
    QString m_key;
    int m_timeoutMs = kDefaultTimeoutMs;
    QTimer m_timer;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace gl
