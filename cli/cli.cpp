#include "cli.h"

#include "util/settings.h"
#include "util/translations.h"
#include "util/version.h"

#include <QLoggingCategory>

#include <cstdio>

namespace gl::cli {
namespace {

QString usageLine(const Command &command)
{
    return QStringLiteral("greenlightctl ") + command.path.join(u' ');
}

void printOverview(QTextStream &out, const std::vector<Command> &commands)
{
    out << QCoreApplication::translate("gl::cli", "Usage: greenlightctl <command> [options]") << "\n\n"
        << QCoreApplication::translate(
               "gl::cli", "Greenlight's command line: the same core as the console, for scripts and CI gates.")
        << "\n\n"
        << QCoreApplication::translate("gl::cli", "Commands:") << '\n';
    for (const Command &command : commands)
        out << "  " << command.path.join(u' ').leftJustified(24) << ' ' << command.summary << '\n';
    out << '\n'
        << QCoreApplication::translate("gl::cli", "Options:") << '\n'
        << "  -h, --help                 "
        << QCoreApplication::translate("gl::cli", "Show help (after a command: that command's help).") << '\n'
        << "  -v, --version              " << QCoreApplication::translate("gl::cli", "Show the version.") << '\n'
        << '\n'
        << QCoreApplication::translate(
               "gl::cli", "Exit codes: 0 success, 1 error, 2 usage error, 3 rollout aborted or rolled back.")
        << '\n';
}

} // namespace

std::vector<Command> allCommands()
{
    std::vector<Command> commands;
    for (auto &&group :
        {envCommands(), rolloutCommands(), runbookCommands(), analysisCommands(), auditCommands(), approvalCommands()})
        commands.insert(commands.end(), group.begin(), group.end());
    return commands;
}

int run(QCoreApplication &app)
{
    QCoreApplication::setApplicationName(QStringLiteral("greenlightctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("greenlight"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GREENLIGHT_VERSION));
    installTranslations(resolveLanguage(Settings().language()));
    // Diagnostics stay off the terminal unless asked for: QT_LOGGING_RULES="greenlight.*.debug=true".
    // Commands print what a user needs themselves; warnings still show.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("greenlight.*.debug=false\ngreenlight.*.info=false"));

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    const std::vector<Command> commands = allCommands();

    // Words before the first option name the command; the longest registered match wins.
    QStringList words;
    for (qsizetype i = 1; i < args.size() && !args.at(i).startsWith(u'-'); ++i)
        words << args.at(i);
    const Command *match = nullptr;
    for (const Command &command : commands) {
        if (command.path.size() <= words.size() && words.mid(0, command.path.size()) == command.path
            && (!match || command.path.size() > match->path.size()))
            match = &command;
    }

    if (!match) {
        if (args.contains(u"--version") || args.contains(u"-v")) {
            out << "greenlightctl " << GREENLIGHT_VERSION << '\n';
            return ExitOk;
        }
        if (args.contains(u"--help") || args.contains(u"-h") || words.isEmpty()) {
            printOverview(words.isEmpty() && !args.contains(u"--help") && !args.contains(u"-h") ? err : out, commands);
            return words.isEmpty() && !args.contains(u"--help") && !args.contains(u"-h") ? ExitUsage : ExitOk;
        }
        err << QCoreApplication::translate("gl::cli", "Unknown command: %1").arg(words.join(u' ')) << "\n\n";
        printOverview(err, commands);
        return ExitUsage;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(match->summary);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
        QCoreApplication::translate("gl::cli", "Show this command's help."));
    parser.addOption(help);
    if (match->options)
        match->options(parser);

    QStringList commandArgs {usageLine(*match)};
    commandArgs += args.mid(1 + match->path.size());
    if (!parser.parse(commandArgs)) {
        err << parser.errorText() << '\n' << parser.helpText();
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        out << parser.helpText();
        return ExitOk;
    }
    Context context {parser, out, err};
    const int code = match->run(context);
    out.flush();
    err.flush();
    return code;
}

} // namespace gl::cli
