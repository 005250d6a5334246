#include "drill.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace gl {
namespace {

// The translation context of this file's messages; lupdate reads it from Q_DECLARE_TR_FUNCTIONS.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::Drill)
};

QString iso(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QVariant isoOrNull(const QDateTime &at)
{
    return at.isValid() ? QVariant(iso(at)) : QVariant();
}

QDateTime fromIso(const QVariant &value)
{
    if (value.isNull() || value.toString().isEmpty())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

DrillEvent::Kind kindFromKey(const QString &key)
{
    using K = DrillEvent::Kind;
    for (K kind : {K::Started, K::Step, K::Incident, K::Note, K::RestorePoint, K::ServiceRestored, K::Ended})
        if (drillEventKindKey(kind) == key)
            return kind;
    return K::Note;
}

const char *const kRecordColumns = "drill_id, runbook_id, runbook_title, version, session_id, scenario, participants,"
                                   " rto_target_s, rpo_target_s, started_at, ended_at, service_restored_at,"
                                   " restore_point";

DrillRecord readRecord(const QSqlQuery &q)
{
    DrillRecord r;
    r.id = q.value(0).toLongLong();
    r.runbookId = q.value(1).toString();
    r.runbookTitle = q.value(2).toString();
    r.version = q.value(3).toInt();
    r.sessionId = q.value(4).toLongLong();
    r.scenario = q.value(5).toString();
    r.participants = q.value(6).toString().split(u'\n', Qt::SkipEmptyParts);
    r.rtoTargetSeconds = q.value(7).toLongLong();
    r.rpoTargetSeconds = q.value(8).toLongLong();
    r.startedAt = fromIso(q.value(9));
    r.endedAt = fromIso(q.value(10));
    r.serviceRestoredAt = fromIso(q.value(11));
    r.restorePoint = fromIso(q.value(12));
    return r;
}

// The audit action of a drill event: drill.start, drill.step, drill.incident, drill.note, drill.restore-point,
// drill.service-restored, drill.end.
QString auditAction(DrillEvent::Kind kind)
{
    switch (kind) {
    case DrillEvent::Kind::Started:
        return QStringLiteral("drill.start");
    case DrillEvent::Kind::Ended:
        return QStringLiteral("drill.end");
    default:
        return u"drill." + drillEventKindKey(kind);
    }
}

} // namespace

QString drillEventKindKey(DrillEvent::Kind kind)
{
    switch (kind) {
    case DrillEvent::Kind::Started:
        return QStringLiteral("started");
    case DrillEvent::Kind::Step:
        return QStringLiteral("step");
    case DrillEvent::Kind::Incident:
        return QStringLiteral("incident");
    case DrillEvent::Kind::Note:
        return QStringLiteral("note");
    case DrillEvent::Kind::RestorePoint:
        return QStringLiteral("restore-point");
    case DrillEvent::Kind::ServiceRestored:
        return QStringLiteral("service-restored");
    case DrillEvent::Kind::Ended:
        return QStringLiteral("ended");
    }
    return QStringLiteral("note");
}

std::optional<qint64> DrillRecord::measuredRtoSeconds() const
{
    const QDateTime until = serviceRestoredAt.isValid() ? serviceRestoredAt : endedAt;
    if (!until.isValid() || !startedAt.isValid())
        return std::nullopt;
    return startedAt.secsTo(until);
}

std::optional<qint64> DrillRecord::measuredRpoSeconds() const
{
    if (!restorePoint.isValid() || !startedAt.isValid())
        return std::nullopt;
    return qMax<qint64>(0, restorePoint.secsTo(startedAt));
}

Drill::Drill(RunbookLibrary &library, RunbookSession session, DrillRecord record)
    : m_library(&library)
    , m_session(std::move(session))
    , m_record(std::move(record))
{ }

Result<Drill> Drill::start(RunbookLibrary &library, const QString &runbookId, const DrillSetup &setup)
{
    Result<Runbook> runbook = library.runbook(runbookId);
    if (!runbook)
        return runbook.error();
    DrillRecord record;
    record.runbookId = runbookId;
    record.runbookTitle = runbook->title;
    record.version = runbook->version;
    record.scenario = setup.scenario.trimmed();
    record.participants = setup.participants;
    record.rtoTargetSeconds = setup.rtoTargetSeconds >= 0 ? setup.rtoTargetSeconds : runbook->rtoSeconds;
    record.rpoTargetSeconds = setup.rpoTargetSeconds >= 0 ? setup.rpoTargetSeconds : runbook->rpoSeconds;
    record.startedAt = library.clock().now().toUTC();

    std::optional<Drill> drill;
    const Status status = library.database().transaction([&]() -> Status {
        const auto insert = library.database().exec(
            QStringLiteral(
                "INSERT INTO drills (runbook_id, runbook_title, version, scenario, participants,"
                " rto_target_s, rpo_target_s, started_at) VALUES (?, ?, ?, COALESCE(?, ''), COALESCE(?, ''), ?, ?, ?)"),
            {record.runbookId, record.runbookTitle, record.version, record.scenario, record.participants.join(u'\n'),
                record.rtoTargetSeconds, record.rpoTargetSeconds, iso(record.startedAt)});
        if (!insert)
            return insert.error();
        record.id = insert->lastInsertId().toLongLong();
        Result<RunbookSession> session = RunbookSession::start(library, runbookId, record.id);
        if (!session)
            return session.error();
        record.sessionId = session->id();
        if (const auto q = library.database().exec(
                QStringLiteral("UPDATE drills SET session_id = ? WHERE drill_id = ?"), {record.sessionId, record.id});
            !q)
            return q.error();
        drill.emplace(Drill(library, std::move(session).value(), record));
        DrillEvent started;
        started.kind = DrillEvent::Kind::Started;
        started.text = record.scenario;
        return drill->addEvent(started);
    });
    if (!status)
        return status.error();
    return std::move(*drill);
}

Result<Drill> Drill::load(RunbookLibrary &library, qint64 drillId)
{
    Result<QSqlQuery> query = library.database().exec(
        QStringLiteral("SELECT %1 FROM drills WHERE drill_id = ?").arg(QLatin1String(kRecordColumns)), {drillId});
    if (!query)
        return query.error();
    if (!query->next())
        return makeError(ErrorCode::NotFound, Tr::tr("There is no drill %1.").arg(drillId));
    DrillRecord record = readRecord(*query);
    Result<QSqlQuery> events = library.database().exec(
        QStringLiteral("SELECT seq, kind, at, step, status, text FROM drill_events WHERE drill_id = ? ORDER BY seq"),
        {drillId});
    if (!events)
        return events.error();
    while (events->next()) {
        DrillEvent event;
        event.seq = events->value(0).toInt();
        event.kind = kindFromKey(events->value(1).toString());
        event.at = fromIso(events->value(2));
        event.elapsedMs = record.startedAt.msecsTo(event.at);
        event.step = events->value(3).isNull() ? -1 : events->value(3).toInt();
        event.status = stepStatusFromKey(events->value(4).toString());
        event.text = events->value(5).toString();
        record.events << event;
    }
    Result<RunbookSession> session = RunbookSession::resume(library, record.sessionId);
    if (!session)
        return session.error();
    return Drill(library, std::move(session).value(), std::move(record));
}

Result<QList<DrillRecord>> Drill::history(RunbookLibrary &library, const QString &runbookId)
{
    Result<QSqlQuery> query = library.database().exec(
        QStringLiteral("SELECT %1 FROM drills WHERE runbook_id = ? ORDER BY started_at DESC, drill_id DESC")
            .arg(QLatin1String(kRecordColumns)),
        {runbookId});
    if (!query)
        return query.error();
    QList<DrillRecord> records;
    while (query->next())
        records << readRecord(*query);
    return records;
}

Result<std::optional<qint64>> Drill::running(RunbookLibrary &library, const QString &runbookId)
{
    Result<QSqlQuery> query
        = library.database().exec(QStringLiteral("SELECT drill_id FROM drills WHERE runbook_id = ? AND ended_at IS NULL"
                                                 " ORDER BY drill_id DESC LIMIT 1"),
            {runbookId});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<qint64>();
    return std::optional<qint64>(query->value(0).toLongLong());
}

qint64 Drill::clockMs() const
{
    const QDateTime until = m_record.endedAt.isValid() ? m_record.endedAt : m_library->clock().now();
    return qMax<qint64>(0, m_record.startedAt.msecsTo(until));
}

Status Drill::addEvent(DrillEvent event)
{
    event.seq = m_record.events.isEmpty() ? 1 : m_record.events.last().seq + 1;
    if (!event.at.isValid())
        event.at = m_library->clock().now().toUTC();
    event.elapsedMs = m_record.startedAt.msecsTo(event.at);
    const auto q = m_library->database().exec(
        QStringLiteral("INSERT INTO drill_events (drill_id, seq, at, kind, step, status, text)"
                       " VALUES (?, ?, ?, ?, ?, COALESCE(?, ''), COALESCE(?, ''))"),
        {m_record.id, event.seq, iso(event.at), drillEventKindKey(event.kind),
            event.step >= 0 ? QVariant(event.step) : QVariant(),
            event.kind == DrillEvent::Kind::Step ? stepStatusKey(event.status) : QString(), event.text});
    if (!q)
        return q.error();
    // The audit log gets every event, inside the same transaction: an event it refuses is not stored.
    if (const Status audited
        = m_library->audit(auditAction(event.kind), QStringLiteral("drill:%1").arg(m_record.id), auditDetail(event));
        !audited)
        return audited;
    m_record.events << event;
    return {};
}

QJsonObject Drill::auditDetail(const DrillEvent &event) const
{
    QJsonObject detail {{QStringLiteral("runbook"), m_record.runbookId}, {QStringLiteral("version"), m_record.version},
        {QStringLiteral("event"), event.seq}, {QStringLiteral("elapsed_ms"), event.elapsedMs}};
    const auto stepNumber = [&](int step) {
        if (step < 0 || step >= m_session.stepCount())
            return;
        detail.insert(QStringLiteral("step"), step + 1);
        detail.insert(QStringLiteral("step_title"), m_session.runbook().steps.at(step).title);
    };
    switch (event.kind) {
    case DrillEvent::Kind::Started:
        detail.insert(QStringLiteral("title"), m_record.runbookTitle);
        detail.insert(QStringLiteral("scenario"), m_record.scenario);
        detail.insert(QStringLiteral("participants"), QJsonArray::fromStringList(m_record.participants));
        detail.insert(QStringLiteral("rto_target_s"), m_record.rtoTargetSeconds);
        detail.insert(QStringLiteral("rpo_target_s"), m_record.rpoTargetSeconds);
        break;
    case DrillEvent::Kind::Step:
        stepNumber(event.step);
        detail.insert(QStringLiteral("status"), stepStatusKey(event.status));
        if (!event.text.isEmpty())
            detail.insert(QStringLiteral("note"), event.text);
        break;
    case DrillEvent::Kind::Incident:
        stepNumber(event.step);
        detail.insert(QStringLiteral("text"), event.text);
        break;
    case DrillEvent::Kind::Note:
        detail.insert(QStringLiteral("text"), event.text);
        break;
    case DrillEvent::Kind::RestorePoint:
        detail.insert(QStringLiteral("restore_point"), event.text);
        break;
    case DrillEvent::Kind::ServiceRestored:
        break;
    case DrillEvent::Kind::Ended: {
        const std::optional<qint64> rto = m_record.measuredRtoSeconds();
        const std::optional<qint64> rpo = m_record.measuredRpoSeconds();
        if (rto) {
            detail.insert(QStringLiteral("rto_s"), *rto);
            if (m_record.rtoTargetSeconds > 0)
                detail.insert(QStringLiteral("rto_met"), *rto <= m_record.rtoTargetSeconds);
        }
        if (rpo) {
            detail.insert(QStringLiteral("rpo_s"), *rpo);
            if (m_record.rpoTargetSeconds > 0)
                detail.insert(QStringLiteral("rpo_met"), *rpo <= m_record.rpoTargetSeconds);
        }
        detail.insert(QStringLiteral("done"), m_session.countWith(StepStatus::Done));
        detail.insert(QStringLiteral("skipped"), m_session.countWith(StepStatus::Skipped));
        detail.insert(QStringLiteral("failed"), m_session.countWith(StepStatus::Failed));
        detail.insert(QStringLiteral("not_reached"), m_session.countWith(StepStatus::Pending));
        break;
    }
    }
    return detail;
}

Status Drill::saveRecord()
{
    const auto q = m_library->database().exec(
        QStringLiteral("UPDATE drills SET ended_at = ?, service_restored_at = ?, restore_point = ? WHERE drill_id = ?"),
        {isoOrNull(m_record.endedAt), isoOrNull(m_record.serviceRestoredAt), isoOrNull(m_record.restorePoint),
            m_record.id});
    if (!q)
        return q.error();
    return {};
}

Status Drill::completeStep(StepStatus status)
{
    if (m_record.isEnded())
        return makeError(ErrorCode::InvalidArgument, Tr::tr("This drill has ended."));
    const int step = m_session.currentStep();
    return m_library->database().transaction([&]() -> Status {
        if (const Status done = m_session.complete(status); !done)
            return done;
        DrillEvent event;
        event.kind = DrillEvent::Kind::Step;
        event.step = step;
        event.status = status;
        event.text = m_session.progress(step).note;
        return addEvent(event);
    });
}

Status Drill::markIncident(const QString &text)
{
    if (m_record.isEnded())
        return makeError(ErrorCode::InvalidArgument, Tr::tr("This drill has ended."));
    DrillEvent event;
    event.kind = DrillEvent::Kind::Incident;
    event.step = m_session.isFinished() ? -1 : m_session.currentStep();
    event.text = text.trimmed();
    return addEvent(event);
}

Status Drill::addNote(const QString &text)
{
    DrillEvent event;
    event.kind = DrillEvent::Kind::Note;
    event.text = text.trimmed();
    return addEvent(event);
}

Status Drill::setRestorePoint(const QDateTime &restorePoint)
{
    if (!restorePoint.isValid())
        return makeError(ErrorCode::InvalidArgument, Tr::tr("The restore point is not a valid date and time."));
    if (restorePoint > m_library->clock().now())
        return makeError(ErrorCode::InvalidArgument, Tr::tr("The restore point cannot be in the future."));
    return m_library->database().transaction([&]() -> Status {
        m_record.restorePoint = restorePoint.toUTC();
        if (const Status saved = saveRecord(); !saved)
            return saved;
        DrillEvent event;
        event.kind = DrillEvent::Kind::RestorePoint;
        event.text = iso(m_record.restorePoint);
        return addEvent(event);
    });
}

Status Drill::markServiceRestored()
{
    if (m_record.isEnded())
        return makeError(ErrorCode::InvalidArgument, Tr::tr("This drill has ended."));
    return m_library->database().transaction([&]() -> Status {
        m_record.serviceRestoredAt = m_library->clock().now().toUTC();
        if (const Status saved = saveRecord(); !saved)
            return saved;
        DrillEvent event;
        event.kind = DrillEvent::Kind::ServiceRestored;
        return addEvent(event);
    });
}

Status Drill::end()
{
    if (m_record.isEnded())
        return {};
    return m_library->database().transaction([&]() -> Status {
        m_record.endedAt = m_library->clock().now().toUTC();
        if (const Status saved = saveRecord(); !saved)
            return saved;
        if (const Status finished = m_session.finish(); !finished)
            return finished;
        DrillEvent event;
        event.kind = DrillEvent::Kind::Ended;
        return addEvent(event);
    });
}

} // namespace gl
