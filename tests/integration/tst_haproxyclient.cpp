// HaproxyRuntimeClient and HaproxyStateKeeper against a REAL haproxy (Debian's 2.6), started by the test in
// master-worker mode with its own config and sockets in a temporary directory.
#include "backends/haproxy/haproxyparsers.h"
#include "backends/haproxy/haproxyrequest.h"
#include "backends/haproxy/haproxyruntimeclient.h"
#include "backends/haproxy/haproxystatekeeper.h"

#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace gl;

namespace {

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

Result<QStringList> resultAt(const QSignalSpy &spy, int index = 0)
{
    const QVariant &argument = spy.at(index).at(0);
    if (argument.metaType() != QMetaType::fromType<Result<QStringList>>())
        qFatal("unexpected signal argument type %s", argument.metaType().name());
    return *static_cast<const Result<QStringList> *>(argument.constData());
}

} // namespace

class TestHaproxyClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    // show info reaches the worker: a Pid and a 2.6 version.
    void showInfo();
    // Weights and states set in ONE batch are what show stat and show servers state report afterwards.
    void setServersInOneBatch();
    // An unknown server is Refused, naming the failing command; the other commands of the line still apply.
    void unknownServerIsRefused();
    // A reload through the master CLI resets runtime weights to the configuration (why the keeper exists).
    void reloadResetsWeights();
    // After a reload the state keeper re-applies the desired weights and states within 1 s.
    void stateKeeperReappliesAfterReload();

private:
    // Runs commands through the client and waits for the reply.
    Result<QStringList> run(const QStringList &commands);
    // The current worker's Pid and the runtime weight of each server of be_app, in one request.
    bool readState(qint64 *pid, QHash<QString, int> *weights, QHash<QString, QString> *statuses = nullptr);
    // The same from show servers state (runtime weights and admin flags).
    bool readServers(qint64 *pid, QHash<QString, ServerState> *servers);
    // Sends one command to the master CLI and returns what it printed (empty if it could not connect).
    QByteArray masterCli(const QByteArray &command);
    void reload();

    QTemporaryDir m_dir;
    QProcess m_haproxy;
    HaproxyRuntimeClient *m_client = nullptr;
};

void TestHaproxyClient::initTestCase()
{
    const QString haproxy
        = QStandardPaths::findExecutable(QStringLiteral("haproxy"), {"/usr/sbin", "/usr/local/sbin", "/usr/bin"});
    if (haproxy.isEmpty())
        QSKIP("haproxy is not installed");
    QVERIFY(m_dir.isValid());
    const quint16 frontendPort = freePort();
    QVERIFY(frontendPort != 0);
    QString config = QStringLiteral("global\n"
                                    "    stats socket %1 mode 600 level admin\n"
                                    "defaults\n"
                                    "    mode http\n"
                                    "    timeout connect 1s\n"
                                    "    timeout client 5s\n"
                                    "    timeout server 5s\n"
                                    "frontend fe_app\n"
                                    "    bind 127.0.0.1:%2\n"
                                    "    default_backend be_app\n"
                                    "backend be_app\n"
                                    "    balance roundrobin\n")
                         .arg(m_dir.filePath(QStringLiteral("admin.sock")))
                         .arg(frontendPort);
    // Servers on free ports with nothing behind them and no health checks: the Runtime API does not care.
    for (const char *name : {"s1", "s2", "s3"})
        config += QStringLiteral("    server %1 127.0.0.1:%2 weight 100\n").arg(QLatin1String(name)).arg(freePort());
    QFile file(m_dir.filePath(QStringLiteral("haproxy.cfg")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(config.toUtf8());
    file.close();

    m_haproxy.setProgram(haproxy);
    m_haproxy.setArguments({"-W", "-S", m_dir.filePath(QStringLiteral("master.sock")), "-f", file.fileName()});
    m_haproxy.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_haproxy.start();
    QVERIFY2(m_haproxy.waitForStarted(), qPrintable(m_haproxy.errorString()));

    m_client = new HaproxyRuntimeClient(m_dir.filePath(QStringLiteral("admin.sock")), this);
    QTRY_VERIFY_WITH_TIMEOUT(run({"show info"}).ok(), 10000);
}

void TestHaproxyClient::cleanupTestCase()
{
    if (m_haproxy.state() != QProcess::NotRunning) {
        m_haproxy.terminate(); // SIGTERM to the master's PID; it stops its workers
        if (!m_haproxy.waitForFinished(5000))
            m_haproxy.kill();
        m_haproxy.waitForFinished(2000);
    }
}

Result<QStringList> TestHaproxyClient::run(const QStringList &commands)
{
    HaproxyRequest *request = m_client->send(commands);
    QSignalSpy spy(request, &HaproxyRequest::finished);
    request->start();
    if (!spy.wait(5000))
        return makeError(ErrorCode::Timeout, QStringLiteral("no finished() from the request"));
    return resultAt(spy);
}

bool TestHaproxyClient::readState(qint64 *pid, QHash<QString, int> *weights, QHash<QString, QString> *statuses)
{
    const Result<QStringList> reply = run({"show info", "show stat"});
    if (!reply)
        return false;
    const Result<HaproxyInfo> info = parseShowInfo(reply->at(0).toUtf8());
    const Result<QList<ServerStat>> stats = parseShowStat(reply->at(1).toUtf8());
    if (!info || !stats)
        return false;
    *pid = info->pid;
    weights->clear();
    for (const ServerStat &stat : stats.value()) {
        if (stat.proxy == u"be_app" && stat.isServer()) {
            weights->insert(stat.server, stat.weight);
            if (statuses)
                statuses->insert(stat.server, stat.status);
        }
    }
    return true;
}

bool TestHaproxyClient::readServers(qint64 *pid, QHash<QString, ServerState> *servers)
{
    const Result<QStringList> reply = run({"show info", "show servers state be_app"});
    if (!reply)
        return false;
    const Result<HaproxyInfo> info = parseShowInfo(reply->at(0).toUtf8());
    const Result<QList<ServerState>> states = parseServersState(reply->at(1).toUtf8());
    if (!info || !states)
        return false;
    *pid = info->pid;
    servers->clear();
    for (const ServerState &state : states.value())
        servers->insert(state.server, state);
    return true;
}

QByteArray TestHaproxyClient::masterCli(const QByteArray &command)
{
    QLocalSocket master;
    master.connectToServer(m_dir.filePath(QStringLiteral("master.sock")));
    if (!master.waitForConnected(1000))
        return {};
    master.write(command + '\n');
    QByteArray reply;
    while (master.state() == QLocalSocket::ConnectedState && master.waitForReadyRead(2000))
        reply += master.readAll();
    return reply + master.readAll();
}

void TestHaproxyClient::reload()
{
    // The master CLI socket appears a little after the worker's, and the master re-executes itself on each
    // reload: wait until it answers `show proc` before asking for the reload.
    QTRY_VERIFY_WITH_TIMEOUT(masterCli("show proc").contains("worker"), 10000);
    masterCli("reload"); // answers nothing and closes
}

void TestHaproxyClient::showInfo()
{
    std::optional<Result<HaproxyInfo>> info;
    m_client->showInfo(this, [&](const Result<HaproxyInfo> &result) { info = result; });
    QTRY_VERIFY(info.has_value());
    QVERIFY2(info->ok(), qPrintable(info->ok() ? QString() : info->error().toString()));
    QVERIFY(info->value().pid > 0);
    QVERIFY2(info->value().version.startsWith(u"2."), qPrintable(info->value().version));
    QVERIFY(!info->value().stopping);
}

void TestHaproxyClient::setServersInOneBatch()
{
    std::optional<Status> status;
    m_client->setServers(
        {ServerChange {"be_app", "s1", 40, ServerAdminState::Ready}, ServerChange {"be_app", "s2", 0, std::nullopt},
            ServerChange {"be_app", "s3", 7, ServerAdminState::Drain}},
        this, [&](const Status &s) { status = s; });
    QTRY_VERIFY(status.has_value());
    QVERIFY2(status->ok(), qPrintable(status->ok() ? QString() : status->error().toString()));

    qint64 pid = 0;
    QHash<QString, int> weights;
    QHash<QString, QString> statuses;
    QVERIFY(readState(&pid, &weights, &statuses));
    QCOMPARE(weights.value("s1"), 40);
    QCOMPARE(weights.value("s2"), 0);
    QCOMPARE(weights.value("s3"), 7);
    QCOMPARE(statuses.value("s3"), QStringLiteral("DRAIN"));

    std::optional<Result<QList<ServerState>>> servers;
    m_client->showServersState(
        this, [&](const Result<QList<ServerState>> &r) { servers = r; }, "be_app");
    QTRY_VERIFY(servers.has_value());
    QVERIFY(servers->ok());
    QCOMPARE(servers->value().size(), 3);
    for (const ServerState &server : servers->value()) {
        QCOMPARE(server.userWeight, weights.value(server.server));
        QCOMPARE(server.initialWeight, 100);
        QCOMPARE(server.draining(), server.server == u"s3");
    }
}

void TestHaproxyClient::unknownServerIsRefused()
{
    const Result<QStringList> reply
        = run({"set server be_app/s1 weight 11", "set server be_app/s9 weight 10", "set server be_app/s2 weight 12"});
    QVERIFY(!reply.ok());
    QCOMPARE(reply.error().code, ErrorCode::Refused);
    QVERIFY2(reply.error().message.contains(u"'set server be_app/s9 weight 10'"), qPrintable(reply.error().message));
    QVERIFY2(reply.error().message.contains(u"No such server"), qPrintable(reply.error().message));

    // Measured behaviour: a refused command does not stop the line.
    qint64 pid = 0;
    QHash<QString, int> weights;
    QVERIFY(readState(&pid, &weights));
    QCOMPARE(weights.value("s1"), 11);
    QCOMPARE(weights.value("s2"), 12);
}

void TestHaproxyClient::reloadResetsWeights()
{
    QVERIFY(run({"set server be_app/s1 weight 5", "set server be_app/s2 weight 6", "set server be_app/s3 weight 7",
                    "set server be_app/s3 state ready"})
                .ok());
    qint64 before = 0;
    QHash<QString, int> weights;
    QVERIFY(readState(&before, &weights));
    QCOMPARE(weights.value("s1"), 5);

    reload();
    qint64 after = 0;
    QTRY_VERIFY_WITH_TIMEOUT(readState(&after, &weights) && after != before, 10000);
    QCOMPARE(weights.value("s1"), 100);
    QCOMPARE(weights.value("s2"), 100);
    QCOMPARE(weights.value("s3"), 100);
}

void TestHaproxyClient::stateKeeperReappliesAfterReload()
{
    const QList<ServerChange> desired {ServerChange {"be_app", "s1", 0, std::nullopt},
        ServerChange {"be_app", "s2", 60, ServerAdminState::Ready},
        ServerChange {"be_app", "s3", 1, ServerAdminState::Maint}};
    std::optional<Status> applied;
    m_client->setServers(desired, this, [&](const Status &s) { applied = s; });
    QTRY_VERIFY(applied.has_value());
    QVERIFY(applied->ok());

    HaproxyStateKeeper keeper(m_client);
    keeper.setDesiredState(desired);
    QSignalSpy reloads(&keeper, &HaproxyStateKeeper::reloadDetected);
    QSignalSpy reapplied(&keeper, &HaproxyStateKeeper::desiredStateReapplied);
    keeper.start();
    QTRY_VERIFY(keeper.lastInfo().has_value());
    const qint64 before = keeper.lastInfo()->pid;

    reload();
    // Within 1 s of the reload command, the new worker has the desired weights and states.
    qint64 pid = 0;
    // show stat keeps the old effective weight of a server in maintenance, so compare the runtime (user)
    // weights and admin states of show servers state.
    const auto desiredHolds = [&] {
        QHash<QString, ServerState> servers;
        if (!readServers(&pid, &servers) || pid == before)
            return false;
        return servers.value("s1").userWeight == 0 && !servers.value("s1").inMaintenance()
            && servers.value("s2").userWeight == 60 && !servers.value("s2").inMaintenance()
            && servers.value("s3").userWeight == 1 && servers.value("s3").inMaintenance();
    };
    QTRY_VERIFY_WITH_TIMEOUT(desiredHolds(), 1000);

    QTRY_COMPARE(reapplied.size(), 1);
    const auto status = *static_cast<const Status *>(reapplied.at(0).at(0).constData());
    QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().toString()));
    QCOMPARE(reloads.size(), 1);
    const auto current = *static_cast<const HaproxyInfo *>(reloads.at(0).at(1).constData());
    QCOMPARE(current.pid, pid);
    keeper.stop();
}

QTEST_GUILESS_MAIN(TestHaproxyClient)
#include "tst_haproxyclient.moc"
