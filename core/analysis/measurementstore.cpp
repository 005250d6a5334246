#include "measurementstore.h"

#include "storage/database.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>

namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::MeasurementStore)
};

// SQLite turns NaN into NULL anyway; say so explicitly.
QVariant real(double value)
{
    return std::isnan(value) ? QVariant(QMetaType(QMetaType::Double)) : QVariant(value);
}

// A null QString binds as SQL NULL; the text columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

double realOf(const QVariant &value)
{
    return value.isNull() ? std::nan("") : value.toDouble();
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

const QString kRunColumns
    = QStringLiteral("id, rollout_id, new_version, stable_version, started_at, finished_at, verdict, reason, config");

AnalysisRunRecord runFrom(const QSqlQuery &q)
{
    AnalysisRunRecord r;
    r.id = q.value(0).toLongLong();
    r.rolloutId = q.value(1).toLongLong();
    r.newVersion = q.value(2).toString();
    r.stableVersion = q.value(3).toString();
    r.startedAt = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
    const QString finished = q.value(5).toString();
    if (!finished.isEmpty())
        r.finishedAt = QDateTime::fromString(finished, Qt::ISODateWithMs);
    r.verdict = verdictFromString(q.value(6).toString()).value_or(Verdict::Pending);
    r.reason = q.value(7).toString();
    const Result<AnalysisConfig> config
        = AnalysisConfig::fromJson(QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object());
    if (config.ok())
        r.config = *config;
    return r;
}

} // namespace

MeasurementStore::MeasurementStore(Database &database)
    : m_database(database)
{ }

Result<qint64> MeasurementStore::beginRun(qint64 rolloutId, const QString &newVersion, const QString &stableVersion,
    const QDateTime &startedAt, const AnalysisConfig &config)
{
    Result<QSqlQuery> q = m_database.exec(
        QStringLiteral(
            "INSERT INTO analysis_runs (rollout_id, new_version, stable_version, started_at, verdict, config)"
            " VALUES (?, ?, ?, ?, 'pending', ?)"),
        {rolloutId, text(newVersion), text(stableVersion), isoTime(startedAt),
            QString::fromUtf8(QJsonDocument(config.toJson()).toJson(QJsonDocument::Compact))});
    if (!q)
        return q.error();
    return q->lastInsertId().toLongLong();
}

Status MeasurementStore::record(const Evaluation &evaluation)
{
    return m_database.transaction([&]() -> Status {
        for (const Measurement &m : evaluation.measurements) {
            const Result<QSqlQuery> q = m_database.exec(
                QStringLiteral(
                    "INSERT INTO analysis_measurements (run_id, seq, at, rule, sli, version, stable_version,"
                    " value, stable_value, threshold, comparison, requests, outcome, verdict, failures, reason)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {evaluation.runId, m.sequence, isoTime(m.at), text(m.rule), text(m.sli), text(m.version),
                    text(m.stableVersion), real(m.value), real(m.stableValue), real(m.threshold), text(m.comparison),
                    real(m.requests), toString(m.outcome), toString(m.verdict), m.failures, text(m.reason)});
            if (!q)
                return q.error();
        }
        const Result<QSqlQuery> q
            = m_database.exec(QStringLiteral("UPDATE analysis_runs SET verdict = ?, reason = ? WHERE id = ?"),
                {toString(evaluation.verdict), text(evaluation.reason), evaluation.runId});
        if (!q)
            return q.error();
        return {};
    });
}

Status MeasurementStore::finishRun(qint64 runId, Verdict verdict, const QString &reason, const QDateTime &finishedAt)
{
    const Result<QSqlQuery> q = m_database.exec(
        QStringLiteral("UPDATE analysis_runs SET verdict = ?, reason = ?, finished_at = ? WHERE id = ?"),
        {toString(verdict), text(reason), isoTime(finishedAt), runId});
    if (!q)
        return q.error();
    return {};
}

Result<AnalysisRunRecord> MeasurementStore::run(qint64 runId) const
{
    Result<QSqlQuery> q = m_database.exec(
        QStringLiteral("SELECT ") + kRunColumns + QStringLiteral(" FROM analysis_runs WHERE id = ?"), {runId});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::NotFound, Tr::tr("There is no analysis run %1.").arg(runId));
    return runFrom(*q);
}

Result<AnalysisRunRecord> MeasurementStore::latestRun(std::optional<qint64> rolloutId) const
{
    Result<QList<AnalysisRunRecord>> list = runs(rolloutId, 1);
    if (!list)
        return list.error();
    if (list->isEmpty())
        return makeError(ErrorCode::NotFound,
            rolloutId ? Tr::tr("Rollout %1 has no analysis.").arg(*rolloutId)
                      : Tr::tr("This environment has no analysis yet."));
    return list->first();
}

Result<QList<AnalysisRunRecord>> MeasurementStore::runs(std::optional<qint64> rolloutId, int limit) const
{
    Result<QSqlQuery> q = rolloutId ? m_database.exec(QStringLiteral("SELECT ") + kRunColumns
                                  + QStringLiteral(" FROM analysis_runs WHERE rollout_id = ? ORDER BY id DESC LIMIT ?"),
                              {*rolloutId, limit})
                                    : m_database.exec(QStringLiteral("SELECT ") + kRunColumns
                                            + QStringLiteral(" FROM analysis_runs ORDER BY id DESC LIMIT ?"),
                                        {limit});
    if (!q)
        return q.error();
    QList<AnalysisRunRecord> list;
    while (q->next())
        list << runFrom(*q);
    return list;
}

Result<QList<Measurement>> MeasurementStore::measurements(qint64 runId, int limit) const
{
    const QString columns = QStringLiteral("run_id, seq, at, rule, sli, version, stable_version, value, stable_value,"
                                           " threshold, comparison, requests, outcome, verdict, failures, reason, id");
    Result<QSqlQuery> q = limit > 0
        ? m_database.exec(QStringLiteral("SELECT * FROM (SELECT ") + columns
                + QStringLiteral(" FROM analysis_measurements WHERE run_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id"),
            {runId, limit})
        : m_database.exec(QStringLiteral("SELECT ") + columns
                + QStringLiteral(" FROM analysis_measurements WHERE run_id = ? ORDER BY id"),
            {runId});
    if (!q)
        return q.error();
    QList<Measurement> list;
    while (q->next()) {
        Measurement m;
        m.runId = q->value(0).toLongLong();
        m.sequence = q->value(1).toInt();
        m.at = QDateTime::fromString(q->value(2).toString(), Qt::ISODateWithMs);
        m.rule = q->value(3).toString();
        m.sli = q->value(4).toString();
        m.version = q->value(5).toString();
        m.stableVersion = q->value(6).toString();
        m.value = realOf(q->value(7));
        m.stableValue = realOf(q->value(8));
        m.threshold = realOf(q->value(9));
        m.comparison = q->value(10).toString();
        m.requests = realOf(q->value(11));
        m.outcome = outcomeFromString(q->value(12).toString()).value_or(Outcome::Inconclusive);
        m.verdict = verdictFromString(q->value(13).toString()).value_or(Verdict::Pending);
        m.failures = q->value(14).toInt();
        m.reason = q->value(15).toString();
        list << m;
    }
    return list;
}

} // namespace gl
