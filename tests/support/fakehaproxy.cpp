#include "fakehaproxy.h"

#include <QFile>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QTimer>

namespace gl::test {

FakeHaproxy::FakeHaproxy(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
{
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QIODevice::readyRead, this, [this, socket] {
                m_buffers[socket] += socket->readAll();
                if (!m_buffers[socket].endsWith("quit\n"))
                    return;
                const QByteArray request = m_buffers.take(socket);
                QByteArray reply = answer(request.split('\n').value(1));
                if (cutReplies)
                    reply = reply.left(reply.size() / 2);
                if (changeReplyDelayMs > 0 && request.contains("set server")) {
                    QTimer::singleShot(changeReplyDelayMs, socket, [socket, reply] {
                        socket->write(reply);
                        socket->disconnectFromServer();
                    });
                    return;
                }
                socket->write(reply);
                socket->disconnectFromServer();
            });
        }
    });
}

bool FakeHaproxy::listen()
{
    QLocalServer::removeServer(m_path);
    return m_server.listen(m_path);
}

void FakeHaproxy::goAway()
{
    m_server.close();
    QFile::remove(m_path);
}

QByteArray FakeHaproxy::answer(const QByteArray &line)
{
    QByteArray reply("\n> "); // the `prompt` command's empty output
    for (const QByteArray &raw : line.split(';')) {
        const QByteArray command = raw.trimmed();
        QByteArray output;
        if (command.startsWith("show info")) {
            output = "Name: HAProxy\nVersion: 2.6.12\nPid: 4242\nUptime_sec: 100\n";
        } else if (command.startsWith("show stat")) {
            output = "# pxname,svname,qcur,scur,stot,status,weight,type,check_status\n";
            for (auto it = servers.cbegin(); it != servers.cend(); ++it) {
                const Server &s = it.value();
                const QByteArray status = (s.admin & 0x01) ? "MAINT"
                    : (s.admin & 0x08)                     ? "DRAIN"
                    : s.weight == 0                        ? "NOLB"
                                                           : "UP";
                output += "be_app," + it.key().toUtf8() + ",0,0,0," + status + ',' + QByteArray::number(s.weight)
                    + ",2," + ((s.admin & 0x01) ? "" : "L7OK") + '\n';
            }
            output += "\n";
        } else if (command.startsWith("show servers state")) {
            output = "1\n# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight "
                     "srv_iweight\n";
            int id = 1;
            for (auto it = servers.cbegin(); it != servers.cend(); ++it, ++id)
                output += "3 be_app " + QByteArray::number(id) + ' ' + it.key().toUtf8() + " 127.0.0.1 2 "
                    + QByteArray::number(it.value().admin) + ' ' + QByteArray::number(it.value().weight) + " 100\n";
            output += "\n";
        } else if (command.startsWith("set server ")) {
            ++setCommands;
            const QList<QByteArray> words = command.split(' ');
            const QString name = QString::fromUtf8(words.value(2)).section(u'/', 1);
            if (setServerFails || !servers.contains(name)) {
                output = "No such server.\n";
            } else if (words.value(3) == "weight") {
                servers[name].weight = words.value(4).toInt();
            } else if (words.value(3) == "state") {
                servers[name].admin = words.value(4) == "maint" ? 0x01 : words.value(4) == "drain" ? 0x08 : 0;
            }
        } else {
            output = "Unknown command.\n";
        }
        reply += output + "\n> ";
    }
    return reply;
}

std::unique_ptr<FakeHaproxy> blueGreenHaproxy(const QTemporaryDir &dir)
{
    auto haproxy = std::make_unique<FakeHaproxy>(dir.filePath(QStringLiteral("admin.sock")));
    haproxy->servers.insert(QStringLiteral("blue1"), {100, 0});
    haproxy->servers.insert(QStringLiteral("green1"), {0, 0x01});
    if (!haproxy->listen())
        return nullptr;
    return haproxy;
}

Environment blueGreenEnvironment(const QString &name, const QTemporaryDir &dir, const FakeHaproxy &haproxy)
{
    Environment env;
    env.name = name;
    env.runtimeApi = haproxy.path();
    env.backend = QStringLiteral("be_app");
    env.serverSlots
        = {{QStringLiteral("blue1"), QStringLiteral("blue"), QStringLiteral("127.0.0.1:9"), QStringLiteral("v1")},
            {QStringLiteral("green1"), QStringLiteral("green"), QStringLiteral("127.0.0.1:10"), QString()}};
    env.deployHook = QStringLiteral("/bin/echo deploy {slot} {version}");
    env.undeployHook = QStringLiteral("/bin/echo undeploy {slot}");
    env.stateDatabase = dir.filePath(QStringLiteral("state.db"));
    return env;
}

} // namespace gl::test
