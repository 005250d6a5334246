#pragma once

#include <QList>
#include <QPointF>
#include <QWidget>

#include <optional>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace gl::ui {

// One live SLI chart: the new and the stable version's values over a time window, the threshold as a dashed
// line and the breaches as marked points. The seam between Greenlight and Qt Charts: no Qt Charts type
// appears in this interface, so a later move to Qt Graphs (Qt Charts is deprecated from Qt 6.10) changes
// this class only.
//
// Every setter replaces what was there (a setter given what it already holds does nothing). Points are (ms
// since the epoch, value), sorted by time; before they reach Qt Charts they are decimated to the plot's width
// in pixels (min and max of every three pixel columns, decimateMinMax: spikes kept) and handed over in one
// call (QXYSeries::replace), never point by point. The time axis shows a window as long as setTimeWindow's,
// ending at the next step of about 1/30 of it after `to` (it moves every 10 s in a 5 min window, not every
// second). Colours follow the widget's palette (light or dark); no animations, no antialiasing of lines.
class SliChart final : public QWidget {
    Q_OBJECT
public:
    enum class Line { New, Stable };

    explicit SliChart(QWidget *parent = nullptr);
    ~SliChart() override;

    void setTitle(const QString &title);
    // The unit shown beside the values ("ratio", "s", "req/s"); ratios are drawn as percentages and seconds
    // as milliseconds.
    void setUnit(const QString &unit);
    // The legend names of the two lines, e.g. "v2 (new)" and "v1 (stable)".
    void setLineName(Line which, const QString &name);
    void setSeries(Line which, const QList<QPointF> &points);
    // The limit drawn across the window; none hides it.
    void setThreshold(std::optional<double> threshold);
    // Points marked as breaches of the threshold (same units as setSeries).
    void setBreaches(const QList<QPointF> &points);
    // The time axis: from and to in ms since the epoch.
    void setTimeWindow(qint64 fromMs, qint64 toMs);

    // Between beginUpdate() and endUpdate() the setters only take note; endUpdate() applies them together, so
    // that a moving time window and new points cost Qt Charts one computation of each series, not two. Without
    // them every setter applies at once. Nestable.
    void beginUpdate();
    void endUpdate();

    // What is drawn now, after decimation (for tests and the benchmark).
    [[nodiscard]] qsizetype drawnPointCount(Line which) const;
    // The number of pixel columns the series are decimated to.
    [[nodiscard]] int plotWidth() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    enum Dirty {
        NewDirty = 1,
        StableDirty = 2,
        ThresholdDirty = 4,
        BreachesDirty = 8,
        TimeDirty = 16,
        AllDirty = 31,
    };

    void applyPalette();
    void markDirty(int flags);
    void apply();
    // Decimated to `buckets`, in the displayed unit; `top` (if given) gets the highest value.
    [[nodiscard]] QList<QPointF> decimated(const QList<QPointF> &points, int buckets, double *top) const;
    [[nodiscard]] double valueAxisTop() const;
    [[nodiscard]] double scale() const; // unit -> displayed unit (ratio -> %, s -> ms)

    QChart *m_chart;
    QChartView *m_view;
    QLineSeries *m_new;
    QLineSeries *m_stable;
    QLineSeries *m_threshold;
    QScatterSeries *m_breaches;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;

    QString m_title;
    QString m_unit;
    QList<QPointF> m_newPoints;
    QList<QPointF> m_stablePoints;
    QList<QPointF> m_breachPoints;
    std::optional<double> m_thresholdValue;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    int m_decimatedWidth = 0;
    int m_dirty = 0;
    int m_batchDepth = 0;
    double m_newTop = 0; // the highest value drawn, in the displayed unit
    double m_stableTop = 0;
};

} // namespace gl::ui
