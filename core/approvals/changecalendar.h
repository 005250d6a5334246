#pragma once

#include "model/approvalsconfig.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace gl {

// Whether a start or promotion may happen at a given moment.
struct CalendarVerdict {
    bool allowed = true;
    bool outsideWindow = false;
    QString freeze; // name of the freeze in force, empty when none
    QString reason; // one line for the user when not allowed
};

// The change windows and freezes of an environment, evaluated in its named time zone (QTimeZone, so a
// window of 09:00-17:00 Europe/Berlin stays 09:00-17:00 local across the DST changes). Windows list when
// changes are allowed (none listed: any time); freezes block even inside a window. Overriding is not decided
// here: RolloutPolicy accepts a signed override with a reason and the override quorum.
class ChangeCalendar final {
public:
    explicit ChangeCalendar(ChangeCalendarConfig config);

    [[nodiscard]] CalendarVerdict check(const QDateTime &moment) const;
    [[nodiscard]] const ChangeCalendarConfig &config() const { return m_config; }

private:
    [[nodiscard]] bool inFreeze(const Freeze &freeze, const QDateTime &moment, const QDateTime &local) const;

    ChangeCalendarConfig m_config;
    QTimeZone m_zone;
};

} // namespace gl
