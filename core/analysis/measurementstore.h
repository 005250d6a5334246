#pragma once

#include "analysis/analysistypes.h"
#include "model/sliconfig.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace gl {

class Database;

// One analysis run as stored (table analysis_runs).
struct AnalysisRunRecord {
    qint64 id = 0;
    qint64 rolloutId = 0; // 0: not part of a rollout (`greenlightctl analysis check`)
    QString newVersion;
    QString stableVersion;
    QDateTime startedAt;
    QDateTime finishedAt; // invalid while running
    Verdict verdict = Verdict::Pending;
    QString reason;
    AnalysisConfig config; // the SLIs and rules the run used
};

// Writes and reads analysis runs and their measurements in the environment's state database (migration 3 of
// StateStore). Every measurement is stored with its time, rule, SLI, versions, value, threshold, outcome and
// the verdict after it. Use from the thread that opened the database.
class MeasurementStore final {
public:
    explicit MeasurementStore(Database &database);

    [[nodiscard]] Result<qint64> beginRun(qint64 rolloutId, const QString &newVersion, const QString &stableVersion,
        const QDateTime &startedAt, const AnalysisConfig &config);
    // The measurements of one evaluation, in one transaction; also updates the run's verdict and reason.
    [[nodiscard]] Status record(const Evaluation &evaluation);
    [[nodiscard]] Status finishRun(qint64 runId, Verdict verdict, const QString &reason, const QDateTime &finishedAt);

    [[nodiscard]] Result<AnalysisRunRecord> run(qint64 runId) const;
    // The most recent run, of `rolloutId` if given. NotFound when there is none.
    [[nodiscard]] Result<AnalysisRunRecord> latestRun(std::optional<qint64> rolloutId = std::nullopt) const;
    // Runs, newest first, of `rolloutId` if given.
    [[nodiscard]] Result<QList<AnalysisRunRecord>> runs(
        std::optional<qint64> rolloutId = std::nullopt, int limit = 100) const;
    // A run's measurements in order (sequence, then rule order). `limit` > 0 keeps only the last `limit`.
    [[nodiscard]] Result<QList<Measurement>> measurements(qint64 runId, int limit = 0) const;

private:
    Database &m_database;
};

} // namespace gl
