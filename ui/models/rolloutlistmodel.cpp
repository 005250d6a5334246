#include "rolloutlistmodel.h"

#include "engine/rolloutstatemachine.h"

#include <QDateTime>
#include <QSet>

namespace gl::ui {

RolloutListModel::RolloutListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

QString RolloutListModel::key(const QString &environment, qint64 id)
{
    return environment + u'\x1f' + QString::number(id);
}

void RolloutListModel::reindex()
{
    m_index.clear();
    m_index.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_index.insert(key(m_rows.at(i).environment, m_rows.at(i).record.id), i);
}

int RolloutListModel::rowOf(const QString &environment, qint64 id) const
{
    return m_index.value(key(environment, id), -1);
}

void RolloutListModel::setRollouts(const QString &environment, const QList<RolloutRecord> &records)
{
    QSet<qint64> present;
    for (const RolloutRecord &record : records)
        present.insert(record.id);
    // Removals, from the bottom so that row numbers stay valid; contiguous runs in one call.
    for (int i = int(m_rows.size()) - 1; i >= 0;) {
        if (m_rows.at(i).environment != environment || present.contains(m_rows.at(i).record.id)) {
            --i;
            continue;
        }
        int first = i;
        while (first > 0 && m_rows.at(first - 1).environment == environment
            && !present.contains(m_rows.at(first - 1).record.id))
            --first;
        beginRemoveRows({}, first, i);
        m_rows.remove(first, i - first + 1);
        endRemoveRows();
        i = first - 1;
    }
    reindex();
    QList<Row> added;
    for (const RolloutRecord &record : records) {
        const int row = rowOf(environment, record.id);
        if (row < 0) {
            added << Row {environment, record, QString()};
            continue;
        }
        if (m_rows.at(row).record.revision != record.revision || m_rows.at(row).record.state != record.state) {
            m_rows[row].record = record;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.append(added);
        endInsertRows();
        reindex();
    }
}

void RolloutListModel::updateRollout(const QString &environment, const RolloutRecord &record)
{
    const int row = rowOf(environment, record.id);
    if (row < 0) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first);
        m_rows.append(Row {environment, record, QString()});
        endInsertRows();
        m_index.insert(key(environment, record.id), first);
        return;
    }
    m_rows[row].record = record;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void RolloutListModel::setAnalysisVerdicts(const QString &environment, const QHash<qint64, QString> &verdicts)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        Row &r = m_rows[row];
        if (r.environment != environment)
            continue;
        const QString verdict = verdicts.value(r.record.id);
        if (verdict == r.verdict)
            continue;
        r.verdict = verdict;
        Q_EMIT dataChanged(index(row, AnalysisColumn), index(row, AnalysisColumn));
    }
}

void RolloutListModel::removeEnvironment(const QString &environment)
{
    setRollouts(environment, {});
}

int RolloutListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RolloutListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RolloutListModel::stateText(RolloutState state)
{
    switch (state) {
    case RolloutState::Pending:
        return tr("Pending");
    case RolloutState::Running:
        return tr("Running");
    case RolloutState::Paused:
        return tr("Paused");
    case RolloutState::Held:
        return tr("Held");
    case RolloutState::Aborting:
        return tr("Aborting");
    case RolloutState::RollingBack:
        return tr("Rolling back");
    case RolloutState::Completed:
        return tr("Completed");
    case RolloutState::Aborted:
        return tr("Aborted");
    case RolloutState::RolledBack:
        return tr("Rolled back");
    }
    return {};
}

QString RolloutListModel::shareText(double percent)
{
    if (percent < 0)
        return tr("?");
    return tr("%1 %").arg(QLocale().toString(percent, 'f', percent == int(percent) ? 0 : 1));
}

QString RolloutListModel::gateText(const RolloutRecord &record)
{
    if (record.state != RolloutState::Paused)
        return QString();
    switch (record.pauseReason) {
    case PauseReason::Gate:
        return tr("Waiting for approval");
    case PauseReason::Analysis:
        return tr("Waiting for analysis");
    case PauseReason::User:
        return tr("Paused by an operator");
    case PauseReason::None:
        break;
    }
    return QString();
}

QString RolloutListModel::analysisText(const QString &verdict, const RolloutRecord &record)
{
    if (verdict == u"passed")
        return tr("Passed");
    if (verdict == u"failed")
        return tr("Failed");
    if (verdict == u"inconclusive")
        return tr("Inconclusive");
    if (verdict == u"pending")
        return RolloutStateMachine::isActive(record.state) ? tr("Running") : tr("Not finished");
    return QString();
}

QVariant RolloutListModel::display(const Row &row, int column) const
{
    const RolloutRecord &r = row.record;
    switch (column) {
    case EnvironmentColumn:
        return row.environment;
    case IdColumn:
        return QStringLiteral("#%1").arg(r.id);
    case StateColumn:
        return stateText(r.state);
    case StrategyColumn:
        return r.strategy;
    case FromColumn:
        return r.versionFrom.isEmpty() ? QStringLiteral("—") : r.versionFrom;
    case ToColumn:
        return r.versionTo;
    case StepColumn:
        if (r.stepCount <= 0)
            return QStringLiteral("—");
        return tr("%1/%2").arg(qMax(0, r.stepIndex + 1)).arg(r.stepCount);
    case DesiredColumn:
        return shareText(r.desiredShare);
    case ActualColumn:
        return shareText(r.actualShare);
    case AnalysisColumn:
        return analysisText(row.verdict, r);
    case GateColumn:
        return gateText(r);
    case StartedColumn: {
        const QDateTime at = QDateTime::fromString(r.startedAt, Qt::ISODateWithMs);
        return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : r.startedAt;
    }
    case StartedByColumn:
        return r.startedBy;
    default:
        return {};
    }
}

QVariant RolloutListModel::raw(const Row &row, int column) const
{
    const RolloutRecord &r = row.record;
    switch (column) {
    case IdColumn:
        return r.id;
    case StateColumn:
        return int(r.state);
    case StepColumn:
        return r.stepIndex + 1;
    case DesiredColumn:
        return r.desiredShare;
    case ActualColumn:
        return r.actualShare;
    case StartedColumn:
        return r.startedAt; // ISO 8601 UTC sorts as text
    default:
        return display(row, column);
    }
}

QVariant RolloutListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == StateColumn || index.column() == GateColumn)
            return row.record.message.isEmpty() ? QVariant() : QVariant(row.record.message);
        if (index.column() == StartedColumn)
            return row.record.reason.isEmpty() ? QVariant() : QVariant(tr("Why: %1").arg(row.record.reason));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == DesiredColumn || index.column() == ActualColumn || index.column() == IdColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawValueRole:
        return raw(row, index.column());
    case RolloutIdRole:
        return row.record.id;
    case EnvironmentRole:
        return row.environment;
    case StateRole:
        return int(row.record.state);
    default:
        return {};
    }
}

QVariant RolloutListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EnvironmentColumn:
        return tr("Environment");
    case IdColumn:
        return tr("Rollout");
    case StateColumn:
        return tr("State");
    case StrategyColumn:
        return tr("Strategy");
    case FromColumn:
        return tr("From");
    case ToColumn:
        return tr("To");
    case StepColumn:
        return tr("Step");
    case DesiredColumn:
        return tr("Desired");
    case ActualColumn:
        return tr("Actual");
    case AnalysisColumn:
        return tr("Analysis");
    case GateColumn:
        return tr("Gate");
    case StartedColumn:
        return tr("Started");
    case StartedByColumn:
        return tr("By");
    default:
        return {};
    }
}

} // namespace gl::ui
