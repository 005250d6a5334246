#include "steptimeline.h"

#include "rolloutlistmodel.h"

#include <QPainter>
#include <QPainterPath>

namespace gl::ui {

namespace {

QColor doneColour(const QPalette &palette)
{
    // Green that stays readable on light and dark windows.
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(0x66, 0xbb, 0x6a) : QColor(0x2e, 0x7d, 0x32);
}

} // namespace

StepTimeline::StepTimeline(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void StepTimeline::setSteps(const QList<RolloutSession::StepInfo> &steps, double actualShare)
{
    bool same = steps.size() == m_steps.size() && actualShare == m_actual;
    for (int i = 0; same && i < steps.size(); ++i)
        same = steps.at(i).percent == m_steps.at(i).percent && steps.at(i).status == m_steps.at(i).status
            && steps.at(i).pause == m_steps.at(i).pause;
    if (same)
        return;
    m_steps = steps;
    m_actual = actualShare;
    setAccessibleDescription(summary());
    setToolTip(summary());
    update();
}

void StepTimeline::clear()
{
    setSteps({}, -1);
}

int StepTimeline::currentStep() const
{
    for (const auto &step : m_steps) {
        if (step.status == RolloutSession::StepInfo::Status::Current)
            return step.index;
    }
    return -1;
}

QString StepTimeline::summary() const
{
    QStringList parts;
    for (const auto &step : m_steps) {
        const QString share = RolloutListModel::shareText(step.percent);
        switch (step.status) {
        case RolloutSession::StepInfo::Status::Done:
            parts << tr("%1 done").arg(share);
            break;
        case RolloutSession::StepInfo::Status::Current:
            parts << tr("%1 current (actual %2)").arg(share, RolloutListModel::shareText(m_actual));
            break;
        case RolloutSession::StepInfo::Status::Pending:
            parts << tr("%1 pending").arg(share);
            break;
        case RolloutSession::StepInfo::Status::Skipped:
            parts << tr("%1 skipped").arg(share);
            break;
        }
    }
    return parts.join(QStringLiteral(" · "));
}

QSize StepTimeline::sizeHint() const
{
    return {qMax(240, int(m_steps.size()) * 90), fontMetrics().height() * 4 + 8};
}

QSize StepTimeline::minimumSizeHint() const
{
    return {120, sizeHint().height()};
}

void StepTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const QFontMetrics fm = fontMetrics();
    if (m_steps.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No traffic steps"));
        return;
    }
    const qreal radius = fm.height() * 0.45;
    const qreal margin = qMax<qreal>(radius + 2, fm.horizontalAdvance(QStringLiteral("100 %")) / 2.0 + 4);
    const qreal y = radius + 4;
    const qreal left = margin;
    const qreal right = width() - margin;
    const int n = int(m_steps.size());
    const auto xAt = [&](int i) { return n == 1 ? (left + right) / 2 : left + (right - left) * i / (n - 1); };
    const QColor done = doneColour(pal);
    const QColor current = pal.color(QPalette::Highlight);
    const QColor pending = pal.color(QPalette::Mid);

    // The line: done part in the done colour.
    int lastDone = -1;
    for (const auto &step : m_steps) {
        if (step.status == RolloutSession::StepInfo::Status::Done
            || step.status == RolloutSession::StepInfo::Status::Skipped)
            lastDone = step.index;
    }
    const qreal lineWidth = qMax<qreal>(2.0, radius / 3);
    p.setPen(QPen(pending, lineWidth, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(QPointF(xAt(0), y), QPointF(xAt(n - 1), y));
    if (lastDone > 0) {
        p.setPen(QPen(done, lineWidth, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(xAt(0), y), QPointF(xAt(qMin(lastDone + 1, n - 1)), y));
    }

    QFont bold = font();
    bold.setBold(true);
    for (int i = 0; i < n; ++i) {
        const auto &step = m_steps.at(i);
        const QPointF centre(xAt(i), y);
        const QString share = RolloutListModel::shareText(step.percent);
        QString below;
        p.setFont(font());
        switch (step.status) {
        case RolloutSession::StepInfo::Status::Done:
            p.setPen(Qt::NoPen);
            p.setBrush(done);
            p.drawEllipse(centre, radius, radius);
            p.setPen(QPen(pal.color(QPalette::Base), lineWidth * 0.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.drawPolyline(QPolygonF({centre + QPointF(-radius * 0.45, 0),
                centre + QPointF(-radius * 0.1, radius * 0.35), centre + QPointF(radius * 0.5, -radius * 0.35)}));
            break;
        case RolloutSession::StepInfo::Status::Current:
            p.setPen(QPen(current, lineWidth));
            p.setBrush(pal.color(QPalette::Base));
            p.drawEllipse(centre, radius, radius);
            p.setPen(Qt::NoPen);
            p.setBrush(current);
            p.drawEllipse(centre, radius * 0.5, radius * 0.5);
            p.setFont(bold);
            below = tr("actual %1").arg(RolloutListModel::shareText(m_actual));
            break;
        case RolloutSession::StepInfo::Status::Pending:
        case RolloutSession::StepInfo::Status::Skipped:
            p.setPen(QPen(pending, lineWidth));
            p.setBrush(pal.color(QPalette::Base));
            p.drawEllipse(centre, radius, radius);
            if (step.status == RolloutSession::StepInfo::Status::Skipped)
                below = tr("skipped");
            break;
        }
        if (below.isEmpty() && !step.pause.isEmpty() && step.pause != u"none")
            below = step.pause == u"gate" ? tr("gate") : step.pause == u"analysis" ? tr("analysis") : step.pause;
        const qreal cell = n == 1 ? width() : (right - left) / (n - 1);
        const QRectF labelRect(centre.x() - cell / 2, y + radius + 2, cell, fm.height());
        p.setPen(step.status == RolloutSession::StepInfo::Status::Pending ? pal.color(QPalette::PlaceholderText)
                                                                          : pal.color(QPalette::WindowText));
        p.drawText(labelRect, Qt::AlignHCenter | Qt::AlignTop, share);
        if (!below.isEmpty()) {
            p.setFont(font());
            p.setPen(step.status == RolloutSession::StepInfo::Status::Current ? current
                                                                              : pal.color(QPalette::PlaceholderText));
            p.drawText(labelRect.translated(0, fm.height()), Qt::AlignHCenter | Qt::AlignTop,
                fm.elidedText(below, Qt::ElideRight, int(cell)));
        }
    }
}

} // namespace gl::ui
