// Tests of the analysis rules (core/analysis): each rule kind on a table of values (NaN, +Inf, stable = 0,
// thin traffic), the exact failure-limit semantics, and how outcomes become a verdict over time.
#include "analysis/analysisrules.h"
#include "analysis/failurecounter.h"
#include "analysis/verdicttracker.h"

#include <QTest>

#include <limits>

using namespace gl;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

AnalysisRule maxRule(double threshold)
{
    AnalysisRule r;
    r.name = QStringLiteral("errors <= x");
    r.sli = QStringLiteral("errors");
    r.kind = RuleKind::Maximum;
    r.threshold = threshold;
    return r;
}

// Outcomes as a string of letters: P pass, F fail, I inconclusive.
QList<Outcome> outcomes(const QString &letters)
{
    QList<Outcome> list;
    for (QChar c : letters)
        list << (c == u'P' ? Outcome::Pass : c == u'F' ? Outcome::Fail : Outcome::Inconclusive);
    return list;
}

} // namespace

Q_DECLARE_METATYPE(gl::Outcome)

class TestAnalysisRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Absolute and relative rules compare the right way; NaN is inconclusive, +Inf fails a maximum; a stable
    // value of NaN or +Inf gives no baseline; stable = 0 leaves only the floor.
    void evaluatesRules_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("threshold"); // max/min threshold or relative factor
        QTest::addColumn<double>("floor");
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("stable");
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<double>("limit"); // the effective threshold reported (NaN: none)
        const int mx = int(RuleKind::Maximum), mn = int(RuleKind::Minimum), rel = int(RuleKind::Relative);
        QTest::newRow("max: below") << mx << 0.01 << 0.0 << 0.005 << kNaN << Outcome::Pass << 0.01;
        QTest::newRow("max: equal passes") << mx << 0.01 << 0.0 << 0.01 << kNaN << Outcome::Pass << 0.01;
        QTest::newRow("max: above") << mx << 0.01 << 0.0 << 0.0921 << kNaN << Outcome::Fail << 0.01;
        QTest::newRow("max: NaN") << mx << 0.01 << 0.0 << kNaN << kNaN << Outcome::Inconclusive << kNaN;
        QTest::newRow("max: +Inf fails") << mx << 0.5 << 0.0 << kInf << kNaN << Outcome::Fail << 0.5;
        QTest::newRow("max: -Inf passes") << mx << 0.5 << 0.0 << -kInf << kNaN << Outcome::Pass << 0.5;
        QTest::newRow("min: above") << mn << 5.0 << 0.0 << 33.0 << kNaN << Outcome::Pass << 5.0;
        QTest::newRow("min: below") << mn << 5.0 << 0.0 << 1.0 << kNaN << Outcome::Fail << 5.0;
        QTest::newRow("min: -Inf fails") << mn << 5.0 << 0.0 << -kInf << kNaN << Outcome::Fail << 5.0;
        QTest::newRow("relative: under 2x") << rel << 2.0 << 0.0 << 0.009 << 0.005 << Outcome::Pass << 0.01;
        QTest::newRow("relative: exactly 2x") << rel << 2.0 << 0.0 << 0.01 << 0.005 << Outcome::Pass << 0.01;
        QTest::newRow("relative: over 2x") << rel << 2.0 << 0.0 << 0.0747 << 0.00495 << Outcome::Fail << 0.0099;
        QTest::newRow("relative: stable 0, new 0") << rel << 2.0 << 0.0 << 0.0 << 0.0 << Outcome::Pass << 0.0;
        QTest::newRow("relative: stable 0, new > 0") << rel << 2.0 << 0.0 << 0.001 << 0.0 << Outcome::Fail << 0.0;
        QTest::newRow("relative: stable 0, floor") << rel << 2.0 << 0.005 << 0.001 << 0.0 << Outcome::Pass << 0.005;
        QTest::newRow("relative: floor below 2x") << rel << 2.0 << 0.001 << 0.03 << 0.02 << Outcome::Pass << 0.04;
        QTest::newRow("relative: stable NaN") << rel << 2.0 << 0.0 << 0.01 << kNaN << Outcome::Inconclusive << kNaN;
        QTest::newRow("relative: stable +Inf") << rel << 2.0 << 0.0 << 0.01 << kInf << Outcome::Inconclusive << kNaN;
        QTest::newRow("relative: new NaN") << rel << 2.0 << 0.0 << kNaN << 0.005 << Outcome::Inconclusive << kNaN;
        QTest::newRow("relative: new +Inf") << rel << 2.0 << 0.0 << kInf << 0.005 << Outcome::Fail << 0.01;
    }
    void evaluatesRules()
    {
        QFETCH(int, kind);
        QFETCH(double, threshold);
        QFETCH(double, floor);
        QFETCH(double, value);
        QFETCH(double, stable);
        QFETCH(Outcome, outcome);
        QFETCH(double, limit);
        AnalysisRule rule = maxRule(threshold);
        rule.kind = RuleKind(kind);
        rule.factor = threshold;
        rule.floor = floor;
        RuleInput input;
        input.value = value;
        input.stableValue = stable;
        const RuleResult r = evaluateRule(rule, input);
        QCOMPARE(toString(r.outcome), toString(outcome));
        QVERIFY(!r.reason.isEmpty());
        if (std::isnan(limit))
            QVERIFY(std::isnan(r.threshold));
        else
            QVERIFY2(std::abs(r.threshold - limit) < 1e-12, qPrintable(QString::number(r.threshold)));
    }

    // Below the minimum request count a rule is inconclusive whatever its value (even a clear failure), for
    // the new version and, for relative rules, the stable one; an unknown count is inconclusive too.
    void minimumRequests_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("requests");
        QTest::addColumn<double>("stableRequests");
        QTest::addColumn<Outcome>("outcome");
        const int mx = int(RuleKind::Maximum), rel = int(RuleKind::Relative);
        QTest::newRow("enough") << mx << 50.0 << kNaN << Outcome::Fail;
        QTest::newRow("one short") << mx << 49.0 << kNaN << Outcome::Inconclusive;
        QTest::newRow("none") << mx << 0.0 << kNaN << Outcome::Inconclusive;
        QTest::newRow("unknown") << mx << kNaN << kNaN << Outcome::Inconclusive;
        QTest::newRow("relative: both enough") << rel << 60.0 << 500.0 << Outcome::Fail;
        QTest::newRow("relative: stable thin") << rel << 60.0 << 10.0 << Outcome::Inconclusive;
        QTest::newRow("relative: stable unknown") << rel << 60.0 << kNaN << Outcome::Inconclusive;
    }
    void minimumRequests()
    {
        QFETCH(int, kind);
        QFETCH(double, requests);
        QFETCH(double, stableRequests);
        QFETCH(Outcome, outcome);
        AnalysisRule rule = maxRule(0.01);
        rule.kind = RuleKind(kind);
        rule.factor = 2;
        RuleInput input;
        input.value = 0.5; // fails either rule
        input.stableValue = 0.01;
        input.requests = requests;
        input.stableRequests = stableRequests;
        input.minRequests = 50;
        const RuleResult r = evaluateRule(rule, input);
        QCOMPARE(toString(r.outcome), toString(outcome));
        if (outcome == Outcome::Inconclusive)
            QVERIFY2(r.reason.contains(u"request"), qPrintable(r.reason));
    }

    // Burn rate: a 0.999 SLO over 1 h burns 20 % of its budget after 7.2 s at a 10 % error ratio (burn rate
    // 100); the fraction accumulates over measurements; NaN burns nothing and is inconclusive.
    void burnRate()
    {
        AnalysisRule rule;
        rule.name = QStringLiteral("budget");
        rule.sli = QStringLiteral("errors");
        rule.kind = RuleKind::BurnRate;
        rule.slo = 0.999;
        rule.sloWindowMs = 3600000;
        rule.budgetFraction = 0.2;
        RuleInput input;
        input.value = 0.1;
        input.elapsedMs = 1000;
        double burnt = 0;
        int failedAt = 0;
        for (int i = 1; i <= 10 && failedAt == 0; ++i) {
            input.burntBefore = burnt;
            const RuleResult r = evaluateRule(rule, input);
            QVERIFY(r.burnt > burnt);
            burnt = r.burnt;
            QCOMPARE(r.value, burnt);
            QCOMPARE(r.threshold, 0.2);
            if (r.outcome == Outcome::Fail)
                failedAt = i;
        }
        QCOMPARE(failedAt, 8); // 7 s burn 0.194, the 8th second 0.222
        input.value = kNaN;
        input.burntBefore = 0.1;
        const RuleResult none = evaluateRule(rule, input);
        QCOMPARE(toString(none.outcome), toString(Outcome::Inconclusive));
        QCOMPARE(none.burnt, 0.1);
        input.value = 0.0;
        const RuleResult healthy = evaluateRule(rule, input);
        QCOMPARE(toString(healthy.outcome), toString(Outcome::Pass));
        QCOMPARE(healthy.burnt, 0.1);
    }

    // Outcomes of several rules: any failure fails, else any inconclusive is inconclusive, nothing measured
    // is inconclusive.
    void combinesOutcomes()
    {
        QCOMPARE(toString(combineOutcomes(outcomes(QStringLiteral("PPP")))), toString(Outcome::Pass));
        QCOMPARE(toString(combineOutcomes(outcomes(QStringLiteral("PIP")))), toString(Outcome::Inconclusive));
        QCOMPARE(toString(combineOutcomes(outcomes(QStringLiteral("IFP")))), toString(Outcome::Fail));
        QCOMPARE(toString(combineOutcomes({})), toString(Outcome::Inconclusive));
    }

    // failure_limit N: the analysis fails exactly at the N-th failed measurement (no off-by-one). Total
    // counting ignores passes in between; consecutive counting restarts after a pass; inconclusive
    // measurements never count and never reset.
    void failureLimit_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("counting");
        QTest::addColumn<QString>("sequence");
        QTest::addColumn<int>("failsAt"); // 1-based index of the measurement that reaches the limit; 0: never
        const int total = int(FailureCounting::Total), consecutive = int(FailureCounting::Consecutive);
        QTest::newRow("limit 1: 1st failure") << 1 << total << "F" << 1;
        QTest::newRow("limit 1: after passes") << 1 << total << "PPPF" << 4;
        QTest::newRow("limit 3: 3rd failure") << 3 << total << "FFFF" << 3;
        QTest::newRow("limit 3: two are not enough") << 3 << total << "FFPPP" << 0;
        QTest::newRow("limit 3 total: passes between don't reset") << 3 << total << "FPFPF" << 5;
        QTest::newRow("limit 3 total: inconclusive between") << 3 << total << "FIFIF" << 5;
        QTest::newRow("limit 3 consecutive: passes reset") << 3 << consecutive << "FFPFFPFF" << 0;
        QTest::newRow("limit 3 consecutive: 3 in a row") << 3 << consecutive << "FFPFFF" << 6;
        QTest::newRow("limit 3 consecutive: inconclusive doesn't reset") << 3 << consecutive << "FIFIF" << 5;
        QTest::newRow("limit 5") << 5 << total << "FFFFFFF" << 5;
    }
    void failureLimit()
    {
        QFETCH(int, limit);
        QFETCH(int, counting);
        QFETCH(QString, sequence);
        QFETCH(int, failsAt);
        FailureCounter counter(limit, FailureCounting(counting));
        int reachedAt = 0;
        const QList<Outcome> list = outcomes(sequence);
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (counter.record(list.at(i))) {
                QCOMPARE(reachedAt, 0); // reported once
                reachedAt = int(i + 1);
            }
        }
        QCOMPARE(reachedAt, failsAt);
        QCOMPARE(counter.limitReached(), failsAt != 0);
        if (failsAt)
            QCOMPARE(counter.failures(), limit);
    }

    // The verdict over time: Failing below the limit and Failed (terminal) at it; Passed after
    // passes_required passes in a row; missing data and an unreachable Prometheus are Pending until their
    // delays pass, then Inconclusive, never Passing; a pass after them starts the run of passes again.
    void verdicts_data()
    {
        QTest::addColumn<QString>("sequence"); // P pass, F fail, I inconclusive, D Prometheus down; 1 s apart
        QTest::addColumn<QString>("verdicts"); // one letter per step: p pending, s passing, S passed,
                                               // f failing, X failed, i inconclusive
        QTest::newRow("passes") << "PPPP"
                                << "ssSS";
        QTest::newRow("fail below and at limit") << "FPF"
                                                 << "fsX";
        QTest::newRow("failed is terminal") << "FFPP"
                                            << "fXXX";
        QTest::newRow("thin traffic then inconclusive") << "IIII"
                                                        << "ppii";
        QTest::newRow("data comes back") << "IIPPP"
                                         << "ppssS";
        QTest::newRow("pass breaks: no stale passed") << "PPPIP"
                                                      << "ssSps";
        QTest::newRow("prometheus down") << "PPPDDDDP"
                                         << "ssSpppis";
    }
    void verdicts()
    {
        QFETCH(QString, sequence);
        QFETCH(QString, verdicts);
        AnalysisConfig config;
        config.failureLimit = 2;
        config.passesRequired = 3;
        config.inconclusiveAfterMs = 2000;
        config.prometheusUnreachableAfterMs = 3000;
        VerdictTracker tracker(config);
        QVERIFY(tracker.verdict() == Verdict::Pending);
        QString seen;
        qint64 now = 0;
        for (QChar c : sequence) {
            const bool down = c == u'D';
            const Outcome o = c == u'P' ? Outcome::Pass : c == u'F' ? Outcome::Fail : Outcome::Inconclusive;
            const Verdict v = tracker.record(o, down, now, QStringLiteral("detail"));
            QVERIFY(v == tracker.verdict());
            QVERIFY(!tracker.reason().isEmpty());
            const QMap<Verdict, QChar> letters {{Verdict::Pending, u'p'}, {Verdict::Passing, u's'},
                {Verdict::Passed, u'S'}, {Verdict::Failing, u'f'}, {Verdict::Failed, u'X'},
                {Verdict::Inconclusive, u'i'}};
            seen += letters.value(v);
            now += 1000;
        }
        QCOMPARE(seen, verdicts);
    }
};

QTEST_GUILESS_MAIN(TestAnalysisRules)
#include "tst_analysisrules.moc"
