#include "credentialjob.h"

#include "util/logging.h"

namespace gl {

CredentialJob::CredentialJob(Operation operation, QString key, QObject *parent)
    : QObject(parent)
    , m_operation(operation)
    , m_key(std::move(key))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        qCWarning(lcCredentials) << "Credential job for" << m_key << "timed out after" << m_timeoutMs << "ms";
        finish(makeError(ErrorCode::Timeout,
            tr("The keychain did not answer within %n second(s).", nullptr, (m_timeoutMs + 999) / 1000)));
    });
}

CredentialJob::~CredentialJob() = default;

void CredentialJob::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_timeoutMs > 0)
        m_timer.start(m_timeoutMs);
    // Deferred so that finished() never fires inside start(), whatever the backend does.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_finished)
                doStart();
        },
        Qt::QueuedConnection);
}

void CredentialJob::finish(const Result<QByteArray> &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    emit finished(result);
    deleteLater();
}

} // namespace gl
