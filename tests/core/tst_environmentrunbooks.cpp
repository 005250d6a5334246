// Tests of the environment file's optional `runbooks:` section (core/model/environmentfile): the rollback
// runbook a rollout view offers after an abort or a rollback; malformed values and unknown keys are errors
// naming FILE:LINE: field.
#include "model/environmentfile.h"

#include <QTest>

using namespace gl;

namespace {

// A valid file without a runbooks: section (17 lines); tests append to it.
const char *const kBase = "name: staging\n"
                          "haproxy:\n"
                          "  runtime_api: /run/greenlight/admin.sock\n"
                          "  backend: be_app\n"
                          "  slots:\n"
                          "    - {name: blue1, colour: blue, address: \"127.0.0.1:8001\", version: v1}\n"
                          "    - {name: green1, colour: green, address: \"127.0.0.1:8003\"}\n"
                          "prometheus:\n"
                          "  url: \"http://127.0.0.1:9090\"\n"
                          "hooks:\n"
                          "  deploy: \"deploy.sh {slot} {version}\"\n"
                          "  undeploy: \"undeploy.sh {slot}\"\n";
const int kBaseLines = 12;

} // namespace

class TestEnvironmentRunbooks : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Accepted spellings give the rollback runbook id; no section (or an empty one) gives none.
    void reads_data()
    {
        QTest::addColumn<QByteArray>("section");
        QTest::addColumn<QString>("expected");
        QTest::newRow("absent") << QByteArray() << QString();
        QTest::newRow("null section") << QByteArray("runbooks:\n") << QString();
        QTest::newRow("block") << QByteArray("runbooks:\n  rollback: haproxy-rollback\n")
                               << QStringLiteral("haproxy-rollback");
        QTest::newRow("flow") << QByteArray("runbooks: {rollback: db.failover_2}\n") << QStringLiteral("db.failover_2");
        QTest::newRow("quoted, spaces trimmed")
            << QByteArray("runbooks:\n  rollback: \" haproxy-rollback \"\n") << QStringLiteral("haproxy-rollback");
    }
    void reads()
    {
        QFETCH(QByteArray, section);
        QFETCH(QString, expected);
        const Result<Environment> env = parseEnvironment(QByteArray(kBase) + section, QStringLiteral("env.yaml"));
        QVERIFY2(env.ok(), qPrintable(env.ok() ? QString() : env.error().message));
        QCOMPARE(env->rollbackRunbook, expected);
    }

    // Malformed sections are refused with the file, the line and the field (a typo must not drop the link).
    void rejects_data()
    {
        QTest::addColumn<QByteArray>("section");
        QTest::addColumn<QString>("expected"); // a line of the error message, after "env.yaml:"
        QTest::newRow("unknown key") << QByteArray("runbooks:\n  rollbak: haproxy-rollback\n")
                                     << QStringLiteral("%1: runbooks.rollbak: unknown key").arg(kBaseLines + 2);
        QTest::newRow("not a mapping") << QByteArray("runbooks: haproxy-rollback\n")
                                       << QStringLiteral("%1: runbooks: expected a mapping").arg(kBaseLines + 1);
        QTest::newRow("list") << QByteArray("runbooks:\n  rollback: [a, b]\n")
                              << QStringLiteral("%1: runbooks.rollback: expected a string").arg(kBaseLines + 2);
        QTest::newRow("empty id") << QByteArray("runbooks:\n  rollback: \"\"\n")
                                  << QStringLiteral("%1: runbooks.rollback: must not be empty").arg(kBaseLines + 2);
        QTest::newRow("not an id")
            << QByteArray("runbooks:\n  rollback: Roll back HAProxy\n")
            << QStringLiteral("%1: runbooks.rollback: expected a runbook id").arg(kBaseLines + 2);
        QTest::newRow("uppercase")
            << QByteArray("runbooks:\n  rollback: HAProxy-Rollback\n")
            << QStringLiteral("%1: runbooks.rollback: expected a runbook id").arg(kBaseLines + 2);
        QTest::newRow("duplicate section") << QByteArray("runbooks: {rollback: a}\nrunbooks: {rollback: b}\n")
                                           << QStringLiteral("%1: runbooks: duplicate key").arg(kBaseLines + 2);
    }
    void rejects()
    {
        QFETCH(QByteArray, section);
        QFETCH(QString, expected);
        const Result<Environment> env = parseEnvironment(QByteArray(kBase) + section, QStringLiteral("env.yaml"));
        QVERIFY(!env.ok());
        QVERIFY2(env.error().message.contains(QStringLiteral("env.yaml:") + expected), qPrintable(env.error().message));
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentRunbooks)
#include "tst_environmentrunbooks.moc"
