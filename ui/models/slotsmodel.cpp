#include "slotsmodel.h"

#include <QColor>

namespace gl::ui {

SlotsModel::SlotsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

bool SlotsModel::same(const RolloutSession::SlotState &a, const RolloutSession::SlotState &b)
{
    return a.name == b.name && a.colour == b.colour && a.version == b.version && a.reported == b.reported
        && a.status == b.status && a.weight == b.weight && a.sessions == b.sessions && a.queue == b.queue
        && a.check == b.check;
}

void SlotsModel::setSlotStates(const QList<RolloutSession::SlotState> &slotStates)
{
    bool sameNames = slotStates.size() == m_rows.size();
    for (int i = 0; sameNames && i < slotStates.size(); ++i)
        sameNames = slotStates.at(i).name == m_rows.at(i).name;
    if (!sameNames) {
        beginResetModel();
        m_rows = slotStates;
        endResetModel();
        return;
    }
    for (int i = 0; i < slotStates.size(); ++i) {
        if (same(slotStates.at(i), m_rows.at(i)))
            continue;
        m_rows[i] = slotStates.at(i);
        Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
    }
}

int SlotsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SlotsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SlotsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RolloutSession::SlotState &s = m_rows.at(index.row());
    const QString unknown = QStringLiteral("—");
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case SlotColumn:
            return s.name;
        case ColourColumn:
            return s.colour;
        case VersionColumn:
            return s.version.isEmpty() ? tr("idle") : s.version;
        case StateColumn:
            return s.reported ? s.status : unknown;
        case WeightColumn:
            return s.reported ? QVariant(s.weight) : QVariant(unknown);
        case SessionsColumn:
            return s.reported ? QVariant(s.sessions) : QVariant(unknown);
        case HealthColumn:
            if (!s.reported)
                return tr("not reported");
            if (s.check.isEmpty())
                return s.healthy() ? tr("up (no check)") : tr("down");
            return s.healthy() ? tr("healthy (%1)").arg(s.check) : tr("failing (%1)").arg(s.check);
        default:
            return {};
        }
    }
    if (role == RawValueRole) {
        switch (index.column()) {
        case WeightColumn:
            return s.weight;
        case SessionsColumn:
            return s.sessions;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == HealthyRole)
        return s.healthy();
    if (role == Qt::TextAlignmentRole && (index.column() == WeightColumn || index.column() == SessionsColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == SlotColumn)
        return s.address;
    if (role == Qt::ToolTipRole && index.column() == SessionsColumn && s.reported)
        return tr("%1 queued").arg(s.queue);
    if (role == Qt::DecorationRole && index.column() == ColourColumn) {
        if (s.colour == u"blue")
            return QColor(0x1e, 0x88, 0xe5);
        if (s.colour == u"green")
            return QColor(0x43, 0xa0, 0x47);
    }
    return {};
}

QVariant SlotsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SlotColumn:
        return tr("Slot");
    case ColourColumn:
        return tr("Colour");
    case VersionColumn:
        return tr("Version");
    case StateColumn:
        return tr("HAProxy state");
    case WeightColumn:
        return tr("Weight");
    case SessionsColumn:
        return tr("Sessions");
    case HealthColumn:
        return tr("Health");
    default:
        return {};
    }
}

} // namespace gl::ui
