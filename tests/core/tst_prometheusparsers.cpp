// Tests of the Prometheus HTTP API parsers (core/metrics/prometheusparsers): real answers captured from the
// sandbox's Prometheus 2.42 (tests/data/prometheus/README.md) and malformed variants; the range-step choice.
#include "metrics/prometheusparsers.h"
#include "testpaths.h"

#include <QFile>
#include <QTest>

#include <cmath>
#include <limits>

using namespace gl;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(test::dataFile(QStringLiteral("prometheus/") + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

// NaN-aware equality.
bool same(double a, double b)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    if (std::isinf(a) || std::isinf(b))
        return a == b;
    return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b));
}

} // namespace

class TestPrometheusParsers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Successful answers of every result type are read with their labels and values, including the string
    // values NaN, +Inf and -Inf.
    void parsesSuccess_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("seriesCount");
        QTest::addColumn<QString>("label"); // a label of the series checked ("" for none)
        QTest::addColumn<QString>("labelValue");
        QTest::addColumn<int>("samples"); // points in that series
        QTest::addColumn<double>("firstValue");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        using T = PrometheusResultType;
        QTest::newRow("vector error ratio") << "vector-error-ratio.json" << int(T::Vector) << 2 << "version"
                                            << "v2" << 1 << 0.09;
        QTest::newRow("vector p99") << "vector-p99.json" << int(T::Vector) << 2 << "version"
                                    << "v2" << 1 << 0.07475;
        QTest::newRow("vector requests") << "vector-requests.json" << int(T::Vector) << 2 << "version"
                                         << "v1" << 1 << 666.6666666666667;
        QTest::newRow("vector empty") << "vector-empty.json" << int(T::Vector) << 0 << ""
                                      << "" << 0 << 0.0;
        QTest::newRow("vector NaN") << "vector-nan.json" << int(T::Vector) << 1 << ""
                                    << "" << 1 << nan;
        QTest::newRow("vector +Inf") << "vector-inf.json" << int(T::Vector) << 1 << ""
                                     << "" << 1 << inf;
        QTest::newRow("vector -Inf") << "vector-minus-inf.json" << int(T::Vector) << 1 << ""
                                     << "" << 1 << -inf;
        QTest::newRow("scalar") << "scalar.json" << int(T::Scalar) << 1 << ""
                                << "" << 1 << 100.0;
        QTest::newRow("matrix") << "matrix-rate.json" << int(T::Matrix) << 2 << "version"
                                << "v1" << 16 << 67.75;
        QTest::newRow("warnings") << "vector-warnings.json" << int(T::Vector) << 0 << ""
                                  << "" << 0 << 0.0;
    }
    void parsesSuccess()
    {
        QFETCH(QString, file);
        QFETCH(int, type);
        QFETCH(int, seriesCount);
        QFETCH(QString, label);
        QFETCH(QString, labelValue);
        QFETCH(int, samples);
        QFETCH(double, firstValue);
        const Result<PrometheusResult> result = parsePrometheusResponse(fixture(file));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(int(result->type), type);
        QCOMPARE(result->series.size(), seriesCount);
        if (seriesCount == 0)
            return;
        const PrometheusSeries *series = label.isEmpty() ? &result->series.first() : result->find(label, labelValue);
        QVERIFY(series);
        QCOMPARE(series->samples.size(), samples);
        QVERIFY2(same(series->samples.first().value, firstValue),
            qPrintable(QStringLiteral("%1 vs %2").arg(series->samples.first().value).arg(firstValue)));
        QVERIFY(series->samples.first().timestamp > 1.7e9);
    }

    // A "string" result keeps its text and time; warnings are kept.
    void parsesStringAndWarnings()
    {
        const Result<PrometheusResult> text = parsePrometheusResponse(fixture(QStringLiteral("string.json")));
        QVERIFY(text.ok());
        QVERIFY(text->type == PrometheusResultType::String);
        QCOMPARE(text->text, QStringLiteral("hello"));
        QVERIFY(text->textTimestamp > 1.7e9);
        const Result<PrometheusResult> warned
            = parsePrometheusResponse(fixture(QStringLiteral("vector-warnings.json")));
        QVERIFY(warned.ok());
        QCOMPARE(warned->warnings, QStringList {QStringLiteral("some PromQL warning")});
    }

    // Prometheus's error envelope becomes an Error whose code follows errorType and whose message quotes
    // Prometheus; malformed answers are Protocol errors naming the JSON field.
    void rejectsErrors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("inMessage");
        QTest::newRow("bad_data") << "error-bad-data.json" << int(ErrorCode::InvalidArgument)
                                  << "unclosed left parenthesis";
        QTest::newRow("execution") << "error-execution.json" << int(ErrorCode::Refused) << "many-to-many matching";
        QTest::newRow("11,000 points") << "error-too-many-points.json" << int(ErrorCode::InvalidArgument)
                                       << "11,000 points";
        QTest::newRow("error without text")
            << "malformed-error-no-text.json" << int(ErrorCode::Protocol) << "no explanation";
        QTest::newRow("cut JSON") << "malformed-cut.json" << int(ErrorCode::Protocol) << "not valid JSON";
        QTest::newRow("empty body") << "malformed-empty.json" << int(ErrorCode::Protocol) << "empty";
        QTest::newRow("plain text") << "malformed-text.json" << int(ErrorCode::Protocol) << "not valid JSON";
        QTest::newRow("array document") << "malformed-array.json" << int(ErrorCode::Protocol)
                                        << "(body): expected an object";
        QTest::newRow("no data") << "malformed-no-data.json" << int(ErrorCode::Protocol)
                                 << "data: expected an object, got nothing";
        QTest::newRow("value is a number") << "malformed-value-number.json" << int(ErrorCode::Protocol)
                                           << "data.result[0].value[1]: expected a string, got a number";
        QTest::newRow("value not numeric") << "malformed-value-text.json" << int(ErrorCode::Protocol)
                                           << "data.result[0].value[1]: \"abc\" is not a number";
        QTest::newRow("value too short") << "malformed-value-short.json" << int(ErrorCode::Protocol)
                                         << "data.result[0].value: expected [time, \"value\"], got 1 elements";
        QTest::newRow("result is an object") << "malformed-result-object.json" << int(ErrorCode::Protocol)
                                             << "data.result: expected an array, got an object";
        QTest::newRow("unknown result type") << "malformed-result-type.json" << int(ErrorCode::Protocol)
                                             << "data.resultType: expected vector, matrix, scalar or string";
        QTest::newRow("matrix timestamp") << "malformed-matrix-timestamp.json" << int(ErrorCode::Protocol)
                                          << "data.result[0].values[1][0]: expected a number, got a string";
        QTest::newRow("label not a string") << "malformed-label-number.json" << int(ErrorCode::Protocol)
                                            << "data.result[0].metric.version: expected a string, got a number";
    }
    void rejectsErrors()
    {
        QFETCH(QString, file);
        QFETCH(int, code);
        QFETCH(QString, inMessage);
        const Result<PrometheusResult> result = parsePrometheusResponse(fixture(file));
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().code), code);
        QVERIFY2(result.error().message.contains(inMessage), qPrintable(result.error().message));
    }

    // Every cut of a real answer is rejected (never read as a shorter valid answer, never a crash).
    void everyTruncationIsRejected()
    {
        const QByteArray full = fixture(QStringLiteral("matrix-rate.json"));
        for (qsizetype n = 0; n < full.size() - 1; ++n) {
            const Result<PrometheusResult> result = parsePrometheusResponse(full.left(n));
            QVERIFY2(!result.ok(), qPrintable(QStringLiteral("accepted a cut at byte %1").arg(n)));
        }
    }

    // Value strings: numbers, NaN, +Inf, -Inf; anything else is refused.
    void parsesValues_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("value");
        QTest::newRow("zero") << "0" << true << 0.0;
        QTest::newRow("decimal") << "0.0049499999999999995" << true << 0.0049499999999999995;
        QTest::newRow("exponent") << "1e-05" << true << 1e-05;
        QTest::newRow("NaN") << "NaN" << true << std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("+Inf") << "+Inf" << true << std::numeric_limits<double>::infinity();
        QTest::newRow("-Inf") << "-Inf" << true << -std::numeric_limits<double>::infinity();
        QTest::newRow("empty") << "" << false << 0.0;
        QTest::newRow("word") << "abc" << false << 0.0;
    }
    void parsesValues()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(double, value);
        const auto parsed = parsePrometheusValue(text);
        QCOMPARE(parsed.has_value(), ok);
        if (ok) {
            QVERIFY(same(*parsed, value));
            // Written back the way Prometheus writes it, and read again to the same value.
            QVERIFY(same(parsePrometheusValue(formatPrometheusValue(*parsed)).value_or(-1), value));
        }
    }

    // The range step keeps every series within the point limit (floor(range / step) + 1 <= maxPoints) and
    // never goes below the minimum step.
    void choosesStep_data()
    {
        QTest::addColumn<qint64>("rangeMs");
        QTest::addColumn<int>("maxPoints");
        QTest::addColumn<qint64>("minStepMs");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("15 s at 1 s") << qint64(15000) << 11000 << qint64(1000) << qint64(1000);
        QTest::newRow("empty range") << qint64(0) << 11000 << qint64(1000) << qint64(1000);
        QTest::newRow("3 h at 1 s") << qint64(3 * 3600 * 1000) << 11000 << qint64(1000) << qint64(1000);
        QTest::newRow("exactly 10,999 s: 11,000 points") << qint64(10999000) << 11000 << qint64(1000) << qint64(1000);
        QTest::newRow("11,000 s: 2 s") << qint64(11000000) << 11000 << qint64(1000) << qint64(2000);
        QTest::newRow("1 day") << qint64(86400000) << 11000 << qint64(1000) << qint64(8000);
        QTest::newRow("30 days") << qint64(30LL * 86400000) << 11000 << qint64(1000) << qint64(236000);
        QTest::newRow("chart 800 px, 1 h") << qint64(3600000) << 800 << qint64(1000) << qint64(5000);
        QTest::newRow("sub-second min step") << qint64(1000) << 11000 << qint64(100) << qint64(100);
        QTest::newRow("sub-second, few points") << qint64(1000) << 3 << qint64(1) << qint64(500);
    }
    void choosesStep()
    {
        QFETCH(qint64, rangeMs);
        QFETCH(int, maxPoints);
        QFETCH(qint64, minStepMs);
        QFETCH(qint64, expected);
        const qint64 step = chooseStep(rangeMs, maxPoints, minStepMs);
        QCOMPARE(step, expected);
        QVERIFY(step >= minStepMs);
        QVERIFY(rangeMs / step + 1 <= maxPoints);
    }

    // The bound holds for any range (a sweep over ranges around the limit and far above it).
    void stepBoundHoldsEverywhere()
    {
        for (qint64 range = 0; range < 400LL * 86400000; range = range * 3 / 2 + 997) {
            const qint64 step = chooseStep(range);
            QVERIFY2(range / step + 1 <= kPrometheusMaxPoints, qPrintable(QString::number(range)));
            QVERIFY(step >= 1000);
        }
    }
};

QTEST_GUILESS_MAIN(TestPrometheusParsers)
#include "tst_prometheusparsers.moc"
