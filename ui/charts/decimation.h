#pragma once

#include <QList>
#include <QPointF>

namespace gl::ui {

// Min/max decimation for line charts: splits the x range of `points` (sorted by x) into `buckets` equal
// buckets (one per pixel of the plot) and keeps, per bucket, its lowest and its highest point in x order (one
// point when they are the same). A spike inside a pixel survives: the drawn line spans the same vertical
// extent in every pixel column as the full series'. Points whose y is NaN or infinite are dropped. At most
// 2 x `buckets` points; the input is returned unchanged (less non-finite points) when it is not larger than
// that. `buckets` < 1 is taken as 1.
[[nodiscard]] QList<QPointF> decimateMinMax(const QList<QPointF> &points, int buckets);

} // namespace gl::ui
