// `greenlightctl status --watch` shows the approval gate the rollout waits at (n/N, who approved, time left), like
// `status` does, and prints it again when an approval arrives. An engine in this process drives a fake HAProxy;
// greenlightctl watches the same environment from its own process.
#include "approvals/approvalledger.h"
#include "engine/rolloutengine.h"
#include "fakehaproxy.h"
#include "model/environmentfile.h"
#include "storage/statestore.h"
#include "testpaths.h"
#include "util/clock.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace gl;
using namespace gl::test;

class TestStatusWatchGate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The watch prints "gate before before_start: start-approval 0/2, ... left" while the rollout waits, then
    // "1/2 (bob)" once bob's approval is recorded.
    void watchShowsGate()
    {
        const QString ctl = builtExecutable(QStringLiteral("greenlightctl"));
        if (ctl.isEmpty())
            QFAIL("greenlightctl is not built");
        QTemporaryDir dir;
        qputenv("XDG_STATE_HOME", dir.filePath(QStringLiteral("state-home")).toUtf8());
        FakeHaproxy haproxy(dir.filePath(QStringLiteral("admin.sock")));
        haproxy.servers.insert(QStringLiteral("blue1"), {100, 0});
        haproxy.servers.insert(QStringLiteral("green1"), {0, 0x01});
        QVERIFY(haproxy.listen());

        QMap<QString, SigningKey> keys;
        QByteArray approvers = "approvers:\n";
        for (const QString &name : {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")}) {
            keys.insert(name, SigningKey::generate().value());
            approvers += "  - {person: " + name.toUtf8() + ", groups: [release], key: \""
                + keys.value(name).publicKey().toString().toUtf8() + "\"}\n";
        }
        const QString envPath = dir.filePath(QStringLiteral("env.yaml"));
        {
            QFile file(envPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("name: watch\n"
                       "haproxy:\n"
                       "  runtime_api: "
                + haproxy.path().toUtf8()
                + "\n"
                  "  backend: be_app\n"
                  "  slots:\n"
                  "    - {name: blue1, colour: blue, address: \"127.0.0.1:9\", version: v1}\n"
                  "    - {name: green1, colour: green, address: \"127.0.0.1:10\"}\n"
                  "prometheus:\n  url: \"http://127.0.0.1:9\"\n"
                  "hooks:\n  deploy: \"/bin/echo {slot} {version}\"\n  undeploy: \"/bin/echo {slot}\"\n"
                  "state:\n  database: state.db\n"
                + approvers
                + "gates:\n"
                  "  - {name: start-approval, at: before_start, groups: [release], quorum: 2, timeout: 4h}\n");
        }
        const Result<Environment> env = loadEnvironmentFile(envPath);
        QVERIFY2(env.ok(), qPrintable(env ? QString() : env.error().message));
        Result<StateStore> state = StateStore::open(env->stateDatabase);
        QVERIFY(state.ok());
        RolloutEngine engine(*env, state.value(), SystemClock::instance());
        QVERIFY(engine.start().ok());
        ActionRecord start;
        start.action = QStringLiteral("start");
        start.actor = QStringLiteral("alice@vm");
        start.params
            = {{QStringLiteral("version"), QStringLiteral("v2")}, {QStringLiteral("person"), QStringLiteral("alice")}};
        QVERIFY(engine.store().enqueueAction(start).ok());
        QTRY_VERIFY_WITH_TIMEOUT(engine.current() && engine.current()->pauseReason == PauseReason::Gate, 10000);

        QProcess watch;
        watch.start(ctl, {QStringLiteral("status"), QStringLiteral("--watch"), QStringLiteral("--env"), envPath});
        QVERIFY(watch.waitForStarted());
        QByteArray output;
        QTRY_VERIFY2_WITH_TIMEOUT((output += watch.readAllStandardOutput())
                                      .contains("gate before before_start: "
                                                "start-approval 0/2"),
            output.constData(), 10000);
        QVERIFY2(output.contains(" left"), output.constData());

        Statement s;
        s.environment = env->name;
        s.rolloutId = QString::number(engine.current()->id);
        s.gate = QStringLiteral("start-approval");
        s.decision = Decision::Approve;
        s.time = SystemClock::instance().now();
        s.signer = QStringLiteral("bob");
        s.nonce = Statement::newNonce();
        ApprovalLedger ledger(*engine.gatekeeper().log(), env->name, env->approvals.approvers);
        QVERIFY(
            ledger.record(SignedStatement::sign(s, keys.value(QStringLiteral("bob"))).value(), QStringLiteral("test"))
                .ok());
        QTRY_VERIFY2_WITH_TIMEOUT(
            (output += watch.readAllStandardOutput()).contains("start-approval 1/2 (bob)"), output.constData(), 10000);
        watch.terminate();
        QVERIFY(watch.waitForFinished(5000));
        engine.stop();
    }
};

QTEST_GUILESS_MAIN(TestStatusWatchGate)
#include "tst_statuswatchgate.moc"
