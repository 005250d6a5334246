#include "sandboxstate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace gl::sandbox {

SlotRecord *SandboxState::slot(const QString &name)
{
    for (SlotRecord &record : serverSlots) {
        if (record.name == name)
            return &record;
    }
    return nullptr;
}

ProcessRecord *SandboxState::serviceOf(const QString &slotName)
{
    for (ProcessRecord &record : processes) {
        if (record.role == u"service" && record.slot == slotName)
            return &record;
    }
    return nullptr;
}

void SandboxState::removeProcess(qint64 pid)
{
    processes.removeIf([pid](const ProcessRecord &record) { return record.pid == pid; });
}

QJsonObject SandboxState::toJson() const
{
    QJsonArray slotArray;
    for (const SlotRecord &s : serverSlots)
        slotArray.append(QJsonObject {{QStringLiteral("name"), s.name}, {QStringLiteral("colour"), s.colour},
            {QStringLiteral("port"), s.port}, {QStringLiteral("version"), s.version}});
    QJsonArray processArray;
    for (const ProcessRecord &p : processes)
        processArray.append(QJsonObject {{QStringLiteral("role"), p.role}, {QStringLiteral("slot"), p.slot},
            {QStringLiteral("version"), p.version}, {QStringLiteral("pid"), p.pid}, {QStringLiteral("port"), p.port},
            {QStringLiteral("adminPort"), p.adminPort},
            {QStringLiteral("command"), QJsonArray::fromStringList(p.command)}, {QStringLiteral("log"), p.log}});
    QJsonObject faultObject;
    for (auto it = faults.cbegin(); it != faults.cend(); ++it)
        faultObject.insert(it.key(),
            QJsonObject {{QStringLiteral("errorRate"), it->errorRate}, {QStringLiteral("latencyMs"), it->latencyMs}});
    return QJsonObject {{QStringLiteral("dir"), dir}, {QStringLiteral("name"), name},
        {QStringLiteral("backend"), backend}, {QStringLiteral("rps"), rps},
        {QStringLiteral("frontendPort"), frontendPort}, {QStringLiteral("metricsPort"), metricsPort},
        {QStringLiteral("prometheusPort"), prometheusPort}, {QStringLiteral("slots"), slotArray},
        {QStringLiteral("processes"), processArray}, {QStringLiteral("faults"), faultObject}};
}

SandboxState SandboxState::fromJson(const QJsonObject &o)
{
    SandboxState state;
    state.dir = o.value(u"dir").toString();
    state.name = o.value(u"name").toString();
    state.backend = o.value(u"backend").toString(QStringLiteral("be_app"));
    state.rps = o.value(u"rps").toInt(50);
    state.frontendPort = quint16(o.value(u"frontendPort").toInt());
    state.metricsPort = quint16(o.value(u"metricsPort").toInt());
    state.prometheusPort = quint16(o.value(u"prometheusPort").toInt());
    for (const QJsonValue &v : o.value(u"slots").toArray()) {
        const QJsonObject s = v.toObject();
        state.serverSlots << SlotRecord {s.value(u"name").toString(), s.value(u"colour").toString(),
            quint16(s.value(u"port").toInt()), s.value(u"version").toString()};
    }
    for (const QJsonValue &v : o.value(u"processes").toArray()) {
        const QJsonObject p = v.toObject();
        ProcessRecord record;
        record.role = p.value(u"role").toString();
        record.slot = p.value(u"slot").toString();
        record.version = p.value(u"version").toString();
        record.pid = p.value(u"pid").toInteger();
        record.port = quint16(p.value(u"port").toInt());
        record.adminPort = quint16(p.value(u"adminPort").toInt());
        for (const QJsonValue &arg : p.value(u"command").toArray())
            record.command << arg.toString();
        record.log = p.value(u"log").toString();
        state.processes << record;
    }
    const QJsonObject faultObject = o.value(u"faults").toObject();
    for (auto it = faultObject.begin(); it != faultObject.end(); ++it) {
        const QJsonObject f = it->toObject();
        state.faults.insert(it.key(), FaultRecord {f.value(u"errorRate").toDouble(), f.value(u"latencyMs").toInt()});
    }
    return state;
}

bool SandboxState::load(const QString &dir, SandboxState *state, QString *error)
{
    QFile file(dir + QStringLiteral("/sandbox.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("no sandbox in %1 (%2)").arg(dir, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("%1: %2").arg(file.fileName(), parseError.errorString());
        return false;
    }
    *state = fromJson(doc.object());
    state->dir = dir;
    return true;
}

bool SandboxState::save(QString *error) const
{
    QSaveFile file(path(QStringLiteral("sandbox.json")));
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace gl::sandbox
