// The Runbooks place, offscreen and driven by objectName and keys: the bundled samples imported with zero
// configuration, two words finding the failover runbook, a drill run step by step from the keyboard (done,
// skip, failed, note, incident, copy a command), the report exported to a PDF whose text holds the step table
// (pdftotext), a step-through reopened at the same step by a new view, and the list model under
// QAbstractItemModelTester.
#include "models/runbooklistmodel.h"
#include "prompter.h"
#include "runbooks/drill.h"
#include "views/runbookstepview.h"
#include "views/runbooksview.h"
#include "widgets/rollbackrunbooklink.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace gl;
using namespace gl::ui;

namespace {

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

// Writes `count` small valid runbooks (ids `prefix`-N) under `folder`.
void writeRunbooks(const QString &folder, const QString &prefix, int count)
{
    QDir().mkpath(folder);
    for (int i = 0; i < count; ++i) {
        QFile file(folder + QStringLiteral("/%1-%2.md").arg(prefix).arg(i));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return;
        file.write(QStringLiteral("---\nid: %1-%2\ntitle: Restart the %1 worker %2\n---\n## Restart it\n\n"
                                  "```sh\nsystemctl restart worker\n```\n\nExpected: 1m\n\nVerify: it runs\n\n"
                                  "Undo: nothing to undo\n")
                       .arg(prefix)
                       .arg(i)
                       .toUtf8());
    }
}

template<typename T> T *child(QWidget *root, const char *name)
{
    T *widget = root->findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qWarning("no widget named %s", name);
    return widget;
}

} // namespace

class TestRunbooksView : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // GL_KEEP_TEST_OUTPUT=1 keeps the screenshots and the exported report for a look.
        if (qEnvironmentVariableIsSet("GL_KEEP_TEST_OUTPUT")) {
            m_dir.setAutoRemove(false);
            qInfo("test output in %s", qPrintable(m_dir.path()));
        }
    }

    // The list model stays consistent through lists and searches (QAbstractItemModelTester).
    void listModelIsConsistent()
    {
        RunbookListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RunbookSummary a {QStringLiteral("a"), QStringLiteral("Alpha"), QStringLiteral("svc"), {}, QStringLiteral("en"),
            {}, 600, 0, 3, 1, {}, {}, {}};
        RunbookSummary b = a;
        b.id = QStringLiteral("b");
        model.setRunbooks({a, b});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0, RunbookListModel::RtoColumn)).toString(), QStringLiteral("10m"));
        QCOMPARE(
            model.data(model.index(0, RunbookListModel::RtoColumn), RunbookListModel::RawValueRole).toLongLong(), 600);
        model.setHits({RunbookSearchHit {
            b, QStringLiteral("\x02") + u"<Al>" + QStringLiteral("\x03pha"), QStringLiteral("x \x02y\x03"), -1.0}});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.idAt(0), QStringLiteral("b"));
        QCOMPARE(model.data(model.index(0, 0), RunbookListModel::TitleHtmlRole).toString(),
            QStringLiteral("<b>&lt;Al&gt;</b>pha"));
        QCOMPARE(
            model.data(model.index(0, 0), RunbookListModel::SnippetHtmlRole).toString(), QStringLiteral("x <b>y</b>"));
        model.setRunbooks({});
        QCOMPARE(model.rowCount(), 0);
    }

    // A facilitator with no configuration finds the failover runbook by typing two words, runs a drill from the
    // keyboard and hands out the PDF report, whose text holds the step table.
    void drillFromTheKeyboardToPdf()
    {
        ScriptedPrompter prompter;
        RunbooksView view(m_dir.filePath(QStringLiteral("drill.db")), prompter);
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.ensureOpen());
        QTRY_VERIFY(!view.isSyncing()); // the first sync runs on a worker thread
        QVERIFY(view.library()->list()->size() >= 8); // the bundled samples

        auto *search = child<QLineEdit>(&view, "runbookSearch");
        QTest::keyClicks(search, QStringLiteral("database failover"));
        // The search has run when the snippet shows highlighted words.
        QTRY_VERIFY(child<QLabel>(&view, "runbookSnippet")->text().contains(u"<b>"));
        QCOMPARE(view.selectedRunbook(), QStringLiteral("db-failover"));
        QVERIFY(child<QTableView>(&view, "runbookList")->model()->rowCount() < 8);
        QVERIFY(child<QTextBrowser>(&view, "runbookText")->toPlainText().contains(u"Fence the old primary"));
        view.grab().save(m_dir.filePath(QStringLiteral("library.png")));

        QTest::mouseClick(child<QPushButton>(&view, "startDrillButton"), Qt::LeftButton);
        QTest::keyClicks(child<QLineEdit>(&view, "drillScenarioEdit"), QStringLiteral("Primary lost in zone A"));
        QTest::keyClicks(child<QLineEdit>(&view, "drillParticipantsEdit"), QStringLiteral("Ana, Min-jun"));
        QCOMPARE(child<QLineEdit>(&view, "drillRtoEdit")->text(), QStringLiteral("15m"));
        QTest::mouseClick(child<QPushButton>(&view, "confirmStartDrillButton"), Qt::LeftButton);

        RunbookStepView *steps = view.stepView();
        QVERIFY2(steps && steps->isVisible() && steps->drill(),
            qPrintable(
                child<QWidget>(&view, "runbooksBanner")->findChild<QLabel *>(QStringLiteral("bannerText"))->text()));
        QVERIFY(child<QLabel>(steps, "drillClockLabel")->text().startsWith(u"T+00:00:0"));
        QVERIFY(child<QLabel>(steps, "stepHeaderLabel")->text().startsWith(u"Step 1 of 8"));
        QVERIFY(child<QLabel>(steps, "stepHintsLabel")->text().contains(u"Ctrl+Enter"));

        auto *list = child<QListWidget>(steps, "stepList");
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Return, Qt::ControlModifier); // done
        QTRY_COMPARE(steps->session()->currentStep(), 1);
        QCOMPARE(steps->session()->progress(0).status, StepStatus::Done);

        QTest::keyClick(list, Qt::Key_N); // note
        auto *note = child<QPlainTextEdit>(steps, "stepNote");
        QTRY_VERIFY(note->hasFocus());
        QTest::keyClicks(note, QStringLiteral("patronictl was slow; F and S typed here are text"));
        QTest::keyClick(note, Qt::Key_Escape);
        QTRY_VERIFY(!note->hasFocus());
        QCOMPARE(steps->session()->currentStep(), 1); // letters in the note did not skip or fail the step
        QTest::mouseClick(child<QPushButton>(steps, "copyCommandButton0"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("patronictl -c /etc/patroni/patroni.yml list"));
        QTest::keyClick(list, Qt::Key_S); // skip
        QTRY_COMPARE(steps->session()->progress(1).status, StepStatus::Skipped);
        QCOMPARE(
            steps->session()->progress(1).note, QStringLiteral("patronictl was slow; F and S typed here are text"));

        prompter.nextAnswer = {true, QStringLiteral("replica lag alert did not fire")};
        QTest::keyClick(list, Qt::Key_I); // incident
        QCOMPARE(prompter.questions.size(), 1);
        QTest::keyClick(list, Qt::Key_F); // failed
        QTRY_COMPARE(steps->session()->progress(2).status, StepStatus::Failed);
        for (int i = 3; i < 8; ++i)
            QTest::mouseClick(child<QPushButton>(steps, "stepDoneButton"), Qt::LeftButton);
        QVERIFY(steps->session()->isFinished());
        QTest::mouseClick(child<QPushButton>(steps, "serviceRestoredButton"), Qt::LeftButton);
        prompter.nextAnswer = {true, {}};
        QTest::mouseClick(child<QPushButton>(steps, "endDrillButton"), Qt::LeftButton);
        QVERIFY(steps->drill()->record().isEnded());
        QVERIFY(child<QTextBrowser>(steps, "stepReport")->toPlainText().contains(u"Recovery objectives"));
        steps->grab().save(m_dir.filePath(QStringLiteral("drill.png")));

        steps->setExportFolder(m_dir.filePath(QStringLiteral("reports")));
        const QString pdf = steps->exportReport();
        QVERIFY(QFileInfo(pdf).size() > 1000);
        QVERIFY(QFileInfo::exists(QString(pdf).replace(QStringLiteral(".pdf"), QStringLiteral(".md"))));
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QVERIFY2(pdftotext.waitForFinished(30000), "pdftotext did not finish");
        QCOMPARE(pdftotext.exitCode(), 0); // the PDF opens
        const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput())
                                 .normalized(QString::NormalizationForm_KC)
                                 .simplified();
        for (const char *expected : {"DR drill report: Fail over the PostgreSQL", "Recovery objectives", "Status",
                 "Expected", "Deviation", "Declare the incident and stop risky jobs", "Fence the old primary",
                 "skipped", "failed", "replica lag alert did not fire", "Timeline", "Primary lost in zone A"})
            QVERIFY2(text.contains(QString::fromUtf8(expected)), expected);
        QCOMPARE(Drill::history(*view.library(), QStringLiteral("db-failover"))->size(), 1);
    }

    // A step-through left half way opens at the same step, with its note, in a new view (a restart).
    void stepThroughReopensWhereItWas()
    {
        const QString db = m_dir.filePath(QStringLiteral("resume.db"));
        ScriptedPrompter prompter;
        {
            RunbooksView view(db, prompter);
            view.show();
            QVERIFY(view.ensureOpen());
            QTRY_VERIFY(!view.isSyncing());
            view.selectRunbook(QStringLiteral("haproxy-rollback"));
            QCOMPARE(view.selectedRunbook(), QStringLiteral("haproxy-rollback"));
            QTest::mouseClick(child<QPushButton>(&view, "startStepThroughButton"), Qt::LeftButton);
            RunbookStepView *steps = view.stepView();
            QVERIFY(steps->isVisible() && !steps->drill());
            QVERIFY(child<QWidget>(steps, "drillBar")->isHidden());
            QTest::mouseClick(child<QPushButton>(steps, "stepDoneButton"), Qt::LeftButton);
            QTest::mouseClick(child<QPushButton>(steps, "stepDoneButton"), Qt::LeftButton);
            auto *note = child<QPlainTextEdit>(steps, "stepNote");
            note->setFocus();
            QTest::keyClicks(note, QStringLiteral("blue2 was DOWN"));
            QTRY_COMPARE(steps->session()->progress(2).note, QStringLiteral("blue2 was DOWN")); // saved as typed
            steps->grab().save(m_dir.filePath(QStringLiteral("stepthrough.png")));
        }
        RunbooksView again(db, prompter);
        again.show();
        QVERIFY(again.ensureOpen());
        RunbookStepView *steps = again.stepView();
        QVERIFY(steps->isVisible());
        QCOMPARE(steps->session()->runbook().id, QStringLiteral("haproxy-rollback"));
        QCOMPARE(steps->session()->currentStep(), 2);
        QVERIFY(child<QLabel>(steps, "stepHeaderLabel")->text().startsWith(u"Step 3 of 8"));
        QCOMPARE(child<QPlainTextEdit>(steps, "stepNote")->toPlainText(), QStringLiteral("blue2 was DOWN"));
        QTest::mouseClick(child<QPushButton>(steps, "closeStepThroughButton"), Qt::LeftButton);
        QVERIFY(!steps->isVisible());
        QCOMPARE(child<QPushButton>(&again, "startStepThroughButton")->text(), QStringLiteral("Resume step-through"));
    }

    // Sources…: folders are added through the folder picker (a seam here) and removed in the dialog; OK
    // remembers them for the profile and syncs, so their runbooks appear and then go.
    void sourcesDialogAddsAndRemovesFolders()
    {
        const QString folder = m_dir.filePath(QStringLiteral("team-runbooks"));
        writeRunbooks(folder, QStringLiteral("team"), 2);
        ScriptedPrompter prompter;
        RunbooksView view(m_dir.filePath(QStringLiteral("sources.db")), prompter);
        view.setBundledSamples(QString());
        int picked = 0;
        view.setFolderPicker([&](QWidget *) {
            ++picked;
            return folder;
        });
        view.show();
        QVERIFY(view.ensureOpen());
        QTRY_VERIFY(!view.isSyncing());
        QCOMPARE(view.library()->list()->size(), 0);

        QTest::mouseClick(child<QPushButton>(&view, "runbookSourcesButton"), Qt::LeftButton);
        auto *dialog = view.findChild<RunbookSourcesDialog *>(QStringLiteral("runbookSourcesDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(child<QListWidget>(dialog, "runbookSourcesList")->count(), 0);
        QTest::mouseClick(child<QPushButton>(dialog, "addRunbookSourceButton"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(dialog, "addRunbookSourceButton"), Qt::LeftButton); // once only
        QCOMPARE(picked, 2);
        QCOMPARE(dialog->folders(), QStringList {folder});
        child<QDialogButtonBox>(dialog, "runbookSourcesButtons")->button(QDialogButtonBox::Ok)->click();
        QTRY_VERIFY(!view.isSyncing());
        QTRY_COMPARE(view.library()->list()->size(), 2);
        QCOMPARE(view.library()->sources().value(), QStringList {QFileInfo(folder).canonicalFilePath()});
        QCOMPARE(child<QTableView>(&view, "runbookList")->model()->rowCount(), 2);

        QTest::mouseClick(child<QPushButton>(&view, "runbookSourcesButton"), Qt::LeftButton);
        QTRY_VERIFY((dialog = view.findChild<RunbookSourcesDialog *>(QStringLiteral("runbookSourcesDialog"))));
        auto *list = child<QListWidget>(dialog, "runbookSourcesList");
        QCOMPARE(list->count(), 1);
        QVERIFY(!child<QPushButton>(dialog, "removeRunbookSourceButton")->isEnabled()); // nothing selected
        list->setCurrentRow(0);
        QTest::mouseClick(child<QPushButton>(dialog, "removeRunbookSourceButton"), Qt::LeftButton);
        QCOMPARE(list->count(), 0);
        child<QDialogButtonBox>(dialog, "runbookSourcesButtons")->button(QDialogButtonBox::Ok)->click();
        QTRY_VERIFY(!view.isSyncing());
        QTRY_COMPARE(view.library()->list()->size(), 0);
        QVERIFY(view.library()->sources()->isEmpty());
    }

    // A big sync runs off the GUI thread: while it runs (held here behind a write lock on the profile) the
    // progress bar shows, the search box still answers from the local copy, and the report appears at the end.
    void syncRunsOffTheGuiThread()
    {
        const QString db = m_dir.filePath(QStringLiteral("bigsync.db"));
        const QString folder = m_dir.filePath(QStringLiteral("big-runbooks"));
        writeRunbooks(folder, QStringLiteral("big"), 1500);
        ScriptedPrompter prompter;
        RunbooksView view(db, prompter);
        view.show();
        QVERIFY(view.ensureOpen());
        QTRY_VERIFY(!view.isSyncing()); // the bundled samples
        QVERIFY(view.library()->addSource(folder).ok());

        // Another connection holds the write lock, so the worker's sync waits (within the busy timeout).
        QSqlDatabase blocker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("blocker"));
        blocker.setDatabaseName(db);
        QVERIFY(blocker.open());
        {
            QSqlQuery lock(blocker);
            QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        }
        QTest::mouseClick(child<QPushButton>(&view, "syncRunbooksButton"), Qt::LeftButton);
        QVERIFY(view.isSyncing());
        QVERIFY(child<QProgressBar>(&view, "runbookSyncProgress")->isVisible());
        QVERIFY(!child<QPushButton>(&view, "syncRunbooksButton")->isEnabled());

        // The GUI thread is free: typing searches the library at once.
        QTest::keyClicks(child<QLineEdit>(&view, "runbookSearch"), QStringLiteral("database failover"));
        QTRY_COMPARE(view.selectedRunbook(), QStringLiteral("db-failover"));
        QVERIFY(view.isSyncing());

        {
            QSqlQuery unlock(blocker);
            QVERIFY(unlock.exec(QStringLiteral("ROLLBACK")));
        }
        blocker.close();
        blocker = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("blocker"));

        QTRY_VERIFY_WITH_TIMEOUT(!view.isSyncing(), 120000);
        QVERIFY(!child<QProgressBar>(&view, "runbookSyncProgress")->isVisible());
        QVERIFY(child<QPushButton>(&view, "syncRunbooksButton")->isEnabled());
        QVERIFY2(child<QWidget>(&view, "runbooksBanner")
                     ->findChild<QLabel *>(QStringLiteral("bannerText"))
                     ->text()
                     .contains(QStringLiteral("1500 added")),
            qPrintable(
                child<QWidget>(&view, "runbooksBanner")->findChild<QLabel *>(QStringLiteral("bannerText"))->text()));
        QCOMPARE(view.library()->list()->size(), 1500 + 8);
    }

    // openRunbook() shows a runbook by id (what the rollout view's rollback link asks for), clearing a search
    // that hides it; an unknown id is refused. The link's title lookup reads this library.
    void openRunbookById()
    {
        ScriptedPrompter prompter;
        RunbooksView view(m_dir.filePath(QStringLiteral("open.db")), prompter);
        view.show();
        QVERIFY(view.ensureOpen());
        QTRY_VERIFY(!view.isSyncing());
        QTest::keyClicks(child<QLineEdit>(&view, "runbookSearch"), QStringLiteral("patroni"));
        QTRY_VERIFY(child<QTableView>(&view, "runbookList")->model()->rowCount() < 8);
        QVERIFY(view.selectedRunbook() != QStringLiteral("haproxy-rollback"));
        QVERIFY(view.openRunbook(QStringLiteral("haproxy-rollback")));
        QCOMPARE(view.selectedRunbook(), QStringLiteral("haproxy-rollback"));
        QVERIFY(child<QTextBrowser>(&view, "runbookText")->isVisible());
        QVERIFY(!view.openRunbook(QStringLiteral("no-such-runbook")));
        QCOMPARE(view.selectedRunbook(), QStringLiteral("haproxy-rollback"));

        RollbackRunbookLink link;
        Environment env;
        env.rollbackRunbook = QStringLiteral("haproxy-rollback");
        link.setEnvironment(env);
        RolloutRecord rollout;
        rollout.state = RolloutState::RolledBack;
        link.setRollout(rollout);
        QVERIFY2(link.findChild<QLabel *>(QStringLiteral("rollbackRunbookText"))
                     ->text()
                     .contains(u"'Roll back a release on HAProxy"),
            qPrintable(link.findChild<QLabel *>(QStringLiteral("rollbackRunbookText"))->text()));
    }
};

QTEST_MAIN(TestRunbooksView)
#include "tst_runbooksview.moc"
