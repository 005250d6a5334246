// Bad HAProxy replies during a rollout: error text, a reply cut off, the socket gone. Each gives a held
// rollout with a clear message (never a crash, never a step recorded as done), and resume goes on once HAProxy
// answers again. HAProxy cannot produce these on demand, so a fake Runtime API plays it (tests/support/fakehaproxy.h,
// stateful: it applies `set server` and reports weights and states back like HAProxy 2.6).
#include "engine/rolloutengine.h"
#include "fakehaproxy.h"
#include "storage/statestore.h"
#include "util/clock.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gl;

namespace {

enum class Fault { None, ErrorText, CutOff, SocketGone };

// Makes the fake misbehave as `fault` says (None: it answers properly again; a socket gone needs listen() again).
void applyFault(gl::test::FakeHaproxy &haproxy, Fault fault)
{
    haproxy.setServerFails = fault == Fault::ErrorText;
    haproxy.cutReplies = fault == Fault::CutOff;
    if (fault == Fault::SocketGone)
        haproxy.goAway();
}

} // namespace

class TestRolloutBadReplies : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void heldNotCrashed_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<QString>("expected"); // in the held rollout's message
        QTest::newRow("error text") << int(Fault::ErrorText) << QStringLiteral("No such server");
        QTest::newRow("reply cut off") << int(Fault::CutOff) << QStringLiteral("HAProxy did not apply");
        QTest::newRow("socket gone") << int(Fault::SocketGone) << QStringLiteral("HAProxy did not apply");
    }

    // At the 100 % step HAProxy misbehaves: the rollout is held with a message saying what failed, the step is
    // not recorded as done, the engine keeps running and answering; resume after HAProxy recovers completes it.
    void heldNotCrashed()
    {
        QFETCH(int, fault);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString socket = dir.filePath(QStringLiteral("admin.sock"));
        gl::test::FakeHaproxy haproxy(socket);
        haproxy.servers.insert(QStringLiteral("blue1"), {100, 0});
        haproxy.servers.insert(QStringLiteral("green1"), {0, 0x01});
        QVERIFY(haproxy.listen());

        Environment env;
        env.name = QStringLiteral("fake");
        env.runtimeApi = socket;
        env.backend = QStringLiteral("be_app");
        env.serverSlots
            = {{QStringLiteral("blue1"), QStringLiteral("blue"), QStringLiteral("127.0.0.1:9"), QStringLiteral("v1")},
                {QStringLiteral("green1"), QStringLiteral("green"), QStringLiteral("127.0.0.1:10"), QString()}};
        env.deployHook = QStringLiteral("/bin/echo deploy {slot} {version}");
        env.undeployHook = QStringLiteral("/bin/echo undeploy {slot}");
        env.stateDatabase = dir.filePath(QStringLiteral("state.db"));
        Result<StateStore> state = StateStore::open(env.stateDatabase);
        QVERIFY(state.ok());
        RolloutEngine engine(env, state.value(), SystemClock::instance());
        QVERIFY(engine.start().ok());

        ActionRecord start;
        start.action = QStringLiteral("start");
        start.actor = QStringLiteral("test");
        StrategyConfig config;
        config.canarySteps = {{50, {PauseKind::Gate, 0}}, {100, {}}};
        start.params = {{QStringLiteral("version"), QStringLiteral("v2")},
            {QStringLiteral("overrides"),
                QJsonObject {{QStringLiteral("canarySteps"), config.toJson().value(u"canarySteps")},
                    {QStringLiteral("canaryUndeployDelayMs"), 0}}}};
        QVERIFY(engine.store().enqueueAction(start).ok());
        QTRY_VERIFY_WITH_TIMEOUT(engine.current() && engine.current()->state == RolloutState::Paused, 10000);
        QCOMPARE(engine.current()->actualShare, 50.0);

        const int blueWeightBefore = haproxy.servers.value(QStringLiteral("blue1")).weight;
        applyFault(haproxy, Fault(fault));
        ActionRecord promote;
        promote.action = QStringLiteral("promote");
        promote.actor = QStringLiteral("test");
        QVERIFY(engine.store().enqueueAction(promote).ok());
        QTRY_VERIFY_WITH_TIMEOUT(engine.current()->state == RolloutState::Held, 10000);
        QVERIFY2(engine.current()->message.contains(expected), qPrintable(engine.current()->message));
        QVERIFY(engine.isRunning());
        // The failed step is recorded as failed with the error, not as done.
        const QList<RolloutOp> ops = engine.store().ops(engine.current()->id).value();
        const auto failed
            = std::find_if(ops.cbegin(), ops.cend(), [](const RolloutOp &o) { return o.status == OpStatus::Failed; });
        QVERIFY(failed != ops.cend());
        QCOMPARE(failed->percent, 100.0);
        QVERIFY(!failed->result.isEmpty());
        if (Fault(fault) == Fault::ErrorText)
            QCOMPARE(haproxy.servers.value(QStringLiteral("blue1")).weight, blueWeightBefore); // nothing was lowered

        // HAProxy answers properly again: resume retries the step and the rollout completes.
        applyFault(haproxy, Fault::None);
        if (Fault(fault) == Fault::SocketGone)
            QVERIFY(haproxy.listen());
        ActionRecord resume;
        resume.action = QStringLiteral("resume");
        resume.actor = QStringLiteral("test");
        QVERIFY(engine.store().enqueueAction(resume).ok());
        QTRY_VERIFY_WITH_TIMEOUT(engine.current()->state == RolloutState::Completed, 15000);
        QCOMPARE(haproxy.servers.value(QStringLiteral("green1")).weight, 100);
        QCOMPARE(haproxy.servers.value(QStringLiteral("blue1")).admin, 0x01);
        engine.stop();
    }
};

QTEST_GUILESS_MAIN(TestRolloutBadReplies)
#include "tst_rollout_badreplies.moc"
