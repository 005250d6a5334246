#include "environmentfile.h"

#include <QCoreApplication>

// Placeholder until the environment-file parser lands with the sandbox work.
namespace gl {

Result<Environment> loadEnvironmentFile(const QString &path)
{
    return makeError(ErrorCode::Unavailable,
                     QCoreApplication::translate("gl::EnvironmentFile", "Cannot read environment files yet"), path);
}

Result<Environment> parseEnvironment(const QByteArray &, const QString &path)
{
    return loadEnvironmentFile(path);
}

} // namespace gl
