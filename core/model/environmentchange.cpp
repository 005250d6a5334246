#include "environmentchange.h"

#include <QCoreApplication>

#include <functional>

namespace gl {
namespace {

constexpr char kContext[] = "gl::EnvironmentChange";

// A text that differs when anything the gate enforces differs.
QString fingerprint(const GateConfig &gate)
{
    QStringList inputs;
    for (const RequiredInput &input : gate.inputs)
        inputs << input.name + u'=' + input.pattern;
    return QStringList {toString(gate.stage), QString::number(gate.step), gate.groups.join(u','),
        QString::number(gate.quorum), gate.distinctGroups ? QStringLiteral("distinct") : QString(), inputs.join(u','),
        QString::number(gate.timeoutMs)}
        .join(u'|');
}

QString fingerprint(const Identity &identity)
{
    return identity.groups.join(u',') + u'|' + identity.publicKey.toString();
}

QString fingerprint(const ServerSlot &slot)
{
    return slot.colour + u'|' + slot.address; // not the version: see the class comment
}

QString fingerprint(const Freeze &freeze)
{
    return QStringList {QString::number(int(freeze.kind)), freeze.from.toString(Qt::ISODate),
        freeze.to.toString(Qt::ISODate), QString::number(freeze.fromDay), freeze.fromTime.toString(),
        QString::number(freeze.toDay), freeze.toTime.toString(), QString::number(freeze.fromMonth),
        QString::number(freeze.fromMonthDay), QString::number(freeze.toMonth), QString::number(freeze.toMonthDay)}
        .join(u'|');
}

QString windowsFingerprint(const ChangeCalendarConfig &calendar)
{
    QStringList parts {QString::fromLatin1(calendar.timeZone), calendar.overrideGroups.join(u','),
        QString::number(calendar.overrideQuorum)};
    for (const ChangeWindow &window : calendar.windows) {
        QStringList days;
        for (const int day : window.days)
            days << QString::number(day);
        parts << days.join(u',') + u'/' + window.from.toString() + u'/' + window.to.toString();
    }
    return parts.join(u'|');
}

QString fingerprint(const SliDefinition &sli)
{
    return QStringList {toString(sli.kind), sli.query, sli.unit}.join(u'|');
}

QString fingerprint(const AnalysisRule &rule)
{
    return QStringList {rule.sli, toString(rule.kind), QString::number(rule.threshold), QString::number(rule.factor),
        QString::number(rule.floor), QString::number(rule.slo), QString::number(rule.sloWindowMs),
        QString::number(rule.budgetFraction)}
        .join(u'|');
}

// Compares two named lists: what was added, removed or changed (by fingerprint), in the order of `after`
// (removals in the order of `before`).
template<typename T>
void diffNamed(EnvironmentChange &change, EnvironmentChange::Subject subject, const QList<T> &before,
    const QList<T> &after, const std::function<QString(const T &)> &nameOf,
    const std::function<QString(const T &)> &printOf)
{
    QList<QPair<QString, QString>> old;
    for (const T &item : before)
        old.append({nameOf(item), printOf(item)});
    const auto find = [](const QList<QPair<QString, QString>> &list, const QString &name) -> const QString * {
        for (const auto &entry : list) {
            if (entry.first == name)
                return &entry.second;
        }
        return nullptr;
    };
    QList<QPair<QString, QString>> now;
    for (const T &item : after)
        now.append({nameOf(item), printOf(item)});
    for (const auto &entry : std::as_const(old)) {
        if (!find(now, entry.first))
            change.items.append({subject, EnvironmentChange::Kind::Removed, entry.first, {}});
    }
    for (const auto &entry : std::as_const(now)) {
        const QString *was = find(old, entry.first);
        if (!was)
            change.items.append({subject, EnvironmentChange::Kind::Added, entry.first, {}});
        else if (*was != entry.second)
            change.items.append({subject, EnvironmentChange::Kind::Changed, entry.first, {}});
    }
}

void diffSetting(EnvironmentChange &change, EnvironmentChange::Subject subject, bool differs, const QString &value = {})
{
    if (differs)
        change.items.append({subject, EnvironmentChange::Kind::Changed, {}, value});
}

} // namespace

QString EnvironmentChange::Item::text() const
{
    using S = Subject;
    const auto named = [this](const char *added, const char *removed, const char *changed) {
        const char *text = kind == Kind::Added ? added : kind == Kind::Removed ? removed : changed;
        return QCoreApplication::translate(kContext, text).arg(name);
    };
    switch (subject) {
    case S::Name:
        return QCoreApplication::translate("gl::EnvironmentChange", "name changed to %1").arg(value);
    case S::RuntimeApi:
        return QCoreApplication::translate("gl::EnvironmentChange", "HAProxy Runtime API changed to %1").arg(value);
    case S::Backend:
        return QCoreApplication::translate("gl::EnvironmentChange", "HAProxy backend changed to %1").arg(value);
    case S::StateDatabase:
        return QCoreApplication::translate("gl::EnvironmentChange", "state database changed to %1").arg(value);
    case S::Slot:
        return named(QT_TRANSLATE_NOOP("gl::EnvironmentChange", "slot %1 added"),
            QT_TRANSLATE_NOOP("gl::EnvironmentChange", "slot %1 removed"),
            QT_TRANSLATE_NOOP("gl::EnvironmentChange", "slot %1 changed"));
    case S::PrometheusUrl:
        return QCoreApplication::translate("gl::EnvironmentChange", "Prometheus URL changed to %1").arg(value);
    case S::DeployHook:
        return QCoreApplication::translate("gl::EnvironmentChange", "deploy hook changed");
    case S::UndeployHook:
        return QCoreApplication::translate("gl::EnvironmentChange", "undeploy hook changed");
    case S::Strategies:
        return QCoreApplication::translate("gl::EnvironmentChange", "strategies changed");
    case S::AnalysisSettings:
        return kind == Kind::Added  ? QCoreApplication::translate("gl::EnvironmentChange", "analysis section added")
            : kind == Kind::Removed ? QCoreApplication::translate("gl::EnvironmentChange", "analysis section removed")
                                    : QCoreApplication::translate("gl::EnvironmentChange", "analysis settings changed");
    case S::Sli:
        return named(QT_TRANSLATE_NOOP("gl::EnvironmentChange", "SLI %1 added"),
            QT_TRANSLATE_NOOP("gl::EnvironmentChange", "SLI %1 removed"),
            QT_TRANSLATE_NOOP("gl::EnvironmentChange", "SLI %1 changed"));
    case S::AnalysisRule:
        return named(QT_TRANSLATE_NOOP("gl::EnvironmentChange", "analysis rule %1 added"),
            QT_TRANSLATE_NOOP("gl::EnvironmentChange", "analysis rule %1 removed"),
            QT_TRANSLATE_NOOP("gl::EnvironmentChange", "analysis rule %1 changed"));
    case S::Approver:
        return named(QT_TRANSLATE_NOOP("gl::EnvironmentChange", "approver %1 added"),
            QT_TRANSLATE_NOOP("gl::EnvironmentChange", "approver %1 removed"),
            QT_TRANSLATE_NOOP("gl::EnvironmentChange", "approver %1 changed"));
    case S::Gate:
        return named(QT_TRANSLATE_NOOP("gl::EnvironmentChange", "gate %1 added"),
            QT_TRANSLATE_NOOP("gl::EnvironmentChange", "gate %1 removed"),
            QT_TRANSLATE_NOOP("gl::EnvironmentChange", "gate %1 changed"));
    case S::ChangeWindows:
        return QCoreApplication::translate("gl::EnvironmentChange", "change windows changed");
    case S::Freeze:
        return named(QT_TRANSLATE_NOOP("gl::EnvironmentChange", "freeze %1 added"),
            QT_TRANSLATE_NOOP("gl::EnvironmentChange", "freeze %1 removed"),
            QT_TRANSLATE_NOOP("gl::EnvironmentChange", "freeze %1 changed"));
    case S::RollbackRunbook:
        return value.isEmpty()
            ? QCoreApplication::translate("gl::EnvironmentChange", "rollback runbook removed")
            : QCoreApplication::translate("gl::EnvironmentChange", "rollback runbook changed to %1").arg(value);
    }
    return {};
}

bool EnvironmentChange::touches(Subject subject) const
{
    for (const Item &item : items) {
        if (item.subject == subject)
            return true;
    }
    return false;
}

bool EnvironmentChange::needsReopen(Subject subject)
{
    return subject == Subject::Name || subject == Subject::RuntimeApi || subject == Subject::Backend
        || subject == Subject::StateDatabase;
}

bool EnvironmentChange::needsReopen() const
{
    for (const Item &item : items) {
        if (needsReopen(item.subject))
            return true;
    }
    return false;
}

QString EnvironmentChange::summary() const
{
    QStringList texts;
    for (const Item &item : items)
        texts << item.text();
    return texts.join(QStringLiteral("; "));
}

QString EnvironmentChange::reopenSummary() const
{
    QStringList texts;
    for (const Item &item : items) {
        if (needsReopen(item.subject))
            texts << item.text();
    }
    return texts.join(QStringLiteral("; "));
}

EnvironmentChange diffEnvironments(const Environment &before, const Environment &after)
{
    using S = EnvironmentChange::Subject;
    EnvironmentChange change;
    diffSetting(change, S::Name, before.name != after.name, after.name);
    diffSetting(change, S::RuntimeApi, before.runtimeApi != after.runtimeApi, after.runtimeApi);
    diffSetting(change, S::Backend, before.backend != after.backend, after.backend);
    diffSetting(change, S::StateDatabase, before.stateDatabase != after.stateDatabase, after.stateDatabase);
    diffNamed<ServerSlot>(
        change, S::Slot, before.serverSlots, after.serverSlots, [](const ServerSlot &s) { return s.name; },
        [](const ServerSlot &s) { return fingerprint(s); });
    diffSetting(change, S::PrometheusUrl, before.prometheusUrl != after.prometheusUrl, after.prometheusUrl.toString());
    diffSetting(change, S::DeployHook, before.deployHook != after.deployHook);
    diffSetting(change, S::UndeployHook, before.undeployHook != after.undeployHook);
    diffSetting(change, S::Strategies, !(before.strategies == after.strategies));

    const AnalysisConfig &a = before.analysis;
    const AnalysisConfig &b = after.analysis;
    if (a.configured != b.configured) {
        change.items.append(
            {S::AnalysisSettings, b.configured ? EnvironmentChange::Kind::Added : EnvironmentChange::Kind::Removed});
    } else {
        AnalysisConfig settingsA = a;
        AnalysisConfig settingsB = b;
        settingsA.slis.clear();
        settingsA.rules.clear();
        settingsB.slis.clear();
        settingsB.rules.clear();
        diffSetting(change, S::AnalysisSettings, !(settingsA == settingsB));
        diffNamed<SliDefinition>(
            change, S::Sli, a.slis, b.slis, [](const SliDefinition &s) { return s.name; },
            [](const SliDefinition &s) { return fingerprint(s); });
        diffNamed<AnalysisRule>(
            change, S::AnalysisRule, a.rules, b.rules, [](const AnalysisRule &r) { return r.name; },
            [](const AnalysisRule &r) { return fingerprint(r); });
    }

    diffNamed<Identity>(
        change, S::Approver, before.approvals.approvers, after.approvals.approvers,
        [](const Identity &i) { return i.person; }, [](const Identity &i) { return fingerprint(i); });
    diffNamed<GateConfig>(
        change, S::Gate, before.approvals.gates, after.approvals.gates, [](const GateConfig &g) { return g.name; },
        [](const GateConfig &g) { return fingerprint(g); });
    diffSetting(change, S::ChangeWindows,
        windowsFingerprint(before.approvals.calendar) != windowsFingerprint(after.approvals.calendar));
    diffNamed<Freeze>(
        change, S::Freeze, before.approvals.calendar.freezes, after.approvals.calendar.freezes,
        [](const Freeze &f) { return f.name; }, [](const Freeze &f) { return fingerprint(f); });
    diffSetting(change, S::RollbackRunbook, before.rollbackRunbook != after.rollbackRunbook, after.rollbackRunbook);
    return change;
}

Environment reloadedEnvironment(const Environment &inForce, const Environment &fromFile)
{
    Environment result = fromFile;
    result.filePath = inForce.filePath;
    result.name = inForce.name;
    result.runtimeApi = inForce.runtimeApi;
    result.backend = inForce.backend;
    result.stateDatabase = inForce.stateDatabase;
    return result;
}

} // namespace gl
