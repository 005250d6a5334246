#pragma once

#include "identity/identity.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

#include <functional>

namespace YAML {
class Node;
class Mark;
} // namespace YAML

namespace gl {

// Where in a rollout a gate waits.
enum class GateStage {
    BeforeStart, // before any traffic moves
    CanaryStep, // before a canary traffic step (one step, or every step when step is 0)
    BeforeSwitch, // before the blue-green switch
};

[[nodiscard]] QString toString(GateStage stage);

// An input every approval of a gate must carry, e.g. a change ticket id matching ^CHG-[0-9]+$.
struct RequiredInput {
    QString name;
    QString pattern; // a QRegularExpression; the whole value must match
};

// An approval gate (the `gates:` list of the environment file).
struct GateConfig {
    QString name;
    GateStage stage = GateStage::BeforeStart;
    int step = 0; // CanaryStep: the step's percent; 0 = every step
    QStringList groups; // approver groups whose members may approve
    int quorum = 1; // N approvals needed (of the M people in `groups`)
    bool distinctGroups = false; // the N approvals must come from N different groups
    QList<RequiredInput> inputs;
    qint64 timeoutMs = 0; // pending longer than this rejects the gate; 0 = wait forever
};

// Allowed days and hours, in the calendar's time zone. days: 1 = Monday .. 7 = Sunday.
struct ChangeWindow {
    QList<int> days;
    QTime from; // inclusive
    QTime to; // exclusive; 24:00 is written "24:00" and held as an invalid QTime meaning end of day
};

// A period during which starts and promotions are blocked.
struct Freeze {
    enum class Kind { OneOff, Weekly, Yearly };
    QString name;
    Kind kind = Kind::OneOff;
    QDateTime from; // OneOff: local date-times in the calendar's zone, [from, to)
    QDateTime to;
    int fromDay = 0; // Weekly: 1..7 and a local time
    QTime fromTime;
    int toDay = 0;
    QTime toTime;
    int fromMonth = 0; // Yearly: [month-day, month-day), may wrap over the new year
    int fromMonthDay = 0;
    int toMonth = 0;
    int toMonthDay = 0;
};

// `change_windows:` and `freezes:`. No windows means "any time"; freezes always apply.
struct ChangeCalendarConfig {
    QByteArray timeZone = "UTC"; // IANA id
    QList<ChangeWindow> windows;
    QList<Freeze> freezes;
    QStringList overrideGroups; // who may override a window or freeze (with a reason)
    int overrideQuorum = 1;
};

// The approvals part of an environment file: `approvers:`, `gates:`, `change_windows:`, `freezes:`.
struct ApprovalsConfig {
    QList<Identity> approvers;
    QList<GateConfig> gates;
    ChangeCalendarConfig calendar;

    [[nodiscard]] bool isEmpty() const
    {
        return approvers.isEmpty() && gates.isEmpty() && calendar.windows.isEmpty() && calendar.freezes.isEmpty();
    }
    [[nodiscard]] const GateConfig *gate(const QString &name) const;
    [[nodiscard]] QList<PublicKey> publicKeys() const;
};

// The top-level keys readApprovalsYaml reads.
[[nodiscard]] QStringList approvalsYamlKeys();

// Reads the approvals sections of an environment file's root mapping. `addError(mark, field, problem)` records
// each problem with its line; what is valid is kept.
using ApprovalsYamlErrorSink
    = std::function<void(const YAML::Mark &mark, const QString &field, const QString &problem)>;
[[nodiscard]] ApprovalsConfig readApprovalsYaml(const YAML::Node &root, const ApprovalsYamlErrorSink &addError);

} // namespace gl
