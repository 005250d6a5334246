// greenlightctl: the command-line face of the Greenlight core, for scripts and CI gates.
#include "cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return gl::cli::run(app);
}
