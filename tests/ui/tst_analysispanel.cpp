// The analysis panel, offscreen, on a real state database in a temporary directory: its two models under
// QAbstractItemModelTester (a run that grows inserts rows, another run resets), the failing rule shown with
// its last value against its threshold, the verdict history newest first, and the sentence that says why the
// rollout was rolled back; re-read when setRollout brings a new revision.
#include "analysis/measurementstore.h"
#include "models/analysisrulemodel.h"
#include "models/verdicthistorymodel.h"
#include "storage/statestore.h"
#include "views/analysispanel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace gl;
using namespace gl::ui;

namespace {

const QDateTime kStart(QDate(2026, 11, 22), QTime(3, 0), Qt::UTC);

AnalysisConfig config()
{
    AnalysisConfig c;
    c.configured = true;
    c.slis = {{QStringLiteral("error-ratio"), SliKind::ErrorRatio, AnalysisConfig::defaultQuery(SliKind::ErrorRatio),
                  QStringLiteral("ratio")},
        {QStringLiteral("p99-latency"), SliKind::P99Latency, AnalysisConfig::defaultQuery(SliKind::P99Latency),
            QStringLiteral("s")}};
    AnalysisRule errors;
    errors.name = QStringLiteral("error-ratio <= 0.01");
    errors.sli = QStringLiteral("error-ratio");
    errors.threshold = 0.01;
    AnalysisRule p99;
    p99.name = QStringLiteral("p99-latency <= 2 x stable");
    p99.sli = QStringLiteral("p99-latency");
    p99.kind = RuleKind::Relative;
    p99.factor = 2;
    p99.floor = 0.025;
    c.rules = {errors, p99};
    c.failureLimit = 3;
    c.failureCounting = FailureCounting::Consecutive;
    return c;
}

// One evaluation: the error ratio `errors` (fails above 1 %) and a passing p99 of 12 ms.
Evaluation evaluation(qint64 runId, int sequence, double errors, Verdict verdict, int failures)
{
    Evaluation e;
    e.runId = runId;
    e.sequence = sequence;
    e.at = kStart.addSecs(sequence);
    e.verdict = verdict;
    e.failures = failures;
    Measurement m;
    m.runId = runId;
    m.sequence = sequence;
    m.at = e.at;
    m.version = QStringLiteral("v2");
    m.stableVersion = QStringLiteral("v1");
    m.requests = 400;
    m.verdict = verdict;
    m.failures = failures;
    m.rule = QStringLiteral("error-ratio <= 0.01");
    m.sli = QStringLiteral("error-ratio");
    m.value = errors;
    m.threshold = 0.01;
    m.comparison = QStringLiteral("<=");
    m.outcome = errors > 0.01 ? Outcome::Fail : Outcome::Pass;
    m.reason = errors > 0.01 ? QStringLiteral("%1 > 0.01").arg(errors) : QStringLiteral("%1 <= 0.01").arg(errors);
    e.measurements << m;
    m.rule = QStringLiteral("p99-latency <= 2 x stable");
    m.sli = QStringLiteral("p99-latency");
    m.value = 0.012;
    m.stableValue = 0.010;
    m.threshold = 0.025;
    m.outcome = Outcome::Pass;
    m.reason = QStringLiteral("0.012 <= 0.025");
    e.measurements << m;
    e.outcome = combineOutcomes({e.measurements.at(0).outcome, e.measurements.at(1).outcome});
    e.reason = errors > 0.01 ? QStringLiteral("error-ratio <= 0.01 failed") : QStringLiteral("passing");
    return e;
}

RolloutRecord rollout(qint64 id, RolloutState state, qint64 revision)
{
    RolloutRecord r;
    r.id = id;
    r.versionFrom = QStringLiteral("v1");
    r.versionTo = QStringLiteral("v2");
    r.strategy = QStringLiteral("canary");
    r.state = state;
    r.revision = revision;
    return r;
}

} // namespace

class TestAnalysisPanel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<StateStore> m_state;
    std::optional<MeasurementStore> m_store;

    qint64 beginRun(qint64 rolloutId)
    {
        const Result<qint64> run
            = m_store->beginRun(rolloutId, QStringLiteral("v2"), QStringLiteral("v1"), kStart, config());
        return run.ok() ? *run : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Result<StateStore> state = StateStore::open(m_dir.filePath(QStringLiteral("state.db")));
        QVERIFY2(state.ok(), qPrintable(state.ok() ? QString() : state.error().toString()));
        m_state.emplace(std::move(state).value());
        m_store.emplace(m_state->database());
    }

    // The rule model shows each rule's last measurement in its unit (ratio as %, seconds as ms) and changes
    // cells in place for new measurements of the same rules; other rules reset it. Consistent throughout.
    void ruleModelIsConsistent()
    {
        AnalysisRuleModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Measurement> rows = evaluation(1, 1, 0.002, Verdict::Passing, 0).measurements;
        model.setMeasurements(rows, config());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, AnalysisRuleModel::ValueColumn).data().toString(), QStringLiteral("0.2 %"));
        QCOMPARE(model.index(0, AnalysisRuleModel::ThresholdColumn).data().toString(), QStringLiteral("<= 1 %"));
        QCOMPARE(model.index(1, AnalysisRuleModel::ValueColumn).data().toString(), QStringLiteral("12 ms"));
        QCOMPARE(model.index(0, AnalysisRuleModel::OutcomeColumn).data(AnalysisRuleModel::OutcomeRole).toString(),
            QStringLiteral("pass"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        rows << evaluation(1, 2, 0.123, Verdict::Failing, 1).measurements;
        model.setMeasurements(rows, config());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, AnalysisRuleModel::ValueColumn).data().toString(), QStringLiteral("12.3 %"));
        QCOMPARE(model.index(0, AnalysisRuleModel::OutcomeColumn).data(AnalysisRuleModel::OutcomeRole).toString(),
            QStringLiteral("fail"));
        model.setMeasurements({rows.first()}, config());
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    // The verdict history has one row per evaluation, newest first; a run that grew inserts its new
    // evaluations at the top (no reset); another run resets. The reason names the failing rule.
    void historyModelIsConsistent()
    {
        VerdictHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Measurement> rows = evaluation(1, 1, 0.002, Verdict::Passing, 0).measurements;
        rows << evaluation(1, 2, 0.123, Verdict::Failing, 1).measurements;
        model.setMeasurements(1, rows);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowAt(0).sequence, 2);
        QCOMPARE(toString(model.rowAt(0).verdict), toString(Verdict::Failing));
        QVERIFY2(
            model.rowAt(0).reason.contains(u"error-ratio <= 0.01: 0.123 > 0.01"), qPrintable(model.rowAt(0).reason));
        QCOMPARE(
            model.index(1, VerdictHistoryModel::ReasonColumn).data().toString(), QStringLiteral("every rule passed"));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        rows << evaluation(1, 3, 0.2, Verdict::Failing, 2).measurements
             << evaluation(1, 4, 0.2, Verdict::Failed, 3).measurements;
        model.setMeasurements(1, rows);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, VerdictHistoryModel::VerdictColumn).data(VerdictHistoryModel::VerdictRole).toString(),
            QStringLiteral("failed"));
        model.setMeasurements(1, rows); // the same again: nothing happens
        QCOMPARE(inserted.size(), 1);
        model.setMeasurements(2, evaluation(2, 1, 0, Verdict::Passing, 0).measurements);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 1);
    }

    // A rolled-back rollout: the panel reads its latest run from the state database and shows the failing
    // rule (12.3 % against <= 1 %, fail), the history with Failed on top and the sentence saying why.
    void panelShowsWhyItWasRolledBack()
    {
        const qint64 runId = beginRun(7);
        QVERIFY(runId > 0);
        QVERIFY(m_store->record(evaluation(runId, 1, 0.002, Verdict::Passing, 0)).ok());
        QVERIFY(m_store->record(evaluation(runId, 2, 0.123, Verdict::Failing, 1)).ok());
        QVERIFY(m_store->record(evaluation(runId, 3, 0.123, Verdict::Failing, 2)).ok());
        QVERIFY(m_store->record(evaluation(runId, 4, 0.123, Verdict::Failed, 3)).ok());
        QVERIFY(m_store
                    ->finishRun(
                        runId, Verdict::Failed, QStringLiteral("error-ratio <= 0.01 failed 3 times"), kStart.addSecs(5))
                    .ok());

        AnalysisPanel panel;
        panel.resize(900, 600);
        panel.show();
        QVERIFY(panel.summary().isEmpty()); // no source, no rollout: the empty state
        panel.setSource(&*m_state, Environment());
        panel.setRollout(rollout(7, RolloutState::RolledBack, 12));
        QCOMPARE(panel.summary(), QStringLiteral("Rolled back: error ratio 12.3 % > 1 % 3 times in a row"));
        auto *label = panel.findChild<QLabel *>(QStringLiteral("verdictSummaryLabel"));
        QVERIFY(label && label->isVisible());
        auto *rules = panel.findChild<QTableView *>(QStringLiteral("analysisRulesTable"));
        QVERIFY(rules && rules->isVisible());
        QAbstractItemModel *ruleModel = rules->model();
        QCOMPARE(ruleModel->rowCount(), 2);
        QCOMPARE(ruleModel->index(0, AnalysisRuleModel::RuleColumn).data().toString(),
            QStringLiteral("error-ratio <= 0.01"));
        QCOMPARE(ruleModel->index(0, AnalysisRuleModel::ValueColumn).data().toString(), QStringLiteral("12.3 %"));
        QCOMPARE(ruleModel->index(0, AnalysisRuleModel::ThresholdColumn).data().toString(), QStringLiteral("<= 1 %"));
        QCOMPARE(ruleModel->index(0, AnalysisRuleModel::OutcomeColumn).data().toString(), QStringLiteral("fail"));
        QCOMPARE(ruleModel->index(1, AnalysisRuleModel::OutcomeColumn).data().toString(), QStringLiteral("pass"));
        auto *history = panel.findChild<QTableView *>(QStringLiteral("verdictHistoryTable"));
        QVERIFY(history);
        QCOMPARE(history->model()->rowCount(), 4);
        QCOMPARE(history->model()
                     ->index(0, VerdictHistoryModel::VerdictColumn)
                     .data(VerdictHistoryModel::VerdictRole)
                     .toString(),
            QStringLiteral("failed"));
        if (qEnvironmentVariableIsSet("GL_KEEP_TEST_OUTPUT"))
            panel.grab().save(QDir::temp().filePath(QStringLiteral("analysispanel.png")));

        // Without a rollout: the empty state, no sentence.
        panel.setRollout(std::nullopt);
        QVERIFY(panel.summary().isEmpty());
    }

    // A running analysis: the panel shows the verdict so far, and a new revision of the rollout re-reads the
    // run (the new evaluations appear in the history); the same revision does not.
    void newRevisionRereads()
    {
        const qint64 runId = beginRun(8);
        QVERIFY(runId > 0);
        QVERIFY(m_store->record(evaluation(runId, 1, 0.002, Verdict::Passing, 0)).ok());
        AnalysisPanel panel;
        panel.setSource(&*m_state, Environment());
        panel.setRollout(rollout(8, RolloutState::Running, 3));
        QVERIFY2(panel.summary().startsWith(u"Passing so far"), qPrintable(panel.summary()));
        auto *history = panel.findChild<QTableView *>(QStringLiteral("verdictHistoryTable"));
        QCOMPARE(history->model()->rowCount(), 1);
        QVERIFY(m_store->record(evaluation(runId, 2, 0.05, Verdict::Failing, 1)).ok());
        panel.setRollout(rollout(8, RolloutState::Running, 4));
        QCOMPARE(history->model()->rowCount(), 2);
        QVERIFY2(panel.summary().startsWith(u"Failing"), qPrintable(panel.summary()));
        QVERIFY(m_store->finishRun(runId, Verdict::Failing, QStringLiteral("stopped"), kStart.addSecs(3)).ok());
    }

    // The sentence for each verdict: failed without a rollback says "Analysis failed"; a single failure has
    // no count; spread-out failures say how many; passed counts evaluations.
    void summarizeEachVerdict_data()
    {
        QTest::addColumn<QList<double>>("errors");
        QTest::addColumn<int>("verdict");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("expected");
        QTest::newRow("rolled back, 3 in a row")
            << QList<double> {0.001, 0.123, 0.123, 0.123} << int(Verdict::Failed) << int(RolloutState::RolledBack)
            << QStringLiteral("Rolled back: error ratio 12.3 % > 1 % 3 times in a row");
        QTest::newRow("failed once, still running")
            << QList<double> {0.001, 0.5} << int(Verdict::Failed) << int(RolloutState::Running)
            << QStringLiteral("Analysis failed: error ratio 50 % > 1 %");
        QTest::newRow("failures spread out")
            << QList<double> {0.02, 0.001, 0.03, 0.04} << int(Verdict::Failed) << int(RolloutState::Aborted)
            << QStringLiteral("Aborted: error ratio 4 % > 1 % (failed 3 times)");
        QTest::newRow("passed") << QList<double> {0.001, 0.002, 0.0} << int(Verdict::Passed)
                                << int(RolloutState::Completed)
                                << QStringLiteral("Passed: every rule within its threshold (3 evaluations)");
    }
    void summarizeEachVerdict()
    {
        QFETCH(QList<double>, errors);
        QFETCH(int, verdict);
        QFETCH(int, state);
        QFETCH(QString, expected);
        AnalysisRunRecord run;
        run.id = 1;
        run.config = config();
        run.verdict = Verdict(verdict);
        QList<Measurement> measurements;
        for (int i = 0; i < errors.size(); ++i)
            measurements << evaluation(1, i + 1, errors.at(i), run.verdict, 0).measurements;
        QCOMPARE(AnalysisPanel::summarize(run, measurements, rollout(1, RolloutState(state), 1)), expected);
    }
};

QTEST_MAIN(TestAnalysisPanel)
#include "tst_analysispanel.moc"
