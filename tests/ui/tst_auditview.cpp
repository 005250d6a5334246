// The Audit place, offscreen, over a real SQLite audit log: the entry model under QAbstractItemModelTester,
// newest first with new entries read incrementally, the time / person / rollout / action filters, Verify
// reporting an intact log and then the exact seq an SQL edit tampered with, and Export through its seam.
#include "audit/auditlog.h"
#include "models/auditentrymodel.h"
#include "models/auditfilterproxymodel.h"
#include "prompter.h"
#include "util/clock.h"
#include "util/sha256.h"
#include "views/auditview.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace gl;
using namespace gl::ui;

namespace {

const QDateTime kStart(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

class NoPrompter final : public Prompter {
public:
    Answer ask(QWidget *, const Question &) override { return {}; }
    QString openFileName(QWidget *, const QString &, const QString &) override { return {}; }
};

template<typename T> T *child(QWidget *root, const char *name)
{
    T *widget = root->findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qWarning("no widget named %s", name);
    return widget;
}

AuditEntry entry(qint64 seq, const QString &actor, const QString &action, const QString &subject, int minutes)
{
    AuditEntry e;
    e.seq = seq;
    e.time = auditTime(kStart.addSecs(60 * minutes));
    e.actor = actor;
    e.action = action;
    e.subject = subject;
    e.detail = "{\"gate\":\"prod\"}";
    return e;
}

} // namespace

class TestAuditView : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ManualClock m_clock {kStart};
    int m_envCount = 0;

    // An environment whose audit log holds 6 entries, one per minute from 09:00 UTC.
    Environment makeEnvironment()
    {
        Environment env;
        env.name = QStringLiteral("prod");
        env.stateDatabase = m_dir.filePath(QStringLiteral("env%1/state.db").arg(++m_envCount));
        QDir().mkpath(QFileInfo(env.stateDatabase).path());
        m_clock.setNow(kStart);
        AuditLog log = AuditLog::open(AuditLog::pathForStateDatabase(env.stateDatabase), m_clock).value();
        const QList<QStringList> rows {{"alice", "rollout.start", "rollout:1"},
            {"bob", "approval.approve", "rollout:1"}, {"carol", "approval.approve", "rollout:1"},
            {"alice", "rollout.promote", "rollout:1"}, {"bob", "settings.change", "settings:language"},
            {"alice", "rollout.start", "rollout:2"}};
        for (const QStringList &row : rows) {
            if (!log.append({row[0], row[1], row[2], QJsonObject {{QStringLiteral("note"), row[1]}}, {}}))
                qFatal("append failed");
            m_clock.advance(60000);
        }
        if (!log.checkpoint())
            qFatal("checkpoint failed");
        return env;
    }

    // An environment whose audit log holds `count` entries (a valid chain, written in one transaction): actors
    // alice, bob, carol in turn; every 1000th entry an approval.approve, the others rollout.step.
    Environment makeLargeEnvironment(int count)
    {
        Environment env;
        env.name = QStringLiteral("prod");
        env.stateDatabase = m_dir.filePath(QStringLiteral("env%1/state.db").arg(++m_envCount));
        QDir().mkpath(QFileInfo(env.stateDatabase).path());
        const QString path = AuditLog::pathForStateDatabase(env.stateDatabase);
        (void)AuditLog::open(path, m_clock).value(); // the schema
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bulk"));
            db.setDatabaseName(path);
            if (!db.open() || !db.transaction())
                qFatal("cannot write %s", qPrintable(path));
            QSqlQuery insert(db);
            insert.prepare(QStringLiteral("INSERT INTO audit_entries (seq, time, actor, action, subject, detail,"
                                          " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
            const QStringList actors {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")};
            QByteArray prev = kAuditGenesisHash;
            for (int seq = 1; seq <= count; ++seq) {
                AuditEntry e;
                e.seq = seq;
                e.time = auditTime(kStart.addSecs(seq));
                e.actor = actors[seq % 3];
                e.action = seq % 1000 == 0 ? QStringLiteral("approval.approve") : QStringLiteral("rollout.step");
                e.subject = QStringLiteral("rollout:%1").arg(seq / 100);
                e.detail = "{}";
                e.prevHash = prev;
                e.hash = Sha256::hexHash(auditHashInput(e));
                prev = e.hash;
                insert.addBindValue(e.seq);
                insert.addBindValue(e.time);
                insert.addBindValue(e.actor);
                insert.addBindValue(e.action);
                insert.addBindValue(e.subject);
                insert.addBindValue(QString::fromUtf8(e.detail));
                insert.addBindValue(QString::fromLatin1(e.prevHash));
                insert.addBindValue(QString::fromLatin1(e.hash));
                if (!insert.exec())
                    qFatal("insert failed: %s", qPrintable(insert.lastError().text()));
            }
            insert.finish();
            if (!db.commit())
                qFatal("commit failed");
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bulk"));
        return env;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // The checkpoint kept outside the database goes under this run's own state directory.
        qputenv("XDG_STATE_HOME", m_dir.filePath(QStringLiteral("state")).toUtf8());
        if (qEnvironmentVariableIsSet("GL_KEEP_TEST_OUTPUT")) {
            m_dir.setAutoRemove(false);
            qInfo("test output in %s", qPrintable(m_dir.path()));
        }
    }

    // The model stays consistent (QAbstractItemModelTester) through incremental appends, the broken mark and a
    // clear, and lists entries newest first; the proxy sorts on raw values.
    void modelIsConsistent()
    {
        AuditEntryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        AuditFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendEntries(
            {entry(1, "alice", "rollout.start", "rollout:1", 0), entry(2, "bob", "approval.approve", "rollout:1", 1)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0, AuditEntryModel::SeqColumn)).toString(), QStringLiteral("2"));
        QCOMPARE(model.data(model.index(1, AuditEntryModel::ActorColumn)).toString(), QStringLiteral("alice"));
        QCOMPARE(model.data(model.index(0, AuditEntryModel::DetailColumn)).toString(), QStringLiteral("gate: prod"));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.appendEntries({entry(2, "bob", "approval.approve", "rollout:1", 1), entry(3, "carol", "x.y", "a", 2)});
        QCOMPARE(inserted.size(), 1); // seq 2 again is ignored, seq 3 inserted at the top in one step
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 0);
        QCOMPARE(model.lastSeq(), 3);
        QCOMPARE(model.rowOfSeq(1), 2);
        QCOMPARE(model.rowOfSeq(9), -1);
        QCOMPARE(model.actors(), QStringList({"alice", "bob", "carol"}));
        model.setBrokenSeq(2);
        QVERIFY(model.data(model.index(1, 0), AuditEntryModel::BrokenRole).toBool());
        QVERIFY(!model.data(model.index(0, 0), AuditEntryModel::BrokenRole).toBool());
        proxy.sort(AuditEntryModel::SeqColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.data(proxy.index(0, AuditEntryModel::SeqColumn)).toString(), QStringLiteral("1"));
        proxy.setAction(QStringLiteral("approval.*"));
        QCOMPARE(proxy.rowCount(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(proxy.rowCount(), 0);
    }

    // Each filter narrows the table to what it names; they combine; clearing them shows everything again.
    void filters_data()
    {
        QTest::addColumn<QString>("person");
        QTest::addColumn<QString>("rollout");
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("fromMinute"); // -1: no time range
        QTest::addColumn<int>("toMinute");
        QTest::addColumn<QList<qint64>>("seqs"); // newest first
        QTest::newRow("none") << ""
                              << ""
                              << "" << -1 << -1 << QList<qint64> {6, 5, 4, 3, 2, 1};
        QTest::newRow("person") << "alice"
                                << ""
                                << "" << -1 << -1 << QList<qint64> {6, 4, 1};
        QTest::newRow("rollout") << ""
                                 << "2"
                                 << "" << -1 << -1 << QList<qint64> {6};
        QTest::newRow("rollout with #") << ""
                                        << "#1"
                                        << "" << -1 << -1 << QList<qint64> {4, 3, 2, 1};
        QTest::newRow("action exact") << ""
                                      << ""
                                      << "rollout.start" << -1 << -1 << QList<qint64> {6, 1};
        QTest::newRow("action prefix") << ""
                                       << ""
                                       << "approval.*" << -1 << -1 << QList<qint64> {3, 2};
        QTest::newRow("time range") << ""
                                    << ""
                                    << "" << 1 << 3 << QList<qint64> {4, 3, 2};
        QTest::newRow("combined") << "alice"
                                  << "1"
                                  << "rollout.*" << 0 << 10 << QList<qint64> {4, 1};
    }
    void filters()
    {
        QFETCH(QString, person);
        QFETCH(QString, rollout);
        QFETCH(QString, action);
        QFETCH(int, fromMinute);
        QFETCH(int, toMinute);
        QFETCH(QList<qint64>, seqs);
        const Environment env = makeEnvironment();
        NoPrompter prompter;
        AuditView view(prompter);
        view.setClock(m_clock);
        view.setEnvironment(env);
        view.show();
        QCOMPARE(view.model()->rowCount(), 6);
        child<QComboBox>(&view, "auditPersonFilter")->setEditText(person);
        QTest::keyClicks(child<QLineEdit>(&view, "auditRolloutFilter"), rollout);
        child<QComboBox>(&view, "auditActionFilter")->setEditText(action);
        if (fromMinute >= 0) {
            auto *time = child<QComboBox>(&view, "auditTimeFilter");
            time->setCurrentIndex(time->count() - 1); // Range…
            QVERIFY(child<QDateTimeEdit>(&view, "auditFromEdit")->isVisible());
            child<QDateTimeEdit>(&view, "auditFromEdit")->setDateTime(kStart.addSecs(60 * fromMinute).toLocalTime());
            child<QDateTimeEdit>(&view, "auditToEdit")->setDateTime(kStart.addSecs(60 * toMinute).toLocalTime());
        }
        auto *table = child<QTableView>(&view, "auditTable");
        QList<qint64> shown;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            shown << table->model()->index(row, AuditEntryModel::SeqColumn).data(AuditEntryModel::SeqRole).toLongLong();
        QCOMPARE(shown, seqs);
        if (seqs.size() < 6)
            QVERIFY(child<QLabel>(&view, "auditCountLabel")->text().contains(u"of 6 entries"));
    }

    // Verify says the log is intact; after an SQL edit of entry 3 (triggers dropped) it reports exactly seq 3
    // and why, and marks that row. New entries appear at the top on the next poll.
    void verifyFindsTamperedSeq()
    {
        const Environment env = makeEnvironment();
        NoPrompter prompter;
        AuditView view(prompter);
        view.setClock(m_clock);
        view.setPollIntervalMs(50);
        view.resize(1200, 500);
        view.setEnvironment(env);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy verified(&view, &AuditView::verificationFinished);
        QTest::mouseClick(child<QPushButton>(&view, "verifyAuditButton"), Qt::LeftButton);
        QVERIFY(verified.wait(20000));
        QCOMPARE(verified.first().at(0).toBool(), true);
        auto *bannerText = child<QLabel>(child<QWidget>(&view, "auditBanner"), "bannerText");
        QVERIFY2(bannerText->text().startsWith(u"The audit log is intact: 6 entries"), qPrintable(bannerText->text()));

        {
            AuditLog log = AuditLog::open(AuditLog::pathForStateDatabase(env.stateDatabase), m_clock).value();
            QVERIFY(
                log.append({QStringLiteral("dave"), QStringLiteral("drill.finish"), QStringLiteral("drill:1"), {}, {}})
                    .ok());
        }
        QTRY_COMPARE(view.model()->rowCount(), 7); // polled
        QCOMPARE(view.model()->entryAt(0).actor, QStringLiteral("dave"));

        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(AuditLog::pathForStateDatabase(env.stateDatabase));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_entries_no_update")));
            QVERIFY2(q.exec(QStringLiteral("UPDATE audit_entries SET actor = 'mallory' WHERE seq = 3")),
                qPrintable(q.lastError().text()));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        verified.clear();
        view.verify();
        QVERIFY(verified.wait(20000));
        QCOMPARE(verified.first().at(0).toBool(), false);
        QCOMPARE(verified.first().at(1).toLongLong(), 3);
        QVERIFY2(bannerText->text().startsWith(u"The audit log is BROKEN at seq 3: "), qPrintable(bannerText->text()));
        QCOMPARE(view.model()->brokenSeq(), 3);
        QVERIFY(view.model()
                    ->data(view.model()->index(view.model()->rowOfSeq(3), 0), AuditEntryModel::BrokenRole)
                    .toBool());
        if (qEnvironmentVariableIsSet("GL_KEEP_TEST_OUTPUT")) {
            for (const QSize size : {QSize(1280, 800), QSize(1024, 700)}) {
                view.resize(size);
                QTest::qWait(50);
                view.grab().save(m_dir.filePath(QStringLiteral("audit-%1.png").arg(size.width())));
            }
        }
    }

    // A log of 50,000 entries: only the newest page is read on open; scrolling to the bottom fetches the next
    // older page (fetchMore) with the models consistent throughout (QAbstractItemModelTester); filters are
    // answered by SQLite over the whole log, not the loaded page; export runs on a worker thread (exportLog
    // returns while it is still writing) and writes every entry.
    void largeLogPagesAndExportsOffThread()
    {
        const Environment env = makeLargeEnvironment(50000);
        NoPrompter prompter;
        AuditView view(prompter);
        view.setClock(m_clock);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(view.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1280, 800);
        QElapsedTimer opening; // a figure for the log, not an assertion
        opening.start();
        view.setEnvironment(env);
        qInfo("50,000 entries: first page read and shown in %lld ms", opening.elapsed());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        AuditEntryModel *model = view.model();
        QCOMPARE(model->rowCount(), AuditEntryModel::kDefaultPageSize);
        QCOMPARE(model->entryAt(0).seq, 50000);
        QCOMPARE(model->entryAt(model->rowCount() - 1).seq, 48001);
        QVERIFY(model->canFetchMore({}));
        auto *count = child<QLabel>(&view, "auditCountLabel");
        QVERIFY2(
            count->text().contains(u"50000 entries") && count->text().contains(u"2000"), qPrintable(count->text()));
        if (qEnvironmentVariableIsSet("GL_KEEP_TEST_OUTPUT"))
            view.grab().save(m_dir.filePath(QStringLiteral("audit-large.png")));

        // Scrolled to the bottom, the view asks for the next page.
        auto *table = child<QTableView>(&view, "auditTable");
        table->scrollToBottom();
        table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum());
        QTRY_VERIFY(model->rowCount() >= 2 * AuditEntryModel::kDefaultPageSize);
        QCOMPARE(model->entryAt(2 * AuditEntryModel::kDefaultPageSize - 1).seq, 46001);
        const int loaded = model->rowCount();
        opening.restart();
        model->fetchMore({});
        qInfo("fetchMore: %d more entries in %lld ms", AuditEntryModel::kDefaultPageSize, opening.elapsed());
        QCOMPARE(model->rowCount(), loaded + AuditEntryModel::kDefaultPageSize);
        QCOMPARE(model->entryAt(model->rowCount() - 1).seq, 50000 - model->rowCount() + 1);

        // A filter reads from the whole log: the 50 approvals, oldest seq 1000, all loaded.
        child<QComboBox>(&view, "auditActionFilter")->setEditText(QStringLiteral("approval.*"));
        QCOMPARE(table->model()->rowCount(), 50);
        QCOMPARE(model->entryAt(0).seq, 50000);
        QCOMPARE(model->entryAt(49).seq, 1000);
        QVERIFY(!model->canFetchMore({}));
        QVERIFY2(count->text().contains(u"50 of 50000"), qPrintable(count->text()));
        child<QComboBox>(&view, "auditActionFilter")->setEditText(QString());
        child<QComboBox>(&view, "auditPersonFilter")->setEditText(QStringLiteral("bob"));
        QVERIFY(model->rowCount() >= AuditEntryModel::kDefaultPageSize);
        QVERIFY(model->canFetchMore({}));
        const int bobs = model->rowCount();
        model->fetchMore({});
        QCOMPARE(model->rowCount(), bobs + AuditEntryModel::kDefaultPageSize);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->entryAt(row).actor, QStringLiteral("bob"));
        // A new entry by bob appears at the top on the next poll; one by dave is filtered out.
        {
            AuditLog log = AuditLog::open(AuditLog::pathForStateDatabase(env.stateDatabase), m_clock).value();
            QVERIFY(log.append({QStringLiteral("dave"), QStringLiteral("x.y"), QStringLiteral("x:1"), {}, {}}).ok());
            QVERIFY(log.append({QStringLiteral("bob"), QStringLiteral("x.y"), QStringLiteral("x:1"), {}, {}}).ok());
        }
        view.refresh();
        QCOMPARE(model->entryAt(0).seq, 50002);
        QCOMPARE(model->entryAt(1).seq, 49999);
        QVERIFY(child<QComboBox>(&view, "auditPersonFilter")->findText(QStringLiteral("dave")) >= 0);

        const QString path = m_dir.filePath(QStringLiteral("large.jsonl"));
        view.setSavePathChooser([&](QWidget *, const QString &, const QString &) { return path; });
        QSignalSpy exported(&view, &AuditView::exportFinished);
        QVERIFY(view.exportLog(AuditExportFormat::JsonLines));
        QVERIFY(view.isExporting()); // the GUI thread is back before the file is written
        QVERIFY(!child<QPushButton>(&view, "exportAuditButton")->isEnabled());
        QVERIFY(exported.wait(60000));
        QCOMPARE(exported.first().at(0).toBool(), true);
        QVERIFY(!view.isExporting());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Result<AuditVerifyReport> report = verifyAuditExport(file, AuditExportFormat::JsonLines, {});
        QVERIFY(report.ok());
        QCOMPARE(report->entries, 50002);
    }

    // Export writes the chosen file through the seam; the export verifies on its own (same chain checker).
    void exportThroughSeam_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("jsonl") << int(AuditExportFormat::JsonLines);
        QTest::newRow("csv") << int(AuditExportFormat::Csv);
    }
    void exportThroughSeam()
    {
        QFETCH(int, format);
        const Environment env = makeEnvironment();
        NoPrompter prompter;
        AuditView view(prompter);
        view.setClock(m_clock);
        view.setEnvironment(env);
        const QString path = m_dir.filePath(QStringLiteral("export%1").arg(format));
        QString askedFilter;
        view.setSavePathChooser([&](QWidget *, const QString &, const QString &filter) {
            askedFilter = filter;
            return path;
        });
        QSignalSpy exported(&view, &AuditView::exportFinished);
        QVERIFY(view.exportLog(AuditExportFormat(format)));
        QVERIFY(exported.wait(20000));
        QCOMPARE(exported.first().at(0).toBool(), true);
        QCOMPARE(exported.first().at(1).toString(), path);
        QVERIFY(askedFilter.contains(format == int(AuditExportFormat::Csv) ? u"*.csv" : u"*.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Result<AuditVerifyReport> report = verifyAuditExport(file, AuditExportFormat(format), {});
        QVERIFY(report.ok());
        QVERIFY(report->ok);
        QCOMPARE(report->entries, 6);
        // Cancelled: nothing written, no error.
        view.setSavePathChooser([](QWidget *, const QString &, const QString &) { return QString(); });
        QVERIFY(!view.exportLog(AuditExportFormat(format)));
    }
};

QTEST_MAIN(TestAuditView)
#include "tst_auditview.moc"
