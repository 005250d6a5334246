// Automatic rollback latency (analysis issue, item 7): a canary at 10 % on a real sandbox (HAProxy, Prometheus
// scraping every 1 s, two sample service slots per colour, load at 100 requests/s), analysed every 1 s over a
// 10 s window with failure_limit 2. Once the canary is live and its analysis has passed at least one
// measurement, errors start at a recorded instant T0 (`greenlight-sandbox fault --error-rate 0.5` on the new
// version); HAProxy's runtime API is polled every 20 ms until every green server is at weight 0 (all traffic
// on stable): T1. Reports T1 - T0 (median, p90, max) and the requests that failed meanwhile (HTTP 5xx from
// the bad version, and lost ones), beside the defaults of Flagger and Argo Rollouts.
//
// Usage: bench_autorollback [--runs N] [--rps R] [--error-rate E]   (default 10 runs, 100 rps, 0.5)
// Needs greenlight-sandbox, greenlightctl and greenlight-sample-service built in the same build tree
// (GL_BINARY_DIR, default: the directory above this executable's).
//
// Note on `passes_required`: an analysis run that reaches "passed" is over for its step (the engine moves on,
// or at a gate the run stops), so errors started later would never be seen at that step. To keep the canary
// at 10 % with the analysis running, the bench sets passes_required very high: the run stays "passing" until
// the fault makes it fail. Every other setting is what a user would write.
#include "environmentedit.h"
#include "sandboxfixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace gl::test;

namespace {

const char kAnalysisSection[] = "analysis:\n"
                                "  interval: 1s\n"
                                "  window: 10s\n"
                                "  min_requests: 20\n"
                                "  failure_limit: 2\n"
                                "  passes_required: 100000\n"
                                "  inconclusive_after: 30s\n"
                                "  prometheus_unreachable_after: 10s\n"
                                "  inconclusive_policy: hold\n"
                                "  slis:\n"
                                "    - {name: error-ratio, kind: error-ratio}\n"
                                "    - {name: p99-latency, kind: p99-latency}\n"
                                "  rules:\n"
                                "    - {sli: error-ratio, max: 1%}\n"
                                "    - {sli: p99-latency, relative: 2, floor: 0.05}\n";

QString g_ctl;

struct CtlResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CtlResult ctl(const QStringList &arguments, int timeoutMs = 90000)
{
    QProcess process;
    process.start(g_ctl, arguments);
    CtlResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        result.err = "timed out: greenlightctl " + arguments.join(u' ').toUtf8();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// `greenlightctl engine --env FILE` for the whole bench; SIGTERM (then SIGKILL) of that one process at the end.
class EngineProcess {
public:
    explicit EngineProcess(const QString &envFile)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(QFileInfo(envFile).absolutePath() + QStringLiteral("/bench-engine.log"));
        m_process.start(g_ctl, {QStringLiteral("engine"), QStringLiteral("--env"), envFile});
        m_process.waitForStarted(5000);
    }
    ~EngineProcess()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

private:
    QProcess m_process;
};

QJsonObject statusJson(const QString &env)
{
    return QJsonDocument::fromJson(
        ctl({QStringLiteral("status"), QStringLiteral("--env"), env, QStringLiteral("--json")}, 15000).out)
        .object();
}

QJsonObject rolloutOf(const QString &env)
{
    return statusJson(env).value(u"rollout").toObject();
}

bool waitFor(const std::function<bool()> &predicate, int timeoutMs, int stepMs = 150)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (predicate())
            return true;
        QThread::msleep(stepMs);
    }
    return false;
}

QMap<QString, int> serverWeights(const QString &socket)
{
    QMap<QString, int> weights;
    for (const QByteArray &line : runtimeCommand(socket, "show servers state be_app").split('\n')) {
        const QList<QByteArray> cells = line.split(' ');
        if (line.startsWith('#') || cells.size() < 9)
            continue;
        weights.insert(QString::fromUtf8(cells.at(3)), cells.at(7).toInt());
    }
    return weights;
}

// Sum of the weights of the green (canary) servers; -1 if HAProxy did not answer.
int greenWeight(const QString &socket)
{
    const QMap<QString, int> weights = serverWeights(socket);
    if (weights.isEmpty())
        return -1;
    int sum = 0;
    for (auto it = weights.cbegin(); it != weights.cend(); ++it) {
        if (it.key().startsWith(u"green"))
            sum += it.value();
    }
    return sum;
}

bool rewriteAnalysis(const QString &envFile)
{
    return replaceEnvironmentSection(envFile, QStringLiteral("analysis"), QString::fromLatin1(kAnalysisSection));
}

// 5xx answers of `version` in the load generator's counts.
qint64 errorsOf(const QJsonObject &stats, const QString &version)
{
    const QJsonObject byStatus = stats.value(u"byVersionStatus").toObject().value(version).toObject();
    qint64 n = 0;
    for (auto it = byStatus.begin(); it != byStatus.end(); ++it) {
        if (it.key().startsWith(u'5'))
            n += it.value().toInteger();
    }
    return n;
}

double quantile(QList<double> values, double q)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min<qsizetype>(values.size() - 1, qsizetype(q * double(values.size() - 1) + 0.5));
    return values.at(index);
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

struct Run {
    QString version;
    double seconds = 0; // T1 - T0
    qint64 failed = 0; // 5xx of the bad version between T0 and the end of the run
    qint64 lost = 0; // lost requests (no service answered) between T0 and T1 (+ in-flight)
    double rolledBackSeconds = 0; // T0 to rollout state rolled-back
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int runs = 10;
    int rps = 100;
    QString errorRate = QStringLiteral("0.5");
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == u"--runs")
            runs = args.at(i + 1).toInt();
        else if (args.at(i) == u"--rps")
            rps = args.at(i + 1).toInt();
        else if (args.at(i) == u"--error-rate")
            errorRate = args.at(i + 1);
    }
    if (qEnvironmentVariableIsEmpty("GL_BINARY_DIR"))
        qputenv("GL_BINARY_DIR", QDir(app.applicationDirPath() + QStringLiteral("/..")).absolutePath().toUtf8());
    g_ctl = qEnvironmentVariable("GL_BINARY_DIR") + QStringLiteral("/app/greenlightctl");
    if (!QFile::exists(g_ctl) || SandboxFixture::launcherPath().isEmpty()) {
        std::fprintf(stderr, "greenlightctl and greenlight-sandbox must be built under %s\n",
            qPrintable(qEnvironmentVariable("GL_BINARY_DIR")));
        return 2;
    }

    SandboxFixture sandbox; // its destructor runs `greenlight-sandbox down` whatever happens
    QString error;
    std::printf("sandbox: up --slots 2 --rps %d ...\n", rps);
    std::fflush(stdout);
    if (!sandbox.up(
            {QStringLiteral("--slots"), QStringLiteral("2"), QStringLiteral("--rps"), QString::number(rps)}, &error)) {
        std::fprintf(stderr, "sandbox up failed: %s\n", qPrintable(error));
        return 1;
    }
    const QString env = sandbox.environmentFile();
    const QString socket = sandbox.dir() + QStringLiteral("/admin.sock");
    if (!rewriteAnalysis(env)) {
        std::fprintf(stderr, "could not rewrite the analysis section of %s\n", qPrintable(env));
        return 1;
    }
    int exitCode = 0;
    QList<Run> results;
    {
        EngineProcess engine(env);
        if (!waitFor([&] { return statusJson(env).value(u"engine").toObject().value(u"running").toBool(); }, 15000)) {
            std::fprintf(stderr, "the engine did not start\n");
            return 1;
        }
        for (int i = 0; i < runs; ++i) {
            Run run;
            run.version = QStringLiteral("v%1").arg(i + 2);
            CtlResult r = ctl({QStringLiteral("rollout"), QStringLiteral("start"), QStringLiteral("--env"), env,
                QStringLiteral("--version"), run.version, QStringLiteral("--steps"), QStringLiteral("10:analysis,100"),
                QStringLiteral("--undeploy-delay"), QStringLiteral("1s"), QStringLiteral("--reason"),
                QStringLiteral("bench_autorollback run %1").arg(i + 1)});
            if (r.exitCode != 0) {
                std::fprintf(
                    stderr, "run %d: rollout start failed: %s%s\n", i + 1, r.out.constData(), r.err.constData());
                exitCode = 1;
                break;
            }
            // 10 % live on HAProxy, and the analysis has passed at least one measurement (verdict "passing").
            qint64 rolloutId = 0;
            const bool live = waitFor(
                [&] {
                    const QJsonObject o = rolloutOf(env);
                    rolloutId = o.value(u"id").toInteger();
                    return o.value(u"state").toString() == u"paused"
                        && o.value(u"pauseReason").toString() == u"analysis" && greenWeight(socket) > 0;
                },
                60000);
            const bool passing = live
                && waitFor(
                    [&] {
                        const CtlResult a
                            = ctl({QStringLiteral("analysis"), QStringLiteral("show"), QStringLiteral("--env"), env,
                                QStringLiteral("--rollout"), QString::number(rolloutId), QStringLiteral("--json")});
                        const QJsonObject o = QJsonDocument::fromJson(a.out).object();
                        for (const QJsonValue &m : o.value(u"measurements").toArray()) {
                            if (m.toObject().value(u"verdict").toString() == u"passing")
                                return true;
                        }
                        return false;
                    },
                    60000, 250);
            if (!passing) {
                std::fprintf(stderr, "run %d: canary not live at 10 %% with a passing analysis: %s\n", i + 1,
                    QJsonDocument(rolloutOf(env)).toJson(QJsonDocument::Compact).constData());
                exitCode = 1;
                break;
            }
            const QJsonObject before = sandbox.statsJson();

            // T0: the fault is injected (the bad version answers 500 to about half its requests from here).
            QElapsedTimer clock;
            clock.start();
            if (sandbox.run(QStringLiteral("fault"),
                    {QStringLiteral("--version"), run.version, QStringLiteral("--error-rate"), errorRate})
                != 0) {
                std::fprintf(stderr, "run %d: fault injection failed\n", i + 1);
                exitCode = 1;
                break;
            }
            const qint64 faultCommandMs = clock.elapsed();
            // T1: every green server at weight 0 (polled every 20 ms on the runtime API).
            bool back = false;
            while (clock.elapsed() < 120000) {
                if (greenWeight(socket) == 0) {
                    back = true;
                    break;
                }
                QThread::msleep(20);
            }
            run.seconds = double(clock.elapsed()) / 1000.0;
            if (!back) {
                std::fprintf(stderr, "run %d: traffic not back on stable after 120 s\n", i + 1);
                exitCode = 1;
                break;
            }
            waitFor([&] { return rolloutOf(env).value(u"state").toString() == u"rolled-back"; }, 60000, 50);
            run.rolledBackSeconds = double(clock.elapsed()) / 1000.0;
            QThread::msleep(1500); // answers in flight at T1 are counted (the load generator writes every 250 ms)
            const QJsonObject after = sandbox.statsJson();
            run.failed = errorsOf(after, run.version) - errorsOf(before, run.version);
            run.lost = after.value(u"lost").toInteger() - before.value(u"lost").toInteger();
            sandbox.run(QStringLiteral("fault"), {QStringLiteral("--version"), run.version, QStringLiteral("--clear")});
            std::printf("run %2d  %-4s  traffic on stable after %6.2f s (fault command %lld ms; rolled-back at "
                        "%6.2f s)  failed %3lld  lost %lld\n",
                i + 1, qPrintable(run.version), run.seconds, faultCommandMs, run.rolledBackSeconds, run.failed,
                run.lost);
            std::fflush(stdout);
            results.append(run);
            // The next run starts clean: the rollback is finished and the stable colour takes everything.
            waitFor([&] { return greenWeight(socket) == 0; }, 10000);
            QThread::msleep(2000);
        }
    }

    const QJsonObject total = sandbox.statsJson();
    QByteArray out;
    QByteArray err;
    sandbox.down(&out, &err);

    QList<double> seconds;
    QList<double> failed;
    qint64 lost = 0;
    for (const Run &r : std::as_const(results)) {
        seconds.append(r.seconds);
        failed.append(double(r.failed));
        lost += r.lost;
    }
    std::printf("\nAutomatic rollback: canary at 10 %%, errors (rate %s) start at T0, time until all traffic is on "
                "stable\n",
        qPrintable(errorRate));
    std::printf("analysis: interval 1s, window 10s, failure_limit 2, min_requests 20; Prometheus scrape 1 s; load %d "
                "req/s\n\n",
        rps);
    std::printf("| | runs | median | p90 | max | failed requests meanwhile (median / max) | lost |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    if (!results.isEmpty()) {
        std::printf("| Greenlight (measured) | %lld | %.2f s | %.2f s | %.2f s | %.0f / %.0f | %lld |\n",
            qlonglong(results.size()), median(seconds), quantile(seconds, 0.9), quantile(seconds, 1.0), median(failed),
            quantile(failed, 1.0), lost);
    }
    std::printf("| Flagger defaults (interval 1m, threshold 1) | - | ~60 s | | up to ~120 s | | |\n");
    std::printf("| Argo Rollouts ((failureLimit+1) x interval), e.g. interval 1m, failureLimit 0..3 | - | 60..240 s | "
                "| | | |\n");
    std::printf("\nload generator over the whole bench: total %lld, lost %lld, connection errors %lld, HAProxy 503 "
                "%lld\n",
        total.value(u"total").toInteger(), total.value(u"lost").toInteger(),
        total.value(u"connectionErrors").toInteger(), total.value(u"haproxy503").toInteger());
    if (!results.isEmpty())
        std::printf("target: median under 5 s: %s\n", median(seconds) < 5.0 ? "met" : "NOT met");
    if (results.size() < runs)
        std::printf("only %lld of %d runs completed\n", qlonglong(results.size()), runs);
    return exitCode;
}
