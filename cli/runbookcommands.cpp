#include "cli.h"
#include "runbooks/drill.h"
#include "runbooks/drillreport.h"
#include "runbooks/runbooklibrary.h"
#include "storage/profilestore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

// greenlightctl runbook sync|search|show|list and drill report|list: the same runbook library as the console,
// on the profile database (--profile FILE to use another one).
namespace gl::cli {
namespace {

// The translation context of this file's messages; lupdate reads it from Q_DECLARE_TR_FUNCTIONS.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::cli)
};

void addProfileOption(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(QStringLiteral("profile"),
        Tr::tr("The profile database (default: %1).").arg(defaultProfilePath()), Tr::tr("FILE")));
}

void addJsonOption(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(QStringLiteral("json"), Tr::tr("Print the result as JSON.")));
}

std::optional<ProfileStore> openProfile(Context &context)
{
    const QString path = context.parser.isSet(QStringLiteral("profile"))
        ? context.parser.value(QStringLiteral("profile"))
        : defaultProfilePath();
    Result<ProfileStore> store = ProfileStore::open(path);
    if (!store) {
        context.err << store.error().message << '\n';
        return std::nullopt;
    }
    return std::move(store).value();
}

QJsonObject summaryJson(const RunbookSummary &s)
{
    return QJsonObject {{QStringLiteral("id"), s.id}, {QStringLiteral("title"), s.title},
        {QStringLiteral("service"), s.service}, {QStringLiteral("owner"), s.owner},
        {QStringLiteral("language"), s.language}, {QStringLiteral("tags"), QJsonArray::fromStringList(s.tags)},
        {QStringLiteral("rtoSeconds"), s.rtoSeconds}, {QStringLiteral("rpoSeconds"), s.rpoSeconds},
        {QStringLiteral("steps"), s.stepCount}, {QStringLiteral("version"), s.version},
        {QStringLiteral("source"), s.sourcePath}};
}

// runbook sync [--source DIR]...: imports the configured sources and the given folders (remembered from then on).
int sync(Context &context)
{
    std::optional<ProfileStore> store = openProfile(context);
    if (!store)
        return ExitError;
    RunbookLibrary library(store->database());
    for (const QString &folder : context.parser.values(QStringLiteral("source"))) {
        if (const Status added = library.addSource(folder); !added) {
            context.err << added.error().message << '\n';
            return ExitError;
        }
    }
    const Result<QStringList> sources = library.sources();
    if (sources.ok() && sources->isEmpty()) {
        context.err << Tr::tr("runbook sync: no source folders are configured; add one with --source DIR") << '\n';
        return ExitUsage;
    }
    const Result<SyncReport> report = library.syncConfigured();
    if (!report) {
        context.err << report.error().message << '\n';
        return ExitError;
    }
    if (context.parser.isSet(QStringLiteral("json"))) {
        QJsonArray problems;
        for (const SyncProblem &p : report->problems)
            problems.append(QJsonObject {{QStringLiteral("file"), p.file}, {QStringLiteral("line"), p.line},
                {QStringLiteral("message"), p.message}});
        context.out << QJsonDocument(
            QJsonObject {{QStringLiteral("added"), QJsonArray::fromStringList(report->added)},
                {QStringLiteral("changed"), QJsonArray::fromStringList(report->changed)},
                {QStringLiteral("removed"), QJsonArray::fromStringList(report->removed)},
                {QStringLiteral("unchanged"), report->unchanged}, {QStringLiteral("problems"), problems},
                {QStringLiteral("unavailableSources"), QJsonArray::fromStringList(report->unavailableSources)},
                {QStringLiteral("pinnedInProgress"), QJsonArray::fromStringList(report->pinnedInProgress)}})
                           .toJson(QJsonDocument::Indented);
    } else {
        const auto print = [&](const QString &label, const QStringList &ids) {
            if (!ids.isEmpty())
                context.out << label.arg(ids.size()) << ' ' << ids.join(QStringLiteral(", ")) << '\n';
        };
        print(Tr::tr("Added (%1):"), report->added);
        print(Tr::tr("Changed (%1):"), report->changed);
        print(Tr::tr("Removed (%1):"), report->removed);
        context.out << Tr::tr("Unchanged: %1").arg(report->unchanged) << '\n';
        if (!report->pinnedInProgress.isEmpty())
            context.out << Tr::tr("In progress on their earlier version (notes kept): %1")
                               .arg(report->pinnedInProgress.join(QStringLiteral(", ")))
                        << '\n';
        for (const QString &folder : report->unavailableSources)
            context.err << Tr::tr("Source not available, its runbooks were kept: %1").arg(folder) << '\n';
        for (const SyncProblem &problem : report->problems)
            context.err << problem.message << '\n';
    }
    return report->problems.isEmpty() ? ExitOk : ExitError;
}

// runbook search WORDS...: full-text search of the local copy; exit 1 when nothing matches.
int search(Context &context)
{
    const QString query = context.parser.positionalArguments().join(u' ');
    if (query.trimmed().isEmpty()) {
        context.err << Tr::tr("runbook search: give the words to look for") << '\n' << context.parser.helpText();
        return ExitUsage;
    }
    std::optional<ProfileStore> store = openProfile(context);
    if (!store)
        return ExitError;
    RunbookLibrary library(store->database());
    bool limitOk = false;
    int limit = context.parser.value(QStringLiteral("limit")).toInt(&limitOk);
    if (!limitOk || limit <= 0)
        limit = 10;
    const Result<QList<RunbookSearchHit>> hits = library.search(query, limit);
    if (!hits) {
        context.err << hits.error().message << '\n';
        return ExitError;
    }
    if (context.parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const RunbookSearchHit &hit : *hits) {
            QJsonObject object = summaryJson(hit.runbook);
            object.insert(QStringLiteral("snippet"),
                renderHighlights(hit.snippet, QStringLiteral("**"), QStringLiteral("**"), false));
            object.insert(QStringLiteral("rank"), hit.rank);
            array.append(object);
        }
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return hits->isEmpty() ? ExitError : ExitOk;
    }
    if (hits->isEmpty()) {
        context.err << Tr::tr("No runbook matches \"%1\".").arg(query) << '\n';
        return ExitError;
    }
    for (const RunbookSearchHit &hit : *hits) {
        context.out << hit.runbook.id << "  "
                    << renderHighlights(hit.titleHighlighted, QStringLiteral("*"), QStringLiteral("*"), false) << '\n'
                    << "    " << renderHighlights(hit.snippet, QStringLiteral("*"), QStringLiteral("*"), false) << '\n';
    }
    return ExitOk;
}

// runbook list: every runbook of the local copy.
int list(Context &context)
{
    std::optional<ProfileStore> store = openProfile(context);
    if (!store)
        return ExitError;
    RunbookLibrary library(store->database());
    const Result<QList<RunbookSummary>> all = library.list();
    if (!all) {
        context.err << all.error().message << '\n';
        return ExitError;
    }
    if (context.parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const RunbookSummary &s : *all)
            array.append(summaryJson(s));
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const RunbookSummary &s : *all)
        context.out << s.id.leftJustified(28) << ' ' << s.language << "  " << s.title << '\n';
    return ExitOk;
}

// runbook show ID [--version N] [--raw]: a runbook step by step (or its Markdown as imported).
int show(Context &context)
{
    const QStringList args = context.parser.positionalArguments();
    if (args.size() != 1) {
        context.err << Tr::tr("runbook show: give one runbook id") << '\n' << context.parser.helpText();
        return ExitUsage;
    }
    std::optional<ProfileStore> store = openProfile(context);
    if (!store)
        return ExitError;
    RunbookLibrary library(store->database());
    const int version = context.parser.value(QStringLiteral("version")).toInt();
    if (context.parser.isSet(QStringLiteral("raw"))) {
        const Result<QByteArray> content = library.content(args.first(), version);
        if (!content) {
            context.err << content.error().message << '\n';
            return ExitError;
        }
        context.out << QString::fromUtf8(*content);
        return ExitOk;
    }
    const Result<Runbook> runbook = library.runbook(args.first(), version);
    if (!runbook) {
        context.err << runbook.error().message << '\n';
        return ExitError;
    }
    const Runbook &r = *runbook;
    context.out << r.title << '\n'
                << QString(r.title.size(), u'=') << '\n'
                << Tr::tr("id %1, version %2, service %3, owner %4").arg(r.id).arg(r.version).arg(r.service, r.owner)
                << '\n'
                << Tr::tr("RTO %1, RPO %2; tags: %3")
                       .arg(r.rtoSeconds ? formatDuration(r.rtoSeconds) : Tr::tr("none"),
                           r.rpoSeconds ? formatDuration(r.rpoSeconds) : Tr::tr("none"),
                           r.tags.join(QStringLiteral(", ")))
                << '\n';
    if (!r.prerequisites.isEmpty()) {
        context.out << '\n' << Tr::tr("Prerequisites:") << '\n';
        for (const QString &p : r.prerequisites)
            context.out << "  - " << p << '\n';
    }
    for (qsizetype i = 0; i < r.steps.size(); ++i) {
        const RunbookStep &step = r.steps.at(i);
        context.out << '\n'
                    << Tr::tr("Step %1/%2: %3 (expected %4)")
                           .arg(i + 1)
                           .arg(r.steps.size())
                           .arg(step.title, formatDuration(step.expectedSeconds))
                    << '\n'
                    << step.instructions << '\n'
                    << Tr::tr("Verify: %1").arg(step.verify) << '\n'
                    << Tr::tr("Undo: %1").arg(step.undo) << '\n';
    }
    return ExitOk;
}

// drill report (--drill ID | --runbook ID) [--output FILE]: the Markdown report of a drill (default: the
// latest drill of the runbook).
int report(Context &context)
{
    std::optional<ProfileStore> store = openProfile(context);
    if (!store)
        return ExitError;
    RunbookLibrary library(store->database());
    qint64 drillId = context.parser.value(QStringLiteral("drill")).toLongLong();
    if (drillId <= 0) {
        const QString runbookId = context.parser.value(QStringLiteral("runbook"));
        if (runbookId.isEmpty()) {
            context.err << Tr::tr("drill report: give --drill ID or --runbook ID") << '\n' << context.parser.helpText();
            return ExitUsage;
        }
        const Result<QList<DrillRecord>> history = Drill::history(library, runbookId);
        if (!history || history->isEmpty()) {
            context.err << (history ? Tr::tr("Runbook \"%1\" has no drills yet.").arg(runbookId)
                                    : history.error().message)
                        << '\n';
            return ExitError;
        }
        drillId = history->first().id;
    }
    const Result<Drill> drill = Drill::load(library, drillId);
    if (!drill) {
        context.err << drill.error().message << '\n';
        return ExitError;
    }
    const QString markdown = drillReportMarkdown(*drill);
    const QString output = context.parser.value(QStringLiteral("output"));
    if (output.isEmpty()) {
        context.out << markdown;
        return ExitOk;
    }
    QFile file(output);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(markdown.toUtf8()) < 0) {
        context.err << Tr::tr("Could not write %1: %2").arg(output, file.errorString()) << '\n';
        return ExitError;
    }
    context.out << Tr::tr("Wrote %1").arg(output) << '\n';
    return ExitOk;
}

// drill list --runbook ID: the drill history of a runbook, newest first.
int drills(Context &context)
{
    const QString runbookId = context.parser.value(QStringLiteral("runbook"));
    if (runbookId.isEmpty()) {
        context.err << Tr::tr("drill list: --runbook ID is required") << '\n' << context.parser.helpText();
        return ExitUsage;
    }
    std::optional<ProfileStore> store = openProfile(context);
    if (!store)
        return ExitError;
    RunbookLibrary library(store->database());
    const Result<QList<DrillRecord>> history = Drill::history(library, runbookId);
    if (!history) {
        context.err << history.error().message << '\n';
        return ExitError;
    }
    for (const DrillRecord &r : *history) {
        const std::optional<qint64> rto = r.measuredRtoSeconds();
        context.out << QString::number(r.id).rightJustified(5) << "  " << r.startedAt.toString(Qt::ISODate) << "  "
                    << (r.isEnded() ? Tr::tr("RTO %1").arg(rto ? formatDuration(*rto) : QStringLiteral("—"))
                                    : Tr::tr("running"))
                    << "  " << r.scenario << '\n';
    }
    return ExitOk;
}

} // namespace

std::vector<Command> runbookCommands()
{
    std::vector<Command> commands;
    Command syncCommand;
    syncCommand.path = {QStringLiteral("runbook"), QStringLiteral("sync")};
    syncCommand.summary
        = Tr::tr("Import runbook source folders into the local copy; report added, changed, removed and errors.");
    syncCommand.options = [](QCommandLineParser &parser) {
        addProfileOption(parser);
        addJsonOption(parser);
        parser.addOption(QCommandLineOption(QStringLiteral("source"),
            Tr::tr("A folder of runbooks (*.md) to add to the configured sources; may be repeated."), Tr::tr("DIR")));
    };
    syncCommand.run = sync;
    commands.push_back(syncCommand);

    Command searchCommand;
    searchCommand.path = {QStringLiteral("runbook"), QStringLiteral("search")};
    searchCommand.summary = Tr::tr("Search the local runbooks (title, tags, body); best matches first.");
    searchCommand.options = [](QCommandLineParser &parser) {
        addProfileOption(parser);
        addJsonOption(parser);
        parser.addOption(
            QCommandLineOption(QStringLiteral("limit"), Tr::tr("At most N results (default 10)."), Tr::tr("N")));
        parser.addPositionalArgument(
            QStringLiteral("words"), Tr::tr("The words to look for (each matches as a prefix)."));
    };
    searchCommand.run = search;
    commands.push_back(searchCommand);

    Command showCommand;
    showCommand.path = {QStringLiteral("runbook"), QStringLiteral("show")};
    showCommand.summary = Tr::tr("Print a runbook from the local copy, step by step.");
    showCommand.options = [](QCommandLineParser &parser) {
        addProfileOption(parser);
        parser.addOption(
            QCommandLineOption(QStringLiteral("version"), Tr::tr("An earlier imported version."), Tr::tr("N")));
        parser.addOption(QCommandLineOption(QStringLiteral("raw"), Tr::tr("Print the Markdown file as imported.")));
        parser.addPositionalArgument(QStringLiteral("id"), Tr::tr("The runbook id."));
    };
    showCommand.run = show;
    commands.push_back(showCommand);

    Command listCommand;
    listCommand.path = {QStringLiteral("runbook"), QStringLiteral("list")};
    listCommand.summary = Tr::tr("List the runbooks of the local copy.");
    listCommand.options = [](QCommandLineParser &parser) {
        addProfileOption(parser);
        addJsonOption(parser);
    };
    listCommand.run = list;
    commands.push_back(listCommand);

    Command reportCommand;
    reportCommand.path = {QStringLiteral("drill"), QStringLiteral("report")};
    reportCommand.summary = Tr::tr("Print (or write) the Markdown report of a DR drill.");
    reportCommand.options = [](QCommandLineParser &parser) {
        addProfileOption(parser);
        parser.addOption(QCommandLineOption(QStringLiteral("drill"), Tr::tr("The drill id."), Tr::tr("ID")));
        parser.addOption(
            QCommandLineOption(QStringLiteral("runbook"), Tr::tr("The latest drill of this runbook."), Tr::tr("ID")));
        parser.addOption(
            QCommandLineOption(QStringLiteral("output"), Tr::tr("Write the report to FILE."), Tr::tr("FILE")));
    };
    reportCommand.run = report;
    commands.push_back(reportCommand);

    Command listDrills;
    listDrills.path = {QStringLiteral("drill"), QStringLiteral("list")};
    listDrills.summary = Tr::tr("List the DR drills of a runbook, newest first.");
    listDrills.options = [](QCommandLineParser &parser) {
        addProfileOption(parser);
        parser.addOption(QCommandLineOption(QStringLiteral("runbook"), Tr::tr("The runbook id."), Tr::tr("ID")));
    };
    listDrills.run = drills;
    commands.push_back(listDrills);
    return commands;
}

} // namespace gl::cli
