#pragma once

#include <QDateTime>
#include <QSortFilterProxyModel>

namespace gl::ui {

// Filters an AuditEntryModel by time range, person, rollout and action, and sorts on raw values (seq, time).
// Empty or invalid criteria match everything.
class AuditFilterProxyModel final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit AuditFilterProxyModel(QObject *parent = nullptr);

    // [from, to]; an invalid end is open.
    void setTimeRange(const QDateTime &from, const QDateTime &to);
    // The actor, exactly.
    void setPerson(const QString &person);
    // A rollout id ("42"): entries whose subject is rollout:42.
    void setRollout(const QString &rolloutId);
    // An action ("approval.approve") or a prefix ending in a dot or "*" ("approval.", "approval.*").
    void setAction(const QString &action);

    [[nodiscard]] QDateTime from() const { return m_from; }
    [[nodiscard]] QDateTime to() const { return m_to; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QDateTime m_from;
    QDateTime m_to;
    QString m_person;
    QString m_subject;
    QString m_action;
    bool m_actionIsPrefix = false;
};

} // namespace gl::ui
