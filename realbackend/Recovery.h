#pragma once
// After a crash: what a backend that died without cleaning up left behind (processes, frozen
// cgroups, mounts, directories) is found and put right by the next backend that opens the same
// state directory, as Docker's daemon restores its containers when it starts.
// Docker without live-restore stops the containers it finds running; so does this: leftover
// processes are killed (thawed first where frozen) and their exits noticed through pidfds, the
// cgroups removed, the root filesystems unmounted. The engine keeps no containers across a crash
// (it has nothing on disk), so the restore ends with removal, and one line per container tells
// the learner what was found: "was running: 2 processes killed, ...".
// Only containers with a directory under the state directory are touched: the cgroup subtree may
// be shared by backends with other state directories. One backend at a time per state directory
// (an flock, released by the kernel when its holder dies).

#include "Cgroup.h"
#include "UniqueFd.h"
#include "base/Expected.h"

#include <string>
#include <vector>

namespace lab::real {

/// Where a backend keeps what the next one must look at.
struct LeftoverPlaces {
    std::string containersDir;              ///< <state>/containers
    std::string cgroupSubtree;              ///< the freezer's (v2 or v1) subtree of the backend
    CgroupMode mode = CgroupMode::V2;       ///< of cgroupSubtree
    std::vector<std::string> otherSubtrees; ///< the v1 resource subtrees
};

/// Kills, reaps, unmounts and removes what a dead backend left; one line per container found.
std::vector<std::string> recoverLeftovers(const LeftoverPlaces& places);

/// The file that marks a state directory as the lab's (written when the lab makes it), and the
/// one in each container directory it makes: recovery removes nothing without it.
inline constexpr const char* kStateMarker = "lifecycle-lab-state";
inline constexpr const char* kContainerMarker = "lifecycle-lab-container";

/// Writes the marker file into dir (made by the lab).
Status writeMarker(const std::string& dir, const char* marker);

/// Makes stateDir the lab's: a missing or empty directory is made and marked; one already marked
/// (or holding only what an unmarked lab left: containers, images, lock) is taken; any other
/// non-empty directory ("/", a home) is refused, so that nothing the lab did not make is touched.
Status claimStateDir(const std::string& stateDir);

/// flock(LOCK_EX | LOCK_NB) on <stateDir>/lock, held as long as the descriptor is; an error
/// when another backend holds it.
Expected<UniqueFd> lockStateDir(const std::string& stateDir);

} // namespace lab::real
