#pragma once

// Helpers shared by the audit and approval commands of greenlightctl (auditcommands.cpp).
#include "audit/auditlog.h"
#include "cli.h"
#include "identity/identityjob.h"
#include "model/environment.h"

#include <memory>

namespace gl::cli {

struct OpenedAuditLog {
    Environment environment;
    std::shared_ptr<AuditLog> log;
};

// Loads --env and opens its audit log (--checkpoint overrides where the outside checkpoint lives).
[[nodiscard]] Result<OpenedAuditLog> openAuditLog(Context &context, bool mustExist);
// Runs an identity job to the end in a local event loop.
[[nodiscard]] Result<SigningKey> waitForKey(IdentityJob *job);

} // namespace gl::cli
