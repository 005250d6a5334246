#include "analysistypes.h"

namespace gl {

QString toString(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pass:
        return QStringLiteral("pass");
    case Outcome::Fail:
        return QStringLiteral("fail");
    case Outcome::Inconclusive:
        return QStringLiteral("inconclusive");
    }
    return {};
}

std::optional<Outcome> outcomeFromString(const QString &text)
{
    for (Outcome o : {Outcome::Pass, Outcome::Fail, Outcome::Inconclusive}) {
        if (toString(o) == text)
            return o;
    }
    return std::nullopt;
}

QString toString(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pending:
        return QStringLiteral("pending");
    case Verdict::Passing:
        return QStringLiteral("passing");
    case Verdict::Passed:
        return QStringLiteral("passed");
    case Verdict::Failing:
        return QStringLiteral("failing");
    case Verdict::Failed:
        return QStringLiteral("failed");
    case Verdict::Inconclusive:
        return QStringLiteral("inconclusive");
    }
    return {};
}

std::optional<Verdict> verdictFromString(const QString &text)
{
    for (Verdict v : {Verdict::Pending, Verdict::Passing, Verdict::Passed, Verdict::Failing, Verdict::Failed,
             Verdict::Inconclusive}) {
        if (toString(v) == text)
            return v;
    }
    return std::nullopt;
}

Outcome combineOutcomes(const QList<Outcome> &outcomes)
{
    if (outcomes.isEmpty())
        return Outcome::Inconclusive;
    if (outcomes.contains(Outcome::Fail))
        return Outcome::Fail;
    if (outcomes.contains(Outcome::Inconclusive))
        return Outcome::Inconclusive;
    return Outcome::Pass;
}

} // namespace gl
