#pragma once

#include <QDateTime>
#include <QElapsedTimer>

namespace gl {

// Where time comes from. Injected everywhere time matters so tests can move it by hand.
class Clock {
public:
    virtual ~Clock() = default;
    // Wall-clock time in UTC.
    [[nodiscard]] virtual QDateTime now() const = 0;
    // Milliseconds on a monotonic clock with an arbitrary origin; never jumps backwards.
    [[nodiscard]] virtual qint64 monotonicMs() const = 0;
};

class SystemClock final : public Clock {
public:
    SystemClock();
    [[nodiscard]] QDateTime now() const override;
    [[nodiscard]] qint64 monotonicMs() const override;

    // A process-wide system clock for code that has not been handed one.
    static Clock &instance();

private:
    QElapsedTimer m_timer;
};

// A clock that only moves when told to; for tests and replays.
class ManualClock final : public Clock {
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
    [[nodiscard]] QDateTime now() const override;
    [[nodiscard]] qint64 monotonicMs() const override;

    void advance(qint64 ms);
    // Moves wall-clock time only (a clock jump); monotonic time is unaffected.
    void setNow(const QDateTime &now);

private:
    QDateTime m_now;
    qint64 m_monotonic = 0;
};

} // namespace gl
