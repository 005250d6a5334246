#include "auditfilterproxymodel.h"

#include "auditentrymodel.h"

namespace gl::ui {

AuditFilterProxyModel::AuditFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(AuditEntryModel::RawValueRole);
}

void AuditFilterProxyModel::setTimeRange(const QDateTime &from, const QDateTime &to)
{
    if (from == m_from && to == m_to)
        return;
    m_from = from.toUTC();
    m_to = to.toUTC();
    invalidateRowsFilter();
}

void AuditFilterProxyModel::setPerson(const QString &person)
{
    if (person.trimmed() == m_person)
        return;
    m_person = person.trimmed();
    invalidateRowsFilter();
}

void AuditFilterProxyModel::setRollout(const QString &rolloutId)
{
    QString id = rolloutId.trimmed();
    if (id.startsWith(u'#'))
        id.remove(0, 1);
    const QString subject = id.isEmpty() ? QString() : u"rollout:" + id;
    if (subject == m_subject)
        return;
    m_subject = subject;
    invalidateRowsFilter();
}

void AuditFilterProxyModel::setAction(const QString &action)
{
    QString text = action.trimmed();
    bool prefix = false;
    if (text.endsWith(u'*')) {
        text.chop(1);
        prefix = true;
    }
    if (text.endsWith(u'.'))
        prefix = true;
    if (text == m_action && prefix == m_actionIsPrefix)
        return;
    m_action = text;
    m_actionIsPrefix = prefix;
    invalidateRowsFilter();
}

bool AuditFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_from.isValid() || m_to.isValid()) {
        const QDateTime time = index.data(AuditEntryModel::TimeRole).toDateTime();
        if ((m_from.isValid() && time < m_from) || (m_to.isValid() && time > m_to))
            return false;
    }
    if (!m_person.isEmpty() && index.data(AuditEntryModel::ActorRole).toString() != m_person)
        return false;
    if (!m_subject.isEmpty() && index.data(AuditEntryModel::SubjectRole).toString() != m_subject)
        return false;
    if (!m_action.isEmpty()) {
        const QString action = index.data(AuditEntryModel::ActionRole).toString();
        if (m_actionIsPrefix ? !action.startsWith(m_action) : action != m_action)
            return false;
    }
    return true;
}

bool AuditFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(AuditEntryModel::RawValueRole);
    const QVariant b = right.data(AuditEntryModel::RawValueRole);
    if (a.userType() == QMetaType::QDateTime)
        return a.toDateTime() < b.toDateTime();
    if (a.userType() == QMetaType::LongLong)
        return a.toLongLong() < b.toLongLong();
    return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
}

} // namespace gl::ui
