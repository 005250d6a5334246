// Unit tests of the canary weight computation (core/engine/weightplan): data-driven over slot counts and
// step shares; HAProxy's effective-weight share and health rules on hand-made `show stat` rows.
#include "engine/weightplan.h"

#include <QTest>

#include <cmath>

using namespace gl;

class TestWeightPlan : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void split_data()
    {
        QTest::addColumn<int>("newSlots");
        QTest::addColumn<int>("stableSlots");
        QTest::addColumn<double>("percent");
        QTest::addColumn<double>("tolerance"); // allowed |actual - percent| in points

        for (const int stable : {1, 2, 4, 20, 100}) {
            for (const int fresh : {1, 2, 5}) {
                for (const double percent : {1.0, 5.0, 10.0, 25.0, 33.0, 50.0, 75.0, 90.0, 99.0}) {
                    // Reachable with weights 1..256 on both sides: integer weights get within 0.01 points.
                    // Out of reach (e.g. 99 % with 1 new against 100 stable): the nearest corner.
                    const double lowest = 100.0 * fresh / (fresh + 256.0 * stable);
                    const double highest = 100.0 * 256 * fresh / (256.0 * fresh + stable);
                    if (percent < lowest || percent > highest)
                        continue;
                    QTest::addRow("%d new, %d stable, %g %%", fresh, stable, percent)
                        << fresh << stable << percent << 0.01;
                }
            }
        }
    }

    // The share the weights give is within half a point of every step for 1..5 new and 1..100 stable slots,
    // both sides keep a weight >= 1 (a step sends something, the stable side keeps serving) within 0..256.
    void split()
    {
        QFETCH(int, newSlots);
        QFETCH(int, stableSlots);
        QFETCH(double, percent);
        QFETCH(double, tolerance);
        const WeightSplit s = WeightPlan::split(newSlots, stableSlots, percent, 100);
        QVERIFY(s.newWeight >= 1 && s.newWeight <= 256);
        QVERIFY(s.stableWeight >= 1 && s.stableWeight <= 256);
        const double actual = 100.0 * newSlots * s.newWeight / (newSlots * s.newWeight + stableSlots * s.stableWeight);
        QCOMPARE(s.actualPercent, actual);
        QVERIFY2(std::abs(actual - percent) <= tolerance,
            qPrintable(QStringLiteral("%1 %% for %2 %%: weights %3/%4")
                           .arg(actual)
                           .arg(percent)
                           .arg(s.newWeight)
                           .arg(s.stableWeight)));
    }

    void exact_data()
    {
        QTest::addColumn<int>("newSlots");
        QTest::addColumn<int>("stableSlots");
        QTest::addColumn<double>("percent");
        QTest::addColumn<int>("newWeight");
        QTest::addColumn<int>("stableWeight");
        // Exact shares with the largest weights (finest interleaving) among the exact ones.
        QTest::newRow("1 vs 4 at 5 %") << 1 << 4 << 5.0 << 52 << 247;
        QTest::newRow("1 vs 4 at 50 %") << 1 << 4 << 50.0 << 256 << 64;
        QTest::newRow("1 vs 1 at 50 %") << 1 << 1 << 50.0 << 256 << 256;
        QTest::newRow("1 vs 2 at 25 %") << 1 << 2 << 25.0 << 170 << 255;
    }

    // Where an exact share exists it is found, and ties go to the largest weights.
    void exact()
    {
        QFETCH(int, newSlots);
        QFETCH(int, stableSlots);
        QFETCH(double, percent);
        QFETCH(int, newWeight);
        QFETCH(int, stableWeight);
        const WeightSplit s = WeightPlan::split(newSlots, stableSlots, percent, 100);
        QCOMPARE(s.actualPercent, percent);
        QCOMPARE(s.newWeight, newWeight);
        QCOMPARE(s.stableWeight, stableWeight);
    }

    void corners_data()
    {
        QTest::addColumn<int>("newSlots");
        QTest::addColumn<int>("stableSlots");
        QTest::addColumn<double>("percent");
        QTest::addColumn<int>("fullWeight");
        QTest::addColumn<int>("newWeight");
        QTest::addColumn<int>("stableWeight");
        QTest::newRow("0 % keeps stable at full") << 1 << 4 << 0.0 << 100 << 0 << 100;
        QTest::newRow("100 % puts new at full, stable 0") << 2 << 4 << 100.0 << 100 << 100 << 0;
        QTest::newRow("no new slot") << 0 << 4 << 50.0 << 100 << 0 << 100;
        QTest::newRow("no stable slot") << 2 << 0 << 50.0 << 100 << 100 << 0;
        QTest::newRow("full weight clamped to 256") << 1 << 1 << 100.0 << 1000 << 256 << 0;
        QTest::newRow("tiny share still sends something") << 1 << 100 << 0.001 << 100 << 1 << 256;
        QTest::newRow("out of reach below: 1 % with 5 new vs 1 stable") << 5 << 1 << 1.0 << 100 << 1 << 256;
        QTest::newRow("out of reach above: 99 % with 1 new vs 100 stable") << 1 << 100 << 99.0 << 100 << 256 << 1;
    }

    // 0 and 100 % are the plain colours; the total weight is never 0; a tiny share still gives weight 1; a share
    // out of reach of weights 1..256 gives the nearest corner.
    void corners()
    {
        QFETCH(int, newSlots);
        QFETCH(int, stableSlots);
        QFETCH(double, percent);
        QFETCH(int, fullWeight);
        QFETCH(int, newWeight);
        QFETCH(int, stableWeight);
        const WeightSplit s = WeightPlan::split(newSlots, stableSlots, percent, fullWeight);
        QCOMPARE(s.newWeight, newWeight);
        QCOMPARE(s.stableWeight, stableWeight);
        QVERIFY(newSlots * s.newWeight + stableSlots * s.stableWeight > 0);
    }

    // The actual share counts only servers that take traffic (UP, or UP going down), by effective weight.
    void actualPercent()
    {
        const auto row = [](const QString &server, const QString &status, int weight) {
            ServerStat s;
            s.proxy = QStringLiteral("be_app");
            s.server = server;
            s.status = status;
            s.weight = weight;
            return s;
        };
        QList<ServerStat> stats {row(QStringLiteral("blue1"), QStringLiteral("UP"), 247),
            row(QStringLiteral("blue2"), QStringLiteral("UP 1/2"), 247),
            row(QStringLiteral("green1"), QStringLiteral("UP"), 26),
            row(QStringLiteral("green2"), QStringLiteral("MAINT"), 100),
            row(QStringLiteral("blue3"), QStringLiteral("DRAIN"), 0)};
        ServerStat backend = row(QStringLiteral("BACKEND"), QStringLiteral("UP"), 520);
        backend.kind = StatRowKind::Backend;
        stats << backend;
        const double share = WeightPlan::actualPercent(
            stats, QStringLiteral("be_app"), {QStringLiteral("green1"), QStringLiteral("green2")});
        QCOMPARE(share, 100.0 * 26 / (247 + 247 + 26));
        QCOMPARE(WeightPlan::actualPercent({}, QStringLiteral("be_app"), {}), -1.0);
    }

    void healthy_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("check");
        QTest::addColumn<bool>("healthy");
        QTest::newRow("up, checked") << "UP"
                                     << "L7OK" << true;
        QTest::newRow("weight 0, checked") << "NOLB"
                                           << "L7OK" << true;
        QTest::newRow("just left maintenance, not checked yet") << "UP 1/2"
                                                                << "INI" << false;
        QTest::newRow("up but check status INI") << "UP"
                                                 << "INI" << false;
        QTest::newRow("down") << "DOWN"
                              << "L4CON" << false;
        QTest::newRow("maintenance") << "MAINT"
                                     << "" << false;
    }

    // A new slot counts as healthy only after HAProxy's check passed (not the 'UP 1/2, INI' it shows at once).
    void healthy()
    {
        QFETCH(QString, status);
        QFETCH(QString, check);
        QFETCH(bool, healthy);
        ServerStat s;
        s.status = status;
        s.checkStatus = check;
        QCOMPARE(WeightPlan::isHealthy(s), healthy);
    }
};

QTEST_GUILESS_MAIN(TestWeightPlan)
#include "tst_weightplan.moc"
