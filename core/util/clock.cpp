#include "clock.h"

namespace gl {

SystemClock::SystemClock()
{
    m_timer.start();
}

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicMs() const
{
    return m_timer.elapsed();
}

Clock &SystemClock::instance()
{
    static SystemClock clock;
    return clock;
}

ManualClock::ManualClock(QDateTime start)
    : m_now(std::move(start).toUTC())
{ }

QDateTime ManualClock::now() const
{
    return m_now;
}

qint64 ManualClock::monotonicMs() const
{
    return m_monotonic;
}

void ManualClock::advance(qint64 ms)
{
    m_now = m_now.addMSecs(ms);
    m_monotonic += ms;
}

void ManualClock::setNow(const QDateTime &now)
{
    m_now = now.toUTC();
}

} // namespace gl
