#pragma once

#include "approvals/changecalendar.h"
#include "approvals/gateevaluator.h"
#include "approvals/signedstatement.h"
#include "model/approvalsconfig.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace gl {

// The answer to "may this rollout start / promote now?".
struct PolicyDecision {
    bool allowed = false;
    bool blocked = false; // a signed "block this release" is in force
    bool overridden = false; // the calendar said no, a signed override with a reason said yes
    CalendarVerdict calendar;
    QList<GateStatus> gates; // the gates of this stage, satisfied or not
    QStringList reasons; // why not, one line each, for the user
};

// What core enforces before a rollout moves, for the engine, the CLI and the GUI alike:
//   mayStart():   no block, the calendar allows now (or a valid override), every before_start gate approved;
//   mayPromote(): the same at a canary step (gates at that step or every step) or before the blue-green switch.
// Every statement is verified again here (signature, approvers list, environment, rollout), whatever said it
// was fine before. A calendar override is a signed Override statement for gate "calendar", with a non-empty
// `reason` input, by members of change_windows.override.groups (quorum), never by the rollout's starter.
class RolloutPolicy final {
public:
    RolloutPolicy(QString environment, ApprovalsConfig config);

    [[nodiscard]] PolicyDecision mayStart(const GateContext &context, const QList<SignedStatement> &statements) const;
    [[nodiscard]] PolicyDecision mayPromote(const GateContext &context, const QList<SignedStatement> &statements,
        GateStage stage, int stepPercent = 0) const;

    // One gate by name; NotFound when the environment has no such gate.
    [[nodiscard]] Result<GateStatus> gateStatus(
        const QString &gate, const GateContext &context, const QList<SignedStatement> &statements) const;
    // The gates that apply at `stage` (and `stepPercent` for canary steps).
    [[nodiscard]] QList<GateConfig> gatesAt(GateStage stage, int stepPercent = 0) const;

    [[nodiscard]] const ApprovalsConfig &config() const { return m_config; }
    [[nodiscard]] QString environment() const { return m_environment; }

private:
    [[nodiscard]] PolicyDecision decide(
        const GateContext &context, const QList<SignedStatement> &statements, GateStage stage, int stepPercent) const;

    QString m_environment;
    ApprovalsConfig m_config;
    ChangeCalendar m_calendar;
    GateEvaluator m_evaluator;
};

} // namespace gl
