#pragma once

#include "audit/auditlog.h"
#include "engine/enginelock.h"
#include "util/clock.h"
#include "util/result.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>

namespace gl {

class RolloutSession;

// What one process believes about an environment, written as JSON to a file once a second: the console's hidden
// `--state-report FILE` option (docs/integrity.md). Multi-process tests compare it with what greenlightctl and
// the engine say, so it reads everything through this process's own long-lived connections: the session's state
// database connection (latest rollout, engine lock) and an audit log connection opened once and kept (head seq).
// A process whose connections were split from the files the others use reports a different truth.
//
// The file is replaced atomically (QSaveFile), so a reader never sees half a report:
//   {"pid": 4242, "writtenAt": "...Z", "environment": "/path/env.yaml",
//    "engine": {"drives": true, "holderPid": 4242, "holder": "..."},
//    "rollout": {"id": 3, "revision": 41, "state": "running", "stepIndex": 2, "stepCount": 5,
//                "desiredShare": 50, "pauseReason": "none"} | null,
//    "auditHeadSeq": 57, "errors": ["..."]}
class SessionStateReport final : public QObject {
    Q_OBJECT
public:
    SessionStateReport(RolloutSession &session, QString path, const Clock &clock, QObject *parent = nullptr);
    ~SessionStateReport() override;

    // Writes a report now and then every `intervalMs`.
    void start(int intervalMs = 1000);
    void stop();
    // The report as it would be written now.
    [[nodiscard]] QJsonObject snapshot();
    // Writes snapshot() to the file (atomically).
    Status write();

private:
    RolloutSession &m_session;
    QString m_path;
    const Clock &m_clock;
    QTimer m_timer;
    std::unique_ptr<EngineLock> m_lock; // only to read the holder, over the session's connection
    std::optional<AuditLog> m_audit;
};

} // namespace gl
