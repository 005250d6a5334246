#pragma once

#include "runbooks/runbooklibrary.h"
#include "runbooks/runbooksession.h"
#include "util/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gl {

// What a facilitator enters to start a DR drill.
struct DrillSetup {
    QString scenario; // "Primary database host lost in zone A"
    QStringList participants;
    qint64 rtoTargetSeconds = -1; // -1: take the runbook's target
    qint64 rpoTargetSeconds = -1;
};

// One entry of a drill's timeline.
struct DrillEvent {
    enum class Kind { Started, Step, Incident, Note, RestorePoint, ServiceRestored, Ended };
    int seq = 0;
    Kind kind = Kind::Note;
    QDateTime at;
    qint64 elapsedMs = 0; // on the drill clock
    int step = -1; // 0-based, for Step events
    StepStatus status = StepStatus::Pending; // for Step events
    QString text;
};

[[nodiscard]] QString drillEventKindKey(DrillEvent::Kind kind);

// A drill as stored: its setup, times and timeline.
struct DrillRecord {
    qint64 id = 0;
    QString runbookId;
    QString runbookTitle;
    int version = 0;
    qint64 sessionId = 0;
    QString scenario;
    QStringList participants;
    qint64 rtoTargetSeconds = 0; // 0: no target
    qint64 rpoTargetSeconds = 0;
    QDateTime startedAt; // the simulated failure: the drill clock's zero
    QDateTime endedAt;
    QDateTime serviceRestoredAt; // when the service was declared restored (the end of the drill if never)
    QDateTime restorePoint; // the point in time the restored data reaches
    QList<DrillEvent> events;

    [[nodiscard]] bool isEnded() const { return endedAt.isValid(); }
    // Restored (or ended) minus started; std::nullopt while the service is not restored and the drill runs.
    [[nodiscard]] std::optional<qint64> measuredRtoSeconds() const;
    // Started minus the restore point: the data lost; std::nullopt without a restore point.
    [[nodiscard]] std::optional<qint64> measuredRpoSeconds() const;
};

// A disaster-recovery drill: a step-through of a runbook with a drill clock, a timestamped event per step,
// incident markers, and at the end the measured RTO and RPO against the targets. Everything is written to the
// profile database as it happens, and every timeline event also to the library's audit log (drill.start,
// drill.step, drill.incident, drill.note, drill.restore-point, drill.service-restored, drill.end; subject
// "drill:<id>"); time comes from the library's clock.
class Drill final {
public:
    [[nodiscard]] static Result<Drill> start(
        RunbookLibrary &library, const QString &runbookId, const DrillSetup &setup);
    [[nodiscard]] static Result<Drill> load(RunbookLibrary &library, qint64 drillId);
    // Every drill of a runbook, newest first (events not loaded).
    [[nodiscard]] static Result<QList<DrillRecord>> history(RunbookLibrary &library, const QString &runbookId);
    // The drill of a runbook still running, if any.
    [[nodiscard]] static Result<std::optional<qint64>> running(RunbookLibrary &library, const QString &runbookId);

    [[nodiscard]] const DrillRecord &record() const { return m_record; }
    [[nodiscard]] RunbookSession &session() { return m_session; }
    [[nodiscard]] const RunbookSession &session() const { return m_session; }
    // The drill clock: ms since the start (frozen at the end).
    [[nodiscard]] qint64 clockMs() const;

    // Marks the current step (see RunbookSession::complete) and timestamps it on the timeline.
    [[nodiscard]] Status completeStep(StepStatus status);
    [[nodiscard]] Status markIncident(const QString &text);
    [[nodiscard]] Status addNote(const QString &text);
    // The point in time the restored data reaches (for the measured RPO).
    [[nodiscard]] Status setRestorePoint(const QDateTime &restorePoint);
    // The service works again: the measured RTO stops here.
    [[nodiscard]] Status markServiceRestored();
    // Ends the drill (and its step-through). Without markServiceRestored() the RTO is measured up to here.
    [[nodiscard]] Status end();

private:
    Drill(RunbookLibrary &library, RunbookSession session, DrillRecord record);
    [[nodiscard]] Status addEvent(DrillEvent event);
    [[nodiscard]] QJsonObject auditDetail(const DrillEvent &event) const;
    [[nodiscard]] Status saveRecord();

    RunbookLibrary *m_library;
    RunbookSession m_session;
    DrillRecord m_record;
};

} // namespace gl
