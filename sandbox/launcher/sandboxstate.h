#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace gl::sandbox {

// One process the sandbox started.
struct ProcessRecord {
    QString role; // "haproxy", "prometheus", "loadgen" or "service"
    QString slot; // for services: the slot it serves
    QString version; // for services
    qint64 pid = 0;
    quint16 port = 0; // main listening port (0 for the load generator)
    quint16 adminPort = 0;
    QStringList command; // program and arguments
    QString log; // file receiving its stdout and stderr
};

// One HAProxy server line of be_app: a fixed address; the process behind it changes.
struct SlotRecord {
    QString name;
    QString colour;
    quint16 port = 0;
    QString version; // empty when idle
};

struct FaultRecord {
    double errorRate = 0.0;
    int latencyMs = 0;
};

// Everything the launcher knows about one sandbox, kept in DIR/sandbox.json. Commands that change it hold
// DIR/sandbox.lock (QLockFile) around read-modify-write, so concurrent deploy hooks do not lose updates.
struct SandboxState {
    QString dir; // absolute
    QString name;
    QString backend = QStringLiteral("be_app");
    int rps = 50;
    quint16 frontendPort = 0;
    quint16 metricsPort = 0;
    quint16 prometheusPort = 0;
    QList<SlotRecord> serverSlots;
    QList<ProcessRecord> processes;
    QMap<QString, FaultRecord> faults; // by version

    [[nodiscard]] QString path(const QString &name) const { return dir + u'/' + name; }
    [[nodiscard]] QString adminSocket() const { return path(QStringLiteral("admin.sock")); }
    [[nodiscard]] SlotRecord *slot(const QString &name);
    [[nodiscard]] ProcessRecord *serviceOf(const QString &slotName);
    void removeProcess(qint64 pid);

    [[nodiscard]] QJsonObject toJson() const;
    static SandboxState fromJson(const QJsonObject &object);

    // Reads DIR/sandbox.json; returns false (with an error text) if there is none or it is unreadable.
    [[nodiscard]] static bool load(const QString &dir, SandboxState *state, QString *error);
    // Writes DIR/sandbox.json atomically.
    [[nodiscard]] bool save(QString *error) const;
};

} // namespace gl::sandbox
