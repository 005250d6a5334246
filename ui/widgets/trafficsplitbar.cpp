#include "trafficsplitbar.h"

#include "rolloutlistmodel.h"

#include <QPainter>
#include <QPainterPath>

namespace gl::ui {

TrafficSplitBar::TrafficSplitBar(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void TrafficSplitBar::setSplit(
    const QString &stableVersion, const QString &newVersion, double actualShare, double desiredShare)
{
    if (stableVersion == m_stable && newVersion == m_new && actualShare == m_actual && desiredShare == m_desired)
        return;
    m_stable = stableVersion;
    m_new = newVersion;
    m_actual = actualShare;
    m_desired = desiredShare;
    setAccessibleDescription(summary());
    setToolTip(summary());
    update();
}

void TrafficSplitBar::clear()
{
    setSplit({}, {}, -1, -1);
}

QString TrafficSplitBar::summary() const
{
    if (m_new.isEmpty())
        return tr("No rollout");
    if (m_actual < 0)
        return tr("Traffic split unknown (HAProxy not read yet); desired %1 on %2")
            .arg(RolloutListModel::shareText(m_desired), m_new);
    return tr("%1 %2 · %3 %4 (desired %5)")
        .arg(m_stable.isEmpty() ? tr("stable") : m_stable, RolloutListModel::shareText(100 - m_actual), m_new,
            RolloutListModel::shareText(m_actual), RolloutListModel::shareText(m_desired));
}

QSize TrafficSplitBar::sizeHint() const
{
    return {320, fontMetrics().height() * 2 + 8};
}

QSize TrafficSplitBar::minimumSizeHint() const
{
    return {120, sizeHint().height()};
}

void TrafficSplitBar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const QFontMetrics fm = fontMetrics();
    const QRectF bar = QRectF(rect()).adjusted(1, 1, -1, -1 - fm.height() * 0.4);
    const qreal radius = qMin<qreal>(6, bar.height() / 3);
    QPainterPath clip;
    clip.addRoundedRect(bar, radius, radius);

    if (m_new.isEmpty() || m_actual < 0) {
        p.setPen(QPen(pal.color(QPalette::Mid), 1, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawPath(clip);
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(bar, Qt::AlignCenter, summary());
        return;
    }
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    const QColor stableColour = dark ? QColor(0x42, 0x6b, 0x9a) : QColor(0x90, 0xb4, 0xdc);
    const QColor newColour = dark ? QColor(0x3f, 0x8f, 0x4a) : QColor(0x7c, 0xc4, 0x84);
    const QColor text = dark ? QColor(Qt::white) : QColor(0x10, 0x10, 0x10);
    const qreal split = bar.left() + bar.width() * (100.0 - qBound(0.0, m_actual, 100.0)) / 100.0;

    p.save();
    p.setClipPath(clip);
    p.fillRect(QRectF(bar.topLeft(), QPointF(split, bar.bottom())), stableColour);
    p.fillRect(QRectF(QPointF(split, bar.top()), bar.bottomRight()), newColour);
    p.restore();
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.setBrush(Qt::NoBrush);
    p.drawPath(clip);

    p.setPen(text);
    const QString left
        = tr("%1 %2").arg(m_stable.isEmpty() ? tr("stable") : m_stable, RolloutListModel::shareText(100 - m_actual));
    const QString right = tr("%1 %2").arg(m_new, RolloutListModel::shareText(m_actual));
    const QRectF leftRect(bar.left() + 6, bar.top(), qMax<qreal>(0, split - bar.left() - 8), bar.height());
    const QRectF rightRect(split + 6, bar.top(), qMax<qreal>(0, bar.right() - split - 12), bar.height());
    // A label that does not fit its part goes to the other side's edge.
    if (fm.horizontalAdvance(left) <= leftRect.width())
        p.drawText(leftRect, Qt::AlignVCenter | Qt::AlignLeft, left);
    else
        p.drawText(bar.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignLeft, left);
    if (fm.horizontalAdvance(right) <= rightRect.width())
        p.drawText(rightRect, Qt::AlignVCenter | Qt::AlignRight, right);
    else
        p.drawText(bar.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignRight, right);

    // Desired share: a tick below the bar.
    if (m_desired >= 0) {
        const qreal x = bar.left() + bar.width() * (100.0 - qBound(0.0, m_desired, 100.0)) / 100.0;
        QPainterPath tick;
        const qreal s = fm.height() * 0.4;
        tick.moveTo(x, bar.bottom() - 1);
        tick.lineTo(x - s * 0.6, bar.bottom() + s);
        tick.lineTo(x + s * 0.6, bar.bottom() + s);
        tick.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(pal.color(QPalette::WindowText));
        p.drawPath(tick);
    }
}

} // namespace gl::ui
