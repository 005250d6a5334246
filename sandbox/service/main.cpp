// greenlight-sample-service: the small HTTP service the sandbox runs behind HAProxy (see sampleserver.h).
#include "sampleserver.h"
#include "unixsignalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("greenlight-sample-service"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Greenlight's sample HTTP service (loopback only)."));
    parser.addHelpOption();
    const QCommandLineOption versionOption(
        QStringLiteral("version"), QStringLiteral("Version to serve."), QStringLiteral("V"));
    const QCommandLineOption portOption(
        QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1."), QStringLiteral("P"));
    const QCommandLineOption errorOption(QStringLiteral("error-rate"),
        QStringLiteral("Fraction of requests answered 500 (0..1)."), QStringLiteral("F"), QStringLiteral("0"));
    const QCommandLineOption latencyOption(QStringLiteral("latency-ms"),
        QStringLiteral("Added latency before answering /."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption adminOption(QStringLiteral("admin-port"),
        QStringLiteral("Admin port on 127.0.0.1 (0: none)."), QStringLiteral("A"), QStringLiteral("0"));
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox"),
        QStringLiteral("The sandbox directory that started this process "
                       "(identifies it to `greenlight-sandbox down`)."),
        QStringLiteral("DIR"));
    parser.addOptions({versionOption, portOption, errorOption, latencyOption, adminOption, sandboxOption});
    parser.process(app);

    const QString version = parser.value(versionOption);
    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    bool rateOk = false;
    const double errorRate = parser.value(errorOption).toDouble(&rateOk);
    bool latencyOk = false;
    const int latency = parser.value(latencyOption).toInt(&latencyOk);
    bool adminOk = false;
    const uint adminPort = parser.value(adminOption).toUInt(&adminOk);
    static const QRegularExpression versionPattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (!versionPattern.match(version).hasMatch() || !portOk || port > 65535 || !rateOk || errorRate < 0
        || errorRate > 1 || !latencyOk || latency < 0 || !adminOk || adminPort > 65535) {
        std::fprintf(stderr,
            "usage: greenlight-sample-service --version V --port P [--error-rate 0..1] "
            "[--latency-ms N] [--admin-port A]\n");
        return 2;
    }

    gl::sandbox::SampleServer server(version, {errorRate, latency});
    const QString error = server.listenOn(quint16(port), quint16(adminPort));
    if (!error.isEmpty()) {
        std::fprintf(stderr, "greenlight-sample-service: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("greenlight-sample-service %s listening on 127.0.0.1:%u (admin %u)\n", qPrintable(version),
        server.port(), server.adminPort());
    std::fflush(stdout);

    // SIGTERM: stop accepting, answer what is in flight (bounded), then exit.
    gl::sandbox::UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &gl::sandbox::UnixSignalWatcher::terminationRequested, &server, [&server] {
        server.shutDown();
        QTimer::singleShot(5000, qApp, [] { QCoreApplication::exit(0); });
    });
    QObject::connect(
        &server, &gl::sandbox::SampleServer::drained, qApp, [] { QCoreApplication::exit(0); }, Qt::QueuedConnection);
    return app.exec();
}
