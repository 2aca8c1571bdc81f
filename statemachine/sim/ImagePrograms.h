#pragma once
// The default commands of the default world's images (hello-world, nginx, redis, tomcat),
// modelled on the official images; internal to Programs.cpp.

#include "sim/Process.h"

#include <memory>
#include <string>
#include <vector>

namespace lab {

/// Paths (absolute, normalised) where the image programs live.
bool isImageProgramPath(const std::string& path);
/// Bare names the image programs answer to in PATH.
bool isImageProgramName(const std::string& name);
/// Starts an image program by its basename and full path; nullptr if it is not one.
std::unique_ptr<Process> launchImageProgram(const std::string& path,
                                            const std::vector<std::string>& argv,
                                            ProcessContext context, TimePoint now);

} // namespace lab
