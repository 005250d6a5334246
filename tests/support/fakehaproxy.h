#pragma once

#include "model/environment.h"

#include <QByteArray>
#include <QHash>
#include <QLocalServer>
#include <QMap>
#include <QObject>
#include <QString>

#include <memory>

class QLocalSocket;
class QTemporaryDir;

namespace gl::test {

// A stateful stand-in for HAProxy 2.6's Runtime API on a Unix socket, for engine tests that need edge cases or a
// clock HAProxy cannot give (a ManualClock across hours). It applies `set server ... weight|state` to backend
// be_app and reports the servers back through `show stat` (status, weight, check L7OK unless in maintenance) and
// `show servers state` (admin bits: 0x01 maint, 0x08 drain), like HAProxy does. Real HAProxy stays the rule for
// integration tests (tests/integration on the sandbox).
class FakeHaproxy final : public QObject {
public:
    struct Server {
        int weight = 0;
        int admin = 0; // 0x01 maint, 0x08 drain
    };
    // `setServerFails`: every `set server` answers "No such server." (HAProxy's error text).
    bool setServerFails = false;
    // `cutReplies`: every reply is cut off halfway (the command is still applied), like a connection lost mid-reply.
    bool cutReplies = false;
    // `changeReplyDelayMs`: a request holding a `set server` is applied at once but answered this much later (a
    // batch in flight, for tests of what waits for its answer).
    int changeReplyDelayMs = 0;
    QMap<QString, Server> servers;
    // `set server` commands received so far (whatever their answer).
    int setCommands = 0;

    explicit FakeHaproxy(QString path, QObject *parent = nullptr);
    [[nodiscard]] bool listen();
    // The socket goes away (closed and its file removed) until the next listen().
    void goAway();
    [[nodiscard]] QString path() const { return m_path; }

private:
    [[nodiscard]] QByteArray answer(const QByteArray &line);

    QString m_path;
    QLocalServer m_server;
    QHash<QLocalSocket *, QByteArray> m_buffers;
};

// A FakeHaproxy listening on `dir`/admin.sock with blue1 serving at weight 100 and green1 idle in maintenance;
// nullptr when it cannot listen.
[[nodiscard]] std::unique_ptr<FakeHaproxy> blueGreenHaproxy(const QTemporaryDir &dir);
// The environment `name` of those two slots behind `haproxy`: backend be_app, blue1 (blue, v1) and green1 (green,
// idle), hooks that only echo, the state database `dir`/state.db. Tests set what they need on top.
[[nodiscard]] Environment blueGreenEnvironment(
    const QString &name, const QTemporaryDir &dir, const FakeHaproxy &haproxy);

} // namespace gl::test
