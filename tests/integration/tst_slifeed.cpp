// The live SLI feed (core/metrics/slifeed) against a real sandbox: HAProxy 2.6, Prometheus 2.42 scraping
// every second, sample services v1 (blue) and v2 (green1) sharing 100 requests/s. The feed fetches the
// window once, then only the tail every second, for both versions; the thresholds come from the sandbox's
// analysis section; injected errors show as breaches; and the charts view renders it all (a PNG is kept
// with GL_KEEP_TEST_OUTPUT=1). Prometheus unreachable is reported by the feed, and inline by the view.
#include "banner.h"
#include "metrics/prometheusclient.h"
#include "metrics/slifeed.h"
#include "sandboxfixture.h"
#include "slichart.h"
#include "util/clock.h"
#include "views/slichartsview.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>

#include <csignal>
#include <memory>

using namespace gl;
using namespace gl::test;
using Sli = SliFeed::Sli;
using Line = SliFeed::Line;

class TestSliFeed : public QObject {
    Q_OBJECT

private:
    SandboxFixture m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<PrometheusClient> m_client;

    static bool increasingInWindow(const QList<QPointF> &points, const SliFeed &feed)
    {
        for (qsizetype i = 0; i < points.size(); ++i) {
            if (i > 0 && points.at(i - 1).x() >= points.at(i).x())
                return false;
            if (points.at(i).x() < double(feed.windowStartMs()) || points.at(i).x() > double(feed.windowEndMs()))
                return false;
        }
        return true;
    }

private Q_SLOTS:
    // Prometheus not answering: the poll completes with an error (Unreachable), no points, and the feed
    // keeps polling; no sandbox needed.
    void unreachablePrometheusIsReported()
    {
        PrometheusClient client(QUrl(QStringLiteral("http://127.0.0.1:9")), m_network);
        client.setDefaultTimeout(2000);
        SliFeed feed(client, AnalysisConfig(), SystemClock::instance());
        feed.setVersions(QStringLiteral("v2"), QStringLiteral("v1"));
        QSignalSpy updated(&feed, &SliFeed::updated);
        feed.start(false);
        QVERIFY(updated.wait(5000));
        QVERIFY(feed.error().has_value());
        QCOMPARE(int(feed.error()->code), int(ErrorCode::Unreachable));
        QVERIFY(feed.points(Sli::ErrorRatio, Line::New).isEmpty());
        QVERIFY(feed.poll()); // polls again
    }

    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sandbox.up(
                     {QStringLiteral("--slots"), QStringLiteral("2"), QStringLiteral("--rps"), QStringLiteral("100")},
                     &error),
            qPrintable(error));
        QCOMPARE(m_sandbox.run(QStringLiteral("deploy"),
                     {QStringLiteral("--slot"), QStringLiteral("green1"), QStringLiteral("--version"),
                         QStringLiteral("v2")}),
            0);
        const QString socket = m_sandbox.environment().runtimeApi;
        QCOMPARE(runtimeCommand(socket, "set server be_app/green1 state ready"), QByteArray());
        QCOMPARE(runtimeCommand(socket, "set server be_app/green1 weight 30"), QByteArray());
        m_client = std::make_unique<PrometheusClient>(m_sandbox.environment().prometheusUrl, m_network);
        m_client->setDefaultTimeout(3000);
        // Wait until Prometheus has rates for v2.
        QTRY_VERIFY_WITH_TIMEOUT(seriesValue(prometheusQuery(m_sandbox.prometheusPort(),
                                                 QStringLiteral("sum by (version)(rate(http_requests_total[15s]))")),
                                     QStringLiteral("version"), QStringLiteral("v2"))
                > 1,
            40000);
    }

    // Both versions get points on all three SLIs from the first fetch of the window; later polls add only the
    // tail (points strictly increasing, none outside the window); thresholds come from the sandbox's rules.
    void feedReceivesBothVersions()
    {
        const Environment env = m_sandbox.environment();
        SliFeed feed(*m_client, env.analysis, SystemClock::instance());
        feed.setVersions(QStringLiteral("v2"), QStringLiteral("v1"));
        feed.setWindow(5 * 60 * 1000);
        QCOMPARE(feed.step(), 1000);
        QSignalSpy updated(&feed, &SliFeed::updated);
        // The first poll fetches the whole window (everything since the sandbox started); each later one only
        // the seconds since the previous.
        feed.start(false);
        QVERIFY(updated.wait(10000));
        const qsizetype first = feed.points(Sli::Throughput, Line::Stable).size();
        QVERIFY2(first >= 5, qPrintable(QString::number(first)));
        auto enough = [&feed] {
            for (int i = 0; i < SliFeed::SliCount; ++i) {
                if (feed.points(Sli(i), Line::New).size() < 5 || feed.points(Sli(i), Line::Stable).size() < 5)
                    return false;
            }
            return true;
        };
        for (int polls = 0; polls < 20 && !enough(); ++polls) {
            QTest::qWait(1000);
            const qsizetype before = feed.points(Sli::Throughput, Line::Stable).size();
            QVERIFY(feed.poll());
            QVERIFY(updated.wait(10000));
            QVERIFY(feed.points(Sli::Throughput, Line::Stable).size() - before <= 2);
        }
        QVERIFY2(!feed.error(), qPrintable(feed.error() ? feed.error()->toString() : QString()));
        for (int i = 0; i < SliFeed::SliCount; ++i) {
            for (const Line line : {Line::New, Line::Stable}) {
                const QList<QPointF> &points = feed.points(Sli(i), line);
                QVERIFY2(points.size() >= 5,
                    qPrintable(QStringLiteral("%1 %2: %3 points")
                                   .arg(feed.title(Sli(i)), line == Line::New ? u"new" : u"stable")
                                   .arg(points.size())));
                QVERIFY(increasingInWindow(points, feed));
            }
        }
        // Throughput: v2 (weight 30 against the blue slots) gets a share of the 100 requests/s, v1 the rest; the
        // rate of v2 is still ramping up over the 15 s rate window.
        QVERIFY(feed.points(Sli::Throughput, Line::Stable).last().y() > 20);
        QVERIFY(feed.points(Sli::Throughput, Line::New).last().y() > 1);
        QCOMPARE(feed.threshold(Sli::ErrorRatio).value_or(-1), 0.01);
        QVERIFY(feed.threshold(Sli::P99Latency).value_or(-1) >= 0.025); // max(2 x stable, floor 0.025)
        QVERIFY(!feed.threshold(Sli::Throughput));
        QVERIFY(feed.breaches(Sli::ErrorRatio).isEmpty());

        const qsizetype before = feed.points(Sli::Throughput, Line::New).size();
        const double lastX = feed.points(Sli::Throughput, Line::New).last().x();
        QTest::qWait(2100);
        QVERIFY(feed.poll());
        QVERIFY(updated.wait(10000));
        const QList<QPointF> &after = feed.points(Sli::Throughput, Line::New);
        QVERIFY(after.last().x() > lastX);
        QVERIFY2(after.size() - before <= 3 && after.size() - before >= 1,
            qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after.size())));
        QVERIFY(increasingInWindow(after, feed));
    }

    // Errors injected into v2 show as breaches of the error-ratio threshold (new version only).
    void injectedErrorsShowAsBreaches()
    {
        const Environment env = m_sandbox.environment();
        SliFeed feed(*m_client, env.analysis, SystemClock::instance());
        feed.setVersions(QStringLiteral("v2"), QStringLiteral("v1"));
        feed.start(true);
        QCOMPARE(m_sandbox.run(QStringLiteral("fault"),
                     {QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--error-rate"),
                         QStringLiteral("0.3")}),
            0);
        QTRY_VERIFY_WITH_TIMEOUT(!feed.breaches(Sli::ErrorRatio).isEmpty(), 20000);
        QVERIFY(feed.breaches(Sli::ErrorRatio).last().y() > 0.01);
        QVERIFY(feed.points(Sli::ErrorRatio, Line::Stable).last().y() <= 0.01);
        feed.stop();
        QCOMPARE(m_sandbox.run(QStringLiteral("fault"),
                     {QStringLiteral("--version"), QStringLiteral("v2"), QStringLiteral("--clear")}),
            0);
    }

    // The charts view on the sandbox: empty state without a rollout; with one, three charts fed live with
    // both lines; the window combo refetches. Then Prometheus stopped: an inline banner, not a dialog.
    void viewShowsLiveCharts()
    {
        ui::SliChartsView view(m_network);
        view.resize(1000, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *stack = view.findChild<QStackedWidget *>(QStringLiteral("sliChartsStack"));
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("sliChartsEmptyState"));
        view.setEnvironment(m_sandbox.environment());
        RolloutRecord rollout;
        rollout.id = 1;
        rollout.versionFrom = QStringLiteral("v1");
        rollout.versionTo = QStringLiteral("v2");
        rollout.strategy = QStringLiteral("canary");
        rollout.state = RolloutState::Running;
        view.setRollout(rollout);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("sliChartsPage"));
        auto *throughput = view.findChild<ui::SliChart *>(QStringLiteral("throughputChart"));
        QVERIFY(throughput);
        QTRY_VERIFY_WITH_TIMEOUT(throughput->drawnPointCount(ui::SliChart::Line::New) > 5
                && throughput->drawnPointCount(ui::SliChart::Line::Stable) > 5,
            10000);
        auto *combo = view.findChild<QComboBox *>(QStringLiteral("windowCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 4);
        combo->setCurrentIndex(1); // 15 min
        QCOMPARE(view.feed()->window(), 15 * 60 * 1000);
        QSignalSpy refetched(view.feed(), &SliFeed::updated);
        QVERIFY(refetched.wait(10000));
        QVERIFY2(
            !view.feed()->error(), qPrintable(view.feed()->error() ? view.feed()->error()->toString() : QString()));
        QVERIFY2(view.feed()->points(SliFeed::Sli::Throughput, SliFeed::Line::New).size() > 5,
            qPrintable(QString::number(view.feed()->points(SliFeed::Sli::Throughput, SliFeed::Line::New).size())));
        QTRY_VERIFY_WITH_TIMEOUT(throughput->drawnPointCount(ui::SliChart::Line::New) > 5, 10000);
        if (qEnvironmentVariableIsSet("GL_KEEP_TEST_OUTPUT")) {
            QTest::qWait(3000);
            view.grab().save(QDir::temp().filePath(QStringLiteral("slicharts.png")));
            qInfo("saved %s", qPrintable(QDir::temp().filePath(QStringLiteral("slicharts.png"))));
        }
        // Prometheus stopped (this sandbox's process, by its pid): the banner says so inline.
        qint64 pid = 0;
        QFile state(m_sandbox.dir() + QStringLiteral("/sandbox.json"));
        QVERIFY(state.open(QIODevice::ReadOnly));
        for (const QJsonValue &p : QJsonDocument::fromJson(state.readAll()).object().value(u"processes").toArray()) {
            if (p.toObject().value(u"role").toString() == u"prometheus")
                pid = p.toObject().value(u"pid").toInteger();
        }
        QVERIFY(pid > 0);
        QVERIFY(m_sandbox.livePids().contains(pid));
        auto *banner = view.findChild<ui::Banner *>(QStringLiteral("sliChartsBanner"));
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());
        QCOMPARE(::kill(pid_t(pid), SIGTERM), 0);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15000);
        QVERIFY2(banner->text().contains(u"Prometheus"), qPrintable(banner->text()));
        // The last data stay.
        QVERIFY2(throughput->drawnPointCount(ui::SliChart::Line::New) > 5,
            qPrintable(QString::number(throughput->drawnPointCount(ui::SliChart::Line::New))));
        QVERIFY(view.feed()->points(SliFeed::Sli::Throughput, SliFeed::Line::New).size() > 5);
        view.setRollout(std::nullopt);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("sliChartsEmptyState"));
    }

    void cleanupTestCase() { QCOMPARE(m_sandbox.down(), 0); }
};

QTEST_MAIN(TestSliFeed)
#include "tst_slifeed.moc"
