#pragma once

#include "audit/auditentry.h"
#include "util/result.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QSet>
#include <QStringList>

#include <functional>

namespace gl::ui {

// The entries of an audit log, newest first, loaded a page at a time: the newest page first, older pages on
// demand (canFetchMore/fetchMore, which views call when scrolled to the bottom) through a page loader (a core
// reader query, filtered by SQLite). New entries (read incrementally by seq) are inserted at the top with one
// rowsInserted; older pages at the bottom; the entry a verification found broken is marked (BrokenRole, red
// background).
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

    // The `limit` newest entries with seq < `beforeSeq` (0: no bound), newest first.
    using PageLoader = std::function<Result<QList<AuditEntry>>(qint64 beforeSeq, int limit)>;
    static constexpr int kDefaultPageSize = 2000;

    explicit AuditEntryModel(QObject *parent = nullptr);

    // Empties the model (one reset) and reads pages through `loader` from now on; call fetchMore() for the first.
    void setPageLoader(PageLoader loader, int pageSize = kDefaultPageSize);
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // All older entries are loaded (or there is no loader).
    [[nodiscard]] bool allLoaded() const { return !m_loader || m_exhausted; }

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
    // A page could not be read; no more are asked for until the next setPageLoader().
    void pageLoadFailed(const QString &message);

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
    PageLoader m_loader;
    int m_pageSize = kDefaultPageSize;
    bool m_exhausted = false;
    bool m_changing = false;
};

} // namespace gl::ui
