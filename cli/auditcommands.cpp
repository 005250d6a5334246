#include "auditcommands.h"

#include "audit/auditlog.h"
#include "credentials/keychaincredentialstore.h"
#include "identity/identitystore.h"
#include "model/environmentfile.h"
#include "runbooks/runbooklibrary.h"
#include "storage/profilestore.h"
#include "util/clock.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace gl::cli {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::cli)
};

} // namespace

Result<SigningKey> waitForKey(IdentityJob *job)
{
    std::optional<Result<SigningKey>> result;
    QEventLoop loop;
    QObject::connect(job, &IdentityJob::finished, &loop, [&](const Result<SigningKey> &r) {
        result = r;
        loop.quit();
    });
    job->start();
    if (!result)
        loop.exec();
    return *result;
}

namespace {

// The audit log at `auditPath`, with --checkpoint FILE as its external checkpoint when given.
Result<OpenedAuditLog> openAuditLogAt(Context &context, const QString &auditPath, Environment env)
{
    AuditLog::Options options;
    if (context.parser.isSet(QStringLiteral("checkpoint")))
        options.externalCheckpointPath = context.parser.value(QStringLiteral("checkpoint"));
    Result<AuditLog> log = AuditLog::open(auditPath, SystemClock::instance(), options);
    if (!log)
        return log.error();
    return OpenedAuditLog {std::move(env), std::make_shared<AuditLog>(std::move(log).value())};
}

} // namespace

Result<OpenedAuditLog> openAuditLog(Context &context, bool mustExist)
{
    const QString path = context.parser.value(QStringLiteral("env"));
    if (path.isEmpty())
        return makeError(ErrorCode::InvalidArgument, Tr::tr("--env FILE is required"));
    Result<Environment> env = loadEnvironmentFile(path);
    if (!env)
        return env.error();
    const QString auditPath = AuditLog::pathForStateDatabase(env->stateDatabase);
    if (mustExist && !QFileInfo::exists(auditPath))
        return makeError(ErrorCode::NotFound,
            Tr::tr("%1 has no audit log yet (%2).").arg(path, QDir::toNativeSeparators(auditPath)));
    return openAuditLogAt(context, auditPath, std::move(env).value());
}

namespace {

// With --runbooks or --profile FILE: the profile's audit log (runbook step-throughs and drills), else --env's.
Result<OpenedAuditLog> openSelectedAuditLog(Context &context)
{
    if (!context.parser.isSet(QStringLiteral("runbooks")) && !context.parser.isSet(QStringLiteral("profile")))
        return openAuditLog(context, true);
    if (context.parser.isSet(QStringLiteral("env")))
        return makeError(ErrorCode::InvalidArgument, Tr::tr("--env and --runbooks/--profile are alternatives"));
    const QString profile = context.parser.isSet(QStringLiteral("profile"))
        ? context.parser.value(QStringLiteral("profile"))
        : defaultProfilePath();
    const QString auditPath = RunbookLibrary::auditLogPath(profile);
    if (!QFileInfo::exists(auditPath))
        return makeError(ErrorCode::NotFound,
            Tr::tr("The profile %1 has no audit log yet (%2).")
                .arg(QDir::toNativeSeparators(profile), QDir::toNativeSeparators(auditPath)));
    return openAuditLogAt(context, auditPath, Environment {});
}

void addEnvOption(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(QStringLiteral("env"), Tr::tr("The environment file (YAML)."), Tr::tr("FILE")));
    parser.addOption(QCommandLineOption(QStringLiteral("runbooks"),
        Tr::tr("The profile's audit log (runbook step-throughs and DR drills) instead of an environment's.")));
    parser.addOption(QCommandLineOption(QStringLiteral("profile"),
        Tr::tr("With --runbooks: the profile database (default: ~/.local/share/greenlight/profile.db)."),
        Tr::tr("FILE")));
    parser.addOption(QCommandLineOption(QStringLiteral("checkpoint"),
        Tr::tr("The checkpoint kept outside the database (default: under ~/.local/state/greenlight/audit)."),
        Tr::tr("FILE")));
}

// audit verify (--env FILE | --runbooks [--profile FILE]) [--json]: walks the chain; exit 0 intact, 1 broken (first
// broken seq and why).
int verify(Context &context)
{
    Result<OpenedAuditLog> opened = openSelectedAuditLog(context);
    if (!opened) {
        context.err << opened.error().message << '\n';
        return opened.error().code == ErrorCode::InvalidArgument ? ExitUsage : ExitError;
    }
    AuditLog &log = *opened->log;
    QList<PublicKey> trusted = opened->environment.approvals.publicKeys();
    QStringList notes;
    // The installation's audit key from the keychain; without it, the key named in the outside checkpoint.
    KeychainCredentialStore keychain;
    IdentityStore identities(&keychain);
    const Result<SigningKey> installation = waitForKey(identities.load(IdentityStore::auditKeyName(), false));
    if (installation) {
        trusted << installation->publicKey();
    } else if (const auto external = log.externalCheckpoint(); external && external->has_value()) {
        if (const Result<PublicKey> key = PublicKey::fromBase64((*external)->key); key) {
            trusted << *key;
            notes << Tr::tr("the installation key is not in this keychain; trusting the key named in the outside "
                            "checkpoint (%1)")
                         .arg(key->fingerprint());
        }
    }
    const Result<AuditVerifyReport> report = log.verify(trusted);
    if (!report) {
        context.err << report.error().message << '\n';
        return ExitError;
    }
    const QStringList warnings = report->warnings + notes;
    if (context.parser.isSet(QStringLiteral("json"))) {
        QJsonObject object {{QStringLiteral("ok"), report->ok}, {QStringLiteral("database"), log.path()},
            {QStringLiteral("entries"), report->entries}, {QStringLiteral("lastSeq"), report->lastSeq},
            {QStringLiteral("lastHash"), QString::fromLatin1(report->lastHash)},
            {QStringLiteral("checkpointsMatched"), report->checkpointsMatched},
            {QStringLiteral("externalCheckpoint"), log.externalCheckpointPath()},
            {QStringLiteral("externalCheckpointSeq"), report->externalCheckpointSeq},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}};
        if (!report->ok) {
            object.insert(QStringLiteral("firstBrokenSeq"), report->firstBrokenSeq);
            object.insert(QStringLiteral("reason"), report->reason);
        }
        context.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return report->ok ? ExitOk : ExitError;
    }
    for (const QString &warning : warnings)
        context.err << Tr::tr("warning: %1").arg(warning) << '\n';
    if (!report->ok) {
        context.out << Tr::tr("BROKEN at seq %1: %2").arg(report->firstBrokenSeq).arg(report->reason) << '\n';
        return ExitError;
    }
    context.out << Tr::tr("ok: %1 entries, head seq %2 (%3), %4 checkpoints matched, outside checkpoint at seq %5")
                       .arg(report->entries)
                       .arg(report->lastSeq)
                       .arg(QString::fromLatin1(report->lastHash.left(16)))
                       .arg(report->checkpointsMatched)
                       .arg(report->externalCheckpointSeq)
                << '\n';
    return ExitOk;
}

// audit export (--env FILE | --runbooks [--profile FILE]) --format jsonl|csv [--out F]
int exportLog(Context &context)
{
    const QString format = context.parser.value(QStringLiteral("format"));
    if (format != u"jsonl" && format != u"csv") {
        context.err << Tr::tr("audit export: --format must be jsonl or csv") << '\n';
        return ExitUsage;
    }
    Result<OpenedAuditLog> opened = openSelectedAuditLog(context);
    if (!opened) {
        context.err << opened.error().message << '\n';
        return opened.error().code == ErrorCode::InvalidArgument ? ExitUsage : ExitError;
    }
    QFile out;
    const QString outPath = context.parser.value(QStringLiteral("out"));
    const bool toFile = !outPath.isEmpty() && outPath != u"-";
    if (toFile) {
        out.setFileName(outPath);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            context.err << Tr::tr("Could not write %1: %2").arg(outPath, out.errorString()) << '\n';
            return ExitError;
        }
    } else {
        context.out.flush();
        if (!out.open(stdout, QIODevice::WriteOnly)) {
            context.err << Tr::tr("Could not write to standard output.") << '\n';
            return ExitError;
        }
    }
    const Status status
        = opened->log->exportTo(out, format == u"csv" ? AuditExportFormat::Csv : AuditExportFormat::JsonLines);
    out.close();
    if (!status) {
        context.err << status.error().message << '\n';
        return ExitError;
    }
    return ExitOk;
}

} // namespace

std::vector<Command> auditCommands()
{
    Command verifyCommand;
    verifyCommand.path = {QStringLiteral("audit"), QStringLiteral("verify")};
    verifyCommand.summary
        = Tr::tr("Check the audit log's hash chain and checkpoints; exit 1 at the first broken entry.");
    verifyCommand.options = [](QCommandLineParser &parser) {
        addEnvOption(parser);
        parser.addOption(QCommandLineOption(QStringLiteral("json"), Tr::tr("Print the result as JSON.")));
    };
    verifyCommand.run = verify;

    Command exportCommand;
    exportCommand.path = {QStringLiteral("audit"), QStringLiteral("export")};
    exportCommand.summary = Tr::tr("Write the audit log as JSON Lines or CSV.");
    exportCommand.options = [](QCommandLineParser &parser) {
        addEnvOption(parser);
        parser.addOption(QCommandLineOption(
            QStringLiteral("format"), Tr::tr("jsonl or csv."), Tr::tr("FORMAT"), QStringLiteral("jsonl")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("out"), Tr::tr("Write to FILE instead of standard output."), Tr::tr("FILE")));
    };
    exportCommand.run = exportLog;
    return {verifyCommand, exportCommand};
}

} // namespace gl::cli
