// Tests of the `analysis:` section of the environment file (core/model/sliconfig): defaults, every field,
// {version} templating, and malformed sections rejected with the file, line and field.
#include "model/environmentfile.h"
#include "model/sliconfig.h"

#include <QTest>

using namespace gl;

namespace {

const QByteArray kBase = "name: staging\n"
                         "haproxy:\n"
                         "  runtime_api: /run/greenlight/admin.sock\n"
                         "  backend: be_app\n"
                         "  slots:\n"
                         "    - {name: blue1, colour: blue, address: \"127.0.0.1:8001\", version: v1}\n"
                         "    - {name: green1, colour: green, address: \"127.0.0.1:8003\"}\n"
                         "prometheus:\n"
                         "  url: \"http://127.0.0.1:9090\"\n"
                         "hooks:\n"
                         "  deploy: \"deploy.sh {slot} {version}\"\n"
                         "  undeploy: \"undeploy.sh {slot}\"\n"; // 12 lines; analysis starts on line 13

const QByteArray kAnalysis = "analysis:\n" // 13
                             "  interval: 2s\n" // 14
                             "  window: 15s\n" // 15
                             "  min_requests: 20\n" // 16
                             "  failure_limit: 3\n" // 17
                             "  failure_counting: consecutive\n" // 18
                             "  passes_required: 5\n" // 19
                             "  inconclusive_after: 1m\n" // 20
                             "  prometheus_unreachable_after: 20s\n" // 21
                             "  inconclusive_policy: rollback\n" // 22
                             "  slis:\n" // 23
                             "    - {name: errors, kind: error-ratio}\n" // 24
                             "    - {name: p99, kind: p99-latency}\n" // 25
                             "    - name: queue\n" // 26
                             "      kind: promql\n" // 27
                             "      query: 'max(queue{version=\"{version}\"}[{window}])'\n" // 28
                             "      unit: jobs\n" // 29
                             "  rules:\n" // 30
                             "    - {sli: errors, max: 1%}\n" // 31
                             "    - {sli: p99, relative: 2, floor: 0.05}\n" // 32
                             "    - {sli: errors, burn_rate: {slo: 99.9%, window: 1h, budget_fraction: 20%}}\n" // 33
                             "    - {sli: queue, min: 0, name: queue exists}\n"; // 34

Result<Environment> parse(const QByteArray &analysis)
{
    return parseEnvironment(kBase + analysis, QStringLiteral("env.yaml"));
}

// Replaces line `line` (1-based, counted in the whole file) of the full analysis file.
QByteArray withLine(int line, const QByteArray &replacement)
{
    QList<QByteArray> lines = kAnalysis.split('\n');
    lines[line - 13] = replacement;
    return lines.join('\n');
}

} // namespace

class TestSliConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // No analysis section: not configured, defaults in place (the file stays valid as before).
    void absentSectionKeepsDefaults()
    {
        const Result<Environment> env = parse({});
        QVERIFY(env.ok());
        QVERIFY(!env->analysis.configured);
        QCOMPARE(env->analysis.intervalMs, 1000);
        QCOMPARE(env->analysis.failureLimit, 1);
        QVERIFY(env->analysis.inconclusivePolicy == InconclusivePolicy::Hold);
    }

    // Every field of a full section is read; kinds get their default query and unit; percentages work.
    void readsFullSection()
    {
        const Result<Environment> env = parse(kAnalysis);
        QVERIFY2(env.ok(), qPrintable(env.ok() ? QString() : env.error().message));
        const AnalysisConfig &a = env->analysis;
        QVERIFY(a.configured);
        QCOMPARE(a.intervalMs, 2000);
        QCOMPARE(a.windowMs, 15000);
        QCOMPARE(a.minRequests, 20);
        QCOMPARE(a.failureLimit, 3);
        QVERIFY(a.failureCounting == FailureCounting::Consecutive);
        QCOMPARE(a.passesRequired, 5);
        QCOMPARE(a.inconclusiveAfterMs, 60000);
        QCOMPARE(a.prometheusUnreachableAfterMs, 20000);
        QVERIFY(a.inconclusivePolicy == InconclusivePolicy::Rollback);
        QCOMPARE(a.slis.size(), 3);
        QCOMPARE(a.slis.at(0).query, AnalysisConfig::defaultQuery(SliKind::ErrorRatio));
        QCOMPARE(a.slis.at(1).unit, QStringLiteral("s"));
        QCOMPARE(a.slis.at(2).unit, QStringLiteral("jobs"));
        QCOMPARE(a.rules.size(), 4);
        QVERIFY(a.rules.at(0).kind == RuleKind::Maximum);
        QCOMPARE(a.rules.at(0).threshold, 0.01);
        QCOMPARE(a.rules.at(0).name, QStringLiteral("errors <= 0.01"));
        QVERIFY(a.rules.at(1).kind == RuleKind::Relative);
        QCOMPARE(a.rules.at(1).factor, 2.0);
        QCOMPARE(a.rules.at(1).floor, 0.05);
        QVERIFY(a.rules.at(2).kind == RuleKind::BurnRate);
        QVERIFY(std::abs(a.rules.at(2).slo - 0.999) < 1e-12);
        QCOMPARE(a.rules.at(2).sloWindowMs, 3600000);
        QCOMPARE(a.rules.at(2).budgetFraction, 0.2);
        QVERIFY(a.rules.at(3).kind == RuleKind::Minimum);
        QCOMPARE(a.rules.at(3).name, QStringLiteral("queue exists"));
        // JSON round trip (the engine copies the config into a rollout's record).
        const Result<AnalysisConfig> back = AnalysisConfig::fromJson(a.toJson());
        QVERIFY(back.ok());
        QCOMPARE(*back, a);
    }

    // Templates: {version} is escaped for a PromQL string, {window} is a PromQL duration; label-matcher braces
    // are left alone.
    void rendersTemplates()
    {
        QCOMPARE(
            renderSliQuery(QStringLiteral("rate(x{version=\"{version}\"}[{window}])"), QStringLiteral("v2"), 15000),
            QStringLiteral("rate(x{version=\"v2\"}[15s])"));
        QCOMPARE(renderSliQuery(QStringLiteral("x{version=\"{version}\"}"), QStringLiteral("a\"b\\c"), 1500),
            QStringLiteral("x{version=\"a\\\"b\\\\c\"}"));
        QCOMPARE(renderSliQuery(QStringLiteral("[{window}]"), QString(), 1500), QStringLiteral("[1500ms]"));
        QCOMPARE(unknownSliPlaceholders(QStringLiteral("x{version=\"{version}\"}[{window}] {slot}")),
            QStringList {QStringLiteral("slot")});
        QVERIFY(AnalysisConfig::defaultQuery(SliKind::P99Latency).contains(u"histogram_quantile(0.99"));
        QVERIFY(unknownSliPlaceholders(AnalysisConfig::defaultQuery(SliKind::ErrorRatio)).isEmpty());
    }

    // Malformed sections are rejected with the file, the line and the field.
    void rejectsMalformed_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown key") << withLine(14, "  intervall: 2s")
                                     << "env.yaml:14: analysis.intervall: unknown key";
        QTest::newRow("bad duration") << withLine(14, "  interval: soon")
                                      << "env.yaml:14: analysis.interval: expected a duration";
        QTest::newRow("interval too short")
            << withLine(14, "  interval: 10ms") << "env.yaml:14: analysis.interval: must be at least";
        QTest::newRow("failure limit 0") << withLine(17, "  failure_limit: 0")
                                         << "env.yaml:17: analysis.failure_limit: expected a whole number from 1";
        QTest::newRow("counting") << withLine(18, "  failure_counting: some")
                                  << "env.yaml:18: analysis.failure_counting: expected total or consecutive";
        QTest::newRow("policy promote") << withLine(22, "  inconclusive_policy: promote")
                                        << "env.yaml:22: analysis.inconclusive_policy: expected hold or rollback";
        QTest::newRow("unknown kind") << withLine(24, "    - {name: errors, kind: errors}")
                                      << "env.yaml:24: analysis.slis[0].kind: expected error-ratio";
        QTest::newRow("duplicate sli") << withLine(25, "    - {name: errors, kind: p99-latency}")
                                       << "env.yaml:25: analysis.slis[1].name: duplicate SLI";
        QTest::newRow("no {version}") << withLine(28, "      query: 'max(queue)'")
                                      << "env.yaml:28: analysis.slis[2].query: must contain {version}";
        QTest::newRow("unknown placeholder")
            << withLine(28, "      query: 'max(queue{version=\"{version}\",slot=\"{slot}\"})'")
            << "env.yaml:28: analysis.slis[2].query: unknown placeholder {slot}";
        QTest::newRow("unknown sli in rule") << withLine(31, "    - {sli: error, max: 1%}")
                                             << "env.yaml:31: analysis.rules[0].sli: no SLI named \"error\"";
        QTest::newRow("two kinds") << withLine(31, "    - {sli: errors, max: 1%, min: 0}")
                                   << "env.yaml:31: analysis.rules[0]: a rule has exactly one of";
        QTest::newRow("no kind") << withLine(31, "    - {sli: errors}")
                                 << "env.yaml:31: analysis.rules[0]: a rule has exactly one of";
        QTest::newRow("bad threshold") << withLine(31, "    - {sli: errors, max: low}")
                                       << "env.yaml:31: analysis.rules[0].max: expected a number";
        QTest::newRow("factor 0") << withLine(32, "    - {sli: p99, relative: 0}")
                                  << "env.yaml:32: analysis.rules[1].relative: the factor must be above 0";
        QTest::newRow("floor on max") << withLine(31, "    - {sli: errors, max: 1%, floor: 0.1}")
                                      << "env.yaml:31: analysis.rules[0].floor: only a relative rule";
        QTest::newRow("slo 1") << withLine(33, "    - {sli: errors, burn_rate: {slo: 1, window: 1h}}")
                               << "env.yaml:33: analysis.rules[2].burn_rate.slo: an SLO target is between 0 and 1";
        QTest::newRow("budget 150%") << withLine(
            33, "    - {sli: errors, burn_rate: {slo: 0.99, budget_fraction: 150%}}")
                                     << "env.yaml:33: analysis.rules[2].burn_rate.budget_fraction";
        QTest::newRow("no rules") << QByteArray("analysis:\n  slis: [{name: e, kind: error-ratio}]\n")
                                  << "env.yaml:14: analysis.rules: expected a non-empty list";
        QTest::newRow("not a mapping") << QByteArray("analysis: yes\n") << "env.yaml:13: analysis: expected a mapping";
        QTest::newRow("promql without query")
            << QByteArray("analysis:\n  slis: [{name: q, kind: promql}]\n  rules: [{sli: q, max: 1}]\n")
            << "env.yaml:14: analysis.slis[0].query: a promql SLI needs a query";
    }
    void rejectsMalformed()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        const Result<Environment> env = parse(yaml);
        QVERIFY(!env.ok());
        QVERIFY2(env.error().message.contains(expected), qPrintable(env.error().message));
    }
};

QTEST_GUILESS_MAIN(TestSliConfig)
#include "tst_sliconfig.moc"
