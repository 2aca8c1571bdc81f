#pragma once
// The programs a simulated container can run, found the way exec(2) finds them: a bare name is
// looked up in PATH, a name with a slash is taken as a path. The catalogue (Programs.cpp)
// covers busybox's applets that matter for the lifecycle and the default commands of the
// default world's images; docs/WORKLOAD.md lists each model and where its behaviour comes from.

#include "sim/Process.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lab {

/// What exec(2) would find for a command name.
enum class Lookup {
    Found,
    NotInPath,        ///< a bare name that no PATH directory holds
    NoSuchFile,       ///< a path that does not exist
    PermissionDenied, ///< a path to a directory or a file without the execute bit
};

/// Looks a command name up as exec(2) would in the simulated container.
Lookup lookupProgram(std::string_view name);

/// What the simulated image tree (busybox's directories, files and programs, the default
/// world's programs) holds at an absolute, normalised path before a container writes to it.
enum class BaseEntry { None, Directory, File };
BaseEntry baseTreeEntry(const std::string& path);

/// Starts a program that lookupProgram() found; it runs from `now`.
std::unique_ptr<Process> launchProgram(const std::vector<std::string>& argv, ProcessContext context,
                                       TimePoint now);

} // namespace lab
