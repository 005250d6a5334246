#include "portpicker.h"

#include <QTcpServer>

#include <memory>
#include <vector>

namespace gl::sandbox {

QList<quint16> pickFreeLoopbackPorts(int count)
{
    std::vector<std::unique_ptr<QTcpServer>> servers;
    QList<quint16> ports;
    for (int i = 0; i < count; ++i) {
        auto server = std::make_unique<QTcpServer>();
        if (!server->listen(QHostAddress::LocalHost, 0))
            return {};
        ports << server->serverPort();
        servers.push_back(std::move(server));
    }
    return ports;
}

} // namespace gl::sandbox
