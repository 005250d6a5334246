#include "verdicthistorymodel.h"

#include <QColor>
#include <QLocale>

namespace gl::ui {

VerdictHistoryModel::VerdictHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void VerdictHistoryModel::setMeasurements(qint64 runId, const QList<Measurement> &measurements)
{
    // Group into evaluations, oldest first.
    QList<Row> evaluations;
    QStringList failed;
    QStringList inconclusive;
    auto close = [&] {
        if (evaluations.isEmpty())
            return;
        Row &row = evaluations.last();
        row.reason = !failed.isEmpty() ? failed.join(QStringLiteral("; ")) : inconclusive.join(QStringLiteral("; "));
        if (row.reason.isEmpty())
            row.reason = tr("every rule passed");
        failed.clear();
        inconclusive.clear();
    };
    for (const Measurement &m : measurements) {
        if (evaluations.isEmpty() || evaluations.last().sequence != m.sequence) {
            close();
            evaluations.append(Row {m.sequence, m.at, m.outcome, m.verdict, m.failures, {}});
        }
        Row &row = evaluations.last();
        row.verdict = m.verdict;
        row.failures = m.failures;
        if (m.outcome == Outcome::Fail || row.outcome == Outcome::Fail)
            row.outcome = Outcome::Fail;
        else if (m.outcome == Outcome::Inconclusive)
            row.outcome = Outcome::Inconclusive;
        const QString why = m.rule + QStringLiteral(": ") + m.reason;
        if (m.outcome == Outcome::Fail)
            failed << why;
        else if (m.outcome == Outcome::Inconclusive)
            inconclusive << why;
    }
    close();
    QList<Row> rows(evaluations.crbegin(), evaluations.crend()); // newest first

    // The same run, grown: the old rows are the tail of the new ones; insert the new evaluations on top.
    const qsizetype added = rows.size() - m_rows.size();
    bool grown = runId == m_runId && added >= 0;
    for (qsizetype i = 0; grown && i < m_rows.size(); ++i)
        grown = rows.at(added + i).sequence == m_rows.at(i).sequence;
    if (!grown) {
        beginResetModel();
        m_runId = runId;
        m_rows = rows;
        endResetModel();
        return;
    }
    if (added == 0)
        return;
    beginInsertRows({}, 0, int(added) - 1);
    m_rows = rows;
    endInsertRows();
}

void VerdictHistoryModel::clear()
{
    beginResetModel();
    m_runId = -1;
    m_rows.clear();
    endResetModel();
}

QString VerdictHistoryModel::verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pending:
        return tr("pending");
    case Verdict::Passing:
        return tr("passing");
    case Verdict::Passed:
        return tr("passed");
    case Verdict::Failing:
        return tr("failing");
    case Verdict::Failed:
        return tr("failed");
    case Verdict::Inconclusive:
        return tr("inconclusive");
    }
    return {};
}

int VerdictHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VerdictHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VerdictHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(row.at.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
        case EvaluationColumn:
            return row.sequence;
        case VerdictColumn: {
            const int failures = row.failures;
            return failures > 0 ? tr("%1, %n failure(s) counted", nullptr, failures).arg(verdictText(row.verdict))
                                : verdictText(row.verdict);
        }
        case ReasonColumn:
            return row.reason;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == ReasonColumn || index.column() == TimeColumn)
            return QString(QLocale().toString(row.at.toLocalTime(), QLocale::LongFormat) + u'\n' + row.reason);
        break;
    case Qt::ForegroundRole:
        if (index.column() == VerdictColumn && (row.verdict == Verdict::Failed || row.verdict == Verdict::Failing))
            return QColor(0xc9, 0x2a, 0x2a);
        break;
    case VerdictRole:
        return toString(row.verdict);
    case RawValueRole:
        switch (index.column()) {
        case TimeColumn:
            return row.at;
        case EvaluationColumn:
            return row.sequence;
        case VerdictColumn:
            return toString(row.verdict);
        case ReasonColumn:
            return row.reason;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant VerdictHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case EvaluationColumn:
        return tr("Evaluation");
    case VerdictColumn:
        return tr("Verdict");
    case ReasonColumn:
        return tr("Why");
    }
    return {};
}

} // namespace gl::ui
