#include "approvalsconfig.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

#include <yaml-cpp/yaml.h>

// The approvals sections of the environment file (see docs/approvals.md):
//
//   approvers:
//     - {person: alice, groups: [release-managers], key: "ed25519:BASE64"}
//   gates:
//     - name: prod-approval
//       at: before_start            # before_start | canary_step | before_switch
//       step: 25                    # canary_step only: the step's percent (omit: every step)
//       groups: [release-managers, sre]
//       quorum: 2
//       distinct_groups: true
//       inputs: [{name: ticket, pattern: "^CHG-[0-9]+$"}]
//       timeout: 4h
//   change_windows:
//     time_zone: Europe/Berlin
//     allowed: [{days: [mon, tue, wed, thu], from: "09:00", to: "17:00"}]
//     override: {groups: [sre-leads], quorum: 1}
//   freezes:
//     - {name: year-end, from: "2026-12-20 00:00", to: "2027-01-05 00:00"}
//     - {name: weekend, weekly: {from: "fri 16:00", to: "mon 08:00"}}
//     - {name: black-friday, yearly: {from: "11-25", to: "12-01"}}
namespace gl {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::EnvironmentFile)
};

const QStringList kDays {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"), QStringLiteral("thu"),
    QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};

std::optional<qint64> durationMs(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]+)(ms|s|m|h|d)?$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    if (unit == u"ms")
        return n;
    if (unit == u"m")
        return n * 60000;
    if (unit == u"h")
        return n * 3600000;
    if (unit == u"d")
        return n * 86400000;
    return n * 1000;
}

// "HH:MM"; "24:00" gives an invalid QTime (end of day) with `endOfDay` set.
std::optional<QTime> clockTime(const QString &text, bool allowEndOfDay, bool *endOfDay = nullptr)
{
    if (allowEndOfDay && text.trimmed() == u"24:00") {
        if (endOfDay)
            *endOfDay = true;
        return QTime();
    }
    const QTime time = QTime::fromString(text.trimmed(), QStringLiteral("HH:mm"));
    if (!time.isValid())
        return std::nullopt;
    return time;
}

class Reader {
public:
    explicit Reader(const ApprovalsYamlErrorSink &sink)
        : m_sink(sink)
    { }

    ApprovalsConfig read(const YAML::Node &root)
    {
        if (const YAML::Node n = root["change_windows"]; n.IsDefined() && !n.IsNull())
            readWindows(n);
        if (const YAML::Node n = root["approvers"]; n.IsDefined() && !n.IsNull())
            readApprovers(n);
        if (const YAML::Node n = root["gates"]; n.IsDefined() && !n.IsNull())
            readGates(n);
        if (const YAML::Node n = root["freezes"]; n.IsDefined() && !n.IsNull())
            readFreezes(n);
        return m_config;
    }

private:
    void error(const YAML::Node &node, const QString &field, const QString &problem)
    {
        m_sink(node.Mark(), field, problem);
    }

    bool checkMap(const YAML::Node &node, const QString &field, const QStringList &allowed)
    {
        if (!node.IsMap()) {
            error(node, field, Tr::tr("expected a mapping"));
            return false;
        }
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = QString::fromStdString(it->first.as<std::string>(std::string()));
            if (!allowed.contains(key))
                m_sink(it->first.Mark(), field + u'.' + key,
                    Tr::tr("unknown key (expected one of: %1)").arg(allowed.join(u", ")));
        }
        return true;
    }

    std::optional<QString> text(const YAML::Node &parent, const char *key, const QString &field, bool required)
    {
        const YAML::Node node = parent[key];
        if (!node.IsDefined() || node.IsNull()) {
            if (required)
                error(parent, field, Tr::tr("required field is missing"));
            return std::nullopt;
        }
        if (!node.IsScalar()) {
            error(node, field, Tr::tr("expected a string"));
            return std::nullopt;
        }
        const QString value = QString::fromStdString(node.Scalar()).trimmed();
        if (value.isEmpty() && required) {
            error(node, field, Tr::tr("must not be empty"));
            return std::nullopt;
        }
        return value;
    }

    QStringList list(const YAML::Node &parent, const char *key, const QString &field, bool required)
    {
        const YAML::Node node = parent[key];
        QStringList values;
        if (!node.IsDefined() || node.IsNull()) {
            if (required)
                error(parent, field, Tr::tr("required field is missing"));
            return values;
        }
        if (!node.IsSequence() || node.size() == 0) {
            error(node, field, Tr::tr("expected a non-empty list"));
            return values;
        }
        for (std::size_t i = 0; i < node.size(); ++i) {
            if (!node[i].IsScalar())
                error(node[i], QStringLiteral("%1[%2]").arg(field).arg(i), Tr::tr("expected a string"));
            else
                values << QString::fromStdString(node[i].Scalar()).trimmed();
        }
        return values;
    }

    void readApprovers(const YAML::Node &node)
    {
        if (!node.IsSequence()) {
            error(node, QStringLiteral("approvers"), Tr::tr("expected a list of approvers"));
            return;
        }
        QSet<QString> people;
        for (std::size_t i = 0; i < node.size(); ++i) {
            const YAML::Node item = node[i];
            const QString field = QStringLiteral("approvers[%1]").arg(i);
            if (!checkMap(item, field, {QStringLiteral("person"), QStringLiteral("groups"), QStringLiteral("key")}))
                continue;
            Identity identity;
            if (auto person = text(item, "person", field + u".person", true)) {
                if (people.contains(*person))
                    error(item["person"], field + u".person", Tr::tr("\"%1\" is listed twice").arg(*person));
                people.insert(*person);
                identity.person = *person;
            }
            identity.groups = list(item, "groups", field + u".groups", true);
            if (auto key = text(item, "key", field + u".key", true)) {
                const Result<PublicKey> parsed = PublicKey::fromBase64(*key);
                if (!parsed)
                    error(item["key"], field + u".key", parsed.error().message);
                else
                    identity.publicKey = *parsed;
            }
            m_config.approvers << identity;
        }
    }

    void readGates(const YAML::Node &node)
    {
        if (!node.IsSequence()) {
            error(node, QStringLiteral("gates"), Tr::tr("expected a list of gates"));
            return;
        }
        QSet<QString> names;
        for (std::size_t i = 0; i < node.size(); ++i) {
            const YAML::Node item = node[i];
            const QString field = QStringLiteral("gates[%1]").arg(i);
            if (!checkMap(item, field,
                    {QStringLiteral("name"), QStringLiteral("at"), QStringLiteral("step"), QStringLiteral("groups"),
                        QStringLiteral("quorum"), QStringLiteral("distinct_groups"), QStringLiteral("inputs"),
                        QStringLiteral("timeout")}))
                continue;
            GateConfig gate;
            if (auto name = text(item, "name", field + u".name", true)) {
                static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.-]+$"));
                if (!re.match(*name).hasMatch())
                    error(item["name"], field + u".name", Tr::tr("use letters, digits, '.', '_' and '-' only"));
                else if (names.contains(*name) || *name == u"calendar")
                    error(item["name"], field + u".name", Tr::tr("the name \"%1\" is already used").arg(*name));
                names.insert(*name);
                gate.name = *name;
            }
            if (auto at = text(item, "at", field + u".at", true)) {
                if (*at == u"before_start")
                    gate.stage = GateStage::BeforeStart;
                else if (*at == u"canary_step")
                    gate.stage = GateStage::CanaryStep;
                else if (*at == u"before_switch")
                    gate.stage = GateStage::BeforeSwitch;
                else
                    error(item["at"], field + u".at",
                        Tr::tr("expected before_start, canary_step or before_switch, got \"%1\"").arg(*at));
            }
            if (auto step = text(item, "step", field + u".step", false)) {
                bool ok = false;
                gate.step = step->toInt(&ok);
                if (!ok || gate.step < 1 || gate.step > 100 || gate.stage != GateStage::CanaryStep)
                    error(item["step"], field + u".step",
                        Tr::tr("expected a canary step percent from 1 to 100 (with at: canary_step)"));
            }
            gate.groups = list(item, "groups", field + u".groups", true);
            for (const QString &group : std::as_const(gate.groups)) {
                bool known = false;
                for (const Identity &identity : std::as_const(m_config.approvers))
                    known = known || identity.groups.contains(group);
                if (!known && !m_config.approvers.isEmpty())
                    error(item["groups"], field + u".groups", Tr::tr("no approver is in group \"%1\"").arg(group));
            }
            if (auto quorum = text(item, "quorum", field + u".quorum", false)) {
                bool ok = false;
                gate.quorum = quorum->toInt(&ok);
                if (!ok || gate.quorum < 1)
                    error(item["quorum"], field + u".quorum", Tr::tr("expected a whole number of at least 1"));
            }
            if (auto distinct = text(item, "distinct_groups", field + u".distinct_groups", false)) {
                if (*distinct != u"true" && *distinct != u"false")
                    error(item["distinct_groups"], field + u".distinct_groups", Tr::tr("expected true or false"));
                gate.distinctGroups = *distinct == u"true";
                if (gate.distinctGroups && gate.quorum > gate.groups.size())
                    error(item["distinct_groups"], field + u".distinct_groups",
                        Tr::tr("a quorum of %1 from distinct groups needs at least %1 groups").arg(gate.quorum));
            }
            if (auto timeout = text(item, "timeout", field + u".timeout", false)) {
                if (const auto ms = durationMs(*timeout); ms && *ms > 0)
                    gate.timeoutMs = *ms;
                else
                    error(item["timeout"], field + u".timeout", Tr::tr("expected a duration such as 30m, 4h or 3d"));
            }
            if (const YAML::Node inputs = item["inputs"]; inputs.IsDefined() && !inputs.IsNull()) {
                if (!inputs.IsSequence()) {
                    error(inputs, field + u".inputs", Tr::tr("expected a list of inputs"));
                } else {
                    for (std::size_t j = 0; j < inputs.size(); ++j) {
                        const QString inputField = QStringLiteral("%1.inputs[%2]").arg(field).arg(j);
                        if (!checkMap(inputs[j], inputField, {QStringLiteral("name"), QStringLiteral("pattern")}))
                            continue;
                        RequiredInput input;
                        input.name = text(inputs[j], "name", inputField + u".name", true).value_or(QString());
                        input.pattern = text(inputs[j], "pattern", inputField + u".pattern", false)
                                            .value_or(QStringLiteral(".+"));
                        if (!QRegularExpression(input.pattern).isValid())
                            error(inputs[j]["pattern"], inputField + u".pattern",
                                Tr::tr("not a valid regular expression"));
                        gate.inputs << input;
                    }
                }
            }
            if (!m_config.approvers.isEmpty()) {
                int eligible = 0;
                for (const Identity &identity : std::as_const(m_config.approvers)) {
                    for (const QString &group : identity.groups) {
                        if (gate.groups.contains(group)) {
                            ++eligible;
                            break;
                        }
                    }
                }
                if (eligible < gate.quorum)
                    error(item, field + u".quorum",
                        Tr::tr("a quorum of %1 cannot be reached: only %2 approvers are in these groups")
                            .arg(gate.quorum)
                            .arg(eligible));
            }
            m_config.gates << gate;
        }
    }

    void readWindows(const YAML::Node &node)
    {
        if (!checkMap(node, QStringLiteral("change_windows"),
                {QStringLiteral("time_zone"), QStringLiteral("allowed"), QStringLiteral("override")}))
            return;
        if (auto zone = text(node, "time_zone", QStringLiteral("change_windows.time_zone"), false)) {
            if (!QTimeZone::isTimeZoneIdAvailable(zone->toUtf8()))
                error(node["time_zone"], QStringLiteral("change_windows.time_zone"),
                    Tr::tr("unknown time zone \"%1\"").arg(*zone));
            else
                m_config.calendar.timeZone = zone->toUtf8();
        }
        if (const YAML::Node allowed = node["allowed"]; allowed.IsDefined() && !allowed.IsNull()) {
            if (!allowed.IsSequence()) {
                error(allowed, QStringLiteral("change_windows.allowed"), Tr::tr("expected a list of windows"));
            } else {
                for (std::size_t i = 0; i < allowed.size(); ++i) {
                    const QString field = QStringLiteral("change_windows.allowed[%1]").arg(i);
                    if (!checkMap(
                            allowed[i], field, {QStringLiteral("days"), QStringLiteral("from"), QStringLiteral("to")}))
                        continue;
                    ChangeWindow window;
                    for (const QString &day : list(allowed[i], "days", field + u".days", true)) {
                        const int index = int(kDays.indexOf(day.left(3).toLower()));
                        if (index < 0)
                            error(
                                allowed[i]["days"], field + u".days", Tr::tr("unknown day \"%1\" (mon..sun)").arg(day));
                        else
                            window.days << index + 1;
                    }
                    const auto from
                        = clockTime(text(allowed[i], "from", field + u".from", true).value_or(QString()), false);
                    bool endOfDay = false;
                    const auto to
                        = clockTime(text(allowed[i], "to", field + u".to", true).value_or(QString()), true, &endOfDay);
                    if (!from)
                        error(allowed[i], field + u".from", Tr::tr("expected a time HH:MM"));
                    if (!to)
                        error(allowed[i], field + u".to", Tr::tr("expected a time HH:MM (or 24:00)"));
                    if (from && to && !endOfDay && *to <= *from)
                        error(allowed[i], field + u".to",
                            Tr::tr("must be later than from (split a window that crosses midnight in two)"));
                    window.from = from.value_or(QTime());
                    window.to = to.value_or(QTime());
                    m_config.calendar.windows << window;
                }
            }
        }
        if (const YAML::Node override_ = node["override"]; override_.IsDefined() && !override_.IsNull()) {
            if (checkMap(override_, QStringLiteral("change_windows.override"),
                    {QStringLiteral("groups"), QStringLiteral("quorum")})) {
                m_config.calendar.overrideGroups
                    = list(override_, "groups", QStringLiteral("change_windows.override.groups"), true);
                if (auto quorum = text(override_, "quorum", QStringLiteral("change_windows.override.quorum"), false)) {
                    bool ok = false;
                    m_config.calendar.overrideQuorum = quorum->toInt(&ok);
                    if (!ok || m_config.calendar.overrideQuorum < 1)
                        error(override_["quorum"], QStringLiteral("change_windows.override.quorum"),
                            Tr::tr("expected a whole number of at least 1"));
                }
            }
        }
    }

    void readFreezes(const YAML::Node &node)
    {
        if (!node.IsSequence()) {
            error(node, QStringLiteral("freezes"), Tr::tr("expected a list of freezes"));
            return;
        }
        const QTimeZone zone(m_config.calendar.timeZone);
        for (std::size_t i = 0; i < node.size(); ++i) {
            const YAML::Node item = node[i];
            const QString field = QStringLiteral("freezes[%1]").arg(i);
            if (!checkMap(item, field,
                    {QStringLiteral("name"), QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("weekly"),
                        QStringLiteral("yearly")}))
                continue;
            Freeze freeze;
            freeze.name = text(item, "name", field + u".name", true).value_or(QString());
            const YAML::Node weekly = item["weekly"];
            const YAML::Node yearly = item["yearly"];
            if (weekly.IsDefined() && !weekly.IsNull()) {
                freeze.kind = Freeze::Kind::Weekly;
                if (!checkMap(weekly, field + u".weekly", {QStringLiteral("from"), QStringLiteral("to")}))
                    continue;
                static const QRegularExpression re(QStringLiteral("^([A-Za-z]{3})[a-z]*\\s+([0-9]{2}:[0-9]{2})$"));
                for (const char *end : {"from", "to"}) {
                    const QString value
                        = text(weekly, end, field + u".weekly." + QLatin1String(end), true).value_or(QString());
                    const QRegularExpressionMatch m = re.match(value);
                    const int day = m.hasMatch() ? int(kDays.indexOf(m.captured(1).toLower())) + 1 : 0;
                    const auto time = m.hasMatch() ? clockTime(m.captured(2), false) : std::nullopt;
                    if (day <= 0 || !time) {
                        error(weekly, field + u".weekly." + QLatin1String(end),
                            Tr::tr("expected a day and time such as \"fri 16:00\""));
                        continue;
                    }
                    if (qstrcmp(end, "from") == 0) {
                        freeze.fromDay = day;
                        freeze.fromTime = *time;
                    } else {
                        freeze.toDay = day;
                        freeze.toTime = *time;
                    }
                }
            } else if (yearly.IsDefined() && !yearly.IsNull()) {
                freeze.kind = Freeze::Kind::Yearly;
                if (!checkMap(yearly, field + u".yearly", {QStringLiteral("from"), QStringLiteral("to")}))
                    continue;
                for (const char *end : {"from", "to"}) {
                    const QString value
                        = text(yearly, end, field + u".yearly." + QLatin1String(end), true).value_or(QString());
                    const QDate date = QDate::fromString(u"2000-" + value, QStringLiteral("yyyy-MM-dd")); // a leap year
                    if (!date.isValid()) {
                        error(yearly, field + u".yearly." + QLatin1String(end),
                            Tr::tr("expected a month and day such as \"12-20\""));
                        continue;
                    }
                    if (qstrcmp(end, "from") == 0) {
                        freeze.fromMonth = date.month();
                        freeze.fromMonthDay = date.day();
                    } else {
                        freeze.toMonth = date.month();
                        freeze.toMonthDay = date.day();
                    }
                }
            } else {
                freeze.kind = Freeze::Kind::OneOff;
                for (const char *end : {"from", "to"}) {
                    const QString value = text(item, end, field + u'.' + QLatin1String(end), true).value_or(QString());
                    QDateTime local = QDateTime::fromString(value, QStringLiteral("yyyy-MM-dd HH:mm"));
                    if (!local.isValid())
                        local = QDateTime::fromString(value, QStringLiteral("yyyy-MM-dd'T'HH:mm"));
                    if (!local.isValid())
                        local = QDateTime(QDate::fromString(value, QStringLiteral("yyyy-MM-dd")), QTime(0, 0));
                    if (!local.isValid()) {
                        error(item, field + u'.' + QLatin1String(end),
                            Tr::tr("expected a local date and time \"YYYY-MM-DD HH:MM\""));
                        continue;
                    }
                    const QDateTime zoned(local.date(), local.time(), zone);
                    if (qstrcmp(end, "from") == 0)
                        freeze.from = zoned;
                    else
                        freeze.to = zoned;
                }
                if (freeze.from.isValid() && freeze.to.isValid() && freeze.to <= freeze.from)
                    error(item, field + u".to", Tr::tr("must be later than from"));
            }
            m_config.calendar.freezes << freeze;
        }
    }

    const ApprovalsYamlErrorSink &m_sink;
    ApprovalsConfig m_config;
};

} // namespace

QString toString(GateStage stage)
{
    switch (stage) {
    case GateStage::BeforeStart:
        return QStringLiteral("before_start");
    case GateStage::CanaryStep:
        return QStringLiteral("canary_step");
    case GateStage::BeforeSwitch:
        break;
    }
    return QStringLiteral("before_switch");
}

const GateConfig *ApprovalsConfig::gate(const QString &name) const
{
    for (const GateConfig &gate : gates) {
        if (gate.name == name)
            return &gate;
    }
    return nullptr;
}

QList<PublicKey> ApprovalsConfig::publicKeys() const
{
    QList<PublicKey> keys;
    for (const Identity &identity : approvers) {
        if (!identity.publicKey.isNull())
            keys << identity.publicKey;
    }
    return keys;
}

QStringList approvalsYamlKeys()
{
    return {QStringLiteral("approvers"), QStringLiteral("gates"), QStringLiteral("change_windows"),
        QStringLiteral("freezes")};
}

ApprovalsConfig readApprovalsYaml(const YAML::Node &root, const ApprovalsYamlErrorSink &addError)
{
    return Reader(addError).read(root);
}

} // namespace gl
