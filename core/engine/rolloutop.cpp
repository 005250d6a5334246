#include "rolloutop.h"

#include "util/jsontextwriter.h"

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

QByteArray RolloutOp::paramsText() const
{
    // Written directly (JsonTextWriter): a restore batch of 200 servers is part of a rollback's critical path.
    JsonTextWriter w;
    w.beginObject();
    if (!slotNames.isEmpty()) {
        w.key(QLatin1StringView("slots"));
        w.beginArray();
        for (const QString &slot : slotNames)
            w.value(slot);
        w.endArray();
    }
    if (!version.isEmpty()) {
        w.key(QLatin1StringView("version"));
        w.value(version);
    }
    if (!changes.isEmpty()) {
        w.key(QLatin1StringView("changes"));
        w.beginArray();
        for (const ServerChange &change : changes) {
            w.beginObject();
            w.key(QLatin1StringView("backend"));
            w.value(change.backend);
            w.key(QLatin1StringView("server"));
            w.value(change.server);
            if (change.weight) {
                w.key(QLatin1StringView("weight"));
                w.value(*change.weight);
            }
            if (change.state) {
                w.key(QLatin1StringView("state"));
                w.value(gl::toString(*change.state));
            }
            w.endObject();
        }
        w.endArray();
    }
    if (step >= 0) {
        w.key(QLatin1StringView("step"));
        w.value(step);
    }
    if (percent >= 0) {
        w.key(QLatin1StringView("percent"));
        w.value(percent);
    }
    if (kind == OpKind::Pause) {
        w.key(QLatin1StringView("pause"));
        w.value(pause.toString());
    }
    if (!role.isEmpty()) {
        w.key(QLatin1StringView("role"));
        w.value(role);
    }
    if (skippable) {
        w.key(QLatin1StringView("skippable"));
        w.value(true);
    }
    if (noReturn) {
        w.key(QLatin1StringView("noReturn"));
        w.value(true);
    }
    if (group >= 0) {
        w.key(QLatin1StringView("group"));
        w.value(group);
    }
    if (answersAction > 0) {
        w.key(QLatin1StringView("answersAction"));
        w.value(answersAction);
    }
    if (plansRemoval) {
        w.key(QLatin1StringView("plansRemoval"));
        w.value(true);
    }
    w.key(QLatin1StringView("label"));
    w.value(label);
    w.endObject();
    return w.take();
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
    plansRemoval = object.value(u"plansRemoval").toBool();
    label = object.value(u"label").toString();
}

} // namespace gl
