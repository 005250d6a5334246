#pragma once

#include "backends/haproxy/haproxycommand.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace gl {

// Framing of one Runtime API request on a fresh connection. What HAProxy 2.6.12 (Debian 12) does, measured
// with socat and a Python client against a real process:
//
// Non-interactive mode (send one line, HAProxy closes the connection ~0.1 ms after answering):
//   every command's output is followed by exactly ONE "\n". A successful `set server` prints nothing, so
//   "set A; set B" answers "\n\n", and "set ok; set s9; set ok" answers "\n" "No such server.\n\n" "\n".
//   Most error texts end with "\n" (giving the familiar blank line), but not all: `set server be/s1 weight x`
//   prints "Empty weight string empty or preceded by garbage" WITHOUT a newline, so "set be/s1 weight x;
//   set be/s2 weight 35" answers "...garbage\n\n", which cannot be split back into two replies reliably.
//   An error does not stop the line: the commands after a refused one are still applied.
// `prompt` (interactive) mode: every command's output is followed by "\n> " instead, including the `prompt`
//   command itself (empty output), so a reply splits unambiguously on "\n> ".
// A kept-open prompt session survives a reload (`reload` on the master CLI) but keeps talking to the OLD
//   worker ("Stopping: 1", old Pid) for as long as it stays open: weights set through it are silently lost
//   and `show info` never shows the reload. So Greenlight opens a new connection per request.
//
// Hence a request is written as "prompt\n<cmd1>; <cmd2>; ...\nquit\n" on a new connection, and the reply
// is complete when it ends with "\n> " and the peer has closed. Round trip of a two-command
// `set server ... weight` batch over the UNIX socket, bench/bench_haproxy_roundtrip (Debug build, 2 shared
// cores under load ~3): HaproxyRuntimeClient p50 ~140 us (p99 1.3-2.6 ms); a blocking QLocalSocket with a
// new connection per line p50 ~100 us; a kept-open prompt session p50 ~25 us. The ~0.1 ms a fresh connection
// costs is irrelevant next to the correctness it buys across reloads.

// The bytes to write for one batch (the commands run in the order given, in one line).
[[nodiscard]] QByteArray encodeRequest(const QList<HaproxyCommand> &commands);

// Splits a complete reply (everything read until the peer closed) into one output per command. Protocol
// error when the reply is cut off or holds a different number of outputs.
[[nodiscard]] Result<QList<QByteArray>> decodeReply(const QByteArray &reply, qsizetype commandCount);

// Applies the reply rule: a command that expects an empty reply and printed text was refused. Returns the
// outputs as text, or a Refused error naming the (first) refused command and HAProxy's text.
[[nodiscard]] Result<QStringList> applyReplyRule(
    const QList<HaproxyCommand> &commands, const QList<QByteArray> &outputs);

} // namespace gl
