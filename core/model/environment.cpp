#include "environment.h"

namespace gl {

QStringList Environment::colours() const
{
    QStringList result;
    for (const ServerSlot &slot : serverSlots) {
        if (!result.contains(slot.colour))
            result << slot.colour;
    }
    return result;
}

QList<ServerSlot> Environment::slotsOfColour(const QString &colour) const
{
    QList<ServerSlot> result;
    for (const ServerSlot &slot : serverSlots) {
        if (slot.colour == colour)
            result << slot;
    }
    return result;
}

} // namespace gl
