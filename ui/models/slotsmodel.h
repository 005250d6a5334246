#pragma once

#include "engine/rolloutsession.h"

#include <QAbstractTableModel>

namespace gl::ui {

// The environment's slots as HAProxy reports them now: slot, colour, version, HAProxy state, weight,
// sessions, health. Polled every second: only rows whose values changed emit dataChanged.
class SlotsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        SlotColumn,
        ColourColumn,
        VersionColumn,
        StateColumn,
        WeightColumn,
        SessionsColumn,
        HealthColumn,
        ColumnCount
    };
    enum Role {
        RawValueRole = Qt::UserRole,
        HealthyRole, // bool
    };

    explicit SlotsModel(QObject *parent = nullptr);

    void setSlotStates(const QList<RolloutSession::SlotState> &slotStates);
    [[nodiscard]] const RolloutSession::SlotState &slotAt(int row) const { return m_rows.at(row); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] static bool same(const RolloutSession::SlotState &a, const RolloutSession::SlotState &b);

    QList<RolloutSession::SlotState> m_rows;
};

} // namespace gl::ui
