// The console's rollout actions with the REAL confirmation dialog (DialogPrompter), an in-process engine and a fake
// HAProxy Runtime API (tests/support): a reason typed with spaces after Ctrl+Shift+B is recorded whole (the first
// space does not fire the rollback); Space right after the dialog opens confirms nothing; Esc cancels and queues
// nothing; Enter with an empty required reason does not confirm. A confirmation follows the rollout while open
// (a promote closes and sends nothing once the rollout moved; a pause's text follows the share), also through a test
// prompter that ignores the change; Promote is disabled at an approval gate, its tooltip naming the gate and its
// approvals. With GL_KEEP_TEST_OUTPUT=1 the rollback and the live pause confirmations run in Korean too, and a picture
// of each dialog is kept for a person to look at.
#include "approvals/approvalledger.h"
#include "audit/auditlog.h"
#include "engine/rolloutsession.h"
#include "fakehaproxy.h"
#include "identity/signingkey.h"
#include "prompter.h"
#include "rolloutactions.h"
#include "util/clock.h"
#include "util/translations.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace gl;
using namespace gl::ui;
using namespace gl::test;

namespace {

// A test prompter that, while its question is open, runs `meanwhile` (the rollout moves) and then confirms,
// ignoring the question's live part: the caller must still not send the action with its old meaning.
class MovingPrompter final : public Prompter {
public:
    Answer ask(QWidget *, const Question &question) override
    {
        asked << question;
        live << !question.live.isNull();
        if (meanwhile)
            meanwhile();
        return Answer {true, QStringLiteral("checked the dashboards"), {}};
    }
    QString openFileName(QWidget *, const QString &, const QString &) override { return {}; }

    std::function<void()> meanwhile;
    QList<Question> asked;
    QList<bool> live; // each question came with its live part
};

} // namespace

class TestRolloutActions : public QObject {
    Q_OBJECT

    QTemporaryDir m_stateHome;
    std::unique_ptr<QTemporaryDir> m_output; // GL_KEEP_TEST_OUTPUT=1 only

    static bool keepOutput() { return qEnvironmentVariableIsSet("GL_KEEP_TEST_OUTPUT"); }

    // GL_KEEP_TEST_OUTPUT=1: saves a picture of `widget` as <name>.png in a directory kept after the test.
    void keep(QWidget *widget, const QString &name)
    {
        if (!keepOutput())
            return;
        if (!m_output) {
            m_output = std::make_unique<QTemporaryDir>();
            m_output->setAutoRemove(false);
            qInfo("test output in %s", qPrintable(m_output->path()));
        }
        widget->grab().save(m_output->filePath(name + QStringLiteral(".png")));
    }

    // The languages a confirmation is looked at in: English, and Korean too when its pictures are kept.
    static void languages()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        if (keepOutput())
            QTest::newRow("ko") << QStringLiteral("ko");
    }

    // Installs the row's language for the test; English again when the returned guard goes.
    static auto speak(const QString &language)
    {
        installTranslations(language);
        return qScopeGuard([] { installTranslations(QStringLiteral("en")); });
    }

    static QString suffix(const QString &language) { return language == u"en" ? QString() : u'-' + language; }

    struct Rig {
        QTemporaryDir dir;
        std::unique_ptr<FakeHaproxy> haproxy;
        std::unique_ptr<RolloutSession> session;
        QWidget window;
        std::unique_ptr<RolloutActions> actions;
    };

    static std::unique_ptr<Rig> rig(Prompter &prompter, const ApprovalsConfig &approvals = {})
    {
        auto r = std::make_unique<Rig>();
        r->haproxy = blueGreenHaproxy(r->dir);
        if (!r->haproxy)
            return nullptr;
        Environment env = blueGreenEnvironment(QStringLiteral("staging"), r->dir, *r->haproxy);
        env.approvals = approvals;
        RolloutSession::Options options;
        options.pollMs = 30;
        options.slotsPollMs = 0;
        options.engine.tickMs = 20;
        r->session = std::make_unique<RolloutSession>(env, SystemClock::instance(), options);
        if (!r->session->open() || !r->session->drivesEngine())
            return nullptr;
        r->actions = std::make_unique<RolloutActions>(prompter, &r->window);
        r->actions->setSession(r->session.get());
        r->window.addActions(r->actions->actions());
        r->window.show();
        return r;
    }

    // Starts a canary of v2 over `steps` (as `greenlightctl rollout start --steps` would).
    static bool start(Rig &r, const QList<CanaryStep> &steps)
    {
        StrategyConfig config;
        config.canarySteps = steps;
        const QJsonObject params {{QStringLiteral("version"), QStringLiteral("v2")},
            {QStringLiteral("strategy"), QStringLiteral("canary")},
            {QStringLiteral("overrides"),
                QJsonObject {{QStringLiteral("canarySteps"), config.toJson().value(u"canarySteps")},
                    {QStringLiteral("canaryUndeployDelayMs"), 0}}}};
        return r.session->request(RolloutAction::Start, QStringLiteral("test"), params).ok();
    }

    static bool at(Rig &r, int stepIndex, RolloutState state, PauseReason reason = PauseReason::None)
    {
        const std::optional<RolloutRecord> l = r.session->latest();
        return l && l->stepIndex == stepIndex && l->state == state && l->pauseReason == reason;
    }

    static int actionCount(Rig &r, const QString &action)
    {
        Result<QSqlQuery> q = r.session->stateStore()->database().exec(
            QStringLiteral("SELECT COUNT(*) FROM rollout_actions WHERE action = ?"), {action});
        return q && q->next() ? q->value(0).toInt() : -1;
    }

    static QString actionEvent(Rig &r, const QString &prefix)
    {
        const Result<QList<EventRecord>> events = r.session->events(r.session->latest()->id);
        for (const EventRecord &e : events.valueOr({})) {
            if (e.kind == u"action" && e.detail.startsWith(prefix))
                return e.detail;
        }
        return {};
    }

    // Runs `inDialog` on the confirmation dialog once it is open (the dialog is modal: exec() returns after it).
    static void whenDialogOpens(const std::function<void(QDialog *)> &inDialog)
    {
        auto poll = std::make_shared<std::function<void()>>();
        *poll = [inDialog, poll] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog || dialog->objectName() != u"confirmDialog") {
                QTimer::singleShot(10, *poll);
                return;
            }
            inDialog(dialog);
        };
        QTimer::singleShot(0, *poll);
    }

    static const QList<CanaryStep> &gateSteps()
    {
        static const QList<CanaryStep> steps {CanaryStep {25, StepPause {PauseKind::Gate, 0}},
            CanaryStep {50, StepPause {PauseKind::Duration, 600000}}, CanaryStep {100, {}}};
        return steps;
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_STATE_HOME", m_stateHome.path().toUtf8()); // the engine's audit checkpoints
    }

    // Ctrl+Shift+B, then a reason typed with spaces and Enter: the focus starts in the reason field, the first space
    // fires nothing, and the engine records the reason whole.
    void rollbackReasonWithSpacesRecordedWhole_data() { languages(); }
    void rollbackReasonWithSpacesRecordedWhole()
    {
        QFETCH(QString, language);
        const auto english = speak(language);
        DialogPrompter prompter;
        auto r = rig(prompter);
        QVERIFY(r && start(*r, gateSteps()));
        QTRY_VERIFY_WITH_TIMEOUT(at(*r, 0, RolloutState::Paused, PauseReason::Gate), 10000);
        r->window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&r->window));
        const QString reason = QStringLiteral("INC-42 5xx up on v2 after deploy");
        bool focusedOnReason = false;
        bool openAfterFirstSpace = false;
        whenDialogOpens([&](QDialog *dialog) {
            auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit"));
            focusedOnReason = edit && dialog->focusWidget() == edit;
            QWidget *typing = dialog->focusWidget() ? dialog->focusWidget() : edit;
            QTest::keyClicks(typing, QStringLiteral("INC-42 "));
            openAfterFirstSpace = dialog->isVisible();
            QTest::keyClicks(typing, reason.mid(7));
            keep(dialog, QStringLiteral("confirm-rollback") + suffix(language));
            QTest::keyClick(typing, Qt::Key_Return);
        });
        QTest::keySequence(&r->window, QKeySequence(QStringLiteral("Ctrl+Shift+B")));
        QVERIFY(focusedOnReason);
        QVERIFY(openAfterFirstSpace);
        QTRY_VERIFY_WITH_TIMEOUT(r->session->latest()->state == RolloutState::RolledBack, 10000);
        // The engine records its events in its language: "rollback" in English.
        const QString rollback = QCoreApplication::translate("gl::RolloutEngine", "rollback");
        QCOMPARE(actionEvent(*r, rollback), rollback + QStringLiteral(" — ") + reason);
        QCOMPARE(actionCount(*r, QStringLiteral("rollback")), 1);
    }

    // Space right after the dialog opens (in the reason field, or on the confirm button itself) confirms nothing; no
    // button is a default button; Esc then cancels and nothing is queued.
    void spaceDoesNotConfirmAndEscCancels()
    {
        DialogPrompter prompter;
        auto r = rig(prompter);
        QVERIFY(r && start(*r, gateSteps()));
        QTRY_VERIFY_WITH_TIMEOUT(at(*r, 0, RolloutState::Paused, PauseReason::Gate), 10000);
        bool openAfterSpace = false;
        bool noDefault = false;
        bool confirmWithoutFocus = false;
        whenDialogOpens([&](QDialog *dialog) {
            auto *confirm = dialog->findChild<QPushButton *>(QStringLiteral("confirmButton"));
            confirmWithoutFocus = confirm && dialog->focusWidget() != confirm;
            noDefault = true;
            for (QPushButton *button : dialog->findChildren<QPushButton *>())
                noDefault = noDefault && !button->isDefault() && !button->autoDefault();
            QTest::keyClick(dialog->focusWidget(), Qt::Key_Space);
            QTest::keyClick(confirm, Qt::Key_Space);
            openAfterSpace = dialog->isVisible();
            QTest::keyClick(dialog->focusWidget(), Qt::Key_Escape);
        });
        QVERIFY(!r->actions->perform(RolloutAction::Rollback));
        QVERIFY(openAfterSpace);
        QVERIFY(noDefault);
        QVERIFY(confirmWithoutFocus);
        QTest::qWait(100);
        QCOMPARE(actionCount(*r, QStringLiteral("rollback")), 0);
        QVERIFY(at(*r, 0, RolloutState::Paused, PauseReason::Gate));
    }

    // Enter with an empty required reason (promote to 100 %) does not confirm; with a reason it does.
    void enterNeedsTheRequiredReason()
    {
        DialogPrompter prompter;
        auto r = rig(prompter);
        QVERIFY(r && start(*r, gateSteps()));
        QTRY_VERIFY_WITH_TIMEOUT(at(*r, 0, RolloutState::Paused, PauseReason::Gate), 10000);
        bool openAfterEmptyEnter = false;
        whenDialogOpens([&](QDialog *dialog) {
            QWidget *edit = dialog->focusWidget();
            QTest::keyClick(edit, Qt::Key_Return);
            QTest::keyClicks(edit, QStringLiteral("   "));
            QTest::keyClick(edit, Qt::Key_Enter);
            openAfterEmptyEnter = dialog->isVisible();
            QTest::keyClicks(edit, QStringLiteral("CHG-9 all green"));
            QTest::keyClick(edit, Qt::Key_Return);
        });
        QVERIFY(r->actions->perform(RolloutAction::PromoteFull));
        QVERIFY(openAfterEmptyEnter);
        QTRY_COMPARE_WITH_TIMEOUT(r->session->latest()->desiredShare, 100.0, 10000);
        QCOMPARE(actionEvent(*r, QStringLiteral("promote --full")), QStringLiteral("promote --full — CHG-9 all green"));
    }

    // The rollout moves while the Promote confirmation is open: the dialog closes by itself, says where the rollout is
    // now, and sends nothing (the promote the person read about would now mean something else).
    void openPromoteClosesWhenTheRolloutMoves()
    {
        DialogPrompter prompter;
        auto r = rig(prompter);
        QVERIFY(r && start(*r, gateSteps()));
        QTRY_VERIFY_WITH_TIMEOUT(at(*r, 0, RolloutState::Paused, PauseReason::Gate), 10000);
        QSignalSpy failed(r->actions.get(), &RolloutActions::failed);
        QString textWhenOpened;
        whenDialogOpens([&](QDialog *dialog) {
            textWhenOpened = dialog->findChild<QLabel *>(QStringLiteral("confirmText"))->text();
            // Someone else promotes meanwhile (the same engine, as another desk's greenlightctl would).
            QVERIFY(r->session->request(RolloutAction::Promote, QStringLiteral("other desk")).ok());
        });
        QVERIFY(!r->actions->perform(RolloutAction::Promote));
        QVERIFY2(textWhenOpened.contains(u"(step 2 of 3)"), qPrintable(textWhenOpened));
        QCOMPARE(failed.size(), 1);
        const QString message = failed.first().first().toString();
        // Where it went depends on which of the engine's writes the console saw first (25 % running, then 50 %).
        QVERIFY2(message.startsWith(u"Promote: the rollout moved to step ") && message.contains(u"nothing was sent"),
            qPrintable(message));
        QCOMPARE(actionCount(*r, QStringLiteral("promote")), 1); // only the other desk's
        QTest::qWait(100);
        QVERIFY(at(*r, 1, RolloutState::Running));
    }

    // A pause confirmation follows the rollout instead (it only stops traffic): its text says the new share, and
    // confirming pauses the rollout where it is now.
    void openPauseFollowsTheRollout_data() { languages(); }
    void openPauseFollowsTheRollout()
    {
        QFETCH(QString, language);
        const auto english = speak(language);
        DialogPrompter prompter;
        auto r = rig(prompter);
        QVERIFY(r
            && start(*r,
                {CanaryStep {25, StepPause {PauseKind::Duration, 600000}},
                    CanaryStep {50, StepPause {PauseKind::Duration, 600000}}, CanaryStep {100, {}}}));
        QTRY_VERIFY_WITH_TIMEOUT(at(*r, 0, RolloutState::Running) && r->session->latest()->actualShare == 25, 10000);
        QString before;
        QString after;
        whenDialogOpens([&](QDialog *dialog) {
            auto *text = dialog->findChild<QLabel *>(QStringLiteral("confirmText"));
            before = text->text();
            QVERIFY(r->session->request(RolloutAction::Promote, QStringLiteral("other desk")).ok());
            QTRY_VERIFY_WITH_TIMEOUT(text->text().contains(u"50"), 10000);
            after = text->text();
            QTest::keyClicks(dialog->focusWidget(), QStringLiteral("hold on"));
            keep(dialog, QStringLiteral("confirm-pause-live") + suffix(language));
            QTest::keyClick(dialog->focusWidget(), Qt::Key_Return);
        });
        QVERIFY(r->actions->perform(RolloutAction::Pause));
        QVERIFY2(before.contains(u"25 %"), qPrintable(before));
        QVERIFY2(after.contains(u"50 %"), qPrintable(after));
        QTRY_VERIFY_WITH_TIMEOUT(at(*r, 1, RolloutState::Paused, PauseReason::User), 10000);
    }

    // A prompter that ignores the live question (the test prompter) still cannot send a promote whose meaning changed.
    void stalePromoteNotSentThroughAnyPrompter()
    {
        MovingPrompter prompter;
        auto r = rig(prompter);
        QVERIFY(r && start(*r, gateSteps()));
        QTRY_VERIFY_WITH_TIMEOUT(at(*r, 0, RolloutState::Paused, PauseReason::Gate), 10000);
        prompter.meanwhile = [&] {
            QVERIFY(r->session->request(RolloutAction::Promote, QStringLiteral("other desk")).ok());
            QTRY_VERIFY_WITH_TIMEOUT(at(*r, 1, RolloutState::Running), 10000);
        };
        QSignalSpy failed(r->actions.get(), &RolloutActions::failed);
        QVERIFY(!r->actions->perform(RolloutAction::Promote));
        QCOMPARE(prompter.asked.size(), 1);
        QVERIFY(prompter.live.first());
        QCOMPARE(failed.size(), 1);
        QCOMPARE(actionCount(*r, QStringLiteral("promote")), 1);
    }

    // At an approval gate Promote is disabled and its tooltip names the gate and its approvals so far; it counts
    // the approvals as they arrive.
    void promoteDisabledAtApprovalGate()
    {
        const SigningKey carol = SigningKey::generate().value();
        const SigningKey dave = SigningKey::generate().value();
        ApprovalsConfig approvals;
        approvals.approvers << Identity {QStringLiteral("carol"), {QStringLiteral("release")}, carol.publicKey()}
                            << Identity {QStringLiteral("dave"), {QStringLiteral("release")}, dave.publicKey()};
        GateConfig cab;
        cab.name = QStringLiteral("cab");
        cab.stage = GateStage::CanaryStep;
        cab.step = 50;
        cab.groups = {QStringLiteral("release")};
        cab.quorum = 2;
        approvals.gates << cab;
        MovingPrompter prompter;
        auto r = rig(prompter, approvals);
        QVERIFY(r && start(*r, {CanaryStep {25, {}}, CanaryStep {50, {}}, CanaryStep {100, {}}}));
        QTRY_VERIFY_WITH_TIMEOUT(at(*r, 0, RolloutState::Paused, PauseReason::Gate), 10000);
        QAction *promote = r->actions->action(RolloutAction::Promote);
        QTRY_VERIFY(!promote->isEnabled());
        QVERIFY2(promote->toolTip().contains(u"Waiting at gate cab: 0 of 2 approvals"), qPrintable(promote->toolTip()));
        QVERIFY(!r->actions->action(RolloutAction::PromoteFull)->isEnabled());
        QVERIFY(r->actions->action(RolloutAction::Rollback)->isEnabled());

        // carol approves (recorded in the environment's audit log, as `greenlightctl approvals import` does).
        Result<AuditLog> log = AuditLog::open(
            AuditLog::pathForStateDatabase(r->session->environment().stateDatabase), SystemClock::instance());
        QVERIFY(log);
        ApprovalLedger ledger(*log, QStringLiteral("staging"), approvals.approvers);
        Statement s;
        s.environment = QStringLiteral("staging");
        s.rolloutId = QString::number(r->session->latest()->id);
        s.gate = QStringLiteral("cab");
        s.decision = Decision::Approve;
        s.time = QDateTime::currentDateTimeUtc();
        s.signer = QStringLiteral("carol");
        s.nonce = Statement::newNonce();
        const Result<SignedStatement> signedStatement = SignedStatement::sign(s, carol);
        QVERIFY(signedStatement);
        QVERIFY(ledger.record(*signedStatement, QStringLiteral("test")));
        QTRY_VERIFY2_WITH_TIMEOUT(promote->toolTip().contains(u"Waiting at gate cab: 1 of 2 approvals"),
            qPrintable(promote->toolTip()), 10000);
        QVERIFY(!promote->isEnabled());
        QVERIFY(!r->actions->perform(RolloutAction::Promote));
        QVERIFY(prompter.asked.isEmpty());
    }
};

QTEST_MAIN(TestRolloutActions)
#include "tst_rolloutactions.moc"
