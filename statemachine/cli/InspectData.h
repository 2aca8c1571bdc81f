#pragma once
// What `docker inspect` shows of a container or an image, as template data: the typed view
// (struct fields in Docker's order) that templates run on first, and the raw-JSON view the CLI
// falls back to, where a missing key is an error ("map has no entry for key").

#include "docker/TemplateValue.h"

namespace lab {
class Container;
struct Image;
class Engine;
} // namespace lab

namespace lab::cli {

/// types.ContainerJSON, the subset the lab models.
docker::TemplateValue containerInspectData(const Container& container, const Engine& engine);
/// types.ImageInspect, the subset the lab models.
docker::TemplateValue imageInspectData(const Image& image);
/// The same data as decoded JSON: structs become maps.
docker::TemplateValue rawJsonView(const docker::TemplateValue& typed);
/// json.MarshalIndent(value, "", "    "), as docker inspect prints without -f.
std::string indentedJson(const docker::TemplateValue& value);

} // namespace lab::cli
