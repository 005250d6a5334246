// The ui/charts seam, offscreen: min/max decimation as a pure function (data-driven: bounds, spikes kept,
// order, NaN dropped), and SliChart handing points to Qt Charts in one replace() per update (never appended
// point by point), decimated to about two points per pixel of the plot, with the threshold line and the
// breach markers shown and hidden as set.
#include "decimation.h"
#include "slichart.h"

#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace gl::ui;

namespace {

QList<QPointF> ramp(int count, double x0 = 0, double dx = 1000)
{
    QList<QPointF> points;
    for (int i = 0; i < count; ++i)
        points.append(QPointF(x0 + i * dx, std::sin(i / 50.0) + 2));
    return points;
}

template<typename T> T *seriesNamed(SliChart &chart, const char *name)
{
    auto *view = chart.findChild<QChartView *>(QStringLiteral("chartView"));
    if (!view)
        return nullptr;
    const QList<QAbstractSeries *> all = view->chart()->series();
    for (QAbstractSeries *s : all) {
        if (s->objectName() == QLatin1String(name))
            return qobject_cast<T *>(s);
    }
    return nullptr;
}

} // namespace

class TestSliChart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Decimation bounds: never more than 2 points per bucket; small inputs pass unchanged.
    void decimationBounds_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("buckets");
        QTest::addColumn<int>("expectedMax");
        QTest::newRow("empty") << 0 << 100 << 0;
        QTest::newRow("one point") << 1 << 100 << 1;
        QTest::newRow("fits: unchanged") << 200 << 100 << 200;
        QTest::newRow("3600 to 600 px") << 3600 << 600 << 1200;
        QTest::newRow("3600 to 1 px") << 3600 << 1 << 2;
        QTest::newRow("zero buckets is one") << 50 << 0 << 2;
        QTest::newRow("21600 to 800 px") << 21600 << 800 << 1600;
    }
    void decimationBounds()
    {
        QFETCH(int, count);
        QFETCH(int, buckets);
        QFETCH(int, expectedMax);
        const QList<QPointF> in = ramp(count);
        const QList<QPointF> out = decimateMinMax(in, buckets);
        QVERIFY2(out.size() <= expectedMax, qPrintable(QString::number(out.size())));
        if (count <= 2 * std::max(buckets, 1))
            QCOMPARE(out, in);
        else
            QVERIFY(out.size() >= std::max(buckets, 1)); // at least one point per bucket that has data
        for (qsizetype i = 1; i < out.size(); ++i)
            QVERIFY(out.at(i - 1).x() < out.at(i).x()); // in x order, no duplicates
    }

    // A one-point spike (up or down) inside a bucket survives decimation, and so do the extremes overall.
    void decimationKeepsSpikes_data()
    {
        QTest::addColumn<int>("at");
        QTest::addColumn<double>("value");
        QTest::newRow("spike up at start") << 0 << 1000.0;
        QTest::newRow("spike up in the middle") << 1777 << 1000.0;
        QTest::newRow("spike down") << 2345 << -1000.0;
        QTest::newRow("spike at the end") << 3599 << 500.0;
    }
    void decimationKeepsSpikes()
    {
        QFETCH(int, at);
        QFETCH(double, value);
        QList<QPointF> in = ramp(3600);
        in[at].setY(value);
        const QList<QPointF> out = decimateMinMax(in, 300);
        QVERIFY(out.contains(in.at(at)));
    }

    // NaN and infinite values are dropped (Prometheus's 0/0), the rest kept.
    void decimationDropsNonFinite()
    {
        QList<QPointF> in = ramp(10);
        in[3].setY(std::nan(""));
        in[7].setY(INFINITY);
        const QList<QPointF> out = decimateMinMax(in, 100);
        QCOMPARE(out.size(), 8);
        for (const QPointF &p : out)
            QVERIFY(std::isfinite(p.y()));
    }

    // setSeries hands the points over in one replace() per update, never point by point; a second update
    // replaces the first (no growth).
    void seriesAreReplacedNotAppended()
    {
        SliChart chart;
        chart.resize(800, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        auto *line = seriesNamed<QLineSeries>(chart, "newSeries");
        QVERIFY(line);
        QSignalSpy replaced(line, &QXYSeries::pointsReplaced);
        QSignalSpy added(line, &QXYSeries::pointAdded);
        chart.setSeries(SliChart::Line::New, ramp(100, 1.7e12));
        QCOMPARE(replaced.size(), 1);
        QCOMPARE(added.size(), 0);
        QCOMPARE(line->count(), 100);
        chart.setSeries(SliChart::Line::New, ramp(50, 1.7e12));
        QCOMPARE(replaced.size(), 2);
        QCOMPARE(added.size(), 0);
        QCOMPARE(line->count(), 50);
        QCOMPARE(line->at(0).x(), 1.7e12);
        QCOMPARE(seriesNamed<QLineSeries>(chart, "stableSeries")->count(), 0);
    }

    // 3,600 points are decimated to about two per pixel of the plot's width before they reach Qt Charts,
    // and re-decimated when the chart gets wider.
    void pointsAreDecimatedToTheWidth()
    {
        SliChart chart;
        chart.resize(500, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QTRY_VERIFY(chart.plotWidth() > 100 && chart.plotWidth() < 500);
        chart.setTimeWindow(1.7e12, 1.7e12 + 3600 * 1000);
        chart.setSeries(SliChart::Line::Stable, ramp(3600, 1.7e12));
        QTest::qWait(50); // the value axis' labels settle the plot's width
        const int width = chart.plotWidth();
        QVERIFY2(chart.drawnPointCount(SliChart::Line::Stable) <= 2 * width,
            qPrintable(
                QStringLiteral("%1 points for %2 px").arg(chart.drawnPointCount(SliChart::Line::Stable)).arg(width)));
        QVERIFY(chart.drawnPointCount(SliChart::Line::Stable) >= width / 2);
        const qsizetype narrow = chart.drawnPointCount(SliChart::Line::Stable);
        chart.resize(1400, 300);
        QTRY_VERIFY(chart.plotWidth() > 2 * width);
        QTRY_VERIFY(chart.drawnPointCount(SliChart::Line::Stable) > narrow);
        QVERIFY(chart.drawnPointCount(SliChart::Line::Stable) <= 2 * chart.plotWidth());
    }

    // The threshold is a line across the whole window in the displayed unit (ratio as %), hidden when unset;
    // breaches are marked points.
    void thresholdAndBreachesAreShown()
    {
        SliChart chart;
        chart.resize(600, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setUnit(QStringLiteral("ratio"));
        chart.setTimeWindow(1000, 61000);
        auto *threshold = seriesNamed<QLineSeries>(chart, "thresholdSeries");
        auto *breaches = seriesNamed<QScatterSeries>(chart, "breachSeries");
        QVERIFY(threshold && breaches);
        QVERIFY(!threshold->isVisible());
        chart.setThreshold(0.01);
        QVERIFY(threshold->isVisible());
        QCOMPARE(threshold->count(), 2);
        QCOMPARE(threshold->at(0), QPointF(1000, 1.0)); // 1 %
        QCOMPARE(threshold->at(1), QPointF(61000, 1.0));
        chart.setTimeWindow(2000, 62000);
        QCOMPARE(threshold->at(1).x(), 62000.0);
        chart.setBreaches({QPointF(5000, 0.12), QPointF(6000, 0.2)});
        QCOMPARE(breaches->count(), 2);
        QCOMPARE(breaches->at(0), QPointF(5000, 12.0));
        chart.setThreshold(std::nullopt);
        QVERIFY(!threshold->isVisible());
        chart.setBreaches({});
        QCOMPARE(breaches->count(), 0);
    }
};

QTEST_MAIN(TestSliChart)
#include "tst_slichart.moc"
