#include "weightplan.h"

#include <cmath>

namespace gl {

WeightSplit WeightPlan::split(int newSlots, int stableSlots, double percent, int fullWeight)
{
    fullWeight = std::clamp(fullWeight, 1, MaxWeight);
    if (newSlots <= 0)
        return {0, fullWeight, 0};
    if (stableSlots <= 0)
        return {fullWeight, 0, 100};
    if (percent <= 0)
        return {0, fullWeight, 0};
    if (percent >= 100)
        return {fullWeight, 0, 100};

    WeightSplit best;
    double bestError = 1e9;
    int bestTotal = -1;
    for (int x = 1; x <= MaxWeight; ++x) {
        // For this x, the ideal y solves a*x / (a*x + b*y) = p: y = a*x*(100 - p) / (b*p). Only the two
        // integers around it can be best for this x.
        const double ideal = double(newSlots) * x * (100.0 - percent) / (double(stableSlots) * percent);
        for (const int y : {int(std::floor(ideal)), int(std::ceil(ideal))}) {
            if (y < 1 || y > MaxWeight)
                continue;
            const int total = newSlots * x + stableSlots * y;
            const double actual = 100.0 * newSlots * x / total;
            const double error = std::abs(actual - percent);
            if (error < bestError - 1e-12 || (std::abs(error - bestError) <= 1e-12 && total > bestTotal)) {
                best = {x, y, actual};
                bestError = error;
                bestTotal = total;
            }
        }
    }
    if (bestTotal < 0) {
        // No y in range for any x (extreme shares with many slots): the closest corner.
        const double low = 100.0 * newSlots / (newSlots + stableSlots * MaxWeight);
        const double high = 100.0 * newSlots * MaxWeight / (newSlots * MaxWeight + stableSlots);
        return percent < 50 ? WeightSplit {1, MaxWeight, low} : WeightSplit {MaxWeight, 1, high};
    }
    return best;
}

bool WeightPlan::isServing(const QString &status)
{
    return status == u"UP" || status.startsWith(QStringLiteral("UP "));
}

bool WeightPlan::isHealthy(const ServerStat &stat)
{
    const bool stable = stat.status == u"UP" || stat.status == u"NOLB" || stat.status == u"DRAIN";
    return stable && stat.checkStatus.startsWith(u'L') && stat.checkStatus.contains(QStringLiteral("OK"));
}

double WeightPlan::actualPercent(
    const QList<ServerStat> &stats, const QString &backend, const QSet<QString> &newServers)
{
    qint64 total = 0;
    qint64 fresh = 0;
    for (const ServerStat &stat : stats) {
        if (!stat.isServer() || stat.proxy != backend || !isServing(stat.status))
            continue;
        total += stat.weight;
        if (newServers.contains(stat.server))
            fresh += stat.weight;
    }
    if (total <= 0)
        return -1;
    return 100.0 * double(fresh) / double(total);
}

} // namespace gl
