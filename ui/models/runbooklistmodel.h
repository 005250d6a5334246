#pragma once

#include "runbooks/runbooklibrary.h"

#include <QAbstractTableModel>

namespace gl::ui {

// The runbooks shown in the library: every runbook, or the hits of a search (best first) with their
// highlighted snippets.
class RunbookListModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TitleColumn, ServiceColumn, LanguageColumn, StepsColumn, RtoColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole, // QString
        SnippetHtmlRole, // search snippet with <b> highlights (empty when not searching)
        TitleHtmlRole, // title with <b> highlights
        RawValueRole, // for sorting: seconds, counts, plain text
    };

    explicit RunbookListModel(QObject *parent = nullptr);

    void setRunbooks(const QList<RunbookSummary> &runbooks);
    void setHits(const QList<RunbookSearchHit> &hits);
    [[nodiscard]] QString idAt(int row) const;
    [[nodiscard]] int rowOf(const QString &id) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<RunbookSearchHit> m_rows;
};

} // namespace gl::ui
