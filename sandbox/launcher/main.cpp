// greenlight-sandbox: starts and controls a local environment (HAProxy, Prometheus, sample services and a load
// generator, all on 127.0.0.1) under one directory. See docs/sandbox.md.
#include "loadgenerator.h"
#include "sandboxlauncher.h"
#include "unixsignalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <optional>

namespace {

const char *const kUsage
    = "Usage: greenlight-sandbox <command> --dir DIR [options]\n"
      "\n"
      "Commands:\n"
      "  up --dir DIR [--slots N] [--version V] [--rps R] [--name NAME]\n"
      "                     start HAProxy, Prometheus, N services at V behind blue, a load generator at R req/s;\n"
      "                     returns when all is ready; writes DIR/environment.yaml\n"
      "  status --dir DIR [--json]      each process, its PID, port and state; each slot's HAProxy state\n"
      "  stats --dir DIR [--json]       the load generator's counts since up\n"
      "  fault --dir DIR --version V [--error-rate F] [--latency-ms N] [--clear]\n"
      "                     faults for every instance of V, running and started later\n"
      "  deploy --dir DIR --slot S --version V      start V behind slot S (replacing what runs there)\n"
      "  undeploy --dir DIR --slot S                stop the service behind slot S\n"
      "  down --dir DIR                 stop exactly the processes this sandbox started\n"
      "\n"
      "Exit codes: 0 success, 1 failure, 2 usage error. Everything listens on 127.0.0.1 only.\n";

int usage(const QString &message = {})
{
    if (!message.isEmpty())
        std::fprintf(stderr, "greenlight-sandbox: %s\n\n", qPrintable(message));
    std::fputs(kUsage, stderr);
    return 2;
}

int runLoadGenerator(QCoreApplication &app, const QString &dir, quint16 port, double rps, qint64 maxSeconds)
{
    gl::sandbox::LoadGenerator generator(dir, port, rps, maxSeconds);
    gl::sandbox::UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &gl::sandbox::UnixSignalWatcher::terminationRequested, &generator,
        &gl::sandbox::LoadGenerator::stop);
    QObject::connect(
        &generator, &gl::sandbox::LoadGenerator::finished, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    generator.start();
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("greenlight-sandbox"));
    const QStringList args = app.arguments();
    if (args.size() < 2 || args.at(1) == u"--help" || args.at(1) == u"-h")
        return args.size() < 2 ? usage() : (std::fputs(kUsage, stdout), 0);
    const QString command = args.at(1);

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption dirOption(QStringLiteral("dir"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption slotsOption(QStringLiteral("slots"), QString(), QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption versionOption(QStringLiteral("version"), QString(), QStringLiteral("V"));
    const QCommandLineOption rpsOption(QStringLiteral("rps"), QString(), QStringLiteral("R"), QStringLiteral("50"));
    const QCommandLineOption nameOption(
        QStringLiteral("name"), QString(), QStringLiteral("NAME"), QStringLiteral("sandbox"));
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    const QCommandLineOption errorRateOption(QStringLiteral("error-rate"), QString(), QStringLiteral("F"));
    const QCommandLineOption latencyOption(QStringLiteral("latency-ms"), QString(), QStringLiteral("N"));
    const QCommandLineOption clearOption(QStringLiteral("clear"));
    const QCommandLineOption slotOption(QStringLiteral("slot"), QString(), QStringLiteral("S"));
    const QCommandLineOption portOption(QStringLiteral("port"), QString(), QStringLiteral("P"));
    const QCommandLineOption maxSecondsOption(
        QStringLiteral("max-seconds"), QString(), QStringLiteral("S"), QStringLiteral("43200"));
    parser.addOptions({dirOption, slotsOption, versionOption, rpsOption, nameOption, jsonOption, errorRateOption,
        latencyOption, clearOption, slotOption, portOption, maxSecondsOption});
    QStringList parseArgs = args;
    parseArgs.removeAt(1);
    if (!parser.parse(parseArgs))
        return usage(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("unexpected argument: %1").arg(parser.positionalArguments().first()));
    const QString dir = parser.value(dirOption);
    if (dir.isEmpty())
        return usage(QStringLiteral("%1: --dir DIR is required").arg(command));

    QTextStream out(stdout);
    QTextStream err(stderr);
    gl::sandbox::SandboxLauncher launcher(dir, out, err);
    bool ok = true;
    if (command == u"up") {
        gl::sandbox::SandboxLauncher::UpOptions options;
        options.slotsPerColour = parser.value(slotsOption).toInt(&ok);
        if (!ok)
            return usage(QStringLiteral("--slots expects a number"));
        options.rps = parser.value(rpsOption).toDouble(&ok);
        if (!ok)
            return usage(QStringLiteral("--rps expects a number"));
        if (parser.isSet(versionOption))
            options.version = parser.value(versionOption);
        options.name = parser.value(nameOption);
        return launcher.up(options);
    }
    if (command == u"down")
        return launcher.down();
    if (command == u"status")
        return launcher.status(parser.isSet(jsonOption));
    if (command == u"stats")
        return launcher.stats(parser.isSet(jsonOption));
    if (command == u"fault") {
        std::optional<double> errorRate;
        std::optional<int> latency;
        if (parser.isSet(errorRateOption)) {
            errorRate = parser.value(errorRateOption).toDouble(&ok);
            if (!ok)
                return usage(QStringLiteral("--error-rate expects a number from 0 to 1"));
        }
        if (parser.isSet(latencyOption)) {
            latency = parser.value(latencyOption).toInt(&ok);
            if (!ok)
                return usage(QStringLiteral("--latency-ms expects a whole number"));
        }
        return launcher.fault(parser.value(versionOption), errorRate, latency, parser.isSet(clearOption));
    }
    if (command == u"deploy")
        return launcher.deploy(parser.value(slotOption), parser.value(versionOption));
    if (command == u"undeploy")
        return launcher.undeploy(parser.value(slotOption));
    if (command == u"loadgen") { // internal: started detached by `up`
        const uint port = parser.value(portOption).toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return usage(QStringLiteral("loadgen: --port P is required"));
        const double rps = parser.value(rpsOption).toDouble(&ok);
        const qint64 maxSeconds = parser.value(maxSecondsOption).toLongLong();
        return runLoadGenerator(app, dir, quint16(port), ok ? rps : 50, maxSeconds > 0 ? maxSeconds : 43200);
    }
    return usage(QStringLiteral("unknown command: %1").arg(command));
}
