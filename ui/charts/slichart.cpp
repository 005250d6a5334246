#include "slichart.h"

#include "decimation.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace gl::ui {

namespace {

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
    m_view->setRenderHint(QPainter::Antialiasing, true);
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

    m_timeAxis->setTickCount(6);
    m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
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

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setMinimumHeight(160);

    // The plot's width decides the decimation: redo it when the width changed (a resize, or the value axis'
    // labels getting wider). Queued: never inside Qt Charts' own layout pass.
    connect(
        m_chart, &QChart::plotAreaChanged, this,
        [this] {
            if (plotWidth() != m_decimatedWidth) {
                refreshLine(Line::New);
                refreshLine(Line::Stable);
            }
        },
        Qt::QueuedConnection);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    setTimeWindow(now - 5 * 60 * 1000, now);
    applyPalette();
    refreshThreshold();
    refreshValueAxis();
}

SliChart::~SliChart() = default;

void SliChart::setTitle(const QString &title)
{
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
    refreshLine(Line::New);
    refreshLine(Line::Stable);
    refreshThreshold();
    refreshBreaches();
    refreshValueAxis();
}

void SliChart::setLineName(Line which, const QString &name)
{
    (which == Line::New ? m_new : m_stable)->setName(name);
}

void SliChart::setSeries(Line which, const QList<QPointF> &points)
{
    (which == Line::New ? m_newPoints : m_stablePoints) = points;
    refreshLine(which);
    refreshValueAxis();
}

void SliChart::setThreshold(std::optional<double> threshold)
{
    if (threshold && !std::isfinite(*threshold))
        threshold.reset();
    m_thresholdValue = threshold;
    refreshThreshold();
    refreshValueAxis();
}

void SliChart::setBreaches(const QList<QPointF> &points)
{
    m_breachPoints = points;
    refreshBreaches();
}

void SliChart::setTimeWindow(qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        toMs = fromMs + 1000;
    const bool formatChanged = (m_toMs - m_fromMs > 3600000) != (toMs - fromMs > 3600000) || m_toMs == 0;
    m_fromMs = fromMs;
    m_toMs = toMs;
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    if (formatChanged)
        m_timeAxis->setFormat(toMs - fromMs > 3600000 ? QStringLiteral("HH:mm") : QStringLiteral("HH:mm:ss"));
    refreshThreshold();
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
    QColor grid = text;
    grid.setAlpha(40);
    m_chart->setBackgroundBrush(p.color(QPalette::Base));
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->setTitleBrush(text);
    m_chart->legend()->setLabelColor(text);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_valueAxis)}) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
    const QColor newColour = dark ? QColor(0xff, 0x92, 0x2b) : QColor(0xe8, 0x59, 0x0c);
    const QColor stableColour = dark ? QColor(0x4d, 0xab, 0xf7) : QColor(0x1c, 0x7e, 0xd6);
    const QColor limitColour = dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc9, 0x2a, 0x2a);
    m_new->setPen(QPen(newColour, 2));
    m_stable->setPen(QPen(stableColour, 2));
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

QList<QPointF> SliChart::scaled(const QList<QPointF> &points) const
{
    const double factor = scale();
    if (factor == 1)
        return points;
    QList<QPointF> out;
    out.reserve(points.size());
    for (const QPointF &p : points)
        out.append(QPointF(p.x(), p.y() * factor));
    return out;
}

void SliChart::refreshLine(Line which)
{
    m_decimatedWidth = plotWidth();
    const QList<QPointF> &points = which == Line::New ? m_newPoints : m_stablePoints;
    // One replace() per update: Qt Charts redraws once, whatever the number of points.
    (which == Line::New ? m_new : m_stable)->replace(scaled(decimateMinMax(points, m_decimatedWidth)));
}

void SliChart::refreshThreshold()
{
    if (!m_thresholdValue) {
        m_threshold->clear();
        m_threshold->setVisible(false);
        return;
    }
    const double y = *m_thresholdValue * scale();
    m_threshold->replace({QPointF(double(m_fromMs), y), QPointF(double(m_toMs), y)});
    m_threshold->setVisible(true);
}

void SliChart::refreshBreaches()
{
    m_breaches->replace(scaled(decimateMinMax(m_breachPoints, plotWidth())));
}

void SliChart::refreshValueAxis()
{
    double top = 0;
    for (const QXYSeries *series : {static_cast<const QXYSeries *>(m_new), static_cast<const QXYSeries *>(m_stable)}) {
        const QList<QPointF> points = series->points();
        for (const QPointF &p : points)
            top = std::max(top, p.y());
    }
    if (m_thresholdValue)
        top = std::max(top, *m_thresholdValue * scale());
    if (!(top > 0))
        top = 1;
    m_valueAxis->setRange(0, top * 1.15);
    m_valueAxis->applyNiceNumbers();
}

} // namespace gl::ui
