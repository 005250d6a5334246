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

namespace {

struct Geometry {
    qreal radius = 0;
    qreal y = 0;
    qreal left = 0;
    qreal right = 0;
    int n = 0;
    [[nodiscard]] qreal xAt(int i) const { return n == 1 ? (left + right) / 2 : left + (right - left) * i / (n - 1); }
    // The room one label has: the distance to the neighbouring steps (a little less, so labels never touch).
    [[nodiscard]] qreal cell(qreal width) const { return n == 1 ? width : (right - left) / (n - 1) - 6; }
};

Geometry geometryOf(const QFontMetricsF &fm, qreal width, int n)
{
    Geometry g;
    g.n = n;
    g.radius = fm.height() * 0.45;
    g.y = g.radius + 4;
    // The first and last dots sit far enough in that a short label ("100 %") centres under them; longer
    // labels are shifted inwards by labels() instead of being clipped at the edge.
    const qreal margin = qMax<qreal>(g.radius + 2, fm.horizontalAdvance(QStringLiteral("100 %")) / 2.0 + 4);
    g.left = margin;
    g.right = width - margin;
    return g;
}

} // namespace

QList<StepTimeline::Label> StepTimeline::labels() const
{
    QList<Label> result;
    const int n = int(m_steps.size());
    if (n == 0)
        return result;
    const QFontMetricsF fm(font());
    QFont boldFont = font();
    boldFont.setBold(true);
    const QFontMetricsF bold(boldFont);
    const qreal w = width();
    const Geometry g = geometryOf(fm, w, n);
    const qreal cell = qMax<qreal>(fm.horizontalAdvance(QStringLiteral("…")) + 2, g.cell(w));
    const qreal top = g.y + g.radius + 2;
    // Centred under the dot, then moved inside [0, width]; the first label may use the room left of the
    // first dot and the last the room right of the last one.
    const auto place = [&](int i, const QString &text, const QFontMetricsF &metrics, qreal y, bool below) {
        const qreal centre = g.xAt(i);
        qreal room = cell;
        if (n > 1 && (i == 0 || i == n - 1))
            room = qMin<qreal>(w, cell / 2 + (i == 0 ? centre : w - centre));
        const QString shown = metrics.elidedText(text, Qt::ElideRight, room);
        const qreal textWidth = qMin(room, metrics.horizontalAdvance(shown)) + 1;
        qreal x = centre - textWidth / 2;
        if (n > 1 && i == 0)
            x = qMin(x, centre + cell / 2 - textWidth); // stay clear of the second label
        if (n > 1 && i == n - 1)
            x = qMax(x, centre - cell / 2);
        x = qBound<qreal>(0, x, qMax<qreal>(0, w - textWidth));
        result << Label {QRectF(x, y, textWidth, metrics.height()), shown, i, below};
    };
    for (int i = 0; i < n; ++i) {
        const auto &step = m_steps.at(i);
        const bool current = step.status == RolloutSession::StepInfo::Status::Current;
        place(i, RolloutListModel::shareText(step.percent), current ? bold : fm, top, false);
        QString below;
        if (current)
            below = tr("actual %1").arg(RolloutListModel::shareText(m_actual));
        else if (step.status == RolloutSession::StepInfo::Status::Skipped)
            below = tr("skipped");
        else if (!step.pause.isEmpty() && step.pause != u"none")
            below = step.pause == u"gate" ? tr("gate") : step.pause == u"analysis" ? tr("analysis") : step.pause;
        if (!below.isEmpty())
            place(i, below, fm, top + fm.height(), true);
    }
    return result;
}

void StepTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    if (m_steps.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No traffic steps"));
        return;
    }
    const Geometry g = geometryOf(QFontMetricsF(font()), width(), int(m_steps.size()));
    const qreal radius = g.radius;
    const qreal y = g.y;
    const int n = g.n;
    const QColor done = doneColour(pal);
    const QColor currentColour = pal.color(QPalette::Highlight);
    const QColor pending = pal.color(QPalette::Mid);

    // The line: done part in the done colour, up to the current step (skipped steps were never reached).
    int lastDone = -1;
    for (const auto &step : m_steps) {
        if (step.status == RolloutSession::StepInfo::Status::Done)
            lastDone = step.index;
    }
    const int current = currentStep();
    const qreal lineWidth = qMax<qreal>(2.0, radius / 3);
    p.setPen(QPen(pending, lineWidth, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(QPointF(g.xAt(0), y), QPointF(g.xAt(n - 1), y));
    const int doneUpTo = current > lastDone ? current : lastDone;
    if (doneUpTo > 0) {
        p.setPen(QPen(done, lineWidth, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(g.xAt(0), y), QPointF(g.xAt(qMin(doneUpTo, n - 1)), y));
    }

    for (int i = 0; i < n; ++i) {
        const auto &step = m_steps.at(i);
        const QPointF centre(g.xAt(i), y);
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
            p.setPen(QPen(currentColour, lineWidth));
            p.setBrush(pal.color(QPalette::Base));
            p.drawEllipse(centre, radius, radius);
            p.setPen(Qt::NoPen);
            p.setBrush(currentColour);
            p.drawEllipse(centre, radius * 0.5, radius * 0.5);
            break;
        case RolloutSession::StepInfo::Status::Pending:
        case RolloutSession::StepInfo::Status::Skipped:
            p.setPen(QPen(pending, lineWidth));
            p.setBrush(pal.color(QPalette::Base));
            p.drawEllipse(centre, radius, radius);
            break;
        }
    }

    QFont bold = font();
    bold.setBold(true);
    const QList<Label> texts = labels();
    for (const Label &label : texts) {
        const auto status = m_steps.at(label.step).status;
        const bool isCurrent = status == RolloutSession::StepInfo::Status::Current;
        p.setFont(isCurrent && !label.below ? bold : font());
        if (label.below)
            p.setPen(isCurrent ? currentColour : pal.color(QPalette::PlaceholderText));
        else
            p.setPen(status == RolloutSession::StepInfo::Status::Pending ? pal.color(QPalette::PlaceholderText)
                                                                         : pal.color(QPalette::WindowText));
        p.drawText(label.rect, Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine, label.text);
    }
}

} // namespace gl::ui
