// greenlight: the desktop release console.
#include "console.h"

int main(int argc, char *argv[])
{
    return gl::ui::runConsole(argc, argv);
}
