#pragma once

#include "analysis/analysistypes.h"

#include <QAbstractTableModel>

namespace gl::ui {

// The verdict history of an analysis run: one row per evaluation, newest first, with its time, the verdict
// after it, the failures counted and why (the reasons of the rules that failed, else of those that were
// inconclusive). Re-reading a run that grew inserts the new evaluations at the top (rowsInserted); another run
// resets the model.
class VerdictHistoryModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, EvaluationColumn, VerdictColumn, ReasonColumn, ColumnCount };
    enum Role {
        VerdictRole = Qt::UserRole, // QString: the verdict (untranslated, e.g. "failed")
        RawValueRole, // the time as QDateTime, the evaluation number, the verdict, the reason
    };

    struct Row {
        int sequence = 0;
        QDateTime at;
        Outcome outcome = Outcome::Inconclusive;
        Verdict verdict = Verdict::Pending;
        int failures = 0;
        QString reason;
    };

    explicit VerdictHistoryModel(QObject *parent = nullptr);

    // A run's measurements in order (sequence, then rule), grouped into evaluations.
    void setMeasurements(qint64 runId, const QList<Measurement> &measurements);
    void clear();
    [[nodiscard]] const Row &rowAt(int row) const { return m_rows.at(row); }
    [[nodiscard]] static QString verdictText(Verdict verdict);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    qint64 m_runId = -1;
    QList<Row> m_rows; // newest first
};

} // namespace gl::ui
