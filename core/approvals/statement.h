#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace gl {

enum class Decision { Approve, Reject, Override, Block };

[[nodiscard]] QString toString(Decision decision);
[[nodiscard]] std::optional<Decision> decisionFromString(const QString &text);

// What a person decides about one rollout: approve or reject a gate, override a change window or freeze
// (gate "calendar", with a reason), or block the release. The signature (SignedStatement) covers all of it,
// so none of it can be changed or moved to another environment or rollout.
struct Statement {
    static constexpr const char *kCalendarGate = "calendar"; // the pseudo-gate of overrides
    static constexpr const char *kReleaseGate = "release"; // the pseudo-gate of blocks

    QString environment; // environment name
    QString rolloutId;
    QString gate;
    Decision decision = Decision::Approve;
    QMap<QString, QString> inputs; // e.g. ticket=CHG-1234, reason=...
    QString comment;
    QDateTime time; // UTC, whole seconds
    QString signer; // person, as in the approvers list
    QString nonce; // random, unique per statement (replay protection)

    // Compact JSON with one-letter keys, the payload of a token.
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Result<Statement> fromJson(const QJsonObject &object);
    // The bytes a signature covers: a domain prefix and the canonical JSON of toJson().
    [[nodiscard]] QByteArray signingInput() const;
    // 96 random bits, base64url.
    [[nodiscard]] static QString newNonce();
};

} // namespace gl
