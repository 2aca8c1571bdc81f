#pragma once
// The real backend's local images: one directory per image under <state>/images, holding the
// root filesystem as plain files. The busybox image is made on the spot from Debian's
// busybox-static (/bin/busybox), so the real backend works offline on a fresh machine.
// Not yet the OCI image layout (blobs, manifests, layer tarballs): that is the next step, and the
// directory per image is what an unpacked OCI image will end up as.

#include "base/Expected.h"

#include <string>

namespace lab::real {

/// Where images live and how their names become directories.
class ImageDirectory {
public:
    /// Images under root (made if missing).
    explicit ImageDirectory(std::string root) : m_root(std::move(root)) {}

    /// The root filesystem of reference ("busybox", "busybox:latest", "docker.io/library/
    /// busybox:latest"); "No such image" when it is not in the store.
    Expected<std::string> rootfs(const std::string& reference) const;
    /// Makes busybox:latest from a static busybox binary: the binary at /bin/busybox, a symlink
    /// per applet (`busybox --list-full`), /proc /dev /sys /tmp /etc /root, /etc/passwd and
    /// /etc/group. Done once; later calls find it made.
    Status makeBusybox(const std::string& busyboxBinary = "/bin/busybox") const;

private:
    Expected<std::string> directoryName(const std::string& reference) const;

    std::string m_root;
};

} // namespace lab::real
