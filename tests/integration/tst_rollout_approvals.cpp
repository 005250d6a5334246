// Approval gates enforced by the engine on a real sandbox under load, driven through greenlightctl as two
// people would: the canary waits at its gate, the starter's own approval does not count, a second person's
// exported token is imported, the rollout goes on by itself and completes with no request lost, and the audit
// log verifies, then fails at the exact entry edited by hand. Runs inside tests/support/with-keyring (keys).
#include "tst_rollout_common.h"

#include <QJsonArray>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace gl;
using namespace gl::test;

namespace {

CtlResult ctlAs(const QString &person, const QStringList &arguments, int timeoutMs = 90000)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("GREENLIGHT_PERSON"), person);
    process.setProcessEnvironment(environment);
    process.start(greenlightctlPath(), arguments);
    CtlResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        result.err = "timed out: greenlightctl " + arguments.join(u' ').toUtf8();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace

class TestRolloutApprovals : public QObject {
    Q_OBJECT

    QString m_approvals; // the approvers: and gates: sections

private Q_SLOTS:
    void initTestCase()
    {
        if (SandboxFixture::launcherPath().isEmpty() || greenlightctlPath().isEmpty())
            QFAIL("greenlight-sandbox and greenlightctl must be built");
    }

    // The whole story of issue #7 on the sandbox (see the file comment).
    void canaryWaitsForSecondPerson()
    {
        SandboxFixture sandbox;
        QString error;
        QVERIFY2(
            sandbox.up({QStringLiteral("--slots"), QStringLiteral("2"), QStringLiteral("--rps"), QStringLiteral("100")},
                &error),
            qPrintable(error));
        const QString env = sandbox.environmentFile();

        // Two people with keys in the (private) keychain.
        QStringList approvers;
        for (const QString &person : {QStringLiteral("alice"), QStringLiteral("bob")}) {
            const CtlResult created = ctlAs(
                person, {QStringLiteral("identity"), QStringLiteral("create"), QStringLiteral("--person"), person});
            QVERIFY2(created.exitCode == 0, created.err.constData());
            approvers << QString::fromUtf8(created.out.trimmed())
                             .replace(QStringLiteral("CHANGE-ME"), QStringLiteral("release"));
        }
        m_approvals = QStringLiteral("approvers:\n") + approvers.join(u'\n')
            + QStringLiteral("\ngates:\n"
                             "  - {name: prod-approval, at: canary_step, step: 50, groups: [release], quorum: 1}\n");
        {
            QFile file(env);
            QVERIFY(file.open(QIODevice::Append | QIODevice::Text));
            file.write(m_approvals.toUtf8());
        }
        const CtlResult valid = ctl({QStringLiteral("env"), QStringLiteral("validate"), QStringLiteral("--env"), env});
        QVERIFY2(valid.exitCode == 0, QByteArray(valid.out + valid.err).constData());

        EngineProcess engine(env);
        QVERIFY(QTest::qWaitFor(
            [&] { return statusJson(env).value(u"engine").toObject().value(u"running").toBool(); }, 10000));

        // alice starts a canary 10 -> 50 -> 100; the gate holds it before 50 %.
        CtlResult r = ctlAs(QStringLiteral("alice"),
            {QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("--env"), env,
                QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--steps"),
                QStringLiteral("10,50,100"), QStringLiteral("--pause"), QStringLiteral("1s"),
                QStringLiteral("--undeploy-delay"), QStringLiteral("1s")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(waitForRollout(env, [](const QJsonObject &o) {
            return o.value(u"state").toString() == u"paused" && o.value(u"pauseReason").toString() == u"gate"
                && o.value(u"desiredShare").toDouble() == 10.0
                && o.value(u"message").toString().contains(u"prod-approval");
        }));
        QJsonObject status = statusJson(env);
        QJsonObject gate = status.value(u"gate").toObject();
        QCOMPARE(gate.value(u"point").toString(), QStringLiteral("canary_step:50"));
        QCOMPARE(gate.value(u"state").toString(), QStringLiteral("waiting"));
        QCOMPARE(gate.value(u"gates").toArray().first().toObject().value(u"approvals").toInt(), 0);
        const QString rollout = QString::number(status.value(u"rollout").toObject().value(u"id").toInteger());

        // A manual promote at the gated point is refused with the reason.
        r = ctlAs(QStringLiteral("alice"),
            {QStringLiteral("rollout"), QStringLiteral("promote"), QStringLiteral("--env"), env});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("prod-approval"), r.err.constData());

        // alice approves her own rollout: refused at once (separation of duties), nothing recorded.
        r = ctlAs(QStringLiteral("alice"),
            {QStringLiteral("approve"), QStringLiteral("--env"), env, QStringLiteral("--rollout"), rollout,
                QStringLiteral("--gate"), QStringLiteral("prod-approval"), QStringLiteral("--person"),
                QStringLiteral("alice")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("separation of duties"), r.err.constData());
        // ...and her own token signed elsewhere and imported here is recorded but does not count.
        r = ctlAs(QStringLiteral("alice"),
            {QStringLiteral("approve"), QStringLiteral("--env"), env, QStringLiteral("--rollout"), rollout,
                QStringLiteral("--gate"), QStringLiteral("prod-approval"), QStringLiteral("--person"),
                QStringLiteral("alice"), QStringLiteral("--export")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = ctlAs(QStringLiteral("alice"),
            {QStringLiteral("approvals"), QStringLiteral("import"), QStringLiteral("--env"), env,
                QString::fromUtf8(r.out.trimmed())});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QTest::qWait(1500);
        status = statusJson(env);
        QCOMPARE(status.value(u"rollout").toObject().value(u"state").toString(), QStringLiteral("paused"));
        gate = status.value(u"gate").toObject().value(u"gates").toArray().first().toObject();
        QCOMPARE(gate.value(u"approvals").toInt(), 0);
        QVERIFY2(gate.value(u"refused").toArray().first().toString().contains(u"separation of duties"),
            qPrintable(QJsonDocument(gate).toJson()));

        // bob signs on his machine (--export) and the token is imported here.
        r = ctlAs(QStringLiteral("bob"),
            {QStringLiteral("approve"), QStringLiteral("--env"), env, QStringLiteral("--rollout"), rollout,
                QStringLiteral("--gate"), QStringLiteral("prod-approval"), QStringLiteral("--person"),
                QStringLiteral("bob"), QStringLiteral("--export")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString token = QString::fromUtf8(r.out.trimmed());
        QVERIFY(token.startsWith(u"glt1."));
        r = ctlAs(QStringLiteral("alice"),
            {QStringLiteral("approvals"), QStringLiteral("import"), QStringLiteral("--env"), env, token});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        // The engine goes on by itself (no promote) and completes.
        QVERIFY(waitForRollout(
            env, [](const QJsonObject &o) { return o.value(u"state").toString() == u"completed"; }, 90000));
        GL_VERIFY_NOTHING_LOST(sandbox);
        QCOMPARE(versionsOf(sandbox.frontendPort(), 10), (QMap<QString, int> {{QStringLiteral("v2"), 10}}));
        engine.stop(); // its last entries get a checkpoint

        // The sandbox's deploy and undeploy hooks rewrote the environment file (the slots' versions) and kept the
        // approvals sections as they were.
        {
            QFile file(env);
            QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
            const QString text = QString::fromUtf8(file.readAll());
            QVERIFY2(text.contains(m_approvals), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("version: \"v2\"")), qPrintable(text));
        }

        // The audit log holds the story, and verifies.
        r = ctl({QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--env"), env,
            QStringLiteral("--format"), QStringLiteral("jsonl")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QStringList actions;
        QMap<QString, qint64> seqOf;
        for (const QByteArray &line : r.out.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.contains(u"action")) {
                actions << o.value(u"action").toString();
                seqOf.insert(o.value(u"action").toString(), o.value(u"seq").toInteger());
            }
        }
        for (const char *expected : {"rollout.start", "rollout.refused", "approval.approve", "gate.wait",
                 "gate.satisfied", "rollout.completed"})
            QVERIFY2(actions.contains(QLatin1String(expected)), qPrintable(actions.join(u", ")));
        QVERIFY(actions.indexOf(QStringLiteral("gate.wait")) < actions.indexOf(QStringLiteral("gate.satisfied")));
        r = ctl({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--env"), env});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());

        // Someone edits one entry by hand: verify fails naming that entry's seq.
        const qint64 edited = seqOf.value(QStringLiteral("gate.satisfied"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(sandbox.dir() + QStringLiteral("/state.audit.db"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("DROP TRIGGER audit_entries_no_update")), qPrintable(q.lastError().text()));
            QVERIFY2(q.exec(QStringLiteral("UPDATE audit_entries SET actor = 'mallory' WHERE seq = %1").arg(edited)),
                qPrintable(q.lastError().text()));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        r = ctl({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--env"), env});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("seq %1").arg(edited).toUtf8()), QByteArray(r.out + r.err).constData());
    }
};

QTEST_GUILESS_MAIN(TestRolloutApprovals)
#include "tst_rollout_approvals.moc"
