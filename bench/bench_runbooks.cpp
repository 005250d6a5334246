// Runbook library figures: sync time of N generated runbook files (first import, a no-change re-sync, a
// re-sync with 1% changed) and FTS5 search time over them (p50 / p95 / max of typical two-word queries).
// BENCH_RUNBOOKS_SLOWEST=1 also lists the slowest queries.
// Usage: bench_runbooks [N=10000] [VOCABULARY=5000]. Prints a table; asserts nothing.
#include "runbooks/runbooklibrary.h"
#include "storage/profilestore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <optional>

using namespace gl;

namespace {

const QStringList kWords = {"database", "failover", "haproxy", "rollback", "restore", "backup", "replica", "primary",
    "node", "drain", "cache", "queue", "kafka", "redis", "postgres", "certificate", "rotate", "dns", "latency", "disk",
    "memory", "kubernetes", "deploy", "canary", "traffic", "weight", "socket", "reload", "config", "firewall", "vpn",
    "storage", "snapshot", "index", "vacuum", "partition", "replication", "lag", "promote", "fence"};

// The vocabulary: the ops words above plus made-up words up to `g_vocabulary` words. With the ops words only,
// every two-word query matches nearly every runbook (the worst case); a realistic vocabulary has thousands.
QStringList g_vocabulary;

void buildVocabulary(int size)
{
    g_vocabulary = kWords;
    static const char *const syllables[] = {"ka", "ro", "mi", "te", "lu", "sa", "no", "vi", "pe", "da", "go", "ri"};
    for (int i = 0; g_vocabulary.size() < size; ++i) {
        QString word;
        for (int n = i + 1; n > 0; n /= 12)
            word += QLatin1String(syllables[n % 12]);
        g_vocabulary << word + QStringLiteral("x");
    }
}

QString words(QRandomGenerator &rng, int n)
{
    QStringList out;
    for (int i = 0; i < n; ++i) {
        // Zipf-like: low indexes (the ops words) are far more frequent.
        const double u = rng.generateDouble();
        out << g_vocabulary.at(qMin(qsizetype(g_vocabulary.size() * u * u * u), g_vocabulary.size() - 1));
    }
    return out.join(u' ');
}

QByteArray runbook(QRandomGenerator &rng, int i, int revision = 0)
{
    QString text = QStringLiteral(
        "---\nid: rb-%1\ntitle: %2 %3\nservice: svc-%4\nowner: team-%5\ntags: [%6]\nrto: 15m\n---\n%7\n\n")
                       .arg(i)
                       .arg(words(rng, 3), QString::number(revision))
                       .arg(i % 97)
                       .arg(i % 13)
                       .arg(words(rng, 3).replace(u' ', QStringLiteral(", ")), words(rng, 40));
    for (int s = 1; s <= 6; ++s)
        text
            += QStringLiteral("## Step %1 %2\n%3\n\n```sh\necho %4\n```\n\nExpected: %1m\n\nVerify: %5\n\nUndo: %6\n\n")
                   .arg(s)
                   .arg(words(rng, 3), words(rng, 60), words(rng, 4), words(rng, 12), words(rng, 10));
    return text.toUtf8();
}

void write(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(content);
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.at(qMin(values.size() - 1, qsizetype(p * (values.size() - 1) + 0.5)));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    const int vocabulary = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 5000;
    buildVocabulary(vocabulary);
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("runbooks"));
    QDir().mkpath(source);
    QRandomGenerator rng(42);
    for (int i = 0; i < n; ++i) {
        const QString sub = source + QStringLiteral("/team-%1").arg(i % 50);
        QDir().mkpath(sub);
        write(sub + QStringLiteral("/rb-%1.md").arg(i), runbook(rng, i));
    }
    Result<ProfileStore> store = ProfileStore::open(dir.filePath(QStringLiteral("profile.db")));
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().toString()));
        return 1;
    }
    RunbookLibrary library(store->database());
    QTextStream out(stdout);
    out << "Runbook library, " << n << " runbooks of 6 steps, vocabulary " << g_vocabulary.size() << " words ("
        << QDir(source).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size() << " folders)\n\n";
    out << QStringLiteral("%1 %2\n").arg(QStringLiteral("operation"), -40).arg(QStringLiteral("time"));

    QElapsedTimer timer;
    timer.start();
    Result<SyncReport> first = library.sync({source});
    out << QStringLiteral("%1 %2 ms (%3 added)\n")
               .arg(QStringLiteral("sync, first import"), -40)
               .arg(timer.elapsed())
               .arg(first ? first->added.size() : -1);
    timer.restart();
    Result<SyncReport> again = library.sync({source});
    out << QStringLiteral("%1 %2 ms (%3 unchanged)\n")
               .arg(QStringLiteral("sync, nothing changed"), -40)
               .arg(timer.elapsed())
               .arg(again ? again->unchanged : -1);
    for (int i = 0; i < n; i += 100)
        write(source + QStringLiteral("/team-%1/rb-%2.md").arg(i % 50).arg(i), runbook(rng, i, 1));
    timer.restart();
    Result<SyncReport> changed = library.sync({source});
    out << QStringLiteral("%1 %2 ms (%3 changed)\n")
               .arg(QStringLiteral("sync, 1% of files changed"), -40)
               .arg(timer.elapsed())
               .arg(changed ? changed->changed.size() : -1);

    // Two uses: the console's list (top 20 titles highlighted, the snippet of the selected hit) and the CLI
    // (top 20, every snippet). Wall time and this thread's CPU time (the machine is shared: CPU time is what the
    // query costs, wall time what a user waits).
    // `cold`: a new library per query, so nothing is cached (the CLI runs one query per process; the console
    // keeps its library and the document frequencies it counted).
    const auto searchFigures = [&](const char *label, int snippets, bool cold) {
        QRandomGenerator queries(7);
        QList<double> wall;
        QList<double> cpu;
        qsizetype totalHits = 0;
        QList<QPair<double, QString>> slowest; // CPU ms, query
        for (int q = 0; q < 500; ++q) {
            const QString query = words(queries, 2);
            timespec cpuStart {};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpuStart);
            QElapsedTimer t;
            t.start();
            std::optional<RunbookLibrary> fresh;
            if (cold)
                fresh.emplace(store->database());
            Result<QList<RunbookSearchHit>> hits = (cold ? *fresh : library).search(query, 20, snippets);
            wall << t.nsecsElapsed() / 1e6;
            timespec cpuEnd {};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpuEnd);
            cpu << (cpuEnd.tv_sec - cpuStart.tv_sec) * 1e3 + (cpuEnd.tv_nsec - cpuStart.tv_nsec) / 1e6;
            totalHits += hits ? hits->size() : 0;
            slowest.append({cpu.last(), query});
        }
        out << QStringLiteral("%1 p50 %2 ms, p95 %3 ms, max %4 ms wall; p50 %5 ms, p95 %6 ms CPU (%7 hits/query)\n")
                   .arg(QLatin1String(label), -40)
                   .arg(percentile(wall, 0.5), 0, 'f', 2)
                   .arg(percentile(wall, 0.95), 0, 'f', 2)
                   .arg(percentile(wall, 1.0), 0, 'f', 2)
                   .arg(percentile(cpu, 0.5), 0, 'f', 2)
                   .arg(percentile(cpu, 0.95), 0, 'f', 2)
                   .arg(double(totalHits) / 500, 0, 'f', 1);
        if (qEnvironmentVariableIsSet("BENCH_RUNBOOKS_SLOWEST")) {
            std::sort(slowest.begin(), slowest.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
            for (qsizetype i = 0; i < qMin<qsizetype>(25, slowest.size()); ++i)
                out << QStringLiteral("    %1 ms CPU: %2\n")
                           .arg(slowest.at(i).first, 0, 'f', 2)
                           .arg(slowest.at(i).second);
        }
    };
    searchFigures("search 2 words, top 20, 1 snippet (GUI)", 1, false);
    searchFigures("search 2 words, top 20, 20 snippets", -1, false);
    searchFigures("search 2 words, top 20, 20 snippets, cold (CLI)", -1, true);
    searchFigures("search 2 words, top 20, 1 snippet, cold", 1, true);
    // BENCH_RUNBOOKS_KEEP=DIR: keep the database and the queries there, to look at them with sqlite3.
    if (const QString keep = qEnvironmentVariable("BENCH_RUNBOOKS_KEEP"); !keep.isEmpty()) {
        QDir().mkpath(keep);
        QFile::remove(keep + QStringLiteral("/profile.db"));
        (void)store->database().exec(
            QStringLiteral("VACUUM INTO ?"), QVariantList {QString(keep + QStringLiteral("/profile.db"))});
        QRandomGenerator queries(7);
        QFile list(keep + QStringLiteral("/queries.txt"));
        if (list.open(QIODevice::WriteOnly | QIODevice::Truncate))
            for (int q = 0; q < 500; ++q)
                list.write(words(queries, 2).toUtf8() + '\n');
    }
    return 0;
}
