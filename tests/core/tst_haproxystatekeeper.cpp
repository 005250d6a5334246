// HaproxyStateKeeper's reload detection and re-apply batch, against a fake Runtime API whose `show info` the
// test controls (a same-Pid restart and an old worker still answering cannot be produced on demand by a real
// HAProxy). The real reload is covered in tests/integration/tst_haproxyclient.
#include "backends/haproxy/haproxyruntimeclient.h"
#include "backends/haproxy/haproxystatekeeper.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gl;

class TestHaproxyStateKeeper : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    // Capacity-adding changes go first so that a backend's total weight never passes through 0.
    void reapplyOrder();
    // A Pid change is a reload: reloadDetected, then the desired state in one batch ending with show info.
    void pidChangeReapplies();
    // Uptime going down under the same Pid is a restart too.
    void uptimeDecreaseIsReload();
    // An old worker answering with "Stopping: 1" is not a reload, and nothing is re-applied to it.
    void stoppingWorkerIgnored();
    // Without a desired state a reload is reported but nothing is sent.
    void noDesiredStateSendsNothing();

private:
    QByteArray info() const
    {
        return QStringLiteral("Name: HAProxy\nPid: %1\nUptime_sec: %2\nStopping: %3\n\n")
            .arg(m_pid)
            .arg(m_uptime)
            .arg(m_stopping ? 1 : 0)
            .toUtf8();
    }

    QTemporaryDir *m_dir = nullptr;
    QLocalServer *m_server = nullptr;
    QList<QByteArray> m_lines; // command lines received, without "prompt"/"quit"
    qint64 m_pid = 100;
    qint64 m_uptime = 10;
    bool m_stopping = false;
};

void TestHaproxyStateKeeper::init()
{
    m_dir = new QTemporaryDir;
    m_server = new QLocalServer;
    m_lines.clear();
    m_pid = 100;
    m_uptime = 10;
    m_stopping = false;
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                socket->setProperty("buffer", QByteArray(socket->property("buffer").toByteArray() + socket->readAll()));
                const QByteArray request = socket->property("buffer").toByteArray();
                if (!request.endsWith("quit\n"))
                    return;
                const QByteArray line = request.split('\n').value(1);
                m_lines.append(line);
                QByteArray reply = "\n> ";
                for (const QByteArray &command : line.split(';'))
                    reply += (command.trimmed() == "show info" ? info() : QByteArray()) + "\n> ";
                socket->write(reply);
                socket->disconnectFromServer();
            });
        }
    });
    QVERIFY(m_server->listen(m_dir->filePath(QStringLiteral("admin.sock"))));
}

void TestHaproxyStateKeeper::cleanup()
{
    delete m_server;
    delete m_dir;
}

void TestHaproxyStateKeeper::reapplyOrder()
{
    const QList<ServerChange> desired {ServerChange {"be", "blue", 0, std::nullopt},
        ServerChange {"be", "old", std::nullopt, ServerAdminState::Maint},
        ServerChange {"be", "green", 100, ServerAdminState::Ready}, ServerChange {"be", "canary", 5, std::nullopt}};
    const QList<ServerChange> ordered = HaproxyStateKeeper::reapplyOrder(desired);
    QCOMPARE(ordered.size(), 4);
    QCOMPARE(ordered.at(0).server, QStringLiteral("green"));
    QCOMPARE(ordered.at(1).server, QStringLiteral("canary"));
    QCOMPARE(ordered.at(2).server, QStringLiteral("blue"));
    QCOMPARE(ordered.at(3).server, QStringLiteral("old"));
}

void TestHaproxyStateKeeper::pidChangeReapplies()
{
    HaproxyRuntimeClient client(m_dir->filePath(QStringLiteral("admin.sock")));
    HaproxyStateKeeper keeper(&client);
    keeper.setPollInterval(20);
    keeper.setDesiredState(
        {ServerChange {"be", "blue", 0, std::nullopt}, ServerChange {"be", "green", 100, std::nullopt}});
    QSignalSpy reloads(&keeper, &HaproxyStateKeeper::reloadDetected);
    QSignalSpy reapplied(&keeper, &HaproxyStateKeeper::desiredStateReapplied);
    keeper.start();
    QTRY_VERIFY(m_lines.size() >= 3);
    QCOMPARE(reloads.size(), 0);

    m_pid = 200;
    m_uptime = 0;
    QTRY_COMPARE(reapplied.size(), 1);
    QCOMPARE(reloads.size(), 1);
    QVERIFY(static_cast<const Status *>(reapplied.at(0).at(0).constData())->ok());
    QVERIFY(m_lines.contains("set server be/green weight 100; set server be/blue weight 0; show info"));
    QCOMPARE(keeper.lastInfo()->pid, qint64(200));

    // Once re-applied, further polls of the same process change nothing.
    const qsizetype sent = m_lines.size();
    QTRY_VERIFY(m_lines.size() > sent + 3);
    QCOMPARE(reloads.size(), 1);
    QCOMPARE(reapplied.size(), 1);
}

void TestHaproxyStateKeeper::uptimeDecreaseIsReload()
{
    HaproxyRuntimeClient client(m_dir->filePath(QStringLiteral("admin.sock")));
    HaproxyStateKeeper keeper(&client);
    keeper.setPollInterval(20);
    keeper.setDesiredState({ServerChange {"be", "green", 100, std::nullopt}});
    QSignalSpy reapplied(&keeper, &HaproxyStateKeeper::desiredStateReapplied);
    keeper.start();
    QTRY_VERIFY(keeper.lastInfo().has_value());
    m_uptime = 11;
    QTRY_COMPARE(keeper.lastInfo()->uptimeSec, qint64(11));
    QCOMPARE(reapplied.size(), 0);
    m_uptime = 1;
    QTRY_COMPARE(reapplied.size(), 1);
}

void TestHaproxyStateKeeper::stoppingWorkerIgnored()
{
    HaproxyRuntimeClient client(m_dir->filePath(QStringLiteral("admin.sock")));
    HaproxyStateKeeper keeper(&client);
    keeper.setPollInterval(20);
    keeper.setDesiredState({ServerChange {"be", "green", 100, std::nullopt}});
    QSignalSpy reloads(&keeper, &HaproxyStateKeeper::reloadDetected);
    keeper.start();
    QTRY_VERIFY(keeper.lastInfo().has_value());
    m_pid = 99;
    m_stopping = true;
    const qsizetype sent = m_lines.size();
    QTRY_VERIFY(m_lines.size() > sent + 5);
    QCOMPARE(reloads.size(), 0);
    QCOMPARE(keeper.lastInfo()->pid, qint64(100));
    for (const QByteArray &line : std::as_const(m_lines))
        QVERIFY2(!line.startsWith("set "), line.constData());
}

void TestHaproxyStateKeeper::noDesiredStateSendsNothing()
{
    HaproxyRuntimeClient client(m_dir->filePath(QStringLiteral("admin.sock")));
    HaproxyStateKeeper keeper(&client);
    keeper.setPollInterval(20);
    QSignalSpy reloads(&keeper, &HaproxyStateKeeper::reloadDetected);
    QSignalSpy reapplied(&keeper, &HaproxyStateKeeper::desiredStateReapplied);
    keeper.start();
    QTRY_VERIFY(keeper.lastInfo().has_value());
    m_pid = 300;
    QTRY_COMPARE(reloads.size(), 1);
    QTest::qWait(100);
    QCOMPARE(reapplied.size(), 0);
    for (const QByteArray &line : std::as_const(m_lines))
        QCOMPARE(line, QByteArray("show info"));
}

QTEST_GUILESS_MAIN(TestHaproxyStateKeeper)
#include "tst_haproxystatekeeper.moc"
