#pragma once

#include "storage/database.h"
#include "util/result.h"

#include <QString>

namespace gl {

// The per-environment state database (the environment file's `state_database`): rollouts and their events.
// Losing the last commit here would misreport what traffic is doing, so it runs with Durability::Full.
// Later issues add tables by appending migrations to schema().
class StateStore final {
public:
    [[nodiscard]] static Result<StateStore> open(const QString &path);
    // The schema this version of Greenlight reads and writes.
    [[nodiscard]] static const Schema &schema();

    [[nodiscard]] Database &database() { return m_database; }
    [[nodiscard]] const Database &database() const { return m_database; }

    // A small key/value table for facts about the environment (e.g. when it was first seen).
    [[nodiscard]] Result<QString> meta(const QString &key) const;
    [[nodiscard]] Status setMeta(const QString &key, const QString &value);

private:
    explicit StateStore(Database database);

    Database m_database;
};

} // namespace gl
