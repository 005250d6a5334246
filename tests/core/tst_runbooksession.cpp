// Step-through sessions (core/runbooks/runbooksession): one step at a time, done / skipped / failed, notes and
// checklists saved as they happen, timers against the expected duration, and a session resumed at the same
// step after the process was killed (SIGKILL of a real child process, not a simulated close).
#include "runbooks/runbooklibrary.h"
#include "runbooks/runbooksession.h"
#include "storage/profilestore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <cstdio>
#include <optional>

using namespace gl;

namespace {

const QByteArray kRunbook = R"(---
id: three
title: Three steps
---
## One
- [ ] first check
- [ ] second check

Expected: 5m

Verify: ok

Undo: nothing to undo

## Two
Expected: 10m

Verify: ok

Undo: nothing to undo

## Three
Expected: 1m

Verify: ok

Undo: nothing to undo
)";

void importRunbook(RunbookLibrary &library, const QString &folder)
{
    QDir().mkpath(folder);
    QFile file(folder + u"/three.md");
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kRunbook);
    file.close();
    QVERIFY(library.sync({folder}).ok());
}

// Child mode: starts a session, marks step 1 done with a note and a check, then prints its id and waits to be
// killed.
int runChild(const QString &dbPath)
{
    Result<ProfileStore> store = ProfileStore::open(dbPath);
    if (!store)
        return 2;
    RunbookLibrary library(store->database());
    Result<RunbookSession> session = RunbookSession::start(library, QStringLiteral("three"));
    if (!session)
        return 3;
    if (!session->setChecked(0, 1, true) || !session->setNote(0, QStringLiteral("done from the child"))
        || !session->complete(StepStatus::Done) || !session->setNote(1, QStringLiteral("half way")))
        return 4;
    std::printf("%lld\n", static_cast<long long>(session->id()));
    std::fflush(stdout);
    for (;;)
        QThread::sleep(1);
}

} // namespace

class TestRunbookSession : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::optional<ProfileStore> m_store;
    std::optional<RunbookLibrary> m_library;
    ManualClock m_clock;

private Q_SLOTS:
    void init()
    {
        m_library.reset();
        m_store.reset();
        const QString path = m_dir.filePath(QStringLiteral("p%1.db").arg(QDateTime::currentMSecsSinceEpoch()));
        Result<ProfileStore> store = ProfileStore::open(path);
        QVERIFY(store.ok());
        m_store.emplace(std::move(store).value());
        m_library.emplace(m_store->database(), m_clock);
        importRunbook(*m_library, m_dir.filePath(QStringLiteral("src")));
    }

    // Marking steps moves forward one step at a time; each step's timer runs from when it became current
    // until it was marked; the session finishes when no step is pending.
    void stepsAdvanceAndTime()
    {
        Result<RunbookSession> s = RunbookSession::start(*m_library, QStringLiteral("three"));
        QVERIFY(s.ok());
        QCOMPARE(s->currentStep(), 0);
        QCOMPARE(s->stepCount(), 3);
        m_clock.advance(4 * 60'000);
        QCOMPARE(s->stepElapsedMs(0), 4 * 60'000);
        QCOMPARE(s->stepElapsedMs(1), 0);
        QVERIFY(s->complete(StepStatus::Done).ok());
        QCOMPARE(s->currentStep(), 1);
        m_clock.advance(12 * 60'000);
        QVERIFY(s->complete(StepStatus::Skipped).ok());
        m_clock.advance(30'000);
        QCOMPARE(s->stepElapsedMs(0), 4 * 60'000); // frozen once marked
        QCOMPARE(s->stepElapsedMs(1), 12 * 60'000);
        QVERIFY(!s->isFinished());
        QVERIFY(s->complete(StepStatus::Failed).ok());
        QVERIFY(s->isFinished());
        QCOMPARE(s->countWith(StepStatus::Done), 1);
        QCOMPARE(s->countWith(StepStatus::Skipped), 1);
        QCOMPARE(s->countWith(StepStatus::Failed), 1);
        QVERIFY(!s->complete(StepStatus::Done).ok());
        QCOMPARE(RunbookSession::openSession(*m_library, QStringLiteral("three"))->has_value(), false);
    }

    // Going back to an earlier step and marking it returns to the first step still pending.
    void goToAndReturn()
    {
        Result<RunbookSession> s = RunbookSession::start(*m_library, QStringLiteral("three"));
        QVERIFY(s->goTo(2).ok());
        QVERIFY(s->progress(2).startedAt.isValid());
        QVERIFY(s->complete(StepStatus::Done).ok());
        QCOMPARE(s->currentStep(), 0);
        QVERIFY(s->complete(StepStatus::Done).ok());
        QCOMPARE(s->currentStep(), 1);
        QVERIFY(!s->setChecked(0, 5, true).ok());
        QVERIFY(!s->goTo(7).ok());
    }

    // After the process is killed with SIGKILL mid-step, resuming lands on the same step with the notes, the
    // checks and the statuses it had.
    void resumesAfterKill()
    {
        const QString db = m_store->database().path();
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-session"), db});
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(child.canReadLine() || child.state() == QProcess::NotRunning, 20000);
        const qint64 id = child.readLine().trimmed().toLongLong();
        QVERIFY(id > 0);
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        const Result<std::optional<qint64>> open = RunbookSession::openSession(*m_library, QStringLiteral("three"));
        QVERIFY(open.ok() && open->has_value());
        QCOMPARE(**open, id);
        Result<RunbookSession> s = RunbookSession::resume(*m_library, id);
        QVERIFY(s.ok());
        QCOMPARE(s->currentStep(), 1);
        QCOMPARE(s->progress(0).status, StepStatus::Done);
        QCOMPARE(s->progress(0).note, QStringLiteral("done from the child"));
        QCOMPARE(s->progress(0).checklist, QList<bool>({false, true}));
        QCOMPARE(s->progress(1).note, QStringLiteral("half way"));
        QVERIFY(s->progress(1).startedAt.isValid());
        QCOMPARE(s->progress(1).status, StepStatus::Pending);
        QVERIFY(s->complete(StepStatus::Done).ok());
        QCOMPARE(s->currentStep(), 2);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--child-session") == 0)
        return runChild(QString::fromLocal8Bit(argv[2]));
    TestRunbookSession test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_runbooksession.moc"
