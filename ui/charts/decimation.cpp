#include "decimation.h"

#include <algorithm>
#include <cmath>

namespace gl::ui {

QList<QPointF> decimateMinMax(const QList<QPointF> &points, int buckets)
{
    buckets = std::max(buckets, 1);
    QList<QPointF> finite;
    const QList<QPointF> *input = &points;
    if (std::any_of(points.cbegin(), points.cend(), [](const QPointF &p) { return !std::isfinite(p.y()); })) {
        finite.reserve(points.size());
        for (const QPointF &p : points) {
            if (std::isfinite(p.y()))
                finite.append(p);
        }
        input = &finite;
    }
    if (input->size() <= qsizetype(buckets) * 2)
        return *input;

    const double x0 = input->first().x();
    const double span = input->last().x() - x0;
    QList<QPointF> out;
    out.reserve(qsizetype(buckets) * 2);
    qsizetype i = 0;
    const qsizetype n = input->size();
    while (i < n) {
        // The bucket of point i, and the points that share it.
        const int bucket = span > 0 ? std::min(int((input->at(i).x() - x0) / span * buckets), buckets - 1) : 0;
        qsizetype lowest = i;
        qsizetype highest = i;
        ++i;
        while (i < n) {
            const int b = span > 0 ? std::min(int((input->at(i).x() - x0) / span * buckets), buckets - 1) : 0;
            if (b != bucket)
                break;
            if (input->at(i).y() < input->at(lowest).y())
                lowest = i;
            if (input->at(i).y() > input->at(highest).y())
                highest = i;
            ++i;
        }
        out.append(input->at(std::min(lowest, highest)));
        if (lowest != highest)
            out.append(input->at(std::max(lowest, highest)));
    }
    return out;
}

} // namespace gl::ui
