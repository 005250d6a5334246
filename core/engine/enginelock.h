#pragma once

#include "storage/statestore.h"
#include "util/clock.h"
#include "util/result.h"

#include <QString>

#include <optional>

namespace gl {

// Who drives an environment: one row in the state database's engine_lock table with an owner token, a PID,
// a host and a heartbeat. An engine takes the lock when there is none, when the holder's heartbeat is older
// than staleAfterMs() (a SIGKILLed engine), or at once when the holder is a dead process on this host.
class EngineLock final {
public:
    static constexpr qint64 DefaultStaleAfterMs = 3000;

    struct Holder {
        QString owner;
        qint64 pid = 0;
        QString host;
        QString acquiredAt;
        qint64 heartbeatMs = 0;
    };

    EngineLock(StateStore &store, const Clock &clock, QString owner = {});

    void setStaleAfter(qint64 ms) { m_staleAfterMs = ms; }
    [[nodiscard]] qint64 staleAfterMs() const { return m_staleAfterMs; }
    [[nodiscard]] const QString &owner() const { return m_owner; }

    // Takes the lock; Locked (naming the holder) when a live engine holds it.
    [[nodiscard]] Status acquire();
    // Renews the heartbeat; Locked when another engine took the lock over (this one must stop driving).
    [[nodiscard]] Status heartbeat();
    void release();

    // The current holder, if the lock is held by a live engine (fresh heartbeat).
    [[nodiscard]] Result<std::optional<Holder>> liveHolder() const;

private:
    [[nodiscard]] bool isStale(const Holder &holder) const;

    StateStore &m_store;
    const Clock &m_clock;
    QString m_owner;
    qint64 m_staleAfterMs = DefaultStaleAfterMs;
};

} // namespace gl
