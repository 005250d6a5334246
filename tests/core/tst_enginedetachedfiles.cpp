// An engine whose state database files are deleted or replaced under it (another program removed the WAL, a
// backup was restored over the file) notices within about a second, stops driving before another batch goes to
// HAProxy, says so (stoppedWithError, ErrorCode::Detached, naming the file), and can start again on the files at
// the path. docs/storage.md, rule 6. Against the fake HAProxy, to count every `set server` the engine sends.
#include "engine/rolloutengine.h"
#include "fakehaproxy.h"
#include "storage/statestore.h"
#include "util/clock.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gl;
using namespace gl::test;

class TestEngineDetachedFiles : public QObject {
    Q_OBJECT

private slots:
    // -wal and -shm deleted mid-canary: the engine stops within ~1 s, sends no batch afterwards, and a restarted
    // engine drives on the files at the path.
    void deletedWalStopsDrivingAndRestarts();
};

void TestEngineDetachedFiles::deletedWalStopsDrivingAndRestarts()
{
    QTemporaryDir dir;
    const std::unique_ptr<FakeHaproxy> haproxy = blueGreenHaproxy(dir);
    QVERIFY(haproxy);
    const Environment env = blueGreenEnvironment(QStringLiteral("detached"), dir, *haproxy);
    Result<StateStore> state = StateStore::open(env.stateDatabase);
    QVERIFY(state.ok());

    RolloutEngine::Options options;
    options.tickMs = 20;
    options.verifyFilesMs = 200;
    options.actor = QStringLiteral("engine@test");
    RolloutEngine engine(env, *state, SystemClock::instance(), options);
    QSignalSpy stopped(&engine, &RolloutEngine::stoppedWithError);
    QVERIFY(engine.start().ok());

    // A canary whose steps keep sending batches: 10, 20, ... 100 % with a short pause between them.
    ActionRecord start;
    start.action = toString(RolloutAction::Start);
    start.actor = QStringLiteral("alice@vm");
    StrategyConfig config;
    config.canarySteps.clear();
    for (int percent = 10; percent <= 100; percent += 10)
        config.canarySteps << CanaryStep {percent, StepPause {PauseKind::Duration, 300}};
    start.params = {{QStringLiteral("version"), QStringLiteral("v2")},
        {QStringLiteral("strategy"), toString(StrategyKind::Canary)},
        {QStringLiteral("overrides"),
            QJsonObject {{QStringLiteral("canarySteps"), config.toJson().value(u"canarySteps")}}}};
    QSignalSpy answered(&engine, &RolloutEngine::actionAnswered);
    QVERIFY(engine.store().enqueueAction(start).ok());
    engine.wake();
    QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 10000);
    QVERIFY2(answered.at(0).at(1).toBool(), qPrintable(answered.at(0).at(2).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(engine.current() && engine.current()->stepIndex >= 1, 10000);

    QVERIFY(QFile::remove(env.stateDatabase + u"-wal"));
    QVERIFY(QFile::remove(env.stateDatabase + u"-shm"));
    QTRY_VERIFY_WITH_TIMEOUT(!engine.isRunning(), 2000);
    QCOMPARE(stopped.size(), 1);
    const Error error = stopped.at(0).at(0).value<Error>();
    QCOMPARE(error.code, ErrorCode::Detached);
    QVERIFY2(error.message.contains(u"state.db-wal") && error.message.contains(u"stopped driving"),
        qPrintable(error.message));
    const int batchesAtStop = haproxy->setCommands;
    QTest::qWait(1000);
    QCOMPARE(haproxy->setCommands, batchesAtStop); // nothing more went to HAProxy

    // Started again, the engine works on the files at the path (the rollout it finds there goes on).
    QVERIFY(engine.start().ok());
    QVERIFY(state->database().verifyFiles().ok());
    QCOMPARE(state->database().reopenCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(haproxy->setCommands > batchesAtStop, 10000);
    engine.stop();
}

QTEST_GUILESS_MAIN(TestEngineDetachedFiles)
#include "tst_enginedetachedfiles.moc"
