// The runbook parser (core/runbooks/runbookparser): front matter, steps and their fields on valid files, the
// bundled sample runbooks, and one "FILE:LINE: field: problem" error per problem on malformed files.
#include "runbooks/runbookparser.h"
#include "testpaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QtTest>

using namespace gl;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

class TestRunbookParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Front matter, labelled fields (plain, bold and Korean), checklists and commands land where they belong;
    // fences hide headings and labels.
    void parsesEveryField()
    {
        const QString path = test::dataFile(QStringLiteral("runbooks/valid/fields.md"));
        const Result<Runbook> parsed = parseRunbook(readAll(path), QStringLiteral("fields.md"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        const Runbook &r = *parsed;
        QCOMPARE(r.id, QStringLiteral("cache-flush"));
        QCOMPARE(r.title, QStringLiteral("Flush the edge cache"));
        QCOMPARE(r.service, QStringLiteral("edge-cache"));
        QCOMPARE(r.owner, QStringLiteral("web-oncall"));
        QCOMPARE(r.language, QStringLiteral("en"));
        QCOMPARE(r.tags, QStringList({QStringLiteral("cache"), QStringLiteral("cdn")}));
        QCOMPARE(r.rtoSeconds, 5400);
        QCOMPARE(r.rpoSeconds, 0);
        QCOMPARE(r.prerequisites, QStringList {QStringLiteral("API token for the CDN")});
        QCOMPARE(r.summary, QStringLiteral("Flush carefully."));
        QCOMPARE(r.steps.size(), 3);

        const RunbookStep &announce = r.steps.at(0);
        QCOMPARE(announce.title, QStringLiteral("Announce the flush"));
        QCOMPARE(announce.line, 14);
        QCOMPARE(announce.expectedSeconds, 120);
        QCOMPARE(announce.checklist,
            QStringList({QStringLiteral("Post in #ops"), QStringLiteral("Check the traffic graph")}));
        QCOMPARE(announce.verify, QStringLiteral("the post is visible."));
        QCOMPARE(announce.undo, QStringLiteral("post a correction."));
        QVERIFY(announce.instructions.contains(u"- [ ] Post in #ops"));

        const RunbookStep &flush = r.steps.at(1);
        QCOMPARE(flush.expectedSeconds, 90);
        QCOMPARE(flush.commands.size(), 3);
        QCOMPARE(flush.commands.at(0).code, QStringLiteral("curl -X POST https://cdn.invalid/purge"));
        QCOMPARE(flush.commands.at(0).language, QStringLiteral("sh"));
        QCOMPARE(flush.commands.at(0).section, RunbookCommand::Section::Instructions);
        QVERIFY(flush.commands.at(1).code.startsWith(u"## not a heading inside a fence"));
        QCOMPARE(flush.commands.at(2).section, RunbookCommand::Section::Verify);
        QCOMPARE(flush.commands.at(2).language, QStringLiteral("promql"));
        QVERIFY(flush.verify.startsWith(u"the hit ratio drops, then recovers:"));
        QVERIFY(flush.verify.contains(u"cdn_hits_total"));
        QCOMPARE(flush.undo, QStringLiteral("nothing to undo."));

        const RunbookStep &korean = r.steps.at(2);
        QCOMPARE(korean.title, QStringLiteral("한국어 단계"));
        QCOMPARE(korean.expectedSeconds, 3900);
        QCOMPARE(korean.verify, QStringLiteral("확인합니다."));
        QCOMPARE(korean.undo, QStringLiteral("없음."));
    }

    void bundledSamplesParse_data()
    {
        QTest::addColumn<QString>("path");
        QDirIterator it(test::sourceDir() + u"/resources/runbooks", {QStringLiteral("*.md")}, QDir::Files,
            QDirIterator::Subdirectories);
        int count = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            QTest::newRow(qPrintable(QDir(test::sourceDir()).relativeFilePath(path))) << path;
            ++count;
        }
        QVERIFY(count >= 8);
    }
    // Every sample runbook shipped in resources/ parses and is complete: targets, steps with commands, durations.
    void bundledSamplesParse()
    {
        QFETCH(QString, path);
        const Result<Runbook> parsed = parseRunbook(readAll(path), path);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QVERIFY(parsed->steps.size() >= 5);
        QVERIFY(parsed->rtoSeconds > 0);
        QVERIFY(!parsed->service.isEmpty() && !parsed->owner.isEmpty() && !parsed->tags.isEmpty());
        QVERIFY(path.contains(u"/" + parsed->language + u"/"));
        int commands = 0;
        for (const RunbookStep &step : parsed->steps) {
            QVERIFY2(step.expectedSeconds > 0, qPrintable(step.title));
            commands += int(step.commands.size());
        }
        QVERIFY(commands >= 3);
    }

    // The HAProxy rollback sample raises the stable server before lowering the new one, in one Runtime API batch.
    void rollbackSampleRaisesStableFirst()
    {
        const QString path = test::sourceDir() + u"/resources/runbooks/en/haproxy-rollback.md";
        const Result<Runbook> parsed = parseRunbook(readAll(path), path);
        QVERIFY(parsed.ok());
        bool found = false;
        for (const RunbookStep &step : parsed->steps)
            for (const RunbookCommand &command : step.commands)
                found = found
                    || command.code
                        == u"echo \"set server be_app/blue1 weight 100; set server be_app/green1 weight 0\" | socat "
                           u"stdio /run/haproxy/admin.sock";
        QVERIFY(found);
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected"); // prefixes of the error lines, in order
        QTest::newRow("no front matter") << "no_front_matter.md"
                                         << QStringList {"no_front_matter.md:1: front matter: missing"};
        QTest::newRow("front matter not closed")
            << "unclosed_front_matter.md" << QStringList {"unclosed_front_matter.md:1: front matter: not closed"};
        QTest::newRow("bad yaml") << "bad_yaml.md" << QStringList {"bad_yaml.md:3: front matter: not valid YAML"};
        QTest::newRow("missing title") << "missing_title.md"
                                       << QStringList {"missing_title.md:4: title: required field is missing"};
        QTest::newRow("bad id") << "bad_id.md" << QStringList {"bad_id.md:2: id: use lowercase"};
        QTest::newRow("unknown key") << "unknown_key.md" << QStringList {"unknown_key.md:4: sevrice: unknown key"};
        QTest::newRow("bad rto") << "bad_rto.md" << QStringList {"bad_rto.md:5: rto: expected a duration"};
        QTest::newRow("no steps") << "no_steps.md" << QStringList {"no_steps.md:5: steps: no steps"};
        QTest::newRow("step fields") << "step_missing_fields.md"
                                     << QStringList {"step_missing_fields.md:10: step 2.expected: missing",
                                            "step_missing_fields.md:15: step 3.expected: expected a duration",
                                            "step_missing_fields.md:19: step 4.verify: missing",
                                            "step_missing_fields.md:19: step 4.undo: missing"};
        QTest::newRow("unclosed fence") << "unclosed_fence.md"
                                        << QStringList {"unclosed_fence.md:10: body: this code block is not closed"};
        QTest::newRow("not utf-8") << "not_utf8.md" << QStringList {"not_utf8.md:1: encoding: not valid UTF-8"};
    }
    // Each problem of a malformed file is reported once, with the file, the 1-based line and the field.
    void malformed()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        const Result<Runbook> parsed = parseRunbook(readAll(test::dataFile(u"runbooks/malformed/" + file)), file);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::Parse);
        const QStringList lines = parsed.error().message.split(u'\n');
        QCOMPARE(lines.size(), expected.size());
        for (qsizetype i = 0; i < lines.size(); ++i)
            QVERIFY2(lines.at(i).startsWith(expected.at(i)), qPrintable(lines.at(i)));
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds"); // -1: not a duration
        QTest::newRow("seconds") << "90s" << qint64(90);
        QTest::newRow("minutes") << "5m" << qint64(300);
        QTest::newRow("min word") << "2 min" << qint64(120);
        QTest::newRow("hours and minutes") << "1h30m" << qint64(5400);
        QTest::newRow("spaced") << "1h 30m 15s" << qint64(5415);
        QTest::newRow("zero") << "0" << qint64(0);
        QTest::newRow("korean") << "1시간 30분" << qint64(5400);
        QTest::newRow("korean minutes") << "10분" << qint64(600);
        QTest::newRow("no unit") << "15" << qint64(-1);
        QTest::newRow("words") << "a while" << qint64(-1);
        QTest::newRow("trailing junk") << "5m later" << qint64(-1);
        QTest::newRow("empty") << "" << qint64(-1);
    }
    // Durations in front matter and "Expected:" lines.
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        const std::optional<qint64> parsed = parseDuration(text);
        if (seconds < 0)
            QVERIFY(!parsed);
        else
            QCOMPARE(parsed.value_or(-1), seconds);
    }

    // A formatted duration reads back as the same number of seconds.
    void formatDurationRoundTrips()
    {
        for (qint64 s : {0, 59, 60, 61, 3600, 5415, 86399})
            QCOMPARE(parseDuration(formatDuration(s)).value_or(-1), s);
    }
};

QTEST_GUILESS_MAIN(TestRunbookParser)
#include "tst_runbookparser.moc"
