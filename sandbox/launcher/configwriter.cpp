#include "configwriter.h"

#include "model/environmentfile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSaveFile>

namespace gl::sandbox::configwriter {
namespace {

QString writeFile(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    file.write(content);
    if (!file.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

QByteArray render(const QString &templateName, const QMap<QString, QString> &values)
{
    QFile file(QStringLiteral(":/sandbox/templates/") + templateName);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(file.readAll());
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        text.replace(QStringLiteral("{{") + it.key() + QStringLiteral("}}"), it.value());
    return text.toUtf8();
}

// A YAML double-quoted scalar.
QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + escaped + u'"';
}

// A POSIX shell word (the hooks are command templates run through a shell).
QString shellWord(const QString &text)
{
    static const QString safe
        = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+=:,@%");
    bool plain = !text.isEmpty();
    for (QChar c : text)
        plain = plain && safe.contains(c);
    if (plain)
        return text;
    QString escaped = text;
    escaped.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + escaped + u'\'';
}

// The top-level sections of an environment file, in order: each from its `key:` line (with the comment lines
// right above it) up to the next one. `header` is what comes before the first key.
struct Sections {
    QString header;
    QList<QPair<QString, QString>> list; // key -> text, each ending with a newline
};

Sections splitSections(const QString &text)
{
    Sections sections;
    QString pending; // comment lines at column 0: they belong to the key that follows
    QStringList lines = text.split(u'\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (const QString &line : std::as_const(lines)) {
        const bool topLevelKey = !line.isEmpty() && !line.front().isSpace() && line.front() != u'#'
            && line.front() != u'-' && line.contains(u':');
        if (topLevelKey) {
            sections.list.append({line.section(u':', 0, 0).trimmed(), pending + line + u'\n'});
            pending.clear();
        } else if (line.startsWith(u'#') || (line.trimmed().isEmpty() && !pending.isEmpty())) {
            pending += line + u'\n';
        } else if (sections.list.isEmpty()) {
            sections.header += pending + line + u'\n';
            pending.clear();
        } else {
            sections.list.last().second += pending + line + u'\n';
            pending.clear();
        }
    }
    if (!pending.isEmpty()) {
        if (sections.list.isEmpty())
            sections.header += pending;
        else
            sections.list.last().second += pending;
    }
    return sections;
}

// What deploy and undeploy write over an existing environment file: the sections that describe this sandbox
// (`owned`: its name, HAProxy socket and slots with their versions, Prometheus, hooks, state) are rewritten;
// every other section the file has (strategies, analysis, approvers, gates, change windows, freezes, runbooks,
// anything added by hand) is kept verbatim; a section the writer proposes that the file lacks is added.
QString mergeEnvironmentFile(const QString &generated, const QString &existing, const QStringList &owned)
{
    const Sections fresh = splitSections(generated);
    const Sections old = splitSections(existing);
    const auto oldText = [&](const QString &key) -> std::optional<QString> {
        for (const auto &[k, text] : old.list) {
            if (k == key)
                return text;
        }
        return std::nullopt;
    };
    QString merged = fresh.header;
    QStringList written;
    for (const auto &[key, text] : fresh.list) {
        const std::optional<QString> kept = owned.contains(key) ? std::nullopt : oldText(key);
        QString section = kept.value_or(text);
        if (!section.endsWith(u'\n'))
            section += u'\n';
        merged += section;
        written << key;
    }
    for (const auto &[key, text] : old.list) {
        if (!written.contains(key)) {
            merged += text;
            written << key;
        }
    }
    return merged;
}

} // namespace

QString writeHaproxyConfig(const SandboxState &state)
{
    QString servers;
    for (const SlotRecord &slot : state.serverSlots) {
        // Blue serves at start with weight 100. Green starts in maintenance ("disabled") with weight 0: with
        // nothing behind it, and enabling it alone (`state ready`) sends it no traffic until the rollout
        // engine sets an absolute weight (0..256; `weight 50%` would be relative to 0).
        const bool serving = !slot.version.isEmpty();
        servers += QStringLiteral("    server %1 127.0.0.1:%2 weight %3%4\n")
                       .arg(slot.name)
                       .arg(slot.port)
                       .arg(serving ? 100 : 0)
                       .arg(serving ? QString() : QStringLiteral(" disabled"));
    }
    const QByteArray text = render(QStringLiteral("haproxy.cfg"),
        {{QStringLiteral("DIR"), state.dir}, {QStringLiteral("BACKEND"), state.backend},
            {QStringLiteral("FRONTEND_PORT"), QString::number(state.frontendPort)},
            {QStringLiteral("METRICS_PORT"), QString::number(state.metricsPort)},
            {QStringLiteral("SERVERS"), servers}});
    if (text.isEmpty())
        return QStringLiteral("the embedded haproxy.cfg template is missing");
    return writeFile(state.path(QStringLiteral("haproxy.cfg")), text);
}

QString writePrometheusConfig(const SandboxState &state)
{
    const QByteArray text = render(QStringLiteral("prometheus.yml"),
        {{QStringLiteral("DIR"), state.dir}, {QStringLiteral("NAME"), state.name},
            {QStringLiteral("METRICS_PORT"), QString::number(state.metricsPort)}});
    if (text.isEmpty())
        return QStringLiteral("the embedded prometheus.yml template is missing");
    return writeFile(state.path(QStringLiteral("prometheus.yml")), text);
}

QString writeServiceTargets(const SandboxState &state)
{
    QJsonArray groups;
    for (const ProcessRecord &process : state.processes) {
        if (process.role != u"service")
            continue;
        QString colour;
        for (const SlotRecord &slot : state.serverSlots) {
            if (slot.name == process.slot)
                colour = slot.colour;
        }
        groups.append(
            QJsonObject {{QStringLiteral("targets"), QJsonArray {QStringLiteral("127.0.0.1:%1").arg(process.port)}},
                {QStringLiteral("labels"),
                    QJsonObject {{QStringLiteral("slot"), process.slot}, {QStringLiteral("colour"), colour}}}});
    }
    return writeFile(
        state.path(QStringLiteral("service-targets.json")), QJsonDocument(groups).toJson(QJsonDocument::Indented));
}

QString writeEnvironmentFile(const SandboxState &state, const QString &launcherPath)
{
    const QString launcher = shellWord(launcherPath) + QStringLiteral(" %1 --dir ") + shellWord(state.dir);
    QString yaml;
    yaml += QStringLiteral(
        "# Written by greenlight-sandbox up; rewritten by deploy and undeploy (format: docs/sandbox.md).\n");
    yaml += QStringLiteral("name: %1\n").arg(quoted(state.name));
    yaml += QStringLiteral("haproxy:\n");
    yaml += QStringLiteral("  runtime_api: %1\n").arg(quoted(state.adminSocket()));
    yaml += QStringLiteral("  backend: %1\n").arg(state.backend);
    yaml += QStringLiteral("  slots:\n");
    for (const SlotRecord &slot : state.serverSlots) {
        yaml += QStringLiteral("    - {name: %1, colour: %2, address: \"127.0.0.1:%3\"")
                    .arg(slot.name, slot.colour)
                    .arg(slot.port);
        if (!slot.version.isEmpty())
            yaml += QStringLiteral(", version: %1").arg(quoted(slot.version));
        yaml += QStringLiteral("}\n");
    }
    yaml += QStringLiteral("prometheus:\n  url: \"http://127.0.0.1:%1\"\n").arg(state.prometheusPort);
    // SLI analysis of a new version against the stable one (docs/analysis.md), sized for the sample service:
    // p99 ~5 ms when healthy, 1 s scrapes, so a 15 s window has enough samples.
    yaml += QStringLiteral("analysis:\n"
                           "  interval: 1s\n"
                           "  window: 15s\n"
                           "  min_requests: 20\n"
                           "  failure_limit: 3\n"
                           "  passes_required: 5\n"
                           "  inconclusive_after: 30s\n"
                           "  prometheus_unreachable_after: 10s\n"
                           "  inconclusive_policy: hold\n"
                           "  slis:\n"
                           "    - {name: error-ratio, kind: error-ratio}\n"
                           "    - {name: p99-latency, kind: p99-latency}\n"
                           "    - {name: request-rate, kind: request-rate}\n"
                           "  rules:\n"
                           "    - {sli: error-ratio, max: 1%}\n"
                           "    - {sli: p99-latency, relative: 2, floor: 0.025}\n"
                           "    - {sli: error-ratio, burn_rate: {slo: 99.9%, window: 1h, budget_fraction: 20%}}\n");
    yaml += QStringLiteral("hooks:\n");
    yaml += QStringLiteral("  deploy: %1\n")
                .arg(quoted(
                    launcher.arg(QStringLiteral("deploy")) + QStringLiteral(" --slot {slot} --version {version}")));
    yaml += QStringLiteral("  undeploy: %1\n")
                .arg(quoted(launcher.arg(QStringLiteral("undeploy")) + QStringLiteral(" --slot {slot}")));
    yaml += QStringLiteral("state:\n  database: state.db\n");
    // The runbook the console offers after an abort or a rollback (docs/runbooks.md; a bundled sample).
    yaml += QStringLiteral("runbooks:\n  rollback: haproxy-rollback\n");

    const QString path = state.path(QStringLiteral("environment.yaml"));
    // The rollout engine's strategies (docs/engine.md), short enough to watch on the sandbox.
    yaml += QStringLiteral("strategies:\n"
                           "  default: canary\n"
                           "  canary:\n"
                           "    slots: 1\n"
                           "    steps: [5, 25, 50, 100]\n"
                           "    pause: 10s\n"
                           "    undeploy_delay: 10s\n"
                           "  blue_green:\n"
                           "    keep_old_for: 30s\n"
                           "  rolling:\n"
                           "    max_unavailable: 1\n"
                           "  drain_timeout: 10s\n"
                           "  health_timeout: 20s\n"
                           "  hook_timeout: 60s\n");
    // Deploy and undeploy rewrite this file: only the sections describing the sandbox itself are rewritten; the
    // rest (edited strategies or analysis, approvers, gates, change windows, freezes, ...) is kept as it is.
    if (QFile existing(path); existing.open(QIODevice::ReadOnly))
        yaml = mergeEnvironmentFile(yaml, QString::fromUtf8(existing.readAll()),
            {QStringLiteral("name"), QStringLiteral("haproxy"), QStringLiteral("prometheus"), QStringLiteral("hooks"),
                QStringLiteral("state")});
    const QString error = writeFile(path, yaml.toUtf8());
    if (!error.isEmpty())
        return error;
    const Result<Environment> check = loadEnvironmentFile(path);
    return check.ok() ? QString() : check.error().message;
}

} // namespace gl::sandbox::configwriter
