#include "cli.h"

namespace gl::cli {

// env validate: filled in with the environment file parser (sandbox issue).
std::vector<Command> envCommands()
{
    return {};
}

} // namespace gl::cli
