#pragma once

#include "runbooks/runbook.h"
#include "runbooks/runbooklibrary.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace gl {

enum class StepStatus { Pending, Done, Skipped, Failed };

[[nodiscard]] QString stepStatusKey(StepStatus status); // "pending", "done", "skipped", "failed"
[[nodiscard]] StepStatus stepStatusFromKey(const QString &key);
[[nodiscard]] QString stepStatusText(StepStatus status); // translated

// Where one step of a session stands.
struct StepProgress {
    StepStatus status = StepStatus::Pending;
    QDateTime startedAt; // when it first became the current step; invalid if never
    QDateTime finishedAt; // when it was marked done, skipped or failed
    QString note;
    QList<bool> checklist; // one per checklist item of the step
};

// Stepping through one runbook, one step at a time. Every change is written to the profile database as it
// happens, so a session resumed after the app was killed stands at the same step with the same notes and
// checks. A session keeps the runbook version it started with, whatever later syncs import.
//
// Time comes from the library's clock; a step's timer runs from the moment it became current (wall clock, so
// it keeps counting across a restart) until it is marked. A step-through (not a drill) that finishes is recorded
// in the library's audit log (runbook.stepthrough.complete, subject "runbook:<id>").
class RunbookSession final {
public:
    [[nodiscard]] static Result<RunbookSession> start(
        RunbookLibrary &library, const QString &runbookId, std::optional<qint64> drillId = std::nullopt);
    [[nodiscard]] static Result<RunbookSession> resume(RunbookLibrary &library, qint64 sessionId);
    // The most recent unfinished step-through (not a drill) of a runbook, if any.
    [[nodiscard]] static Result<std::optional<qint64>> openSession(RunbookLibrary &library, const QString &runbookId);
    // The most recently started unfinished session of any runbook (step-through or drill), if any: what the
    // console reopens after a restart.
    [[nodiscard]] static Result<std::optional<qint64>> latestOpen(RunbookLibrary &library);

    [[nodiscard]] qint64 id() const { return m_id; }
    [[nodiscard]] const Runbook &runbook() const { return m_runbook; }
    [[nodiscard]] std::optional<qint64> drillId() const { return m_drillId; }
    [[nodiscard]] int stepCount() const { return int(m_progress.size()); }
    [[nodiscard]] int currentStep() const { return m_current; } // 0-based
    [[nodiscard]] const StepProgress &progress(int step) const { return m_progress.at(step); }
    [[nodiscard]] QDateTime startedAt() const { return m_startedAt; }
    [[nodiscard]] QDateTime finishedAt() const { return m_finishedAt; }
    [[nodiscard]] bool isFinished() const { return m_finishedAt.isValid(); }
    // How long a step has taken so far (or took), in ms; 0 if it never started.
    [[nodiscard]] qint64 stepElapsedMs(int step) const;
    [[nodiscard]] int countWith(StepStatus status) const;

    [[nodiscard]] Status setChecked(int step, int item, bool checked);
    [[nodiscard]] Status setNote(int step, const QString &note);
    // Marks the current step and moves to the next step that is still pending (starting its timer). When no
    // step is pending any more the session is finished.
    [[nodiscard]] Status complete(StepStatus status);
    // Makes `step` the current one (starting its timer if it never ran). Marked steps may be revisited.
    [[nodiscard]] Status goTo(int step);
    [[nodiscard]] Status finish();

private:
    RunbookSession(RunbookLibrary &library, Runbook runbook);
    [[nodiscard]] Status saveStep(int step);
    [[nodiscard]] Status saveSession();
    // Appends runbook.stepthrough.complete to the library's audit log (not for a drill's session).
    [[nodiscard]] Status auditCompletion();

    RunbookLibrary *m_library = nullptr;
    Runbook m_runbook;
    qint64 m_id = 0;
    std::optional<qint64> m_drillId;
    int m_current = 0;
    QDateTime m_startedAt;
    QDateTime m_finishedAt;
    QList<StepProgress> m_progress;
};

} // namespace gl
