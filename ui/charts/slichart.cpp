#include "slichart.h"

#include "decimation.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace gl::ui {

namespace {

// Min/max over buckets of this many pixel columns: 2 points per bucket, so half a point per pixel.
constexpr int kBucketPixels = 4;

// The step the time axis moves by: the first nice step of at least 1/30 of the window.
qint64 axisStepMs(qint64 spanMs)
{
    qint64 step = 1000;
    for (const qint64 seconds : {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600}) {
        step = seconds * 1000;
        if (step * 30 >= spanMs)
            break;
    }
    return step;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

SliChart::SliChart(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_new(new QLineSeries(m_chart))
    , m_stable(new QLineSeries(m_chart))
    , m_threshold(new QLineSeries(m_chart))
    , m_breaches(new QScatterSeries(m_chart))
    , m_timeAxis(new QDateTimeAxis(m_chart))
    , m_valueAxis(new QValueAxis(m_chart))
{
    m_view->setObjectName(QStringLiteral("chartView"));
    // No antialiasing: 1 px lines drawn as such (text stays antialiased). Antialiased, the six charts'
    // repaint cost about twice as much (docs/charts.md).
    m_view->setRenderHint(QPainter::Antialiasing, false);
    m_view->setFrameShape(QFrame::NoFrame);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setAlignment(Qt::AlignBottom);

    m_new->setObjectName(QStringLiteral("newSeries"));
    m_stable->setObjectName(QStringLiteral("stableSeries"));
    m_threshold->setObjectName(QStringLiteral("thresholdSeries"));
    m_breaches->setObjectName(QStringLiteral("breachSeries"));
    m_new->setName(tr("new"));
    m_stable->setName(tr("stable"));
    m_threshold->setName(tr("threshold"));
    m_breaches->setName(tr("breach"));
    m_breaches->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_breaches->setMarkerSize(7);
    m_breaches->setPen(Qt::NoPen); // filled only: an outlined circle is stroked as a path on every repaint

    m_timeAxis->setTickCount(6);
    m_valueAxis->setTickCount(5);
    m_valueAxis->setLabelFormat(QStringLiteral("%.3g"));
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    for (QXYSeries *series : {static_cast<QXYSeries *>(m_stable), static_cast<QXYSeries *>(m_new),
             static_cast<QXYSeries *>(m_threshold), static_cast<QXYSeries *>(m_breaches)}) {
        m_chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_valueAxis);
    }

    // The legend changes with the line names only: painted from a cached pixmap in between.
    m_chart->legend()->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setMinimumHeight(220); // below this the value axis has no room for its labels ("…")

    // The plot's width decides the decimation: redo it when the width changed (a resize, or the value axis'
    // labels getting wider). Queued: never inside Qt Charts' own layout pass.
    connect(
        m_chart, &QChart::plotAreaChanged, this,
        [this] {
            if (plotWidth() != m_decimatedWidth)
                markDirty(NewDirty | StableDirty | BreachesDirty);
        },
        Qt::QueuedConnection);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    applyPalette();
    setTimeWindow(now - 5 * 60 * 1000, now);
}

SliChart::~SliChart() = default;

void SliChart::setTitle(const QString &title)
{
    if (title == m_title)
        return; // a new title lays the chart out again
    m_title = title;
    m_chart->setTitle(title);
}

void SliChart::setUnit(const QString &unit)
{
    if (unit == m_unit)
        return;
    m_unit = unit;
    QString shown = unit;
    if (unit == u"ratio")
        shown = QStringLiteral("%");
    else if (unit == u"s")
        shown = QStringLiteral("ms");
    m_valueAxis->setTitleText(shown);
    markDirty(AllDirty);
}

void SliChart::setLineName(Line which, const QString &name)
{
    QLineSeries *series = which == Line::New ? m_new : m_stable;
    if (series->name() != name)
        series->setName(name); // a new name lays the legend out again
}

void SliChart::setSeries(Line which, const QList<QPointF> &points)
{
    QList<QPointF> &mine = which == Line::New ? m_newPoints : m_stablePoints;
    if (points == mine) // the same data again (e.g. Prometheus did not answer): nothing to redo
        return;
    mine = points;
    markDirty(which == Line::New ? NewDirty : StableDirty);
}

void SliChart::setThreshold(std::optional<double> threshold)
{
    if (threshold && !std::isfinite(*threshold))
        threshold.reset();
    if (threshold == m_thresholdValue)
        return;
    m_thresholdValue = threshold;
    markDirty(ThresholdDirty);
}

void SliChart::setBreaches(const QList<QPointF> &points)
{
    if (points == m_breachPoints)
        return;
    m_breachPoints = points;
    markDirty(BreachesDirty);
}

void SliChart::setTimeWindow(qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        toMs = fromMs + 1000;
    m_fromMs = fromMs;
    m_toMs = toMs;
    markDirty(TimeDirty | ThresholdDirty);
}

void SliChart::beginUpdate()
{
    ++m_batchDepth;
}

void SliChart::endUpdate()
{
    if (m_batchDepth > 0 && --m_batchDepth == 0)
        apply();
}

void SliChart::markDirty(int flags)
{
    m_dirty |= flags;
    if (m_batchDepth == 0)
        apply();
}

qsizetype SliChart::drawnPointCount(Line which) const
{
    return (which == Line::New ? m_new : m_stable)->count();
}

int SliChart::plotWidth() const
{
    const int width = int(m_chart->plotArea().width());
    // Before the first layout the plot area is empty: guess from the widget's width.
    return width > 10 ? width : std::max(100, this->width() - 80);
}

void SliChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPalette();
}

void SliChart::applyPalette()
{
    const QPalette p = palette();
    const bool dark = isDark(p);
    const QColor text = p.color(QPalette::Text);
    // Grid and axis lines: opaque and cosmetic (width 0), the text colour at 15 % over the base. A translucent
    // pen made every grid line a blended fill handed to Qt's thread pool on each repaint (docs/charts.md).
    const QColor base = p.color(QPalette::Base);
    const QColor grid = QColor::fromRgbF(base.redF() * 0.85f + text.redF() * 0.15f,
        base.greenF() * 0.85f + text.greenF() * 0.15f, base.blueF() * 0.85f + text.blueF() * 0.15f);
    m_chart->setBackgroundBrush(p.color(QPalette::Base));
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->setTitleBrush(text);
    m_chart->legend()->setLabelColor(text);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_valueAxis)}) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLinePen(QPen(grid, 0));
        axis->setLinePen(QPen(grid, 0));
    }
    const QColor newColour = dark ? QColor(0xff, 0x92, 0x2b) : QColor(0xe8, 0x59, 0x0c);
    const QColor stableColour = dark ? QColor(0x4d, 0xab, 0xf7) : QColor(0x1c, 0x7e, 0xd6);
    const QColor limitColour = dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc9, 0x2a, 0x2a);
    m_new->setPen(QPen(newColour, 1));
    m_stable->setPen(QPen(stableColour, 1));
    m_threshold->setPen(QPen(limitColour, 1.5, Qt::DashLine));
    m_breaches->setColor(limitColour);
    m_breaches->setBorderColor(limitColour);
}

double SliChart::scale() const
{
    if (m_unit == u"ratio")
        return 100; // percent
    if (m_unit == u"s")
        return 1000; // milliseconds
    return 1;
}

void SliChart::apply()
{
    const int dirty = m_dirty;
    m_dirty = 0;
    if (dirty == 0)
        return;
    const int width = plotWidth();
    // Min/max over buckets of four pixels: every spike kept, half a point per pixel column. Qt Charts'
    // cost (path, hover shape, stroke) grows with the points; more than that is not visible.
    const int buckets = std::max(1, width / kBucketPixels);
    QList<QPointF> newDrawn;
    QList<QPointF> stableDrawn;
    if (dirty & NewDirty)
        newDrawn = decimated(m_newPoints, buckets, &m_newTop);
    if (dirty & StableDirty)
        stableDrawn = decimated(m_stablePoints, buckets, &m_stableTop);
    if (dirty & (NewDirty | StableDirty))
        m_decimatedWidth = width;

    // The ranges the axes need now.
    // The time axis moves in steps of about 1/30 of the window (10 s in 5 min, 2 min in 1 h), not every
    // second: a range change re-lays out the axis' labels and recomputes every series, and costs more than the
    // rest of an update together. The axis shows a window's worth ending at the next step after `to`, so the
    // newest point is at most one step from the right edge.
    const qint64 span = m_toMs - m_fromMs;
    const qint64 step = axisStepMs(span);
    const qint64 shownTo = (m_toMs + step - 1) / step * step;
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(shownTo - span);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(shownTo);
    const bool timeMoves = (dirty & TimeDirty) && (m_timeAxis->min() != from || m_timeAxis->max() != to);
    const double top = valueAxisTop();
    const bool valueMoves = m_valueAxis->min() != 0 || std::abs(m_valueAxis->max() - top) > top * 1e-9;

    // Every change of an axis' range makes Qt Charts recompute the geometry of every non-empty series. The
    // series about to get new points are emptied first, so each is computed once, by its replace() below.
    if (timeMoves || valueMoves) {
        if ((dirty & NewDirty) && m_new->count() > 0)
            m_new->clear();
        if ((dirty & StableDirty) && m_stable->count() > 0)
            m_stable->clear();
        if ((dirty & BreachesDirty) && m_breaches->count() > 0)
            m_breaches->clear();
        if (m_threshold->count() > 0)
            m_threshold->clear();
    }
    if (timeMoves) {
        // Seconds matter in a few minutes' window only.
        constexpr qint64 kSecondsUpTo = 10 * 60 * 1000;
        const QString format = m_toMs - m_fromMs > kSecondsUpTo ? QStringLiteral("HH:mm") : QStringLiteral("HH:mm:ss");
        if (m_timeAxis->format() != format)
            m_timeAxis->setFormat(format);
        m_timeAxis->setRange(from, to);
    }
    if (valueMoves)
        m_valueAxis->setRange(0, top);

    // One replace() per series: Qt Charts computes and redraws it once, whatever the number of points.
    if (dirty & NewDirty)
        m_new->replace(newDrawn);
    if (dirty & StableDirty)
        m_stable->replace(stableDrawn);
    if (dirty & BreachesDirty) {
        // Each marker is a graphics item of its own in Qt Charts: at most one per few pixels (a long breach is
        // a row of dots either way).
        m_breaches->replace(decimated(m_breachPoints, std::max(1, width / 8), nullptr));
    }
    if ((dirty & ThresholdDirty) || timeMoves || valueMoves) {
        // The threshold and breach entries of the legend only mean something when there is a threshold.
        for (QAbstractSeries *series :
            {static_cast<QAbstractSeries *>(m_threshold), static_cast<QAbstractSeries *>(m_breaches)}) {
            const QList<QLegendMarker *> markers = m_chart->legend()->markers(series);
            for (QLegendMarker *marker : markers)
                marker->setVisible(m_thresholdValue.has_value());
        }
        m_threshold->setVisible(m_thresholdValue.has_value());
        if (m_thresholdValue) {
            const double y = *m_thresholdValue * scale();
            m_threshold->replace({QPointF(double(m_fromMs), y), QPointF(double(m_toMs), y)});
        } else if (m_threshold->count() > 0) {
            m_threshold->clear();
        }
    }
}

QList<QPointF> SliChart::decimated(const QList<QPointF> &points, int buckets, double *top) const
{
    QList<QPointF> out = decimateMinMax(points, buckets);
    const double factor = scale();
    double highest = 0;
    for (QPointF &p : out) {
        p.setY(p.y() * factor);
        highest = std::max(highest, p.y());
    }
    if (top)
        *top = highest;
    return out;
}

double SliChart::valueAxisTop() const
{
    double top = std::max(m_newTop, m_stableTop);
    if (m_thresholdValue)
        top = std::max(top, *m_thresholdValue * scale());
    if (!(top > 0) || !std::isfinite(top))
        top = 1;
    // A "nice" top with four intervals of 1, 2, 2.5 or 5 x 10^n, computed here rather than with
    // QValueAxis::applyNiceNumbers (which would change the range twice).
    const double raw = top * 1.1 / 4;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * magnitude;
    for (double nice : {1.0, 2.0, 2.5, 5.0}) {
        if (raw <= nice * magnitude) {
            step = nice * magnitude;
            break;
        }
    }
    return 4 * step;
}

} // namespace gl::ui
