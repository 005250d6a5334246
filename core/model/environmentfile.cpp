#include "environmentfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <functional>

// The environment file, first version (see docs/sandbox.md, "Environment file"):
//
//   name: sandbox
//   haproxy:
//     runtime_api: /abs/path/admin.sock        # or host:port
//     backend: be_app
//     slots:
//       - {name: blue1, colour: blue, address: "127.0.0.1:8001", version: v1}
//       - {name: green1, colour: green, address: "127.0.0.1:8005"}
//   prometheus:
//     url: http://127.0.0.1:9090
//   hooks:
//     deploy: "greenlight-sandbox deploy --dir D --slot {slot} --version {version}"
//     undeploy: "greenlight-sandbox undeploy --dir D --slot {slot}"
//   state:
//     database: state.db                         # relative to the file's directory
//   runbooks:
//     rollback: haproxy-rollback                 # optional: runbook offered after an abort or rollback
//
// Unknown keys are errors (a typo must not silently drop a setting). Every error names the file, the 1-based
// line and the field path, e.g. `env.yaml:7: haproxy.slots[1].address: expected host:port, got "x"`.
namespace gl {
namespace {

class Parser {
public:
    explicit Parser(QString path)
        : m_path(std::move(path))
    { }

    Result<Environment> parse(const QByteArray &yaml)
    {
        YAML::Node root;
        try {
            root = YAML::Load(yaml.toStdString());
        } catch (const YAML::Exception &e) {
            // yaml-cpp marks are 0-based; -1 when unknown.
            const int line = e.mark.line >= 0 ? e.mark.line + 1 : 1;
            return makeError(ErrorCode::Parse,
                QCoreApplication::translate("gl::EnvironmentFile", "%1:%2: not valid YAML: %3")
                    .arg(m_path)
                    .arg(line)
                    .arg(QString::fromStdString(e.msg)),
                m_path);
        }
        try {
            readRoot(root);
        } catch (const YAML::Exception &e) {
            addError(e.mark, QString(),
                QCoreApplication::translate("gl::EnvironmentFile", "unexpected YAML structure: %1")
                    .arg(QString::fromStdString(e.msg)));
        }
        if (!m_errors.isEmpty())
            return makeError(ErrorCode::Parse, m_errors.join(u'\n'), m_path);
        return m_env;
    }

private:
    void addError(const YAML::Mark &mark, const QString &field, const QString &problem)
    {
        const int line = mark.line >= 0 ? mark.line + 1 : 1;
        if (field.isEmpty())
            m_errors << QStringLiteral("%1:%2: %3").arg(m_path).arg(line).arg(problem);
        else
            m_errors << QStringLiteral("%1:%2: %3: %4").arg(m_path).arg(line).arg(field, problem);
    }

    // Checks that `node` is a mapping with only `allowed` keys (no duplicates). Returns false if not a mapping.
    bool checkMap(const YAML::Node &node, const QString &field, const QStringList &allowed)
    {
        if (!node.IsMap()) {
            addError(node.Mark(),
                field.isEmpty() ? QCoreApplication::translate("gl::EnvironmentFile", "(document)") : field,
                QCoreApplication::translate("gl::EnvironmentFile", "expected a mapping"));
            return false;
        }
        QSet<QString> seen;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = QString::fromStdString(it->first.as<std::string>(std::string()));
            const QString keyField = field.isEmpty() ? key : field + u'.' + key;
            if (!allowed.contains(key))
                addError(it->first.Mark(), keyField,
                    QCoreApplication::translate("gl::EnvironmentFile", "unknown key (expected one of: %1)")
                        .arg(allowed.join(u", ")));
            else if (seen.contains(key))
                addError(
                    it->first.Mark(), keyField, QCoreApplication::translate("gl::EnvironmentFile", "duplicate key"));
            seen.insert(key);
        }
        return true;
    }

    // A required or optional scalar string. Returns std::nullopt (and records an error if required) when absent.
    std::optional<QString> scalar(const YAML::Node &parent, const char *key, const QString &field, bool required)
    {
        const YAML::Node node = parent[key];
        if (!node.IsDefined() || node.IsNull()) {
            if (required)
                addError(node.IsDefined() ? node.Mark() : parent.Mark(), field,
                    QCoreApplication::translate("gl::EnvironmentFile", "required field is missing"));
            return std::nullopt;
        }
        if (!node.IsScalar()) {
            addError(node.Mark(), field, QCoreApplication::translate("gl::EnvironmentFile", "expected a string"));
            return std::nullopt;
        }
        const QString value = QString::fromStdString(node.Scalar()).trimmed();
        if (value.isEmpty() && required) {
            addError(node.Mark(), field, QCoreApplication::translate("gl::EnvironmentFile", "must not be empty"));
            return std::nullopt;
        }
        return value;
    }

    static bool isHostPort(const QString &text)
    {
        static const QRegularExpression re(QStringLiteral("^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9_.-]+):([0-9]{1,5})$"));
        const QRegularExpressionMatch m = re.match(text);
        if (!m.hasMatch())
            return false;
        const int port = m.captured(2).toInt();
        return port >= 1 && port <= 65535;
    }

    static bool isName(const QString &text)
    {
        static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.:-]+$"));
        return re.match(text).hasMatch();
    }

    void readRoot(const YAML::Node &root)
    {
        if (!root.IsDefined() || root.IsNull()) {
            addError(YAML::Mark(), QString(), QCoreApplication::translate("gl::EnvironmentFile", "the file is empty"));
            return;
        }
        if (!checkMap(root, QString(),
                QStringList {QStringLiteral("name"), QStringLiteral("haproxy"), QStringLiteral("prometheus"),
                    QStringLiteral("hooks"), QStringLiteral("state"), QStringLiteral("strategies"),
                    QStringLiteral("analysis"), QStringLiteral("runbooks")}
                    + approvalsYamlKeys()))
            return;
        if (auto name = scalar(root, "name", QStringLiteral("name"), true))
            m_env.name = *name;

        const YAML::Node haproxy = root["haproxy"];
        if (!haproxy.IsDefined() || haproxy.IsNull())
            addError(root.Mark(), QStringLiteral("haproxy"),
                QCoreApplication::translate("gl::EnvironmentFile", "required field is missing"));
        else
            readHaproxy(haproxy);

        const YAML::Node prometheus = root["prometheus"];
        if (!prometheus.IsDefined() || prometheus.IsNull()) {
            addError(root.Mark(), QStringLiteral("prometheus"),
                QCoreApplication::translate("gl::EnvironmentFile", "required field is missing"));
        } else if (checkMap(prometheus, QStringLiteral("prometheus"), {QStringLiteral("url")})) {
            if (auto url = scalar(prometheus, "url", QStringLiteral("prometheus.url"), true)) {
                const QUrl parsed(*url, QUrl::StrictMode);
                if (!parsed.isValid() || (parsed.scheme() != u"http" && parsed.scheme() != u"https")
                    || parsed.host().isEmpty())
                    addError(prometheus["url"].Mark(), QStringLiteral("prometheus.url"),
                        QCoreApplication::translate(
                            "gl::EnvironmentFile", "expected an http:// or https:// URL, got \"%1\"")
                            .arg(*url));
                else
                    m_env.prometheusUrl = parsed;
            }
        }

        const YAML::Node hooks = root["hooks"];
        if (!hooks.IsDefined() || hooks.IsNull()) {
            addError(root.Mark(), QStringLiteral("hooks"),
                QCoreApplication::translate("gl::EnvironmentFile", "required field is missing"));
        } else if (checkMap(hooks, QStringLiteral("hooks"), {QStringLiteral("deploy"), QStringLiteral("undeploy")})) {
            if (auto deploy = scalar(hooks, "deploy", QStringLiteral("hooks.deploy"), true)) {
                if (checkTemplate(hooks["deploy"], QStringLiteral("hooks.deploy"), *deploy,
                        {QStringLiteral("slot"), QStringLiteral("version")}))
                    m_env.deployHook = *deploy;
            }
            if (auto undeploy = scalar(hooks, "undeploy", QStringLiteral("hooks.undeploy"), true)) {
                if (checkTemplate(
                        hooks["undeploy"], QStringLiteral("hooks.undeploy"), *undeploy, {QStringLiteral("slot")}))
                    m_env.undeployHook = *undeploy;
            }
        }

        const QDir base = QFileInfo(m_path).absoluteDir();
        QString database = QStringLiteral("state.db");
        const YAML::Node state = root["state"];
        if (state.IsDefined() && !state.IsNull()) {
            if (checkMap(state, QStringLiteral("state"), {QStringLiteral("database")})) {
                if (auto db = scalar(state, "database", QStringLiteral("state.database"), true))
                    database = *db;
            }
        }
        m_env.stateDatabase = QDir::cleanPath(base.absoluteFilePath(database));

        // runbooks: optional; the runbook ids this environment points people to (docs/runbooks.md).
        if (const YAML::Node runbooks = root["runbooks"]; runbooks.IsDefined() && !runbooks.IsNull())
            readRunbooks(runbooks);

        // strategies: optional; its reader lives with StrategyConfig (core/model/strategyconfig.cpp).
        if (const YAML::Node strategies = root["strategies"]; strategies.IsDefined() && !strategies.IsNull())
            m_env.strategies = readStrategiesYaml(
                strategies, [this](const YAML::Mark &mark, const QString &field, const QString &problem) {
                    addError(mark, field, problem);
                });
        // analysis: optional; its reader lives with AnalysisConfig (core/model/sliconfig.cpp).
        if (const YAML::Node analysis = root["analysis"]; analysis.IsDefined() && !analysis.IsNull())
            m_env.analysis = readAnalysisYaml(
                analysis, [this](const YAML::Mark &mark, const QString &field, const QString &problem) {
                    addError(mark, field, problem);
                });
        // approvers, gates, change_windows, freezes: optional; read by core/model/approvalsconfig.cpp.
        m_env.approvals
            = readApprovalsYaml(root, [this](const YAML::Mark &mark, const QString &field, const QString &problem) {
                  addError(mark, field, problem);
              });
    }

    void readRunbooks(const YAML::Node &runbooks)
    {
        if (!checkMap(runbooks, QStringLiteral("runbooks"), {QStringLiteral("rollback")}))
            return;
        if (auto id = scalar(runbooks, "rollback", QStringLiteral("runbooks.rollback"), true)) {
            // The same rule as a runbook's `id:` front matter (core/runbooks/runbookparser.cpp).
            static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9._-]*$"));
            if (idPattern.match(*id).hasMatch())
                m_env.rollbackRunbook = *id;
            else
                addError(runbooks["rollback"].Mark(), QStringLiteral("runbooks.rollback"),
                    QCoreApplication::translate(
                        "gl::EnvironmentFile", "expected a runbook id (lowercase letters, digits, . _ -), got \"%1\"")
                        .arg(*id));
        }
    }

    // A hook template must contain the `required` placeholders and no placeholder other than {slot},
    // {version}, {address}.
    bool checkTemplate(const YAML::Node &node, const QString &field, const QString &text, const QStringList &required)
    {
        bool ok = true;
        for (const QString &name : required) {
            if (!text.contains(u'{' + name + u'}')) {
                addError(node.Mark(), field,
                    QCoreApplication::translate("gl::EnvironmentFile", "must contain the placeholder {%1}").arg(name));
                ok = false;
            }
        }
        static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z_]+)\\}"));
        for (auto it = placeholder.globalMatch(text); it.hasNext();) {
            const QString name = it.next().captured(1);
            if (name != u"slot" && name != u"version" && name != u"address") {
                addError(node.Mark(), field,
                    QCoreApplication::translate(
                        "gl::EnvironmentFile", "unknown placeholder {%1} (known: {slot}, {version}, {address})")
                        .arg(name));
                ok = false;
            }
        }
        return ok;
    }

    void readHaproxy(const YAML::Node &haproxy)
    {
        if (!checkMap(haproxy, QStringLiteral("haproxy"),
                {QStringLiteral("runtime_api"), QStringLiteral("backend"), QStringLiteral("slots")}))
            return;
        if (auto api = scalar(haproxy, "runtime_api", QStringLiteral("haproxy.runtime_api"), true)) {
            if (api->startsWith(u'/') || isHostPort(*api))
                m_env.runtimeApi = *api;
            else
                addError(haproxy["runtime_api"].Mark(), QStringLiteral("haproxy.runtime_api"),
                    QCoreApplication::translate(
                        "gl::EnvironmentFile", "expected an absolute UNIX socket path or host:port, got \"%1\"")
                        .arg(*api));
        }
        if (auto backend = scalar(haproxy, "backend", QStringLiteral("haproxy.backend"), true)) {
            if (isName(*backend))
                m_env.backend = *backend;
            else
                addError(haproxy["backend"].Mark(), QStringLiteral("haproxy.backend"),
                    QCoreApplication::translate("gl::EnvironmentFile", "not a valid HAProxy backend name: \"%1\"")
                        .arg(*backend));
        }

        const YAML::Node slotNodes = haproxy["slots"];
        if (!slotNodes.IsDefined() || slotNodes.IsNull()) {
            addError(haproxy.Mark(), QStringLiteral("haproxy.slots"),
                QCoreApplication::translate("gl::EnvironmentFile", "required field is missing"));
            return;
        }
        if (!slotNodes.IsSequence() || slotNodes.size() == 0) {
            addError(slotNodes.Mark(), QStringLiteral("haproxy.slots"),
                QCoreApplication::translate("gl::EnvironmentFile", "expected a non-empty list of server slots"));
            return;
        }
        QSet<QString> names;
        QStringList colours;
        for (std::size_t i = 0; i < slotNodes.size(); ++i) {
            const YAML::Node node = slotNodes[i];
            const QString field = QStringLiteral("haproxy.slots[%1]").arg(i);
            if (!checkMap(node, field,
                    {QStringLiteral("name"), QStringLiteral("colour"), QStringLiteral("address"),
                        QStringLiteral("version")}))
                continue;
            ServerSlot slot;
            if (auto name = scalar(node, "name", field + u".name", true)) {
                if (!isName(*name))
                    addError(node["name"].Mark(), field + u".name",
                        QCoreApplication::translate("gl::EnvironmentFile", "not a valid HAProxy server name: \"%1\"")
                            .arg(*name));
                else if (names.contains(*name))
                    addError(node["name"].Mark(), field + u".name",
                        QCoreApplication::translate("gl::EnvironmentFile", "duplicate slot name \"%1\"").arg(*name));
                names.insert(*name);
                slot.name = *name;
            }
            if (auto colour = scalar(node, "colour", field + u".colour", true)) {
                slot.colour = *colour;
                if (!colours.contains(*colour)) {
                    colours << *colour;
                    if (colours.size() > 2)
                        addError(node["colour"].Mark(), field + u".colour",
                            QCoreApplication::translate(
                                "gl::EnvironmentFile", "a third colour \"%1\": an environment has exactly two (%2, %3)")
                                .arg(*colour, colours.at(0), colours.at(1)));
                }
            }
            if (auto address = scalar(node, "address", field + u".address", true)) {
                if (isHostPort(*address))
                    slot.address = *address;
                else
                    addError(node["address"].Mark(), field + u".address",
                        QCoreApplication::translate(
                            "gl::EnvironmentFile", "expected host:port with a port from 1 to 65535, got \"%1\"")
                            .arg(*address));
            }
            if (auto version = scalar(node, "version", field + u".version", false))
                slot.version = *version;
            m_env.serverSlots << slot;
        }
        if (colours.size() == 1)
            addError(slotNodes.Mark(), QStringLiteral("haproxy.slots"),
                QCoreApplication::translate(
                    "gl::EnvironmentFile", "only one colour (\"%1\"): an environment has exactly two")
                    .arg(colours.at(0)));
    }

    QString m_path;
    Environment m_env;
    QStringList m_errors;
};

} // namespace

Result<Environment> loadEnvironmentFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
            QCoreApplication::translate("gl::EnvironmentFile", "%1: cannot read the environment file: %2")
                .arg(path, file.errorString()),
            path);
    return parseEnvironment(file.readAll(), path);
}

Result<Environment> parseEnvironment(const QByteArray &yaml, const QString &path)
{
    Result<Environment> result = Parser(path).parse(yaml);
    if (result.ok())
        result.value().filePath = QFileInfo(path).absoluteFilePath();
    return result;
}

} // namespace gl
