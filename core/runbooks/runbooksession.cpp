#include "runbooksession.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace gl {
namespace {

// The translation context of this file's messages; lupdate reads it from Q_DECLARE_TR_FUNCTIONS.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::RunbookSession)
};

QString iso(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromIso(const QVariant &value)
{
    if (value.isNull() || value.toString().isEmpty())
        return {};
    QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return at;
}

QString checklistText(const QList<bool> &checks)
{
    QString text;
    for (bool checked : checks)
        text += checked ? u'1' : u'0';
    return text;
}

} // namespace

QString stepStatusKey(StepStatus status)
{
    switch (status) {
    case StepStatus::Pending:
        return QStringLiteral("pending");
    case StepStatus::Done:
        return QStringLiteral("done");
    case StepStatus::Skipped:
        return QStringLiteral("skipped");
    case StepStatus::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("pending");
}

StepStatus stepStatusFromKey(const QString &key)
{
    if (key == u"done")
        return StepStatus::Done;
    if (key == u"skipped")
        return StepStatus::Skipped;
    if (key == u"failed")
        return StepStatus::Failed;
    return StepStatus::Pending;
}

QString stepStatusText(StepStatus status)
{
    switch (status) {
    case StepStatus::Pending:
        return Tr::tr("pending");
    case StepStatus::Done:
        return Tr::tr("done");
    case StepStatus::Skipped:
        return Tr::tr("skipped");
    case StepStatus::Failed:
        return Tr::tr("failed");
    }
    return {};
}

RunbookSession::RunbookSession(RunbookLibrary &library, Runbook runbook)
    : m_library(&library)
    , m_runbook(std::move(runbook))
{
    for (const RunbookStep &step : std::as_const(m_runbook.steps)) {
        StepProgress progress;
        progress.checklist = QList<bool>(step.checklist.size(), false);
        m_progress << progress;
    }
}

Result<RunbookSession> RunbookSession::start(
    RunbookLibrary &library, const QString &runbookId, std::optional<qint64> drillId)
{
    Result<Runbook> runbook = library.runbook(runbookId);
    if (!runbook)
        return runbook.error();
    RunbookSession session(library, std::move(runbook).value());
    session.m_drillId = drillId;
    session.m_startedAt = library.clock().now().toUTC();
    session.m_progress[0].startedAt = session.m_startedAt;
    const Status status = library.database().transaction([&]() -> Status {
        const auto insert = library.database().exec(
            QStringLiteral("INSERT INTO runbook_sessions (runbook_id, version, started_at, current_step, drill_id)"
                           " VALUES (?, ?, ?, 0, ?)"),
            {runbookId, session.m_runbook.version, iso(session.m_startedAt),
                drillId ? QVariant(*drillId) : QVariant(QMetaType(QMetaType::LongLong))});
        if (!insert)
            return insert.error();
        session.m_id = insert->lastInsertId().toLongLong();
        for (int i = 0; i < session.stepCount(); ++i) {
            if (const Status saved = session.saveStep(i); !saved)
                return saved;
        }
        return {};
    });
    if (!status)
        return status.error();
    return session;
}

Result<RunbookSession> RunbookSession::resume(RunbookLibrary &library, qint64 sessionId)
{
    Result<QSqlQuery> query = library.database().exec(
        QStringLiteral("SELECT runbook_id, version, started_at, finished_at, current_step, drill_id"
                       " FROM runbook_sessions WHERE session_id = ?"),
        {sessionId});
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::NotFound, Tr::tr("There is no step-through %1 to resume.").arg(sessionId));
    const QString runbookId = query->value(0).toString();
    Result<Runbook> runbook = library.runbook(runbookId, query->value(1).toInt());
    if (!runbook)
        return runbook.error();
    RunbookSession session(library, std::move(runbook).value());
    session.m_id = sessionId;
    session.m_startedAt = fromIso(query->value(2));
    session.m_finishedAt = fromIso(query->value(3));
    session.m_current = qBound(0, query->value(4).toInt(), session.stepCount() - 1);
    if (!query->value(5).isNull())
        session.m_drillId = query->value(5).toLongLong();

    Result<QSqlQuery> steps = library.database().exec(
        QStringLiteral("SELECT step, status, started_at, finished_at, note, checklist FROM runbook_step_progress"
                       " WHERE session_id = ?"),
        {sessionId});
    if (!steps)
        return steps.error();
    while (steps->next()) {
        const int step = steps->value(0).toInt();
        if (step < 0 || step >= session.stepCount())
            continue;
        StepProgress &progress = session.m_progress[step];
        progress.status = stepStatusFromKey(steps->value(1).toString());
        progress.startedAt = fromIso(steps->value(2));
        progress.finishedAt = fromIso(steps->value(3));
        progress.note = steps->value(4).toString();
        const QString checks = steps->value(5).toString();
        for (int i = 0; i < progress.checklist.size() && i < checks.size(); ++i)
            progress.checklist[i] = checks.at(i) == u'1';
    }
    return session;
}

Result<std::optional<qint64>> RunbookSession::openSession(RunbookLibrary &library, const QString &runbookId)
{
    Result<QSqlQuery> query = library.database().exec(
        QStringLiteral("SELECT session_id FROM runbook_sessions WHERE runbook_id = ? AND finished_at IS NULL"
                       " AND drill_id IS NULL ORDER BY session_id DESC LIMIT 1"),
        {runbookId});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<qint64>();
    return std::optional<qint64>(query->value(0).toLongLong());
}

Result<std::optional<qint64>> RunbookSession::latestOpen(RunbookLibrary &library)
{
    Result<QSqlQuery> query = library.database().exec(
        QStringLiteral("SELECT s.session_id FROM runbook_sessions s WHERE s.finished_at IS NULL"
                       " AND (s.drill_id IS NULL OR EXISTS (SELECT 1 FROM drills d WHERE d.drill_id = s.drill_id AND "
                       "d.ended_at IS NULL))"
                       " ORDER BY s.started_at DESC, s.session_id DESC LIMIT 1"));
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<qint64>();
    return std::optional<qint64>(query->value(0).toLongLong());
}

qint64 RunbookSession::stepElapsedMs(int step) const
{
    const StepProgress &p = m_progress.at(step);
    if (!p.startedAt.isValid())
        return 0;
    const QDateTime end = p.finishedAt.isValid() ? p.finishedAt : m_library->clock().now();
    return qMax<qint64>(0, p.startedAt.msecsTo(end));
}

int RunbookSession::countWith(StepStatus status) const
{
    int n = 0;
    for (const StepProgress &p : m_progress)
        n += p.status == status ? 1 : 0;
    return n;
}

Status RunbookSession::saveStep(int step)
{
    const StepProgress &p = m_progress.at(step);
    const auto query = m_library->database().exec(
        QStringLiteral("INSERT INTO runbook_step_progress (session_id, step, status, started_at, finished_at, note,"
                       " checklist) VALUES (?, ?, ?, ?, ?, COALESCE(?, ''), COALESCE(?, '')) ON CONFLICT (session_id, "
                       "step) DO UPDATE SET"
                       " status = excluded.status, started_at = excluded.started_at,"
                       " finished_at = excluded.finished_at, note = excluded.note, checklist = excluded.checklist"),
        {m_id, step, stepStatusKey(p.status), p.startedAt.isValid() ? QVariant(iso(p.startedAt)) : QVariant(),
            p.finishedAt.isValid() ? QVariant(iso(p.finishedAt)) : QVariant(), p.note, checklistText(p.checklist)});
    if (!query)
        return query.error();
    return {};
}

Status RunbookSession::saveSession()
{
    const auto query = m_library->database().exec(
        QStringLiteral("UPDATE runbook_sessions SET current_step = ?, finished_at = ? WHERE session_id = ?"),
        {m_current, m_finishedAt.isValid() ? QVariant(iso(m_finishedAt)) : QVariant(), m_id});
    if (!query)
        return query.error();
    return {};
}

Status RunbookSession::setChecked(int step, int item, bool checked)
{
    if (step < 0 || step >= stepCount() || item < 0 || item >= m_progress.at(step).checklist.size())
        return makeError(ErrorCode::InvalidArgument, Tr::tr("There is no such checklist item."));
    m_progress[step].checklist[item] = checked;
    return saveStep(step);
}

Status RunbookSession::setNote(int step, const QString &note)
{
    if (step < 0 || step >= stepCount())
        return makeError(ErrorCode::InvalidArgument, Tr::tr("There is no such step."));
    m_progress[step].note = note;
    return saveStep(step);
}

Status RunbookSession::complete(StepStatus status)
{
    if (isFinished())
        return makeError(ErrorCode::InvalidArgument, Tr::tr("This step-through is already finished."));
    if (status == StepStatus::Pending)
        return makeError(ErrorCode::InvalidArgument, Tr::tr("A step is marked done, skipped or failed."));
    const QDateTime now = m_library->clock().now().toUTC();
    return m_library->database().transaction([&]() -> Status {
        StepProgress &p = m_progress[m_current];
        if (!p.startedAt.isValid())
            p.startedAt = now;
        p.status = status;
        p.finishedAt = now;
        if (const Status saved = saveStep(m_current); !saved)
            return saved;
        // The next pending step after this one, wrapping around to any pending step skipped over by goTo().
        int next = -1;
        for (int offset = 1; offset <= stepCount() && next < 0; ++offset) {
            const int candidate = (m_current + offset) % stepCount();
            if (m_progress.at(candidate).status == StepStatus::Pending)
                next = candidate;
        }
        if (next < 0) {
            m_finishedAt = now;
            if (const Status audited = auditCompletion(); !audited)
                return audited;
        } else {
            m_current = next;
            if (!m_progress.at(next).startedAt.isValid()) {
                m_progress[next].startedAt = now;
                if (const Status saved = saveStep(next); !saved)
                    return saved;
            }
        }
        return saveSession();
    });
}

Status RunbookSession::goTo(int step)
{
    if (step < 0 || step >= stepCount())
        return makeError(ErrorCode::InvalidArgument, Tr::tr("There is no such step."));
    return m_library->database().transaction([&]() -> Status {
        m_current = step;
        if (!m_progress.at(step).startedAt.isValid() && !isFinished()) {
            m_progress[step].startedAt = m_library->clock().now().toUTC();
            if (const Status saved = saveStep(step); !saved)
                return saved;
        }
        return saveSession();
    });
}

Status RunbookSession::finish()
{
    if (isFinished())
        return {};
    return m_library->database().transaction([&]() -> Status {
        m_finishedAt = m_library->clock().now().toUTC();
        if (const Status audited = auditCompletion(); !audited) {
            m_finishedAt = {};
            return audited;
        }
        return saveSession();
    });
}

Status RunbookSession::auditCompletion()
{
    // A drill's end is recorded by the drill (drill.end) with its measured RTO and RPO.
    if (m_drillId)
        return {};
    return m_library->audit(QStringLiteral("runbook.stepthrough.complete"), u"runbook:" + m_runbook.id,
        QJsonObject {{QStringLiteral("version"), m_runbook.version}, {QStringLiteral("session"), m_id},
            {QStringLiteral("title"), m_runbook.title}, {QStringLiteral("steps"), stepCount()},
            {QStringLiteral("done"), countWith(StepStatus::Done)},
            {QStringLiteral("skipped"), countWith(StepStatus::Skipped)},
            {QStringLiteral("failed"), countWith(StepStatus::Failed)},
            {QStringLiteral("not_reached"), countWith(StepStatus::Pending)},
            {QStringLiteral("duration_s"), m_startedAt.secsTo(m_finishedAt)}});
}

} // namespace gl
