#include "runbooklistmodel.h"

namespace gl::ui {

RunbookListModel::RunbookListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void RunbookListModel::setRunbooks(const QList<RunbookSummary> &runbooks)
{
    QList<RunbookSearchHit> rows;
    for (const RunbookSummary &summary : runbooks)
        rows << RunbookSearchHit {summary, summary.title, {}, 0};
    beginResetModel(); // a new list (another query), not an update of the old one
    m_rows = rows;
    endResetModel();
}

void RunbookListModel::setHits(const QList<RunbookSearchHit> &hits)
{
    beginResetModel();
    m_rows = hits;
    endResetModel();
}

QString RunbookListModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).runbook.id : QString();
}

int RunbookListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).runbook.id == id)
            return i;
    return -1;
}

int RunbookListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunbookListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunbookListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunbookSearchHit &hit = m_rows.at(index.row());
    const RunbookSummary &r = hit.runbook;
    switch (role) {
    case IdRole:
        return r.id;
    case SnippetHtmlRole:
        return renderHighlights(hit.snippet, QStringLiteral("<b>"), QStringLiteral("</b>"), true);
    case TitleHtmlRole:
        return renderHighlights(hit.titleHighlighted, QStringLiteral("<b>"), QStringLiteral("</b>"), true);
    case Qt::ToolTipRole:
        return tr("%1 (%2), owner %3").arg(r.title, r.id, r.owner);
    case Qt::DisplayRole:
    case RawValueRole:
        switch (index.column()) {
        case TitleColumn:
            return r.title;
        case ServiceColumn:
            return r.service;
        case LanguageColumn:
            return r.language;
        case StepsColumn:
            return r.stepCount;
        case RtoColumn:
            if (role == RawValueRole)
                return r.rtoSeconds;
            return r.rtoSeconds > 0 ? formatDuration(r.rtoSeconds) : QStringLiteral("—");
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant RunbookListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Runbook");
    case ServiceColumn:
        return tr("Service");
    case LanguageColumn:
        return tr("Language");
    case StepsColumn:
        return tr("Steps");
    case RtoColumn:
        return tr("RTO");
    default:
        return {};
    }
}

} // namespace gl::ui
