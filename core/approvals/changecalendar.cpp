#include "changecalendar.h"

#include <QCoreApplication>

namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::Approvals)
};

int minuteOfWeek(int day, const QTime &time)
{
    return (day - 1) * 1440 + time.hour() * 60 + time.minute();
}

} // namespace

ChangeCalendar::ChangeCalendar(ChangeCalendarConfig config)
    : m_config(std::move(config))
    , m_zone(m_config.timeZone)
{
    if (!m_zone.isValid())
        m_zone = QTimeZone::utc();
}

bool ChangeCalendar::inFreeze(const Freeze &freeze, const QDateTime &moment, const QDateTime &local) const
{
    switch (freeze.kind) {
    case Freeze::Kind::OneOff:
        return freeze.from.isValid() && freeze.to.isValid() && freeze.from <= moment && moment < freeze.to;
    case Freeze::Kind::Weekly: {
        const int now = minuteOfWeek(local.date().dayOfWeek(), local.time());
        const int start = minuteOfWeek(freeze.fromDay, freeze.fromTime);
        const int end = minuteOfWeek(freeze.toDay, freeze.toTime);
        return start < end ? (now >= start && now < end) : (now >= start || now < end);
    }
    case Freeze::Kind::Yearly: {
        const int now = local.date().month() * 100 + local.date().day();
        const int start = freeze.fromMonth * 100 + freeze.fromMonthDay;
        const int end = freeze.toMonth * 100 + freeze.toMonthDay;
        return start < end ? (now >= start && now < end) : (now >= start || now < end);
    }
    }
    return false;
}

CalendarVerdict ChangeCalendar::check(const QDateTime &moment) const
{
    CalendarVerdict verdict;
    const QDateTime local = moment.toTimeZone(m_zone);
    for (const Freeze &freeze : m_config.freezes) {
        if (inFreeze(freeze, moment, local)) {
            verdict.allowed = false;
            verdict.freeze = freeze.name;
            verdict.reason = Tr::tr("Changes are frozen (%1) at %2 %3.")
                                 .arg(freeze.name, local.toString(QStringLiteral("ddd yyyy-MM-dd HH:mm")),
                                     QString::fromUtf8(m_zone.id()));
            return verdict;
        }
    }
    if (m_config.windows.isEmpty())
        return verdict;
    const int day = local.date().dayOfWeek();
    const QTime time = local.time();
    for (const ChangeWindow &window : m_config.windows) {
        if (window.days.contains(day) && time >= window.from && (!window.to.isValid() || time < window.to))
            return verdict;
    }
    verdict.allowed = false;
    verdict.outsideWindow = true;
    verdict.reason = Tr::tr("%1 %2 is outside the change windows.")
                         .arg(local.toString(QStringLiteral("ddd yyyy-MM-dd HH:mm")), QString::fromUtf8(m_zone.id()));
    return verdict;
}

} // namespace gl
