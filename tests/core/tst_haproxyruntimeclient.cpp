// HaproxyRuntimeClient against a fake Runtime API, for what a real HAProxy cannot do on demand: cut a reply
// in half, never answer, vanish. The behaviour against the real thing is in tests/integration.
#include "backends/haproxy/haproxyrequest.h"
#include "backends/haproxy/haproxyruntimeclient.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace gl;

namespace {

// Accepts connections, collects each request up to "quit\n" and answers with `reply(request)`; an empty
// optional means never answer. Closes after answering when `closeAfterReply`.
class FakeRuntimeApi : public QObject {
public:
    std::function<std::optional<QByteArray>(const QByteArray &)> reply;
    bool closeAfterReply = true;
    QList<QByteArray> requests;

    void attach(QIODevice *socket)
    {
        auto *buffer = new QByteArray;
        connect(socket, &QObject::destroyed, this, [buffer] { delete buffer; });
        connect(socket, &QIODevice::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            if (!buffer->endsWith("quit\n"))
                return;
            requests.append(*buffer);
            const std::optional<QByteArray> answer = reply(*buffer);
            if (!answer)
                return;
            socket->write(*answer);
            if (closeAfterReply) {
                if (auto *local = qobject_cast<QLocalSocket *>(socket))
                    local->disconnectFromServer();
                else if (auto *tcp = qobject_cast<QTcpSocket *>(socket))
                    tcp->disconnectFromHost();
            }
        });
    }
};

// The Result<QStringList> of finished() number `index` recorded by `spy` (Result has no default constructor,
// so QVariant::value() cannot be used).
Result<QStringList> resultAt(const QSignalSpy &spy, int index = 0)
{
    const QVariant &argument = spy.at(index).at(0);
    if (argument.metaType() != QMetaType::fromType<Result<QStringList>>())
        qFatal("unexpected signal argument type %s", argument.metaType().name());
    return *static_cast<const Result<QStringList> *>(argument.constData());
}

// What haproxy 2.6 answers in prompt mode when every command succeeds with no output.
QByteArray allOk(const QByteArray &request)
{
    const QByteArray line = request.split('\n').value(1);
    return QByteArray("\n> ").repeated(int(line.count(';')) + 2);
}

} // namespace

class TestHaproxyRuntimeClient : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    // A well-formed reply gives one output per command; the request line is what HAProxy expects.
    void successOverLocalSocket();
    // The same over TCP (host:port endpoints).
    void successOverTcp();
    // A reply cut off mid-line, then the socket closed: Protocol, never a success.
    void replyCutOff();
    // A server that accepts but never answers: Timeout after the request's timeout.
    void noAnswerTimesOut();
    // No socket file: Unreachable after the quick retries.
    void missingSocketIsUnreachable();
    // A socket file nobody listens on (HAProxy died): Unreachable.
    void staleSocketIsUnreachable();
    // A socket that appears during the connect retries (HAProxy restarting) is used transparently.
    void connectRetrySucceeds();
    // Requests run one at a time in start() order, and finish in that order.
    void requestsAreQueuedInOrder();
    // The timeout counts from start(): a request stuck behind a silent one times out while queued.
    void timeoutIncludesQueueTime();
    // startNow(): a change goes out at once past a read that has not answered, never past another change.
    void startNowOvertakesReadsOnly();
    // Invalid input finishes with InvalidArgument, asynchronously (after start() returns), exactly once.
    void invalidCommandFinishesAsynchronously();
    // A refused set command is reported with the command and HAProxy's text.
    void refusedNamesCommand();
    // Typed convenience: setServers sends one batch in the caller's order.
    void setServersIsOneBatch();

private:
    QTemporaryDir *m_dir = nullptr;
    QLocalServer *m_server = nullptr;
    FakeRuntimeApi *m_fake = nullptr;
    QString m_path;
};

void TestHaproxyRuntimeClient::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("admin.sock"));
    m_fake = new FakeRuntimeApi;
    m_fake->reply = allOk;
    m_server = new QLocalServer;
    connect(m_server, &QLocalServer::newConnection, m_fake, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection())
            m_fake->attach(socket);
    });
    QVERIFY(m_server->listen(m_path));
}

void TestHaproxyRuntimeClient::cleanup()
{
    delete m_server;
    delete m_fake;
    delete m_dir;
    m_server = nullptr;
    m_fake = nullptr;
    m_dir = nullptr;
}

void TestHaproxyRuntimeClient::successOverLocalSocket()
{
    m_fake->reply = [](const QByteArray &) { return QByteArray("\n> \n> Name: HAProxy\nPid: 7\n\n> "); };
    HaproxyRuntimeClient client(m_path);
    HaproxyRequest *request = client.send(QStringList {"set server be/s1 weight 5", "show info"});
    QSignalSpy spy(request, &HaproxyRequest::finished);
    request->start();
    QVERIFY(spy.wait());
    const auto result = resultAt(spy);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(result.value(), (QStringList {"", "Name: HAProxy\nPid: 7\n"}));
    QCOMPARE(m_fake->requests.value(0), QByteArray("prompt\nset server be/s1 weight 5; show info\nquit\n"));
}

void TestHaproxyRuntimeClient::successOverTcp()
{
    QTcpServer tcp;
    QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
    connect(&tcp, &QTcpServer::newConnection, m_fake, [&] {
        while (QTcpSocket *socket = tcp.nextPendingConnection())
            m_fake->attach(socket);
    });
    HaproxyRuntimeClient client(u"127.0.0.1:" + QString::number(tcp.serverPort()));
    HaproxyRequest *request = client.send(QStringList {"set server be/s1 weight 5", "set server be/s2 weight 0"});
    QSignalSpy spy(request, &HaproxyRequest::finished);
    request->start();
    QVERIFY(spy.wait());
    const auto result = resultAt(spy);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(result.value(), (QStringList {"", ""}));
}

void TestHaproxyRuntimeClient::replyCutOff()
{
    m_fake->reply = [](const QByteArray &) { return QByteArray("\n> # pxname,svname,qcur\nbe_app,s1,"); };
    HaproxyRuntimeClient client(m_path);
    HaproxyRequest *request = client.send(QStringList {"show stat"});
    QSignalSpy spy(request, &HaproxyRequest::finished);
    request->start();
    QVERIFY(spy.wait());
    QCOMPARE(spy.size(), 1);
    const auto result = resultAt(spy);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Protocol);
}

void TestHaproxyRuntimeClient::noAnswerTimesOut()
{
    m_fake->reply = [](const QByteArray &) { return std::optional<QByteArray>(); };
    HaproxyRuntimeClient client(m_path);
    HaproxyRequest *request = client.send(QStringList {"show info"});
    request->setTimeout(200);
    QSignalSpy spy(request, &HaproxyRequest::finished);
    request->start();
    QVERIFY(spy.wait(5000));
    const auto result = resultAt(spy);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Timeout);
    QTest::qWait(50);
    QCOMPARE(spy.size(), 1);
}

void TestHaproxyRuntimeClient::missingSocketIsUnreachable()
{
    HaproxyRuntimeClient client(m_dir->filePath(QStringLiteral("nothing-here.sock")));
    client.setConnectRetries(2, 10);
    HaproxyRequest *request = client.send(QStringList {"show info"});
    QSignalSpy spy(request, &HaproxyRequest::finished);
    request->start();
    QVERIFY(spy.wait());
    const auto result = resultAt(spy);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Unreachable);
    QVERIFY(result.error().message.contains(u"nothing-here.sock"));
}

void TestHaproxyRuntimeClient::staleSocketIsUnreachable()
{
    // A socket file left behind by a dead process: bound once, never listened on, not unlinked.
    m_server->close();
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    const QByteArray path = QFile::encodeName(m_path);
    QVERIFY(size_t(path.size()) < sizeof(address.sun_path));
    std::memcpy(address.sun_path, path.constData(), path.size());
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
    ::close(fd);
    QVERIFY(QFile::exists(m_path));

    HaproxyRuntimeClient client(m_path);
    client.setConnectRetries(1, 10);
    HaproxyRequest *request = client.send(QStringList {"show info"});
    QSignalSpy spy(request, &HaproxyRequest::finished);
    request->start();
    QVERIFY(spy.wait());
    const auto result = resultAt(spy);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Unreachable);
}

void TestHaproxyRuntimeClient::connectRetrySucceeds()
{
    m_server->close();
    HaproxyRuntimeClient client(m_path);
    client.setConnectRetries(20, 20);
    HaproxyRequest *request = client.send(QStringList {"set server be/s1 weight 1"});
    QSignalSpy spy(request, &HaproxyRequest::finished);
    request->start();
    QTimer::singleShot(60, m_server, [this] { QVERIFY(m_server->listen(m_path)); });
    QVERIFY(spy.wait());
    const auto result = resultAt(spy);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(m_fake->requests.size(), 1); // applied once
}

void TestHaproxyRuntimeClient::requestsAreQueuedInOrder()
{
    HaproxyRuntimeClient client(m_path);
    QStringList finishedOrder;
    QList<HaproxyRequest *> requests;
    for (int i = 0; i < 5; ++i) {
        const QString command = QStringLiteral("set server be/s%1 weight %1").arg(i);
        HaproxyRequest *request = client.send(QStringList {command});
        connect(request, &HaproxyRequest::finished, this, [&finishedOrder, command](const Result<QStringList> &r) {
            QVERIFY(r.ok());
            finishedOrder.append(command);
        });
        requests.append(request);
    }
    for (HaproxyRequest *request : std::as_const(requests))
        request->start();
    QTRY_COMPARE(finishedOrder.size(), 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(finishedOrder.at(i), QStringLiteral("set server be/s%1 weight %1").arg(i));
        QVERIFY(m_fake->requests.at(i).contains(QStringLiteral("be/s%1 ").arg(i).toUtf8()));
    }
}

void TestHaproxyRuntimeClient::timeoutIncludesQueueTime()
{
    m_fake->reply = [](const QByteArray &) { return std::optional<QByteArray>(); };
    HaproxyRuntimeClient client(m_path);
    HaproxyRequest *silent = client.send(QStringList {"show info"});
    silent->setTimeout(3000);
    HaproxyRequest *queued = client.send(QStringList {"show stat"});
    queued->setTimeout(150);
    QSignalSpy silentSpy(silent, &HaproxyRequest::finished);
    QSignalSpy queuedSpy(queued, &HaproxyRequest::finished);
    silent->start();
    queued->start();
    QVERIFY(queuedSpy.wait(2000));
    QCOMPARE(resultAt(queuedSpy).error().code, ErrorCode::Timeout);
    QCOMPARE(silentSpy.size(), 0);
    QCOMPARE(m_fake->requests.size(), 1); // the queued one never went out
    silent->abort();
    QCOMPARE(silentSpy.size(), 1);
    QCOMPARE(resultAt(silentSpy).error().code, ErrorCode::Cancelled);
}

void TestHaproxyRuntimeClient::startNowOvertakesReadsOnly()
{
    // `show info` never gets an answer; everything else does.
    m_fake->reply = [](const QByteArray &request) {
        return request.contains("show info") ? std::optional<QByteArray>() : std::optional<QByteArray>(allOk(request));
    };
    HaproxyRuntimeClient client(m_path);
    HaproxyRequest *silentRead = client.send(QStringList {"show info"});
    QSignalSpy readSpy(silentRead, &HaproxyRequest::finished);
    silentRead->start();
    QTRY_COMPARE(m_fake->requests.size(), 1);

    HaproxyRequest *urgent = client.send(QStringList {"set server be/s1 weight 10", "set server be/s2 weight 0"});
    QSignalSpy urgentSpy(urgent, &HaproxyRequest::finished);
    urgent->startNow();
    QCOMPARE(urgentSpy.size(), 0); // never from inside startNow()
    QVERIFY(urgentSpy.wait(2000));
    QVERIFY(resultAt(urgentSpy).ok());
    QCOMPARE(m_fake->requests.size(), 2);
    QVERIFY(m_fake->requests.at(1).contains("be/s1 weight 10; set server be/s2 weight 0"));
    QCOMPARE(readSpy.size(), 0); // the read is still waiting

    // A change queued behind the read: the next startNow() change waits its turn after it.
    HaproxyRequest *queuedChange = client.send(QStringList {"set server be/s3 weight 5"});
    QSignalSpy queuedSpy(queuedChange, &HaproxyRequest::finished);
    queuedChange->start();
    QVERIFY(client.changesAhead());
    HaproxyRequest *behind = client.send(QStringList {"set server be/s4 weight 7"});
    QSignalSpy behindSpy(behind, &HaproxyRequest::finished);
    behind->startNow();
    QTest::qWait(100);
    QCOMPARE(m_fake->requests.size(), 2); // neither went out: the read holds the queue, and `behind` waits
    silentRead->abort();
    QVERIFY(behindSpy.wait(2000));
    QCOMPARE(queuedSpy.size(), 1);
    QCOMPARE(m_fake->requests.size(), 4);
    QVERIFY(m_fake->requests.at(2).contains("be/s3 weight 5"));
    QVERIFY(m_fake->requests.at(3).contains("be/s4 weight 7"));
}

void TestHaproxyRuntimeClient::invalidCommandFinishesAsynchronously()
{
    HaproxyRuntimeClient client(m_path);
    HaproxyRequest *request = client.send(QStringList {"show stat; shutdown sessions server be/s1"});
    QSignalSpy spy(request, &HaproxyRequest::finished);
    request->start();
    QCOMPARE(spy.size(), 0);
    QVERIFY(spy.wait());
    QCOMPARE(resultAt(spy).error().code, ErrorCode::InvalidArgument);
    QTest::qWait(20);
    QCOMPARE(spy.size(), 1);
    QVERIFY(m_fake->requests.isEmpty());
}

void TestHaproxyRuntimeClient::refusedNamesCommand()
{
    m_fake->reply = [](const QByteArray &) { return QByteArray("\n> \n> No such server.\n\n> "); };
    HaproxyRuntimeClient client(m_path);
    HaproxyRequest *request
        = client.send(QStringList {"set server be_app/s1 weight 10", "set server be_app/s9 weight 10"});
    QSignalSpy spy(request, &HaproxyRequest::finished);
    request->start();
    QVERIFY(spy.wait());
    const auto result = resultAt(spy);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Refused);
    QCOMPARE(
        result.error().message, QStringLiteral("HAProxy refused 'set server be_app/s9 weight 10': No such server."));
}

void TestHaproxyRuntimeClient::setServersIsOneBatch()
{
    HaproxyRuntimeClient client(m_path);
    std::optional<Status> status;
    client.setServers({ServerChange {"be", "green", 100, ServerAdminState::Ready}, ServerChange {"be", "blue", 0, {}}},
        this, [&](const Status &s) { status = s; });
    QTRY_VERIFY(status.has_value());
    QVERIFY(status->ok());
    QCOMPARE(m_fake->requests.size(), 1);
    QCOMPARE(m_fake->requests.first(),
        QByteArray("prompt\nset server be/green state ready; set server be/green weight 100; "
                   "set server be/blue weight 0\nquit\n"));
}

QTEST_GUILESS_MAIN(TestHaproxyRuntimeClient)
#include "tst_haproxyruntimeclient.moc"
