#pragma once

class QApplication;

namespace gl::ui {

// Parses the console's command line (--help, --version, --env FILE), applies language and theme from
// the settings, shows the main window and runs the event loop.
int runConsole(QApplication &app);

} // namespace gl::ui
