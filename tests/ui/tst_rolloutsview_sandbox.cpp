// The Rollouts place against a real sandbox (HAProxy, sample services, load): a canary started from the UI
// advances a step, the Rollback button (confirmed through the Prompter seam) brings every weight back to the
// stable colour as HAProxy itself reports it, and the table and timeline show it.
#include "backends/haproxy/haproxyruntimeclient.h"
#include "engine/rolloutsession.h"
#include "prompter.h"
#include "rolloutactions.h"
#include "rolloutdetailview.h"
#include "rolloutlistmodel.h"
#include "rolloutsview.h"
#include "sandboxfixture.h"
#include "steptimeline.h"
#include "trafficsplitbar.h"

#include <QAction>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

using namespace gl;
using namespace gl::ui;
using namespace gl::test;

namespace {

class ScriptedPrompter final : public Prompter {
public:
    Answer ask(QWidget *, const Question &question) override
    {
        questions << question;
        return nextAnswer;
    }
    StartAnswer askStartRollout(QWidget *, const StartQuestion &question) override
    {
        startQuestions << question;
        return nextStart;
    }
    QString openFileName(QWidget *, const QString &, const QString &) override { return {}; }

    QList<Question> questions;
    QList<StartQuestion> startQuestions;
    Answer nextAnswer;
    StartAnswer nextStart;
};

// srv_uweight of every server of `backend`, as HAProxy reports it (show servers state), through core's client.
QMap<QString, int> weightsOf(const Environment &env)
{
    HaproxyRuntimeClient client(env.runtimeApi);
    std::optional<Result<QList<ServerState>>> reply;
    QObject context;
    client.showServersState(
        &context, [&](const Result<QList<ServerState>> &states) { reply = states; }, env.backend);
    QElapsedTimer timer;
    timer.start();
    while (!reply && timer.elapsed() < 5000)
        QTest::qWait(10);
    QMap<QString, int> weights;
    if (reply && reply->ok()) {
        for (const ServerState &state : reply->value())
            weights.insert(state.server, state.userWeight);
    }
    return weights;
}

} // namespace

class TestRolloutsViewSandbox : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (SandboxFixture::launcherPath().isEmpty())
            QFAIL("greenlight-sandbox must be built");
    }

    // Start (dialog answered v2 canary) → the step timeline advances past the first step → Rollback button →
    // the confirmation states the effect → HAProxy reports blue at full weight and green at 0 → the table's
    // state column reads "Rolled back".
    void canaryStartAdvanceRollback()
    {
        SandboxFixture sandbox;
        QString error;
        QVERIFY2(
            sandbox.up({QStringLiteral("--slots"), QStringLiteral("2"), QStringLiteral("--rps"), QStringLiteral("50")},
                &error),
            qPrintable(error));
        const Environment env = sandbox.environment();
        QCOMPARE(weightsOf(env).value(QStringLiteral("green1")), 0);

        RolloutSession session(env);
        QVERIFY(session.open().ok());
        QVERIFY(session.drivesEngine());
        ScriptedPrompter prompter;
        QNetworkAccessManager network;
        RolloutsView view(prompter, network);
        view.setSession(&session);
        view.resize(1100, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        auto *startButton = view.findChild<QToolButton *>(QStringLiteral("startRolloutButton"));
        auto *rollbackButton = view.findChild<QToolButton *>(QStringLiteral("rollbackButton"));
        QVERIFY(startButton && rollbackButton);
        QVERIFY(startButton->isEnabled());
        QVERIFY(!rollbackButton->isEnabled()); // nothing to roll back yet; the tooltip says why
        QVERIFY(!rollbackButton->toolTip().isEmpty());

        prompter.nextStart = {true, QStringLiteral("v2"), QStringLiteral("canary"), QStringLiteral("gui test"), false};
        QTest::mouseClick(startButton, Qt::LeftButton);
        QCOMPARE(prompter.startQuestions.size(), 1);
        QCOMPARE(prompter.startQuestions.first().defaultStrategy, QStringLiteral("canary"));

        // The rollout appears in the table and the timeline reaches step 2 (25 %) after the first pause.
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 1, 15000);
        StepTimeline *timeline = view.detail()->timeline();
        QTRY_VERIFY_WITH_TIMEOUT(timeline->currentStep() >= 0, 30000);
        QCOMPARE(timeline->steps().size(), 4);
        QTRY_VERIFY_WITH_TIMEOUT(timeline->currentStep() >= 1, 40000);
        QTRY_VERIFY_WITH_TIMEOUT(view.detail()->splitBar()->actualShare() > 0, 10000);
        QVERIFY(weightsOf(env).value(QStringLiteral("green1")) > 0);
        QVERIFY(rollbackButton->isEnabled());

        // Rollback: one click, a confirmation saying what happens, then HAProxy's weights.
        prompter.nextAnswer = {true, QStringLiteral("5xx up")};
        QTest::mouseClick(rollbackButton, Qt::LeftButton);
        QCOMPARE(prompter.questions.size(), 1);
        QVERIFY2(prompter.questions.first().text.contains(QStringLiteral("All traffic returns to v1 on 2 slot")),
            qPrintable(prompter.questions.first().text));
        QVERIFY(prompter.questions.first().destructive);
        QTRY_VERIFY_WITH_TIMEOUT(weightsOf(env).value(QStringLiteral("green1")) == 0
                && weightsOf(env).value(QStringLiteral("blue1")) > 0
                && weightsOf(env).value(QStringLiteral("blue2")) > 0,
            20000);

        const QModelIndex state = view.proxy()->index(0, RolloutListModel::StateColumn);
        QTRY_COMPARE_WITH_TIMEOUT(view.proxy()->index(0, RolloutListModel::StateColumn).data().toString(),
            QStringLiteral("Rolled back"), 30000);
        Q_UNUSED(state)
        QVERIFY(!rollbackButton->isEnabled());
        QVERIFY(view.findChild<QToolButton *>(QStringLiteral("retryButton"))->isEnabled());
        // The event history names who rolled back and why.
        bool recorded = false;
        for (const EventRecord &e : session.events(session.latest()->id).valueOr({}))
            recorded = recorded || (e.detail.contains(u"5xx up") && e.actor == RolloutSession::actor());
        QVERIFY(recorded);
        session.close();
        QCOMPARE(sandbox.down(), 0);
    }
};

QTEST_MAIN(TestRolloutsViewSandbox)
#include "tst_rolloutsview_sandbox.moc"
