#include "sessionstatereport.h"

#include "audit/auditreader.h"
#include "engine/rolloutsession.h"
#include "engine/rolloutstore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace gl {

SessionStateReport::SessionStateReport(RolloutSession &session, QString path, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_path(std::move(path))
    , m_clock(clock)
{
    connect(&m_timer, &QTimer::timeout, this, [this] { (void)write(); });
}

SessionStateReport::~SessionStateReport() = default;

void SessionStateReport::start(int intervalMs)
{
    (void)write();
    m_timer.start(qMax(50, intervalMs));
}

void SessionStateReport::stop()
{
    m_timer.stop();
}

QJsonObject SessionStateReport::snapshot()
{
    QJsonArray errors;
    QJsonObject report {
        {QStringLiteral("pid"), QCoreApplication::applicationPid()},
        {QStringLiteral("writtenAt"), m_clock.now().toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("environment"), m_session.environment().filePath},
    };
    StateStore *state = m_session.stateStore();
    QJsonObject engine {{QStringLiteral("drives"), m_session.drivesEngine()}};
    QJsonValue rollout;
    if (state) {
        if (!m_lock)
            m_lock = std::make_unique<EngineLock>(*state, m_clock);
        const Result<std::optional<EngineLock::Holder>> holder = m_lock->liveHolder();
        if (!holder)
            errors.append(holder.error().message);
        else if (holder->has_value())
            engine.insert(QStringLiteral("holderPid"), (*holder)->pid);
        RolloutStore store(*state, m_clock);
        const Result<std::optional<RolloutRecord>> latest = store.latest();
        if (!latest)
            errors.append(latest.error().message);
        else if (latest->has_value())
            rollout = (*latest)->toJson();
    } else {
        errors.append(QStringLiteral("the state database is not open"));
    }
    engine.insert(QStringLiteral("holder"), m_session.engineHolder());
    report.insert(QStringLiteral("engine"), engine);
    report.insert(QStringLiteral("rollout"), rollout);

    // The audit log is created by its first append; once it exists, one connection is opened and kept.
    const QString auditPath = AuditLog::pathForStateDatabase(m_session.environment().stateDatabase);
    if (!m_audit && QFileInfo::exists(auditPath)) {
        Result<AuditLog> log = AuditLog::open(auditPath, m_clock);
        if (log)
            m_audit.emplace(std::move(log).value());
        else
            errors.append(log.error().message);
    }
    qint64 head = 0;
    if (m_audit) {
        const Result<qint64> seq = auditHeadSeq(*m_audit);
        if (seq)
            head = *seq;
        else
            errors.append(seq.error().message);
    }
    report.insert(QStringLiteral("auditHeadSeq"), head);
    report.insert(QStringLiteral("errors"), errors);
    return report;
}

Status SessionStateReport::write()
{
    const QByteArray bytes = QJsonDocument(snapshot()).toJson(QJsonDocument::Compact) + '\n';
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, file.errorString());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(bytes);
    if (!file.commit())
        return makeError(ErrorCode::Io, file.errorString());
    return {};
}

} // namespace gl
