#include "testpaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

namespace gl::test {

QString sourceDir()
{
    return qEnvironmentVariable("GL_SOURCE_DIR");
}

QString binaryDir()
{
    return qEnvironmentVariable("GL_BINARY_DIR");
}

QString builtExecutable(const QString &name)
{
    QDirIterator it(binaryDir(), {name}, QDir::Files | QDir::Executable, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!path.contains(u"/CMakeFiles/"))
            return path;
    }
    return {};
}

QString dataFile(const QString &relative)
{
    return sourceDir() + u"/tests/data/" + relative;
}

} // namespace gl::test
