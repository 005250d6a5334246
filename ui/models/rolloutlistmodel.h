#pragma once

#include "engine/rolloutstore.h"

#include <QAbstractTableModel>
#include <QHash>

namespace gl::ui {

// Every rollout of the open environments, one row each. Rows are keyed by (environment, rollout id); updates
// emit dataChanged for the changed row only and new rollouts rowsInserted, so a view keeps its selection and
// scroll position while a release runs. Sort and filter through a QSortFilterProxyModel on RawValueRole.
class RolloutListModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        EnvironmentColumn,
        IdColumn,
        StateColumn,
        StrategyColumn,
        FromColumn,
        ToColumn,
        StepColumn,
        DesiredColumn,
        ActualColumn,
        AnalysisColumn,
        GateColumn,
        StartedColumn,
        StartedByColumn,
        ColumnCount
    };
    enum Role {
        RawValueRole = Qt::UserRole, // for sorting: numbers, ISO times, plain text
        RolloutIdRole, // qint64
        EnvironmentRole, // QString
        StateRole, // int (gl::RolloutState)
    };

    explicit RolloutListModel(QObject *parent = nullptr);

    // Replaces the rows of `environment` with `records` (fine-grained: changed rows, inserts, removals).
    void setRollouts(const QString &environment, const QList<RolloutRecord> &records);
    // Updates (or inserts) one rollout.
    void updateRollout(const QString &environment, const RolloutRecord &record);
    // The latest analysis verdict per rollout id of `environment` ("passed", "failed", ...).
    void setAnalysisVerdicts(const QString &environment, const QHash<qint64, QString> &verdicts);
    // Drops every row of `environment`.
    void removeEnvironment(const QString &environment);

    [[nodiscard]] int rowOf(const QString &environment, qint64 id) const;
    [[nodiscard]] const RolloutRecord &recordAt(int row) const { return m_rows.at(row).record; }
    [[nodiscard]] QString environmentAt(int row) const { return m_rows.at(row).environment; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Texts shared with the detail view.
    [[nodiscard]] static QString stateText(RolloutState state);
    [[nodiscard]] static QString shareText(double percent);
    [[nodiscard]] static QString gateText(const RolloutRecord &record);
    [[nodiscard]] static QString analysisText(const QString &verdict, const RolloutRecord &record);

private:
    struct Row {
        QString environment;
        RolloutRecord record;
        QString verdict;
    };
    [[nodiscard]] static QString key(const QString &environment, qint64 id);
    void reindex();
    [[nodiscard]] QVariant display(const Row &row, int column) const;
    [[nodiscard]] QVariant raw(const Row &row, int column) const;

    QList<Row> m_rows;
    QHash<QString, int> m_index;
};

} // namespace gl::ui
