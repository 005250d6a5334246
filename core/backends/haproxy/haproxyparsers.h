#pragma once

#include "backends/haproxy/haproxytypes.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>

namespace gl {

// Parsers of HAProxy Runtime API output (2.6). Each takes the output of one command, as returned by
// HaproxyRuntimeClient, and never throws. Columns are mapped by the names in the header line, never by
// position, so a later HAProxy that adds or moves columns still parses. Errors are ErrorCode::Parse and name
// the command, the line (1-based) and the field.

// `show stat` CSV: a header "# pxname,svname,..." then one row per frontend, backend and server.
[[nodiscard]] Result<QList<ServerStat>> parseShowStat(const QByteArray &output);

// `show servers state [backend]`: a format version line "1", a header "# be_id be_name srv_id ...", then one
// space-separated line per server.
[[nodiscard]] Result<QList<ServerState>> parseServersState(const QByteArray &output);

// `show info`: "Name: value" lines. Pid and Uptime_sec are required.
[[nodiscard]] Result<HaproxyInfo> parseShowInfo(const QByteArray &output);

} // namespace gl
