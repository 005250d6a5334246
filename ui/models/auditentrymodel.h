#pragma once

#include "audit/auditentry.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QSet>
#include <QStringList>

namespace gl::ui {

// The entries of an audit log, newest first. New entries (read incrementally by seq) are inserted at the top
// with one rowsInserted; the entry a verification found broken is marked (BrokenRole, red background).
class AuditEntryModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SeqColumn, TimeColumn, ActorColumn, ActionColumn, SubjectColumn, DetailColumn, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole, // for sorting: seq (qint64), time (QDateTime), plain text
        SeqRole, // qint64
        TimeRole, // QDateTime (UTC)
        ActorRole,
        ActionRole,
        SubjectRole,
        BrokenRole, // bool: the first entry verification found broken
    };

    explicit AuditEntryModel(QObject *parent = nullptr);

    // Appends entries newer than lastSeq() (in seq order, as read); older or duplicate seqs are ignored.
    void appendEntries(const QList<AuditEntry> &entries);
    void clear();
    [[nodiscard]] qint64 lastSeq() const { return m_lastSeq; }
    [[nodiscard]] const AuditEntry &entryAt(int row) const { return m_rows.at(m_rows.size() - 1 - row).entry; }
    [[nodiscard]] int rowOfSeq(qint64 seq) const;
    // 0 clears the mark.
    void setBrokenSeq(qint64 seq);
    [[nodiscard]] qint64 brokenSeq() const { return m_brokenSeq; }

    // Distinct actors and actions seen, sorted (for the filter pickers).
    [[nodiscard]] QStringList actors() const;
    [[nodiscard]] QStringList actions() const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void filterValuesChanged();

private:
    struct Row {
        AuditEntry entry;
        QDateTime time;
        QString detailText;
    };

    // Stored oldest first so appending is cheap; row r of the model is m_rows[size - 1 - r].
    QList<Row> m_rows;
    qint64 m_lastSeq = 0;
    qint64 m_brokenSeq = 0;
    QSet<QString> m_actors;
    QSet<QString> m_actions;
};

} // namespace gl::ui
