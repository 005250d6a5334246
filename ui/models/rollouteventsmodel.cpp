#include "rollouteventsmodel.h"

#include <QDateTime>
#include <QLocale>

namespace gl::ui {

RolloutEventsModel::RolloutEventsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void RolloutEventsModel::setEvents(qint64 rolloutId, const QList<EventRecord> &events)
{
    bool prefix = rolloutId == m_rolloutId && events.size() >= m_rows.size();
    for (int i = 0; prefix && i < m_rows.size(); ++i)
        prefix = events.at(i).id == m_rows.at(i).id;
    if (!prefix) {
        beginResetModel();
        m_rolloutId = rolloutId;
        m_rows = events;
        endResetModel();
        return;
    }
    if (events.size() == m_rows.size())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, int(events.size()) - 1);
    m_rows = events;
    endInsertRows();
}

int RolloutEventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RolloutEventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RolloutEventsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EventRecord &e = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: {
            const QDateTime at = QDateTime::fromString(e.at, Qt::ISODateWithMs);
            return at.isValid() ? QLocale().toString(at.toLocalTime().time(), QStringLiteral("HH:mm:ss")) : e.at;
        }
        case ActorColumn:
            return e.actor;
        case KindColumn:
            return e.kind;
        case DetailColumn:
            return e.detail;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return e.at;
        if (index.column() == DetailColumn)
            return e.detail;
        return {};
    case RawValueRole:
        if (index.column() == TimeColumn)
            return e.at;
        return data(index, Qt::DisplayRole);
    case EventIdRole:
        return e.id;
    default:
        return {};
    }
}

QVariant RolloutEventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("When");
    case ActorColumn:
        return tr("Who");
    case KindColumn:
        return tr("Kind");
    case DetailColumn:
        return tr("What and why");
    default:
        return {};
    }
}

} // namespace gl::ui
