// Parsers of HAProxy 2.6 Runtime API output, on fixtures captured from a real haproxy 2.6.12 (Debian 12)
// and on malformed variants of them (tests/data/haproxy).
#include "backends/haproxy/haproxyparsers.h"
#include "testpaths.h"

#include <QFile>
#include <QTest>

using namespace gl;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(test::dataFile(u"haproxy/" + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

const ServerStat *findStat(const QList<ServerStat> &rows, const QString &proxy, const QString &server)
{
    for (const ServerStat &row : rows) {
        if (row.proxy == proxy && row.server == server)
            return &row;
    }
    return nullptr;
}

} // namespace

class TestHaproxyParsers : public QObject {
    Q_OBJECT

private slots:
    // show stat: every row of the real fixture, with the fields the engine reads, mapped by header name.
    void showStatReal_data();
    void showStatReal();
    // show stat: rows are read by column NAME, so a reordered/extended header still parses.
    void showStatColumnsByName();
    // show stat: malformed output fails with the line and field in the message.
    void showStatMalformed_data();
    void showStatMalformed();

    // show servers state: every server of the real fixture, including admin flags (drain, maint).
    void serversStateReal_data();
    void serversStateReal();
    // show servers state: columns by name, not position.
    void serversStateColumnsByName();
    // show servers state: malformed output fails with the line and field in the message.
    void serversStateMalformed_data();
    void serversStateMalformed();

    // show info: Pid, Uptime_sec, Version and the raw fields (names with spaces included).
    void showInfoReal();
    // show info: missing or non-numeric Pid is an error naming the field.
    void showInfoMalformed_data();
    void showInfoMalformed();
};

void TestHaproxyParsers::showStatReal_data()
{
    QTest::addColumn<QString>("proxy");
    QTest::addColumn<QString>("server");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("weight");
    QTest::addColumn<qint64>("stot");
    QTest::addColumn<qint64>("hrsp5xx");
    QTest::addColumn<QString>("checkStatus");
    QTest::addColumn<QString>("address");

    const int fe = int(StatRowKind::Frontend), be = int(StatRowKind::Backend), sv = int(StatRowKind::Server);
    QTest::newRow("frontend") << "fe_app"
                              << "FRONTEND" << fe << "OPEN" << 0 << qint64(2) << qint64(2) << ""
                              << "";
    QTest::newRow("blue1 up") << "be_app"
                              << "blue1" << sv << "no check" << 100 << qint64(8) << qint64(0) << ""
                              << "127.0.0.1:18481";
    QTest::newRow("blue2 drain") << "be_app"
                                 << "blue2" << sv << "DRAIN" << 100 << qint64(0) << qint64(0) << ""
                                 << "127.0.0.1:18482";
    QTest::newRow("green1 runtime weight") << "be_app"
                                           << "green1" << sv << "no check" << 25 << qint64(0) << qint64(0) << ""
                                           << "127.0.0.1:18483";
    QTest::newRow("green2 disabled") << "be_app"
                                     << "green2" << sv << "MAINT" << 0 << qint64(0) << qint64(0) << ""
                                     << "127.0.0.1:18484";
    QTest::newRow("spare check down") << "be_app"
                                      << "spare" << sv << "DOWN" << 10 << qint64(0) << qint64(0) << "L4CON"
                                      << "127.0.0.1:18485";
    QTest::newRow("backend") << "be_app"
                             << "BACKEND" << be << "UP" << 125 << qint64(2) << qint64(2) << ""
                             << "";
    QTest::newRow("other backend") << "be_admin"
                                   << "admin1" << sv << "no check" << 1 << qint64(0) << qint64(0) << ""
                                   << "127.0.0.1:18486";
}

void TestHaproxyParsers::showStatReal()
{
    QFETCH(QString, proxy);
    QFETCH(QString, server);
    QFETCH(int, kind);
    QFETCH(QString, status);
    QFETCH(int, weight);
    QFETCH(qint64, stot);
    QFETCH(qint64, hrsp5xx);
    QFETCH(QString, checkStatus);
    QFETCH(QString, address);

    const Result<QList<ServerStat>> rows = parseShowStat(fixture(QStringLiteral("show_stat.txt")));
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().toString()));
    QCOMPARE(rows->size(), 9);
    const ServerStat *row = findStat(rows.value(), proxy, server);
    QVERIFY(row);
    QCOMPARE(int(row->kind), kind);
    QCOMPARE(row->status, status);
    QCOMPARE(row->weight, weight);
    QCOMPARE(row->stot, stot);
    QCOMPARE(row->hrsp5xx, hrsp5xx);
    QCOMPARE(row->scur, qint64(0));
    QCOMPARE(row->qcur, qint64(0));
    QCOMPARE(row->checkStatus, checkStatus);
    QCOMPARE(row->address, address);
}

void TestHaproxyParsers::showStatColumnsByName()
{
    const QByteArray csv = "# weight,svname,pxname,type,status,stot,scur,qcur,newcolumn,\n"
                           "7,s1,be_x,2,UP,11,3,4,zz,\n"
                           "\n";
    const Result<QList<ServerStat>> rows = parseShowStat(csv);
    QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().toString()));
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first().proxy, QStringLiteral("be_x"));
    QCOMPARE(rows->first().server, QStringLiteral("s1"));
    QCOMPARE(rows->first().weight, 7);
    QCOMPARE(rows->first().stot, qint64(11));
    QCOMPARE(rows->first().scur, qint64(3));
    QCOMPARE(rows->first().qcur, qint64(4));
    QCOMPARE(rows->first().hrsp5xx, qint64(0)); // column absent: 0
}

void TestHaproxyParsers::showStatMalformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expectedMessage");

    QTest::newRow("cut off mid-row") << fixture(QStringLiteral("show_stat_cutoff.txt"))
                                     << "show stat line 10: expected 129 fields, got";
    QTest::newRow("missing header") << fixture(QStringLiteral("show_stat_noheader.txt"))
                                    << "show stat line 1: missing header line";
    QTest::newRow("non-numeric weight") << fixture(QStringLiteral("show_stat_badweight.txt"))
                                        << "show stat line 3: field 'weight' is not a number: 'x'";
    QTest::newRow("empty") << QByteArray() << "show stat line 1: missing header line";
    QTest::newRow("header without weight") << QByteArray("# pxname,svname,type,status,scur,qcur,stot,\n")
                                           << "show stat line 1: header has no column 'weight'";
    QTest::newRow("unknown row type") << QByteArray("# pxname,svname,type,status,weight,scur,qcur,stot,\n"
                                                    "be,s1,9,UP,1,0,0,0,\n")
                                      << "show stat line 2: field 'type' has an unknown value: '9'";
    QTest::newRow("error text instead of csv")
        << QByteArray("Unknown command.\n") << "show stat line 1: missing header line";
}

void TestHaproxyParsers::showStatMalformed()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expectedMessage);
    const Result<QList<ServerStat>> rows = parseShowStat(input);
    QVERIFY(!rows.ok());
    QCOMPARE(rows.error().code, ErrorCode::Parse);
    QVERIFY2(rows.error().message.startsWith(expectedMessage), qPrintable(rows.error().message));
}

void TestHaproxyParsers::serversStateReal_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("server");
    QTest::addColumn<int>("backendId");
    QTest::addColumn<int>("serverId");
    QTest::addColumn<int>("opState");
    QTest::addColumn<int>("adminFlags");
    QTest::addColumn<int>("userWeight");
    QTest::addColumn<int>("initialWeight");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("maint");
    QTest::addColumn<bool>("drain");

    QTest::newRow("blue1 ready") << "be_app"
                                 << "blue1" << 3 << 1 << 2 << 0 << 100 << 100 << 18481 << false << false;
    QTest::newRow("blue2 drain") << "be_app"
                                 << "blue2" << 3 << 2 << 2 << 8 << 100 << 100 << 18482 << false << true;
    QTest::newRow("green1 weight set at runtime") << "be_app"
                                                  << "green1" << 3 << 3 << 2 << 0 << 25 << 0 << 18483 << false << false;
    QTest::newRow("green2 disabled in config") << "be_app"
                                               << "green2" << 3 << 4 << 0 << 5 << 0 << 0 << 18484 << true << false;
    QTest::newRow("spare down") << "be_app"
                                << "spare" << 3 << 5 << 0 << 0 << 10 << 10 << 18485 << false << false;
    QTest::newRow("other backend") << "be_admin"
                                   << "admin1" << 4 << 1 << 2 << 0 << 1 << 1 << 18486 << false << false;
}

void TestHaproxyParsers::serversStateReal()
{
    QFETCH(QString, backend);
    QFETCH(QString, server);
    QFETCH(int, backendId);
    QFETCH(int, serverId);
    QFETCH(int, opState);
    QFETCH(int, adminFlags);
    QFETCH(int, userWeight);
    QFETCH(int, initialWeight);
    QFETCH(int, port);
    QFETCH(bool, maint);
    QFETCH(bool, drain);

    const Result<QList<ServerState>> servers = parseServersState(fixture(QStringLiteral("show_servers_state.txt")));
    QVERIFY2(servers.ok(), qPrintable(servers.ok() ? QString() : servers.error().toString()));
    QCOMPARE(servers->size(), 6);
    const auto it = std::find_if(servers->cbegin(), servers->cend(),
        [&](const ServerState &s) { return s.backend == backend && s.server == server; });
    QVERIFY(it != servers->cend());
    QCOMPARE(it->backendId, backendId);
    QCOMPARE(it->serverId, serverId);
    QCOMPARE(int(it->opState), opState);
    QCOMPARE(it->adminFlags, adminFlags);
    QCOMPARE(it->userWeight, userWeight);
    QCOMPARE(it->initialWeight, initialWeight);
    QCOMPARE(it->address, QStringLiteral("127.0.0.1"));
    QCOMPARE(it->port, port);
    QCOMPARE(it->inMaintenance(), maint);
    QCOMPARE(it->draining(), drain);
}

void TestHaproxyParsers::serversStateColumnsByName()
{
    const QByteArray text = "1\n"
                            "# srv_name be_name srv_uweight srv_iweight be_id srv_id srv_addr srv_op_state "
                            "srv_admin_state future_column\n"
                            "s1 be_x 42 100 7 9 10.0.0.1 2 1 whatever\n";
    const Result<QList<ServerState>> servers = parseServersState(text);
    QVERIFY2(servers.ok(), qPrintable(servers.ok() ? QString() : servers.error().toString()));
    QCOMPARE(servers->size(), 1);
    const ServerState &s = servers->first();
    QCOMPARE(s.server, QStringLiteral("s1"));
    QCOMPARE(s.backend, QStringLiteral("be_x"));
    QCOMPARE(s.userWeight, 42);
    QCOMPARE(s.initialWeight, 100);
    QCOMPARE(s.backendId, 7);
    QCOMPARE(s.serverId, 9);
    QCOMPARE(s.port, 0); // srv_port absent
    QVERIFY(s.inMaintenance());
}

void TestHaproxyParsers::serversStateMalformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expectedMessage");

    QTest::newRow("cut off mid-line") << fixture(QStringLiteral("show_servers_state_cutoff.txt"))
                                      << "show servers state line 8: expected 25 fields, got";
    QTest::newRow("no version line") << fixture(QStringLiteral("show_servers_state_noversion.txt"))
                                     << "show servers state line 1: expected the format version \"1\"";
    QTest::newRow("no header") << fixture(QStringLiteral("show_servers_state_noheader.txt"))
                               << "show servers state line 2: missing header line";
    QTest::newRow("non-numeric weight") << fixture(QStringLiteral("show_servers_state_badweight.txt"))
                                        << "show servers state line 4: field 'srv_iweight' is not a number: 'abc'";
    QTest::newRow("unknown backend") << QByteArray("Can't find backend.\n")
                                     << "show servers state line 1: expected the format version \"1\"";
}

void TestHaproxyParsers::serversStateMalformed()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expectedMessage);
    const Result<QList<ServerState>> servers = parseServersState(input);
    QVERIFY(!servers.ok());
    QCOMPARE(servers.error().code, ErrorCode::Parse);
    QVERIFY2(servers.error().message.startsWith(expectedMessage), qPrintable(servers.error().message));
}

void TestHaproxyParsers::showInfoReal()
{
    const Result<HaproxyInfo> info = parseShowInfo(fixture(QStringLiteral("show_info.txt")));
    QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : info.error().toString()));
    QCOMPARE(info->name, QStringLiteral("HAProxy"));
    QVERIFY(info->version.startsWith(u"2.6."));
    QCOMPARE(info->pid, qint64(6357));
    QCOMPARE(info->uptimeSec, qint64(7));
    QVERIFY(info->startTimeSec > 0);
    QVERIFY(!info->stopping);
    QCOMPARE(info->fields.value(QStringLiteral("Nbthread")), QStringLiteral("2"));
    QCOMPARE(info->fields.value(QStringLiteral("Unstoppable Jobs")), QStringLiteral("1"));
}

void TestHaproxyParsers::showInfoMalformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expectedMessage");

    QTest::newRow("non-numeric pid") << fixture(QStringLiteral("show_info_badpid.txt"))
                                     << "show info line 7: field 'Pid' is not a number: 'none'";
    QTest::newRow("pid missing") << fixture(QStringLiteral("show_info_nopid.txt"))
                                 << "show info: field 'Pid' is missing";
    QTest::newRow("garbage line") << QByteArray("Name: HAProxy\nthis is not a field\n")
                                  << "show info line 2: expected \"Name: value\"";
    QTest::newRow("empty") << QByteArray() << "show info: field 'Pid' is missing";
}

void TestHaproxyParsers::showInfoMalformed()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expectedMessage);
    const Result<HaproxyInfo> info = parseShowInfo(input);
    QVERIFY(!info.ok());
    QCOMPARE(info.error().code, ErrorCode::Parse);
    QVERIFY2(info.error().message.startsWith(expectedMessage), qPrintable(info.error().message));
}

QTEST_GUILESS_MAIN(TestHaproxyParsers)
#include "tst_haproxyparsers.moc"
