// ServerState's reading of HAProxy 2.6's srv_admin_state bits (SRV_ADMF_*): what counts as maintenance and as
// drain is HAProxy's own SRV_ADMF_MAINT (0x23) and SRV_ADMF_DRAIN (0x18) masks.
#include "backends/haproxy/haproxyparsers.h"
#include "backends/haproxy/haproxytypes.h"

#include <QTest>

using namespace gl;

class TestHaproxyServerState : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void adminFlags_data()
    {
        QTest::addColumn<int>("flags");
        QTest::addColumn<bool>("maint");
        QTest::addColumn<bool>("drain");

        QTest::newRow("ready") << 0x00 << false << false;
        QTest::newRow("state maint (FMAINT)") << 0x01 << true << false;
        QTest::newRow("inherited maint (IMAINT)") << 0x02 << true << false;
        // `disabled` in the configuration: FMAINT | CMAINT.
        QTest::newRow("disabled in the configuration") << 0x05 << true << false;
        // The same server after `set server ... state ready`: CMAINT stays, the server is in service.
        QTest::newRow("disabled in the configuration, made ready") << 0x04 << false << false;
        QTest::newRow("disabled in the configuration, drained") << 0x0c << false << true;
        QTest::newRow("state drain (FDRAIN)") << 0x08 << false << true;
        QTest::newRow("inherited drain (IDRAIN)") << 0x10 << false << true;
        QTest::newRow("maint wins over drain") << 0x09 << true << false;
        QTest::newRow("address not resolved (RMAINT)") << 0x20 << true << false;
        QTest::newRow("FQDN set at run time (HMAINT) only") << 0x40 << false << false;
    }

    // A server configured `disabled` and then made ready is NOT in maintenance (only CMAINT is left); the
    // maintenance and drain bits HAProxy itself counts are.
    void adminFlags()
    {
        QFETCH(int, flags);
        QFETCH(bool, maint);
        QFETCH(bool, drain);
        ServerState state;
        state.adminFlags = flags;
        QCOMPARE(state.inMaintenance(), maint);
        QCOMPARE(state.draining(), drain);
    }

    // The same through the parser, on `show servers state` lines as HAProxy 2.6.12 printed them for a server
    // declared `disabled` (admin 5) and then set `state ready` + `weight 40` (admin 4, op state 2).
    void parsedDisabledThenReady()
    {
        const QByteArray text
            = "1\n"
              "# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight srv_iweight "
              "srv_time_since_last_change srv_check_status srv_check_result srv_check_health srv_check_state "
              "srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord srv_use_ssl "
              "srv_check_port srv_check_addr srv_agent_addr srv_agent_port\n"
              "3 be_app 3 green1 127.0.0.1 0 5 0 0 12 1 0 0 14 0 0 0 - 41005 - 0 0 - - 0\n"
              "3 be_app 4 green2 127.0.0.1 2 4 40 0 3 6 3 1 6 0 0 0 - 41006 - 0 0 - - 0\n";
        const Result<QList<ServerState>> servers = parseServersState(text);
        QVERIFY2(servers.ok(), qPrintable(servers.ok() ? QString() : servers.error().toString()));
        QCOMPARE(servers->size(), 2);
        QVERIFY(servers->at(0).inMaintenance());
        QVERIFY(!servers->at(1).inMaintenance());
        QVERIFY(!servers->at(1).draining());
        QCOMPARE(servers->at(1).userWeight, 40);
    }
};

QTEST_GUILESS_MAIN(TestHaproxyServerState)
#include "tst_haproxyserverstate.moc"
