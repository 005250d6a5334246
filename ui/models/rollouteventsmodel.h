#pragma once

#include "engine/rolloutstore.h"

#include <QAbstractTableModel>

namespace gl::ui {

// A rollout's event history: when, who, what kind, and the detail (what and why). Events only grow, so a
// refresh of the same rollout appends (rowsInserted); another rollout resets.
class RolloutEventsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, ActorColumn, KindColumn, DetailColumn, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole, EventIdRole };

    explicit RolloutEventsModel(QObject *parent = nullptr);

    // The events of rollout `rolloutId` in the order stored (oldest first).
    void setEvents(qint64 rolloutId, const QList<EventRecord> &events);
    [[nodiscard]] qint64 rolloutId() const { return m_rolloutId; }
    [[nodiscard]] const EventRecord &eventAt(int row) const { return m_rows.at(row); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    qint64 m_rolloutId = -1;
    QList<EventRecord> m_rows;
};

} // namespace gl::ui
