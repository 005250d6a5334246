// Round trip of a two-command `set server ... weight` batch against a real haproxy (started here, in a
// temporary directory, and stopped by PID at the end), three ways:
//   client      HaproxyRuntimeClient: new connection per request, prompt framing, through the event loop
//   new-conn    blocking QLocalSocket, new connection per request, non-interactive line
//   kept-open   blocking QLocalSocket, one kept-open `prompt` session
// Prints p50/p99/mean in microseconds. Usage: bench_haproxy_roundtrip [iterations]
#include "backends/haproxy/haproxyrequest.h"
#include "backends/haproxy/haproxyruntimeclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLocalSocket>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>

namespace {

const QByteArray Batch = "set server be_app/s1 weight 10; set server be_app/s2 weight 20";

struct Figures {
    double p50 = 0, p99 = 0, mean = 0;
};

Figures summarize(QList<qint64> ns)
{
    std::sort(ns.begin(), ns.end());
    Figures f;
    if (ns.isEmpty())
        return f;
    f.p50 = ns.at(ns.size() / 2) / 1000.0;
    f.p99 = ns.at(std::min<qsizetype>(ns.size() - 1, ns.size() * 99 / 100)) / 1000.0;
    double sum = 0;
    for (qint64 v : ns)
        sum += v;
    f.mean = sum / ns.size() / 1000.0;
    return f;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int iterations = argc > 1 ? std::max(10, atoi(argv[1])) : 2000;
    const QString haproxy = QStandardPaths::findExecutable(QStringLiteral("haproxy"), {"/usr/sbin", "/usr/bin"});
    if (haproxy.isEmpty()) {
        std::fprintf(stderr, "haproxy not found\n");
        return 1;
    }
    QTemporaryDir dir;
    const QString socketPath = dir.filePath(QStringLiteral("admin.sock"));
    QFile config(dir.filePath(QStringLiteral("haproxy.cfg")));
    if (!config.open(QIODevice::WriteOnly))
        return 1;
    config.write(QStringLiteral("global\n    stats socket %1 mode 600 level admin\n"
                                "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n"
                                "    timeout server 5s\n"
                                "backend be_app\n    server s1 127.0.0.1:1 weight 100\n"
                                "    server s2 127.0.0.1:2 weight 100\n")
                     .arg(socketPath)
                     .toUtf8());
    config.close();
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(haproxy, {"-W", "-S", dir.filePath(QStringLiteral("master.sock")), "-f", config.fileName()});
    if (!process.waitForStarted())
        return 1;
    for (int i = 0; i < 200 && !QFile::exists(socketPath); ++i)
        QThread::msleep(10);

    QElapsedTimer timer;
    QList<qint64> client, newConn, keptOpen;

    gl::HaproxyRuntimeClient runtime(socketPath);
    const QStringList commands = QString::fromLatin1(Batch).split(QStringLiteral("; "));
    for (int i = 0; i < iterations; ++i) {
        QEventLoop loop;
        bool ok = false;
        timer.start();
        gl::HaproxyRequest *request = runtime.send(commands);
        QObject::connect(request, &gl::HaproxyRequest::finished, &loop, [&](const gl::Result<QStringList> &r) {
            ok = r.ok();
            loop.quit();
        });
        request->start();
        loop.exec();
        client.append(timer.nsecsElapsed());
        if (!ok) {
            std::fprintf(stderr, "client request failed\n");
            break;
        }
    }

    for (int i = 0; i < iterations; ++i) {
        timer.start();
        QLocalSocket socket;
        socket.connectToServer(socketPath);
        socket.waitForConnected(1000);
        socket.write(Batch + '\n');
        QByteArray reply;
        while (socket.waitForReadyRead(1000))
            reply += socket.readAll();
        newConn.append(timer.nsecsElapsed());
        if (reply != "\n\n") {
            std::fprintf(stderr, "unexpected reply\n");
            break;
        }
    }

    QLocalSocket session;
    session.connectToServer(socketPath);
    session.waitForConnected(1000);
    session.write("prompt\n");
    QByteArray pending;
    while (!pending.endsWith("\n> ") && session.waitForReadyRead(1000))
        pending += session.readAll();
    for (int i = 0; i < iterations; ++i) {
        timer.start();
        session.write(Batch + '\n');
        QByteArray reply;
        while (reply.count("\n> ") < 2 && session.waitForReadyRead(1000))
            reply += session.readAll();
        keptOpen.append(timer.nsecsElapsed());
    }
    session.abort();

    process.terminate(); // SIGTERM to the master's PID
    if (!process.waitForFinished(5000))
        process.kill();
    process.waitForFinished(2000);

    std::printf("HAProxy Runtime API round trip, 2-command `set server weight` batch, %d iterations, UNIX socket\n",
        iterations);
    std::printf("%-48s %10s %10s %10s\n", "method", "p50 us", "p99 us", "mean us");
    const auto row = [](const char *name, const QList<qint64> &samples) {
        const Figures f = summarize(samples);
        std::printf("%-48s %10.1f %10.1f %10.1f\n", name, f.p50, f.p99, f.mean);
    };
    row("HaproxyRuntimeClient (new conn, prompt framing)", client);
    row("blocking QLocalSocket, new conn, one line", newConn);
    row("blocking QLocalSocket, kept-open prompt", keptOpen);
    return 0;
}
