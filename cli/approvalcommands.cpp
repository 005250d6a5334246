#include "approvals/approvalledger.h"
#include "approvals/signedstatement.h"
#include "auditcommands.h"
#include "credentials/keychaincredentialstore.h"
#include "engine/pendinggates.h"
#include "engine/rolloutgatekeeper.h"
#include "engine/rolloutstore.h"
#include "identity/identity.h"
#include "identity/identitystore.h"
#include "model/environmentfile.h"
#include "storage/statestore.h"
#include "util/clock.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace gl::cli {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::cli)
};

QString personOf(Context &context)
{
    const QString person = context.parser.value(QStringLiteral("person"));
    return person.isEmpty() ? currentPerson() : person;
}

void addPersonOption(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(QStringLiteral("person"),
        Tr::tr("Whose key (default: $GREENLIGHT_PERSON or the login name)."), Tr::tr("NAME")));
}

QString approverLine(const QString &person, const PublicKey &key)
{
    return QStringLiteral("  - {person: %1, groups: [CHANGE-ME], key: \"%2\"}").arg(person, key.toString());
}

// Loads the person's key from the keychain, creating it on first use (and saying so on stderr).
Result<SigningKey> personKey(Context &context, KeychainCredentialStore &keychain, const QString &person, bool create)
{
    IdentityStore identities(&keychain);
    IdentityJob *job = identities.load(IdentityStore::personKeyName(person), create);
    bool created = false;
    QObject::connect(job, &IdentityJob::finished, job, [&] { created = job->created(); });
    Result<SigningKey> key = waitForKey(job);
    if (key && created)
        context.err << Tr::tr("Created a new Ed25519 key pair for %1; the private key is in the keychain. Add this "
                              "line to the approvers list of each environment you approve for:")
                           .arg(person)
                    << '\n'
                    << approverLine(person, key->publicKey()) << '\n';
    return key;
}

// identity show|create [--person NAME]: prints the approvers-list line with the public key.
int identity(Context &context, bool create)
{
    const QString person = personOf(context);
    if (person.isEmpty()) {
        context.err << Tr::tr("Who are you? Set --person or GREENLIGHT_PERSON.") << '\n';
        return ExitUsage;
    }
    KeychainCredentialStore keychain;
    const Result<SigningKey> key = personKey(context, keychain, person, create);
    if (!key) {
        context.err << (key.error().code == ErrorCode::NotFound
                ? Tr::tr("%1 has no key yet; run: greenlightctl identity create").arg(person)
                : key.error().message)
                    << '\n';
        return ExitError;
    }
    context.out << approverLine(person, key->publicKey()) << '\n';
    return ExitOk;
}

// Only the environment (approve --export records nothing here).
Result<OpenedAuditLog> openAuditLogEnvOnly(Context &context)
{
    Result<Environment> env = loadEnvironmentFile(context.parser.value(QStringLiteral("env")));
    if (!env)
        return env.error();
    return OpenedAuditLog {std::move(env).value(), nullptr};
}

// The audit log with its checkpoints signed by the installation key (created on first use), when the keychain has it.
Result<OpenedAuditLog> openSignedLog(Context &context, KeychainCredentialStore &keychain)
{
    Result<OpenedAuditLog> opened = openAuditLog(context, false);
    if (!opened)
        return opened;
    IdentityStore identities(&keychain);
    const Result<SigningKey> installation = waitForKey(identities.load(IdentityStore::auditKeyName(), true));
    if (installation)
        opened->log->setSigner(*installation);
    else
        context.err << Tr::tr("warning: audit checkpoints are written unsigned: %1").arg(installation.error().message)
                    << '\n';
    return opened;
}

// A short-lived command checkpoints what it appended, so truncation is detectable from the first entry on.
// The person who started rollout `rolloutId` of `env` (from its audit log), or empty when this desk does not know it.
QString starterOf(const Environment &env, const AuditLog &log, const QString &rolloutId)
{
    bool numeric = false;
    const qint64 id = rolloutId.toLongLong(&numeric);
    if (!numeric || !QFileInfo::exists(env.stateDatabase))
        return {};
    Result<StateStore> state = StateStore::open(env.stateDatabase);
    if (!state)
        return {};
    RolloutStore rollouts(*state, SystemClock::instance());
    const Result<std::optional<RolloutRecord>> record = rollouts.rollout(id);
    if (!record || !record->has_value())
        return {};
    return gateFactsOf(log, **record).starter;
}

void checkpointBeforeExit(Context &context, AuditLog &log)
{
    if (const Result<AuditCheckpoint> checkpoint = log.checkpoint(); !checkpoint)
        context.err << Tr::tr("warning: no audit checkpoint was written: %1").arg(checkpoint.error().message) << '\n';
}

// approve --env FILE --rollout ID --gate G [--reject|--override|--block] [--input k=v]... [--comment C] [--export]
int approve(Context &context)
{
    const QString rollout = context.parser.value(QStringLiteral("rollout"));
    QString gate = context.parser.value(QStringLiteral("gate"));
    Decision decision = Decision::Approve;
    int modes = 0;
    if (context.parser.isSet(QStringLiteral("reject"))) {
        decision = Decision::Reject;
        ++modes;
    }
    if (context.parser.isSet(QStringLiteral("override"))) {
        decision = Decision::Override;
        gate = QLatin1String(Statement::kCalendarGate);
        ++modes;
    }
    if (context.parser.isSet(QStringLiteral("block"))) {
        decision = Decision::Block;
        gate = QLatin1String(Statement::kReleaseGate);
        ++modes;
    }
    if (rollout.isEmpty() || gate.isEmpty() || modes > 1 || context.parser.value(QStringLiteral("env")).isEmpty()) {
        context.err << Tr::tr("approve: --env FILE, --rollout ID and --gate G (or --override / --block) are required; "
                              "--reject, --override and --block exclude each other")
                    << '\n'
                    << context.parser.helpText();
        return ExitUsage;
    }
    Statement statement;
    for (const QString &input : context.parser.values(QStringLiteral("input"))) {
        const qsizetype eq = input.indexOf(u'=');
        if (eq <= 0) {
            context.err << Tr::tr("approve: --input expects key=value, got \"%1\"").arg(input) << '\n';
            return ExitUsage;
        }
        statement.inputs.insert(input.left(eq), input.mid(eq + 1));
    }
    if ((decision == Decision::Override || decision == Decision::Block)
        && statement.inputs.value(QStringLiteral("reason")).trimmed().isEmpty()) {
        context.err << Tr::tr("approve: an override or a block needs --input reason=...") << '\n';
        return ExitUsage;
    }
    KeychainCredentialStore keychain;
    Result<OpenedAuditLog> opened = context.parser.isSet(QStringLiteral("export")) ? openAuditLogEnvOnly(context)
                                                                                   : openSignedLog(context, keychain);
    if (!opened) {
        context.err << opened.error().message << '\n';
        return ExitError;
    }
    const Environment &env = opened->environment;
    if (decision == Decision::Approve || decision == Decision::Reject) {
        if (!env.approvals.gate(gate)) {
            context.err << Tr::tr("%1 has no gate named \"%2\".").arg(env.filePath, gate) << '\n';
            return ExitError;
        }
    }
    const QString person = personOf(context);
    const Result<SigningKey> key = personKey(context, keychain, person, true);
    if (!key) {
        context.err << key.error().message << '\n';
        return ExitError;
    }
    statement.environment = env.name;
    statement.rolloutId = rollout;
    statement.gate = gate;
    statement.decision = decision;
    statement.comment = context.parser.value(QStringLiteral("comment"));
    statement.time = QDateTime::fromSecsSinceEpoch(SystemClock::instance().now().toSecsSinceEpoch(), Qt::UTC);
    statement.signer = person;
    statement.nonce = Statement::newNonce();
    const Result<SignedStatement> signedStatement = SignedStatement::sign(statement, *key);
    if (!signedStatement) {
        context.err << signedStatement.error().message << '\n';
        return ExitError;
    }
    // Refuse early what the driving console would refuse (not in the approvers list, another key).
    if (const Result<Identity> check = signedStatement->verify(env.approvals.approvers, env.name, rollout); !check) {
        context.err << check.error().message << '\n';
        return ExitError;
    }
    // Separation of duties, refused here as the console and the engine refuse it: whoever started the rollout
    // cannot approve (or reject, or override for) it. Known when this desk has the rollout's audit log.
    if (decision != Decision::Block && opened->log) {
        if (const QString starter = starterOf(env, *opened->log, rollout); !starter.isEmpty() && starter == person) {
            context.err << Tr::tr("approve: %1 started rollout %2 and cannot decide on its gates (separation of "
                                  "duties); another approver must sign.")
                               .arg(person, rollout)
                        << '\n';
            return ExitError;
        }
    }
    if (context.parser.isSet(QStringLiteral("export"))) {
        context.out << signedStatement->toToken() << '\n';
        return ExitOk;
    }
    ApprovalLedger ledger(*opened->log, env.name, env.approvals.approvers);
    const Result<AuditEntry> recorded = ledger.record(*signedStatement, person, rollout);
    if (!recorded) {
        context.err << recorded.error().message << '\n';
        return ExitError;
    }
    checkpointBeforeExit(context, *opened->log);
    context.out << Tr::tr("Recorded: %1 %2 gate %3 of rollout %4 (audit seq %5).")
                       .arg(person, toString(decision), gate, rollout)
                       .arg(recorded->seq)
                << '\n';
    return ExitOk;
}

// approvals import --env FILE TOKEN [--rollout ID]: verifies the token, records it, says what it did.
int importToken(Context &context)
{
    const QStringList args = context.parser.positionalArguments();
    if (args.size() != 1 || context.parser.value(QStringLiteral("env")).isEmpty()) {
        context.err << Tr::tr("approvals import: --env FILE and one TOKEN are required") << '\n'
                    << context.parser.helpText();
        return ExitUsage;
    }
    KeychainCredentialStore keychain;
    Result<OpenedAuditLog> opened = openSignedLog(context, keychain);
    if (!opened) {
        context.err << opened.error().message << '\n';
        return ExitError;
    }
    const Environment &env = opened->environment;
    ApprovalLedger ledger(*opened->log, env.name, env.approvals.approvers);
    const Result<SignedStatement> imported
        = ledger.importToken(args.first(), currentPerson(), context.parser.value(QStringLiteral("rollout")));
    if (!imported) {
        context.err << imported.error().message << '\n';
        return ExitError;
    }
    checkpointBeforeExit(context, *opened->log);
    const Statement &s = imported->statement();
    context.out << Tr::tr("Imported and verified: %1 %2 gate %3 of rollout %4 at %5 (signature ok).")
                       .arg(s.signer, toString(s.decision), s.gate, s.rolloutId, s.time.toString(Qt::ISODate))
                << '\n';
    return ExitOk;
}

// approvals list --env FILE [--rollout ID] [--json]: the gate the rollout (default: the latest) waits at, with
// n/N, who approved, who does not count and why, and the time left.
int listPending(Context &context)
{
    Result<Environment> env = loadEnvironmentFile(context.parser.value(QStringLiteral("env")));
    if (!env) {
        context.err << env.error().message << '\n';
        return ExitUsage;
    }
    Result<StateStore> state = StateStore::open(env->stateDatabase);
    if (!state) {
        context.err << state.error().message << '\n';
        return ExitError;
    }
    RolloutStore store(*state, SystemClock::instance());
    const QString rolloutText = context.parser.value(QStringLiteral("rollout"));
    const Result<std::optional<RolloutRecord>> record
        = rolloutText.isEmpty() ? store.latest() : store.rollout(rolloutText.toLongLong());
    if (!record) {
        context.err << record.error().message << '\n';
        return ExitError;
    }
    const bool json = context.parser.isSet(QStringLiteral("json"));
    std::optional<GateCheck> waiting;
    if (record->has_value() && QFileInfo::exists(AuditLog::pathForStateDatabase(env->stateDatabase))) {
        RolloutGatekeeper gatekeeper(env->name, env->approvals, SystemClock::instance());
        if (const Status opened = gatekeeper.open(AuditLog::pathForStateDatabase(env->stateDatabase)); !opened) {
            context.err << opened.error().message << '\n';
            return ExitError;
        }
        // A block on a rollout this one retries holds it too.
        QList<qint64> retried;
        for (qint64 id = (*record)->retryOf; id > 0 && !retried.contains(id) && retried.size() < 1000;) {
            retried << id;
            const Result<std::optional<RolloutRecord>> earlier = store.rollout(id);
            id = earlier && earlier->has_value() ? (*earlier)->retryOf : 0;
        }
        const Result<std::optional<GateCheck>> check = gatekeeper.waitingCheck(**record, retried);
        if (!check) {
            context.err << check.error().message << '\n';
            return ExitError;
        }
        waiting = *check;
    }
    if (json) {
        QJsonArray pending;
        if (waiting)
            pending.append(
                QJsonObject {{QStringLiteral("rollout"), (*record)->id}, {QStringLiteral("gate"), waiting->toJson()}});
        context.out << QJsonDocument(
            QJsonObject {{QStringLiteral("pending"),
                pending}}).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (!record->has_value()) {
        context.out << Tr::tr("No rollout yet.") << '\n';
        return ExitOk;
    }
    if (!waiting) {
        context.out << Tr::tr("Rollout #%1 waits at no approval gate.").arg((*record)->id) << '\n';
        return ExitOk;
    }
    context.out
        << Tr::tr("Rollout #%1 waits before %2: %3").arg((*record)->id).arg(waiting->point.key(), waiting->summary())
        << '\n';
    for (const GateStatus &gate : waiting->decision.gates) {
        for (const QString &refused : gate.refused)
            context.out << Tr::tr("  %1 does not count: %2").arg(gate.gate, refused) << '\n';
    }
    return ExitOk;
}

} // namespace

std::vector<Command> approvalCommands()
{
    Command show;
    show.path = {QStringLiteral("identity"), QStringLiteral("show")};
    show.summary = Tr::tr("Print your public key as a line for the approvers list.");
    show.options = addPersonOption;
    show.run = [](Context &context) { return identity(context, false); };

    Command create;
    create.path = {QStringLiteral("identity"), QStringLiteral("create")};
    create.summary = Tr::tr("Create your Ed25519 key pair in the keychain (if missing) and print your public key.");
    create.options = addPersonOption;
    create.run = [](Context &context) { return identity(context, true); };

    Command approveCommand;
    approveCommand.path = {QStringLiteral("approve")};
    approveCommand.summary = Tr::tr("Sign a decision on a gate; record it, or print it as a token with --export.");
    approveCommand.options = [](QCommandLineParser &parser) {
        parser.addOption(
            QCommandLineOption(QStringLiteral("env"), Tr::tr("The environment file (YAML)."), Tr::tr("FILE")));
        parser.addOption(QCommandLineOption(QStringLiteral("rollout"), Tr::tr("The rollout id."), Tr::tr("ID")));
        parser.addOption(QCommandLineOption(QStringLiteral("gate"), Tr::tr("The gate's name."), Tr::tr("GATE")));
        parser.addOption(QCommandLineOption(QStringLiteral("reject"), Tr::tr("Reject instead of approve.")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("override"), Tr::tr("Override the change window or freeze (needs --input reason=...).")));
        parser.addOption(
            QCommandLineOption(QStringLiteral("block"), Tr::tr("Block this release (needs --input reason=...).")));
        parser.addOption(QCommandLineOption(QStringLiteral("input"),
            Tr::tr("A required input, e.g. ticket=CHG-1234 (repeatable)."), Tr::tr("KEY=VALUE")));
        parser.addOption(QCommandLineOption(QStringLiteral("comment"), Tr::tr("A comment."), Tr::tr("TEXT")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("export"), Tr::tr("Print the signed decision as a token instead of recording it.")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("checkpoint"), Tr::tr("The checkpoint kept outside the database."), Tr::tr("FILE")));
        addPersonOption(parser);
    };
    approveCommand.run = approve;

    Command import;
    import.path = {QStringLiteral("approvals"), QStringLiteral("import")};
    import.summary = Tr::tr("Verify a decision token and record it in the environment's audit log.");
    import.options = [](QCommandLineParser & parser) {
        parser.addOption(
            QCommandLineOption(QStringLiteral("env"), Tr::tr("The environment file (YAML)."), Tr::tr("FILE")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("rollout"), Tr::tr("Refuse the token unless it is for this rollout."), Tr::tr("ID")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("checkpoint"), Tr::tr("The checkpoint kept outside the database."), Tr::tr("FILE")));
    parser.addPositionalArgument(QStringLiteral("token"), Tr::tr("The glt1. token."));
};
import.run = importToken;

Command list;
list.path = {QStringLiteral("approvals"), QStringLiteral("list")};
list.summary = Tr::tr("Show the approval gate a rollout waits at: approvals so far, who does not count, time left.");
list.options = [](QCommandLineParser &parser) {
    parser.addOption(QCommandLineOption(QStringLiteral("env"), Tr::tr("The environment file (YAML)."), Tr::tr("FILE")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("rollout"), Tr::tr("The rollout id (default: the latest)."), Tr::tr("ID")));
    parser.addOption(QCommandLineOption(QStringLiteral("json"), Tr::tr("Print JSON.")));
};
list.run = listPending;
return {show, create, approveCommand, import, list};
} // namespace gl::cli

} // namespace gl::cli
