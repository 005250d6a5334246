// Building Runtime API commands safely, framing a batch, and HAProxy's reply rule (empty = ok, text = error).
// The reply byte strings below are what haproxy 2.6.12 actually answered (see haproxyprotocol.h).
#include "backends/haproxy/haproxycommand.h"
#include "backends/haproxy/haproxyprotocol.h"

#include <QTest>

using namespace gl;

class TestHaproxyCommand : public QObject {
    Q_OBJECT

private slots:
    // Names and weights are validated so that nothing can be injected into the command line.
    void setWeight_data();
    void setWeight();
    // States map to the three words HAProxy accepts; names are validated too.
    void setState();
    // A ServerChange becomes "state" then "weight"; an empty change is an error.
    void forChange();
    // Raw commands cannot smuggle a second command (';' or a line break); read commands are recognised.
    void fromText_data();
    void fromText();
    // A batch is ONE line joined with "; ", sent in prompt mode and closed with quit.
    void encodeRequest();
    // Replies captured from haproxy 2.6 split into one output per command; cut-off replies are errors.
    void decodeReply_data();
    void decodeReply();
    // The reply rule: text from a set command is Refused, naming the command and HAProxy's text.
    void replyRule();
};

void TestHaproxyCommand::setWeight_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("server");
    QTest::addColumn<int>("weight");
    QTest::addColumn<QString>("expected"); // empty: invalid

    QTest::newRow("plain") << "be_app"
                           << "blue1" << 100 << "set server be_app/blue1 weight 100";
    QTest::newRow("zero") << "be_app"
                          << "blue1" << 0 << "set server be_app/blue1 weight 0";
    QTest::newRow("max 256") << "be_app"
                             << "s.1:a-b" << 256 << "set server be_app/s.1:a-b weight 256";
    QTest::newRow("257") << "be_app"
                         << "blue1" << 257 << "";
    QTest::newRow("negative") << "be_app"
                              << "blue1" << -1 << "";
    QTest::newRow("injection ;") << "be_app"
                                 << "s1; shutdown sessions server be_app/s2" << 1 << "";
    QTest::newRow("newline") << "be_app\nshow"
                             << "s1" << 1 << "";
    QTest::newRow("slash in server") << "be_app"
                                     << "a/b" << 1 << "";
    QTest::newRow("space") << "be app"
                           << "s1" << 1 << "";
    QTest::newRow("empty server") << "be_app"
                                  << "" << 1 << "";
    QTest::newRow("unicode") << "be_app" << QString::fromUtf8("s\u00e9") << 1 << "";
}

void TestHaproxyCommand::setWeight()
{
    QFETCH(QString, backend);
    QFETCH(QString, server);
    QFETCH(int, weight);
    QFETCH(QString, expected);
    const Result<HaproxyCommand> command = HaproxyCommand::setWeight(backend, server, weight);
    if (expected.isEmpty()) {
        QVERIFY(!command.ok());
        QCOMPARE(command.error().code, ErrorCode::InvalidArgument);
        return;
    }
    QVERIFY(command.ok());
    QCOMPARE(command->text(), expected);
    QVERIFY(command->expectsEmptyReply());
}

void TestHaproxyCommand::setState()
{
    QCOMPARE(HaproxyCommand::setState("be", "s1", ServerAdminState::Ready)->text(),
        QStringLiteral("set server be/s1 state ready"));
    QCOMPARE(HaproxyCommand::setState("be", "s1", ServerAdminState::Drain)->text(),
        QStringLiteral("set server be/s1 state drain"));
    QCOMPARE(HaproxyCommand::setState("be", "s1", ServerAdminState::Maint)->text(),
        QStringLiteral("set server be/s1 state maint"));
    QVERIFY(!HaproxyCommand::setState("be", "s 1", ServerAdminState::Maint).ok());
    QVERIFY(!HaproxyCommand::showServersState("be;x").ok());
    QCOMPARE(HaproxyCommand::showServersState()->text(), QStringLiteral("show servers state"));
    QCOMPARE(HaproxyCommand::showServersState("be_app")->text(), QStringLiteral("show servers state be_app"));
    QVERIFY(!HaproxyCommand::showStat().expectsEmptyReply());
    QVERIFY(!HaproxyCommand::showInfo().expectsEmptyReply());
}

void TestHaproxyCommand::forChange()
{
    const Result<QList<HaproxyCommand>> both
        = HaproxyCommand::forChange(ServerChange {"be", "g1", 50, ServerAdminState::Ready});
    QVERIFY(both.ok());
    QCOMPARE(HaproxyCommand::joinBatch(both.value()),
        QStringLiteral("set server be/g1 state ready; set server be/g1 weight 50"));
    QVERIFY(!HaproxyCommand::forChange(ServerChange {"be", "g1", std::nullopt, std::nullopt}).ok());
    QVERIFY(!HaproxyCommand::forChange(ServerChange {"be", "g1", 300, std::nullopt}).ok());
}

void TestHaproxyCommand::fromText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("expectsEmpty");

    QTest::newRow("set") << "set server be/s1 weight 3" << true << true;
    QTest::newRow("show stat") << "show stat" << true << false;
    QTest::newRow("help") << "help" << true << false;
    QTest::newRow("get weight") << "get weight be/s1" << true << false;
    QTest::newRow("disable") << "disable server be/s1" << true << true;
    QTest::newRow("semicolon") << "show stat; show info" << false << false;
    QTest::newRow("newline") << "show stat\nshow info" << false << false;
    QTest::newRow("cr") << "show stat\rx" << false << false;
    QTest::newRow("empty") << "   " << false << false;
}

void TestHaproxyCommand::fromText()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(bool, expectsEmpty);
    const Result<HaproxyCommand> command = HaproxyCommand::fromText(text);
    QCOMPARE(command.ok(), valid);
    if (valid)
        QCOMPARE(command->expectsEmptyReply(), expectsEmpty);
    else
        QCOMPARE(command.error().code, ErrorCode::InvalidArgument);
}

void TestHaproxyCommand::encodeRequest()
{
    const QList<HaproxyCommand> batch {
        HaproxyCommand::setWeight("be", "green", 100).value(), HaproxyCommand::setWeight("be", "blue", 0).value()};
    QCOMPARE(gl::encodeRequest(batch),
        QByteArray("prompt\nset server be/green weight 100; set server be/blue weight 0\nquit\n"));
}

void TestHaproxyCommand::decodeReply_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<int>("commands");
    QTest::addColumn<QList<QByteArray>>("outputs"); // empty list + ok=false: error
    QTest::addColumn<bool>("ok");

    // Measured: "prompt\nset ..weight 23; set be_app/s9 weight 1\nquit\n"
    QTest::newRow("set ok, set refused") << QByteArray("\n> \n> No such server.\n\n> ") << 2
                                         << QList<QByteArray> {"", "No such server.\n"} << true;
    // Measured: an error text without a trailing newline stays its own output in prompt mode.
    QTest::newRow("garbage weight, then ok")
        << QByteArray("\n> Empty weight string empty or preceded by garbage\n> \n> ") << 2
        << QList<QByteArray> {"Empty weight string empty or preceded by garbage", ""} << true;
    QTest::newRow("show info") << QByteArray("\n> Name: HAProxy\nPid: 12\n\n> ") << 1
                               << QList<QByteArray> {"Name: HAProxy\nPid: 12\n"} << true;
    QTest::newRow("cut off mid-output") << QByteArray("\n> Name: HAProxy\nPi") << 1 << QList<QByteArray> {} << false;
    QTest::newRow("cut off after first command") << QByteArray("\n> \n> ") << 2 << QList<QByteArray> {} << false;
    QTest::newRow("nothing") << QByteArray() << 1 << QList<QByteArray> {} << false;
    QTest::newRow("non-interactive reply") << QByteArray("\n\n") << 2 << QList<QByteArray> {} << false;
    QTest::newRow("too many outputs") << QByteArray("\n> \n> \n> ") << 1 << QList<QByteArray> {} << false;
}

void TestHaproxyCommand::decodeReply()
{
    QFETCH(QByteArray, reply);
    QFETCH(int, commands);
    QFETCH(QList<QByteArray>, outputs);
    QFETCH(bool, ok);
    const Result<QList<QByteArray>> decoded = gl::decodeReply(reply, commands);
    QCOMPARE(decoded.ok(), ok);
    if (ok)
        QCOMPARE(decoded.value(), outputs);
    else
        QCOMPARE(decoded.error().code, ErrorCode::Protocol);
}

void TestHaproxyCommand::replyRule()
{
    const QList<HaproxyCommand> batch {HaproxyCommand::setWeight("be_app", "s1", 10).value(),
        HaproxyCommand::setWeight("be_app", "s9", 10).value(), HaproxyCommand::showInfo()};

    const Result<QStringList> ok = applyReplyRule(batch, {"", "", "Pid: 1\n"});
    QVERIFY(ok.ok());
    QCOMPARE(ok.value(), (QStringList {"", "", "Pid: 1\n"}));

    // A read command's text is data, not an error.
    const Result<QStringList> refused = applyReplyRule(batch, {"", "No such server.\n", "Pid: 1\n"});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Refused);
    QCOMPARE(
        refused.error().message, QStringLiteral("HAProxy refused 'set server be_app/s9 weight 10': No such server."));

    const Result<QStringList> two = applyReplyRule(batch, {"Oops.\n", "No such server.\n", ""});
    QVERIFY(!two.ok());
    QVERIFY(two.error().message.startsWith(u"HAProxy refused 'set server be_app/s1 weight 10': Oops."));
    QVERIFY(two.error().detail.contains(u"'set server be_app/s9 weight 10': No such server."));
}

QTEST_GUILESS_MAIN(TestHaproxyCommand)
#include "tst_haproxycommand.moc"
