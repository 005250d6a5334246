// Bad HAProxy replies during a rollout: error text, a reply cut off, the socket gone. Each gives a held
// rollout with a clear message (never a crash, never a step recorded as done), and resume goes on once HAProxy
// answers again. HAProxy cannot produce these on demand, so a fake Runtime API plays it (stateful: it applies
// `set server` and reports weights and states back like HAProxy 2.6).
#include "engine/rolloutengine.h"
#include "storage/statestore.h"
#include "util/clock.h"

#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace gl;

namespace {

enum class Fault { None, ErrorText, CutOff, SocketGone };

class FakeHaproxy : public QObject {
public:
    struct Server {
        int weight = 0;
        int admin = 0; // 0x01 maint, 0x08 drain
    };
    Fault fault = Fault::None;
    QMap<QString, Server> servers;

    explicit FakeHaproxy(QString path)
        : m_path(std::move(path))
    {
        servers.insert(QStringLiteral("blue1"), {100, 0});
        servers.insert(QStringLiteral("green1"), {0, 0x01});
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QIODevice::readyRead, this, [this, socket] {
                    m_buffers[socket] += socket->readAll();
                    if (!m_buffers[socket].endsWith("quit\n"))
                        return;
                    const QByteArray request = m_buffers.take(socket);
                    QByteArray reply = answer(request.split('\n').value(1));
                    if (fault == Fault::CutOff)
                        reply = reply.left(reply.size() / 2);
                    socket->write(reply);
                    socket->disconnectFromServer();
                });
            }
        });
    }
    bool listen()
    {
        QLocalServer::removeServer(m_path);
        return m_server.listen(m_path);
    }
    void goAway()
    {
        m_server.close();
        QFile::remove(m_path);
    }

private:
    QByteArray answer(const QByteArray &line)
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
                const QList<QByteArray> words = command.split(' ');
                const QString name = QString::fromUtf8(words.value(2)).section(u'/', 1);
                if (fault == Fault::ErrorText || !servers.contains(name)) {
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

    QString m_path;
    QLocalServer m_server;
    QHash<QLocalSocket *, QByteArray> m_buffers;
};

} // namespace

class TestRolloutBadReplies : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void heldNotCrashed_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<QString>("expected"); // in the held rollout's message
        QTest::newRow("error text") << int(Fault::ErrorText) << QStringLiteral("No such server");
        QTest::newRow("reply cut off") << int(Fault::CutOff) << QStringLiteral("HAProxy did not apply");
        QTest::newRow("socket gone") << int(Fault::SocketGone) << QStringLiteral("HAProxy did not apply");
    }

    // At the 100 % step HAProxy misbehaves: the rollout is held with a message saying what failed, the step is
    // not recorded as done, the engine keeps running and answering; resume after HAProxy recovers completes it.
    void heldNotCrashed()
    {
        QFETCH(int, fault);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString socket = dir.filePath(QStringLiteral("admin.sock"));
        FakeHaproxy haproxy(socket);
        QVERIFY(haproxy.listen());

        Environment env;
        env.name = QStringLiteral("fake");
        env.runtimeApi = socket;
        env.backend = QStringLiteral("be_app");
        env.serverSlots
            = {{QStringLiteral("blue1"), QStringLiteral("blue"), QStringLiteral("127.0.0.1:9"), QStringLiteral("v1")},
                {QStringLiteral("green1"), QStringLiteral("green"), QStringLiteral("127.0.0.1:10"), QString()}};
        env.deployHook = QStringLiteral("/bin/echo deploy {slot} {version}");
        env.undeployHook = QStringLiteral("/bin/echo undeploy {slot}");
        env.stateDatabase = dir.filePath(QStringLiteral("state.db"));
        Result<StateStore> state = StateStore::open(env.stateDatabase);
        QVERIFY(state.ok());
        RolloutEngine engine(env, state.value(), SystemClock::instance());
        QVERIFY(engine.start().ok());

        ActionRecord start;
        start.action = QStringLiteral("start");
        start.actor = QStringLiteral("test");
        StrategyConfig config;
        config.canarySteps = {{50, {PauseKind::Gate, 0}}, {100, {}}};
        start.params = {{QStringLiteral("version"), QStringLiteral("v2")},
            {QStringLiteral("overrides"),
                QJsonObject {{QStringLiteral("canarySteps"), config.toJson().value(u"canarySteps")},
                    {QStringLiteral("canaryUndeployDelayMs"), 0}}}};
        QVERIFY(engine.store().enqueueAction(start).ok());
        QTRY_VERIFY_WITH_TIMEOUT(engine.current() && engine.current()->state == RolloutState::Paused, 10000);
        QCOMPARE(engine.current()->actualShare, 50.0);

        const int blueWeightBefore = haproxy.servers.value(QStringLiteral("blue1")).weight;
        haproxy.fault = Fault(fault);
        if (haproxy.fault == Fault::SocketGone)
            haproxy.goAway();
        ActionRecord promote;
        promote.action = QStringLiteral("promote");
        promote.actor = QStringLiteral("test");
        QVERIFY(engine.store().enqueueAction(promote).ok());
        QTRY_VERIFY_WITH_TIMEOUT(engine.current()->state == RolloutState::Held, 10000);
        QVERIFY2(engine.current()->message.contains(expected), qPrintable(engine.current()->message));
        QVERIFY(engine.isRunning());
        // The failed step is recorded as failed with the error, not as done.
        const QList<RolloutOp> ops = engine.store().ops(engine.current()->id).value();
        const auto failed
            = std::find_if(ops.cbegin(), ops.cend(), [](const RolloutOp &o) { return o.status == OpStatus::Failed; });
        QVERIFY(failed != ops.cend());
        QCOMPARE(failed->percent, 100.0);
        QVERIFY(!failed->result.isEmpty());
        if (haproxy.fault == Fault::ErrorText)
            QCOMPARE(haproxy.servers.value(QStringLiteral("blue1")).weight, blueWeightBefore); // nothing was lowered

        // HAProxy answers properly again: resume retries the step and the rollout completes.
        haproxy.fault = Fault::None;
        if (Fault(fault) == Fault::SocketGone)
            QVERIFY(haproxy.listen());
        ActionRecord resume;
        resume.action = QStringLiteral("resume");
        resume.actor = QStringLiteral("test");
        QVERIFY(engine.store().enqueueAction(resume).ok());
        QTRY_VERIFY_WITH_TIMEOUT(engine.current()->state == RolloutState::Completed, 15000);
        QCOMPARE(haproxy.servers.value(QStringLiteral("green1")).weight, 100);
        QCOMPARE(haproxy.servers.value(QStringLiteral("blue1")).admin, 0x01);
        engine.stop();
    }
};

QTEST_GUILESS_MAIN(TestRolloutBadReplies)
#include "tst_rollout_badreplies.moc"
