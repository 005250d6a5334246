#include "cli.h"
#include "model/environmentfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gl::cli {
namespace {

// env validate --env FILE [--json]: parses and validates an environment file; exit 0 if valid, 1 if not.
int validate(Context &context)
{
    const QString path = context.parser.value(QStringLiteral("env"));
    if (path.isEmpty()) {
        context.err << QCoreApplication::translate("gl::cli", "env validate: --env FILE is required") << '\n'
                    << context.parser.helpText();
        return ExitUsage;
    }
    const Result<Environment> env = loadEnvironmentFile(path);
    if (context.parser.isSet(QStringLiteral("json"))) {
        QJsonObject object {{QStringLiteral("file"), path}, {QStringLiteral("ok"), env.ok()}};
        if (env.ok()) {
            QJsonArray slotArray;
            for (const ServerSlot &slot : env->serverSlots)
                slotArray.append(
                    QJsonObject {{QStringLiteral("name"), slot.name}, {QStringLiteral("colour"), slot.colour},
                        {QStringLiteral("address"), slot.address}, {QStringLiteral("version"), slot.version}});
            object.insert(QStringLiteral("name"), env->name);
            object.insert(QStringLiteral("backend"), env->backend);
            object.insert(QStringLiteral("runtimeApi"), env->runtimeApi);
            object.insert(QStringLiteral("prometheusUrl"), env->prometheusUrl.toString());
            object.insert(QStringLiteral("stateDatabase"), env->stateDatabase);
            object.insert(QStringLiteral("slots"), slotArray);
        } else {
            object.insert(QStringLiteral("errors"), QJsonArray::fromStringList(env.error().message.split(u'\n')));
        }
        context.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return env.ok() ? ExitOk : ExitError;
    }
    if (!env.ok()) {
        context.err << env.error().message << '\n';
        return ExitError;
    }
    context.out << QCoreApplication::translate("gl::cli", "%1: ok (%2 slots, backend %3)")
                       .arg(path)
                       .arg(env->serverSlots.size())
                       .arg(env->backend)
                << '\n';
    return ExitOk;
}

} // namespace

std::vector<Command> envCommands()
{
    Command validateCommand;
    validateCommand.path = {QStringLiteral("env"), QStringLiteral("validate")};
    validateCommand.summary = QCoreApplication::translate(
        "gl::cli", "Check an environment file; print its errors with file, line and field.");
    validateCommand.options = [](QCommandLineParser &parser) {
        parser.addOption(QCommandLineOption(QStringLiteral("env"),
            QCoreApplication::translate("gl::cli", "The environment file (YAML)."),
            QCoreApplication::translate("gl::cli", "FILE")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("json"), QCoreApplication::translate("gl::cli", "Print the result as JSON.")));
    };
    validateCommand.run = validate;
    return {validateCommand};
}

} // namespace gl::cli
