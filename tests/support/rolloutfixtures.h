#pragma once

#include "engine/rolloutstore.h"
#include "model/environment.h"

class QTemporaryDir;

namespace gl::test {

// An environment "staging" whose files live in `dir` (environment.yaml, state.db) and whose Runtime API socket
// there answers nothing (no HAProxy): slots blue1 (blue, v1) and green1 (green, empty), backend be_app. For tests
// of what reads the state database (RolloutSession and its views) with slot polling off.
[[nodiscard]] Environment environmentIn(const QTemporaryDir &dir);

// A canary rollout from v1 to v2 started by ana@vm, running its first of 4 steps at 5 % (desired and actual),
// to write into a state database as an engine would.
[[nodiscard]] RolloutRecord runningCanary();

} // namespace gl::test
