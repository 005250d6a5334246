#pragma once

#include "util/settings.h"

namespace gl::ui {

// Applies the theme: System keeps the platform's own palette (light or dark as the desktop says);
// Light and Dark set a Fusion palette.
void applyTheme(Settings::Theme theme);

} // namespace gl::ui
