#pragma once

#include "backends/haproxy/haproxycommand.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <optional>

class QIODevice;

namespace gl {

class HaproxyRuntimeClient;

// One batch of Runtime API commands sent in one line over a new connection: a job object. Create it with
// HaproxyRuntimeClient::send(), connect finished(), then start() (or startNow()). The client runs requests
// one at a time in the order they were started. finished() is emitted exactly once, never from inside start(); the
// request deletes itself afterwards (deleteLater).
//
// Errors: InvalidArgument (a command could not be built), Unreachable (socket missing or refused, after
// `connectRetries()` quick retries), Timeout (no complete reply within timeout() of start(), queue time
// included), Protocol (reply cut off or malformed; the batch may have been applied in part), Refused (HAProxy
// printed text for a command that must print nothing; the message names the command).
class HaproxyRequest final : public QObject {
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 2000;

    ~HaproxyRequest() override;

    [[nodiscard]] const QList<HaproxyCommand> &commands() const { return m_commands; }
    [[nodiscard]] int timeout() const { return m_timeoutMs; }
    // Before start(): the time allowed from start() to the complete reply.
    void setTimeout(int ms) { m_timeoutMs = ms; }

    void start();
    // Like start(), but the commands go on the wire from inside this call when no change (a `set` command) is
    // queued or under way ahead of them: reads in flight (`show ...`) do not delay them, they have connections
    // of their own. Otherwise it waits its turn like start(), so changes are still applied in order. For the
    // batch a person waits for (a rollback's restore). finished() is not emitted from inside it either.
    void startNow();
    // Whether a command of the batch changes HAProxy's state (every command but `show ...`).
    [[nodiscard]] bool changesState() const;
    // Ends the request with ErrorCode::Cancelled if it has not finished yet.
    void abort();

signals:
    // On success one reply per command (the text HAProxy printed; empty for a successful `set`).
    void finished(const gl::Result<QStringList> &perCommandReplies);

private:
    friend class HaproxyRuntimeClient;
    HaproxyRequest(HaproxyRuntimeClient *client, QList<HaproxyCommand> commands, std::optional<Error> invalid);

    void execute(); // called by the client when it is this request's turn
    void connectSocket();
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void onSocketError(const QString &errorText, bool refusedOrMissing);
    void onTimeout();
    void finish(Result<QStringList> result);
    void notifyFinished(const Result<QStringList> &result);

    QPointer<HaproxyRuntimeClient> m_client;
    QList<HaproxyCommand> m_commands;
    std::optional<Error> m_invalid;
    int m_timeoutMs = DefaultTimeoutMs;
    int m_attempt = 0;
    bool m_started = false;
    bool m_connected = false;
    bool m_finished = false;
    bool m_inStart = false; // startNow() is running execute(): finished() waits for the event loop
    QTimer m_timer;
    QIODevice *m_socket = nullptr;
    QByteArray m_reply;
};

} // namespace gl
