// The Approvals place, offscreen, with real SQLite files and the real keychain (a private gnome-keyring through
// tests/support/with-keyring): a gate approved by a second person with a ticket, n/N shown as approvals come in,
// the starter's self-approval refused inline with core's reason and nothing recorded, a forged token refused
// inline, a valid token from another desk imported, a block recorded, and the rollout detail's gate widget.
#include "approvals/approvalledger.h"
#include "audit/auditlog.h"
#include "credentials/fallbackcredentialstore.h"
#include "credentials/keychaincredentialstore.h"
#include "engine/pendinggates.h"
#include "engine/rolloutstore.h"
#include "identity/identitystore.h"
#include "prompter.h"
#include "storage/statestore.h"
#include "util/clock.h"
#include "views/approvalsview.h"
#include "views/gatestatuswidget.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTreeWidget>
#include <QtTest>

using namespace gl;
using namespace gl::ui;

namespace {

const QDateTime kStart(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);

class ScriptedPrompter final : public Prompter {
public:
    Answer ask(QWidget *, const Question &question) override
    {
        questions << question;
        return nextAnswer;
    }
    QString openFileName(QWidget *, const QString &, const QString &) override { return {}; }

    QList<Question> questions;
    Answer nextAnswer {true, {}};
};

template<typename T> T *child(QWidget *root, const char *name)
{
    T *widget = root->findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qWarning("no widget named %s", name);
    return widget;
}

bool waitForJob(CredentialJob *job)
{
    bool ok = false;
    QSignalSpy spy(job, &CredentialJob::finished);
    QObject::connect(job, &CredentialJob::finished, [&ok](const Result<QByteArray> &r) { ok = r.ok(); });
    job->start();
    return (spy.count() > 0 || spy.wait(10000)) && ok;
}

// Long Korean for the texts of the pending-gates list (headers, where it waits, state), as a translation would
// make them; everything else as is.
class LongKoreanTranslator final : public QTranslator {
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        static const QMap<QString, QString> words {{"Rollout", "롤아웃 번호"}, {"Gate", "승인 게이트 이름"},
            {"Waits", "대기 위치"}, {"Approvals", "승인 현황"}, {"Time left", "남은 시간"}, {"State", "현재 상태"},
            {"Waiting for approval", "승인을 기다리는 중입니다"}, {"before start", "롤아웃을 시작하기 전에"},
            {"Approved", "승인이 완료되었습니다"}};
        const QString ctx = QString::fromLatin1(context);
        if (!ctx.startsWith(u"gl::ui::ApprovalsView") && !ctx.startsWith(u"gl::ui::GateStatusWidget"))
            return {};
        return words.value(QString::fromUtf8(source));
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestApprovalsView : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QMap<QString, SigningKey> m_keys;
    ManualClock m_clock {kStart.addSecs(600)};
    FallbackCredentialStore *m_credentials = nullptr;
    int m_envCount = 0;

    // A fresh environment (its own state and audit databases) with gate prod-approval before start: groups
    // release and sre, quorum 2, a ticket CHG-<digits>, 4 h timeout; and rollout #1 v1 -> v2 started by alice.
    Environment makeEnvironment()
    {
        Environment env;
        env.name = QStringLiteral("prod");
        env.stateDatabase = m_dir.filePath(QStringLiteral("env%1/state.db").arg(++m_envCount));
        QDir().mkpath(QFileInfo(env.stateDatabase).path());
        const QList<QPair<QString, QStringList>> people {{QStringLiteral("alice"), {QStringLiteral("release")}},
            {QStringLiteral("bob"), {QStringLiteral("release")}}, {QStringLiteral("carol"), {QStringLiteral("sre")}},
            {QStringLiteral("dave"), {QStringLiteral("qa")}}};
        for (const auto &[name, groups] : people)
            env.approvals.approvers << Identity {name, groups, m_keys.value(name).publicKey()};
        GateConfig gate;
        gate.name = QStringLiteral("prod-approval");
        gate.stage = GateStage::BeforeStart;
        gate.groups = {QStringLiteral("release"), QStringLiteral("sre")};
        gate.quorum = 2;
        gate.inputs = {RequiredInput {QStringLiteral("ticket"), QStringLiteral("CHG-[0-9]+")}};
        gate.timeoutMs = 4 * 3600 * 1000;
        env.approvals.gates << gate;

        StateStore state = StateStore::open(env.stateDatabase).value();
        RolloutStore rollouts(state, m_clock);
        RolloutRecord record;
        record.versionFrom = QStringLiteral("v1");
        record.versionTo = QStringLiteral("v2");
        record.strategy = QStringLiteral("canary");
        record.state = RolloutState::Pending;
        record.startedAt = kStart.toString(Qt::ISODateWithMs);
        record.startedBy = QStringLiteral("alice");
        record.reason = QStringLiteral("weekly release");
        const Result<qint64> id = rollouts.createRollout(record, {});
        if (!id || *id != 1)
            qFatal("could not create the rollout");
        return env;
    }

    QList<SignedStatement> recorded(const Environment &env)
    {
        AuditLog log = AuditLog::open(AuditLog::pathForStateDatabase(env.stateDatabase), m_clock).value();
        return ApprovalLedger(log, env.name, env.approvals.approvers).statementsFor(QStringLiteral("1")).value();
    }

    // Types the ticket and clicks Approve; returns whether a decision was recorded.
    bool approve(ApprovalsView &view, const QString &ticket)
    {
        QSignalSpy finished(&view, &ApprovalsView::decisionFinished);
        auto *input = child<QLineEdit>(&view, "gateInput_ticket");
        input->clear();
        QTest::keyClicks(input, ticket);
        QTest::mouseClick(child<QPushButton>(&view, "approveButton"), Qt::LeftButton);
        if (finished.isEmpty() && !finished.wait(10000))
            return false;
        qInfo("decision: %s", qPrintable(finished.first().at(1).toString()));
        return finished.first().at(0).toBool();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariableIsSet("GL_KEEP_TEST_OUTPUT")) {
            m_dir.setAutoRemove(false);
            qInfo("test output in %s", qPrintable(m_dir.path()));
        }
        // The people's keys, in the real keychain where the console looks for them.
        m_credentials = new FallbackCredentialStore(new KeychainCredentialStore(QStringLiteral("greenlight")), this);
        for (const char *name : {"alice", "bob", "carol", "dave"}) {
            const SigningKey key = SigningKey::generate().value();
            m_keys.insert(QString::fromLatin1(name), key);
            QVERIFY(waitForJob(m_credentials->write(
                IdentityStore::personKeyName(QString::fromLatin1(name)), key.rawPrivate().toBase64())));
        }
        QVERIFY2(!m_credentials->usingMemoryOnly(), "the keychain of with-keyring did not answer");
    }

    // A second person approves with a valid ticket: recorded in the ledger, counted, and the list and detail show
    // 1/2; a third person's approval completes the quorum (2/2, Approved). A ticket not matching the pattern is
    // refused inline before anything is signed.
    void approveAsSecondPerson()
    {
        const Environment env = makeEnvironment();
        ScriptedPrompter prompter;
        ApprovalsView view(*m_credentials, prompter);
        view.setClock(m_clock);
        view.setPerson(QStringLiteral("bob"));
        view.resize(1200, 640);
        view.setEnvironment(env);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.pendingGates().size(), 1);
        auto *list = child<QTreeWidget>(&view, "pendingGatesList");
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("0/2"));
        QCOMPARE(list->topLevelItem(0)->text(4), QStringLiteral("3 h 50 min")); // 4 h timeout, 10 min in
        QVERIFY(child<QLabel>(&view, "gateChangesLabel")->text().contains(u"v1 → v2"));
        QVERIFY(child<QLabel>(&view, "gateAnalysisLabel")->text().contains(u"no run"));

        QTest::keyClicks(child<QLineEdit>(&view, "approvalCommentEdit"), QStringLiteral("looks good"));
        QVERIFY(!approve(view, QStringLiteral("chg 1")));
        QVERIFY(child<QWidget>(&view, "gateBanner")->isVisible());
        QVERIFY(child<QLabel>(child<QWidget>(&view, "gateBanner"), "bannerText")->text().contains(u"does not match"));
        QVERIFY(prompter.questions.isEmpty());
        QVERIFY(recorded(env).isEmpty());

        QVERIFY(approve(view, QStringLiteral("CHG-1234")));
        QCOMPARE(prompter.questions.size(), 1);
        QCOMPARE(prompter.questions.first().confirmLabel, QStringLiteral("Approve"));
        const QList<SignedStatement> statements = recorded(env);
        QCOMPARE(statements.size(), 1);
        QCOMPARE(statements.first().statement().signer, QStringLiteral("bob"));
        QCOMPARE(statements.first().statement().inputs.value(QStringLiteral("ticket")), QStringLiteral("CHG-1234"));
        QCOMPARE(statements.first().statement().comment, QStringLiteral("looks good"));
        QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("1/2"));
        QVERIFY(child<QLabel>(&view, "gateQuorumLabel")->text().contains(u"1/2"));
        auto *votes = child<QTreeWidget>(&view, "gateVotesList");
        QCOMPARE(votes->topLevelItemCount(), 1);
        QCOMPARE(votes->topLevelItem(0)->text(0), QStringLiteral("bob"));
        QCOMPARE(votes->topLevelItem(0)->text(1), QStringLiteral("release"));
        QCOMPARE(votes->topLevelItem(0)->text(4), QStringLiteral("counted"));
        QVERIFY(child<QPushButton>(&view, "approveButton")->isEnabled());
        if (qEnvironmentVariableIsSet("GL_KEEP_TEST_OUTPUT"))
            view.grab().save(m_dir.filePath(QStringLiteral("approvals.png")));

        view.setPerson(QStringLiteral("carol"));
        QVERIFY(approve(view, QStringLiteral("CHG-1234")));
        QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("2/2"));
        QCOMPARE(list->topLevelItem(0)->text(5), QStringLiteral("Approved"));
        QVERIFY(view.pendingGates().first().status.state == GateState::Approved);
        QVERIFY(!child<QPushButton>(&view, "approveButton")->isEnabled()); // nothing left to decide
    }

    // The rollout's starter cannot approve it: core's separation-of-duties reason is shown inline, nobody is
    // asked, nothing is recorded. Someone outside the gate's groups is refused the same way.
    void selfApprovalRefused_data()
    {
        QTest::addColumn<QString>("person");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("starter") << QStringLiteral("alice")
                                 << QStringLiteral("started this rollout and cannot approve");
        QTest::newRow("other group") << QStringLiteral("dave") << QStringLiteral("is not in the gate's groups");
    }
    void selfApprovalRefused()
    {
        QFETCH(QString, person);
        QFETCH(QString, reasonPart);
        const Environment env = makeEnvironment();
        ScriptedPrompter prompter;
        ApprovalsView view(*m_credentials, prompter);
        view.setClock(m_clock);
        view.setPerson(person);
        view.setEnvironment(env);
        view.show();
        QVERIFY(!approve(view, QStringLiteral("CHG-7")));
        const QString text = child<QLabel>(child<QWidget>(&view, "gateBanner"), "bannerText")->text();
        QVERIFY2(text.contains(reasonPart), qPrintable(text));
        QVERIFY(text.startsWith(u"Not recorded: " + person));
        QVERIFY(prompter.questions.isEmpty());
        QVERIFY(recorded(env).isEmpty());
        QCOMPARE(child<QTreeWidget>(&view, "pendingGatesList")->topLevelItem(0)->text(3), QStringLiteral("0/2"));
    }

    // A pasted token is verified before it is recorded: a forged one (bob's name, another key) is refused inline
    // with the reason; carol's real token from another desk is imported and counts.
    void importToken()
    {
        const Environment env = makeEnvironment();
        ScriptedPrompter prompter;
        ApprovalsView view(*m_credentials, prompter);
        view.setClock(m_clock);
        view.setPerson(QStringLiteral("bob"));
        view.setEnvironment(env);
        view.show();

        Statement s;
        s.environment = env.name;
        s.rolloutId = QStringLiteral("1");
        s.gate = QStringLiteral("prod-approval");
        s.inputs.insert(QStringLiteral("ticket"), QStringLiteral("CHG-9"));
        s.time = kStart.addSecs(300);
        s.signer = QStringLiteral("bob");
        s.nonce = Statement::newNonce();
        const QString forged = SignedStatement::sign(s, SigningKey::generate().value())->toToken();
        prompter.nextAnswer = {true, forged};
        QTest::mouseClick(child<QPushButton>(&view, "importTokenButton"), Qt::LeftButton);
        const QString refused = child<QLabel>(child<QWidget>(&view, "approvalsBanner"), "bannerText")->text();
        QVERIFY2(
            refused.contains(u"Token refused") && refused.contains(u"signature does not match"), qPrintable(refused));
        QVERIFY(recorded(env).isEmpty());

        s.signer = QStringLiteral("carol");
        s.nonce = Statement::newNonce();
        prompter.nextAnswer = {true, SignedStatement::sign(s, m_keys.value(QStringLiteral("carol")))->toToken()};
        QTest::mouseClick(child<QPushButton>(&view, "importTokenButton"), Qt::LeftButton);
        const QString imported = child<QLabel>(child<QWidget>(&view, "approvalsBanner"), "bannerText")->text();
        QVERIFY2(imported.startsWith(u"Imported and verified: carol approve gate prod-approval of rollout #1"),
            qPrintable(imported));
        QCOMPARE(recorded(env).size(), 1);
        QCOMPARE(child<QTreeWidget>(&view, "pendingGatesList")->topLevelItem(0)->text(3), QStringLiteral("1/2"));

        // The same token again is a replay: refused, not counted twice.
        QTest::mouseClick(child<QPushButton>(&view, "importTokenButton"), Qt::LeftButton);
        QVERIFY(child<QLabel>(child<QWidget>(&view, "approvalsBanner"), "bannerText")->text().contains(u"already"));
        QCOMPARE(recorded(env).size(), 1);

        // Block release: a signed block with the reason, recorded for the rollout.
        prompter.nextAnswer = {true, QStringLiteral("CVE in v2")};
        QSignalSpy finished(&view, &ApprovalsView::decisionFinished);
        QTest::mouseClick(child<QPushButton>(&view, "blockReleaseButton"), Qt::LeftButton);
        QVERIFY(finished.size() > 0 || finished.wait(10000));
        QVERIFY(finished.last().at(0).toBool());
        const QList<SignedStatement> all = recorded(env);
        QCOMPARE(all.size(), 2);
        QVERIFY(all.last().statement().decision == Decision::Block);
        QCOMPARE(all.last().statement().inputs.value(QStringLiteral("reason")), QStringLiteral("CVE in v2"));
    }

    // The pending-gates list at the console's common sizes (1280x800, 1024x700), in English and with long Korean
    // texts: every column, the State column included, lies within the list's viewport (no horizontal scrolling);
    // a column too narrow for its text elides it and the full text is in the tooltip.
    void listLayout_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("korean");
        QTest::newRow("1280x800") << QSize(1280, 800) << false;
        QTest::newRow("1024x700") << QSize(1024, 700) << false;
        QTest::newRow("1280x800 ko") << QSize(1280, 800) << true;
        QTest::newRow("1024x700 ko") << QSize(1024, 700) << true;
    }
    void listLayout()
    {
        QFETCH(QSize, size);
        QFETCH(bool, korean);
        const Environment env = makeEnvironment();
        LongKoreanTranslator translator;
        if (korean)
            QCoreApplication::installTranslator(&translator);
        const auto untranslate = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
        ScriptedPrompter prompter;
        ApprovalsView view(*m_credentials, prompter);
        view.setClock(m_clock);
        view.setPerson(QStringLiteral("bob"));
        view.resize(size);
        view.setEnvironment(env);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCoreApplication::processEvents();
        auto *list = child<QTreeWidget>(&view, "pendingGatesList");
        const QTreeWidgetItem *item = list->topLevelItem(0);
        QVERIFY(item);
        if (korean)
            QCOMPARE(item->text(5), QStringLiteral("승인을 기다리는 중입니다"));
        QHeaderView *header = list->header();
        const int viewport = list->viewport()->width();
        for (int column = 0; column < list->columnCount(); ++column) {
            const int left = header->sectionViewportPosition(column);
            const int right = left + header->sectionSize(column);
            QVERIFY2(left >= 0 && right <= viewport,
                qPrintable(QStringLiteral("column %1 spans %2..%3 of a %4 px viewport")
                               .arg(column)
                               .arg(left)
                               .arg(right)
                               .arg(viewport)));
            if (list->fontMetrics().horizontalAdvance(item->text(column)) > header->sectionSize(column))
                QCOMPARE(item->toolTip(column), item->text(column)); // elided: the whole text on hover
        }
        // The State column shows its whole text at these sizes.
        QVERIFY(header->sectionSize(5) >= list->fontMetrics().horizontalAdvance(item->text(5)));
        QVERIFY(!list->horizontalScrollBar()->isVisible());
        if (qEnvironmentVariableIsSet("GL_KEEP_TEST_OUTPUT"))
            view.grab().save(m_dir.filePath(QStringLiteral("approvals-%1x%2%3.png")
                                                .arg(size.width())
                                                .arg(size.height())
                                                .arg(korean ? QStringLiteral("-ko") : QString())));
    }

    // The rollout detail's gate widget shows the gate, its state, n/N and the time left while the rollout waits.
    void gateStatusWidget()
    {
        const Environment env = makeEnvironment();
        {
            AuditLog log = AuditLog::open(AuditLog::pathForStateDatabase(env.stateDatabase), m_clock).value();
            ApprovalLedger ledger(log, env.name, env.approvals.approvers);
            Statement s;
            s.environment = env.name;
            s.rolloutId = QStringLiteral("1");
            s.gate = QStringLiteral("prod-approval");
            s.inputs.insert(QStringLiteral("ticket"), QStringLiteral("CHG-9"));
            s.time = kStart.addSecs(60);
            s.signer = QStringLiteral("bob");
            s.nonce = Statement::newNonce();
            QVERIFY(ledger.record(*SignedStatement::sign(s, m_keys.value(QStringLiteral("bob"))), s.signer).ok());
        }
        StateStore state = StateStore::open(env.stateDatabase).value();
        const RolloutRecord rollout = *RolloutStore(state, m_clock).rollout(1).value();
        GateStatusWidget widget;
        widget.setClock(m_clock);
        widget.setContext(env, &state, rollout);
        auto *tree = child<QTreeWidget>(&widget, "gateStatusTree");
        QCOMPARE(tree->topLevelItemCount(), 1);
        const QTreeWidgetItem *item = tree->topLevelItem(0);
        QCOMPARE(item->text(GateStatusWidget::GateColumn), QStringLiteral("prod-approval"));
        QCOMPARE(item->text(GateStatusWidget::StateColumn), QStringLiteral("Waiting for approval"));
        QCOMPARE(item->text(GateStatusWidget::ApprovalsColumn), QStringLiteral("1/2"));
        QCOMPARE(item->text(GateStatusWidget::TimeLeftColumn), QStringLiteral("3 h 50 min"));
    }
};

QTEST_MAIN(TestApprovalsView)
#include "tst_approvalsview.moc"
