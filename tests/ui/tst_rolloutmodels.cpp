// The Rollouts place's models: every one passes QAbstractItemModelTester while rows are inserted, changed and
// removed (one run with 500 rollouts); sorting uses raw values and filtering matches any column.
#include "rollouteventsmodel.h"
#include "rolloutlistmodel.h"
#include "slotsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>

using namespace gl;
using namespace gl::ui;

namespace {

RolloutRecord rollout(qint64 id, double desired = 5)
{
    RolloutRecord r;
    r.id = id;
    r.versionFrom = QStringLiteral("v%1").arg(id);
    r.versionTo = QStringLiteral("v%1").arg(id + 1);
    r.strategy = id % 2 ? QStringLiteral("canary") : QStringLiteral("blue-green");
    r.state = id % 3 == 0 ? RolloutState::Completed : RolloutState::RolledBack;
    r.stepCount = 4;
    r.stepIndex = 1;
    r.desiredShare = desired;
    r.actualShare = desired;
    r.startedAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(id * 60).toString(Qt::ISODateWithMs);
    r.startedBy = id % 5 == 0 ? QStringLiteral("bo@vm") : QStringLiteral("ana@vm");
    r.revision = 1;
    return r;
}

QList<RolloutRecord> rollouts(int count)
{
    QList<RolloutRecord> list;
    for (int i = count; i >= 1; --i)
        list << rollout(i, i % 100);
    return list;
}

} // namespace

class TestRolloutModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // 500 rollouts through a sorting, filtering proxy: the tester finds no inconsistency while rows are
    // inserted, updated (dataChanged on that row only), and removed.
    void listModelWith500Rows()
    {
        RolloutListModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(RolloutListModel::RawValueRole);
        proxy.setFilterKeyColumn(-1);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        proxy.sort(RolloutListModel::DesiredColumn, Qt::DescendingOrder);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setRollouts(QStringLiteral("prod"), rollouts(500));
        QCOMPARE(model.rowCount(), 500);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        // Sorted on the raw share (99 first), not on text ("99 %" vs "9 %").
        QCOMPARE(proxy.index(0, RolloutListModel::DesiredColumn).data(RolloutListModel::RawValueRole).toDouble(), 99.0);
        QCOMPARE(
            proxy.index(499, RolloutListModel::DesiredColumn).data(RolloutListModel::RawValueRole).toDouble(), 0.0);

        // One rollout moves: dataChanged for its row only.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QList<RolloutRecord> next = rollouts(500);
        next[0].revision = 2;
        next[0].state = RolloutState::Running;
        next[0].desiredShare = 50;
        model.setRollouts(QStringLiteral("prod"), next);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), model.rowOf(QStringLiteral("prod"), 500));
        QCOMPARE(model.index(model.rowOf(QStringLiteral("prod"), 500), RolloutListModel::StateColumn).data().toString(),
            QStringLiteral("Running"));

        // A new rollout is inserted; a second environment lives beside the first; removing one drops its rows.
        next.prepend(rollout(501));
        model.setRollouts(QStringLiteral("prod"), next);
        QCOMPARE(model.rowCount(), 501);
        model.updateRollout(QStringLiteral("staging"), rollout(1));
        QCOMPARE(model.rowCount(), 502);
        QCOMPARE(model.rowOf(QStringLiteral("staging"), 1), 501);
        next.removeLast(); // rollout #1 of prod
        model.setRollouts(QStringLiteral("prod"), next);
        QCOMPARE(model.rowCount(), 501);
        QCOMPARE(model.rowOf(QStringLiteral("prod"), 1), -1);
        QCOMPARE(model.rowOf(QStringLiteral("staging"), 1), 500);
        model.removeEnvironment(QStringLiteral("staging"));
        QCOMPARE(model.rowCount(), 500);
        QCOMPARE(reset.size(), 0);
    }

    // The filter matches any column, case-insensitively (who, version, state).
    void filterMatchesAnyColumn_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("rows");
        QTest::newRow("nothing") << QString() << 30;
        QTest::newRow("who") << QStringLiteral("BO@") << 6;
        QTest::newRow("version") << QStringLiteral("v30") << 2; // #29 to v30, #30 from v30
        QTest::newRow("state") << QStringLiteral("completed") << 10;
        QTest::newRow("no match") << QStringLiteral("zzz") << 0;
    }
    void filterMatchesAnyColumn()
    {
        QFETCH(QString, filter);
        QFETCH(int, rows);
        RolloutListModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterKeyColumn(-1);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRollouts(QStringLiteral("prod"), rollouts(30));
        proxy.setFilterFixedString(filter);
        QCOMPARE(proxy.rowCount(), rows);
    }

    // Analysis verdicts and gate waits show in their columns.
    void analysisAndGateColumns()
    {
        RolloutListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RolloutRecord r = rollout(7);
        r.state = RolloutState::Paused;
        r.pauseReason = PauseReason::Gate;
        model.setRollouts(QStringLiteral("prod"), {r});
        QCOMPARE(
            model.index(0, RolloutListModel::GateColumn).data().toString(), QStringLiteral("Waiting for approval"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setAnalysisVerdicts(QStringLiteral("prod"), {{7, QStringLiteral("failed")}});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0, RolloutListModel::AnalysisColumn).data().toString(), QStringLiteral("Failed"));
        model.setAnalysisVerdicts(QStringLiteral("prod"), {{7, QStringLiteral("failed")}});
        QCOMPARE(changed.size(), 1); // unchanged: no signal
    }

    // Slots: a poll with one changed weight emits dataChanged for that row only; unknown values read "—".
    void slotsModel()
    {
        SlotsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<RolloutSession::SlotState> slotStates;
        for (const char *name : {"blue1", "blue2", "green1"}) {
            RolloutSession::SlotState s;
            s.name = QString::fromLatin1(name);
            s.colour = s.name.startsWith(u"blue") ? QStringLiteral("blue") : QStringLiteral("green");
            s.version = QStringLiteral("v1");
            slotStates << s;
        }
        model.setSlotStates(slotStates);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, SlotsModel::WeightColumn).data().toString(), QStringLiteral("—"));
        for (auto &s : slotStates) {
            s.reported = true;
            s.status = QStringLiteral("UP");
            s.weight = 100;
            s.check = QStringLiteral("L7OK");
        }
        model.setSlotStates(slotStates);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        slotStates[2].weight = 5;
        model.setSlotStates(slotStates);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 2);
        QCOMPARE(model.index(2, SlotsModel::WeightColumn).data(SlotsModel::RawValueRole).toInt(), 5);
        QVERIFY(model.index(2, SlotsModel::HealthColumn).data().toString().contains(u"L7OK"));
        slotStates.removeLast();
        model.setSlotStates(slotStates);
        QCOMPARE(model.rowCount(), 2);
    }

    // Events: more events of the same rollout are appended (rowsInserted); another rollout resets.
    void eventsModel()
    {
        RolloutEventsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<EventRecord> events;
        for (int i = 1; i <= 3; ++i)
            events << EventRecord {i, 7, QStringLiteral("2026-01-01T10:00:0%1.000Z").arg(i), QStringLiteral("ana@vm"),
                QStringLiteral("action"), QStringLiteral("rollback — 5xx up")};
        model.setEvents(7, events.mid(0, 2));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setEvents(7, events);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(
            model.index(2, RolloutEventsModel::DetailColumn).data().toString(), QStringLiteral("rollback — 5xx up"));
        model.setEvents(8, events.mid(0, 1));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_MAIN(TestRolloutModels)
#include "tst_rolloutmodels.moc"
