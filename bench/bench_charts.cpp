// Live SLI charts (issue #6, part 3): the cost of one update of 6 charts, each with a new and a stable line of
// 3,600 points (an hour at 1 s, or 6 h at 6 s), and the process's memory after a simulated hour of 1 s updates.
//
// One update = for each chart: the time window, both lines (min/max decimation to the plot's width, then one
// QXYSeries::replace each), the threshold and the breaches; then the repaint it triggers, forced synchronously
// (QCoreApplication::processEvents for Qt Charts' scene updates, then QWidget::repaint of the window), offscreen.
// The series slide like SliFeed's: each update drops the oldest point and appends a new one.
//
// Usage: bench_charts [--updates N] [--width W]   (default 3600 updates, a 1200 x 900 window: 3 x 2 charts)
// Runs offscreen unless QT_QPA_PLATFORM says otherwise.
#include "decimation.h"
#include "slichart.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QGridLayout>
#include <QRandomGenerator>
#include <QWidget>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

using namespace gl::ui;

namespace {

constexpr int kCharts = 6;
constexpr int kPoints = 3600;
constexpr qint64 kStepMs = 1000;

// A /proc/self/status field in kB (VmRSS, VmHWM).
long statusKb(const char *field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toLong();
    }
    return -1;
}

// CPU time of this thread in ms: what an update costs, without the time other processes held the CPU (the
// machine may be shared); the wall-clock figures are printed too.
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min(values.size() - 1, qsizetype(std::ceil(p * double(values.size()))) - 1);
    return values.at(std::max<qsizetype>(0, index));
}

// An SLI-like value: a noisy baseline with the odd spike.
double value(QRandomGenerator &random, double base)
{
    double v = base * (1 + 0.1 * (random.generateDouble() - 0.5));
    if (random.bounded(200) == 0)
        v *= 5;
    return v;
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int updates = 3600;
    int width = 1200;
    QString png;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == u"--updates")
            updates = std::max(1, args.at(i + 1).toInt());
        else if (args.at(i) == u"--png")
            png = args.at(i + 1);
        else if (args.at(i) == u"--width")
            width = std::max(400, args.at(i + 1).toInt());
    }

    const long rssStart = statusKb("VmRSS");
    QWidget window;
    auto *grid = new QGridLayout(&window);
    QList<SliChart *> charts;
    for (int i = 0; i < kCharts; ++i) {
        auto *chart = new SliChart(&window);
        chart->setTitle(QStringLiteral("SLI %1").arg(i + 1));
        chart->setUnit(
            i % 3 == 0 ? QStringLiteral("ratio") : (i % 3 == 1 ? QStringLiteral("s") : QStringLiteral("req/s")));
        grid->addWidget(chart, i / 2, i % 2);
        charts << chart;
    }
    window.resize(width, 900);
    window.show();
    QCoreApplication::processEvents();

    QRandomGenerator random(42);
    const double bases[3] = {0.004, 0.012, 60};
    qint64 now = 1795300000000;
    QList<QList<QPointF>> newLines(kCharts);
    QList<QList<QPointF>> stableLines(kCharts);
    for (int c = 0; c < kCharts; ++c) {
        for (int i = 0; i < kPoints; ++i) {
            const double x = double(now - (kPoints - 1 - i) * kStepMs);
            newLines[c].append(QPointF(x, value(random, bases[c % 3])));
            stableLines[c].append(QPointF(x, value(random, bases[c % 3])));
        }
    }
    const long rssData = statusKb("VmRSS");

    QList<double> updateMs;
    QList<double> decimateMs;
    QList<double> cpuMs;
    QList<double> settersMs;
    QList<double> paintMs;
    QList<double> applyMs;
    QElapsedTimer timer;
    long rssAt[4] = {0, 0, 0, 0};
    const int checkpoints[4] = {1, std::max(1, updates / 6), std::max(1, updates / 2), updates};
    for (int u = 1; u <= updates; ++u) {
        now += kStepMs;
        for (int c = 0; c < kCharts; ++c) {
            newLines[c].removeFirst();
            newLines[c].append(QPointF(double(now), value(random, bases[c % 3])));
            stableLines[c].removeFirst();
            stableLines[c].append(QPointF(double(now), value(random, bases[c % 3])));
        }
        // The decimation alone, for the table (not part of the update's time below).
        const double decimateStart = threadCpuMs();
        for (int c = 0; c < kCharts; ++c) {
            const QList<QPointF> a = decimateMinMax(newLines[c], charts[c]->plotWidth());
            const QList<QPointF> b = decimateMinMax(stableLines[c], charts[c]->plotWidth());
            Q_UNUSED(a)
            Q_UNUSED(b)
        }
        decimateMs << threadCpuMs() - decimateStart;

        timer.start();
        const double cpu0 = threadCpuMs();
        for (int c = 0; c < kCharts; ++c) {
            charts[c]->beginUpdate(); // as SliChartsView does: one computation per series per update
            charts[c]->setTitle(QStringLiteral("SLI %1").arg(c + 1)); // SliChartsView sets all of them each time
            charts[c]->setLineName(SliChart::Line::New, QStringLiteral("v2 (new)"));
            charts[c]->setLineName(SliChart::Line::Stable, QStringLiteral("v1 (stable)"));
            charts[c]->setTimeWindow(now - kPoints * kStepMs, now);
        }
        for (int c = 0; c < kCharts; ++c) {
            charts[c]->setSeries(SliChart::Line::New, newLines[c]);
            charts[c]->setSeries(SliChart::Line::Stable, stableLines[c]);
        }
        for (int c = 0; c < kCharts; ++c) {
            charts[c]->setThreshold(bases[c % 3] * 2);
            QList<QPointF> breaches;
            for (const QPointF &p : std::as_const(newLines[c])) {
                if (p.y() > bases[c % 3] * 2)
                    breaches << p;
            }
            charts[c]->setBreaches(breaches);
        }
        const double cpu3a = threadCpuMs();
        for (int c = 0; c < kCharts; ++c)
            charts[c]->endUpdate();
        const double cpu3 = threadCpuMs();
        applyMs << cpu3 - cpu3a;
        QCoreApplication::processEvents();
        window.repaint();
        const double cpu4 = threadCpuMs();
        updateMs << double(timer.nsecsElapsed()) / 1e6;
        cpuMs << cpu4 - cpu0;
        settersMs << cpu3a - cpu0;
        paintMs << cpu4 - cpu3;
        for (int k = 0; k < 4; ++k) {
            if (u == checkpoints[k])
                rssAt[k] = statusKb("VmRSS");
        }
    }

    qsizetype drawn = 0;
    for (SliChart *chart : std::as_const(charts))
        drawn += chart->drawnPointCount(SliChart::Line::New) + chart->drawnPointCount(SliChart::Line::Stable);

    std::printf(
        "bench_charts: %d charts x 2 lines x %d points, window %d x 900 px, plot width %d px, %d updates (%s)\n",
        kCharts, kPoints, width, charts.first()->plotWidth(), updates,
#ifdef NDEBUG
        "release"
#else
        "debug build"
#endif
    );
    std::printf("points handed to Qt Charts per update: %lld (of %d)\n\n", qint64(drawn), kCharts * 2 * kPoints);
    std::printf("%-56s %9s %9s %9s\n", "time per update (ms, CPU time of the GUI thread)", "p50", "p99", "max");
    auto row = [](const char *label, const QList<double> &values) {
        std::printf("%-56s %9.2f %9.2f %9.2f\n", label, percentile(values, 0.5), percentile(values, 0.99),
            percentile(values, 1.0));
    };
    row("  decimation alone (12 series x 3,600 points)", decimateMs);
    row("  setters (take note only, inside begin/endUpdate)", settersMs);
    row("  endUpdate: decimate, axes, one replace() per series", applyMs);
    row("  repaint (processEvents + synchronous repaint)", paintMs);
    row("full update (6 charts), CPU", cpuMs);
    row("full update (6 charts), wall clock", updateMs);
    std::printf("target: full update p50 < 5 ms\n\n");
    std::printf("%-56s %9s\n", "memory (VmRSS, MB)", "MB");
    std::printf("%-56s %9.1f\n", "at start (QApplication)", rssStart / 1024.0);
    std::printf("%-56s %9.1f\n", "charts built, 43,200 points in memory", rssData / 1024.0);
    const char *labels[4] = {"after the 1st update", "after 1/6 of the updates (10 min of 1 h)",
        "after half of the updates (30 min)", "after all updates (1 h of 1 s updates)"};
    for (int k = 0; k < 4; ++k)
        std::printf("%-56s %9.1f\n", labels[k], rssAt[k] / 1024.0);
    std::printf("%-56s %9.1f\n", "peak (VmHWM)", statusKb("VmHWM") / 1024.0);
    if (!png.isEmpty())
        window.grab().save(png);
    return 0;
}
