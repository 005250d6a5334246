// greenlight: the desktop release console.
#include "console.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    return gl::ui::runConsole(app);
}
