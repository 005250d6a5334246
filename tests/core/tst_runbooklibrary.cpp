// The runbook library (core/runbooks/runbooklibrary): sync of source folders into the profile database with
// versions and a report (added, changed, removed, problems with lines, unavailable folders, conflicts), FTS5
// search with ranking and highlights, and everything served from the local copy with the sources gone.
#include "runbooks/drill.h"
#include "runbooks/drillreport.h"
#include "runbooks/runbooklibrary.h"
#include "runbooks/runbookrank.h"
#include "runbooks/runbooksession.h"
#include "storage/profilestore.h"
#include "testpaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace gl;

namespace {

QByteArray runbookText(const QString &id, const QString &title, const QString &body = QStringLiteral("Do the thing."),
    const QString &tags = QStringLiteral("[ops]"), int steps = 2)
{
    QString text = QStringLiteral("---\nid: %1\ntitle: %2\nservice: svc\nowner: team\ntags: %3\nrto: 10m\n---\n")
                       .arg(id, title, tags);
    for (int i = 1; i <= steps; ++i)
        text += QStringLiteral("## Step %1\n%2\n\nExpected: %1m\n\nVerify: it worked.\n\nUndo: nothing to undo.\n\n")
                    .arg(i)
                    .arg(body);
    return text.toUtf8();
}

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

void copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + u'/' + QDir(from).relativeFilePath(file);
        QDir().mkpath(QFileInfo(target).absolutePath());
        QVERIFY(QFile::copy(file, target));
    }
}

QStringList ids(const QList<RunbookSearchHit> &hits)
{
    QStringList result;
    for (const RunbookSearchHit &hit : hits)
        result << hit.runbook.id;
    return result;
}

} // namespace

class TestRunbookLibrary : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::optional<ProfileStore> m_store;
    std::optional<RunbookLibrary> m_library;
    ManualClock m_clock;
    QString m_source;

    RunbookLibrary &library() { return *m_library; }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_library.reset();
        m_store.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("profile.db")));
        m_source = m_dir.filePath(QStringLiteral("src-%1").arg(QDateTime::currentMSecsSinceEpoch()));
        QDir().mkpath(m_source);
        Result<ProfileStore> store = ProfileStore::open(m_dir.filePath(QStringLiteral("profile.db")));
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
        m_store.emplace(std::move(store).value());
        m_library.emplace(m_store->database(), m_clock);
    }

    // The first sync adds, an identical second sync changes nothing, an edit makes version 2 (version 1 kept),
    // a deleted file is removed.
    void syncAddsChangesAndRemoves()
    {
        writeFile(m_source + u"/a.md", runbookText(QStringLiteral("alpha"), QStringLiteral("Alpha")));
        writeFile(m_source + u"/sub/b.md", runbookText(QStringLiteral("beta"), QStringLiteral("Beta")));
        writeFile(m_source + u"/README.md", "# not a runbook\n");
        Result<SyncReport> first = library().sync({m_source});
        QVERIFY(first.ok());
        QCOMPARE(first->added, QStringList({QStringLiteral("alpha"), QStringLiteral("beta")}));
        QVERIFY(first->problems.isEmpty());

        Result<SyncReport> second = library().sync({m_source});
        QVERIFY(second.ok());
        QVERIFY(!second->hasChanges());
        QCOMPARE(second->unchanged, 2);

        writeFile(m_source + u"/a.md", runbookText(QStringLiteral("alpha"), QStringLiteral("Alpha v2")));
        QFile::remove(m_source + u"/sub/b.md");
        Result<SyncReport> third = library().sync({m_source});
        QVERIFY(third.ok());
        QCOMPARE(third->changed, QStringList {QStringLiteral("alpha")});
        QCOMPARE(third->removed, QStringList {QStringLiteral("beta")});
        QCOMPARE(library().runbook(QStringLiteral("alpha"))->title, QStringLiteral("Alpha v2"));
        QCOMPARE(library().runbook(QStringLiteral("alpha"))->version, 2);
        QCOMPARE(library().runbook(QStringLiteral("alpha"), 1)->title, QStringLiteral("Alpha"));
        QCOMPARE(library().runbook(QStringLiteral("beta")).error().code, ErrorCode::NotFound);
        QCOMPARE(library().list()->size(), 1);
        QVERIFY(library().search(QStringLiteral("beta"))->isEmpty());
    }

    // A file that fails to parse is reported with its line; the other files still import, and a runbook
    // whose file breaks later keeps its last good version.
    void malformedFileIsReportedAndTheRestImports()
    {
        writeFile(m_source + u"/good.md", runbookText(QStringLiteral("good"), QStringLiteral("Good")));
        writeFile(m_source + u"/later-bad.md", runbookText(QStringLiteral("later"), QStringLiteral("Later")));
        writeFile(m_source + u"/bad.md",
            "---\nid: bad\ntitle: Bad\nrto: soon\n---\n## S\nExpected: 1m\nVerify: x\nUndo: y\n");
        Result<SyncReport> report = library().sync({m_source});
        QVERIFY(report.ok());
        QCOMPARE(report->added, QStringList({QStringLiteral("good"), QStringLiteral("later")}));
        QCOMPARE(report->problems.size(), 1);
        QCOMPARE(report->problems.first().line, 4);
        QVERIFY(report->problems.first().file.endsWith(u"/bad.md"));
        QVERIFY(report->problems.first().message.contains(u"bad.md:4: rto:"));

        writeFile(m_source + u"/later-bad.md", "---\nid: later\n---\n");
        report = library().sync({m_source});
        QVERIFY(report.ok());
        QVERIFY(report->removed.isEmpty());
        QVERIFY(report->problems.size() >= 2);
        QVERIFY(report->problems.last().file.endsWith(u"/later-bad.md"));
        QCOMPARE(library().runbook(QStringLiteral("later"))->title, QStringLiteral("Later"));
    }

    // A source folder that is gone (unmounted, network share down) is reported and its runbooks stay.
    void unavailableSourceKeepsItsRunbooks()
    {
        writeFile(m_source + u"/a.md", runbookText(QStringLiteral("alpha"), QStringLiteral("Alpha")));
        QVERIFY(library().sync({m_source}).ok());
        QVERIFY(QDir(m_source).removeRecursively());
        Result<SyncReport> report = library().sync({m_source});
        QVERIFY(report.ok());
        QCOMPARE(report->unavailableSources.size(), 1);
        QVERIFY(report->removed.isEmpty());
        QVERIFY(library().runbook(QStringLiteral("alpha")).ok());
    }

    // Two files with the same id: the first (by path) wins, the second is reported as a conflict; an id
    // owned by another, still present source is not taken over.
    void duplicateIdsAreConflicts()
    {
        writeFile(m_source + u"/1.md", runbookText(QStringLiteral("same"), QStringLiteral("First")));
        writeFile(m_source + u"/2.md", runbookText(QStringLiteral("same"), QStringLiteral("Second")));
        Result<SyncReport> report = library().sync({m_source});
        QVERIFY(report.ok());
        QCOMPARE(report->added, QStringList {QStringLiteral("same")});
        QCOMPARE(report->problems.size(), 1);
        QVERIFY(report->problems.first().message.contains(u"duplicate id"));
        QCOMPARE(library().runbook(QStringLiteral("same"))->title, QStringLiteral("First"));

        const QString other = m_source + u"-other";
        writeFile(other + u"/x.md", runbookText(QStringLiteral("same"), QStringLiteral("Other")));
        report = library().sync({other});
        QVERIFY(report.ok());
        QVERIFY(report->added.isEmpty() && report->changed.isEmpty());
        QCOMPARE(report->problems.size(), 1);
        QCOMPARE(library().runbook(QStringLiteral("same"))->title, QStringLiteral("First"));
    }

    // A sync that changes a runbook during a step-through or drill never touches its progress or notes: the
    // session continues on the version it started with, and the report says so.
    void syncNeverOverwritesSessionsOrDrillNotes()
    {
        writeFile(m_source + u"/a.md", runbookText(QStringLiteral("alpha"), QStringLiteral("Alpha"), {}, {}, 3));
        QVERIFY(library().sync({m_source}).ok());
        Result<Drill> drill
            = Drill::start(library(), QStringLiteral("alpha"), {QStringLiteral("Zone A lost"), {}, -1, -1});
        QVERIFY(drill.ok());
        QVERIFY(drill->session().setNote(0, QStringLiteral("took longer: VPN")).ok());
        QVERIFY(drill->completeStep(StepStatus::Done).ok());
        QVERIFY(drill->markIncident(QStringLiteral("pager did not ring")).ok());

        writeFile(
            m_source + u"/a.md", runbookText(QStringLiteral("alpha"), QStringLiteral("Alpha renamed"), {}, {}, 1));
        Result<SyncReport> report = library().sync({m_source});
        QVERIFY(report.ok());
        QCOMPARE(report->changed, QStringList {QStringLiteral("alpha")});
        QCOMPARE(report->pinnedInProgress, QStringList {QStringLiteral("alpha")});

        Result<Drill> reloaded = Drill::load(library(), drill->record().id);
        QVERIFY(reloaded.ok());
        QCOMPARE(reloaded->session().runbook().version, 1);
        QCOMPARE(reloaded->session().stepCount(), 3);
        QCOMPARE(reloaded->session().currentStep(), 1);
        QCOMPARE(reloaded->session().progress(0).note, QStringLiteral("took longer: VPN"));
        QCOMPARE(reloaded->record().events.size(), 3);
        QCOMPARE(reloaded->record().events.last().text, QStringLiteral("pager did not ring"));
    }

    // A runbook removed and later restored continues its version numbers (drills name versions).
    void restoredRunbookContinuesVersions()
    {
        writeFile(m_source + u"/a.md", runbookText(QStringLiteral("alpha"), QStringLiteral("Alpha")));
        QVERIFY(library().sync({m_source}).ok());
        QFile::remove(m_source + u"/a.md");
        QVERIFY(library().sync({m_source}).ok());
        writeFile(m_source + u"/a.md", runbookText(QStringLiteral("alpha"), QStringLiteral("Alpha again")));
        Result<SyncReport> report = library().sync({m_source});
        QCOMPARE(report->added, QStringList {QStringLiteral("alpha")});
        QCOMPARE(library().runbook(QStringLiteral("alpha"))->version, 2);
        QCOMPARE(library().runbook(QStringLiteral("alpha"), 1)->title, QStringLiteral("Alpha"));
    }

    // Configured sources are remembered per profile and synced by syncConfigured().
    void configuredSources()
    {
        writeFile(m_source + u"/a.md", runbookText(QStringLiteral("alpha"), QStringLiteral("Alpha")));
        QVERIFY(library().addSource(m_source).ok());
        QVERIFY(library().addSource(m_source).ok());
        QCOMPARE(library().sources()->size(), 1);
        QCOMPARE(library().syncConfigured()->added, QStringList {QStringLiteral("alpha")});
        QVERIFY(library().removeSource(m_source).ok());
        QVERIFY(library().sources()->isEmpty());
        QVERIFY(library().list()->isEmpty());
    }

    // A word in the title ranks above the same word in tags, which ranks above the body; matches are
    // highlighted in the title and the snippet; words match as prefixes and all words must match.
    void ftsRanksTitleOverTagsOverBody()
    {
        writeFile(m_source + u"/body.md",
            runbookText(QStringLiteral("in-body"), QStringLiteral("Restart workers"),
                QStringLiteral("Then check the failover of the queue.")));
        writeFile(m_source + u"/tags.md",
            runbookText(QStringLiteral("in-tags"), QStringLiteral("Move the queue"), QStringLiteral("Move it."),
                QStringLiteral("[failover]")));
        writeFile(m_source + u"/title.md",
            runbookText(QStringLiteral("in-title"), QStringLiteral("Queue failover"), QStringLiteral("Switch it.")));
        writeFile(m_source + u"/none.md", runbookText(QStringLiteral("unrelated"), QStringLiteral("Rotate logs")));
        QVERIFY(library().sync({m_source}).ok());

        Result<QList<RunbookSearchHit>> hits = library().search(QStringLiteral("failover"));
        QVERIFY(hits.ok());
        QCOMPARE(ids(*hits),
            QStringList({QStringLiteral("in-title"), QStringLiteral("in-tags"), QStringLiteral("in-body")}));
        // Title and tags are in the identity tier (ranked there), the body-only match after it.
        QVERIFY(hits->at(0).identityMatch && hits->at(1).identityMatch && !hits->at(2).identityMatch);
        QVERIFY(hits->at(0).rank < hits->at(1).rank);
        QCOMPARE(renderHighlights(hits->at(0).titleHighlighted, QStringLiteral("["), QStringLiteral("]"), false),
            QStringLiteral("Queue [failover]"));
        QVERIFY(renderHighlights(hits->at(2).snippet, QStringLiteral("["), QStringLiteral("]"), false)
                    .contains(u"[failover]"));
        QCOMPARE(renderHighlights(QStringLiteral("<a>\x02x\x03"), QStringLiteral("<b>"), QStringLiteral("</b>"), true),
            QStringLiteral("&lt;a&gt;<b>x</b>"));

        QCOMPARE(ids(*library().search(QStringLiteral("fail"))).size(), 3); // prefix
        QCOMPARE(ids(*library().search(QStringLiteral("queue failover"))).first(), QStringLiteral("in-title"));
        QVERIFY(library().search(QStringLiteral("failover logs"))->isEmpty()); // all words must match
        QCOMPARE(ids(*library().search(QStringLiteral("svc"))).size(), 4); // service is indexed
    }

    void identityMatchesRankFirst_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("identityTier"); // in this order
        QTest::addColumn<QStringList>("bodyTier"); // in this order
        const auto list = [](const char *ids) { return QString::fromLatin1(ids).split(u' ', Qt::SkipEmptyParts); };
        // The body says "database failover" eight times; titles and headings say it once, yet rank first.
        QTest::newRow("two words") << QStringLiteral("database failover") << list("title heading")
                                   << list("body-heavy split");
        QTest::newRow("title over tags over heading")
            << QStringLiteral("failover") << list("title tags heading") << list("body-heavy split");
        QTest::newRow("heading word") << QStringLiteral("promote") << list("heading") << list("");
        // A word in the title and the other in the body only: the body tier, where the title still weighs.
        QTest::newRow("split") << QStringLiteral("checks look") << list("") << list("split");
        QTest::newRow("prefix") << QStringLiteral("datab fail") << list("title heading") << list("body-heavy split");
    }
    // The ranking rule (docs/runbooks.md, Search): runbooks whose title, tags, service, owner, id or step headings
    // hold every word come first, ranked among themselves (title x10, tags x5, headings x2); then those that
    // match only with the body. A body repeating the words does not outrank a title that has them.
    void identityMatchesRankFirst()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, identityTier);
        QFETCH(QStringList, bodyTier);
        const QString heavy = QStringLiteral("Run the database failover check. ").repeated(8);
        writeFile(m_source + u"/body-heavy.md",
            runbookText(QStringLiteral("body-heavy"), QStringLiteral("Restart workers"), heavy));
        writeFile(m_source + u"/title.md",
            runbookText(QStringLiteral("title"), QStringLiteral("Database failover"), QStringLiteral("Do it.")));
        writeFile(m_source + u"/tags.md",
            runbookText(QStringLiteral("tags"), QStringLiteral("Move the queue"), QStringLiteral("Move it."),
                QStringLiteral("[failover]")));
        writeFile(m_source + u"/heading.md",
            "---\nid: heading\ntitle: Queue maintenance\nservice: svc\nowner: team\n---\n"
            "## Promote the replica\nDo it.\n\nExpected: 1m\n\nVerify: done.\n\nUndo: nothing to undo.\n\n"
            "## Database failover\nSwitch it.\n\nExpected: 1m\n\nVerify: done.\n\nUndo: nothing to undo.\n");
        writeFile(m_source + u"/split.md",
            runbookText(QStringLiteral("split"), QStringLiteral("Database checks"),
                QStringLiteral("Look at the failover log.")));
        for (int i = 0; i < 8; ++i) // so that no word is in more than half the runbooks (bm25's IDF floor)
            writeFile(m_source + QStringLiteral("/other-%1.md").arg(i),
                runbookText(QStringLiteral("other-%1").arg(i), QStringLiteral("Rotate logs %1").arg(i)));
        QVERIFY(library().sync({m_source}).ok());

        const Result<QList<RunbookSearchHit>> hits = library().search(query);
        QVERIFY(hits.ok());
        QStringList identity;
        QStringList body;
        for (const RunbookSearchHit &hit : *hits) {
            (hit.identityMatch ? identity : body) << hit.runbook.id;
            QVERIFY2(body.isEmpty() || !hit.identityMatch, "an identity match after a body-only match");
        }
        QCOMPARE(identity, identityTier);
        QCOMPARE(body, bodyTier);
    }

    // gl_rank registers on the QSQLITE connection (else search would fall back to bm25) and ranks the row with
    // more occurrences first, like bm25.
    void rankFunctionRegisters()
    {
        QVERIFY(registerRunbookRank(m_store->database().connection()));
        QVERIFY(registerRunbookRank(m_store->database().connection())); // again: already there
        writeFile(m_source + u"/once.md",
            runbookText(QStringLiteral("once"), QStringLiteral("Alpha"), QStringLiteral("Check the cache.")));
        writeFile(m_source + u"/thrice.md",
            runbookText(QStringLiteral("thrice"), QStringLiteral("Beta"), QStringLiteral("cache cache cache")));
        writeFile(m_source + u"/none.md", runbookText(QStringLiteral("none"), QStringLiteral("Gamma")));
        QVERIFY(library().sync({m_source}).ok());
        Result<QSqlQuery> query = m_store->database().exec(
            QStringLiteral("SELECT r.id FROM runbook_fts f JOIN runbooks r ON r.rid = f.rowid WHERE runbook_fts MATCH"
                           " 'cache' AND rank MATCH 'gl_rank(10.0, 5.0, 1.0)' ORDER BY rank"));
        QVERIFY(query.ok());
        QStringList order;
        while (query->next())
            order << query->value(0).toString();
        QCOMPARE(order, QStringList({QStringLiteral("thrice"), QStringLiteral("once")}));
    }

    // A profile from before the identity index (schema 2): migration 3 indexes title and tags at once, the next
    // sync the step headings (from the stored copy; the source folder may be gone).
    void migrationIndexesHeadingsOnNextSync()
    {
        const QString path = m_dir.filePath(QStringLiteral("old-profile.db"));
        QFile::remove(path);
        {
            Schema old = ProfileStore::schema();
            old.migrations = old.migrations.mid(0, 2);
            Result<Database> v2 = Database::open(path, old, Durability::Normal);
            QVERIFY(v2.ok());
            const QByteArray content = "---\nid: drain\ntitle: Take a node out\ntags: [ops]\n---\n"
                                       "## Drain the node\nSet it to drain.\n\nExpected: 1m\n\nVerify: drained.\n\n"
                                       "Undo: set it to ready.\n";
            QVERIFY(v2->exec(QStringLiteral("INSERT INTO runbooks (rid, id, title, tags, source, path, content_hash,"
                                            " version, imported_at) VALUES (1, 'drain', 'Take a node out', 'ops',"
                                            " '/gone', 'drain.md', 'h', 1, '2026-01-01T00:00:00Z')"))
                        .ok());
            QVERIFY(v2->exec(QStringLiteral("INSERT INTO runbook_versions VALUES ('drain', 1, 'h', 'drain.md', ?,"
                                            " '2026-01-01T00:00:00Z')"),
                          {content})
                        .ok());
            QVERIFY(v2->exec(QStringLiteral("INSERT INTO runbook_fts (rowid, title, tags, body) VALUES (1, ?, ?, ?)"),
                          {QStringLiteral("Take a node out"), QStringLiteral("ops drain"),
                              QStringLiteral("## Drain the node\nSet it to drain.\n")})
                        .ok());
        }
        Result<ProfileStore> store = ProfileStore::open(path);
        QVERIFY(store.ok());
        QCOMPARE(store->database().schemaVersion(), 3);
        RunbookLibrary library(store->database(), m_clock);
        Result<QList<RunbookSearchHit>> title = library.search(QStringLiteral("node"));
        QCOMPARE(ids(*title), QStringList {QStringLiteral("drain")});
        QVERIFY(title->at(0).identityMatch);
        // "set" is in no heading and "drain" is in the id, so only "drain the" tells the headings apart.
        QVERIFY(!library.search(QStringLiteral("drain the"))->value(0).identityMatch);
        QVERIFY(library.sync({}).ok());
        QVERIFY(library.search(QStringLiteral("drain the"))->value(0).identityMatch);
        QVERIFY(!library.search(QStringLiteral("set"))->value(0).identityMatch);
    }

    void searchTreatsTypedOperatorsAsText_data()
    {
        QTest::addColumn<QString>("query");
        for (const char *q : {"\"", "a\"b", "OR", "NEAR(", "*", "-x", "title:x", "(", "AND NOT", "^", ""})
            QTest::newRow(q) << QString::fromUtf8(q);
    }
    // Whatever a user types into the search box is a valid query (never an FTS5 syntax error).
    void searchTreatsTypedOperatorsAsText()
    {
        QFETCH(QString, query);
        writeFile(m_source + u"/a.md", runbookText(QStringLiteral("alpha"), QStringLiteral("Alpha")));
        QVERIFY(library().sync({m_source}).ok());
        const Result<QList<RunbookSearchHit>> hits = library().search(query);
        QVERIFY2(hits.ok(), qPrintable(hits.ok() ? QString() : hits.error().toString()));
    }

    // With every sample runbook imported and then the source folder deleted (and the database reopened),
    // two words find the failover runbook, in English and in Korean, and a step-through, a drill and its
    // report all work from the local copy alone.
    void offlineFromTheLocalCopyAlone()
    {
        copyTree(test::sourceDir() + u"/resources/runbooks", m_source);
        Result<SyncReport> report = library().sync({m_source});
        QVERIFY(report.ok());
        QCOMPARE(report->added.size(), 8);
        QVERIFY(report->problems.isEmpty());
        QVERIFY(QDir(m_source).removeRecursively());

        // Reopen: nothing in memory survives.
        const QString path = m_store->database().path();
        m_library.reset();
        m_store.reset();
        Result<ProfileStore> store = ProfileStore::open(path);
        QVERIFY(store.ok());
        m_store.emplace(std::move(store).value());
        m_library.emplace(m_store->database(), m_clock);

        QCOMPARE(ids(*library().search(QStringLiteral("database failover"))).value(0), QStringLiteral("db-failover"));
        QCOMPARE(ids(*library().search(QStringLiteral("db fail"))).value(0), QStringLiteral("db-failover"));
        QCOMPARE(
            ids(*library().search(QStringLiteral("데이터베이스 장애"))).value(0), QStringLiteral("db-failover-ko"));
        QCOMPARE(
            ids(*library().search(QStringLiteral("haproxy rollback"))).value(0), QStringLiteral("haproxy-rollback"));
        QCOMPARE(
            ids(*library().search(QStringLiteral("HAProxy 롤백"))).value(0), QStringLiteral("haproxy-rollback-ko"));
        QCOMPARE(
            ids(*library().search(QStringLiteral("restore backup"))).value(0), QStringLiteral("restore-from-backup"));

        Result<QList<RunbookSummary>> all = library().list();
        QCOMPARE(all->size(), 8);
        Result<Runbook> failover = library().runbook(QStringLiteral("db-failover"));
        QVERIFY(failover.ok());
        QCOMPARE(failover->rtoSeconds, 900);

        Result<Drill> drill
            = Drill::start(library(), QStringLiteral("db-failover"), {QStringLiteral("primary lost"), {}, -1, -1});
        QVERIFY2(drill.ok(), qPrintable(drill.ok() ? QString() : drill.error().toString()));
        for (int i = 0; i < drill->session().stepCount(); ++i) {
            m_clock.advance(60'000);
            QVERIFY(drill->completeStep(StepStatus::Done).ok());
        }
        QVERIFY(drill->end().ok());
        const QString md = drillReportMarkdown(*drill);
        QVERIFY(md.contains(u"Fence the old primary"));
        QCOMPARE(Drill::history(library(), QStringLiteral("db-failover"))->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRunbookLibrary)
#include "tst_runbooklibrary.moc"
