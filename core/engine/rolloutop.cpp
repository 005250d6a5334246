#include "rolloutop.h"

#include <QJsonArray>

namespace gl {

QString toString(OpKind kind)
{
    switch (kind) {
    case OpKind::Deploy:
        return QStringLiteral("deploy");
    case OpKind::Undeploy:
        return QStringLiteral("undeploy");
    case OpKind::SetServers:
        return QStringLiteral("set-servers");
    case OpKind::WaitHealthy:
        return QStringLiteral("wait-healthy");
    case OpKind::WaitDrained:
        return QStringLiteral("wait-drained");
    case OpKind::Pause:
        return QStringLiteral("pause");
    }
    return {};
}

std::optional<OpKind> opKindFromString(const QString &text)
{
    for (OpKind kind : {OpKind::Deploy, OpKind::Undeploy, OpKind::SetServers, OpKind::WaitHealthy, OpKind::WaitDrained,
             OpKind::Pause}) {
        if (toString(kind) == text)
            return kind;
    }
    return std::nullopt;
}

QString toString(OpStatus status)
{
    switch (status) {
    case OpStatus::Pending:
        return QStringLiteral("pending");
    case OpStatus::Running:
        return QStringLiteral("running");
    case OpStatus::Done:
        return QStringLiteral("done");
    case OpStatus::Failed:
        return QStringLiteral("failed");
    case OpStatus::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

OpStatus opStatusFromString(const QString &text)
{
    for (OpStatus status :
        {OpStatus::Pending, OpStatus::Running, OpStatus::Done, OpStatus::Failed, OpStatus::Skipped}) {
        if (toString(status) == text)
            return status;
    }
    return OpStatus::Pending;
}

QJsonObject RolloutOp::paramsJson() const
{
    QJsonObject object;
    if (!slotNames.isEmpty())
        object.insert(QStringLiteral("slots"), QJsonArray::fromStringList(slotNames));
    if (!version.isEmpty())
        object.insert(QStringLiteral("version"), version);
    if (!changes.isEmpty()) {
        QJsonArray array;
        for (const ServerChange &change : changes) {
            QJsonObject c {{QStringLiteral("backend"), change.backend}, {QStringLiteral("server"), change.server}};
            if (change.weight)
                c.insert(QStringLiteral("weight"), *change.weight);
            if (change.state)
                c.insert(QStringLiteral("state"), gl::toString(*change.state));
            array.append(c);
        }
        object.insert(QStringLiteral("changes"), array);
    }
    if (step >= 0)
        object.insert(QStringLiteral("step"), step);
    if (percent >= 0)
        object.insert(QStringLiteral("percent"), percent);
    if (kind == OpKind::Pause)
        object.insert(QStringLiteral("pause"), pause.toString());
    if (!role.isEmpty())
        object.insert(QStringLiteral("role"), role);
    if (skippable)
        object.insert(QStringLiteral("skippable"), true);
    if (noReturn)
        object.insert(QStringLiteral("noReturn"), true);
    if (group >= 0)
        object.insert(QStringLiteral("group"), group);
    if (answersAction > 0)
        object.insert(QStringLiteral("answersAction"), answersAction);
    object.insert(QStringLiteral("label"), label);
    return object;
}

void RolloutOp::setParamsJson(const QJsonObject &object)
{
    slotNames.clear();
    for (const QJsonValue &value : object.value(u"slots").toArray())
        slotNames << value.toString();
    version = object.value(u"version").toString();
    changes.clear();
    for (const QJsonValue &value : object.value(u"changes").toArray()) {
        const QJsonObject c = value.toObject();
        ServerChange change;
        change.backend = c.value(u"backend").toString();
        change.server = c.value(u"server").toString();
        if (c.contains(u"weight"))
            change.weight = c.value(u"weight").toInt();
        const QString state = c.value(u"state").toString();
        if (state == u"ready")
            change.state = ServerAdminState::Ready;
        else if (state == u"drain")
            change.state = ServerAdminState::Drain;
        else if (state == u"maint")
            change.state = ServerAdminState::Maint;
        changes << change;
    }
    step = object.value(u"step").toInt(-1);
    percent = object.value(u"percent").toDouble(-1);
    pause = StepPause::parse(object.value(u"pause").toString()).value_or(StepPause {});
    role = object.value(u"role").toString();
    skippable = object.value(u"skippable").toBool();
    noReturn = object.value(u"noReturn").toBool();
    group = object.value(u"group").toInt(-1);
    answersAction = object.value(u"answersAction").toInteger();
    label = object.value(u"label").toString();
}

} // namespace gl
