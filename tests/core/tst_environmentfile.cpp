// Tests of the environment file parser (core/model/environmentfile): valid files are read into an
// Environment; malformed ones are rejected with the file, the line and the field in the message.
#include "model/environmentfile.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gl;

namespace {

// (Plain literals: moc does not cope with a raw string holding "//".)
const char *const kValid = "name: staging\n"
                           "haproxy:\n"
                           "  runtime_api: /run/greenlight/admin.sock\n"
                           "  backend: be_app\n"
                           "  slots:\n"
                           "    - {name: blue1, colour: blue, address: \"127.0.0.1:8001\", version: v1}\n"
                           "    - {name: blue2, colour: blue, address: \"127.0.0.1:8002\", version: v1}\n"
                           "    - {name: green1, colour: green, address: \"127.0.0.1:8003\"}\n"
                           "    - name: green2\n"
                           "      colour: green\n"
                           "      address: \"10.0.0.7:8004\"\n"
                           "      version:\n"
                           "prometheus:\n"
                           "  url: \"http://127.0.0.1:9090\"\n"
                           "hooks:\n"
                           "  deploy: \"deploy.sh {slot} {version} {address}\"\n"
                           "  undeploy: \"undeploy.sh {slot}\"\n"
                           "state:\n"
                           "  database: db/state.db\n";

// Replaces line `line` (1-based) of the valid file with `replacement` (may hold several lines or none).
QByteArray withLine(int line, const QByteArray &replacement)
{
    QList<QByteArray> lines = QByteArray(kValid).split('\n');
    lines[line - 1] = replacement;
    QByteArray text = lines.join('\n');
    return text;
}

} // namespace

class TestEnvironmentFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // A complete file is read with every field, slots in order, versions empty when idle.
    void readsValidFile()
    {
        const Result<Environment> env = parseEnvironment(kValid, QStringLiteral("/etc/gl/staging.yaml"));
        QVERIFY2(env.ok(), qPrintable(env.ok() ? QString() : env.error().message));
        QCOMPARE(env->name, QStringLiteral("staging"));
        QCOMPARE(env->runtimeApi, QStringLiteral("/run/greenlight/admin.sock"));
        QVERIFY(env->runtimeApiIsUnixSocket());
        QCOMPARE(env->backend, QStringLiteral("be_app"));
        QCOMPARE(env->serverSlots.size(), 4);
        QCOMPARE(env->serverSlots.at(0).name, QStringLiteral("blue1"));
        QCOMPARE(env->serverSlots.at(0).version, QStringLiteral("v1"));
        QCOMPARE(env->serverSlots.at(2).version, QString());
        QCOMPARE(env->serverSlots.at(3).address, QStringLiteral("10.0.0.7:8004"));
        QCOMPARE(env->serverSlots.at(3).version, QString());
        QCOMPARE(env->colours(), (QStringList {QStringLiteral("blue"), QStringLiteral("green")}));
        QCOMPARE(env->prometheusUrl, QUrl(QStringLiteral("http://127.0.0.1:9090")));
        QCOMPARE(env->deployHook, QStringLiteral("deploy.sh {slot} {version} {address}"));
        QCOMPARE(env->undeployHook, QStringLiteral("undeploy.sh {slot}"));
        QCOMPARE(env->stateDatabase, QStringLiteral("/etc/gl/db/state.db")); // relative to the file
        QCOMPARE(env->filePath, QStringLiteral("/etc/gl/staging.yaml"));
    }

    // host:port runtime APIs, https Prometheus, an absolute database path and no state section are accepted.
    void acceptsVariants_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::newRow("tcp runtime api") << withLine(3, "  runtime_api: 127.0.0.1:9999");
        QTest::newRow("hostname runtime api") << withLine(3, "  runtime_api: lb.internal:9999");
        QTest::newRow("https prometheus") << withLine(14, "  url: https://prom.example.com/");
        QTest::newRow("absolute database") << withLine(19, "  database: /var/lib/gl/state.db");
        QTest::newRow("no state section") << QByteArray(kValid).replace("state:\n  database: db/state.db\n", "");
        QTest::newRow("ipv6 slot") << withLine(8, "    - {name: green1, colour: green, address: \"[::1]:8003\"}");
    }
    void acceptsVariants()
    {
        QFETCH(QByteArray, yaml);
        const Result<Environment> env = parseEnvironment(yaml, QStringLiteral("env.yaml"));
        QVERIFY2(env.ok(), qPrintable(env.ok() ? QString() : env.error().message));
    }

    // Each malformed file is rejected with ErrorCode::Parse and a message naming the file, line and field.
    void rejectsMalformed_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected"); // "FILE:LINE: FIELD" prefix that must appear
        QTest::addColumn<QString>("problem"); // a word of the explanation

        QTest::newRow("bad address") << withLine(
            7, "    - {name: blue2, colour: blue, address: \"localhost\", version: v1}")
                                     << "bad.yaml:7: haproxy.slots[1].address"
                                     << "host:port";
        QTest::newRow("port zero") << withLine(7, "    - {name: blue2, colour: blue, address: \"127.0.0.1:0\"}")
                                   << "bad.yaml:7: haproxy.slots[1].address"
                                   << "65535";
        QTest::newRow("port too big") << withLine(8, "    - {name: green1, colour: green, address: \"h:70000\"}")
                                      << "bad.yaml:8: haproxy.slots[2].address"
                                      << "65535";
        QTest::newRow("missing address") << withLine(8, "    - {name: green1, colour: green}")
                                         << "bad.yaml:8: haproxy.slots[2].address"
                                         << "missing";
        QTest::newRow("duplicate slot") << withLine(7, "    - {name: blue1, colour: blue, address: \"127.0.0.1:8002\"}")
                                        << "bad.yaml:7: haproxy.slots[1].name"
                                        << "duplicate";
        QTest::newRow("third colour") << withLine(8, "    - {name: green1, colour: red, address: \"127.0.0.1:8003\"}")
                                      << "bad.yaml:10: haproxy.slots[3].colour"
                                      << "two";
        QTest::newRow("typo in key") << withLine(4, "  backedn: be_app") << "bad.yaml:4: haproxy.backedn"
                                     << "unknown";
        QTest::newRow("unknown top-level key")
            << withLine(1, "name: staging\nstrategy: canary") << "bad.yaml:2: strategy"
            << "unknown";
        QTest::newRow("relative socket") << withLine(3, "  runtime_api: admin.sock")
                                         << "bad.yaml:3: haproxy.runtime_api"
                                         << "absolute";
        QTest::newRow("ftp prometheus") << withLine(14, "  url: ftp://127.0.0.1:9090") << "bad.yaml:14: prometheus.url"
                                        << "http";
        QTest::newRow("deploy without slot")
            << withLine(16, "  deploy: \"deploy.sh {version}\"") << "bad.yaml:16: hooks.deploy"
            << "{slot}";
        QTest::newRow("unknown placeholder")
            << withLine(17, "  undeploy: \"undeploy.sh {slot} {colour}\"") << "bad.yaml:17: hooks.undeploy"
            << "{colour}";
        QTest::newRow("slots not a list")
            << withLine(5, "  slots: blue1")
                   .replace(QByteArray(kValid).mid(QByteArray(kValid).indexOf("    - {name: blue1"),
                                QByteArray(kValid).indexOf("prometheus:")
                                    - QByteArray(kValid).indexOf("    - {name: blue1")),
                       "")
            << "bad.yaml:5: haproxy.slots"
            << "list";
        QTest::newRow("one colour only") << withLine(
            8, "    - {name: green1, colour: blue, address: \"127.0.0.1:8003\"}")
                                                .replace("      colour: green", "      colour: blue")
                                         << "bad.yaml:6: haproxy.slots"
                                         << "one colour";
        QTest::newRow("missing name") << withLine(1, "") << "bad.yaml:2: name"
                                      << "missing";
        QTest::newRow("empty backend") << withLine(4, "  backend: \"\"") << "bad.yaml:4: haproxy.backend"
                                       << "empty";
        QTest::newRow("slot is a list") << withLine(8, "    - [green1, green, \"127.0.0.1:8003\"]")
                                        << "bad.yaml:8: haproxy.slots[2]"
                                        << "mapping";
        QTest::newRow("duplicate key") << withLine(2, "haproxy:\n  backend: be_other") << "bad.yaml:5: haproxy.backend"
                                       << "duplicate";
        QTest::newRow("not yaml") << QByteArray("name: [unclosed\nhaproxy: {\n") << "bad.yaml:"
                                  << "YAML";
        QTest::newRow("empty file") << QByteArray("") << "bad.yaml:1"
                                    << "empty";
        QTest::newRow("a list, not a mapping") << QByteArray("- a\n- b\n") << "bad.yaml:1"
                                               << "mapping";
    }
    void rejectsMalformed()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        QFETCH(QString, problem);
        const Result<Environment> env = parseEnvironment(yaml, QStringLiteral("bad.yaml"));
        QVERIFY2(!env.ok(), yaml.constData());
        QCOMPARE(env.error().code, ErrorCode::Parse);
        QVERIFY2(env.error().message.contains(expected), qPrintable(env.error().message));
        QVERIFY2(env.error().message.contains(problem, Qt::CaseInsensitive), qPrintable(env.error().message));
    }

    // Reading from disk: a missing file is an Io error naming the path; a present file parses.
    void loadsFromDisk()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Result<Environment> missing = loadEnvironmentFile(dir.filePath(QStringLiteral("nope.yaml")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::Io);
        QVERIFY(missing.error().message.contains(u"nope.yaml"));

        QFile file(dir.filePath(QStringLiteral("env.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kValid);
        file.close();
        const Result<Environment> env = loadEnvironmentFile(file.fileName());
        QVERIFY(env.ok());
        QCOMPARE(env->stateDatabase, dir.filePath(QStringLiteral("db/state.db")));
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentFile)
#include "tst_environmentfile.moc"
