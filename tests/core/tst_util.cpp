// Unit tests of core/util: Result/Error values, the clocks, the typed settings and language resolution.
#include "util/clock.h"
#include "util/jsontextwriter.h"
#include "util/result.h"
#include "util/settings.h"
#include "util/translations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace gl;

class TstUtil : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // JsonTextWriter's text parses back (QJsonDocument) to exactly what was written: escapes, UTF-8, numbers,
    // nesting, empty containers.
    void jsonTextWriter()
    {
        const QString tricky = QStringLiteral("quote \" backslash \\ newline \n tab \t bell \x07 한국어 ✓");
        gl::JsonTextWriter w;
        w.beginObject();
        w.key(QLatin1StringView("text"));
        w.value(tricky);
        w.key(QLatin1StringView("empty"));
        w.value(QString());
        w.key(QLatin1StringView("list"));
        w.beginArray();
        w.value(qint64(-42));
        w.value(12.5);
        w.value(1e-7);
        w.value(std::nan(""));
        w.value(true);
        w.value(false);
        w.beginObject();
        w.endObject();
        w.beginArray();
        w.endArray();
        w.beginObject();
        w.key(QLatin1StringView("n"));
        w.value(7);
        w.endObject();
        w.endArray();
        w.key(QLatin1StringView("big"));
        w.value(qint64(9007199254740993));
        w.endObject();
        const QByteArray text = w.take();
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(text, &error);
        QVERIFY2(
            error.error == QJsonParseError::NoError, qPrintable(error.errorString() + u": " + QString::fromUtf8(text)));
        const QJsonObject expected {{QStringLiteral("text"), tricky}, {QStringLiteral("empty"), QString()},
            {QStringLiteral("list"),
                QJsonArray {-42, 12.5, 1e-7, QJsonValue(), true, false, QJsonObject {}, QJsonArray {},
                    QJsonObject {{QStringLiteral("n"), 7}}}},
            {QStringLiteral("big"), qint64(9007199254740993)}};
        QCOMPARE(parsed.object(), expected);
        QVERIFY(!text.contains('\n')); // compact, and control characters escaped
        QVERIFY(text.contains("\\u0007"));
    }

    void resultHoldsValueOrError();
    void resultVoid();
    void errorToStringAddsDetail();
    void manualClockMovesOnlyWhenTold();
    void systemClockIsMonotonic();
    void settingsRoundTrip();
    void settingsRecentEnvironmentsAreBoundedAndUnique();
    void resolveLanguage_data();
    void resolveLanguage();
};

// A Result carries exactly one of a value or an error, and move-out works for move-only use.
void TstUtil::resultHoldsValueOrError()
{
    Result<int> good(42);
    QVERIFY(good.ok());
    QCOMPARE(good.value(), 42);
    QCOMPARE(good.valueOr(7), 42);

    Result<int> bad(makeError(ErrorCode::NotFound, QStringLiteral("missing"), QStringLiteral("key=x")));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, ErrorCode::NotFound);
    QCOMPARE(bad.valueOr(7), 7);

    Result<QString> moved(QStringLiteral("text"));
    const QString out = std::move(moved).value();
    QCOMPARE(out, QStringLiteral("text"));
}

// Result<void> is success by default and failure when built from an Error.
void TstUtil::resultVoid()
{
    Status ok;
    QVERIFY(ok.ok());
    Status failed(makeError(ErrorCode::Io, QStringLiteral("disk full")));
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().message, QStringLiteral("disk full"));
}

// The log form of an error keeps the user message first and appends the technical detail.
void TstUtil::errorToStringAddsDetail()
{
    QCOMPARE(makeError(ErrorCode::Io, QStringLiteral("a")).toString(), QStringLiteral("a"));
    QCOMPARE(makeError(ErrorCode::Io, QStringLiteral("a"), QStringLiteral("b")).toString(), QStringLiteral("a (b)"));
}

// The manual clock moves wall time and monotonic time together on advance, and only wall time on a jump.
void TstUtil::manualClockMovesOnlyWhenTold()
{
    ManualClock clock(QDateTime(QDate(2026, 3, 29), QTime(0, 30), Qt::UTC));
    const QDateTime start = clock.now();
    QCOMPARE(clock.monotonicMs(), 0);
    clock.advance(1500);
    QCOMPARE(clock.now(), start.addMSecs(1500));
    QCOMPARE(clock.monotonicMs(), 1500);
    clock.setNow(start.addSecs(-3600));
    QCOMPARE(clock.now(), start.addSecs(-3600));
    QCOMPARE(clock.monotonicMs(), 1500);
}

// The system clock's monotonic time never goes backwards and wall time is UTC.
void TstUtil::systemClockIsMonotonic()
{
    SystemClock clock;
    const qint64 a = clock.monotonicMs();
    const qint64 b = clock.monotonicMs();
    QVERIFY(b >= a);
    QCOMPARE(clock.now().timeSpec(), Qt::UTC);
}

// Settings survive a reopen, and unknown values fall back to safe defaults.
void TstUtil::settingsRoundTrip()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("greenlight.conf"));
    {
        Settings settings(ini);
        QCOMPARE(settings.language(), QStringLiteral("system"));
        QCOMPARE(settings.theme(), Settings::Theme::System);
        settings.setLanguage(QStringLiteral("ko"));
        settings.setTheme(Settings::Theme::Dark);
        settings.sync();
    }
    {
        Settings settings(ini);
        QCOMPARE(settings.language(), QStringLiteral("ko"));
        QCOMPARE(settings.theme(), Settings::Theme::Dark);
        settings.setLanguage(QStringLiteral("klingon"));
        QCOMPARE(settings.language(), QStringLiteral("system"));
    }
}

// Recent environments: most recent first, no duplicates, at most ten.
void TstUtil::settingsRecentEnvironmentsAreBoundedAndUnique()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("s.conf")));
    for (int i = 0; i < 12; ++i)
        settings.addRecentEnvironment(QStringLiteral("/envs/e%1.yaml").arg(i));
    settings.addRecentEnvironment(QStringLiteral("/envs/e5.yaml"));
    const QStringList recent = settings.recentEnvironments();
    QCOMPARE(recent.size(), 10);
    QCOMPARE(recent.first(), QStringLiteral("/envs/e5.yaml"));
    QCOMPARE(recent.count(QStringLiteral("/envs/e5.yaml")), 1);
    settings.removeRecentEnvironment(QStringLiteral("/envs/e5.yaml"));
    QVERIFY(!settings.recentEnvironments().contains(QStringLiteral("/envs/e5.yaml")));
}

void TstUtil::resolveLanguage_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("systemLocale");
    QTest::addColumn<QString>("expected");
    QTest::newRow("explicit ko") << "ko"
                                 << "en_US"
                                 << "ko";
    QTest::newRow("explicit en") << "en"
                                 << "ko_KR"
                                 << "en";
    QTest::newRow("system korean") << "system"
                                   << "ko_KR"
                                   << "ko";
    QTest::newRow("system german falls back") << "system"
                                              << "de_DE"
                                              << "en";
    QTest::newRow("unknown setting follows system") << "fr"
                                                    << "ko_KR"
                                                    << "ko";
}

// The language setting "system" follows the system locale; unshipped languages fall back to English.
void TstUtil::resolveLanguage()
{
    QFETCH(QString, setting);
    QFETCH(QString, systemLocale);
    QFETCH(QString, expected);
    QCOMPARE(gl::resolveLanguage(setting, QLocale(systemLocale)), expected);
}

QTEST_GUILESS_MAIN(TstUtil)
#include "tst_util.moc"
