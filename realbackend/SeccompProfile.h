#pragma once
// Docker's default seccomp profile, in the lab's own words: everything not listed answers EPERM;
// a list of harmless system calls is allowed; some more only when the container holds the
// capability that makes them safe (mount with CAP_SYS_ADMIN, ptrace with CAP_SYS_PTRACE...);
// without CAP_SYS_ADMIN, clone may not make namespaces and clone3 answers ENOSYS (so that libc
// falls back to clone, whose flags the filter can see). Built with libseccomp in the parent,
// exported as a BPF program the child loads with one prctl right before execve.

#include "base/Expected.h"

#include <cstdint>
#include <linux/filter.h>
#include <vector>

namespace lab::real {

/// A compiled filter: the BPF program and how many system calls it allows outright.
struct SeccompProgram {
    std::vector<sock_filter> instructions;
    int allowed = 0;
};

/// Docker's default profile for a container with these capabilities (bit n: capability n),
/// for this machine's architecture. Compiled once per capability set.
Expected<SeccompProgram> dockerDefaultSeccomp(std::uint64_t capabilities);

} // namespace lab::real
