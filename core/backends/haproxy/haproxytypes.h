#pragma once

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace gl {

// What a row of `show stat` describes (CSV column `type`).
enum class StatRowKind { Frontend, Backend, Server, Listener };

// One row of `show stat` (CSV). Columns are looked up by name from the header line; numeric columns that
// HAProxy leaves empty for this kind of row (e.g. `weight` of a FRONTEND) read as 0.
struct ServerStat {
    QString proxy; // pxname, e.g. "be_app"
    QString server; // svname: a server name, or "FRONTEND" / "BACKEND"
    StatRowKind kind = StatRowKind::Server;
    QString status; // "UP", "DOWN", "MAINT", "DRAIN", "no check", "OPEN", ...
    int weight = 0; // effective weight (backend: sum of its servers)
    qint64 scur = 0; // current sessions
    qint64 qcur = 0; // queued requests
    qint64 stot = 0; // total sessions
    qint64 hrsp5xx = 0; // HTTP 5xx responses
    QString checkStatus; // "L4CON", "L7OK", ... empty without health checks
    QString address; // addr, "127.0.0.1:8081" (servers only)

    [[nodiscard]] bool isServer() const { return kind == StatRowKind::Server; }
};

// Runtime operational state of a server (`srv_op_state`, HAProxy's enum srv_state).
enum class ServerOpState { Stopped = 0, Starting = 1, Running = 2, Stopping = 3 };

// One server line of `show servers state`.
struct ServerState {
    int backendId = 0;
    QString backend;
    int serverId = 0;
    QString server;
    QString address;
    int port = 0;
    ServerOpState opState = ServerOpState::Stopped;
    int adminFlags = 0; // srv_admin_state: HAProxy's SRV_ADMF_* bits
    int userWeight = 0; // srv_uweight: the weight set by the config or `set server ... weight`
    int initialWeight = 0; // srv_iweight: the weight from the configuration

    // SRV_ADMF_* bits of HAProxy 2.6 (include/haproxy/server-t.h, enum srv_admin).
    static constexpr int AdminForcedMaint = 0x01; // FMAINT: `state maint`, or `disabled` in the configuration
    static constexpr int AdminInheritedMaint = 0x02; // IMAINT: from a tracked server
    // CMAINT: "disabled" in the configuration. Only a record of where the server started: `state ready` clears
    // FMAINT but leaves CMAINT set, and the server is in service (HAProxy's own MAINT mask leaves it out).
    static constexpr int AdminConfigMaint = 0x04;
    static constexpr int AdminForcedDrain = 0x08; // FDRAIN: `state drain`
    static constexpr int AdminInheritedDrain = 0x10; // IDRAIN: from a tracked server
    static constexpr int AdminResolutionMaint = 0x20; // RMAINT: down because its address could not be resolved
    // HMAINT: the FQDN was set from the runtime API; not a maintenance state either (not in HAProxy's mask).
    static constexpr int AdminHostnameMaint = 0x40;
    // HAProxy's SRV_ADMF_MAINT (0x23) and SRV_ADMF_DRAIN (0x18): what its own stats call MAINT and DRAIN.
    static constexpr int AdminMaintMask = AdminForcedMaint | AdminInheritedMaint | AdminResolutionMaint;
    static constexpr int AdminDrainMask = AdminForcedDrain | AdminInheritedDrain;

    [[nodiscard]] bool inMaintenance() const { return adminFlags & AdminMaintMask; }
    [[nodiscard]] bool draining() const { return !inMaintenance() && (adminFlags & AdminDrainMask); }
};

// The process facts of `show info` that matter to Greenlight, plus every raw "Name: value" pair.
struct HaproxyInfo {
    qint64 pid = 0;
    qint64 uptimeSec = 0;
    qint64 startTimeSec = 0; // 0 when the line is absent
    QString name; // "HAProxy"
    QString version; // "2.6.12-1+deb12u4"
    QString node;
    bool stopping = false; // true in an old worker that is draining after a reload
    QHash<QString, QString> fields;
};

// Administrative state that `set server <be>/<srv> state` accepts.
enum class ServerAdminState { Ready, Drain, Maint };

[[nodiscard]] QString toString(ServerAdminState state);

// A desired change of one server: a weight, a state, or both (state is applied first).
struct ServerChange {
    QString backend;
    QString server;
    std::optional<int> weight;
    std::optional<ServerAdminState> state;

    friend bool operator==(const ServerChange &, const ServerChange &) = default;
};

} // namespace gl
