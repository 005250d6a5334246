#pragma once

#include "backends/haproxy/haproxytypes.h"

#include <QList>
#include <QSet>
#include <QString>

namespace gl {

// Per-server weights for one traffic step: every new slot gets newWeight, every stable slot stableWeight.
struct WeightSplit {
    int newWeight = 0;
    int stableWeight = 0;
    double actualPercent = 0; // the share of new traffic these weights give (roundrobin is proportional)

    friend bool operator==(const WeightSplit &, const WeightSplit &) = default;
};

class WeightPlan final {
public:
    static constexpr int MaxWeight = 256; // HAProxy's absolute weight range is 0..256

    // Integer weights (0..MaxWeight) for `newSlots` new and `stableSlots` stable servers so that the new share
    // newSlots*x / (newSlots*x + stableSlots*y) is as close as possible to `percent`:
    //  - 0 %: new 0, stable fullWeight; 100 %: new fullWeight, stable 0 (the plain colours);
    //  - in between both sides keep a weight of at least 1 (a 1 % step sends something, a 99 % step keeps
    //    the stable side serving), the error |actual - percent| is minimal over all pairs, and among equal
    //    errors the pair with the largest total wins (the finest interleaving).
    // The total weight is > 0 whenever stableSlots + newSlots > 0 and fullWeight > 0.
    [[nodiscard]] static WeightSplit split(int newSlots, int stableSlots, double percent, int fullWeight = 100);

    // The share of traffic (0..100) HAProxy gives `newServers` according to `stats` (show stat of the
    // backend): effective weights of servers that are UP (or going down), over all UP servers. -1 when no
    // server is up.
    [[nodiscard]] static double actualPercent(
        const QList<ServerStat> &stats, const QString &backend, const QSet<QString> &newServers);

    // True for a `show stat` status that receives traffic: "UP", "UP 1/2" (going down), not NOLB/DRAIN/MAINT.
    [[nodiscard]] static bool isServing(const QString &status);
    // True when the server passed its health check: status UP/NOLB/DRAIN (not a transition "UP 1/2", which
    // HAProxy also shows right after leaving maintenance, before the first check) and a check status *OK.
    [[nodiscard]] static bool isHealthy(const ServerStat &stat);
};

} // namespace gl
