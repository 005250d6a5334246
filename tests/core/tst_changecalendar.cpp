// Change windows and freezes in a named time zone, across DST changes, with fixed instants (no wall clock).
#include "approvals/changecalendar.h"

#include <QTest>

using namespace gl;

class TestChangeCalendar : public QObject {
    Q_OBJECT

private:
    static ChangeCalendarConfig config(const QByteArray &zone)
    {
        ChangeCalendarConfig c;
        c.timeZone = zone;
        c.windows << ChangeWindow {{1, 2, 3, 4, 5}, QTime(9, 0), QTime(17, 0)};
        Freeze weekly;
        weekly.name = QStringLiteral("friday-afternoon");
        weekly.kind = Freeze::Kind::Weekly;
        weekly.fromDay = 5;
        weekly.fromTime = QTime(16, 0);
        weekly.toDay = 1;
        weekly.toTime = QTime(8, 0);
        c.freezes << weekly;
        Freeze yearly;
        yearly.name = QStringLiteral("year-end");
        yearly.kind = Freeze::Kind::Yearly;
        yearly.fromMonth = 12;
        yearly.fromMonthDay = 20;
        yearly.toMonth = 1;
        yearly.toMonthDay = 5;
        c.freezes << yearly;
        Freeze once;
        once.name = QStringLiteral("migration");
        once.kind = Freeze::Kind::OneOff;
        once.from = QDateTime(QDate(2026, 6, 10), QTime(12, 0), QTimeZone(zone));
        once.to = QDateTime(QDate(2026, 6, 10), QTime(14, 0), QTimeZone(zone));
        c.freezes << once;
        return c;
    }

private slots:
    // Each instant (UTC) is allowed or not, and for the right reason, in the calendar's own zone.
    void check_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QDateTime>("utc");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("freeze");
        const auto utc
            = [](int y, int mo, int d, int h, int mi) { return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC); };
        const QByteArray berlin("Europe/Berlin");
        const QByteArray ny("America/New_York");
        QTest::newRow("Berlin Tue 08:30 UTC = 09:30 CET: in window")
            << berlin << utc(2026, 3, 24, 8, 30) << true << QString();
        QTest::newRow("Berlin Tue 07:30 UTC = 08:30 CET: before window")
            << berlin << utc(2026, 3, 24, 7, 30) << false << QString();
        // DST began Sun 2026-03-29: 07:30 UTC is 09:30 CEST (a fixed +1 offset would say 08:30, outside)
        QTest::newRow("Berlin Mon after DST 07:30 UTC = 09:30 CEST: in window")
            << berlin << utc(2026, 3, 30, 7, 30) << true << QString();
        QTest::newRow("Berlin Mon after DST 15:30 UTC = 17:30 CEST: after window")
            << berlin << utc(2026, 3, 30, 15, 30) << false << QString();
        QTest::newRow("Berlin Mon before DST 15:30 UTC = 16:30 CET: in window")
            << berlin << utc(2026, 3, 23, 15, 30) << true << QString();
        QTest::newRow("Berlin Fri 14:30 UTC = 15:30 CET: in window")
            << berlin << utc(2026, 3, 27, 14, 30) << true << QString();
        QTest::newRow("Berlin Fri 15:30 UTC = 16:30 CET: weekly freeze")
            << berlin << utc(2026, 3, 27, 15, 30) << false << QStringLiteral("friday-afternoon");
        QTest::newRow("Berlin Sun: weekly freeze wraps the weekend")
            << berlin << utc(2026, 3, 29, 12, 0) << false << QStringLiteral("friday-afternoon");
        QTest::newRow("Berlin Mon 06:30 UTC = 08:30 CEST: freeze over, window not yet")
            << berlin << utc(2026, 3, 30, 6, 30) << false << QString();
        QTest::newRow("Berlin Dec 22: yearly freeze")
            << berlin << utc(2026, 12, 22, 10, 0) << false << QStringLiteral("year-end");
        QTest::newRow("Berlin Jan 2: yearly freeze wraps the new year")
            << berlin << utc(2027, 1, 4, 10, 0) << false << QStringLiteral("year-end");
        QTest::newRow("Berlin Jan 5: yearly freeze over") << berlin << utc(2027, 1, 5, 10, 0) << true << QString();
        QTest::newRow("Berlin one-off freeze [12:00, 14:00) CEST: 10:00 UTC inside")
            << berlin << utc(2026, 6, 10, 10, 0) << false << QStringLiteral("migration");
        QTest::newRow("Berlin one-off freeze end is exclusive: 12:00 UTC = 14:00 CEST")
            << berlin << utc(2026, 6, 10, 12, 0) << true << QString();
        QTest::newRow("New York Tue 13:30 UTC = 09:30 EDT: in window")
            << ny << utc(2026, 3, 10, 13, 30) << true << QString();
        // US DST began Sun 2026-03-08; on Fri 2026-03-06 13:30 UTC is 08:30 EST
        QTest::newRow("New York Fri before DST 13:30 UTC = 08:30 EST: before window")
            << ny << utc(2026, 3, 6, 13, 30) << false << QString();
        QTest::newRow("New York Fri 20:30 UTC = 16:30 EDT: weekly freeze")
            << ny << utc(2026, 3, 13, 20, 30) << false << QStringLiteral("friday-afternoon");
        QTest::newRow("New York Mon 00:30 UTC is still Sun 20:30 EDT: frozen")
            << ny << utc(2026, 3, 16, 0, 30) << false << QStringLiteral("friday-afternoon");
    }
    void check()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QDateTime, utc);
        QFETCH(bool, allowed);
        QFETCH(QString, freeze);
        const CalendarVerdict verdict = ChangeCalendar(config(zone)).check(utc);
        QVERIFY2(verdict.allowed == allowed, qPrintable(verdict.reason));
        QCOMPARE(verdict.freeze, freeze);
        if (!allowed)
            QVERIFY(!verdict.reason.isEmpty());
    }

    // Without windows any time is allowed; freezes still apply.
    void noWindowsMeansAnyTime()
    {
        ChangeCalendarConfig c;
        c.timeZone = "Asia/Seoul";
        QVERIFY(ChangeCalendar(c).check(QDateTime(QDate(2026, 1, 4), QTime(3, 0), Qt::UTC)).allowed);
    }
};

QTEST_GUILESS_MAIN(TestChangeCalendar)
#include "tst_changecalendar.moc"
