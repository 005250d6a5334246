#pragma once

#include "analysis/analysistypes.h"
#include "model/sliconfig.h"

#include <QAbstractTableModel>

namespace gl::ui {

// The rules of an analysis run, one row each, with their last measurement: the value, the threshold it was
// held to and the outcome. A new measurement of the same rules changes the row's cells (dataChanged); a run
// with other rules resets the model.
class AnalysisRuleModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RuleColumn, ValueColumn, ThresholdColumn, OutcomeColumn, ColumnCount };
    enum Role {
        OutcomeRole = Qt::UserRole, // QString: "pass", "fail", "inconclusive" (untranslated)
        RawValueRole, // double: the value, or the threshold in ThresholdColumn
    };

    explicit AnalysisRuleModel(QObject *parent = nullptr);

    // `measurements`: a run's measurements in order; each rule's last one is shown. `config`: the run's
    // configuration, for the SLIs' units and the rules' order.
    void setMeasurements(const QList<Measurement> &measurements, const AnalysisConfig &config);
    void clear();
    [[nodiscard]] const Measurement &measurementAt(int row) const { return m_rows.at(row); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A value as people read it in its unit: ratios as percentages ("12.3 %"), seconds below one as
    // milliseconds ("812 ms"), anything else with its unit ("41.2 req/s").
    [[nodiscard]] static QString formatValue(double value, const QString &unit);
    // The unit of a measurement's value: its SLI's, or "ratio" for a burn-rate rule (the budget fraction).
    [[nodiscard]] static QString unitOf(const Measurement &measurement, const AnalysisConfig &config);
    [[nodiscard]] static QString outcomeText(Outcome outcome);

private:
    QList<Measurement> m_rows;
    QStringList m_units;
};

} // namespace gl::ui
