// Integration tests of the local sandbox (sandbox/): real HAProxy 2.6, Prometheus 2.42 and sample services on
// 127.0.0.1, each test in its own temporary directory, brought down by the fixture whatever happens.
#include "model/environmentfile.h"
#include "sandboxfixture.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace gl;
using namespace gl::test;

namespace {

QString serverStatus(const QString &socket, const QString &server)
{
    // show stat CSV: pxname,svname,...; status is column 17 (0-based) in HAProxy 2.6.
    const QByteArray stat = runtimeCommand(socket, "show stat");
    const QList<QByteArray> lines = stat.split('\n');
    if (lines.isEmpty())
        return {};
    const QList<QByteArray> header = lines.first().mid(2).split(',');
    const qsizetype statusColumn = header.indexOf("status");
    for (const QByteArray &line : lines) {
        const QList<QByteArray> cells = line.split(',');
        if (cells.size() > statusColumn && cells.at(0) == "be_app" && cells.at(1) == server.toUtf8())
            return QString::fromUtf8(cells.at(statusColumn));
    }
    return {};
}

quint16 portOf(const QString &address)
{
    return quint16(address.section(u':', -1).toUInt());
}

} // namespace

class TestSandbox : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (SandboxFixture::launcherPath().isEmpty())
            QFAIL("greenlight-sandbox is not built (GREENLIGHT_BUILD_SANDBOX=ON)");
    }

    // `up` with the defaults: HAProxy answers v1 from the blue slots, green idle; only 127.0.0.1 listeners;
    // the environment file it writes is valid for greenlightctl.
    void upServesVersionOne()
    {
        SandboxFixture sandbox;
        QString error;
        QVERIFY2(sandbox.up({}, &error), qPrintable(error));

        const Environment env = sandbox.environment();
        QCOMPARE(env.serverSlots.size(), 8);
        QCOMPARE(env.backend, QStringLiteral("be_app"));
        QCOMPARE(env.slotsOfColour(QStringLiteral("blue")).size(), 4);
        for (const ServerSlot &slot : env.serverSlots)
            QCOMPARE(slot.version, slot.colour == u"blue" ? QStringLiteral("v1") : QString());

        const QMap<QString, int> versions = versionsOf(sandbox.frontendPort(), 20);
        QCOMPARE(versions, (QMap<QString, int> {{QStringLiteral("v1"), 20}}));

        // Every listening socket of every sandbox process is on 127.0.0.1 (0100007F in /proc/net/tcp).
        const QList<qint64> pids = sandbox.livePids();
        QVERIFY(pids.size() >= 7); // 4 services, HAProxy master + worker, Prometheus, load generator
        int listeners = 0;
        for (qint64 pid : pids) {
            for (const QString &address : listeningAddresses(pid)) {
                ++listeners;
                QVERIFY2(address.startsWith(u"0100007F:"),
                    qPrintable(QStringLiteral("pid %1 listens on %2").arg(pid).arg(address)));
            }
        }
        QVERIFY(listeners >= 11); // 4 x (service + admin), frontend, exporter, Prometheus

        QProcess ctl;
        ctl.start(builtExecutable(QStringLiteral("greenlightctl")),
            {QStringLiteral("env"), QStringLiteral("validate"), QStringLiteral("--env"), sandbox.environmentFile()});
        QVERIFY(ctl.waitForFinished(30000));
        QCOMPARE(ctl.exitCode(), 0);
        QVERIFY(ctl.readAllStandardOutput().contains("ok (8 slots, backend be_app)"));
    }

    // A weight change through the runtime socket moves a bounded number of requests to the new version, and
    // the load generator counts no lost request across the switch.
    void weightChangeShiftsSplit()
    {
        SandboxFixture sandbox;
        QString error;
        QVERIFY2(sandbox.up({QStringLiteral("--slots"), QStringLiteral("2")}, &error), qPrintable(error));
        const QString socket = sandbox.environment().runtimeApi;

        QByteArray out;
        QCOMPARE(
            sandbox.run(QStringLiteral("deploy"),
                {QStringLiteral("--slot"), QStringLiteral("green1"), QStringLiteral("--version"), QStringLiteral("v2")},
                &out),
            0);
        QCOMPARE(versionsOf(sandbox.frontendPort(), 20).value(QStringLiteral("v2")), 0); // green is in maint

        // Enable green1 at weight 0 (no traffic yet), wait for its health check, then give it a share.
        QCOMPARE(runtimeCommand(socket, "set server be_app/green1 weight 0; set server be_app/green1 state ready"),
            QByteArray());
        QTRY_VERIFY_WITH_TIMEOUT(serverStatus(socket, QStringLiteral("green1")).startsWith(u"UP"), 10000);
        QCOMPARE(versionsOf(sandbox.frontendPort(), 20).value(QStringLiteral("v2")), 0);
        QCOMPARE(runtimeCommand(socket, "set server be_app/green1 weight 100"), QByteArray());
        const QMap<QString, int> mixed = versionsOf(sandbox.frontendPort(), 60);
        QVERIFY2(mixed.value(QStringLiteral("v2")) > 0 && mixed.value(QStringLiteral("v1")) > 0,
            qPrintable(QStringLiteral("v1=%1 v2=%2")
                           .arg(mixed.value(QStringLiteral("v1")))
                           .arg(mixed.value(QStringLiteral("v2")))));

        // Flip: raise green before lowering blue, in one line (the total weight never reaches 0).
        QCOMPARE(runtimeCommand(socket,
                     "set server be_app/green1 weight 100; set server be_app/blue1 weight 0; "
                     "set server be_app/blue2 weight 0"),
            QByteArray());
        QCOMPARE(versionsOf(sandbox.frontendPort(), 30), (QMap<QString, int> {{QStringLiteral("v2"), 30}}));

        // The load generator's counts (written a few times a second) show v2 answers and nothing lost.
        QJsonObject stats;
        QTRY_VERIFY_WITH_TIMEOUT(
            (stats = sandbox.statsJson()).value(u"byVersion").toObject().value(u"v2").toInteger() > 0, 5000);
        QVERIFY(stats.value(u"total").toInteger() > 0);
        QCOMPARE(stats.value(u"lost").toInteger(), 0);
        QCOMPARE(stats.value(u"connectionErrors").toInteger(), 0);
        QCOMPARE(stats.value(u"haproxy503").toInteger(), 0);
    }

    // After `fault`, Prometheus reports the version's error ratio and p99 (histogram_quantile) from the
    // services' own metrics; an instance of that version started later gets the same fault.
    void faultShowsInPrometheus()
    {
        SandboxFixture sandbox;
        QString error;
        QVERIFY2(
            sandbox.up({QStringLiteral("--slots"), QStringLiteral("2"), QStringLiteral("--rps"), QStringLiteral("60")},
                &error),
            qPrintable(error));
        const quint16 prometheus = sandbox.prometheusPort();
        const QString ratioQuery = QStringLiteral("sum by (version)(rate(http_requests_total{code=\"500\"}[10s])) / "
                                                  "sum by (version)(rate(http_requests_total[10s]))");
        const QString p99Query = QStringLiteral(
            "histogram_quantile(0.99, sum by (le, version)(rate(http_request_duration_seconds_bucket[10s])))");

        // Healthy first: a ratio of 0 and a small p99.
        QTRY_VERIFY_WITH_TIMEOUT(!std::isnan(seriesValue(prometheusQuery(prometheus, ratioQuery),
                                     QStringLiteral("version"), QStringLiteral("v1"))),
            20000);
        QCOMPARE(
            seriesValue(prometheusQuery(prometheus, ratioQuery), QStringLiteral("version"), QStringLiteral("v1")), 0.0);
        QVERIFY(
            seriesValue(prometheusQuery(prometheus, p99Query), QStringLiteral("version"), QStringLiteral("v1")) < 0.1);

        QByteArray out;
        QCOMPARE(sandbox.run(QStringLiteral("fault"),
                     {QStringLiteral("--version"), QStringLiteral("v1"), QStringLiteral("--error-rate"),
                         QStringLiteral("0.5"), QStringLiteral("--latency-ms"), QStringLiteral("200")},
                     &out),
            0);
        QVERIFY2(out.contains("applied to 2 running instance"), out.constData());

        double ratio = 0;
        double p99 = 0;
        QTRY_VERIFY_WITH_TIMEOUT((ratio = seriesValue(prometheusQuery(prometheus, ratioQuery),
                                      QStringLiteral("version"), QStringLiteral("v1")),
                                     p99 = seriesValue(prometheusQuery(prometheus, p99Query), QStringLiteral("version"),
                                         QStringLiteral("v1")),
                                     ratio > 0.3 && ratio < 0.7 && p99 >= 0.19),
            30000);
        qInfo("after the fault: v1 error ratio %.3f, p99 %.3f s", ratio, p99);

        // A v1 instance started later gets the fault through its flags.
        QCOMPARE(sandbox.run(QStringLiteral("deploy"),
                     {QStringLiteral("--slot"), QStringLiteral("green1"), QStringLiteral("--version"),
                         QStringLiteral("v1")}),
            0);
        const QJsonObject status = sandbox.statusJson();
        quint16 adminPort = 0;
        for (const QJsonValue &p : status.value(u"processes").toArray()) {
            if (p.toObject().value(u"slot").toString() == u"green1")
                adminPort = quint16(p.toObject().value(u"adminPort").toInt());
        }
        QVERIFY(adminPort != 0);
        const HttpAnswer state = httpGet(adminPort, QStringLiteral("/admin/state"));
        QCOMPARE(state.status, 200);
        QVERIFY2(state.body.contains("\"errorRate\":0.5") && state.body.contains("\"latencyMs\":200"),
            state.body.constData());

        QCOMPARE(sandbox.run(QStringLiteral("fault"),
                     {QStringLiteral("--version"), QStringLiteral("v1"), QStringLiteral("--clear")}),
            0);
        QVERIFY(httpGet(adminPort, QStringLiteral("/admin/state")).body.contains("\"errorRate\":0,"));
    }

    // `deploy` changes what a slot answers (its address stays); `undeploy` leaves the slot without a process;
    // the environment file follows both, and the load generator lost no request on the way.
    void deployChangesSlot()
    {
        SandboxFixture sandbox;
        QString error;
        QVERIFY2(sandbox.up({QStringLiteral("--slots"), QStringLiteral("2")}, &error), qPrintable(error));
        const ServerSlot blue1 = sandbox.environment().serverSlots.first();
        QCOMPARE(blue1.name, QStringLiteral("blue1"));
        QCOMPARE(httpGet(portOf(blue1.address), QStringLiteral("/")).version, QStringLiteral("v1"));

        QByteArray out;
        QCOMPARE(
            sandbox.run(QStringLiteral("deploy"),
                {QStringLiteral("--slot"), QStringLiteral("blue1"), QStringLiteral("--version"), QStringLiteral("v7")},
                &out),
            0);
        QCOMPARE(httpGet(portOf(blue1.address), QStringLiteral("/")).version, QStringLiteral("v7"));
        const ServerSlot after = sandbox.environment().serverSlots.first();
        QCOMPARE(after.address, blue1.address);
        QCOMPARE(after.version, QStringLiteral("v7"));
        QVERIFY(versionsOf(sandbox.frontendPort(), 20).value(QStringLiteral("v7")) > 0);

        QCOMPARE(sandbox.run(QStringLiteral("undeploy"), {QStringLiteral("--slot"), QStringLiteral("blue1")}), 0);
        QCOMPARE(httpGet(portOf(blue1.address), QStringLiteral("/"), 1000).status, 0); // nothing listens
        QCOMPARE(sandbox.environment().serverSlots.first().version, QString());
        QCOMPARE(versionsOf(sandbox.frontendPort(), 20), (QMap<QString, int> {{QStringLiteral("v1"), 20}}));

        QCOMPARE(
            sandbox.run(QStringLiteral("deploy"),
                {QStringLiteral("--slot"), QStringLiteral("nope"), QStringLiteral("--version"), QStringLiteral("v2")}),
            1);
        QCOMPARE(sandbox.statsJson().value(u"lost").toInteger(), 0);
    }

    // Two sandboxes run side by side; `down` stops exactly one sandbox's processes (by PID) and leaves no
    // process of it behind, while the other keeps serving.
    void downLeavesNoProcess()
    {
        SandboxFixture first;
        SandboxFixture second;
        const QStringList args {
            QStringLiteral("--slots"), QStringLiteral("1"), QStringLiteral("--rps"), QStringLiteral("10")};
        first.startUp(args);
        second.startUp(args);
        QString error;
        QVERIFY2(first.finishUp(&error), qPrintable(error));
        QVERIFY2(second.finishUp(&error), qPrintable(error));
        QVERIFY(first.frontendPort() != second.frontendPort());
        QCOMPARE(versionsOf(first.frontendPort(), 5).value(QStringLiteral("v1")), 5);
        QCOMPARE(versionsOf(second.frontendPort(), 5).value(QStringLiteral("v1")), 5);

        const QList<qint64> before = first.livePids();
        QVERIFY(before.size() >= 5);
        const QList<qint64> others = second.livePids();
        QByteArray out;
        QCOMPARE(first.down(&out), 0);
        QVERIFY2(first.livePids().isEmpty(), out.constData());
        for (qint64 pid : before)
            QVERIFY(!others.contains(pid));
        QCOMPARE(second.livePids().size(), others.size());
        QCOMPARE(versionsOf(second.frontendPort(), 5).value(QStringLiteral("v1")), 5);

        QCOMPARE(second.down(), 0);
        QVERIFY(second.livePids().isEmpty());
        QCOMPARE(first.down(), 0); // a second down has nothing left to stop
    }

    // A malformed environment file is rejected by `greenlightctl env validate` with the file, line and field.
    void malformedEnvironmentRejected()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("environment.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("name: sandbox\n"
                   "haproxy:\n"
                   "  runtime_api: /tmp/gl/admin.sock\n"
                   "  backend: be_app\n"
                   "  slots:\n"
                   "    - {name: blue1, colour: blue, address: \"127.0.0.1:8001\", version: v1}\n"
                   "    - {name: green1, colour: green, address: \"127.0.0.1:99999\"}\n"
                   "prometheus: {url: \"http://127.0.0.1:9090\"}\n"
                   "hooks: {deploy: \"d {slot} {version}\", undeploy: \"u {slot}\"}\n");
        file.close();
        QProcess ctl;
        ctl.start(builtExecutable(QStringLiteral("greenlightctl")),
            {QStringLiteral("env"), QStringLiteral("validate"), QStringLiteral("--env"), path});
        QVERIFY(ctl.waitForFinished(30000));
        QCOMPARE(ctl.exitCode(), 1);
        const QString err = QString::fromUtf8(ctl.readAllStandardError());
        QVERIFY2(err.contains(path + QStringLiteral(":7: haproxy.slots[1].address")), qPrintable(err));
        QVERIFY2(err.contains(u"99999"), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
