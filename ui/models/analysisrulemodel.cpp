#include "analysisrulemodel.h"

#include "analysis/analysisrules.h"

#include <QColor>

#include <cmath>

namespace gl::ui {

AnalysisRuleModel::AnalysisRuleModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void AnalysisRuleModel::setMeasurements(const QList<Measurement> &measurements, const AnalysisConfig &config)
{
    // Each rule's last measurement, rules in the order they first appear.
    QList<Measurement> rows;
    for (const Measurement &m : measurements) {
        auto it = std::find_if(rows.begin(), rows.end(), [&](const Measurement &r) { return r.rule == m.rule; });
        if (it == rows.end())
            rows.append(m);
        else
            *it = m;
    }
    QStringList units;
    for (const Measurement &m : std::as_const(rows))
        units << unitOf(m, config);

    bool sameRules = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameRules && i < rows.size(); ++i)
        sameRules = rows.at(i).rule == m_rows.at(i).rule;
    if (!sameRules) {
        beginResetModel();
        m_rows = rows;
        m_units = units;
        endResetModel();
        return;
    }
    m_rows = rows;
    m_units = units;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void AnalysisRuleModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_units.clear();
    endResetModel();
}

int AnalysisRuleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AnalysisRuleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnalysisRuleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Measurement &m = m_rows.at(index.row());
    const QString &unit = m_units.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RuleColumn:
            return m.rule;
        case ValueColumn:
            return formatValue(m.value, unit);
        case ThresholdColumn:
            return std::isnan(m.threshold) ? QString() : m.comparison + u' ' + formatValue(m.threshold, unit);
        case OutcomeColumn:
            return outcomeText(m.outcome);
        }
        break;
    case Qt::ToolTipRole:
        return m.reason;
    case Qt::ForegroundRole:
        if (index.column() == OutcomeColumn && m.outcome == Outcome::Fail)
            return QColor(0xc9, 0x2a, 0x2a);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == ValueColumn || index.column() == ThresholdColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case OutcomeRole:
        return toString(m.outcome);
    case RawValueRole:
        if (index.column() == ThresholdColumn)
            return m.threshold;
        if (index.column() == ValueColumn)
            return m.value;
        return data(index, Qt::DisplayRole);
    default:
        break;
    }
    return {};
}

QVariant AnalysisRuleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RuleColumn:
        return tr("Rule");
    case ValueColumn:
        return tr("Last value");
    case ThresholdColumn:
        return tr("Threshold");
    case OutcomeColumn:
        return tr("Outcome");
    }
    return {};
}

QString AnalysisRuleModel::formatValue(double value, const QString &unit)
{
    if (!std::isfinite(value))
        return formatAnalysisValue(value);
    if (unit == u"ratio")
        return QString::number(value * 100, 'g', 3) + QStringLiteral(" %");
    if (unit == u"s")
        return std::abs(value) < 1 ? QString::number(value * 1000, 'g', 3) + QStringLiteral(" ms")
                                   : QString::number(value, 'g', 3) + QStringLiteral(" s");
    const QString number = formatAnalysisValue(value);
    return unit.isEmpty() ? number : number + u' ' + unit;
}

QString AnalysisRuleModel::unitOf(const Measurement &measurement, const AnalysisConfig &config)
{
    for (const AnalysisRule &rule : config.rules) {
        if (rule.name == measurement.rule && rule.kind == RuleKind::BurnRate)
            return QStringLiteral("ratio");
    }
    const SliDefinition *sli = config.sli(measurement.sli);
    return sli ? sli->unit : QString();
}

QString AnalysisRuleModel::outcomeText(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pass:
        return tr("pass");
    case Outcome::Fail:
        return tr("fail");
    case Outcome::Inconclusive:
        return tr("inconclusive");
    }
    return {};
}

} // namespace gl::ui
