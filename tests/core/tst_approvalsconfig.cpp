// The approvers, gates, change_windows and freezes sections of the environment file: parsed values, and
// errors that name the line and field.
#include "identity/signingkey.h"
#include "model/environmentfile.h"

#include <QTest>
#include <QTimeZone>

using namespace gl;

namespace {

const QByteArray kBase = "name: prod\n"
                         "haproxy:\n"
                         "  runtime_api: /tmp/x.sock\n"
                         "  backend: be_app\n"
                         "  slots:\n"
                         "    - {name: blue1, colour: blue, address: \"127.0.0.1:8001\"}\n"
                         "    - {name: green1, colour: green, address: \"127.0.0.1:8002\"}\n"
                         "prometheus: {url: \"http://127.0.0.1:9090\"}\n"
                         "hooks: {deploy: \"d {slot} {version}\", undeploy: \"u {slot}\"}\n"; // 9 lines

} // namespace

class TestApprovalsConfig : public QObject {
    Q_OBJECT

private:
    QByteArray m_keyA;
    QByteArray m_keyB;

    QByteArray approvers() const
    {
        return "approvers:\n" // line 10
               "  - {person: alice, groups: [release], key: \""
            + m_keyA
            + "\"}\n" // 11
              "  - {person: bob, groups: [release, sre], key: \""
            + m_keyB + "\"}\n"; // 12
    }

private slots:
    void initTestCase()
    {
        m_keyA = SigningKey::generate()->publicKey().toString().toLatin1();
        m_keyB = SigningKey::generate()->publicKey().toString().toLatin1();
    }

    // A full configuration is read into ApprovalsConfig with every field.
    void fullConfig()
    {
        const QByteArray yaml = kBase + approvers()
            + "gates:\n"
              "  - {name: go, at: canary_step, step: 25, groups: [release, sre], quorum: 2, distinct_groups: true,\n"
              "     inputs: [{name: ticket, pattern: \"CHG-[0-9]+\"}], timeout: 4h}\n"
              "change_windows:\n"
              "  time_zone: Europe/Berlin\n"
              "  allowed: [{days: [mon, fri], from: \"09:00\", to: \"24:00\"}]\n"
              "  override: {groups: [sre], quorum: 1}\n"
              "freezes:\n"
              "  - {name: once, from: \"2026-12-20 00:00\", to: \"2027-01-05 00:00\"}\n"
              "  - {name: weekend, weekly: {from: \"fri 16:00\", to: \"mon 08:00\"}}\n"
              "  - {name: year-end, yearly: {from: \"12-20\", to: \"01-05\"}}\n";
        const Result<Environment> env = parseEnvironment(yaml, QStringLiteral("env.yaml"));
        QVERIFY2(env.ok(), qPrintable(env ? QString() : env.error().message));
        const ApprovalsConfig &c = env->approvals;
        QCOMPARE(c.approvers.size(), 2);
        QCOMPARE(c.approvers.at(1).groups, QStringList({QStringLiteral("release"), QStringLiteral("sre")}));
        QCOMPARE(c.gates.size(), 1);
        QVERIFY(c.gates.first().stage == GateStage::CanaryStep);
        QCOMPARE(c.gates.first().step, 25);
        QCOMPARE(c.gates.first().quorum, 2);
        QVERIFY(c.gates.first().distinctGroups);
        QCOMPARE(c.gates.first().timeoutMs, 4 * 3600000LL);
        QCOMPARE(c.gates.first().inputs.first().pattern, QStringLiteral("CHG-[0-9]+"));
        QCOMPARE(c.calendar.timeZone, QByteArray("Europe/Berlin"));
        QCOMPARE(c.calendar.windows.first().days, QList<int>({1, 5}));
        QVERIFY(!c.calendar.windows.first().to.isValid()); // 24:00
        QCOMPARE(c.calendar.freezes.size(), 3);
        QCOMPARE(c.calendar.freezes.at(0).from.timeZone().id(), QByteArray("Europe/Berlin"));
        QCOMPARE(c.calendar.freezes.at(1).fromDay, 5);
        QCOMPARE(c.calendar.freezes.at(2).toMonthDay, 5);
    }

    // Each mistake is reported with the file, its line and the field.
    void errors_data()
    {
        QTest::addColumn<QByteArray>("tail");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad key") << QByteArray("approvers:\n  - {person: x, groups: [a], key: \"ed25519:AAAA\"}\n")
                                 << QStringLiteral("env.yaml:11: approvers[0].key: Not an Ed25519 public key");
        QTest::newRow("unknown stage") << QByteArray("gates:\n  - {name: g, at: sometime, groups: [release]}\n")
                                       << QStringLiteral(
                                              "gates[0].at: expected before_start, canary_step or before_switch");
        QTest::newRow("quorum unreachable")
            << QByteArray("gates:\n  - {name: g, at: before_start, groups: [sre], quorum: 2}\n")
            << QStringLiteral("gates[0].quorum: a quorum of 2 cannot be reached");
        QTest::newRow("bad pattern") << QByteArray(
            "gates:\n  - {name: g, at: before_start, groups: [release], inputs: [{name: t, pattern: \"([\"}]}\n")
                                     << QStringLiteral("gates[0].inputs[0].pattern: not a valid regular expression");
        QTest::newRow("unknown zone") << QByteArray("change_windows: {time_zone: Mars/Olympus}\n")
                                      << QStringLiteral("env.yaml:13: change_windows.time_zone: unknown time zone");
        QTest::newRow("unknown day") << QByteArray(
            "change_windows:\n  allowed: [{days: [funday], from: \"09:00\", to: \"17:00\"}]\n")
                                     << QStringLiteral("change_windows.allowed[0].days: unknown day");
        QTest::newRow("window backwards")
            << QByteArray("change_windows:\n  allowed: [{days: [mon], from: \"17:00\", to: \"09:00\"}]\n")
            << QStringLiteral("change_windows.allowed[0].to: must be later");
        QTest::newRow("weekly typo") << QByteArray(
            "freezes:\n  - {name: w, weekly: {from: \"friday4pm\", to: \"mon 08:00\"}}\n")
                                     << QStringLiteral("freezes[0].weekly.from: expected a day and time");
        QTest::newRow("unknown gate key")
            << QByteArray("gates:\n  - {name: g, at: before_start, groups: [release], quorom: 2}\n")
            << QStringLiteral("gates[0].quorom: unknown key");
    }
    void errors()
    {
        QFETCH(QByteArray, tail);
        QFETCH(QString, expected);
        const QByteArray yaml = kBase + (tail.startsWith("approvers") ? QByteArray() : approvers()) + tail;
        const Result<Environment> env = parseEnvironment(yaml, QStringLiteral("env.yaml"));
        QVERIFY(!env.ok());
        QVERIFY2(env.error().message.contains(expected), qPrintable(env.error().message));
    }
};

QTEST_GUILESS_MAIN(TestApprovalsConfig)
#include "tst_approvalsconfig.moc"
