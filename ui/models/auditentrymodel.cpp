#include "auditentrymodel.h"

#include <QBrush>
#include <QColor>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>

#include <algorithm>

namespace gl::ui {
namespace {

// The detail object as "key: value" pairs in one line; long values (tokens) shortened.
QString detailSummary(const AuditEntry &entry)
{
    const QJsonObject object = entry.detailObject();
    QStringList parts;
    for (auto it = object.begin(); it != object.end(); ++it) {
        QString value;
        if (it.value().isString())
            value = it.value().toString();
        else if (it.value().isDouble())
            value = QString::number(it.value().toDouble());
        else if (it.value().isBool())
            value = it.value().toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else
            value = QString::fromUtf8(entry.detail).isEmpty() ? QString() : QStringLiteral("…");
        if (value.size() > 48)
            value = value.left(24) + u'…';
        parts << it.key() + u": " + value;
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

AuditEntryModel::AuditEntryModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void AuditEntryModel::appendEntries(const QList<AuditEntry> &entries)
{
    QList<Row> fresh;
    qint64 last = m_lastSeq;
    for (const AuditEntry &entry : entries) {
        if (entry.seq <= last)
            continue;
        last = entry.seq;
        fresh << Row {entry, QDateTime::fromString(entry.time, Qt::ISODateWithMs).toUTC(), detailSummary(entry)};
    }
    if (fresh.isEmpty())
        return;
    const qsizetype actorCount = m_actors.size();
    const qsizetype actionCount = m_actions.size();
    const bool changing = m_changing;
    m_changing = true; // no page is fetched from the observers of this insertion
    beginInsertRows({}, 0, int(fresh.size()) - 1);
    for (Row &row : fresh) {
        m_actors.insert(row.entry.actor);
        m_actions.insert(row.entry.action);
        m_rows << std::move(row);
    }
    m_lastSeq = last;
    endInsertRows();
    m_changing = changing;
    if (m_actors.size() != actorCount || m_actions.size() != actionCount)
        emit filterValuesChanged();
}

void AuditEntryModel::setPageLoader(PageLoader loader, int pageSize)
{
    m_changing = true;
    beginResetModel();
    m_rows.clear();
    m_lastSeq = 0;
    m_actors.clear();
    m_actions.clear();
    m_loader = std::move(loader);
    m_pageSize = std::max(1, pageSize);
    m_exhausted = false;
    // Views answer a reset by asking for more at once, while other observers have not seen it yet: the caller
    // asks for the first page when every observer has.
    endResetModel();
    m_changing = false;
    emit filterValuesChanged();
}

bool AuditEntryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loader && !m_exhausted && !m_changing;
}

void AuditEntryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    // Observers (a view under a proxy) ask for more while a page is being inserted: one page at a time.
    m_changing = true;
    const qint64 before = m_rows.isEmpty() ? 0 : m_rows.first().entry.seq;
    const Result<QList<AuditEntry>> page = m_loader(before, m_pageSize);
    if (!page) {
        m_exhausted = true;
        m_changing = false;
        emit pageLoadFailed(page.error().message);
        return;
    }
    if (page->size() < m_pageSize)
        m_exhausted = true;
    QList<Row> older; // oldest first, as stored
    older.reserve(page->size());
    for (auto it = page->crbegin(); it != page->crend(); ++it) {
        if ((before > 0 && it->seq >= before) || (!older.isEmpty() && it->seq <= older.last().entry.seq))
            continue;
        older << Row {*it, QDateTime::fromString(it->time, Qt::ISODateWithMs).toUTC(), detailSummary(*it)};
    }
    if (older.isEmpty()) {
        m_changing = false;
        return;
    }
    const qsizetype actorCount = m_actors.size();
    const qsizetype actionCount = m_actions.size();
    const int first = rowCount();
    beginInsertRows({}, first, first + int(older.size()) - 1);
    for (const Row &row : std::as_const(older)) {
        m_actors.insert(row.entry.actor);
        m_actions.insert(row.entry.action);
    }
    if (m_rows.isEmpty())
        m_lastSeq = older.last().entry.seq;
    older.append(std::move(m_rows));
    m_rows = std::move(older);
    endInsertRows();
    m_changing = false;
    if (m_actors.size() != actorCount || m_actions.size() != actionCount)
        emit filterValuesChanged();
}

void AuditEntryModel::clear()
{
    if (!m_rows.isEmpty()) {
        beginRemoveRows({}, 0, int(m_rows.size()) - 1);
        m_rows.clear();
        endRemoveRows();
    }
    m_lastSeq = 0;
    m_brokenSeq = 0;
    m_actors.clear();
    m_actions.clear();
    m_loader = {};
    m_exhausted = false;
    emit filterValuesChanged();
}

int AuditEntryModel::rowOfSeq(qint64 seq) const
{
    const auto it = std::lower_bound(
        m_rows.cbegin(), m_rows.cend(), seq, [](const Row &row, qint64 value) { return row.entry.seq < value; });
    if (it == m_rows.cend() || it->entry.seq != seq)
        return -1;
    return int(m_rows.size() - 1 - (it - m_rows.cbegin()));
}

void AuditEntryModel::setBrokenSeq(qint64 seq)
{
    if (seq == m_brokenSeq)
        return;
    const int before = rowOfSeq(m_brokenSeq);
    m_brokenSeq = seq;
    const int after = rowOfSeq(seq);
    for (const int row : {before, after}) {
        if (row >= 0)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1), {Qt::BackgroundRole, BrokenRole});
    }
}

QStringList AuditEntryModel::actors() const
{
    QStringList list(m_actors.cbegin(), m_actors.cend());
    list.sort();
    return list;
}

QStringList AuditEntryModel::actions() const
{
    QStringList list(m_actions.cbegin(), m_actions.cend());
    list.sort();
    return list;
}

int AuditEntryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditEntryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditEntryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(m_rows.size() - 1 - index.row());
    const AuditEntry &entry = row.entry;
    switch (role) {
    case SeqRole:
        return entry.seq;
    case TimeRole:
        return row.time;
    case ActorRole:
        return entry.actor;
    case ActionRole:
        return entry.action;
    case SubjectRole:
        return entry.subject;
    case BrokenRole:
        return m_brokenSeq > 0 && entry.seq == m_brokenSeq;
    case Qt::BackgroundRole:
        if (m_brokenSeq > 0 && entry.seq == m_brokenSeq)
            return QBrush(QColor(0xf8, 0xd7, 0xda));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == DetailColumn)
            return QString::fromUtf8(entry.detail);
        if (index.column() == TimeColumn)
            return entry.time;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SeqColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawValueRole:
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeqColumn:
            return role == RawValueRole ? QVariant(entry.seq) : QVariant(QString::number(entry.seq));
        case TimeColumn:
            return role == RawValueRole
                ? QVariant(row.time)
                : QVariant(QLocale().toString(row.time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        case ActorColumn:
            return entry.actor;
        case ActionColumn:
            return entry.action;
        case SubjectColumn:
            return entry.subject;
        case DetailColumn:
            return role == RawValueRole ? QString::fromUtf8(entry.detail) : row.detailText;
        }
        return {};
    default:
        return {};
    }
}

QVariant AuditEntryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeqColumn:
        return tr("Seq");
    case TimeColumn:
        return tr("Time");
    case ActorColumn:
        return tr("Person");
    case ActionColumn:
        return tr("Action");
    case SubjectColumn:
        return tr("Subject");
    case DetailColumn:
        return tr("Detail");
    }
    return {};
}

} // namespace gl::ui
